"""The benchmark's plain-DuckDB anchor builds the same end state as our import: the same declarations and the
same three monthly rollups and the whole-year one, from the same generated files (so the ratio compares equal work)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from benchmarks import anchor, generate
from dashboard.ingest.pipeline import import_paths
from dashboard.store import segments, versions

QUERIES = {
    "trade": "SELECT region, year, month, flow, partner, hs10, unit, value_cents, netto_kg, qty FROM trade",
    "r_partner_month": "SELECT region, year, month, partner, flow, value_cents FROM r_partner_month",
    "r_heading_month": "SELECT region, year, month, partner, flow, heading, value_cents, round(netto_kg, 3) "
                       "FROM r_heading_month",
    "r_heading_region": "SELECT region, year, month, flow, heading, value_cents, round(netto_kg, 3) "
                        "FROM r_heading_region",
    "r_heading_year": "SELECT region, year, flow, heading, value_cents, round(netto_kg, 3) FROM r_heading_year",
}


def _rows(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in QUERIES.items()}


@pytest.mark.parametrize("unique", [False, True], ids=["realistic", "unique-codes"])
def test_the_anchor_stores_what_our_import_stores(tmp_path: Path, unique: bool) -> None:
    files = generate.generate(1500, tmp_path / "files", unique_codes=unique)
    ours = tmp_path / "ours" / "t.duckdb"
    import_paths(ours, files, loaded_by="test")
    con = segments.connect(versions.current(ours))
    expected = _rows(con)
    con.close()
    result = anchor.build(tmp_path / "anchor.duckdb", files, anchor.partner_codes())
    assert result["rows"] == 1500
    con = duckdb.connect(str(tmp_path / "anchor.duckdb"), read_only=True)
    assert _rows(con) == expected
    con.close()
