"""Партнёры: every partner ranked, with filters by group and name, and downloads for Excel."""
import streamlit as st

from dashboard.export.ranking_table import display_table, filter_ranking
from dashboard.i18n import t
from dashboard.ui import cached, frame, state, widgets

pg = frame.page()
view, lang, region, period, v, ptext, scope = pg.view, pg.lang, pg.region, pg.period, pg.v, pg.ptext, pg.scope

st.title(t("partners.title", lang))
state.init_from_url("group", state.parse_choice(state.GROUPS), "all")
state.init_from_url("q", str, "")
state.show_url_problems()

c1, c2 = st.columns([3, 2])
c1.segmented_control(t("controls.group", lang), state.GROUPS, key="group",
                     format_func=lambda g: t(f"groups.{g}", lang))
c2.text_input(t("controls.search", lang), key="q", placeholder=t("controls.search_placeholder", lang))
group = st.session_state.get("group") or "all"
state.write_url(group=None if group == "all" else group, q=st.session_state["q"] or None)

ranking = cached.ranking(v, region, *period.params.values())
shown = filter_ranking(ranking, group, st.session_state["q"], lang)
st.caption(t("partners.caption", lang, shown=len(shown), n=len(ranking), period=pg.caption))
if shown.empty:
    st.info(t("partners.empty", lang))
    st.stop()

table = display_table(shown, lang)
growth_col = t("partners.col_growth", lang)
styled = widgets.number_style(table, lang, signed=(growth_col,)).map(widgets.growth_colour, subset=[growth_col])
# numbers get no format here (it would replace the Styler's Russian text); narrow columns leave room for
# Рост and Компаний at 1280 px
# the movement column is headed ▲▼ (its full name on hover): "Изменение места" alone took the room of a column
widths = {"rank": 55, "name": 120, "iso": 45, "turnover": 100, "exports": 100, "imports": 100, "share": 65,
          "growth": 75, "firms": 85}
config = {t(f"partners.col_{c}", lang): st.column_config.Column(width=w) for c, w in widths.items()}
config[t("partners.col_move", lang)] = st.column_config.Column(t("partners.col_move_short", lang), width=45,
                                                               help=t("partners.col_move", lang))
st.dataframe(styled, hide_index=True, width="stretch", height=min(38 * len(table) + 40, 720), key="ranking_table",
             column_config=config)
note = t("frame.footnote", lang, period=ptext, scope=scope, version=cached.version_label(v, lang))
widgets.downloads(table, lang, "ranking", f"partners_{region}_{period.code()}", note)
frame.footnote(lang, ptext, scope)
