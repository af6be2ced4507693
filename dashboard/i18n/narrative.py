"""Sentences generated from the data, for the overview and the briefing deck."""
from __future__ import annotations

import pandas as pd

from dashboard.i18n import t
from dashboard.i18n.numbers import money, percent


def overview_sentence(kpis: dict, ranking: pd.DataFrame, period_text: str, lang: str, top_n: int = 3) -> str:
    name_col = "name_ru" if lang == "ru" else "name_en"
    top = ", ".join(ranking.sort_values("rank").head(top_n)[name_col].fillna(ranking["iso2"]))
    g = kpis.get("growth")
    growth = t("overview.growth_part", lang, growth=percent(g, lang, signed=True)) if g is not None else ""
    n = int(kpis.get("partners_count") or 0)
    return t("overview.sentence", lang, period=period_text, turnover=money(kpis.get("turnover_usd"), lang),
             growth=growth, exports=money(kpis.get("exports_usd"), lang),
             imports=money(kpis.get("imports_usd"), lang),
             partners=t("overview.partners_count", lang, n=n), top=top)
