"""The sentence under the overview KPIs, generated from the region's answers (text for people: the edge)."""
from __future__ import annotations

import pandas as pd

from dashboard.i18n import t
from dashboard.i18n.columns import name_column
from dashboard.i18n.numbers import money, percent
from dashboard.store.answers import RegionKpis


def overview_sentence(kpis: RegionKpis, ranking: pd.DataFrame, period_text: str, lang: str, top_n: int = 3) -> str:
    top = ", ".join(ranking.sort_values("rank").head(top_n)[name_column(lang)].fillna(ranking["iso2"]))
    g = kpis.growth
    growth = t("overview.growth_part", lang, growth=percent(g, lang, signed=True)) if g is not None else ""
    return t("overview.sentence", lang, period=period_text, turnover=money(kpis.turnover.usd, lang),
             growth=growth, exports=money(kpis.exports.usd, lang), imports=money(kpis.imports.usd, lang),
             partners=t("overview.partners_count", lang, n=kpis.partners_count), top=top)
