"""The rollups kept up to date at each import from the new rows only (issue 6: import >= 1M rows/s).

A (region, year, month, flow) comes from one file: a newer file of the same months replaces it whole (see
replace_months.sql). So every rollup group of the new rows is new, and adding their sums, computed here on
the Arrow table before it is stored, gives what rollups.sql computes over the whole declarations table (a
test checks it). The sums are taken on one integer key per row (each column's distinct values numbered,
combined in mixed radix), a tenth of the cost of grouping the text columns in SQL; money is summed in int64
cents (np.add.at: exact, where bincount's float64 weights would round past 2^53), net mass in float64.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.store import sqlfiles

KEY = ("region", "year", "month", "partner", "flow", "heading")  # r_heading_month's key, sort order first


@dataclass
class Delta:
    heading: pa.Table     # rows of r_heading_month
    partner: pa.Table     # rows of r_partner_month
    region: pa.Table      # rows of r_heading_region (the headings summed over partners)
    months: pa.Table      # region, year, month, flow: the months the new rows bring
    region_years: pa.Table  # region, year: for r_source_coverage


def _codes(col: pa.ChunkedArray | pa.Array, per_value=None) -> tuple[np.ndarray, np.ndarray]:
    """Per row a small integer, and the distinct values they number (equal values, equal numbers)."""
    if isinstance(col, pa.ChunkedArray):
        col = (col.unify_dictionaries() if pa.types.is_dictionary(col.type) else col).combine_chunks()
    if not pa.types.is_dictionary(col.type):
        col = pc.dictionary_encode(col)
    values = col.dictionary.to_numpy(zero_copy_only=False)
    if per_value is not None:
        values = per_value(values)
    # the dictionary may hold a value twice once normalised (' kz' and 'KZ' both became 'KZ'): factorize
    codes, distinct = pd.factorize(values, sort=True)  # sorted: the region number orders the rows
    return codes[col.indices.to_numpy(zero_copy_only=False)], np.asarray(distinct)


def _headings(hs10: pa.ChunkedArray) -> pa.ChunkedArray:
    """The four-digit heading of every code (dictionary-encoded codes: cut once per distinct value)."""
    if pa.types.is_dictionary(hs10.type):
        return pa.chunked_array([pa.DictionaryArray.from_arrays(c.indices, pc.utf8_slice_codeunits(c.dictionary, 0, 4))
                                 for c in hs10.chunks], pa.dictionary(hs10.type.index_type, pa.string()))
    return pc.utf8_slice_codeunits(hs10, 0, 4)


def _column(digits: np.ndarray, distinct: np.ndarray) -> pa.Array:
    if distinct.dtype == object:  # text: stays dictionary-encoded, DuckDB stores it as VARCHAR
        return pa.DictionaryArray.from_arrays(pa.array(digits.astype(np.int32)), pa.array(distinct, pa.string()))
    return pa.array(distinct[digits])


def deltas(table: pa.Table) -> Delta:
    """The rollup rows of a table of declarations (the columns of `trade`)."""
    parts = [_codes(table.column(c)) for c in KEY[:-1]]
    parts.append(_codes(_headings(table.column("hs10"))))
    sizes = [max(len(d), 1) for _, d in parts]
    if np.prod(np.asarray(sizes, dtype=float)) >= 2.0**62:
        raise ValueError("too many distinct keys for one integer")  # ~1e18 combinations: not trade data
    key = np.zeros(table.num_rows, dtype=np.int64)
    for (codes, _), size in zip(parts, sizes, strict=True):
        key = key * size + codes
    group, keys = pd.factorize(key)
    cents = table.column("value_cents").to_numpy()
    if cents.size and float(cents.sum(dtype=np.float64)) >= 2.0**62:  # the int64 sums below could wrap
        raise ValueError("money sums past int64")  # ~4.6e16 dollars in one file: not trade data
    value = _int_sums(group, cents, len(keys))
    netto_rows = table.column("netto_kg").to_numpy().astype("float64")
    known = ~np.isnan(netto_rows)
    netto = np.bincount(group, weights=np.where(known, netto_rows, 0.0), minlength=len(keys))
    netto[np.bincount(group, weights=known, minlength=len(keys)) == 0] = np.nan  # SQL: sum of no value is NULL

    # partner-month sums from the heading sums: each heading group lies inside one partner-month group
    p_group, p_keys = pd.factorize(keys // sizes[-1])
    p_value = _int_sums(p_group, value, len(p_keys))
    rows = _one_row_each(group, len(keys))  # a row of each heading group gives that group's key values
    order = _by_region(keys, sizes)
    p_order = _by_region(p_keys, sizes[:-1])
    h_rows = rows[order]
    heading = pa.table({name: _column(codes[h_rows], distinct)
                        for name, (codes, distinct) in zip(KEY, parts, strict=True)}
                       | {"value_cents": value[order], "netto_kg": pa.array(netto[order], from_pandas=True)})
    p_rows = rows[_one_row_each(p_group, len(p_keys))[p_order]]
    partner = pa.table({name: _column(codes[p_rows], distinct)
                        for name, (codes, distinct) in zip(KEY[:-1], parts[:-1], strict=True)}
                       | {"value_cents": p_value[p_order]})
    region = _region_sums(keys, sizes, parts, rows, value, netto)
    months = partner.select(["region", "year", "month", "flow"]).group_by(
        ["region", "year", "month", "flow"]).aggregate([])
    region_years = partner.select(["region", "year"]).group_by(["region", "year"]).aggregate([])
    return Delta(heading, partner, region, plain(months), plain(region_years))


def _region_sums(keys: np.ndarray, sizes: list[int], parts: list, rows: np.ndarray, value: np.ndarray,
                 netto: np.ndarray) -> pa.Table:
    """r_heading_region's rows from the heading sums: the same key without the partner (KEY[3]), summed."""
    radix = [int(np.prod(sizes[i + 1:], dtype=np.int64)) for i in range(len(sizes))]
    digits = [(keys // radix[i]) % sizes[i] for i in range(len(sizes))]
    kept = [i for i, name in enumerate(KEY) if name != "partner"]
    r_key = np.zeros(len(keys), dtype=np.int64)
    for i in kept:
        r_key = r_key * sizes[i] + digits[i]
    group, r_keys = pd.factorize(r_key)
    r_value = _int_sums(group, value, len(r_keys))
    known = ~np.isnan(netto)
    r_netto = np.bincount(group, weights=np.where(known, netto, 0.0), minlength=len(r_keys))
    r_netto[np.bincount(group, weights=known, minlength=len(r_keys)) == 0] = np.nan
    order = _by_region(r_keys, [sizes[i] for i in kept])
    r_rows = rows[_one_row_each(group, len(r_keys))[order]]
    return pa.table({KEY[i]: _column(parts[i][0][r_rows], parts[i][1]) for i in kept}
                    | {"value_cents": r_value[order], "netto_kg": pa.array(r_netto[order], from_pandas=True)})


def _int_sums(group: np.ndarray, values: np.ndarray, n_groups: int) -> np.ndarray:
    """The int64 sum of the values of each group."""
    out = np.zeros(n_groups, dtype=np.int64)
    np.add.at(out, group, values.astype(np.int64, copy=False))
    return out


def _one_row_each(group: np.ndarray, n_groups: int) -> np.ndarray:
    """For each group number, the position of one of its rows (any one: they share the group's key values)."""
    rows = np.empty(n_groups, dtype=np.int64)
    rows[group] = np.arange(len(group))
    return rows


def _by_region(keys: np.ndarray, sizes: list[int]) -> np.ndarray:
    """The order that clusters the rows by region (a stable counting sort on its small number), years as they
    come: what DuckDB's zone maps need to skip other regions' row groups. A full sort would buy nothing more."""
    region = keys // int(np.prod(sizes[1:], dtype=np.int64))
    return np.argsort(region.astype(np.int16) if sizes[0] < 2**15 else region, kind="stable")  # int16: radix


def plain(t: pa.Table) -> pa.Table:
    """The table with its dictionary-encoded text columns decoded to plain strings."""
    return pa.table({n: (c.cast(c.type.value_type) if pa.types.is_dictionary(c.type) else c)
                     for n, c in zip(t.column_names, t.columns, strict=True)})


def replace_months(con: duckdb.DuckDBPyConnection, delta: Delta, held: Held | None = None) -> int:
    """Remove the rows of the months the new rows bring (declarations and rollups: withdrawn from earlier
    segments, deleted from this publication's own, the rows `held` stored first); the number of declarations
    removed. Nothing to scan when no loaded source covers any of those regions and years."""
    with sqlfiles.registered(con, _region_years=delta.region_years):
        overlap = sqlfiles.run(con, "months_overlap").fetchall()
    if not overlap[0][0]:
        return 0
    if held is not None:
        flush(con, held)
    years = pc.min_max(delta.months.column("year")).as_py()
    bounds = {"y_from": years["min"], "y_to": years["max"]}
    with sqlfiles.registered(con, _keys=delta.months):
        replaced = int(sqlfiles.run(con, "months_rows", **bounds).fetchall()[0][0])
        if replaced:
            sqlfiles.run(con, "replace_months", **bounds)
    return replaced


def add(con: duckdb.DuckDBPyConnection, delta: Delta, source_id: int, held: Held | None = None) -> None:
    """Append the rollup rows of newly stored declarations (after replace_months); with `held`, the rows of a table
    that fill no row group yet wait there with those held before (Held)."""
    new = {"_heading": delta.heading, "_partner": delta.partner, "_region": delta.region}
    rows = {alias: held.take(table, new[alias]) if held is not None else new[alias] for alias, table in _ROLLUPS}
    _store(con, rows, delta.region_years, source_id)


_ROLLUPS = (("_heading", "r_heading_month"), ("_partner", "r_partner_month"), ("_region", "r_heading_region"))
_NO_REGION_YEARS = pa.schema([("region", pa.string()), ("year", pa.int16())]).empty_table()


def _store(con: duckdb.DuckDBPyConnection, rows: dict[str, pa.Table], region_years: pa.Table,
           source_id: int) -> None:
    with sqlfiles.registered(con, **{alias: batched(t) for alias, t in rows.items()}, _region_years=region_years):
        sqlfiles.run(con, "add_rollups", source_id=source_id)


class Held:
    """Rows of the new segment's tables (trade and the rollups, by name) not stored yet.

    DuckDB writes an insert of at least a row group straight into the file as compressed blocks, but an insert of
    fewer rows goes into its log (WAL) at the commit and is written again at the checkpoint: at 2M rows in ten
    files each file's ~77,000 rows of r_partner_month did, which took 2.5 times as long as storing them in row
    groups (measured alone: 0.42-0.47 s against 0.16 s for the ten files). So the rows of a table that fill no
    row group wait here, with those of the files after them, until together they do; flush stores what is left,
    before anything reads the tables and after the last file. At most a row group a table is held, beside the
    file being stored."""

    def __init__(self) -> None:
        self._rows: dict[str, list[pa.Table]] = {}
        self._empty: dict[str, pa.Table] = {}

    def take(self, table: str, rows: pa.Table) -> pa.Table:
        """The rows of `table` to store now: those held, then `rows`, once they fill a row group; else none (all
        held)."""
        self._empty[table] = rows.schema.empty_table()
        parts = [*self._rows.pop(table, []), rows]
        if sum(p.num_rows for p in parts) < ROW_GROUP:
            self._rows[table] = parts
            return self._empty[table]
        return _joined(parts)

    def rest(self, table: str) -> pa.Table | None:
        """Every row of `table` still held (none held: None), no longer held."""
        parts = self._rows.pop(table, [])
        return _joined(parts) if parts else None

    def empty(self, table: str) -> pa.Table:
        return self._empty[table]


def _joined(parts: list[pa.Table]) -> pa.Table:
    """The rows of several files' tables as one (no copy): as they are when their columns agree, else decoded to
    plain text (a file read the careful way has no dictionary-encoded columns)."""
    if len(parts) == 1:
        return parts[0]
    if any(p.schema != parts[0].schema for p in parts):
        parts = [plain(p) for p in parts]
    return pa.concat_tables(parts, promote_options="permissive")


def flush(con: duckdb.DuckDBPyConnection, held: Held) -> None:
    """Store every row `held` still holds (declarations and rollup rows), on this connection."""
    trade = held.rest("trade")
    if trade is not None:
        with sqlfiles.registered(con, _new=batched(trade)):
            sqlfiles.run(con, "insert_trade")
    rest = {alias: held.rest(table) for alias, table in _ROLLUPS}
    if any(t is not None for t in rest.values()):
        # no region-years: each file's were noted when its rows were held
        rows = {alias: held.empty(table) if rest[alias] is None else rest[alias] for alias, table in _ROLLUPS}
        _store(con, rows, _NO_REGION_YEARS, 0)


ROW_GROUP = 122_880  # DuckDB's row group


def batched(t: pa.Table) -> pa.Table:
    """The table in slices of one row group (no copy): DuckDB stores each slice in a thread of its own and, with
    insertion order not kept (the write statements say where), a slice becomes a row group as it is, so the
    region order of the rows survives within each row group, which is what the zone maps need."""
    return pa.Table.from_batches(t.combine_chunks().to_batches(max_chunksize=ROW_GROUP), schema=t.schema) \
        if t.num_rows > ROW_GROUP else t


def finish(con: duckdb.DuckDBPyConnection, replaced: bool, held: Held | None = None) -> None:
    """After the files of one import: the rows `held` stored, then the coverage tables of the region-years it
    touched (rollups.add noted them). Replaced months may have left a source with no rows in a region-year, so then
    the sources' coverage of those region-years is taken again from their declarations."""
    if held is not None:
        flush(con, held)
    lo, hi = sqlfiles.run(con, "touched_years").fetchall()[0]
    if lo is None:
        return
    if replaced:
        sqlfiles.run(con, "source_coverage_touched", y_from=lo, y_to=hi)
    sqlfiles.run(con, "rollup_coverage_touched", y_from=lo, y_to=hi)


def keep_years(con: duckdb.DuckDBPyConnection, covered: bool, monthly: bool = False) -> None:
    """The whole-year rollup (r_heading_year, segments.YEARLY) after a publication's function, into its new segment:
    the complete rows of the region-years it touched (its declarations, replaced months included), summed from the
    monthly rollup as this version sees it, never added to (a withdrawn month leaves nothing to subtract); readers
    take each region-year's rows from the newest segment covering it. `covered`: the version's segments cover its
    years already; else (a version made before the segments held the rollup) every region-year is written, the
    rows the version file holds moved as they are, or, without them, summed (`monthly`: from r_heading_month, when
    a segment lacks r_heading_region and would be summed twice through segments.DERIVED)."""
    r_from, r_to, y_from, y_to = sqlfiles.run(con, "touched_bounds").fetchall()[0]
    if not covered:
        if not sqlfiles.run(con, "heading_year_legacy").fetchall()[0][0]:
            # every region-year, the touched ones included
            sqlfiles.run(con, "heading_year_build_months" if monthly else "heading_year_build")
            return
        sqlfiles.run(con, "heading_year_move")
    if r_from is not None:
        sqlfiles.run(con, "heading_year_touched", r_from=r_from, r_to=r_to, y_from=y_from, y_to=y_to)


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Every rollup from the whole declarations table (rollups.sql, their definition): run when a schema
    conversion has changed the money (build.apply_schema), and the reference tests/unit/test_rollups.py holds
    the incremental upkeep of every import to."""
    for name in ("rollups", "source_coverage", "rollup_coverage"):
        sqlfiles.run(con, name)
