"""Published figures (data/published_figures.csv) recomputed from the store, for the test that keeps the
demonstration data honest (tests/unit/test_published_figures.py: the bundled data must agree with them).

A figure is (period, subject, metric): period "2022" or "2023-01..2023-09"; subject "region" or an ISO code.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from dashboard import config
from dashboard.store import answers
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


_REGION = {"partner_countries": "partners_count", "turnover": "turnover", "exports": "exports", "imports": "imports"}
_PARTNER = {"rank_by_turnover": "rank", "turnover": "turnover", "exports": "exports", "imports": "imports",
            "share": "share"}
_FIRMS = {"exporting_firms": "exporters", "importing_firms": "importers", "linked_firms": "any"}
# 'turnover_growth_vs_2020' / 'export_growth_yoy' -> the Position's growth on the same months a year before
_GROWTH = (("turnover_growth", "growth"), ("export_growth", "export_growth"), ("import_growth", "import_growth"))


def _number(v: answers.Money | float | None) -> float | None:
    if v is None:
        return None
    return v.usd if isinstance(v, answers.Money) else float(v)


def compute(store: Store, fig: Figure, region: str) -> float | None:
    """The store's value of a published figure; None when the data do not cover it."""
    try:
        period = Period.parse(fig.period)
    except ValueError:
        return None
    if not answers.coverage(store, region).covers(period):
        return None
    growth = next((a for prefix, a in _GROWTH if fig.metric.startswith(prefix)), None)
    if fig.subject == "region":
        kpis = answers.region_kpis(store, region, period)
        attr = _REGION.get(fig.metric) or growth
        return _number(getattr(kpis, attr)) if kpis and attr else None
    if fig.metric in _FIRMS:
        firms = answers.firms(store, fig.subject, period.year)
        return _number(firms.of_kind(_FIRMS[fig.metric])) if firms else None
    pos = answers.position(store, region, period, fig.subject)
    attr = _PARTNER.get(fig.metric) or growth
    if pos is None or attr is None:
        return None
    return _number(getattr(pos, attr))


def agrees(fig: Figure, value: float | None) -> bool:
    """Counts and ranks exactly; "more than <the value>", "just over" and "exceeded" as a lower bound (a "more than"
    about something else, "more than 10 places above 2019", is no bound on the value); money within 1 %; ratios
    within half a unit of the last published digit."""
    if value is None:
        return False
    note = fig.note.lower()
    if f"more than {fig.value:g}" in note or note.startswith(("just over", "exceeded")):
        return value > fig.value and value <= fig.value * 1.1
    if fig.unit in ("position", "countries", "firms"):
        return value == fig.value
    if fig.unit == "USD":
        return abs(value - fig.value) <= 0.01 * fig.value
    if fig.unit == "ratio":
        digits = len(f"{fig.value}".split(".")[1]) if "." in f"{fig.value}" else 0
        return abs(value - fig.value) <= 0.5 * 10 ** -digits + 1e-9
    return abs(value - fig.value) < 1e-9
