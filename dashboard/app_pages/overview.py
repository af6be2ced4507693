"""Обзор: the region's KPIs for the period, top partners, the world map and monthly dynamics."""
import streamlit as st

from dashboard.charts import maps, trade
from dashboard.i18n import t
from dashboard.i18n.narrative import overview_sentence
from dashboard.i18n.numbers import period_label
from dashboard.ui import cached, controls, frame, state, widgets

view = frame.view()
lang, region = view.lang, view.region
period = controls.effective(view)
v = cached.version()
ptext = period_label(period.year, period.m_from, period.m_to, lang)
short = period_label(period.year, period.m_from, period.m_to, lang, short=True)

st.title(t("overview.title", lang))
state.show_url_problems()
st.caption(controls.period_caption(view, period) + " · " + frame.scope_text(lang, region, period.year))

k = cached.region_kpis(v, region, *period.params.values())
ranking = cached.ranking(v, region, *period.params.values())
if not k or ranking.empty:
    st.info(t("overview.no_trade", lang))
    st.stop()

widgets.kpis([
    widgets.kpi_money(lang, "turnover", k["turnover_usd"], k["growth"]),
    widgets.kpi_money(lang, "exports", k["exports_usd"], k["export_growth"]),
    widgets.kpi_money(lang, "imports", k["imports_usd"], k["import_growth"]),
    widgets.kpi_money(lang, "balance", k["balance_usd"], None),
    widgets.kpi_count(lang, "partners", k["partners_count"], k["prev_partners_count"]),
])
st.markdown(f"##### {overview_sentence(k, ranking, ptext, lang)}")

ranking = ranking.assign(name=ranking["name_ru" if lang == "ru" else "name_en"].fillna(ranking["iso2"]))
left, right = st.columns([5, 6])
with left:
    fig = trade.top_partners(ranking.head(10), lang, t("overview.top10", lang, period=short))
    widgets.chart(fig, lang, "overview_top10", f"top10_{period.code()}")
with right:
    fig = maps.world(ranking, lang, t("overview.map", lang, period=short))
    widgets.chart(fig, lang, "overview_map", f"map_{period.code()}")

monthly = cached.monthly_flows(v, region, None)
monthly = monthly[monthly["year"].between(period.year - 2, period.year)]
years = f"{period.year - 2}–{period.year}"
widgets.chart(trade.monthly(monthly, lang, t("overview.monthly", lang, years=years)), lang,
              "overview_monthly", f"monthly_{years}")
frame.footnote(lang, ptext, frame.scope_text(lang, region, period.year))
