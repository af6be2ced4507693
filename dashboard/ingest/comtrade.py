"""UN Comtrade CSV: Comtrade+ (camelCase or PascalCase headers) and the legacy 22-column download; the
comtrade format (see format.py).

National figures: they give context and mirror statistics, never the region's own trade.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.i18n.message import msg
from dashboard.ingest import columns as col
from dashboard.ingest import money
from dashboard.ingest.format import Checked
from dashboard.ingest.rawtable import RawTable
from dashboard.ingest.report import Report
from dashboard.reference import partners as ref_partners
from dashboard.store.publication import Writer

NAME = "comtrade"
SUFFIXES = (".csv", ".txt")

# canonical -> header keys after lower-casing and dropping everything but letters and digits
HEADERS = {
    "reporter": ("reporteriso",),
    "partner": ("partneriso",),
    "flow": ("flowcode", "tradeflowcode"),
    "hs": ("cmdcode", "commoditycode"),
    "value": ("primaryvalue", "tradevalueus"),
    "netto": ("netwgt", "netweightkg"),
    "year": ("refyear", "year"),
    "month": ("refmonth",),
    "period": ("period",),
    # not kept, but part of a row's key: Comtrade+ rows that differ in these are different rows
    "partner2": ("partner2iso", "partner2code"),
    "mot": ("motcode",),
    "customs": ("customscode",),
    "classification": ("classificationcode", "classification"),
}
# a row's identity: two rows equal on all of these are the same row twice (double-counted if loaded)
KEY = ("reporter", "partner", "partner2", "year", "month", "flow", "classification", "hs", "mot", "customs")
HS_CODE = r"TOTAL|[0-9]{2}|[0-9]{4}|[0-9]{6}"  # what the comtrade table holds (schema.sql)
REQUIRED = ("reporter", "partner", "flow", "hs", "value")
# Comtrade+ letter codes and legacy numbers; re-exports and re-imports count with exports and imports
FLOWS = {"X": "E", "M": "I", "RX": "E", "RM": "I", "2": "E", "1": "I", "3": "E", "4": "I",
         "EXPORT": "E", "IMPORT": "I", "RE-EXPORT": "E", "RE-IMPORT": "I"}
AGGREGATES = {"W00", "WLD", "_X", "X1", "XX", "0", ""}  # world and areas n.e.s.: not a partner country


@dataclass
class ComtradeData:
    trade: pd.DataFrame   # reporter, partner, year, month, flow, hs, value_cents, netto_kg
    skipped_aggregates: int
    rounded: int = 0      # values finer than a cent (Comtrade publishes fractions of a dollar), rounded once


def _key(h: str) -> str:
    return re.sub(r"[^a-z0-9]", "", h.lower())


def looks_like(header: list[str]) -> bool:
    keys = {_key(h) for h in header}
    return "partneriso" in keys and ("primaryvalue" in keys or "tradevalueus" in keys)


def parse(raw: RawTable, report: Report, today: dt.date | None = None) -> ComtradeData | None:
    found: dict[str, int] = {}
    for i, h in enumerate(raw.header):
        for canon, keys in HEADERS.items():
            if _key(h) in keys and canon not in found:
                found[canon] = i
    for need in REQUIRED:
        if need not in found:
            report.add(1, need, "", "ingest.reason.missing_column", column=need)
    if "year" not in found and "period" not in found:
        report.add(1, "refYear", "", "ingest.reason.missing_column_or", column="refYear", alias="Year/Period")
    if not report.ok:
        return None

    def s(name: str) -> pd.Series:
        return raw.table.column(found[name]).to_pandas().astype("str").str.strip()

    name = {k: raw.header[i] for k, i in found.items()}
    partner_raw = col.ascii_upper(s("partner"), "?")  # '?': no code, and no aggregate either
    aggregate = partner_raw.isin(AGGREGATES).to_numpy()
    by_iso3 = {p.iso3: p.iso2 for p in ref_partners.all_partners() if p.iso3}  # FTS-only codes have none
    partner = partner_raw.map(by_iso3)
    col.flag(report, raw, partner.isna().to_numpy() & ~aggregate, name["partner"], s("partner"),
             "ingest.reason.unknown_iso3")
    reporter_raw = col.ascii_upper(s("reporter"), "?")
    reporter = reporter_raw.map(by_iso3)
    col.flag(report, raw, reporter.isna(), name["reporter"], s("reporter"), "ingest.reason.unknown_iso3")
    flow_raw = s("flow").str.upper()
    flow = flow_raw.map(FLOWS)
    col.flag(report, raw, flow.isna(), name["flow"], flow_raw, "ingest.reason.comtrade_flow")
    value, finer = money.check(report, raw, s("value"), name["value"], finer="round")
    netto = (col.check_number(report, raw, s("netto"), name["netto"], required=False)
             if "netto" in found else pd.Series(np.nan, index=value.index))

    if "year" in found:
        year = pd.to_numeric(s("year"), errors="coerce")
        month = pd.to_numeric(s("month"), errors="coerce").fillna(0) if "month" in found else None
        shown = s("year")
    else:
        shown = s("period")
        year = pd.to_numeric(shown.str[:4], errors="coerce")
        month = pd.to_numeric(shown.str[4:6].where(shown.str.len() == 6, "0"), errors="coerce")
    if month is None:  # legacy annual files: Period is YYYY, or YYYYMM for monthly ones
        per = s("period") if "period" in found else shown
        month = pd.to_numeric(per.str[4:6].where(per.str.len() == 6, "0"), errors="coerce")
    # periods in ASCII digits only, whole: a fractional refMonth (2.5) or refYear is refused, never truncated
    for part in ("year", "month", "period"):
        if part in found:
            col.flag(report, raw, ~s(part).str.fullmatch(r"[0-9]{1,6}").fillna(False).astype(bool), name[part],
                     s(part), "ingest.reason.period_not_integer")
    hs = s("hs")
    classification = s("classification").str.upper() if "classification" in found else None
    if classification is not None:
        col.flag(report, raw, ~classification.str.fullmatch(r"H[0-9S]").fillna(False).astype(bool),
                 name["classification"], classification, "ingest.reason.comtrade_classification")
    col.flag(report, raw, ~hs.str.fullmatch(HS_CODE).fillna(False).astype(bool), name["hs"], hs,
             "ingest.reason.comtrade_hs_code")
    y = year.to_numpy(dtype="float64", na_value=np.nan)
    m = month.to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        col.flag(report, raw, np.isnan(y) | (y < 1962) | (y > (today or dt.date.today()).year),
                 name.get("year", "period"), shown, "ingest.reason.bad_year")
        col.flag(report, raw, np.isnan(m) | (m < 0) | (m > 12), name.get("month", "period"), shown,
                 "ingest.reason.bad_month")
    if not report.ok:
        return None
    ident = pd.DataFrame({k: (s(k) if k in found else pd.Series("", index=value.index)) for k in KEY})
    ident["year"], ident["month"], ident["flow"] = year, month, flow
    ident["reporter"], ident["partner"] = reporter_raw, partner_raw
    col.check_duplicates(report, raw, ident.assign(_v=value), list(KEY), ["_v"],
                         "+".join(name.get(k, k) for k in KEY if k in found))
    if not report.ok:
        return None
    keep = ~aggregate
    out = pd.DataFrame({
        "reporter": reporter.astype("str"), "partner": partner.fillna("").astype("str"),
        "year": year.astype("int16"), "month": month.astype("int8"), "flow": flow.astype("str"),
        "hs": hs.astype("str"), "value_cents": value.astype("int64"), "netto_kg": netto.astype("float64"),
    })[keep].reset_index(drop=True)
    return ComtradeData(out, int(aggregate.sum()), int((finer & keep).sum()))


def describe(data: ComtradeData) -> Checked:
    years = data.trade["year"]
    notes = ((msg("ingest.note.aggregates_skipped", n=data.skipped_aggregates),) if data.skipped_aggregates else ()) \
        + ((msg("ingest.note.rounded_cents", n=data.rounded),) if data.rounded else ())
    return Checked(len(data.trade), (str(years.min()), str(years.max())), notes,
                   skipped={"aggregates": data.skipped_aggregates} if data.skipped_aggregates else {})


def combine(parts: list[ComtradeData], members: list[str], report: Report) -> ComtradeData | None:
    """The members of one archive as one download."""
    key = ["reporter", "partner", "year", "month", "flow", "hs"]
    col.check_members_overlap(report, [p.trade for p in parts], key, members)
    if not report.ok:
        return None
    return ComtradeData(pd.concat([p.trade for p in parts], ignore_index=True),
                        sum(p.skipped_aggregates for p in parts), sum(p.rounded for p in parts))


def load(w: Writer, data: ComtradeData, source_id: int) -> int:
    """A file replaces the reporter-months it brings (the rows replaced are not counted)."""
    with w.frames(_new=data.trade):
        w.run("replace_comtrade", source_id=source_id)
    return 0
