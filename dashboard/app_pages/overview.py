"""Обзор: the region's KPIs for the period, top partners, the world map and monthly dynamics."""
import streamlit as st

from dashboard.i18n import t
from dashboard.ui import cached, frame, official_view, overview_view, state, widgets
from dashboard.ui.narrative import overview_sentence

pg = frame.page()
view, lang, region, period, v, ptext, short = pg.view, pg.lang, pg.region, pg.period, pg.v, pg.ptext, pg.short

st.title(t("overview.title", lang))
state.show_url_problems()
st.caption(pg.caption)

k = cached.region_kpis(v, region, *period.params.values())
ranking = cached.ranking(v, region, *period.params.values())
if k is None or ranking.empty:
    st.info(t("overview.no_trade", lang))
    st.stop()

widgets.kpis([
    widgets.kpi_money(lang, "turnover", k.turnover.usd, k.growth),
    widgets.kpi_money(lang, "exports", k.exports.usd, k.export_growth),
    widgets.kpi_money(lang, "imports", k.imports.usd, k.import_growth),
    widgets.kpi_money(lang, "balance", k.balance.usd, None),
    widgets.kpi_count(lang, "partners", k.partners_count, k.prev_partners_count),
])
st.markdown(f"##### {overview_sentence(k, ranking, ptext, lang)}")

figs = overview_view.charts(v, region, period.year, period.m_from, period.m_to, lang, short)
left, right = st.columns([5, 6])
with left:
    widgets.chart(figs["overview_top10"], lang, "overview_top10", f"top10_{period.code()}")
with right:
    widgets.chart(figs["overview_map"], lang, "overview_map", f"map_{period.code()}")
widgets.chart(figs["overview_monthly"], lang, "overview_monthly", f"monthly_{period.year - 2}–{period.year}")
official_view.block(lang, region)  # the region's own figures from letters
frame.footnote(lang, ptext, pg.scope)
