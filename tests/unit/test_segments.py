"""Issue 17.2: a publication costs what its own rows cost. The declarations and rollups live in segments shared by
versions (store/segments.py): a meeting save copies none of them, an import writes only its own rows, a newer
file's months are hidden in the older segment (and back after a rollback), merges keep what readers see and bound
the number of segments, and segments nobody lists are collected."""
from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest

from dashboard.demo.generate import fts_file
from dashboard.ingest.pipeline import import_paths
from dashboard.store import build, checksum, publication, rollups, segments, sqlfiles, versions
from dashboard.store.segments import FANOUT, MAX_SEGMENTS, Segment, merge_run
from tests.fixtures.demo_months import month_file


def _write(folder: Path, name: str, data: bytes) -> Path:
    p = folder / name
    p.write_bytes(data)
    return p


def _files(db: Path) -> dict[str, str]:
    """The segment files on disk and a hash of each."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(segments.store_folder(db).glob("*.duckdb"))}


def _listed(db: Path) -> list[tuple[int, int]]:
    con = duckdb.connect(str(versions.current(db)), read_only=True)
    try:
        return [(int(i), int(r)) for i, r in sqlfiles.run(con, "segments_listed").fetchall()]
    finally:
        con.close()


def _sql(db: Path, query: str) -> list[tuple]:
    con = segments.connect(versions.current(db))
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    published = tmp_path / "db" / "t.duckdb"
    import_paths(published, [_write(tmp_path, "y2022.csv", fts_file(2022))], loaded_by="test")
    return published


def test_a_version_holds_no_declaration_and_a_save_without_rows_writes_no_segment(db: Path, tmp_path: Path) -> None:
    before = _files(db)
    assert len(before) == 1 and _listed(db)[0][1] > 1000
    own = duckdb.connect(str(versions.current(db)), read_only=True)
    try:
        assert own.execute("SELECT count(*) FROM trade").fetchall() == [(0,)]  # the version's own table: empty
    finally:
        own.close()
    publication.publish(db, lambda w: w.run("set_meta", key="note", value="a meeting saved"), who="test")
    assert versions.current_number(db) == 2
    assert _files(db) == before  # no segment written, none rewritten
    # what a publication copies: the small tables, a 256 KiB block or two each (about 30 blocks in all, some free
    # after the last rewrite of the reference tables), whatever the number of declarations
    small = 48 * 262144
    assert versions.current(db).stat().st_size <= small
    import_paths(db, [_write(tmp_path, "y2023.csv", fts_file(2023))], loaded_by="test")
    grew = sum(p.stat().st_size for p in segments.store_folder(db).glob("*.duckdb")) - sum(
        (segments.store_folder(db) / name).stat().st_size for name in before)
    assert grew > 1_000_000  # the second year's declarations and rollups, in their own segment
    assert versions.current(db).stat().st_size <= small  # the version did not grow with them


def test_an_import_writes_its_own_rows_into_a_new_segment_and_leaves_the_old_one(db: Path, tmp_path: Path) -> None:
    before = _files(db)
    [(first, first_rows)] = _listed(db)
    import_paths(db, [_write(tmp_path, "y2023.csv", fts_file(2023))], loaded_by="test")
    listed = _listed(db)
    assert listed[0] == (first, first_rows) and len(listed) == 2
    new_rows = _sql(db, "SELECT count(*) FROM trade WHERE year = 2023")[0][0]
    assert listed[1][1] == new_rows  # the new segment holds the new file's rows, nothing else
    assert {k: v for k, v in _files(db).items() if k in before} == before  # the old segment's bytes unchanged


def test_a_corrected_month_is_hidden_in_the_old_segment_and_comes_back_with_a_rollback(db: Path,
                                                                                     tmp_path: Path) -> None:
    feb = "SELECT sum(value_cents) FROM r_partner_month WHERE year = 2022 AND month = 2"
    original, before = _sql(db, feb)[0][0], _files(db)
    outcome = import_paths(db, [_write(tmp_path, "fix.csv", month_file(2022, 2, 2.0))], loaded_by="test")[0]
    assert outcome.replaced == _sql(db, "SELECT count(*) FROM trade WHERE year = 2022 AND month = 2")[0][0] > 0
    assert _sql(db, feb)[0][0] == pytest.approx(2 * original, rel=1e-6)
    assert _sql(db, "SELECT count(DISTINCT source_id) FROM trade WHERE year = 2022 AND month = 2") == [(1,)]
    assert {k: v for k, v in _files(db).items() if k in before} == before  # hidden, not rewritten
    versions.rollback(db, "test")
    assert _sql(db, feb)[0][0] == original  # the older version lists no withdrawal: its rows are back


def test_merges_keep_what_readers_see_and_bound_the_number_of_segments(tmp_path: Path) -> None:
    db = tmp_path / "db" / "t.duckdb"
    sums = {}
    for month in range(1, 13):
        import_paths(db, [_write(tmp_path, f"m{month}.csv", month_file(2023, month))], loaded_by="test")
        sums[month] = _sql(db, f"SELECT sum(value_cents) FROM trade WHERE month = {month}")[0][0]
        assert len(_listed(db)) < FANOUT + (FANOUT - 1)  # 12 equal files: merged in fours as they come
    import_paths(db, [_write(tmp_path, "fix.csv", month_file(2023, 5, 3.0))], loaded_by="test")  # a correction
    by_month = dict(_sql(db, "SELECT month, sum(value_cents) FROM trade GROUP BY month"))
    assert by_month == {**sums, 5: pytest.approx(3 * sums[5], rel=1e-6)}
    rolled = dict(_sql(db, "SELECT month, sum(value_cents) FROM r_partner_month GROUP BY month"))
    assert rolled == by_month  # the rollups agree with the declarations across merges and the withdrawal
    assert len(_listed(db)) <= MAX_SEGMENTS
    on_disk = {int(p.name.split(".")[0]) for p in segments.store_folder(db).glob("*.duckdb")}
    kept = set().union(*(segments.listed_by(p) or set() for _, p in versions.versions(db)))
    assert on_disk == kept  # merged-away segments of pruned versions are collected


def test_the_merge_policy() -> None:
    same = [Segment(i, 1000) for i in range(1, FANOUT + 1)]
    assert merge_run(same[:-1]) is None
    assert merge_run(same) == slice(0, FANOUT)
    tiers = [Segment(1, 10**6), Segment(2, 10**4), Segment(3, 10**2), Segment(4, 1)]
    assert merge_run(tiers) is None  # different sizes stand
    many = [Segment(i, 4**i) for i in range(1, MAX_SEGMENTS + 2)]
    assert merge_run(many) == slice(len(many) - FANOUT, len(many))  # too many: the newest merged anyway


def test_a_segment_left_by_a_killed_writer_is_collected_by_the_next_publication(db: Path) -> None:
    stray = segments.store_folder(db) / "000099.duckdb"
    stray.write_bytes(b"left by a writer killed before it published")
    publication.publish(db, lambda w: w.run("set_meta", key="note", value="x"), who="test")
    assert not stray.exists()


def test_a_store_made_before_segments_moves_its_rows_into_one_at_its_next_publication(db: Path,
                                                                                        tmp_path: Path) -> None:
    legacy = tmp_path / "old" / "t.duckdb"  # a plain database file with every row in its own tables
    legacy.parent.mkdir()
    con = duckdb.connect(str(legacy))
    src = segments.connect(versions.current(db))
    try:
        sqlfiles.run(con, "schema")
        con.execute("DROP TABLE segments")
        con.execute("DROP TABLE withdrawn")
        for table in ("sources", "trade", "regions"):
            rows = src.execute(f"SELECT * FROM {table}").to_arrow_table()
            con.register("_rows", rows)
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
            con.unregister("_rows")
        build.set_meta(con, "demo", "1")
        rollups.rebuild(con)
    finally:
        src.close()
        con.close()
    expected = checksum.table_checksums(legacy)
    publication.publish(legacy, lambda w: None, who="test")  # nothing new: published for the move alone
    assert versions.current_number(legacy) == 2 and len(_listed(legacy)) == 1
    got = checksum.table_checksums(legacy)
    for table in ("trade", "r_partner_month", "r_heading_month", "r_heading_year", "sources"):
        assert got[table] == expected[table], table
    own = duckdb.connect(str(versions.current(legacy)), read_only=True)
    try:
        assert own.execute("SELECT count(*) FROM trade").fetchall() == [(0,)]
        assert own.execute("SELECT count(*) FROM r_heading_year").fetchall() == [(0,)]  # moved into the segment
    finally:
        own.close()


def test_readers_views_pass_over_tables_without_rows_and_filter_withdrawals_by_anti_join(db: Path,
                                                                                         tmp_path: Path) -> None:
    feb = "SELECT sum(value_cents), count(*) FROM {t} WHERE year = 2022 AND month = 2"
    import_paths(db, [_write(tmp_path, "fix.csv", month_file(2022, 2, 2.0))], loaded_by="test")
    con = segments.connect(versions.current(db))
    try:
        lay = segments.attach(con, segments.folder(versions.current(db)))
        assert {(0, t) for t in segments.TABLES} <= lay.empty  # a version with segments keeps no rows of its own
        assert not any((s.id, t) in lay.empty for s in lay.segments for t in segments.TABLES)
        for table in segments.TABLES:
            text = con.execute("SELECT sql FROM duckdb_views() WHERE view_name = $t AND temporary",
                               {"t": table}).fetchall()[0][0]
            assert f".main.{table}" not in text  # the version's own (empty) table is not a branch
            assert text.count("ANTI JOIN") == 1  # the first segment's withdrawn month, the second's none
        by_view = con.execute(feb.format(t="r_heading_month")).fetchall()
        # the same rows as the definition (rollups.sql) over the declarations the view shows
        by_trade = con.execute(feb.format(t="(SELECT region, year, month, partner, flow, substr(hs10, 1, 4) AS "
                                           "heading, sum(value_cents) AS value_cents FROM trade GROUP BY ALL)")
                               ).fetchall()
        assert by_view == by_trade and by_view[0][1] > 0
    finally:
        con.close()
