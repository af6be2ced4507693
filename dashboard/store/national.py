"""The region in the national picture: its place among the store's regions in trade with a partner, Russia's
trade with the partner as reported to Comtrade, and the partner's mirror figures, as frozen answers built on those
of answers.py (Money in cents, Scope with keys). One answer, NationalPicture, serves the partner page's block, the
national slide and the `context` command."""
from __future__ import annotations

from dataclasses import dataclass

from dashboard.store.answers import Money, Position, Scope, coverage, position, records, scope
from dashboard.store.db import Store
from dashboard.store.period import Period

RUSSIA = "RU"


def _scope_row(rows: list[tuple]) -> Scope | None:
    """A Scope from the first row of a *_scope query (eaeu_included, demo, sources, files); None without sources."""
    eaeu, demo, n, files = rows[0] if rows else (None, False, 0, "")
    if not n:
        return None
    return Scope(eaeu_included=eaeu, demo=bool(demo), files=tuple(f for f in (files or "").split(", ") if f))


@dataclass(frozen=True)
class RegionPlace:
    """The region's place among the regions of the store in trade with a partner: rank of `of` regions, and its
    share of what they trade together (the same rows, so the same scope)."""
    region: str
    rank: int
    of: int
    turnover: Money
    total: Money                  # every region of the store with the partner
    scope: Scope

    @property
    def share(self) -> float:
        return self.turnover.cents / self.total.cents


def region_place(store: Store, region: str, period: Period, iso2: str) -> RegionPlace | None:
    """None unless the store holds another region's trade with the partner in the period (a place among one
    region says nothing) or the region itself did not trade with it."""
    rows = records(store.df("region_places", partner=iso2, **period.params))
    mine = [r for r in rows if r["region"] == region and r["rank"] is not None]
    if not mine or int(mine[0]["of"]) < 2:
        return None
    scope = _scope_row(store.rows("regions_scope", year=period.year))
    assert scope is not None  # the region's rows come from a loaded source
    r = mine[0]
    return RegionPlace(region, int(r["rank"]), int(r["of"]), Money(int(r["turnover_cents"])),
                       Money(int(r["total_cents"])), scope)


def _comtrade_flows(store: Store, reporter: str, partner: str, period: Period) -> dict[str, Money] | None:
    """{'E': …, 'I': …} a reporter declares with a partner over the period: its annual figure for a full year, else
    (or without one) the sum of its monthly figures when every month of the period is there; None otherwise."""
    rows = store.rows("comtrade_flows", reporter=reporter, partner=partner, year=period.year)
    annual = {flow: int(v) for month, flow, v in rows if month == 0 and v is not None}
    if period.full_year and annual:
        return {f: Money(annual.get(f, 0)) for f in ("E", "I")}
    wanted = set(range(period.m_from, period.m_to + 1))
    monthly = [(int(m), f, int(v)) for m, f, v in rows if m in wanted and v is not None]
    if not monthly or {m for m, _, _ in monthly} != wanted:
        return None
    return {f: Money(sum(v for _, g, v in monthly if g == f)) for f in ("E", "I")}


@dataclass(frozen=True)
class NationalTrade:
    """Russia's trade with a partner as Russia reported it to Comtrade (exports FOB, imports CIF)."""
    partner: str
    period: Period
    exports: Money
    imports: Money
    scope: Scope

    @property
    def turnover(self) -> Money:
        return Money(self.exports.cents + self.imports.cents)


def national_trade(store: Store, period: Period, iso2: str) -> NationalTrade | None:
    flows = _comtrade_flows(store, RUSSIA, iso2, period)
    scope = _scope_row(store.rows("comtrade_scope", reporter=RUSSIA, partner=iso2, year=period.year))
    if flows is None or scope is None:
        return None
    return NationalTrade(iso2, period, flows["E"], flows["I"], scope)


@dataclass(frozen=True)
class Mirror:
    """What the partner reported to Comtrade of its trade with Russia, turned to Russia's side: its imports from
    Russia are Russia's exports (valued CIF by the partner, where Russia values FOB), its exports to Russia are
    Russia's imports. Never added to or compared with the region's own figures."""
    reporter: str
    period: Period
    russia_exports: Money          # the partner's imports from Russia, CIF
    russia_imports: Money          # the partner's exports to Russia, FOB
    scope: Scope

    @property
    def turnover(self) -> Money:
        return Money(self.russia_exports.cents + self.russia_imports.cents)


def mirror(store: Store, period: Period, iso2: str) -> Mirror | None:
    flows = _comtrade_flows(store, iso2, RUSSIA, period)
    scope = _scope_row(store.rows("comtrade_scope", reporter=iso2, partner=RUSSIA, year=period.year))
    if flows is None or scope is None:
        return None
    return Mirror(iso2, period, russia_exports=flows["I"], russia_imports=flows["E"], scope=scope)


@dataclass(frozen=True)
class NationalPicture:
    """The partner page's national block, the national slide and `context`: one answer for all three."""
    region: str
    partner: str
    period: Period
    position: Position | None     # the region's own trade with the partner
    scope: Scope                  # of the region's own figures
    place: RegionPlace | None
    national: NationalTrade | None
    mirror: Mirror | None

    @property
    def share_of_national(self) -> float | None:
        """The region's turnover over Russia's, only when both count EAEU trade alike (share_scope_key says which
        scope, or why there is no share)."""
        if self.position is None or self.national is None or not self.same_scope or not self.national.turnover.cents:
            return None
        return self.position.turnover.cents / self.national.turnover.cents

    @property
    def same_scope(self) -> bool:
        return (self.national is not None and self.scope.eaeu_included is not None
                and self.scope.eaeu_included == self.national.scope.eaeu_included)

    @property
    def share_scope_key(self) -> str | None:
        """The scope both figures share ('scope.with_eaeu' / 'scope.without_eaeu'), or national.scope_differs."""
        if self.national is None or self.position is None:
            return None
        return self.scope.label_key if self.same_scope else "national.scope_differs"

    @property
    def empty(self) -> bool:
        return self.place is None and self.national is None and self.mirror is None


def national_picture(store: Store, region: str, period: Period, iso2: str) -> NationalPicture:
    """For the period cut to the region's loaded months (Coverage.effective), as every other figure of the page."""
    period = coverage(store, region).effective(period)
    return NationalPicture(region, iso2, period, position(store, region, period, iso2),
                           scope(store, region, period.year), region_place(store, region, period, iso2),
                           national_trade(store, period, iso2), mirror(store, period, iso2))
