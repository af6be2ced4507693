"""Check quoted figures against the store as it stood for the period they refer to.

Period: the one the text states; if it states none, the last full calendar year before the meeting date (a
text of 3 February 2023 speaks of 2022), and the result says so. Without a meeting date: the latest full year
loaded. A period whose months are not all loaded gives no_data.

Tolerances (claimed c, value in the data d):
- rank: exact -> d == c; "входит в пятёрку" (top_n) -> d <= c; "более"/"не более" -> d > c / d <= c.
- counts of partners and firms: exact -> d == c; более / свыше -> d > c; не более / менее -> d <= c;
  около -> |d - c| <= max(5 % of c, 1); почти -> 0.9 c <= d <= c.
- money: exact -> |d - c| <= max(5 % of c, half the unit of the last stated digit: "0,2 млрд" allows ±50 млн);
  около -> the same with 10 %; более -> d > c; не более -> d <= c; почти -> 0.9 c <= d <= c + half a unit.
- growth (ratios): exact -> within 1 percentage point; около -> 2 p.p.; более -> d > c; не более -> d <= c;
  почти -> c - 3 p.p. <= d <= c + 0.5 p.p.
- tonnes (net mass) and money of named goods: as money, from the heading rollup (store/sql/goods_flow.sql);
  trade whose net mass the source left out gives no_data, never a partial sum; goods named that the reference does
  not know (goods "") give no_data, never the sum of all goods.
Firms: kind 'any' is firms_total of metrics.sql (the 'any' count, else exporters + importers), as the ranking.

Official figures (letters, ingest/letters.py): the loaded trade data come first; a claim whose period is not
loaded (or a firm count with no count loaded for its year) is checked against the official figure of exactly
its period, partner and metric when a letter gave one, and a note names the letter (meetings.note.official*).
The customs unload is the more detailed source and the one every other figure on the page rests on, so a
letter never overrides it; it answers only what the unload cannot.

Every answer comes from store/answers.py (coverage, positions, M counted by SQL, firms, scope), goods from
goods_flow.sql; the result is keys, never sentences: the verdict (meetings.verdict.<verdict>), the scope (Scope
keys, or the firms kind) and notes (meetings.note.* with parameters), rendered where they are shown
(dashboard/export/check_text.py).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

import pandas as pd

from dashboard import config
from dashboard.i18n.message import Msg, msg
from dashboard.meetings.claims import Claim
from dashboard.store import answers
from dashboard.store.answers import Money, Position, Scope
from dashboard.store.db import Store
from dashboard.store.period import Period

Verdict = Literal["confirmed", "mismatch", "no_data"]
# claim metric -> the attribute of a Position / RegionKpis that holds it
_TRADE = {"turnover": "turnover", "exports": "exports", "imports": "imports",
          "turnover_growth": "growth", "export_growth": "export_growth", "import_growth": "import_growth"}


@dataclass
class CheckedClaim:
    claim: Claim
    verdict: Verdict
    data_value: float | None
    period: Period | None           # the period used
    period_assumed: bool            # True: the text did not say it
    scope: Scope | None = None      # what trade figures rest on (EAEU included, demonstration data)
    firms_kind: str | None = None   # for a firm count: the kind compared (any | exporters | importers)
    notes: tuple[Msg, ...] = ()

    @property
    def verdict_key(self) -> str:
        return f"meetings.verdict.{self.verdict}"

    @property
    def scope_keys(self) -> tuple[str, ...]:
        """i18n keys of the scope: 'firms.any' for a firm count, else the Scope's label parts."""
        if self.firms_kind:
            return (f"firms.{self.firms_kind}",)
        return self.scope.label_parts if self.scope else ()

    def to_dict(self) -> dict:
        c = self.claim
        return {"quote": c.quote, "metric": c.metric, "partner": c.partner,
                "period": self.period.code() if self.period else None,
                "period_stated": c.period.code() if c.period else None, "period_assumed": self.period_assumed,
                "qualifier": c.qualifier, "claimed_value": c.value, "kind": c.kind,
                "data_value": _rounded(self.claim.metric, self.data_value), "verdict": self.verdict,
                "scope": list(self.scope_keys), "note": [n.to_json() for n in self.notes]}


def _rounded(metric: str, v: float | None) -> float | None:
    if v is None:
        return None
    if metric.endswith("growth"):
        return round(v, 4)
    if metric in ("turnover", "exports", "imports") or metric.endswith("_change"):
        return round(v, 2)
    if metric.endswith("_share"):
        return round(v, 4)
    return int(v) if float(v).is_integer() else v


def _ok(c: Claim, d: float) -> bool:
    q, v = c.qualifier, float(c.value)
    if q == "more_than":
        return d > v
    if q == "at_most":
        return d <= v
    if c.metric in ("rank", "export_rank", "import_rank"):
        return d <= v if q == "top_n" else d == v
    if c.metric == "rank_change":
        return d == v
    if c.metric.endswith("_share"):
        if q == "about":
            return abs(d - v) <= 0.01 + 1e-9
        if q == "almost":
            return v - 0.02 - 1e-9 <= d <= v + 0.001 + 1e-9
        return abs(d - v) <= 0.005 + 1e-9
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


class _Data:
    """The store's answers, read once for one check run."""

    def __init__(self, store: Store, region: str):
        self.store, self.region = store, region
        self.cov = answers.coverage(store, region)
        self._rank: dict[Period, pd.DataFrame] = {}
        self._scope: dict[int, Scope] = {}
        self._official: list[answers.Official] | None = None
        self._position: dict[tuple[Period, str], Position | None] = {}
        self._kpis: dict[Period, answers.RegionKpis | None] = {}

    def ranking(self, p: Period) -> pd.DataFrame:
        if p not in self._rank:
            self._rank[p] = answers.ranking(self.store, self.region, p)
        return self._rank[p]

    def position(self, p: Period, iso2: str) -> Position | None:
        if (p, iso2) not in self._position:
            self._position[p, iso2] = answers.position_in(self.ranking(p), iso2)
        return self._position[p, iso2]

    def kpis(self, p: Period) -> answers.RegionKpis | None:
        if p not in self._kpis:
            self._kpis[p] = answers.region_kpis(self.store, self.region, p)
        return self._kpis[p]

    def scope(self, year: int) -> Scope:
        if year not in self._scope:
            self._scope[year] = answers.scope(self.store, self.region, year)
        return self._scope[year]

    def official(self, c: Claim, period: Period) -> answers.Official | None:
        """The letter's figure for the claim's period, partner and metric (_OFFICIAL), ДСП ones included."""
        metric = _OFFICIAL.get(c.metric)
        if metric is None or c.goods is not None or (c.metric == "firms" and (c.kind or "any") != "any"):
            return None
        if self._official is None:
            self._official = answers.official_figures(self.store, self.region)
        return next((o for o in self._official if o.period == period and o.partner == c.partner
                     and o.metric == metric), None)

    def firms(self, iso2: str, year: int, kind: str) -> int | None:
        f = answers.firms(self.store, iso2, year)
        return f.of_kind(kind) if f else None


def default_period(meeting_date: dt.date | None, data: _Data) -> tuple[Period | None, Msg]:
    if meeting_date is not None:
        before = meeting_date.year - 1
        return Period(before), msg("meetings.note.period_before_meeting", year=before)
    y = data.cov.latest_full_year()
    if y is None or not data.cov.covers(Period(y)):
        return None, msg("meetings.note.no_full_year")
    return Period(y), msg("meetings.note.period_latest_full", year=y)


def _number(v: int | float | Money | None) -> float | None:
    if v is None:
        return None
    return v.usd if isinstance(v, Money) else float(v)


def check_claim(c: Claim, data: _Data, meeting_date: dt.date | None) -> CheckedClaim:
    period, assumed_note = (c.period, None) if c.period else default_period(meeting_date, data)
    assumed = c.period is None

    def result(verdict: Verdict, value: float | None, scope: Scope | None = None, note: Msg | None = None,
               firms_kind: str | None = None) -> CheckedClaim:
        notes = tuple(n for n in (assumed_note, note) if n is not None)
        return CheckedClaim(c, verdict, value, period, assumed, scope, firms_kind, notes)

    def judged(value: float | None, scope: Scope | None, firms_kind: str | None = None) -> CheckedClaim:
        if value is None:
            return result("no_data", None, scope, firms_kind=firms_kind)
        return result("confirmed" if _ok(c, value) else "mismatch", value, scope, firms_kind=firms_kind)

    def from_letter(o: answers.Official) -> CheckedClaim:
        value = float(o.value)
        note = msg("meetings.note.official_restricted" if o.restricted else "meetings.note.official",
                   document=o.document, date=o.document_date.isoformat())
        return result("confirmed" if _ok(c, value) else "mismatch", value, None, note,
                      firms_kind="any" if c.metric == "firms" else None)

    if period is None:
        return result("no_data", None)
    if (c.goods is not None and (c.metric not in _GOODS_FLOWS or c.goods == "")) or \
            (c.metric == "firms" and c.kind == "foreign_capital"):
        return result("no_data", None, note=msg("meetings.note.not_held"))
    if c.metric == "firms":
        if c.partner is None:
            return result("no_data", None, note=msg("meetings.note.no_partner_named"))
        kind = c.kind or "any"
        d = data.firms(c.partner, period.year, kind)
        if d is None:
            letter = data.official(c, period)
            if letter is not None:
                return from_letter(letter)
            return result("no_data", None, note=msg("meetings.note.no_firms", year=period.year),
                          firms_kind=kind)
        return judged(float(d), None, kind)
    if not data.cov.covers(period):
        letter = data.official(c, period)
        if letter is not None:
            return from_letter(letter)
        return result("no_data", None, note=msg("meetings.note.not_loaded", period=period.code()))
    scope = data.scope(period.year)
    if c.metric in _MASS or c.goods is not None:
        got, why = _goods(c, data, period)
        return judged(got, scope) if why is None else result("no_data", None, scope, why)
    if c.metric == "partners_count":
        if c.partner is not None:
            return result("no_data", None, scope)
        kpis = data.kpis(period)
        return judged(float(kpis.partners_count if kpis else 0), scope)
    if c.partner is None and (c.metric in _RANK_BY or c.metric in ("rank", "rank_change") or
                              c.metric.endswith("_share")):
        return result("no_data", None, scope, msg("meetings.note.no_partner_named"))
    if c.metric in _DERIVED:
        derived, why = _derived(c, data, period)
        return judged(derived, scope) if why is None else result("no_data", None, scope, why)
    if c.partner is None:
        kpis = data.kpis(period)
        raw = getattr(kpis, _TRADE[c.metric]) if kpis else None
    else:
        pos = data.position(period, c.partner)
        if pos is None:
            return result("no_data", None, scope,
                          msg("meetings.note.not_traded", period=period.code(), partner=c.partner))
        raw = pos.rank if c.metric == "rank" else getattr(pos, _TRADE[c.metric])
    if raw is None:
        note = msg("meetings.note.no_prev_year") if c.metric.endswith("growth") else None
        return result("no_data", None, scope, note)
    return judged(_number(raw), scope)


# Tonnes and money of named goods come from the heading rollup (goods_flow.sql); the flows each metric sums.
# Firms are counted by trade kind, never by capital: a count of another kind must not confirm it.
_GOODS_FLOWS = {"exports_mass": ["E"], "imports_mass": ["I"], "exports": ["E"], "imports": ["I"],
                "turnover": ["E", "I"]}
_MASS = frozenset({"exports_mass", "imports_mass"})
_RANK_BY = {"export_rank": "exports_cents", "import_rank": "imports_cents"}
_FLOW_OF = {"turnover_share": "turnover", "export_share": "exports", "import_share": "imports",
            "turnover_change": "turnover", "export_change": "exports", "import_change": "imports"}
_DERIVED = frozenset({*_RANK_BY, "rank_change", *_FLOW_OF})
# claim metric -> the metric of an official figure (ingest/letters.py METRICS) that answers it
_OFFICIAL = {"turnover": "turnover", "exports": "exports", "imports": "imports", "turnover_growth": "turnover_growth",
             "export_growth": "export_growth", "import_growth": "import_growth", "rank": "rank_by_turnover",
             "partners_count": "partner_countries", "firms": "firms"}


def _derived(c: Claim, data: _Data, period: Period) -> tuple[float | None, Msg | None]:
    """Ranks by one flow, rank movement, shares and differences, from the ranking and the region's totals."""
    if c.metric in _RANK_BY:
        df = data.ranking(period)
        col = _RANK_BY[c.metric]
        mine = df[df["iso2"] == c.partner]
        if mine.empty or int(mine.iloc[0][col]) <= 0:
            return None, msg("meetings.note.not_traded", period=period.code(), partner=c.partner)
        return float(1 + int((df[col] > mine.iloc[0][col]).sum())), None   # ties share the better place
    flow = _FLOW_OF.get(c.metric)
    if c.metric in ("turnover_change", "export_change", "import_change"):
        prev = period.previous()
        if not data.cov.covers(prev):
            return None, msg("meetings.note.no_prev_year")
        if c.partner is None:
            now_k, prev_k = (data.kpis(p) for p in (period, prev))
            now_v, prev_v = (getattr(k, flow or "turnover") if k else None for k in (now_k, prev_k))
        else:
            now_p, prev_p = data.position(period, c.partner), data.position(prev, c.partner)
            now_v, prev_v = (getattr(p, flow or "turnover") if p else None for p in (now_p, prev_p))
        if now_v is None or prev_v is None:
            return None, msg("meetings.note.no_prev_year")
        return float(now_v.usd - prev_v.usd), None
    pos = data.position(period, c.partner or "")
    if pos is None:
        return None, msg("meetings.note.not_traded", period=period.code(), partner=c.partner)
    if c.metric == "rank_change":
        if pos.prev_rank is None:
            return None, msg("meetings.note.no_prev_year")
        return float(pos.prev_rank - pos.rank), None
    kpis = data.kpis(period)
    total = getattr(kpis, flow or "turnover").usd if kpis else 0
    if not total:
        return None, None
    return getattr(pos, flow or "turnover").usd / total, None


def _goods(c: Claim, data: _Data, period: Period) -> tuple[float | None, Msg | None]:
    """Tonnes (net mass) or US dollars of the goods named (all goods when none is), from the heading rollup.
    No trade in them is 0; trade whose net mass the data lacks is no answer, never a partial sum."""
    rows, netto_rows, netto_kg, value_usd = data.store.rows(
        "goods_flow", region=data.region, year=period.year, m_from=period.m_from, m_to=period.m_to,
        flows=_GOODS_FLOWS[c.metric], goods=c.goods, partner=c.partner)[0]
    if c.metric not in _MASS:
        return float(value_usd or 0), None
    if netto_rows < rows:
        return None, msg("meetings.note.mass_not_held", period=period.code())
    return float(netto_kg or 0) / 1000, None


def check_claims(store: Store, claims: list[Claim], meeting_date: dt.date | None,
                 region: str | None = None) -> list[CheckedClaim]:
    data = _Data(store, region or config.region())
    # a figure told again is checked once: a long text repeats the same claims, and each check asks the store
    done: dict[tuple, CheckedClaim] = {}
    out: list[CheckedClaim] = []
    for c in claims:
        key = (c.metric, c.partner, c.period, c.qualifier, c.value, c.kind, c.step, c.goods, c.claimed_value, c.unit,
               c.scale)
        if key not in done:
            done[key] = check_claim(c, data, meeting_date)
        out.append(done[key] if done[key].claim is c else replace(done[key], claim=c))
    return out


@dataclass(frozen=True)
class Figures:
    """A partner's figures for the last full year before a date (what was true when the meeting was held)."""
    year: int
    rank: int | None
    of: int | None                  # M of that year, counted by SQL
    turnover: Money | None
    growth: float | None
    firms: int | None               # firms_total
    scope: Scope


def figures_as_of(store: Store, iso2: str, on: dt.date, region: str | None = None) -> Figures | None:
    """None when the year before `on` is not fully loaded."""
    data = _Data(store, region or config.region())
    p = Period(on.year - 1)
    if not data.cov.covers(p):
        return None
    pos = data.position(p, iso2)
    if pos is not None:
        return Figures(p.year, pos.rank, pos.of, pos.turnover, pos.growth, pos.firms, data.scope(p.year))
    kpis = answers.region_kpis(store, data.region, p)
    return Figures(p.year, None, kpis.partners_count if kpis else None, None, None,
                   data.firms(iso2, p.year, "any"), data.scope(p.year))
