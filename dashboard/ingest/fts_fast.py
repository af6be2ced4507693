"""The fast path of the FTS reader, for the common case of a clean file (issue 6: import >= 1M rows/s).

It computes exactly what fts.parse would return, but works on the few distinct values of each text column
(a region, a period, a partner repeats thousands of times) and parses numbers in Arrow. It never reports:
at the first sign of anything fts.parse would flag it returns None, and fts.parse then runs its ordinary
row-by-row checks, so every message and line number of a bad file comes from the one validating code path.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.ingest import columns as col
from dashboard.ingest.rawfile import RawTable
from dashboard.reference import partners as ref_partners

if TYPE_CHECKING:
    from dashboard.ingest.fts import FtsData

_STR = pd.StringDtype("pyarrow", na_value=np.nan)  # the dtype of .astype("str") in fts.parse


def _to_str(arr: pa.Array | pa.ChunkedArray) -> pd.Series:
    return arr.to_pandas(types_mapper={pa.string(): _STR, pa.large_string(): _STR}.get)


class _Column:
    """A text column as its distinct values (a pandas Series, transformed like fts.parse does) and,
    for every row, the position of its value among them."""

    def __init__(self, arr: pa.ChunkedArray):
        self.uniques = pc.unique(arr)
        self.index = pc.index_in(arr, value_set=self.uniques).to_numpy(zero_copy_only=False)
        self.values = _to_str(self.uniques).astype("str")

    def rows(self, per_unique: pd.Series) -> pa.Array:
        """Spread values computed per distinct value back to every row."""
        return pa.array(per_unique.to_numpy(dtype=object), type=pa.string()).take(pa.array(self.index))


def _number(arr: pa.ChunkedArray, required: bool) -> np.ndarray | None:
    """Values of a clean numeric column as col.check_number parses them; None unless every value is plain
    digits with spaces and at most one decimal sign (then both parsers agree: the sign becomes a dot, spaces go)."""
    cleaned = pc.replace_substring(arr, " ", "")
    if not pc.all(pc.match_substring_regex(cleaned, r"^[0-9]*(?:[.,][0-9]*)?$")).as_py():
        return None
    cleaned = pc.replace_substring(cleaned, ",", ".")
    blank = pc.equal(cleaned, "")
    if required and pc.any(blank).as_py():
        return None
    try:
        num = pc.cast(pc.if_else(blank, pa.scalar(None, pa.string()), cleaned), pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):  # a lone "." or ","
        return None
    out = num.to_numpy(zero_copy_only=False).astype("float64")
    if (out[~np.isnan(out)] > col.MAX_VALUE).any():
        return None
    return out


def _has_duplicates(keys: list[tuple[pd.Series, _Column]], trade: pd.DataFrame, names: list[str]) -> bool:
    """trade.duplicated(names).any(), computed on one integer per row: each key column's normalised distinct
    values are numbered (equal values, equal numbers) and the numbers combined in mixed radix."""
    key = np.zeros(len(trade), dtype=np.int64)
    span = 1
    for per_unique, column in keys:
        codes, distinct = pd.factorize(per_unique)
        span *= max(len(distinct), 1)
        if span >= 2**62:  # too many combinations for one integer: the plain way
            return bool(trade.duplicated(names).any())
        key = key * max(len(distinct), 1) + codes[column.index]
    return bool(pd.Series(key).duplicated().any())


def parse_clean(raw: RawTable, cols: dict[str, int], today: dt.date | None = None) -> FtsData | None:
    from dashboard.ingest import fts  # fts imports this module: the import is here to avoid a cycle

    t = raw.table

    def column(name: str) -> _Column | None:
        return _Column(t.column(cols[name])) if name in cols else None

    napr, period, partner, tnved = column("napr"), column("period"), column("nastranapr"), column("tnved")
    region, unit, district = column("region"), column("edizm"), column("region_s")
    assert napr and period and partner and tnved and region  # REQUIRED columns, checked by map_columns

    flow = napr.values.str.strip().str.upper().map(fts.FLOWS)
    parts = period.values.str.strip().str.extract(r"^(\d{1,2})[./](\d{4})$")
    month = pd.to_numeric(parts[0], errors="coerce")
    year = pd.to_numeric(parts[1], errors="coerce")
    today = today or dt.date.today()
    code = partner.values.str.strip().str.upper()
    known = frozenset(p.iso2 for p in ref_partners.all_partners())
    hs10 = tnved.values.str.strip()
    rparts = region.values.str.strip().str.extract(r"^(\d{2,11})\s*(?:-\s*(.*))?$")
    if (flow.isna().any() or year.isna().any() or month.isna().any() or not month.between(1, 12).all()
            or (year < 1990).any() or ((year > today.year) | ((year == today.year) & (month > today.month))).any()
            or not code.isin(known).all() or not hs10.str.fullmatch(r"\d{10}").all() or rparts[0].isna().any()):
        return None

    values = {}
    for name, required in (("stoim", True), ("netto", False), ("kol", False)):
        if name in cols:
            parsed = _number(t.column(cols[name]), required)
            if parsed is None:
                return None
            values[name] = parsed
        else:  # a missing optional column is blank on every row
            values[name] = np.full(t.num_rows, np.nan)

    empty = pd.Series([""], dtype="str")
    trade = pd.DataFrame({
        "region": _to_str(region.rows(rparts[0])),
        "year": year.to_numpy()[period.index].astype("int16"),
        "month": month.to_numpy()[period.index].astype("int8"),
        "flow": _to_str(napr.rows(flow)),
        "partner": _to_str(partner.rows(code)),
        "hs10": _to_str(tnved.rows(hs10)),
        "unit": (_to_str(unit.rows(unit.values.str.strip())) if unit
                 else pd.Series(np.full(t.num_rows, ""), dtype="str")),
        "value_usd": values["stoim"],
        "netto_kg": values["netto"],
        "qty": values["kol"],
    })
    keys = [(rparts[0], region), (year * 100 + month, period), (flow, napr), (code, partner), (hs10, tnved)]
    if _has_duplicates(keys + ([(unit.values.str.strip(), unit)] if unit else []), trade, fts.KEY):
        return None

    # regions as fts.parse builds them: the first row of each code gives its name and district
    first_row = pd.Series(np.arange(t.num_rows)).groupby(trade["region"].to_numpy(), sort=False).min()
    first_row = first_row.sort_values()
    rows = first_row.to_numpy()
    names = rparts[1].fillna("").str.strip().to_numpy()[region.index[rows]]
    dist = (district.values.str.strip().to_numpy()[district.index[rows]] if district
            else np.repeat(empty.to_numpy(), len(rows)))
    regions = pd.DataFrame({"code": pd.Series(first_row.index.to_numpy(), dtype="str"),
                            "name": pd.Series(names, dtype="str"), "district": pd.Series(dist, dtype="str")})
    ignored = [h for i, h in enumerate(raw.header) if i not in set(cols.values())]
    return fts.FtsData(trade=trade, regions=regions, ignored_columns=ignored)
