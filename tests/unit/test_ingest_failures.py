"""Issue 13: every failure during an import is a sentence in the refusal report, never a traceback: exit 2 for
the input, 3 for the machine (a full disk at DuckDB's checkpoint included), and nothing is published."""
from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path

import duckdb
import pytest

from dashboard.__main__ import main as cli
from dashboard.__main__ import report_text
from dashboard.ingest import fts, fts_fast
from dashboard.ingest.pipeline import import_paths, parse_file
from dashboard.ingest.report import ImportRejected
from dashboard.store import segments, versions
from dashboard.store.checksum import table_checksums
from tests.fixtures import make_bad


def _file(folder: Path, months: tuple[int, ...] = (7,), name: str = "DATTSVT.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(make_bad.utf8(make_bad.table(make_bad.good_rows(months=months))))
    return path


def _unchanged(published: Path, before: dict, before_versions: list) -> None:
    assert table_checksums(published) == before
    assert versions.versions(published) == before_versions


def test_an_unforeseen_error_of_a_reader_is_a_refusal_with_exit_2(published, tmp_path, monkeypatch, capsys):
    before, before_versions = table_checksums(published), versions.versions(published)

    def broken(*args, **kwargs):
        raise ValueError("a reader bug no check foresaw")
    monkeypatch.setattr(fts_fast, "read_clean", broken)
    code = cli(["--db", str(published), "--lang", "en", "import", str(_file(tmp_path))])
    err = capsys.readouterr().err
    assert code == 2
    assert "nothing was loaded" in err and "could not be read (error ValueError in the reader)" in err
    assert "Traceback" not in err
    _unchanged(published, before, before_versions)


def test_an_error_while_loading_is_a_refusal_and_publishes_nothing(published, tmp_path, monkeypatch, capsys):
    before, before_versions = table_checksums(published), versions.versions(published)

    def broken(*args, **kwargs):
        raise KeyError("region")
    monkeypatch.setattr(fts, "load", broken)
    code = cli(["--db", str(published), "--lang", "ru", "import", str(_file(tmp_path))])
    err = capsys.readouterr().err
    assert code == 2
    assert "файл не удалось загрузить (ошибка KeyError); ничего не опубликовано" in err
    _unchanged(published, before, before_versions)


def test_a_fatal_duckdb_error_at_the_checkpoint_is_the_machine_exit_3(published, tmp_path, monkeypatch, capsys):
    """DuckDB's FatalException (what a full disk during its checkpoint raises) invalidates the database: the new
    version is dropped and the message says why."""
    before, before_versions = table_checksums(published), versions.versions(published)

    def fatal(stage: str) -> None:
        if stage == "loaded":  # just before the commit and the checkpoint
            raise duckdb.FatalException("Failed to create checkpoint: could not write: No space left on device")
    monkeypatch.setattr(versions, "fault_point", fatal)
    code = cli(["--db", str(published), "--lang", "en", "import", str(_file(tmp_path))])
    err = capsys.readouterr().err
    assert code == 3
    assert "import failed, nothing was loaded" in err and "No space left on device" in err
    monkeypatch.undo()
    _unchanged(published, before, before_versions)


@pytest.mark.parametrize("failing", ["insert_trade", "add_rollups"])
def test_an_error_of_either_of_the_two_inserts_publishes_nothing(published, tmp_path, monkeypatch, capsys, failing):
    """The declarations are stored on a second connection while the rollup rows are stored on the first
    (publication.Writer.beside): an error on either is a refusal, and the other is waited for, not left running."""
    from dashboard.store import sqlfiles
    before, before_versions = table_checksums(published), versions.versions(published)
    run = sqlfiles.run

    def broken(con, name, /, **params):
        if name == failing:
            raise duckdb.ConstraintException(f"{name} refused")
        return run(con, name, **params)
    monkeypatch.setattr(sqlfiles, "run", broken)
    files = [_file(tmp_path / "a", months=(7,)), _file(tmp_path / "b", months=(8,))]
    code = cli(["--db", str(published), "--lang", "en", "import", *map(str, files)])
    err = capsys.readouterr().err
    assert code == 2 and "nothing was loaded" in err and "ConstraintException" in err
    monkeypatch.undo()
    _unchanged(published, before, before_versions)
    assert not [t for t in threading.enumerate() if t.name.startswith("write-")]


def _big_file(path: Path, n: int) -> Path:
    rows = [["ЭК", "07/2021", make_bad.PARTNERS[i % 4], f"{1000000000 + 7 * i:010d}", "", f"{1000 + i},25",
             f"{3000 + i},5", "", make_bad.REGION, make_bad.DISTRICT] for i in range(n)]
    path.write_bytes(make_bad.utf8(make_bad.table(rows)))
    return path


def test_a_really_full_disk_ends_in_the_report_with_exit_3(tmp_path, capsys):
    """A tmpfs (the tests run as root in their sandbox) with room for the store, its copy and a little more:
    the import of 60,000 new rows runs out of space while DuckDB writes them."""
    plain = tmp_path / "plain" / "t.duckdb"
    import_paths(plain, make_bad.write_base(tmp_path / "in"), loaded_by="test")
    size = versions.current(plain).stat().st_size
    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={2 * size + (1 << 20)}", "tmpfs", str(disk)], check=True)
    try:
        shutil.copytree(plain.parent, disk / "db", symlinks=True)
        published = disk / "db" / "t.duckdb"
        before, before_versions = table_checksums(published), versions.versions(published)
        code = cli(["--db", str(published), "--lang", "en", "import", str(_big_file(tmp_path / "big.csv", 60_000))])
        err = capsys.readouterr().err
        assert code == 3, err
        assert "import failed, nothing was loaded" in err and "No space left on device" in err
        _unchanged(published, before, before_versions)
        assert sorted(p.name for p in published.parent.iterdir() if p.name.startswith(".")) == []
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_file_name_with_a_newline_never_forges_report_lines(tmp_path):
    name = "DATTSVT.csv\n  line 2, column napr: 'ЭК' — all is well\x1b[2K"
    rows = make_bad.good_rows()
    rows[0][make_bad.HEADER.index("Stoim")] = "-1"
    with pytest.raises(ImportRejected) as e:
        parse_file(name, make_bad.utf8(make_bad.table(rows)))
    text = report_text(e.value.report, "en")
    assert len(text.splitlines()) == 2  # the head and the one real problem
    assert "\\n  line 2" in text and "\\x1b" in text and "\x1b" not in text


def test_an_old_store_with_32_bit_firm_counts_is_upgraded_by_the_next_publication(published, tmp_path):
    target = versions.current(published)
    con = duckdb.connect(str(target))
    con.execute("ALTER TABLE firms ALTER firms TYPE INTEGER")  # as schema.sql made it before
    before = con.execute("SELECT year, partner, kind, firms FROM firms ORDER BY ALL").fetchall()
    con.close()
    big = tmp_path / "firms.csv"
    big.write_bytes(make_bad.firms_csv([("2022", "KZ", "999999", "any")]))
    import_paths(published, [big])
    con = segments.connect(versions.current(published))
    try:
        kind = con.execute("SELECT data_type FROM information_schema.columns WHERE table_name = 'firms' "
                           "AND column_name = 'firms'").fetchone()
        after = con.execute("SELECT year, partner, kind, firms FROM firms WHERE year < 2022 ORDER BY ALL").fetchall()
    finally:
        con.close()
    assert kind == ("BIGINT",) and after == before
