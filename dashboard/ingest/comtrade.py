"""UN Comtrade CSV as the portals write it: Comtrade+ (camelCase or PascalCase headers, every field quoted, a
separator after the last field: rawfile.read_table), the legacy 35- and 22-column downloads and the short layout
with numeric UN M49 codes only; annual (refMonth 52, or Period YYYY) and monthly. The comtrade format (format.py).

National figures: they give context and mirror statistics, never the region's own trade.

Codes: comtrade_codes.py. The key: rows that differ only in partner2, mode of transport, customs procedure or mode
of supply are breakdowns of one total. The total's row is kept and its breakdowns skipped (counted); where a file
has no total's row, its breakdowns are summed into one (counted), if they break it down the same way. SITC files
are refused (the store's codes are HS).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.i18n.message import Msg, msg
from dashboard.ingest import columns as col
from dashboard.ingest import comtrade_codes as codes
from dashboard.ingest import money
from dashboard.ingest.format import Checked
from dashboard.ingest.rawtable import RawTable
from dashboard.ingest.report import Report
from dashboard.store.publication import Writer

NAME = "comtrade"
SUFFIXES = (".csv", ".txt")

# canonical -> header keys after lower-casing and dropping everything but letters and digits
HEADERS = {
    "reporter": ("reporteriso",),
    "reporter_code": ("reportercode",),
    "partner": ("partneriso",),
    "partner_code": ("partnercode",),
    "flow": ("flowcode", "tradeflowcode"),
    "hs": ("cmdcode", "commoditycode"),
    "value": ("primaryvalue", "tradevalueus"),
    "netto": ("netwgt", "netweightkg"),
    "year": ("refyear", "year"),
    "month": ("refmonth",),
    "period": ("period",),
    # breakdown columns: part of a row's key (comtrade_codes.TOTALS)
    "partner2": ("partner2iso", "2ndpartneriso"),
    "partner2_code": ("partner2code", "2ndpartnercode"),
    "mot": ("motcode", "modeoftransportcode"),
    "customs": ("customscode", "customsproccode"),
    "mos": ("moscode",),
    "classification": ("classificationcode", "classification"),
}
# a row's identity: two rows equal on all of these are the same row twice (double-counted if loaded)
KEY = ("reporter", "partner", "partner2", "year", "month", "flow", "classification", "hs", "mot", "customs", "mos")
TOTAL = ["reporter", "partner", "year", "month", "flow", "classification", "hs"]  # what the breakdowns break down
HS_CODE = r"TOTAL|[0-9]{2}|[0-9]{4}|[0-9]{6}"  # what the comtrade table holds (schema.sql)
SITC = r"S[1-4]|ST|SITC[1-4]?"
ANNUAL_MONTH = 52  # Comtrade+ writes refMonth 52 on annual rows (stored as month 0)
SKIP_NOTES = {"breakdowns": "ingest.note.comtrade_breakdowns", "summed": "ingest.note.comtrade_summed",
              "flow_parts": "ingest.note.comtrade_flow_parts"}
KINDS = {"national": "ingest.comtrade_kind.national", "mirror": "ingest.comtrade_kind.mirror",
         "both": "ingest.comtrade_kind.both", "other": "ingest.comtrade_kind.other",
         "mixed": "ingest.comtrade_kind.mixed"}


@dataclass
class ComtradeData:
    trade: pd.DataFrame   # reporter, partner, year, month, flow, hs, value_cents, netto_kg
    skipped_aggregates: int
    rounded: int = 0      # values finer than a cent (Comtrade publishes fractions of a dollar), rounded once
    skipped: dict[str, int] = field(default_factory=dict)  # breakdowns, summed, flow_parts (aggregates above)
    classifications: tuple[str, ...] = ()


def _key(h: str) -> str:
    return re.sub(r"[^a-z0-9]", "", h.lower())


def looks_like(header: list[str]) -> bool:
    keys = {_key(h) for h in header}
    return bool(keys & {"partneriso", "partnercode"}) and bool(keys & {"reporteriso", "reportercode"}) \
        and bool(keys & {"primaryvalue", "tradevalueus"})


def _columns(raw: RawTable, report: Report) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for i, h in enumerate(raw.header):
        for canon, keys in HEADERS.items():
            if _key(h) in keys and canon not in found:
                found[canon] = i
    for need, alias in (("reporter", "reporterCode"), ("partner", "partnerCode")):
        if need not in found and f"{need}_code" not in found:
            report.add(1, need, "", "ingest.reason.missing_column_or", column=f"{need}ISO", alias=alias)
    for need in ("flow", "hs", "value"):
        if need not in found:
            report.add(1, need, "", "ingest.reason.missing_column", column=need)
    if "year" not in found and "period" not in found:
        report.add(1, "refYear", "", "ingest.reason.missing_column_or", column="refYear", alias="Year/Period")
    return found if report.ok else None


def parse(raw: RawTable, report: Report, today: dt.date | None = None) -> ComtradeData | None:
    found = _columns(raw, report)
    if found is None:
        return None

    def s(name: str) -> pd.Series:
        return raw.table.column(found[name]).to_pandas().astype("str").str.strip()

    def opt(name: str) -> pd.Series | None:
        return s(name) if name in found else None

    name = {k: raw.header[i] for k, i in found.items()}
    classification = s("classification").str.upper() if "classification" in found else None
    if classification is not None:
        sitc = classification.str.fullmatch(SITC).fillna(False).astype(bool)
        if sitc.any():  # one sentence for the file: its codes are another nomenclature, never stored as HS
            report.add(0, name["classification"], classification[sitc].iloc[0], "ingest.reason.comtrade_sitc")
            return None
        col.flag(report, raw, ~classification.str.fullmatch(r"H[0-9S]").fillna(False).astype(bool),
                 name["classification"], classification, "ingest.reason.comtrade_classification")

    partner, partner_kind, _ = codes.areas(opt("partner"), opt("partner_code"))
    reporter, reporter_kind, _ = codes.areas(opt("reporter"), opt("reporter_code"))
    for side, kinds in (("partner", partner_kind), ("reporter", reporter_kind)):
        iso, number = opt(side), opt(f"{side}_code")
        by_alpha = (iso != "").to_numpy() if iso is not None else np.zeros(len(kinds), dtype=bool)
        unknown = kinds.isna().to_numpy()
        if iso is not None:
            col.flag(report, raw, unknown & by_alpha, name[side], iso, "ingest.reason.unknown_iso3")
        if number is not None:
            col.flag(report, raw, unknown & ~by_alpha, name[f"{side}_code"], number, "ingest.reason.unknown_m49")
        elif iso is not None:
            col.flag(report, raw, unknown & ~by_alpha, name[side], iso, "ingest.reason.unknown_iso3")
    # a reporter is a country or a group of them (EU-28); World or an area n.e.s. reports nothing
    col.flag(report, raw, reporter_kind.isin(["world", "nes", "special"]).to_numpy(),
             name.get("reporter", name.get("reporter_code", "")), reporter.fillna(""),
             "ingest.reason.comtrade_reporter_area")
    flow_raw = s("flow").str.upper()
    flow = flow_raw.map(codes.FLOWS)
    part = flow_raw.isin(codes.FLOW_PARTS).to_numpy()
    col.flag(report, raw, flow.isna().to_numpy() & ~part, name["flow"], flow_raw, "ingest.reason.comtrade_flow")
    value, finer = money.check(report, raw, s("value"), name["value"], finer="round")
    netto = (col.check_number(report, raw, s("netto"), name["netto"], required=False)
             if "netto" in found else pd.Series(np.nan, index=value.index))
    year, month = _periods(raw, report, found, name, s, today)
    hs = s("hs")
    col.flag(report, raw, ~hs.str.fullmatch(HS_CODE).fillna(False).astype(bool), name["hs"], hs,
             "ingest.reason.comtrade_hs_code")
    if not report.ok:
        return None

    ident = pd.DataFrame({
        "reporter": reporter, "partner": partner, "year": year, "month": month, "flow": flow.fillna(flow_raw),
        "classification": classification if classification is not None else "", "hs": hs,
        "partner2": (opt("partner2") if "partner2" in found else opt("partner2_code")),
        "mot": opt("mot"), "customs": opt("customs"), "mos": opt("mos"),
    }).fillna("")
    for k in ("partner2", "mot", "customs", "mos"):
        if k not in found and not (k == "partner2" and "partner2_code" in found):
            ident[k] = ""
    col.check_duplicates(report, raw, ident.assign(_v=value), list(KEY), ["_v"],
                         "+".join(name.get(k, k) for k in KEY if k in found))
    if not report.ok:
        return None
    aggregate = partner_kind.isin(["world", "nes", "group", "special"]).to_numpy()
    frame = ident.assign(value_cents=value.astype("int64"), netto_kg=netto.astype("float64"), _finer=finer,
                         _row=np.arange(len(ident)))
    rest = frame[~aggregate & ~part]
    kept, skipped = _totals(rest, raw, report)
    if kept is None:
        return None
    two = kept.duplicated(["reporter", "partner", "year", "month", "flow", "hs"], keep="first").to_numpy()
    col.flag(report, raw, np.isin(np.arange(len(ident)), kept["_row"].to_numpy()[two]), name.get(
        "classification", "classification"), ident["classification"], "ingest.reason.comtrade_two_classifications")
    if not report.ok:
        return None
    out = pd.DataFrame({
        "reporter": kept["reporter"].astype("str"), "partner": kept["partner"].astype("str"),
        "year": kept["year"].astype("int16"), "month": kept["month"].astype("int8"),
        "flow": kept["flow"].astype("str"), "hs": kept["hs"].astype("str"),
        "value_cents": kept["value_cents"].astype("int64"), "netto_kg": kept["netto_kg"].astype("float64"),
    }).reset_index(drop=True)
    skipped["flow_parts"] = int(part[~aggregate].sum())
    classes = tuple(sorted(set(classification[~aggregate & ~part]))) if classification is not None else ()
    return ComtradeData(out, int(aggregate.sum()), int(kept["_finer"].sum()),
                        {k: v for k, v in skipped.items() if v}, classes)


def _periods(raw: RawTable, report: Report, found: dict[str, int], name: dict[str, str], s,
             today: dt.date | None) -> tuple[pd.Series, pd.Series]:
    """(year, month: 0 for annual). refMonth 52 is Comtrade+'s annual month;
    a legacy Period is YYYY (annual) or YYYYMM (monthly)."""
    # periods in ASCII digits only, whole: a fractional refMonth (2.5) or refYear is refused, never truncated
    for part in ("year", "month", "period"):
        if part in found:
            col.flag(report, raw, ~s(part).str.fullmatch(r"[0-9]{1,6}").fillna(False).astype(bool), name[part],
                     s(part), "ingest.reason.period_not_integer")
    per = s("period") if "period" in found else None
    if "year" in found:
        year_shown = s("year")
    else:
        year_shown = per.str[:4]  # type: ignore[union-attr]
    year = pd.to_numeric(year_shown, errors="coerce")
    if "month" in found:
        shown, column = s("month"), name["month"]
        month = pd.to_numeric(shown, errors="coerce")
        month = month.mask(month == ANNUAL_MONTH, 0)
    elif per is not None:
        shown, column = per, name["period"]
        month = pd.to_numeric(per.str[4:6].where(per.str.len() == 6, "0"), errors="coerce")
        month = month.where(per.str.len().isin([4, 6]))
    else:
        shown, column = year_shown, name["year"]
        month = pd.Series(0, index=year.index)
    y = year.to_numpy(dtype="float64", na_value=np.nan)
    m = month.to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        col.flag(report, raw, np.isnan(y) | (y < 1962) | (y > (today or dt.date.today()).year),
                 name.get("year", name.get("period", "")), year_shown, "ingest.reason.bad_year")
        col.flag(report, raw, np.isnan(m) | (m < 0) | (m > 12), column, shown, "ingest.reason.bad_month")
    return year, month


def _totals(rows: pd.DataFrame, raw: RawTable, report: Report) -> tuple[pd.DataFrame | None, dict[str, int]]:
    """One row per total: the total's own row where the file has it (its breakdowns skipped), else the sum of its
    breakdowns when they all break it down the same way (by the same columns); else refused."""
    total = np.ones(len(rows), dtype=bool)
    levels = pd.DataFrame(index=rows.index)
    for dim in codes.BREAKDOWNS:
        t = codes.is_total(rows[dim], dim)
        total &= t
        levels[dim] = t
    rows = rows.assign(_total=total)
    has_total = rows.groupby(TOTAL, sort=False)["_total"].transform("any").to_numpy()
    breakdowns = int((has_total & ~total).sum())
    whole = rows[has_total & total]
    parts = rows[~has_total]
    if parts.empty:
        return whole, {"breakdowns": breakdowns, "summed": 0}
    mixed = levels[~has_total].groupby([parts[k] for k in TOTAL], sort=False).transform("nunique").gt(1).any(axis=1)
    if mixed.any():
        at = np.isin(np.arange(raw.table.num_rows), parts["_row"][mixed.to_numpy()])
        col.flag(report, raw, at, "", pd.Series([""] * raw.table.num_rows), "ingest.reason.comtrade_breakdown_mixed")
        return None, {}
    summed = parts.groupby(TOTAL, sort=False, as_index=False).agg(
        value_cents=("value_cents", "sum"), netto_kg=("netto_kg", lambda v: v.sum() if v.notna().all() else np.nan),
        _finer=("_finer", "sum"), _row=("_row", "min"))
    out = pd.concat([whole, summed], ignore_index=True).sort_values("_row", kind="stable")
    return out, {"breakdowns": breakdowns, "summed": len(parts) - len(summed)}


def kind_of(trade: pd.DataFrame) -> str:
    """national (Russia reports), mirror (others report their trade with Russia), both, other (Russia on neither
    side), or mixed (other countries' trade beside national or mirror data)."""
    russia = trade["reporter"] == "RU"
    found = {"national": bool(russia.any()), "mirror": bool((~russia & (trade["partner"] == "RU")).any()),
             "other": bool((~russia & (trade["partner"] != "RU")).any())}
    if found["other"]:
        return "mixed" if found["national"] or found["mirror"] else "other"
    return "both" if found["national"] and found["mirror"] else "national" if found["national"] else "mirror"


EDITIONS = {"H0": 1992, "H1": 1996, "H2": 2002, "H3": 2007, "H4": 2012, "H5": 2017, "H6": 2022}  # HS editions
MOST_LISTED = 6  # partners named in the load log; the rest counted


def summary(data: ComtradeData) -> tuple[Msg, ...]:
    """What the file is, for the load log (the Данные page and `sources`): its kind, who reports, its partners,
    its classification and its years, each a note of its own (codes as parameters)."""
    t = data.trade
    reporters, partners = sorted(set(t["reporter"])), sorted(set(t["partner"]))
    first, last = int(t["year"].min()), int(t["year"].max())
    editions = sorted({EDITIONS[c] for c in data.classifications if c in EDITIONS})
    notes = [msg(KINDS[kind_of(t)]), msg("ingest.note.comtrade_reporters", reporters=", ".join(reporters))]
    if len(partners) > MOST_LISTED:
        notes.append(msg("ingest.note.comtrade_partners_more", partners=", ".join(partners[:MOST_LISTED]),
                         more=len(partners) - MOST_LISTED))
    else:
        notes.append(msg("ingest.note.comtrade_partners", partners=", ".join(partners)))
    notes.append(msg("ingest.note.comtrade_hs_editions", editions=", ".join(map(str, editions))) if editions
                 else msg("ingest.note.comtrade_hs_as_reported"))
    notes.append(msg("ingest.note.comtrade_year", year=first) if first == last
                 else msg("ingest.note.comtrade_years", first=first, last=last))
    return tuple(notes)


def describe(data: ComtradeData) -> Checked:
    t = data.trade
    years = t["year"]
    notes = summary(data)
    if (t["month"] == 0).any():
        notes += (msg("ingest.note.comtrade_annual", n=int((t["month"] == 0).sum())),)
    if data.skipped_aggregates:
        notes += (msg("ingest.note.aggregates_skipped", n=data.skipped_aggregates),)
    for k, n in data.skipped.items():
        notes += (msg(SKIP_NOTES[k], n=n),)
    if data.rounded:
        notes += (msg("ingest.note.rounded_cents", n=data.rounded),)
    skipped = {"aggregates": data.skipped_aggregates, **data.skipped}
    return Checked(len(t), (str(years.min()), str(years.max())), notes,
                   skipped={k: v for k, v in skipped.items() if v})


def combine(parts: list[ComtradeData], members: list[str], report: Report) -> ComtradeData | None:
    """The members of one archive as one download."""
    key = ["reporter", "partner", "year", "month", "flow", "hs"]
    col.check_members_overlap(report, [p.trade for p in parts], key, members)
    if not report.ok:
        return None
    skipped: dict[str, int] = {}
    for p in parts:
        for k, n in p.skipped.items():
            skipped[k] = skipped.get(k, 0) + n
    return ComtradeData(pd.concat([p.trade for p in parts], ignore_index=True),
                        sum(p.skipped_aggregates for p in parts), sum(p.rounded for p in parts), skipped,
                        tuple(sorted({c for p in parts for c in p.classifications})))


def load(w: Writer, data: ComtradeData, source_id: int) -> int:
    """A file replaces the reporter-months it brings (the rows replaced are not counted)."""
    with w.frames(_new=data.trade):
        w.run("replace_comtrade", source_id=source_id)
    return 0
