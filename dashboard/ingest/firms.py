"""Firm counts kept by the administration: year, partner (ISO alpha-2), number of firms, kind.

CSV with ',' or ';'; headers in English (year, partner, firms, kind) or Russian (год, страна, число фирм, вид).
kind: exporters | importers | any (Russian: экспортеры | импортеры | все). The firms format (see format.py).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.ingest import columns as col
from dashboard.ingest.format import Checked
from dashboard.ingest.rawfile import map_headers, norm_header
from dashboard.ingest.rawtable import RawTable
from dashboard.ingest.report import Report
from dashboard.store.publication import Writer

NAME = "firms"
SUFFIXES = (".csv", ".txt")

HEADERS = {
    "year": ("year", "год"),
    "partner": ("partner", "страна", "iso2", "код страны"),
    "firms": ("firms", "число фирм", "число предприятий", "предприятий", "count"),
    "kind": ("kind", "вид", "тип"),
}
MAX_FIRMS = 1_000_000  # more firms than Russia has exporters at all, for one region and partner: an error
KINDS = {"exporters": "exporters", "importers": "importers", "any": "any",
         "экспортеры": "exporters", "импортеры": "importers", "все": "any", "всего": "any"}


@dataclass
class FirmsData:
    firms: pd.DataFrame  # year, partner, kind, firms


def looks_like(header: list[str]) -> bool:
    names = {norm_header(h) for h in header}
    return any(n in names for n in HEADERS["firms"]) and any(n in names for n in HEADERS["kind"])


def parse(raw: RawTable, report: Report, today: dt.date | None = None) -> FirmsData | None:
    found = map_headers(raw, report, HEADERS)
    if not report.ok:
        return None

    def s(name: str) -> pd.Series:
        return raw.table.column(found[name]).to_pandas().astype("str")

    name = {k: raw.header[i] for k, i in found.items()}
    year_s = s("year")
    year = pd.to_numeric(year_s.str.strip(), errors="coerce")
    this_year = (today or dt.date.today()).year
    y = year.to_numpy(dtype="float64", na_value=np.nan)
    col.flag(report, raw, np.isnan(y) | (y != np.round(y)), name["year"], year_s, "ingest.reason.year_form")
    with np.errstate(invalid="ignore"):
        col.flag(report, raw, (y < 1990) | (y > this_year), name["year"], year_s, "ingest.reason.year_range",
                 first=1990, last=this_year)
    partner = col.check_partner(report, raw, s("partner"), name["partner"])
    firms_s = s("firms")
    # a count is ASCII digits, read as a 64-bit integer (never through a float or a 32-bit column)
    digits = firms_s.str.strip().str.fullmatch(r"[0-9]{1,15}").fillna(False).astype(bool)
    firms = pd.Series(0, index=firms_s.index, dtype="int64")
    firms[digits] = firms_s[digits].str.strip().map(int).astype("int64")
    col.flag(report, raw, ~digits, name["firms"], firms_s, "ingest.reason.firm_count")
    col.flag(report, raw, digits & (firms > MAX_FIRMS), name["firms"], firms_s, "ingest.reason.firm_count_implausible",
             max=MAX_FIRMS)
    kind_s = s("kind")
    kind = kind_s.str.strip().str.lower().str.replace("ё", "е").map(KINDS)
    col.flag(report, raw, kind.isna(), name["kind"], kind_s, "ingest.reason.firm_kind")
    if not report.ok:
        return None
    out = pd.DataFrame({"year": year.astype("int16"), "partner": partner.astype("str"),
                        "kind": kind.astype("str"), "firms": firms.astype("int64")})
    col.check_duplicates(report, raw, out, ["year", "partner", "kind"], ["firms"], name["partner"])
    return FirmsData(out) if report.ok else None


def combine(parts: list[FirmsData], members: list[str], report: Report) -> FirmsData | None:
    """The members of one archive as one table."""
    col.check_members_overlap(report, [p.firms for p in parts], ["year", "partner", "kind"], members)
    return FirmsData(pd.concat([p.firms for p in parts], ignore_index=True)) if report.ok else None


def describe(data: FirmsData) -> Checked:
    years = data.firms["year"]
    return Checked(len(data.firms), (str(years.min()), str(years.max())))


def load(w: Writer, data: FirmsData, source_id: int) -> int:
    """A table replaces the counts of the same year, partner and kind (the rows replaced are not counted)."""
    with w.frames(_new=data.firms):
        w.run("replace_firms", source_id=source_id)
    return 0
