"""The rollups kept up at each import from the new rows equal their definition over the whole declarations
table (rollups.sql), also after a newer file replaced some months of an older one."""
from __future__ import annotations

import io
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from dashboard.demo.generate import fts_file
from dashboard.ingest.pipeline import import_paths
from dashboard.store import rollups, segments, sqlfiles, versions

TABLES = {"r_partner_month": ["region", "year", "month", "partner", "flow"],
          "r_heading_region": ["region", "year", "month", "flow", "heading"],
          "r_heading_month": ["region", "year", "month", "partner", "flow", "heading"],
          "r_heading_year": ["region", "year", "flow", "heading"],
          "r_region_coverage": ["region", "year"], "r_source_coverage": ["region", "year", "source_id"]}


def _corrected(year: int, months: tuple[str, ...]) -> bytes:
    """A corrected release of some months: every value 10 % up, and China's exports gone."""
    head, *rows = fts_file(year).decode("utf-8").splitlines()
    out = []
    for row in rows:
        f = row.split("\t")
        if f[1][:2] in months and not (f[2] == "CN" and f[0] == "ЭК"):
            f[5] = f"{float(f[5].replace(',', '.')) * 1.1:.2f}".replace(".", ",")
            out.append("\t".join(f))
    return ("\n".join([head, *out]) + "\n").encode("utf-8")


def _tables(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    return {t: con.execute(f"SELECT * FROM {t}").df().sort_values(key).reset_index(drop=True)
            for t, key in TABLES.items()}


@pytest.fixture(scope="module", params=["apart", "together"])
def store(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The correction in an import of its own, or in the same import as the file it corrects: then the rows of
    that file, held until they fill a row group (rollups.Held), are stored before the correction replaces them."""
    folder = tmp_path_factory.mktemp("rollups")
    files = []
    for name, data in (("y2022.csv", fts_file(2022)), ("y2023.csv", fts_file(2023)),
                       ("fix.csv", _corrected(2023, ("02", "03")))):
        (folder / name).write_bytes(data)
        files.append(folder / name)
    published = folder / "db" / "t.duckdb"
    if request.param == "apart":
        import_paths(published, files[:2], loaded_by="test")
        outcomes = import_paths(published, files[2:], loaded_by="test")  # replaces Feb and Mar 2023
    else:
        outcomes = import_paths(published, files, loaded_by="test")[2:]
    assert outcomes[0].replaced > 0
    return published


def test_incremental_rollups_equal_the_definition(store: Path) -> None:
    con = segments.connect(versions.current(store))  # the rollups as readers see them, over the segments
    kept = _tables(con)
    trade = con.execute("SELECT * FROM trade").to_arrow_table()
    con.close()
    scratch = duckdb.connect()  # the definition, run over the same declarations held in one table
    sqlfiles.run(scratch, "schema")
    scratch.register("_all", trade)
    scratch.execute("INSERT INTO trade BY NAME SELECT * FROM _all")
    rollups.rebuild(scratch)
    rebuilt = _tables(scratch)
    scratch.close()
    for name in TABLES:
        assert len(kept[name]) == len(rebuilt[name]) > 0, name
        # sums added in another order may differ in the last bits
        pd.testing.assert_frame_equal(kept[name], rebuilt[name], check_exact=False, rtol=1e-12, check_dtype=True)


def test_replaced_months_hold_the_corrected_values_only(store: Path) -> None:
    con = segments.connect(versions.current(store))
    feb = con.execute("SELECT flow, sum(value_cents), count(*) FILTER (WHERE partner = 'CN' AND flow = 'E') "
                      "FROM r_partner_month WHERE region = '18000' AND year = 2023 AND month = 2 "
                      "GROUP BY flow ORDER BY flow").fetchall()
    jan_sources = con.execute("SELECT DISTINCT source_id FROM trade WHERE year = 2023 AND month = 1").fetchall()
    con.close()
    assert [r[2] for r in feb] == [0, 0]  # China's exports of February went with the corrected release
    original = pd.read_csv(io.BytesIO(fts_file(2023)), sep="\t", decimal=",", dtype=str)
    imports = original[(original["period"] == "02/2023") & (original["napr"] == "ИМ")
                       & original["Region"].str.startswith("18000")]["Stoim"].str.replace(",", ".").astype(float)
    assert feb[1][1] / 100 == pytest.approx((imports * 1.1).sum(), rel=1e-8)  # each value rounded to cents
    assert jan_sources == [(2,)]  # January 2023 still rests on the original file


def _rows(n: int, dictionary: bool = True) -> pa.Table:
    region = pa.array([f"{i % 7:05d}" for i in range(n)])
    return pa.table({"region": region.dictionary_encode() if dictionary else region, "value_cents": list(range(n))})


def test_rows_of_small_files_wait_until_they_fill_a_row_group() -> None:
    """An insert of fewer rows than a row group goes through DuckDB's log (rollups.Held): small files' rows are
    held, and handed over together, in order, once they fill one; what is left comes out at the end."""
    held = rollups.Held()
    first, second = _rows(100_000), _rows(30_000, dictionary=False)  # a file read the careful way: plain text
    assert held.take("r_partner_month", first).num_rows == 0
    out = held.take("r_partner_month", second)
    assert out.num_rows == 130_000 >= rollups.ROW_GROUP
    assert out.column("value_cents").to_pylist() == list(range(100_000)) + list(range(30_000))
    assert out.column("region").to_pylist()[99_999:100_001] == ["00004", "00000"]
    assert held.take("r_partner_month", _rows(5)).num_rows == 0
    big = _rows(rollups.ROW_GROUP)
    assert held.take("trade", big) is big  # nothing held before: a file of a row group or more goes as it is
    rest = held.rest("r_partner_month")
    assert rest is not None and rest.num_rows == 5
    assert held.rest("r_partner_month") is None and held.rest("trade") is None
