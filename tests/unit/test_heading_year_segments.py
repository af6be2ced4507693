"""Issue 17.2: the goods page's whole-year rollup (r_heading_year) lives in the segments, not in the version file that
every publication copies. Each publication writes the complete rows of the region-years it touched into its new
segment; readers take each region-year's rows from the newest listed segment covering it (store/segments.py). What
readers see equals the rollup's definition over the declarations (rollups.sql) after imports, corrections, merges
and a rollback, and versions made before the segments held it are read as they were and covered at their next
publication."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard.demo.generate import fts_file
from dashboard.store import publication, rollups, segments, sqlfiles, versions
from tests.fixtures.demo_months import import_bytes, month_file

KEY = ["region", "year", "flow", "heading"]


def _seen(db: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """r_heading_year as readers of the current version see it, and rollups.sql's definition over the declarations
    they see, run in a scratch database of its own."""
    con = segments.connect(versions.current(db))
    try:
        seen = con.execute("SELECT * FROM r_heading_year").df()
        trade = con.sql("SELECT * FROM trade").to_arrow_table()
    finally:
        con.close()
    scratch = duckdb.connect()
    try:
        sqlfiles.run(scratch, "schema")
        scratch.register("_all", trade)
        scratch.execute("INSERT INTO trade BY NAME SELECT * FROM _all")
        rollups.rebuild(scratch)
        want = scratch.execute("SELECT * FROM r_heading_year").df()
    finally:
        scratch.close()
    return tuple(f.sort_values(KEY).reset_index(drop=True) for f in (seen, want))  # type: ignore[return-value]


def _as_defined(db: Path) -> pd.DataFrame:
    got, want = _seen(db)
    assert len(got) == len(want) > 0
    assert got["value_cents"].tolist() == want["value_cents"].tolist()  # money exact
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-12)  # net mass: sums in another order
    return got


def _own_rows(version: Path) -> int:
    """Whole-year rows the version file holds itself."""
    con = duckdb.connect(str(version), read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM r_heading_year").fetchall()[0][0])
    finally:
        con.close()


def _listed(db: Path) -> list[int]:
    return sorted(segments.listed_by(versions.current(db)) or set())


def test_the_whole_year_equals_its_definition_through_imports_corrections_merges_and_a_rollback(
        tmp_path: Path) -> None:
    db = tmp_path / "db" / "t.duckdb"
    import_bytes(db, tmp_path, "y2022.csv", fts_file(2022))
    _as_defined(db)
    for month in range(1, 7):  # one segment each, merged four at a time as they come
        import_bytes(db, tmp_path, f"m{month}.csv", month_file(2023, month))
        _as_defined(db)
    assert len(_listed(db)) < 7 and max(_listed(db)) > 7  # a merge took the place of four
    import_bytes(db, tmp_path, "fix1.csv", month_file(2023, 2, 2.0))  # February withdrawn from a merged segment
    _as_defined(db)
    import_bytes(db, tmp_path, "fix2.csv", month_file(2022, 5, 0.5))  # May withdrawn from the first segment
    newest = _as_defined(db)
    for _, version in versions.versions(db):
        assert _own_rows(version) == 0  # no version file holds the rollup
    versions.rollback(db, "test")  # the version before the last correction: its own list of segments
    older = _as_defined(db)
    assert older[older["year"] == 2022]["value_cents"].sum() != newest[newest["year"] == 2022]["value_cents"].sum()
    import_bytes(db, tmp_path, "m7.csv", month_file(2023, 7))  # built on the version served after the rollback
    _as_defined(db)


def test_a_meeting_save_writes_no_whole_year_row(tmp_path: Path) -> None:
    db = tmp_path / "db" / "t.duckdb"
    import_bytes(db, tmp_path, "y2022.csv", fts_file(2022))
    before = _listed(db)
    publication.publish(db, lambda w: w.run("set_meta", key="note", value="a save"), who="test")
    assert _listed(db) == before
    _as_defined(db)


def _strip(db: Path) -> None:
    """The store as a release before the segments held the rollup left it: no segment covers a year, no version
    holds the rollup itself, and the oldest segment lacks r_heading_region too (segments.DERIVED)."""
    for i, p in enumerate(sorted(segments.store_folder(db).glob("*.duckdb"))):
        con = duckdb.connect(str(p))
        con.execute("DROP TABLE IF EXISTS r_heading_year")
        con.execute("DROP TABLE IF EXISTS r_heading_year_cover")
        if i == 0:
            con.execute("DROP TABLE r_heading_region")
        con.execute("CHECKPOINT")
        con.close()
    for _, p in versions.versions(db):
        con = duckdb.connect(str(p))
        con.execute("DROP TABLE IF EXISTS r_heading_year")
        con.execute("CHECKPOINT")
        con.close()


@pytest.fixture
def old(tmp_path: Path) -> Path:
    db = tmp_path / "db" / "t.duckdb"
    import_bytes(db, tmp_path, "y2022.csv", fts_file(2022))
    for month in (1, 2, 3):
        import_bytes(db, tmp_path, f"m{month}.csv", month_file(2023, month))
    import_bytes(db, tmp_path, "fix.csv", month_file(2023, 2, 2.0))
    _strip(db)
    return db


def test_a_version_whose_segments_cover_no_year_is_read_through_its_months_then_covered(old: Path,
                                                                                         tmp_path: Path) -> None:
    before = _as_defined(old)  # the view summing the monthly rollup
    listed = _listed(old)
    publication.publish(old, lambda w: w.run("set_meta", key="note", value="a save"), who="test")
    assert _listed(old) == [*listed, max(listed) + 1]  # a segment of whole-year rows alone
    pd.testing.assert_frame_equal(_as_defined(old), before, check_exact=False, rtol=1e-12)
    assert _own_rows(versions.current(old)) == 0
    import_bytes(old, tmp_path, "fix2.csv", month_file(2023, 3, 0.5))  # then as any covered version
    _as_defined(old)


def test_a_version_holding_the_rollup_itself_moves_it_into_its_next_segment(old: Path, tmp_path: Path) -> None:
    con = segments.connect(versions.current(old))
    try:
        rows = con.sql(segments.YEARLY["r_heading_year"]).to_arrow_table()
    finally:
        con.close()
    current = versions.current(old)
    con = duckdb.connect(str(current))  # as the release that kept the rollup in the version file left it
    try:
        sqlfiles.run(con, "schema")
        con.register("_rows", rows)
        con.execute("INSERT INTO r_heading_year BY NAME SELECT * FROM _rows")
        # wrong rows of a region-year the next import touches: they must be summed again, not moved
        con.execute("UPDATE r_heading_year SET value_cents = value_cents + 1 WHERE year = 2023")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    assert _own_rows(current) == len(rows)
    got, _ = _seen(old)  # read from the version's own table
    bumped = (rows["year"].to_pandas() == 2023).sum()
    assert got["value_cents"].sum() == rows.column("value_cents").to_pandas().sum() + bumped
    import_bytes(old, tmp_path, "fix2.csv", month_file(2023, 3, 0.5))
    _as_defined(old)
    assert _own_rows(versions.current(old)) == 0


def test_a_version_file_mostly_free_after_its_rows_moved_out_is_written_again_without_them(tmp_path: Path) -> None:
    db = tmp_path / "db" / "t.duckdb"
    import_bytes(db, tmp_path, "y2022.csv", fts_file(2022))
    def run(statement: str) -> Callable[[publication.Writer], None]:
        def fn(w: publication.Writer) -> None:
            w.con.execute(statement)
            w.run("set_meta", key="note", value=statement)
        return fn

    # rows a version file held, as the whole-year rollup was
    publication.publish(db, run("CREATE TABLE held AS SELECT range AS n, md5(range::VARCHAR) AS s "
                                "FROM range(1500000)"), who="test")
    big = versions.current(db)
    assert big.stat().st_size > 3 * versions.COMPACT_FREE_BYTES
    publication.publish(db, run("DROP TABLE held"), who="test")
    small = versions.current(db)
    assert small.stat().st_size < big.stat().st_size / 4
    con = duckdb.connect(str(small), read_only=True)
    try:
        free, total, _ = sqlfiles.run(con, "free_space").fetchall()[0]
    finally:
        con.close()
    assert 2 * free < total
    with duckdb.connect(str(big), read_only=True) as old, duckdb.connect(str(small), read_only=True) as new:
        tables = "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1"
        constraints = ("SELECT table_name, constraint_type, constraint_column_names FROM duckdb_constraints() "
                       "WHERE database_name = current_database() ORDER BY ALL")
        assert [t for t in old.execute(tables).fetchall() if t != ("held",)] == new.execute(tables).fetchall()
        assert old.execute(constraints).fetchall() == new.execute(constraints).fetchall()
    from dashboard.store import checksum
    after = checksum.table_checksums(small)
    assert after["sources"] == checksum.table_checksums(big)["sources"]
    _as_defined(db)


def test_readers_pass_over_a_segment_newer_ones_cover_and_filter_only_by_the_newer_ones_needed() -> None:
    con = duckdb.connect()
    covers = {1: [("A", 2022), ("B", 2022), ("C", 2022)], 2: [("A", 2022)], 3: [("A", 2022), ("B", 2022)],
              4: [("D", 2023)], 5: [("D", 2023)]}
    for sid, rows in covers.items():
        con.execute(f"ATTACH ':memory:' AS {segments.alias(sid)}")
        con.execute(f"CREATE TABLE {segments.alias(sid)}.r_heading_year_cover (region VARCHAR, year SMALLINT)")
        con.executemany(f"INSERT INTO {segments.alias(sid)}.r_heading_year_cover VALUES (?, ?)", rows)
    # 1 keeps C, passing over what 3 covers (2 adds nothing to 3); 2 and 4 are covered whole by 3 and 5
    assert segments._pruned(con, (1, 2, 3, 4, 5)) == ((1, (3,)), (3, ()), (5, ()))
    assert segments._pruned(con, (4,)) == ((4, ()),)
