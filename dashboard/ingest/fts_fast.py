"""The fast path of the FTS reader, for the usual case of a clean unload (issue 6: import >= 1M rows/s).

pyarrow splits the bytes straight into typed columns: Stoim as decimal(18, 2) made integer cents (exact: no
binary float on the way, and a value finer than a cent fails the read), Netto and Kol as float64, text
columns dictionary-encoded,
so that each check and each normalisation (strip, upper case, region code, period) runs once per distinct
value, not once per row, and the rows are never turned into Python strings. The ten-digit code is the one
text column with about as many distinct values as rows (a file may hold a code per row): it stays plain text,
checked row by row by one Arrow kernel. The result is exactly what
fts.parse returns for the same file. It never reports: at the first sign of anything fts.parse would flag
(or of a form it does not know: CR line ends, blank lines, another encoding, thousands separators...) it
returns None, and fts.parse then runs its row-by-row checks, so every message and line number of a bad file
comes from the one validating code path.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from dashboard.ingest import columns as col
from dashboard.ingest import fts_form as form
from dashboard.ingest import money
from dashboard.ingest.rawfile import Data, read_csv_whole, sniff_delimiter
from dashboard.ingest.report import Report
from dashboard.reference import partners as ref_partners
from dashboard.reference import regions as ref_regions

NUMBERS = ("stoim", "netto", "kol")
_TEXT = pa.dictionary(pa.int32(), pa.string())
_MONEY = pa.decimal128(18, 2)  # dollars and cents as written; 16 whole digits, far past col.MAX_VALUE
_HUNDRED = pa.scalar(Decimal(100), pa.decimal128(3, 0))


class _Text:
    """A dictionary-encoded text column: its distinct values (a pandas Series, to normalise and check
    the way fts.parse does) and, for every row, the position of its value among them."""

    def __init__(self, arr: pa.ChunkedArray):
        one = arr.unify_dictionaries().combine_chunks() if arr.num_chunks else pa.array([], _TEXT)
        self.indices = one.indices
        self.values = one.dictionary.to_pandas(types_mapper={pa.string(): form.STR}.get)
        self.rows = self.indices.to_numpy(zero_copy_only=False)

    def recoded(self, per_value: pd.Series | np.ndarray, typ: pa.DataType | None = None) -> pa.Array:
        """The column with every row's value replaced by the value computed for its distinct value."""
        if typ is None:  # text stays dictionary-encoded: no pass over the rows
            return pa.DictionaryArray.from_arrays(self.indices, pa.array(np.asarray(per_value, dtype=object),
                                                                         pa.string()))
        return pa.array(np.asarray(per_value).astype(typ.to_pandas_dtype())).take(self.indices)


def _read(data: memoryview, delimiter: str, cols: dict[str, int], width: int, decimal: str) -> pa.Table | None:
    names = [f"c{i}" for i in range(width)]
    typed = {f"c{cols[n]}": (_MONEY if n == "stoim" else pa.float64()) for n in NUMBERS if n in cols}
    typed[f"c{cols['tnved']}"] = pa.string()
    table = read_csv_whole(
        pa.BufferReader(pa.py_buffer(data)), names,
        # a blank line is a row of the wrong width here: such a file goes the careful way (CR LF, or a lone CR,
        # ends a line for both)
        {"delimiter": delimiter, "quote_char": '"', "ignore_empty_lines": False},
        pacsv.ConvertOptions(column_types={n: typed.get(n, _TEXT) for n in names},
                             decimal_point=decimal, null_values=[""], strings_can_be_null=False,
                             quoted_strings_can_be_null=False, check_utf8=False),
        # malloc's pool: with the heap kept between files (pipeline.keep_heap), each file's buffers reuse the
        # last one's pages instead of faulting in fresh ones (a third of the import's system time)
        memory_pool=pa.system_memory_pool(),
        # pyarrow 26 reads a decimal with a decimal comma through one buffer shared by the threads that convert
        # the blocks: read in parallel, a value now and then comes out as another row's digits (or the process
        # aborts). So a comma file is read in this thread alone; the pipeline reads two files at once anyway.
        threads=decimal != ",")
    return None if table is None or not _utf8(table) or not _plain_table(table) else table


def _utf8(table: pa.Table) -> bool:
    """Whether every text value is valid UTF-8, checked on the distinct values of each column (a dictionary
    per column and block) rather than on every row as pyarrow's check_utf8 would: ~4 % of the import's CPU."""
    try:
        for column in table.columns:
            if pa.types.is_dictionary(column.type):
                for chunk in column.chunks:
                    chunk.dictionary.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _number(arr: pa.ChunkedArray) -> bool:
    """Whether a parsed Netto or Kol column passes col.check_number: finite and in range where given."""
    if arr.null_count == len(arr):
        return True
    if pc.any(pc.is_nan(arr)).as_py():
        return False
    bounds = pc.min_max(arr).as_py()
    return bool(bounds["min"] >= 0 and bounds["max"] <= col.MAX_VALUE)


def _cents(arr: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """Stoim in integer cents (x 100 in decimal arithmetic, then int64: exact), or None when a value is missing or
    out of the range money.check allows."""
    if arr.null_count:
        return None
    cents = pc.cast(pc.multiply(arr, _HUNDRED), pa.int64())
    bounds = pc.min_max(cents).as_py()
    return cents if len(cents) == 0 or (bounds["min"] >= 0 and bounds["max"] <= money.MAX_CENTS) else None


def _hs10(arr: pa.ChunkedArray) -> pa.Array | None:
    """The codes as fts.parse takes them (trimmed, ten ASCII digits), or None if a row has anything else. The
    usual file has exactly ten digits on every row: then one regex pass is the whole check (ASCII digits are
    valid UTF-8, no control character, short)."""
    one = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    ten = "^" + form.HS10_RE + "$"
    if pc.all(pc.match_substring_regex(one, ten)).as_py() is not False:  # None: no rows
        return one
    try:
        one.validate(full=True)  # UTF-8, before any kernel reads characters
    except pa.ArrowInvalid:
        return None
    if pc.any(pc.match_substring_regex(one, col.CONTROL)).as_py() or pc.max(pc.utf8_length(one)).as_py() > col.MAX_TEXT:
        return None
    trimmed = pc.utf8_trim_whitespace(one)  # what pandas' str.strip() runs on these columns
    return trimmed if pc.all(pc.match_substring_regex(trimmed, ten)).as_py() else None


def _plain_table(table: pa.Table) -> bool:
    """Every text field of every column (those ignored too) as col.check_text wants it, on the distinct values."""
    for column in table.columns:
        if pa.types.is_dictionary(column.type):
            for chunk in column.chunks:
                d = chunk.dictionary
                if (pc.any(pc.match_substring_regex(d, col.CONTROL)).as_py()
                        or (len(d) and pc.max(pc.utf8_length(d)).as_py() > col.MAX_TEXT)):
                    return False
    return True


def read_clean(name: str, data: Data, today: dt.date | None = None) -> form.FtsData | None:
    """The FTS unload in `data` (already unpacked) if it is clean and in the usual form, else None."""
    if data.find(b'"') >= 0:
        return None  # the unload has no quoting: the careful path sees whether a quote is left open
    start = 3 if data[:3] == b"\xef\xbb\xbf" else 0
    nl = data.find(b"\n", start)
    if nl < 0:
        return None
    try:
        first = data[start:nl].decode("utf-8")
    except UnicodeDecodeError:
        return None
    delimiter = sniff_delimiter(first)
    header = [h.strip().strip('"') for h in first.split(delimiter)]
    if not form.looks_like(header) or any(re.search(col.CONTROL, h) or len(h) > col.MAX_TEXT for h in header):
        return None
    cols = form.map_columns(header, Report(name))
    body = memoryview(data)[nl + 1:]
    if cols is None or not data[nl + 1:nl + 2]:  # header only: the careful path says so
        return None
    table = None
    for decimal in (",", "."):  # the FTS writes a decimal comma; a file re-saved elsewhere may have dots
        table = _read(body, delimiter, cols, len(header), decimal)
        if table is not None:
            break
    if table is None or table.num_rows == 0:
        return None
    return _checked(table, header, cols, today or dt.date.today())


def _checked(t: pa.Table, header: list[str], cols: dict[str, int], today: dt.date) -> form.FtsData | None:
    cents = _cents(t.column(cols["stoim"]))
    if cents is None:
        return None
    for name in ("netto", "kol"):
        if name in cols and not _number(t.column(cols[name])):
            return None

    def text(name: str) -> _Text | None:
        return _Text(t.column(cols[name])) if name in cols else None

    napr, period, partner = text("napr"), text("period"), text("nastranapr")
    region, unit, district = text("region"), text("edizm"), text("region_s")
    assert napr and period and partner and region  # REQUIRED columns, checked by map_columns
    hs10 = _hs10(t.column(cols["tnved"]))
    if hs10 is None:
        return None

    flow = napr.values.str.strip().str.upper().map(form.FLOWS)
    parts = period.values.str.strip().str.extract(form.PERIOD_RE)
    month = pd.to_numeric(parts[0], errors="coerce")
    year = pd.to_numeric(parts[1], errors="coerce")
    code = col.ascii_upper(partner.values.str.strip())
    known = frozenset(p.iso2 for p in ref_partners.all_partners())
    rparts = region.values.str.strip().str.extract(form.REGION_RE)
    if (flow.isna().any() or year.isna().any() or month.isna().any() or not month.between(1, 12).all()
            or (year < 1990).any() or ((year > today.year) | ((year == today.year) & (month > today.month))).any()
            or not code.isin(known).all() or rparts[0].isna().any()
            or any(ref_regions.problem(c, n if isinstance(n, str) else "")
                   for c, n in zip(rparts[0], rparts[1], strict=True))):
        return None
    units = unit.values.str.strip() if unit else None

    # A key twice is an error fts.parse reports row by row: look for one on a single integer per row, each
    # key column's normalised distinct values numbered (equal values, equal numbers) in mixed radix.
    numbered = []
    for per_value, column in ((rparts[0], region), (year * 100 + month, period), (flow, napr), (code, partner),
                              (units, unit)):
        if column is not None:
            codes, distinct = pd.factorize(per_value)
            numbered.append((codes[column.rows], len(distinct)))
    coded = pc.dictionary_encode(hs10)  # the codes are already as stored: equal text, equal number
    numbered.append((coded.indices.to_numpy(), len(coded.dictionary)))
    key = np.zeros(t.num_rows, dtype=np.int64)
    span = 1
    for rows, distinct in numbered:
        span *= max(distinct, 1)
        if span >= 2**62:  # too many combinations for one integer: the careful path decides
            return None
        key = key * max(distinct, 1) + rows
    if pd.Series(key).duplicated().any():
        return None

    table = pa.table({
        "region": region.recoded(rparts[0]),
        "year": period.recoded(year, pa.int16()),
        "month": period.recoded(month, pa.int8()),
        "flow": napr.recoded(flow),
        "partner": partner.recoded(code),
        "hs10": hs10,
        "unit": unit.recoded(units) if unit and units is not None else pa.array(np.full(t.num_rows, ""), pa.string()),
        "value_cents": cents,
        "netto_kg": t.column(cols["netto"]) if "netto" in cols else pa.nulls(t.num_rows, pa.float64()),
        "qty": t.column(cols["kol"]) if "kol" in cols else pa.nulls(t.num_rows, pa.float64()),
    })
    return form.FtsData(table=table, regions=_regions(region, rparts, district),
                       ignored_columns=form.ignored_columns(header, cols))


def _regions(region: _Text, rparts: pd.DataFrame, district: _Text | None) -> pd.DataFrame:
    """As fts.parse builds them: one row per region code, in order of first appearance, with the name and
    district of that first row."""
    codes, distinct = pd.factorize(rparts[0])
    first = pd.Series(codes[region.rows]).drop_duplicates()  # index = the row where each code first appears
    rows = first.index.to_numpy()
    names = rparts[1].fillna("").str.strip().to_numpy()[region.rows[rows]]
    dist = (district.values.str.strip().to_numpy()[district.rows[rows]] if district
            else np.full(len(rows), "", dtype=object))
    dtype = form.STR
    return pd.DataFrame({"code": pd.Series(np.asarray(distinct, dtype=object)[first.to_numpy()], dtype=dtype),
                         "name": pd.Series(names, dtype=dtype), "district": pd.Series(dist, dtype=dtype)})
