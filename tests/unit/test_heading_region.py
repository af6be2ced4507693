"""Issue 17.3: the region's heading rollup (r_heading_region, the headings summed over partners) that the goods page
reads. Segments and versions written before it existed lack it: readers then sum the heading rollup of those
segments (segments.DERIVED) and see the same rows, and the merge that rewrites them stores the table, sorted."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard.store import answers, segments, versions
from dashboard.store.db import Store
from dashboard.store.period import Period
from tests.fixtures.demo_months import import_bytes, month_file

KEY = ["region", "year", "month", "flow", "heading"]
DEFINITION = ("SELECT region, year, month, flow, heading, CAST(sum(value_cents) AS BIGINT) AS value_cents, "
              "sum(netto_kg) AS netto_kg FROM r_heading_month GROUP BY ALL")


def _frame(con: duckdb.DuckDBPyConnection, query: str) -> pd.DataFrame:
    return con.execute(query).df().sort_values(KEY).reset_index(drop=True)


def _seen(db: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """r_heading_region as readers see it, and its definition over r_heading_month as they see it."""
    current = versions.current(db)
    assert current is not None
    con = segments.connect(current)
    try:
        return _frame(con, "SELECT * FROM r_heading_region"), _frame(con, DEFINITION)
    finally:
        con.close()


def _forget(db: Path) -> None:
    """Make the store as a release before r_heading_region left it: no such table in any segment or version."""
    for p in [*segments.store_folder(db).glob("*.duckdb"), *(p for _, p in versions.versions(db))]:
        con = duckdb.connect(str(p))
        con.execute("DROP TABLE IF EXISTS r_heading_region")
        con.execute("CHECKPOINT")
        con.close()


def _equal(got: pd.DataFrame, want: pd.DataFrame) -> None:
    assert len(got) == len(want) > 0
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-12, check_dtype=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    published = tmp_path / "db" / "t.duckdb"
    for month in (1, 2, 3):  # three segments of one size tier: the next one like them merges the four
        import_bytes(published, tmp_path, f"m{month}.csv", month_file(2023, month))
    return published


def test_every_import_keeps_the_region_rollup_equal_to_the_heading_rollup_summed(db: Path, tmp_path: Path) -> None:
    _equal(*_seen(db))
    import_bytes(db, tmp_path, "fix.csv", month_file(2023, 2, 2.0))  # a correction: February withdrawn from its segment
    got, want = _seen(db)
    _equal(got, want)
    feb = got[got["month"] == 2]["value_cents"].sum()
    assert feb == want[want["month"] == 2]["value_cents"].sum() > 0


def test_segments_made_before_it_are_read_through_the_heading_rollup(db: Path, tmp_path: Path) -> None:
    before, _ = _seen(db)
    _forget(db)
    got, want = _seen(db)
    _equal(got, before)
    _equal(got, want)
    store = Store(db)
    try:  # the goods page's query and a partner's, on such a store
        region = answers.commodity_structure(store, "18000", Period(2023, 1, 3))
        partners = answers.commodity_structure(store, "18000", Period(2023, 1, 3), "KZ")
    finally:
        store.close()
    assert int(region["value_cents"].sum()) == int(before[before["region"] == "18000"]["value_cents"].sum())
    assert 0 < int(partners["value_cents"].sum()) < int(region["value_cents"].sum())
    # a correction now: the old segment's derived rows of February are withdrawn with its other rows
    import_bytes(db, tmp_path, "fix.csv", month_file(2023, 2, 2.0))
    _equal(*_seen(db))


def test_the_merge_stores_it_for_the_segments_that_lacked_it_sorted_by_region_year_partner(db: Path,
                                                                                          tmp_path: Path) -> None:
    _forget(db)
    import_bytes(db, tmp_path, "m4.csv", month_file(2023, 4))  # four of a tier: merged into one
    con = duckdb.connect(str(db), read_only=True)  # the current version, through the pointer
    [(merged,)] = con.execute("SELECT segment_id FROM segments").fetchall()
    con.close()
    seg = duckdb.connect(str(segments.path(segments.store_folder(db), merged)), read_only=True)
    try:
        seg.execute("SET threads = 1")  # one thread scans in storage order
        stored = _frame(seg, "SELECT * FROM r_heading_region")
        order = seg.execute("SELECT region, year, partner FROM r_heading_month").fetchall()
    finally:
        seg.close()
    got, want = _seen(db)
    _equal(stored, want)
    _equal(got, want)
    assert sorted(stored["month"].unique()) == [1, 2, 3, 4]
    assert order == sorted(order)  # a partner's rows of a region-year lie together: its page skips the rest


def test_a_version_made_before_segments_and_before_it_is_read_through_its_heading_rollup(db: Path,
                                                                                         tmp_path: Path) -> None:
    legacy = tmp_path / "old.duckdb"  # a plain database file, every row in its own tables, no r_heading_region
    src = segments.connect(db.resolve())
    con = duckdb.connect(str(legacy))
    try:
        for table in ("trade", "r_heading_month"):
            con.register("_rows", src.sql(f"SELECT * FROM {table}").to_arrow_table())
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM _rows")
            con.unregister("_rows")
        want = _frame(src, DEFINITION)
    finally:
        src.close()
        con.close()
    old = segments.connect(legacy)
    try:
        _equal(_frame(old, "SELECT * FROM r_heading_region"), want)
    finally:
        old.close()
