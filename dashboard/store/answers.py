"""The store's answers: the only place that turns query rows into what pages, slides, checks and the CLI use.

The metric definitions are SQL (metrics.sql: partner_period, growth, firms_total); the queries are one a file
in sql/. Here rows become small frozen answers (Coverage, Position, RegionKpis, Scope, Firms) with None for
what is missing, never NaN, and money as exact integer cents (Money), so "the period cut to the loaded
months", "the last full year" or "a partner's place" each have exactly one function. The thin query functions
at the end return DataFrames for charts and tables.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dashboard.store.db import Store
from dashboard.store.period import Period

if TYPE_CHECKING:  # imported where a DataFrame is made or read: the CLI's JSON ranking runs without pandas
    import pandas as pd


# ---- money and rows ---------------------------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class Money:
    """An amount in exact US cents (the sums of metrics.sql); `usd` is the dollar view for display and charts."""
    cents: int

    @property
    def usd(self) -> float:
        return self.cents / 100

    def json(self) -> float:
        """Dollars with at most two decimals: cents / 100 prints as written (234000000.03, not ...02999994)."""
        return self.cents / 100


def _value(v: Any) -> Any:
    """NaN, NA and NaT -> None; numpy scalars -> Python ones."""
    import pandas as pd  # loaded already: the value comes from a DataFrame
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    return v.item() if hasattr(v, "item") else v


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts of plain Python values, None for missing ones (no caller tests for NaN itself)."""
    return [{k: _value(v) for k, v in row.items()} for row in df.to_dict("records")]


def first(store: Store, name: str, **params: object) -> dict[str, Any] | None:
    """The first row of query `name` as a dict, None when it has no rows."""
    rows = records(store.df(name, **params).head(1))
    return rows[0] if rows else None


def _int(v: Any) -> int | None:
    return None if v is None else int(v)


def _float(v: Any) -> float | None:
    return None if v is None else float(v)


# ---- coverage ---------------------------------------------------------------------------------------------
STALE_MONTHS = 6  # pages and slides warn when the latest month loaded is older than this
@dataclass(frozen=True)
class Coverage:
    """Which years of a region are loaded and the last month loaded in each."""
    region: str
    last_months: tuple[tuple[int, int], ...]   # (year, last month), by year

    @property
    def years(self) -> list[int]:
        return [y for y, _ in self.last_months]

    def last_month(self, year: int) -> int | None:
        return dict(self.last_months).get(year)

    def effective(self, period: Period) -> Period:
        """The period cut to the loaded months of its year (growth is then on the same months)."""
        return period.clamp(self.last_month(period.year))

    def covers(self, period: Period) -> bool:
        """Every month of the period is loaded."""
        return (self.last_month(period.year) or 0) >= period.m_to

    def latest_full_year(self) -> int | None:
        """The latest year loaded through December, else the latest year loaded; None when nothing is."""
        full = [y for y, last in self.last_months if last == 12]
        return max(full) if full else (max(self.years) if self.last_months else None)

    def latest_month(self) -> tuple[int, int] | None:
        """(year, month) of the latest month loaded: what "данные на …" names; None when nothing is."""
        return max(self.last_months) if self.last_months else None

    def stale(self, today: dt.date) -> bool:
        """The latest month loaded is more than STALE_MONTHS before today's month (or nothing is loaded)."""
        latest = self.latest_month()
        if latest is None:
            return True
        return (today.year * 12 + today.month) - (latest[0] * 12 + latest[1]) > STALE_MONTHS


def coverage(store: Store, region: str) -> Coverage:
    rows = store.rows("coverage", region=region)
    return Coverage(region, tuple((int(y), int(last)) for y, last, *_ in rows))


# ---- scope ------------------------------------------------------------------------------------------------
EAEU_KEY = {True: "scope.with_eaeu", False: "scope.without_eaeu", None: "scope.unknown"}


@dataclass(frozen=True)
class Scope:
    """What the figures of a region-year rest on; the label is i18n keys, rendered at the edge with t()."""
    eaeu_included: bool | None   # None: no source covers the period (or none says)
    demo: bool
    files: tuple[str, ...]

    @property
    def label_key(self) -> str:
        """'с учётом ЕАЭС' / 'including EAEU' and its siblings."""
        return EAEU_KEY[self.eaeu_included]

    @property
    def label_parts(self) -> tuple[str, ...]:
        """The scope in full: the EAEU key, then 'demonstration data' when it is."""
        return (self.label_key,) + (("scope.demo",) if self.demo else ())


def scope(store: Store, region: str, year: int) -> Scope:
    rows = store.rows("period_scope", region=region, year=year)
    eaeu, demo, n, files = rows[0] if rows else (None, False, 0, "")
    return Scope(eaeu_included=eaeu if n else None, demo=bool(demo),
                 files=tuple(f for f in (files or "").split(", ") if f))


# ---- a partner's position, the region's totals, firms -----------------------------------------------------
@dataclass(frozen=True)
class Position:
    """One partner's row of the ranking for a period: rank of M (`of`, counted by SQL), money, share, growth."""
    iso2: str
    name_ru: str | None
    name_en: str | None
    rank: int
    of: int
    turnover: Money
    exports: Money
    imports: Money
    share: float
    growth: float | None
    export_growth: float | None
    import_growth: float | None
    prev_rank: int | None
    firms: int | None             # firms_total of metrics.sql

    def name(self, lang: str) -> str | None:
        return self.name_ru if lang == "ru" else self.name_en

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> Position:
        return cls(r["iso2"], r.get("name_ru"), r.get("name_en"), int(r["rank"]), int(r["of"]),
                   Money(int(r["turnover_cents"])), Money(int(r["exports_cents"])), Money(int(r["imports_cents"])),
                   float(r["share"]), _float(r.get("growth")), _float(r.get("export_growth")),
                   _float(r.get("import_growth")), _int(r.get("prev_rank")), _int(r.get("firms")))


def positions(ranking: pd.DataFrame) -> dict[str, Position]:
    """Every row of a ranking (the DataFrame of `ranking`) as a Position, by ISO code."""
    return {r["iso2"]: Position.from_row(r) for r in records(ranking)}


def ranked(store: Store, region: str, period: Period) -> list[Position]:
    """The ranking of `ranking` as Positions in rank order, read without pandas (the CLI's fast path)."""
    return [Position.from_row(r) for r in store.dicts("partner_ranking", region=region, **period.params)]


def position_in(ranking: pd.DataFrame, iso2: str) -> Position | None:
    """The partner's Position in a ranking already read; None when it did not trade in the period."""
    rows = records(ranking[ranking["iso2"] == iso2])
    return Position.from_row(rows[0]) if rows else None


def position(store: Store, region: str, period: Period, iso2: str) -> Position | None:
    """Rank, M, money and growth of one partner; None when it did not trade in the period."""
    return position_in(ranking(store, region, period), iso2)


@dataclass(frozen=True)
class RegionKpis:
    """The region's totals for a period and the same months of the previous year."""
    turnover: Money
    exports: Money
    imports: Money
    balance: Money
    partners_count: int           # M, counted by SQL
    growth: float | None
    export_growth: float | None
    import_growth: float | None
    prev_partners_count: int | None
    # the part of turnover not distributed by country (NNN unknown, EU without a country, YY, RU returned
    # goods): in the totals above, in no partner's row
    unranked: Money = Money(0)


def region_kpis(store: Store, region: str, period: Period) -> RegionKpis | None:
    """None when the region did not trade in the period."""
    r = first(store, "region_kpis", region=region, **period.params)
    if r is None or r["turnover_cents"] is None:
        return None
    return RegionKpis(Money(int(r["turnover_cents"])), Money(int(r["exports_cents"])),
                      Money(int(r["imports_cents"])), Money(int(r["balance_cents"])), int(r["partners_count"]),
                      _float(r["growth"]), _float(r["export_growth"]), _float(r["import_growth"]),
                      _int(r["prev_partners_count"]), Money(int(r["unranked_cents"] or 0)))


@dataclass(frozen=True)
class Firms:
    """A partner's firm counts in one year; `total` is metrics.sql's firms_total."""
    year: int
    any: int | None
    exporters: int | None
    importers: int | None
    total: int | None

    def of_kind(self, kind: str) -> int | None:
        """'any' is the total (the 'any' count, else exporters + importers); 'exporters', 'importers' as given."""
        return {"any": self.total, "exporters": self.exporters, "importers": self.importers}.get(kind)


def firms(store: Store, iso2: str, year: int) -> Firms | None:
    """None when no firm count of the partner is loaded for the year."""
    for r in records(store.df("partner_firms", partner=iso2)):
        if int(r["year"]) == year:
            return Firms(year, _int(r["firms_any"]), _int(r["firms_exporters"]), _int(r["firms_importers"]),
                         _int(r["firms"]))
    return None


# ---- official figures (letters) ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Official:
    """One figure from a letter (ingest/letters.py): its period, partner (None = the region), metric and exact
    value (US dollars to the cent, growth as a ratio, counts and places), and the letter it comes from."""
    period: Period
    partner: str | None
    metric: str
    value: Decimal
    unit: str
    document: str
    document_date: dt.date
    restricted: bool              # ДСП: never on the guest deck or in a download
    entered_by: str | None

    @property
    def money(self) -> Money | None:
        """The amount of a money metric in cents; None for the others."""
        return Money(int(self.value * 100)) if self.metric in OFFICIAL_MONEY else None


OFFICIAL_MONEY = frozenset({"turnover", "exports", "imports"})


def official_figures(store: Store, region: str, partner: str | None = None, *, region_only: bool = False,
                     restricted: bool = True) -> list[Official]:
    """The region's official figures, newest period first: of one partner when given, of the region as a whole
    with region_only, else all; restricted=False leaves out the ДСП ones (the guest deck, downloads)."""
    if not store.rows("official_figures_held")[0][0]:  # a version published before the table
        return []
    out = []
    for y, m_from, m_to, p, metric, value, unit, doc, on, dsp, _file, by in store.rows("official_figures",
                                                                                       region=region):
        if (partner is not None and p != partner) or (region_only and p is not None) or (dsp and not restricted):
            continue
        out.append(Official(Period(int(y), int(m_from), int(m_to)), p, str(metric), Decimal(value), unit or "",
                            str(doc), on, bool(dsp), by))
    return out


def official(store: Store, region: str, period: Period, partner: str | None, metric: str) -> Official | None:
    """The official figure of exactly this period, partner and metric, if a letter gave one."""
    return next((o for o in official_figures(store, region) if o.period == period and o.partner == partner
                 and o.metric == metric), None)


# ---- names and the data version ---------------------------------------------------------------------------
def meta(store: Store, key: str) -> str | None:
    rows = store.rows("meta_value", key=key)
    return rows[0][0] if rows else None


def version_number(store: Store) -> str:
    """'3' of '…duckdb.v0003'."""
    return store.version.split(".v")[-1].split(".")[0].lstrip("0") or "0"


def published_at(store: Store) -> str | None:
    """When the served version was published, as stored (ISO 8601)."""
    return meta(store, "published_at")


def version_of(path: Path) -> tuple[str, str | None]:
    """(number, published_at) of any published version file, not only the one served (the Данные page names the
    version a rollback returns to and the one a publication made)."""
    other = Store(path)
    try:
        return version_number(other), published_at(other)
    finally:
        other.close()


# ---- the thin queries: DataFrames for charts and tables ---------------------------------------------------
def ranking(store: Store, region: str, period: Period) -> pd.DataFrame:
    """Every partner of the period, ranked (columns of sql/partner_ranking.sql: *_cents exact, *_usd display)."""
    return store.df("partner_ranking", region=region, **period.params)


def rank_history(store: Store, region: str, iso2: str, m_from: int = 1, m_to: int = 12) -> pd.DataFrame:
    return store.df("rank_history", region=region, partner=iso2, m_from=m_from, m_to=m_to)


def monthly_flows(store: Store, region: str, iso2: str | None = None) -> pd.DataFrame:
    return store.df("monthly_flows", region=region, partner=iso2)


def commodity_structure(store: Store, region: str, period: Period, iso2: str | None = None) -> pd.DataFrame:
    """Trade by heading, chapter and section: of the whole region (its own rollups), or with one partner."""
    from dashboard.store import structure
    return structure.commodity_structure(store, region, period, iso2)


def chapter_partners(store: Store, region: str, period: Period, chapter: str,
                     flow: str | None = None) -> pd.DataFrame:
    return store.df("chapter_partners", region=region, chapter=chapter, flow=flow, **period.params)


def firms_history(store: Store, iso2: str) -> pd.DataFrame:
    """year, kind, firms: every count loaded for the partner (the firms chart)."""
    return store.df("firms_history", partner=iso2)


def partner_list(store: Store, region: str) -> pd.DataFrame:
    return store.df("partner_list", region=region)


def sources(store: Store, lang: str = "ru") -> pd.DataFrame:
    """The import log (sql/sources_list.sql). A meeting file's note is its meeting's title, as stored: in English
    the meeting's English title where it has one."""
    df = store.df("sources_list")
    title_en = df.pop("title_en") if "title_en" in df else None
    if lang == "en" and title_en is not None:
        df["note"] = title_en.where(title_en.notna(), df["note"])
    return df


def regions(store: Store) -> pd.DataFrame:
    return store.df("regions_list")
