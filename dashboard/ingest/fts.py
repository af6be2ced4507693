"""The Federal Customs Service regional unload (DATTSVT.csv): read, normalise, validate.

Current form: tab-separated UTF-8, decimal comma, header
    napr period nastranapr tnved edizm Stoim Netto Kol Region Region_s   (any case)
Older form: ';'-separated CP1251 with Russian headers. Both arrive bare or inside a ZIP.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.ingest import columns as col
from dashboard.ingest.rawfile import RawTable, norm_header
from dashboard.ingest.report import Report
from dashboard.store import rollups

STR = pd.StringDtype("pyarrow", na_value=np.nan)  # what .astype("str") gives: the text columns' dtype

# canonical name -> header spellings seen in unloads (compared after norm_header)
HEADERS: dict[str, tuple[str, ...]] = {
    "napr": ("napr", "направление", "направление перемещения", "напр"),
    "period": ("period", "период", "отчетный период"),
    "nastranapr": ("nastranapr", "страна", "страна-партнер", "страна партнер", "код страны", "strana"),
    "tnved": ("tnved", "тнвэд", "тн вэд", "код тн вэд", "код товара"),
    "edizm": ("edizm", "ед. изм.", "единица измерения", "едизм", "ед.изм."),
    "stoim": ("stoim", "стоимость", "стоимость, долл. сша", "стоимость (долл. сша)", "стоимость, долл.сша"),
    "netto": ("netto", "нетто", "вес нетто", "вес нетто, кг", "нетто, кг"),
    "kol": ("kol", "количество", "кол-во", "количество в доп. ед."),
    "region": ("region", "регион", "субъект рф", "субъект"),
    "region_s": ("region_s", "федеральный округ", "фо", "округ"),
}
REQUIRED = ("napr", "period", "nastranapr", "tnved", "stoim", "region")
FLOWS = {"ЭК": "E", "ИМ": "I", "EXP": "E", "IMP": "I", "ЭКСПОРТ": "E", "ИМПОРТ": "I", "EX": "E", "IM": "I"}
KEY = ["region", "year", "month", "flow", "partner", "hs10", "unit"]
# the forms of the text fields, shared with the fast path (fts_fast) so that both accept exactly the same
PERIOD_RE = r"^(\d{1,2})[./](\d{4})$"
REGION_RE = r"^(\d{2,11})\s*(?:-\s*(.*))?$"
HS10_RE = r"\d{10}"


@dataclass
class FtsData:
    # region, year, month, flow, partner, hs10, unit, value_usd, netto_kg, qty; the fast path hands the text
    # columns over dictionary-encoded (a few distinct values each), which DuckDB reads as plain VARCHAR
    table: pa.Table
    regions: pd.DataFrame     # code, name, district
    ignored_columns: list[str]

    @property
    def trade(self) -> pd.DataFrame:
        """The rows as a DataFrame with plain text columns (for small files and tests; imports use table)."""
        return rollups.plain(self.table).to_pandas(types_mapper={pa.string(): STR, pa.large_string(): STR}.get)

    def distinct(self, column: str) -> list:
        """The distinct values of a column, without a pass over the rows when it is dictionary-encoded."""
        col = self.table.column(column)
        if pa.types.is_dictionary(col.type):
            return sorted(set().union(*(c.dictionary.to_pylist() for c in col.chunks)))
        return sorted(pc.unique(col).to_pylist())


def looks_like(header: list[str]) -> bool:
    names = set(map(normalise_header, header))
    return {"napr", "nastranapr", "tnved"} <= names or {"направление", "страна"} <= names


def normalise_header(h: str) -> str:
    n = norm_header(h)
    for canon, spellings in HEADERS.items():
        if n in spellings:
            return canon
    return n


def map_columns(header: list[str], report: Report) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for i, h in enumerate(header):
        canon = normalise_header(h)
        if canon in HEADERS:
            if canon in found:
                report.add(1, h, h, f"column appears twice in the header (also column {found[canon] + 1})")
            found[canon] = i
    for need in REQUIRED:
        if need not in found:
            report.add(1, need, "", f"missing column {need!r} (or its Russian name {HEADERS[need][1]!r})")
    return found if report.ok else None


def parse(raw: RawTable, report: Report, today: dt.date | None = None) -> FtsData | None:
    """The careful path: every check row by row, each problem reported with its line and column. A clean file
    in the usual form never gets here (fts_fast.read_clean takes it), so this is for small or odd files."""
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
             "flow must be ЭК/ИМ (or EXP/IMP)" + col.mojibake_hint(napr[flow.isna()]))

    period = s("period")
    parts = period.str.strip().str.extract(PERIOD_RE)
    month = pd.to_numeric(parts[0], errors="coerce")
    year = pd.to_numeric(parts[1], errors="coerce")
    col.check_year_month(report, raw, year, month, hname("period"), period, today)

    partner = col.check_partner(report, raw, s("nastranapr"), hname("nastranapr"))

    tnved = s("tnved").str.strip()
    bad_code = ~tnved.str.fullmatch(HS10_RE)
    col.flag(report, raw, bad_code & tnved.str.fullmatch(r"\d{9}"), hname("tnved"), tnved,
             "9 digits: a leading zero was probably lost (10 digits expected)")
    col.flag(report, raw, bad_code & ~tnved.str.fullmatch(r"\d{9}"), hname("tnved"), tnved,
             "commodity code must have 10 digits")

    value = col.check_number(report, raw, s("stoim"), hname("stoim"), required=True)
    netto = col.check_number(report, raw, s("netto"), hname("netto"), required=False)
    qty = col.check_number(report, raw, s("kol"), hname("kol"), required=False)

    region_raw = s("region")
    rparts = region_raw.str.strip().str.extract(REGION_RE)
    col.flag(report, raw, rparts[0].isna(), hname("region"), region_raw,
             "region must start with its OKATO code, e.g. '18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ'")
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
        "value_usd": value.astype("float64"),
        "netto_kg": netto.astype("float64"),
        "qty": qty.astype("float64"),
    })
    key_columns = "+".join(hname(c) for c in ("napr", "period", "nastranapr", "tnved", "edizm", "region"))
    col.check_duplicates(report, raw, trade, KEY, ["value_usd", "netto_kg", "qty"], key_columns)
    if not report.ok:
        return None
    regions = (pd.DataFrame({"code": trade["region"], "name": rparts[1].fillna("").str.strip(),
                             "district": s("region_s").str.strip()})
               .drop_duplicates("code").reset_index(drop=True))
    return FtsData(table=pa.Table.from_pandas(trade, preserve_index=False), regions=regions,
                   ignored_columns=ignored_columns(raw.header, cols))


def ignored_columns(header: list[str], cols: dict[str, int]) -> list[str]:
    return [h for i, h in enumerate(header) if i not in set(cols.values())]


def period_bounds(data: FtsData) -> tuple[str, str]:
    ym = pc.add(pc.multiply(pc.cast(data.table.column("year"), pa.int32()), 100),
                pc.cast(data.table.column("month"), pa.int32()))
    bounds = pc.min_max(ym).as_py()
    lo, hi = int(bounds["min"]), int(bounds["max"])
    return f"{lo // 100}-{lo % 100:02d}", f"{hi // 100}-{hi % 100:02d}"


def region_note(data: FtsData, region: str) -> str:
    """Rows of every region are kept (the app has a region picker), but a file without a row of the
    configured region is most likely a mix-up, so its load says so."""
    found = data.distinct("region")
    if region in found:
        return ""
    return (f"no row of region {region} (DASHBOARD_REGION), only of {', '.join(found[:5])}: "
            f"shown when that region is chosen")
