"""The questions the pages ask, answered twice: through dashboard.store.answers (what the pages call) and the
way a typical Streamlit dashboard does it (one DataFrame of the raw unload, filtered and grouped per question).

Both sides get the same parameters (region, period, partner, chapter) and must return the same numbers;
`check` compares them, so a fast but wrong answer cannot win.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from dashboard.store import answers
from dashboard.store.db import Store
from dashboard.store.period import Period


@dataclass(frozen=True)
class Params:
    region: str
    year: int
    partner: str
    chapter: str

    @property
    def period(self) -> Period:
        return Period(self.year)


# name -> (page, what the page shows)
QUESTIONS: dict[str, tuple[str, str]] = {
    "coverage": ("every page", "years and last month loaded (period picker)"),
    "region_kpis": ("overview", "KPIs: turnover, exports, imports, partners, growth"),
    "ranking": ("overview/partners/map", "all partners ranked, growth, share (also feeds the map and top 10)"),
    "monthly_region": ("overview", "monthly exports and imports of the region"),
    "partner_history": ("partner", "rank of the partner in every year"),
    "monthly_partner": ("partner", "monthly dynamics of the partner"),
    "structure_partner": ("partner", "commodity structure of the partner"),
    "structure_region": ("goods", "commodity structure of the region (sections > chapters > headings)"),
    "chapter_partners": ("goods", "drill-down: partners of one HS chapter"),
}


def ours(store: Store, p: Params) -> dict[str, Callable[[], object]]:
    per = p.period
    return {
        "coverage": lambda: answers.coverage(store, p.region),
        "region_kpis": lambda: answers.region_kpis(store, p.region, per),
        "ranking": lambda: answers.ranking(store, p.region, per),
        "monthly_region": lambda: answers.monthly_flows(store, p.region),
        "partner_history": lambda: answers.rank_history(store, p.region, p.partner),
        "monthly_partner": lambda: answers.monthly_flows(store, p.region, p.partner),
        "structure_partner": lambda: answers.commodity_structure(store, p.region, per, p.partner),
        "structure_region": lambda: answers.commodity_structure(store, p.region, per),
        "chapter_partners": lambda: answers.chapter_partners(store, p.region, per, p.chapter),
    }


# --- the pandas way -------------------------------------------------------------------------------------------

def read_unload(paths: list) -> pd.DataFrame:
    """What a typical dashboard does once per process (and caches): read the unload as it comes."""
    # tnved as text (else leading zeros go) and no NA guessing (else Namibia, "NA", becomes a missing value):
    # the two things a careful pandas dashboard does; the rest is the defaults.
    frames = [pd.read_csv(f, sep="\t", decimal=",", dtype={"tnved": str}, keep_default_na=False,
                          na_values=[""]) for f in paths]
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    df.columns = [c.lower() for c in df.columns]
    # money in integer cents, as ours: a float of two decimals times 100, rounded, is the value as written (up
    # to 2^53 cents), and integer sums are exact, so both sides give the same figures to the cent
    df["cents"] = (df["stoim"] * 100).round().astype("int64")
    return df


def _partner_year(df: pd.DataFrame, region: str) -> pd.DataFrame:
    """Turnover by year and partner with the rank of the year: the metric definitions, in pandas."""
    d = df[df["region"].str.startswith(region + " ")]
    d = d.assign(year=d["period"].str[3:].astype(int), flow=d["napr"].map({"ЭК": "E", "ИМ": "I"}))
    t = d.pivot_table(index=["year", "nastranapr"], columns="flow", values="cents", aggfunc="sum", fill_value=0)
    t = t.reindex(columns=["E", "I"], fill_value=0).reset_index()
    t["turnover"] = t["E"] + t["I"]
    t = t[t["turnover"] > 0]
    t["rank"] = t.groupby("year")["turnover"].rank(method="min", ascending=False).astype(int)
    t["of"] = t.groupby("year")["turnover"].transform("size")
    t["share"] = t["turnover"] / t.groupby("year")["turnover"].transform("sum")
    return t


def pandas_way(df: pd.DataFrame, p: Params) -> dict[str, Callable[[], object]]:
    reg = p.region + " "
    yr = f"/{p.year}"

    def in_region() -> pd.DataFrame:
        return df[df["region"].str.startswith(reg)]

    def coverage():
        d = in_region()
        ym = d["period"].str[3:].astype(int) * 100 + d["period"].str[:2].astype(int)
        g = ym.groupby(ym // 100)
        return pd.DataFrame({"last_month": g.max() % 100, "months": g.nunique()})

    def kpis():
        t = _partner_year(df, p.region)
        g = t[t["year"].isin([p.year, p.year - 1])].groupby("year")
        k = g.agg(exports=("E", "sum"), imports=("I", "sum"), turnover=("turnover", "sum"),
                  partners=("turnover", "size"))
        return {"turnover_usd": int(k.loc[p.year, "turnover"]) / 100 if p.year in k.index else None,
                "growth": k["turnover"].pct_change().iloc[-1] if len(k) == 2 else None}

    def ranking():
        t = _partner_year(df, p.region)
        cur, prev = t[t["year"] == p.year], t[t["year"] == p.year - 1]
        out = cur.merge(prev[["nastranapr", "turnover", "rank"]], on="nastranapr", how="left",
                        suffixes=("", "_prev"))
        out["growth"] = out["turnover"] / out["turnover_prev"] - 1
        return out.sort_values("rank")

    def monthly(partner: str | None):
        d = in_region()
        if partner:
            d = d[d["nastranapr"] == partner]
        return d.groupby(["period", "napr"])["cents"].sum()

    def history():
        t = _partner_year(df, p.region)
        return t[t["nastranapr"] == p.partner].sort_values("year")

    def structure(partner: str | None):
        d = in_region()
        d = d[d["period"].str.endswith(yr)]
        if partner:
            d = d[d["nastranapr"] == partner]
        return d.groupby(["napr", d["tnved"].str[:4]])[["cents", "netto"]].sum().sort_values("cents")

    def chapter():
        d = in_region()
        d = d[d["period"].str.endswith(yr) & d["tnved"].str.startswith(p.chapter)]
        return d.groupby("nastranapr")["cents"].sum().sort_values(ascending=False)

    return {
        "coverage": coverage,
        "region_kpis": kpis,
        "ranking": ranking,
        "monthly_region": lambda: monthly(None),
        "partner_history": history,
        "monthly_partner": lambda: monthly(p.partner),
        "structure_partner": lambda: structure(p.partner),
        "structure_region": lambda: structure(None),
        "chapter_partners": chapter,
    }


def fingerprint(name: str, result: object) -> float:
    """One number per answer that both sides must agree on exactly: the total dollars it accounts for, from
    integer cents on both sides (the pandas side's sums and its turnover columns are cents)."""
    if isinstance(result, dict):
        return float(result.get("turnover_usd") or 0)
    if isinstance(result, answers.RegionKpis):
        return result.turnover.usd
    if isinstance(result, answers.Coverage):
        return float(sum(last for _, last in result.last_months))
    if isinstance(result, pd.Series):
        return int(result.sum()) / 100
    assert isinstance(result, pd.DataFrame)
    if name == "coverage":
        return float(result["last_month"].sum())
    for col in ("turnover_cents", "value_cents", "turnover", "cents"):
        if col in result:
            return int(result[col].sum()) / 100
    return float("nan")
