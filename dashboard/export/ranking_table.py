"""The partner ranking shaped for display and download: names in the chosen language, values in millions,
rank movement against the same months of the previous year."""
from __future__ import annotations

import pandas as pd

from dashboard.i18n import t
from dashboard.i18n.columns import name_column

GROUP_COLUMNS = {"EAEU": "eaeu", "CIS": "cis", "EU": "eu", "BRICS": "brics", "SCO": "sco"}


def movement(rank: int, prev_rank: float | None, lang: str) -> str:
    """'▲2' moved up two places, '▼1' down one, '=' unchanged, 'новый' when absent a year before (NaN or None)."""
    if prev_rank is None or pd.isna(prev_rank):
        return t("partners.new", lang)
    d = int(prev_rank) - int(rank)
    return "=" if d == 0 else (f"▲{d}" if d > 0 else f"▼{-d}")


def filter_ranking(df: pd.DataFrame, group: str, search: str, lang: str) -> pd.DataFrame:
    out = df
    if group in GROUP_COLUMNS:
        out = out[out[GROUP_COLUMNS[group]].fillna(False).astype(bool)]
    if search.strip():
        q = search.strip().lower()
        hay = (out["name_ru"].fillna("") + " " + out["name_en"].fillna("") + " " + out["iso2"]).str.lower()
        out = out[hay.str.contains(q, regex=False)]
    return out


def display_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Columns named for people; shares and growth in percent; money in millions of dollars."""
    name = df[name_column(lang)].fillna(df["iso2"])
    return pd.DataFrame({
        t("partners.col_rank", lang): df["rank"].astype(int),
        t("partners.col_move", lang): [movement(r, p, lang) for r, p in zip(df["rank"], df["prev_rank"],
                                                                             strict=True)],
        t("partners.col_name", lang): name,
        t("partners.col_iso", lang): df["iso2"],
        t("partners.col_turnover", lang): (df["turnover_usd"] / 1e6).round(2),
        t("partners.col_exports", lang): (df["exports_usd"] / 1e6).round(2),
        t("partners.col_imports", lang): (df["imports_usd"] / 1e6).round(2),
        t("partners.col_share", lang): (df["share"] * 100).round(2),
        t("partners.col_growth", lang): (df["growth"] * 100).round(1),
        t("partners.col_firms", lang): df["firms"].astype("Int64"),
    }).reset_index(drop=True)
