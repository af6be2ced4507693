"""Check quoted figures against the store as it stood for the period they refer to.

Period: the one the text states; if it states none, the last full calendar year before the meeting date (a
text of 3 February 2023 speaks of 2022), and the result says so. Without a meeting date: the latest full year
loaded. A period whose months are not all loaded gives "нет данных".

Tolerances (claimed c, value in the data d):
- rank: exact -> d == c; "входит в пятёрку" (top_n) -> d <= c; "более"/"не более" -> d > c / d <= c.
- counts of partners and firms: exact -> d == c; более / свыше -> d > c; не более / менее -> d <= c;
  около -> |d - c| <= max(5 % of c, 1); почти -> 0.9 c <= d <= c.
- money: exact -> |d - c| <= max(5 % of c, half the unit of the last stated digit: "0,2 млрд" allows ±50 млн);
  около -> the same with 10 %; более -> d > c; не более -> d <= c; почти -> 0.9 c <= d <= c + half a unit.
- growth (ratios): exact -> within 1 percentage point; около -> 2 p.p.; более -> d > c; не более -> d <= c;
  почти -> c - 3 p.p. <= d <= c + 0.5 p.p.
Firms: kind 'any' is the 'any' count, else exporters + importers (as the partner ranking shows it).
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Literal

from dashboard import config
from dashboard.i18n import t
from dashboard.i18n.numbers import money, percent
from dashboard.meetings.claims import Claim
from dashboard.store import metrics
from dashboard.store.db import Store
from dashboard.store.period import Period

Verdict = Literal["confirmed", "mismatch", "no_data"]
VERDICT_RU = {"confirmed": "подтверждено", "mismatch": "расходится", "no_data": "нет данных"}
_TRADE = {"turnover": "turnover_usd", "exports": "exports_usd", "imports": "imports_usd",
          "turnover_growth": "growth", "export_growth": "export_growth", "import_growth": "import_growth"}


@dataclass
class CheckedClaim:
    claim: Claim
    verdict: str                    # confirmed | mismatch | no_data
    data_value: float | None
    period: Period | None           # the period used
    period_assumed: bool            # True: the text did not say it
    scope: str                      # "с учётом ЕАЭС", "без учёта ЕАЭС", "демонстрационные данные", firms kind
    note: str = ""

    @property
    def verdict_ru(self) -> str:
        return VERDICT_RU[self.verdict]

    def to_dict(self) -> dict:
        c = self.claim
        return {"quote": c.quote, "metric": c.metric, "partner": c.partner,
                "period": self.period.code() if self.period else None,
                "period_stated": c.period.code() if c.period else None, "period_assumed": self.period_assumed,
                "qualifier": c.qualifier, "claimed_value": c.value, "kind": c.kind,
                "data_value": _rounded(self.claim.metric, self.data_value), "verdict": self.verdict,
                "verdict_ru": self.verdict_ru,
                "scope": self.scope, "note": self.note}


def _rounded(metric: str, v: float | None) -> float | None:
    if v is None:
        return None
    if metric.endswith("growth"):
        return round(v, 4)
    if metric in ("turnover", "exports", "imports"):
        return round(v, 2)
    return int(v) if float(v).is_integer() else v


def _ok(c: Claim, d: float) -> bool:
    q, v = c.qualifier, float(c.value)
    if q == "more_than":
        return d > v
    if q == "at_most":
        return d <= v
    if c.metric == "rank":
        return d <= v if q == "top_n" else d == v
    if c.metric in ("partners_count", "firms"):
        if q == "about":
            return abs(d - v) <= max(0.05 * v, 1)
        if q == "almost":
            return 0.9 * v <= d <= v
        return d == v
    if c.metric.endswith("growth"):
        if q == "about":
            return abs(d - v) <= 0.02 + 1e-9
        if q == "almost":
            return v - 0.03 - 1e-9 <= d <= v + 0.005 + 1e-9
        return abs(d - v) <= 0.01 + 1e-9
    half = (c.step or 0) / 2
    if q == "almost":
        return 0.9 * v <= d <= v + half
    return abs(d - v) <= max((0.10 if q == "about" else 0.05) * v, half)


def describe(metric: str, value: float | None, lang: str = "ru") -> str:
    """A data value as the interface shows it: 4, 212, 300,0 млн $, +28,8 %."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if metric in ("turnover", "exports", "imports"):
        return money(value, lang)
    if metric.endswith("growth"):
        return percent(value, lang, signed=True)
    return str(int(value)) if float(value).is_integer() else str(value)


class _Data:
    """The store's answers, cached for one check run."""

    def __init__(self, store: Store, region: str):
        self.store, self.region = store, region
        self.cov = {int(r.year): int(r.last_month) for r in metrics.coverage(store, region).itertuples()}
        self._rank: dict[Period, object] = {}

    def covered(self, p: Period) -> bool:
        return self.cov.get(p.year, 0) >= p.m_to

    def ranking(self, p: Period):  # noqa: ANN201 - a DataFrame
        if p not in self._rank:
            self._rank[p] = metrics.ranking(self.store, self.region, p)
        return self._rank[p]

    def scope(self, year: int) -> str:
        s = metrics.scope(self.store, self.region, year)
        bits = [{True: "с учётом ЕАЭС", False: "без учёта ЕАЭС", None: ""}[s.eaeu_included]]
        if s.demo:
            bits.append("демонстрационные данные")
        return ", ".join(b for b in bits if b)

    def firms(self, iso2: str, year: int, kind: str) -> float | None:
        df = metrics.firms_history(self.store, iso2)
        df = df[df["year"] == year]
        by_kind = {str(k): float(v) for k, v in zip(df["kind"], df["firms"], strict=True)}
        if kind in by_kind:
            return by_kind[kind]
        if kind == "any" and "exporters" in by_kind and "importers" in by_kind:
            return by_kind["exporters"] + by_kind["importers"]
        return None


def default_period(meeting_date: dt.date | None, data: _Data) -> tuple[Period | None, str]:
    if meeting_date is not None:
        y = meeting_date.year - 1
        return Period(y), f"период в тексте не указан: взят последний полный год до даты встречи ({y})"
    full = [y for y, last in data.cov.items() if last == 12]
    if not full:
        return None, "период в тексте не указан, а полных лет в данных нет"
    return Period(max(full)), f"период и дата встречи не указаны: взят последний полный год в данных ({max(full)})"


def check_claim(c: Claim, data: _Data, meeting_date: dt.date | None) -> CheckedClaim:
    period, note = (c.period, "") if c.period else default_period(meeting_date, data)
    assumed = c.period is None

    def result(verdict: str, value: float | None, scope: str, extra: str = "") -> CheckedClaim:
        text = "; ".join(x for x in (note, extra) if x)
        return CheckedClaim(c, verdict, value, period, assumed, scope, text)

    if period is None:
        return result("no_data", None, "")
    if c.metric == "firms":
        if c.partner is None:
            return result("no_data", None, "", "партнёр не указан")
        kind = c.kind or "any"
        d = data.firms(c.partner, period.year, kind)
        scope = f"{t(f'firms.{kind}', 'ru').lower()}, {period.year}"  # "всего компаний, 2022", not the code
        if d is None:
            return result("no_data", None, scope, f"нет данных о числе фирм за {period.year}")
        return result("confirmed" if _ok(c, d) else "mismatch", d, scope)
    if not data.covered(period):
        return result("no_data", None, "", f"данные за {period.code()} загружены не полностью или отсутствуют")
    scope = data.scope(period.year)
    df = data.ranking(period)
    if c.metric == "partners_count":
        d = float(len(df)) if c.partner is None else None
        return result("confirmed" if d is not None and _ok(c, d) else "mismatch" if d is not None else "no_data",
                      d, scope)
    if c.partner is None and c.metric == "rank":
        return result("no_data", None, scope, "партнёр не указан")
    if c.partner is None:
        kpis = metrics.region_kpis(data.store, data.region, period)
        raw = kpis.get(_TRADE[c.metric])
    else:
        row = df[df["iso2"] == c.partner]
        if row.empty:
            return result("no_data", None, scope, f"в {period.code()} торговли с {c.partner} в данных нет")
        raw = row.iloc[0]["rank" if c.metric == "rank" else _TRADE[c.metric]]
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return result("no_data", None, scope, "нет данных за тот же период предыдущего года"
                      if c.metric.endswith("growth") else "")
    d = float(raw)
    return result("confirmed" if _ok(c, d) else "mismatch", d, scope)


def check_claims(store: Store, claims: list[Claim], meeting_date: dt.date | None,
                 region: str | None = None) -> list[CheckedClaim]:
    data = _Data(store, region or config.region())
    return [check_claim(c, data, meeting_date) for c in claims]


@dataclass
class Figures:
    """A partner's figures for the last full year before a date (what was true when the meeting was held)."""
    year: int
    rank: int | None
    of: int | None
    turnover_usd: float | None
    growth: float | None
    firms: float | None
    scope: str


def figures_as_of(store: Store, iso2: str, on: dt.date, region: str | None = None) -> Figures | None:
    """None when the year before `on` is not fully loaded."""
    data = _Data(store, region or config.region())
    p = Period(on.year - 1)
    if not data.covered(p):
        return None
    df = data.ranking(p)
    row = df[df["iso2"] == iso2]

    def val(col: str) -> float | None:
        if row.empty:
            return None
        v = row.iloc[0][col]
        return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)

    rank = val("rank")
    return Figures(p.year, int(rank) if rank is not None else None, len(df), val("turnover_usd"), val("growth"),
                   data.firms(iso2, p.year, "any"), data.scope(p.year))
