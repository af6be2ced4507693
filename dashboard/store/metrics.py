"""The dashboard's questions, answered from the published store. The metric definitions live in
metrics.sql (one place); this module picks the period and shapes the answers."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.store.db import Store
from dashboard.store.period import Period


@dataclass(frozen=True)
class Scope:
    eaeu_included: bool | None   # None: no source covers the period
    demo: bool
    files: str


def coverage(store: Store, region: str) -> pd.DataFrame:
    return store.df("coverage", region=region)


def years(store: Store, region: str) -> list[int]:
    return [int(y) for y in coverage(store, region)["year"]]


def effective_period(store: Store, region: str, period: Period) -> Period:
    """Cut the period to the loaded months of its year (growth is then on the same months)."""
    cov = coverage(store, region)
    row = cov[cov["year"] == period.year]
    return period.clamp(int(row["last_month"].iloc[0]) if len(row) else None)


def latest_full_year(store: Store, region: str) -> int | None:
    cov = coverage(store, region)
    full = cov[cov["last_month"] == 12]
    return int(full["year"].max()) if len(full) else (int(cov["year"].max()) if len(cov) else None)


def ranking(store: Store, region: str, period: Period) -> pd.DataFrame:
    return store.df("partner_ranking", region=region, **period.params)


def region_kpis(store: Store, region: str, period: Period) -> dict:
    df = store.df("region_kpis", region=region, **period.params)
    if df.empty:
        return {}
    return {k: (None if pd.isna(v) else v) for k, v in df.iloc[0].to_dict().items()}


def partner_position(store: Store, region: str, period: Period, iso2: str) -> dict | None:
    """Rank, M, turnover and growth of one partner; None when it did not trade in the period."""
    df = ranking(store, region, period)
    row = df[df["iso2"] == iso2]
    if row.empty:
        return None
    return {k: (None if (not isinstance(v, str) and pd.isna(v)) else v) for k, v in row.iloc[0].to_dict().items()}


def rank_history(store: Store, region: str, iso2: str, m_from: int = 1, m_to: int = 12) -> pd.DataFrame:
    return store.df("rank_history", region=region, partner=iso2, m_from=m_from, m_to=m_to)


def monthly_flows(store: Store, region: str, iso2: str | None = None) -> pd.DataFrame:
    return store.df("monthly_flows", region=region, partner=iso2)


def commodity_structure(store: Store, region: str, period: Period, iso2: str | None = None) -> pd.DataFrame:
    return store.df("commodity_structure", region=region, partner=iso2, **period.params)


def chapter_partners(store: Store, region: str, period: Period, chapter: str,
                     flow: str | None = None) -> pd.DataFrame:
    return store.df("chapter_partners", region=region, chapter=chapter, flow=flow, **period.params)


def firms_history(store: Store, iso2: str) -> pd.DataFrame:
    return store.df("firms_history", partner=iso2)


def scope(store: Store, region: str, year: int) -> Scope:
    rows = store.rows("period_scope", region=region, year=year)
    eaeu, demo, n, files = rows[0] if rows else (None, False, 0, "")
    return Scope(eaeu_included=eaeu if n else None, demo=bool(demo), files=files or "")


def partner_list(store: Store, region: str) -> pd.DataFrame:
    return store.df("partner_list", region=region)


def sources(store: Store) -> pd.DataFrame:
    return store.df("sources_list")


def meta(store: Store, key: str) -> str | None:
    rows = store.rows("meta_value", key=key)
    return rows[0][0] if rows else None


def regions(store: Store) -> pd.DataFrame:
    return store.df("regions_list")


def version_label(store: Store, lang: str = "ru") -> str:
    """What people see of the data version: '№ 3 от 25.11.2026 16:05' / 'no. 3 of 2026-11-25 16:05'."""
    number = store.version.split(".v")[-1].split(".")[0].lstrip("0") or "0"
    published = (meta(store, "published_at") or "").replace("T", " ")[:16]
    if lang == "ru":
        if len(published) >= 10:
            published = f"{published[8:10]}.{published[5:7]}.{published[:4]}{published[10:]}"
        return f"№ {number} от {published}".strip()
    return f"no. {number} of {published}".strip()
