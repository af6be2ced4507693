"""The Federal Customs Service regional unload (DATTSVT.csv): the FTS format (see format.py).

Current form: tab-separated UTF-8, decimal comma, header
    napr period nastranapr tnved edizm Stoim Netto Kol Region Region_s   (any case)
Older forms: ';'-separated CP1251 with Russian headers, and dBASE (.dbf, CP866). They arrive bare or inside a
ZIP. A clean file in the usual form is read by fts_fast without a pass per row in Python; every other file
is checked row by row here, and each problem is reported with its line and column.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard import config
from dashboard.i18n.message import Msg, msg
from dashboard.ingest import columns as col
from dashboard.ingest import dbf, fts_fast, money
from dashboard.ingest.format import Checked
from dashboard.ingest.fts_form import (
    FLOWS,
    HS10_RE,
    KEY,
    PERIOD_RE,
    REGION_RE,
    FtsData,
    ignored_columns,
    looks_like,
    map_columns,
    normalise_header,
)
from dashboard.ingest.rawfile import Data
from dashboard.ingest.rawtable import RawTable
from dashboard.ingest.report import Report
from dashboard.reference import regions as ref_regions
from dashboard.reference.partners import in_group
from dashboard.store import rollups
from dashboard.store.publication import Writer

# the format (format.py), and the table and key its readers return
__all__ = ["NAME", "SUFFIXES", "looks_like", "parse", "read_fast", "describe", "load", "combine", "FtsData", "KEY"]

NAME = "fts"
SUFFIXES = (".csv", ".txt", ".tsv", ".dbf")


def read_fast(name: str, data: Data, today: dt.date | None = None) -> FtsData | None:
    """A clean unload in the usual form (fts_fast); None for anything else, DBF included."""
    if dbf.looks_like_dbf(name):
        return None
    return fts_fast.read_clean(name, data, today)


def parse(raw: RawTable, report: Report, today: dt.date | None = None) -> FtsData | None:
    """The careful path: every check row by row, each problem reported with its line and column. A clean file
    in the usual form never gets here (fts_fast.read_clean takes it), so this is for small or odd files."""
    if annual_extract(raw, report):
        return None
    cols = map_columns(raw.header, report)
    if cols is None:
        return None
    t = raw.table

    def s(name: str) -> pd.Series:
        if name not in cols:
            return pd.Series([""] * t.num_rows, dtype="str")
        return t.column(cols[name]).to_pandas().astype("str")

    def hname(name: str) -> str:
        return raw.header[cols[name]] if name in cols else name

    napr = s("napr")
    flow = napr.str.strip().str.upper().map(FLOWS)
    col.flag(report, raw, flow.isna(), hname("napr"), napr,
             "ingest.reason.flow_mis_encoded" if col.mis_encoded(napr[flow.isna()]) else "ingest.reason.flow")

    period = s("period")
    parts = period.str.strip().str.extract(PERIOD_RE)
    month = pd.to_numeric(parts[0], errors="coerce")
    year = pd.to_numeric(parts[1], errors="coerce")
    col.check_year_month(report, raw, year, month, hname("period"), period, today)

    partner = col.check_partner(report, raw, s("nastranapr"), hname("nastranapr"))

    tnved = s("tnved").str.strip()
    bad_code = ~tnved.str.fullmatch(HS10_RE)
    col.flag(report, raw, bad_code & tnved.str.fullmatch(r"[0-9]{9}"), hname("tnved"), tnved,
             "ingest.reason.hs_lost_zero")
    col.flag(report, raw, bad_code & ~tnved.str.fullmatch(r"[0-9]{9}"), hname("tnved"), tnved,
             "ingest.reason.hs_digits")

    # money exact, in cents; the FTS gives dollars and cents, so a finer value is refused at its line
    value, _ = money.check(report, raw, s("stoim"), hname("stoim"), finer="refuse")
    netto = col.check_number(report, raw, s("netto"), hname("netto"), required=False)
    qty = col.check_number(report, raw, s("kol"), hname("kol"), required=False)

    region_raw = s("region")
    rparts = region_raw.str.strip().str.extract(REGION_RE)
    col.flag(report, raw, rparts[0].isna(), hname("region"), region_raw,
             "ingest.reason.region_code")
    # a known code, named as the reference names it (reference/regions.py): a file never renames a region
    why = pd.Series([ref_regions.problem(c, n if isinstance(n, str) else "") if isinstance(c, str) else None
                     for c, n in zip(rparts[0], rparts[1], strict=True)], dtype=object)
    for reason in ("ingest.reason.region_unknown", "ingest.reason.region_name"):
        col.flag(report, raw, (why == reason).to_numpy(), hname("region"), region_raw, reason)
    if not report.ok:
        return None

    trade = pd.DataFrame({
        "region": rparts[0].astype("str"),
        "year": year.astype("int16"),
        "month": month.astype("int8"),
        "flow": flow.astype("str"),
        "partner": partner.astype("str"),
        "hs10": tnved.astype("str"),
        "unit": s("edizm").str.strip().astype("str"),
        "value_cents": value.astype("int64"),
        "netto_kg": netto.astype("float64"),
        "qty": qty.astype("float64"),
    })
    key_columns = "+".join(hname(c) for c in ("napr", "period", "nastranapr", "tnved", "edizm", "region"))
    col.check_duplicates(report, raw, trade, KEY, ["value_cents", "netto_kg", "qty"], key_columns)
    if not report.ok:
        return None
    regions = (pd.DataFrame({"code": trade["region"], "name": rparts[1].fillna("").str.strip(),
                             "district": s("region_s").str.strip()})
               .drop_duplicates("code").reset_index(drop=True))
    return FtsData(table=pa.Table.from_pandas(trade, preserve_index=False), regions=regions,
                   ignored_columns=ignored_columns(raw.header, cols))


def combine(parts: list[FtsData], members: list[str], report: Report) -> FtsData | None:
    """The members of one archive (a month each, say) as one unload."""
    tables = [rollups.plain(p.table) for p in parts]
    col.check_members_overlap(report, [t.select(KEY).to_pandas() for t in tables], KEY, members)
    if not report.ok:
        return None
    regions = pd.concat([p.regions for p in parts], ignore_index=True).drop_duplicates("code").reset_index(drop=True)
    ignored = list(dict.fromkeys(c for p in parts for c in p.ignored_columns))
    return FtsData(table=pa.concat_tables(tables, promote_options="permissive"), regions=regions,
                   ignored_columns=ignored)


def period_bounds(data: FtsData) -> tuple[str, str]:
    ym = pc.add(pc.multiply(pc.cast(data.table.column("year"), pa.int32()), 100),
                pc.cast(data.table.column("month"), pa.int32()))
    bounds = pc.min_max(ym).as_py()
    lo, hi = int(bounds["min"]), int(bounds["max"])
    return f"{lo // 100}-{lo % 100:02d}", f"{hi // 100}-{hi % 100:02d}"


def region_note(data: FtsData, region: str) -> Msg | None:
    """Rows of every region are kept (the app has a region picker), but a file without a row of the
    configured region is most likely a mix-up, so its load says so."""
    found = data.distinct("region")
    if region in found:
        return None
    return msg("ingest.note.other_region", region=region, found=", ".join(found[:5]))


def annual_extract(raw: RawTable, report: Report) -> bool:
    """An extract of annual totals derived from the FTS data (every period a bare year: "open customs data"
    files) is refused with one sentence, not a problem a row: the dashboard ranks months and needs the monthly
    unload (README, "Annual extracts")."""
    at = next((i for i, h in enumerate(raw.header) if normalise_header(h) == "period"), None)
    if at is None or raw.table.num_rows == 0:
        return False
    period = pc.utf8_trim_whitespace(raw.table.column(at))
    if not pc.all(pc.match_substring_regex(period, r"^[0-9]{4}$")).as_py():
        return False
    report.add(0, raw.header[at], period[0].as_py(), "ingest.reason.annual_extract")
    return True


def describe(data: FtsData) -> Checked:
    _ = data.rollup  # summed here, in the reading thread, rather than while the writer holds the store
    notes = [msg("ingest.note.ignored_columns", columns=", ".join(data.ignored_columns))] if data.ignored_columns \
        else []
    other = region_note(data, config.region())
    return Checked(data.table.num_rows, period_bounds(data), tuple(notes + ([other] if other else [])),
                   regions=tuple(sorted(data.regions["code"])),
                   eaeu_partners=any(in_group(c, "EAEU") for c in data.distinct("partner")))


def load(w: Writer, data: FtsData, source_id: int) -> int:
    """A newer file of the same region-months replaces the older one's rows; the number of rows replaced."""
    delta = data.rollup
    replaced = rollups.replace_months(w.con, delta, w.held)
    regions = data.regions.assign(name=data.regions["code"].map(ref_regions.stored_name))  # not the file's
    with w.frames(_regions=regions):
        w.run("insert_regions")
    # the declarations on a second connection while this one stores the rollup rows: DuckDB stores an insert of
    # one file's rows in about one thread, so the two inserts overlap on two cores. A small file's rows wait for
    # the next file's until they fill a row group (rollups.Held), so they carry their source with them.
    sources = pa.array(np.full(data.table.num_rows, source_id, dtype=np.int32))
    rows = w.held.take("trade", data.table.append_column("source_id", sources))
    trade = w.beside("insert_trade", frames={"_new": rollups.batched(rows)}) if rows.num_rows else None
    try:
        rollups.add(w.con, delta, source_id, w.held)
    except BaseException:
        if trade is not None:
            trade.join(raise_error=False)
        raise
    if trade is not None:
        trade.join()
    return replaced
