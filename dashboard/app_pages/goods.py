"""Товары: the commodity structure of the region's trade, section -> chapter -> heading, and the partners of
a chosen chapter."""
import streamlit as st

from dashboard.charts import trade
from dashboard.i18n import t
from dashboard.ui import cached, frame, goods_view, state, widgets

pg = frame.page()
view, lang, region, period, v, ptext, scope = pg.view, pg.lang, pg.region, pg.period, pg.v, pg.ptext, pg.scope

st.title(t("goods.title", lang))
state.init_from_url("flow", state.parse_choice(goods_view.FLOWS), "E")
state.init_from_url("depth", lambda raw: state.parse_choice(["2", "3"])(raw), "2")
state.show_url_problems()
st.caption(pg.caption)

c1, c2 = st.columns(2)
c1.segmented_control(t("goods.flow", lang), goods_view.FLOWS, key="flow",
                     format_func=lambda f: t(f"flows.{f}", lang) if f != "EI" else t("goods.both", lang))
c2.segmented_control(t("goods.level", lang), ["2", "3"], key="depth",
                     format_func=lambda d: t(f"goods.level_{d}", lang))
flow = st.session_state.get("flow") or "E"
depth = st.session_state.get("depth") or "2"

span = (v, region, period.year, period.m_from, period.m_to, flow)  # what the goods' views are cached by
chapters = goods_view.chapters_of(*span, lang)
if not chapters:  # no rows of this flow
    st.info(t("overview.no_trade", lang))
    st.stop()
flow_name = t(f"flows.{flow}", lang) if flow != "EI" else t("goods.both", lang)
widgets.chart(goods_view.treemap_of(*span, lang, t("goods.treemap", lang, flow=flow_name, period=ptext), int(depth)),
              lang, "goods_tree", f"goods_{period.code()}_{flow}")

state.init_from_url("chapter", state.parse_choice(list(chapters)), next(iter(chapters)))
if st.session_state["chapter"] not in chapters:
    st.session_state["chapter"] = next(iter(chapters))
st.selectbox(t("goods.chapter", lang), list(chapters), key="chapter", format_func=lambda c: chapters[c])
chapter = st.session_state["chapter"]
state.write_url(flow=flow, depth=depth, chapter=chapter)

a, b = st.columns([2, 3])
with a:
    who = cached.chapter_partners(v, region, period.year, period.m_from, period.m_to, chapter,
                                 None if flow == "EI" else flow)
    who = goods_view.with_names(who, lang).head(10)
    fig = trade.top_partners(goods_view.as_flows(who, flow), lang,
                             t("goods.chapter_partners", lang, chapter=chapter, flow=flow_name, period=ptext))
    widgets.chart(fig, lang, "goods_chapter_partners", f"chapter_{chapter}_partners")
with b:
    st.subheader(t("goods.table", lang))
    table = goods_view.table_of(*span, lang, chapter)
    # numbers in the page's language whatever the browser's (widgets.number_style); the chapter (and a single flow)
    # is in the controls above, so the heading's name gets their room and the value and mass columns stay in view
    st.dataframe(widgets.number_style(table, lang), hide_index=True, width="stretch", key="goods_table",
                 column_order=([t("goods.flow", lang)] if flow == "EI" else [])
                 + [t(f"goods.col_{c}", lang) for c in ("heading", "value", "netto")],
                 column_config={t("goods.col_heading", lang): st.column_config.Column(width=240)})
    widgets.downloads(goods_view.table_of(*span, lang, None), lang, "goods", f"goods_{region}_{period.code()}",
                      t("frame.footnote", lang, period=ptext, scope=scope, version=cached.version_label(v, lang)))
frame.footnote(lang, ptext, scope)
