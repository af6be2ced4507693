"""`verify` reads every block a version rests on, also those no page query reads in full: the lists of the
region-years each segment covers (r_heading_year_cover) and the whole-year rows a newer segment passes over."""
from __future__ import annotations

from pathlib import Path

import duckdb

from dashboard.store import checksum, segments, versions

HEADERS, BLOCK = 3 * 4096, 262144  # DuckDB's file layout: three header blocks, then blocks of 256 KB


def _blocks(path: Path) -> dict[str, set[int]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        return {t: {r[0] for r in con.execute("SELECT DISTINCT block_id FROM pragma_storage_info(?) "
                                              "WHERE block_id >= 0", [t]).fetchall()} for t in tables}
    finally:
        con.close()


def test_a_damaged_block_of_a_segments_cover_list_is_found(fresh_db: Path) -> None:
    cover = segments.cover(next(iter(segments.YEARLY)))
    # a block of some segment that holds the cover list and no other table's rows
    target = None
    for seg in sorted(segments.folder(fresh_db).glob("*.duckdb")):
        used = _blocks(seg)
        others = set().union(*(b for t, b in used.items() if t != cover))
        alone = sorted(used.get(cover, set()) - others)
        if alone:
            target = (seg, alone[0])
    assert target is not None, "the demo store has a cover list in a block of its own"
    ok, _ = checksum.verify(fresh_db)
    assert ok
    seg, block = target
    with open(seg, "r+b") as f:
        f.seek(HEADERS + block * BLOCK + 64)
        f.write(bytes(range(200)))
    ok, lines = checksum.verify(fresh_db)
    current = versions.current(fresh_db)
    assert current is not None and not ok
    assert any(line.startswith(f"{current.name} (current): DAMAGED") for line in lines)
