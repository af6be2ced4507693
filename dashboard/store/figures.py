"""Published figures (data/published_figures.csv) recomputed from the store, for the press service and for
the test that keeps the demonstration data honest.

A figure is (period, subject, metric): period "2022" or "2023-01..2023-09"; subject "region" or an ISO code.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from dashboard import config
from dashboard.store import metrics
from dashboard.store.db import Store
from dashboard.store.period import Period

FIGURES_CSV = "published_figures.csv"


@dataclass(frozen=True)
class Figure:
    period: str
    subject: str
    metric: str
    value: float
    unit: str
    note: str
    source: str


def load(path: Path | None = None) -> list[Figure]:
    path = path or config.data_dir() / FIGURES_CSV
    with open(path, encoding="utf-8", newline="") as f:
        return [Figure(r["period"], r["subject"], r["metric"], float(r["value"]), r["unit"], r["scope_note"],
                       r["source"]) for r in csv.DictReader(f)]


def _growth_base(metric: str) -> str | None:
    """'turnover_growth_vs_2020' / 'export_growth_yoy' -> the ranking column the growth is computed on."""
    for prefix, col in (("turnover_growth", "growth"), ("export_growth", "export_growth"),
                        ("import_growth", "import_growth")):
        if metric.startswith(prefix):
            return col
    return None


def compute(store: Store, fig: Figure, region: str) -> float | None:
    """The store's value of a published figure; None when the data do not cover it."""
    try:
        period = Period.parse(fig.period)
    except ValueError:
        return None
    cov = metrics.coverage(store, region)
    row = cov[cov["year"] == period.year]
    if row.empty or int(row["last_month"].iloc[0]) < period.m_to:
        return None
    ranking = metrics.ranking(store, region, period)
    if fig.subject == "region":
        kpis = metrics.region_kpis(store, region, period)
        value = {"partner_countries": kpis.get("partners_count"), "turnover": kpis.get("turnover_usd"),
                 "exports": kpis.get("exports_usd"), "imports": kpis.get("imports_usd")}.get(fig.metric)
        return None if value is None else float(value)
    part = ranking[ranking["iso2"] == fig.subject]
    if fig.metric in ("exporting_firms", "importing_firms", "linked_firms"):
        kind = {"exporting_firms": "exporters", "importing_firms": "importers", "linked_firms": "any"}[fig.metric]
        firms = metrics.firms_history(store, fig.subject)
        hit = firms[(firms["year"] == period.year) & (firms["kind"] == kind)]
        return float(hit["firms"].iloc[0]) if len(hit) else None
    if part.empty:
        return None
    r = part.iloc[0]
    col = {"rank_by_turnover": "rank", "turnover": "turnover_usd", "exports": "exports_usd",
           "imports": "imports_usd", "share": "share"}.get(fig.metric) or _growth_base(fig.metric)
    if col is None or r[col] is None or r[col] != r[col]:
        return None
    return float(r[col])


def agrees(fig: Figure, value: float | None) -> bool:
    """Counts and ranks exactly; "more than"/"just over" as a lower bound; money within 1 %; ratios within
    half a unit of the last published digit."""
    if value is None:
        return False
    note = fig.note.lower()
    if "more than" in note or "just over" in note:
        return value > fig.value and value <= fig.value * 1.1
    if fig.unit in ("position", "countries", "firms"):
        return value == fig.value
    if fig.unit == "USD":
        return abs(value - fig.value) <= 0.01 * fig.value
    if fig.unit == "ratio":
        digits = len(f"{fig.value}".split(".")[1]) if "." in f"{fig.value}" else 0
        return abs(value - fig.value) <= 0.5 * 10 ** -digits + 1e-9
    return abs(value - fig.value) < 1e-9
