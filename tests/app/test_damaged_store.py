"""Issue 13: a damaged data block never takes a page down. DuckDB checks a block's checksum only when a query
reads it, so the version opens fine; the query that reads the block moves the readers to the last sound version
(by the publication log), the page answers from it under a warning, `verify` names the damage and an import
refuses to build on it."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.__main__ import main as cli
from dashboard.i18n import t
from dashboard.ingest.pipeline import import_paths
from dashboard.store import answers, segments, versions
from dashboard.store.db import Store
from dashboard.store.period import Period
from tests.app.conftest import APP

HEADERS = 3 * 4096  # DuckDB's file header and its two database headers; blocks follow, each block_size long


def _blocks(con: duckdb.DuckDBPyConnection, table: str) -> set[int]:
    return {r[0] for r in con.execute("SELECT DISTINCT block_id FROM pragma_storage_info(?) WHERE block_id >= 0",
                                      [table]).fetchall()}


def damage_tables(path: Path, tables: tuple[str, ...] = ("partners", "firms")) -> set[int]:
    """Flip bytes inside the data blocks of tables the pages read (never a block of the catalog, the import log,
    meta or the segment list, which opening a version reads); the blocks damaged. In a version file: the
    partners' names and the firm counts (the declarations and rollups live in segments, see the last test)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        size = con.execute("SELECT block_size FROM pragma_database_size()").fetchone()[0]
        present = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        spared = set().union(*(_blocks(con, t) for t in ("sources", "meta", "segments", "withdrawn") if t in present))
        hit = set().union(*(_blocks(con, t) for t in tables)) - spared
    finally:
        con.close()
    with open(path, "r+b") as f:
        for block in hit:
            f.seek(HEADERS + block * size + 1000)
            f.write(b"\xff" * 64)
    return hit


@pytest.fixture
def damaged(fresh_db: Path) -> tuple[Path, Path, Path]:
    """The demo store (version 1: the customs files, version 2: the meeting) with version 2's tables damaged."""
    current = versions.current(fresh_db)
    assert current is not None and versions.current_number(fresh_db) == 2
    assert damage_tables(current)
    assert versions.is_healthy(current) is None  # opening it finds nothing: only reading the block does
    return fresh_db, current, versions.version_path(fresh_db, 1)


def test_a_query_that_reads_a_damaged_block_is_answered_from_the_sound_version(damaged) -> None:
    db, current, sound = damaged
    store = Store(db)
    assert store.served == current and store.warning is None
    ranking = answers.ranking(store, "18000", Period(2022))
    assert ranking.set_index("iso2").loc["KZ", "rank"] == 4 and ranking["of"].iloc[0] == 114
    assert store.served == sound
    assert store.warning is not None and store.warning.key == "store.fallback"
    store.close()


@pytest.mark.parametrize("page, query", [("overview", {}), ("partners", {}), ("partner", {"partner": "KZ"})])
def test_pages_answer_under_a_warning(damaged, page: str, query: dict, monkeypatch) -> None:
    db, _, sound = damaged
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    warned = t("auth.store_fallback", "ru", serving="").split("(")[0]
    assert any(w.value.startswith(warned) for w in at.warning), [w.value for w in at.warning]
    assert "№ 1 от" in " ".join(w.value for w in at.warning)  # the version served, by number and date
    assert at.title or at.header or at.subheader
    if page == "partner":
        assert any("4" in m.value for m in at.metric), [m.value for m in at.metric]


def test_verify_finds_the_block_and_an_import_is_refused_naming_the_version(damaged, tmp_path, capsys) -> None:
    db, current, _ = damaged
    assert cli(["--db", str(db), "verify"]) == 1
    assert f"{current.name} (current): DAMAGED" in capsys.readouterr().out
    extra = tmp_path / "firms.csv"
    extra.write_text("year,partner,firms,kind\n2024,KZ,7,any\n", encoding="utf-8")
    kept = versions.versions(db)
    with pytest.raises(versions.StoreError) as e:
        import_paths(db, [extra], loaded_by="test")
    assert e.value.message.key == "store.error.damaged"
    assert e.value.message.params["version"].params["number"] == 2
    assert versions.versions(db) == kept and versions.current(db) == current
    for lang, said in (("en", "the current data version no. 2 of"), ("ru", "текущая версия данных № 2 от")):
        assert cli(["--db", str(db), "--lang", lang, "import", str(extra)]) == 3
        err = capsys.readouterr().err
        assert said in err and current.name not in err, err


def test_a_damaged_segment_shared_by_every_version_stops_the_answers_with_a_sentence(fresh_db, monkeypatch,
                                                                                     capsys) -> None:
    """The declarations and rollups are kept once, in segments every version lists (store/segments.py): a damaged
    block there has no sound copy to fall back on, so the readers say so in a sentence (and verify names every
    version that lists it) rather than answer from nothing; the remedy is the backup or loading the files again."""
    [segment] = sorted(segments.store_folder(fresh_db).glob("*.duckdb"))
    assert damage_tables(segment, ("r_partner_month", "r_heading_month"))
    store = Store(fresh_db)
    with pytest.raises(versions.StoreError) as e:
        answers.ranking(store, "18000", Period(2022))
    assert e.value.message.key == "store.error.none_sound"
    store.close()
    monkeypatch.setenv("DASHBOARD_DB", str(fresh_db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.switch_page("app_pages/partners.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.error, "the page says the data cannot be read"
    assert cli(["--db", str(fresh_db), "verify"]) == 1
    out = capsys.readouterr().out
    assert out.count("DAMAGED") == 2, out  # both versions list the segment
