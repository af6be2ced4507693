"""The overview page's charts, cached as figure dicts per data version, region, period and language, as the
partner page's are (partner_view.charts): a rerun or a second visitor builds none of them again."""
from __future__ import annotations

import streamlit as st

from dashboard.charts import maps, trade
from dashboard.i18n import t
from dashboard.i18n.columns import name_column
from dashboard.ui import cached


@st.cache_data(show_spinner=False, max_entries=64)
def charts(v: str, region: str, year: int, m_from: int, m_to: int, lang: str, short: str) -> dict[str, dict]:
    """Top ten partners and the world map of the period, and the monthly flows of its year and the two before;
    by widget key. `short` is the period as chart titles write it ('янв–сен 2023')."""
    ranking = cached.ranking(v, region, year, m_from, m_to)
    ranking = ranking.assign(name=ranking[name_column(lang)].fillna(ranking["iso2"]))
    monthly = cached.monthly_flows(v, region, None)
    monthly = monthly[monthly["year"].between(year - 2, year)]
    years = f"{year - 2}–{year}"
    figs = {
        "overview_top10": trade.top_partners(ranking.head(10), lang, t("overview.top10", lang, period=short)),
        "overview_map": maps.world(ranking, lang, t("overview.map", lang, period=short)),
        "overview_monthly": trade.monthly(monthly, lang, t("overview.monthly", lang, years=years)),
    }
    return {key: fig.to_dict() for key, fig in figs.items()}
