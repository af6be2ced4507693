"""Published versions: a failed import publishes nothing, the same file twice changes nothing, a newer file of
the same months replaces the older one, rollback serves the previous version."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dashboard.i18n.message import msg
from dashboard.ingest.pipeline import import_paths
from dashboard.ingest.report import ImportRejected
from dashboard.store import versions
from dashboard.store.db import Store

HEADER = "napr\tperiod\tnastranapr\ttnved\tedizm\tStoim\tNetto\tKol\tRegion\tRegion_s\n"
REG = "18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ\tЮФО"


def fts(path: Path, rows: list[tuple[str, str, str, float]]) -> Path:
    """rows: (flow, MM/YYYY, partner, value)."""
    lines = [f"{f}\t{p}\t{c}\t7304291000\t\t{str(v).replace('.', ',')}\t1\t\t{REG}" for f, p, c, v in rows]
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshot(db: Path) -> tuple[str, str, dict]:
    """The file the pointer names, its bytes' hash, and the answers of a few queries."""
    cur = versions.current(db)
    assert cur is not None
    digest = hashlib.sha256(cur.read_bytes()).hexdigest()
    store = Store(db)
    try:
        answers = {q: store.df(q).to_json(date_format="iso") for q in ("sources_list",)}
        answers["ranking"] = store.df("partner_ranking", region="18000", year=2022, m_from=1, m_to=12).to_json()
        answers["trade"] = str(store.rows("meta_value", key="demo"))
    finally:
        store.close()
    return cur.name, digest, answers


def test_bad_file_leaves_published_database_byte_and_query_identical(fresh_db: Path, tmp_path: Path) -> None:
    before = snapshot(fresh_db)
    good = fts(tmp_path / "good.csv", [("ЭК", "01/2022", "KZ", 10.0)])
    bad = fts(tmp_path / "bad.csv", [("ЭК", "01/2022", "KZ", 10.0), ("ЭК", "13/2022", "KZ", 1.0)])
    with pytest.raises(ImportRejected) as e:
        import_paths(fresh_db, [good, bad])  # one bad file: nothing of the batch is loaded
    assert [(i.file, i.line, i.column, i.reason) for i in e.value.report.issues] == [
        ("bad.csv", 3, "period", "ingest.reason.month_range")]
    assert snapshot(fresh_db) == before
    assert not list(fresh_db.parent.glob(".*.tmp"))


def test_same_file_twice_changes_nothing(fresh_db: Path, tmp_path: Path) -> None:
    f = fts(tmp_path / "a.csv", [("ЭК", "01/2024", "KZ", 10.0)])
    first = import_paths(fresh_db, [f])
    assert first[0].loaded
    after_first = snapshot(fresh_db)
    second = import_paths(fresh_db, [f])
    assert not second[0].loaded and second[0].messages == (msg("ingest.outcome.unchanged", file="a.csv"),)
    assert snapshot(fresh_db) == after_first


def test_newer_file_of_same_months_replaces_older(tmp_path: Path) -> None:
    db = tmp_path / "x" / "d.duckdb"
    import_paths(db, [fts(tmp_path / "v1.csv", [("ЭК", "01/2022", "KZ", 100.0), ("ЭК", "02/2022", "KZ", 5.0)])])
    import_paths(db, [fts(tmp_path / "v2.csv", [("ЭК", "01/2022", "KZ", 70.0), ("ЭК", "01/2022", "BY", 30.0)])])
    store = Store(db)
    r = store.df("partner_ranking", region="18000", year=2022, m_from=1, m_to=12).set_index("iso2")
    # January comes from v2 only; February is still v1's
    assert r.loc["KZ", "exports_usd"] == pytest.approx(75.0)
    assert r.loc["BY", "exports_usd"] == pytest.approx(30.0)
    assert len(store.df("sources_list")) == 2
    store.close()


def test_versions_are_kept_and_rollback_serves_previous(tmp_path: Path) -> None:
    db = tmp_path / "x" / "d.duckdb"
    for i in range(3):
        import_paths(db, [fts(tmp_path / f"f{i}.csv", [("ЭК", f"0{i + 1}/2022", "KZ", 1.0 + i)])])
    assert versions.current(db).name == "d.v000003.duckdb"
    assert [n for n, _ in versions.versions(db)] == [1, 2, 3]
    store = Store(db)
    assert store.version == "d.v000003.duckdb"
    versions.rollback(db)
    assert store.version == "d.v000002.duckdb"  # an open Store follows the pointer
    assert len(store.df("sources_list")) == 2
    store.close()


def test_old_versions_are_pruned(tmp_path: Path) -> None:
    db = tmp_path / "x" / "d.duckdb"
    from dashboard.ingest.pipeline import parse_file, publish
    for i in range(4):
        f = fts(tmp_path / f"f{i}.csv", [("ЭК", f"0{i + 1}/2022", "KZ", 1.0)])
        publish(db, [parse_file(f.name, f.read_bytes())], keep=2)
    assert [n for n, _ in versions.versions(db)] == [3, 4]


def test_store_without_data_says_how_to_build(tmp_path: Path) -> None:
    from dashboard.store.db import NoData
    with pytest.raises(NoData, match="python -m dashboard init"):
        _ = Store(tmp_path / "none.duckdb").version


# --- the one door for writes (store/publication.py) and the one loader of SQL files (store/sqlfiles.py)
def test_a_publication_that_writes_nothing_publishes_nothing(tmp_path: Path) -> None:
    from dashboard.store import publication
    db = tmp_path / "x" / "d.duckdb"
    # nothing published yet: the first version is the schema itself, with its macros and meta values
    assert publication.publish(db, lambda w: w.value("trade_rows")) == 0
    assert versions.current_number(db) == 1
    store = Store(db)
    assert store.rows("meta_value", key="demo") == [("1",)] and store.rows("meta_value", key="published_at")
    store.close()
    assert publication.publish(db, lambda w: sorted(w.loaded_hashes())) == []
    assert versions.current_number(db) == 1  # read only: no new version


def test_a_publication_that_fails_publishes_nothing(tmp_path: Path) -> None:
    from dashboard.store import publication
    db = tmp_path / "x" / "d.duckdb"
    import_paths(db, [fts(tmp_path / "a.csv", [("ЭК", "01/2022", "KZ", 10.0)])], loaded_by="test")
    before = snapshot(db)

    def half(w: publication.Writer) -> None:
        w.add_source("b.csv", "0" * 64, "fts", 1, ("2022-01", "2022-01"), demo=False)
        raise RuntimeError("stopped half-way")

    with pytest.raises(RuntimeError, match="half-way"):
        publication.publish(db, half, who="test")
    assert snapshot(db) == before
    assert not list(db.parent.glob(".*.tmp*"))


def test_the_writer_logs_who_loaded_a_file(tmp_path: Path) -> None:
    from dashboard.store import publication
    db = tmp_path / "x" / "d.duckdb"
    sid = publication.publish(db, lambda w: w.add_source("dir/b.csv", "1" * 64, "firms", 2, ("2021", "2022"),
                                                         demo=True, note=None), who="ivanova")
    store = Store(db)
    src = store.df("sources_list")
    store.close()
    assert sid == 1
    row = src.iloc[0]
    assert (row["file_name"], row["loaded_by"], row["rows_loaded"], row["period_to"]) == ("b.csv", "ivanova", 2, "2022")


def test_every_sql_file_is_found_by_the_one_loader() -> None:
    from dashboard.store import sqlfiles
    on_disk = sorted(sqlfiles.HERE.rglob("*.sql"))
    assert len({p.stem for p in on_disk}) == len(on_disk)  # one name, one file
    for p in on_disk:
        assert sqlfiles.sql(p.stem) == p.read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="no SQL file"):
        sqlfiles.sql("../schema")


def test_write_statements_name_their_columns_and_bind_their_values() -> None:
    import re

    from dashboard.store import sqlfiles
    files = sorted((sqlfiles.HERE / "sql" / "write").glob("*.sql"))
    assert len(files) >= 20
    for p in files:
        text = sqlfiles.COMMENT.sub("", p.read_text(encoding="utf-8"))
        assert "{" not in text and "%s" not in text and "?" not in text, p.name  # named parameters only
        for insert in re.findall(r"INSERT (?:OR REPLACE |OR IGNORE )?INTO [\w.]+ ?(.{0,8})", text):
            assert insert.startswith(("(", "BY NAME")), (p.name, insert)


def test_python_runs_no_inline_sql_in_the_writing_modules() -> None:
    root = Path(__file__).resolve().parents[2] / "dashboard"
    files = [*(root / "ingest").glob("*.py"), *(root / "demo").glob("*.py"), root / "meetings" / "store_io.py",
             *(root / "store" / n for n in ("build.py", "rollups.py", "versions.py", "publication.py"))]
    offenders = [f"{p.name}: {line.strip()}" for p in files for line in p.read_text(encoding="utf-8").splitlines()
                 if ".execute(" in line and "sqlfiles" not in p.name]
    assert offenders == []


def test_store_refusals_are_keys_rendered_in_the_readers_language(tmp_path: Path, monkeypatch, capsys) -> None:
    """A busy store and a rollback with nothing older: the CLI says so in the language of --lang, from keys
    that both catalogues hold."""
    import re

    from dashboard.__main__ import main
    from dashboard.i18n import catalog

    db = tmp_path / "t.duckdb"
    import_paths(db, [fts(tmp_path / "a.csv", [("ЭК", "01/2022", "KZ", 100.0)])])
    monkeypatch.setattr(versions, "LOCK_WAIT_S", 0.05)
    said = {}
    for lang in ("ru", "en"):
        with versions.writer_lock(db):
            assert main(["--db", str(db), "--lang", lang, "import", str(fts(tmp_path / "b.csv", [
                ("ИМ", "02/2022", "KZ", 5.0)]))]) == 3
        assert main(["--db", str(db), "--lang", lang, "rollback"]) == 3
        said[lang] = capsys.readouterr().err
    assert "идёт другая загрузка" in said["ru"] and "более ранней версии" in said["ru"]
    assert "another import is running" in said["en"] and "no older version" in said["en"]
    assert not re.search("[а-яё]", said["en"], re.I)
    source = (Path(versions.__file__)).read_text(encoding="utf-8")
    keys = set(re.findall(r'msg\("([a-z_.]+)"', source))
    assert keys and keys <= set(catalog("ru")) and keys <= set(catalog("en"))


STALE_MACROS = """
CREATE OR REPLACE MACRO partner_period(rgn, m_from, m_to) AS TABLE
    SELECT 1900 AS year, 'XX' AS partner, 0 AS exports_cents, 0 AS imports_cents, 0 AS turnover_cents,
           0.0 AS exports_usd, 0.0 AS imports_usd, 0.0 AS turnover_usd, 1 AS rank, 1 AS partners_count, 1.0 AS share;
CREATE OR REPLACE MACRO growth(cur, prev) AS 42;
"""


def test_a_version_with_stale_or_no_macros_is_read_with_the_codes_definitions(tmp_path: Path) -> None:
    """The metric macros come from the code release, defined by the reader: a version file holding an older
    release's definitions (or none) answers the same; a new publication drops what an older one stored."""
    import duckdb

    db = tmp_path / "t.duckdb"
    import_paths(db, [fts(tmp_path / "a.csv", [("ЭК", "01/2021", "KZ", 100.0), ("ЭК", "01/2022", "KZ", 150.0),
                                              ("ИМ", "01/2022", "CN", 50.0)])])
    path = versions.current(db)
    assert path is not None

    def stored(p: Path) -> list[str]:
        con = duckdb.connect(str(p), read_only=True)
        try:
            return [r[0] for r in con.execute("SELECT function_name FROM duckdb_functions() "
                                              "WHERE function_type IN ('macro', 'table_macro') AND NOT internal")
                    .fetchall()]
        finally:
            con.close()

    assert stored(path) == []  # a version holds data only

    def ranking() -> list[tuple]:
        store = Store(db)
        try:
            df = store.df("partner_ranking", region="18000", year=2022, m_from=1, m_to=12)
            return [(r.iso2, r.rank, r.turnover_cents, None if r.growth != r.growth else r.growth)  # NaN: none
                    for r in df.itertuples()]
        finally:
            store.close()

    expected = ranking()
    assert expected == [("KZ", 1, 15000, 0.5), ("CN", 2, 5000, None)]
    con = duckdb.connect(str(path))  # as a release before this one left it: its own definitions stored
    con.execute(STALE_MACROS)
    con.close()
    assert sorted(stored(path)) == ["growth", "partner_period"]
    assert ranking() == expected

    import_paths(db, [fts(tmp_path / "b.csv", [("ЭК", "02/2022", "TR", 10.0)])])
    assert stored(versions.current(db)) == []
