"""Issue 7.3: concurrency. Ten reader processes query the ranking through Store in a loop while the CLI
publishes new versions: no reader error, every answer belongs wholly to one version, and after a publish
every reader moves to the new version. Two imports at once: the second waits for the first and both are
applied one after the other (or it is refused with the clear busy message); nothing interleaves."""
from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

import pytest

from dashboard.__main__ import main as cli
from dashboard.ingest.pipeline import import_paths
from dashboard.store import answers, segments, versions
from dashboard.store.checksum import table_checksums
from dashboard.store.db import Store
from dashboard.store.period import Period
from tests.fixtures import make_bad

ROOT = Path(__file__).resolve().parents[2]
READERS = 10
YEAR = Period(2021)


def _file(folder: Path, months: tuple[int, ...]) -> Path:
    path = folder / f"fts_2021_{months[0]:02d}.csv"
    path.write_text(make_bad.table(make_bad.good_rows(months=months)), encoding="utf-8")
    return path


def _answer(store: Store) -> tuple[str, float, int] | None:
    """(version, total turnover, partners) of one consistent reading, or None if a publish fell in between."""
    v1 = store.version
    df = answers.ranking(store, "18000", YEAR)
    v2 = store.version
    return (v1, round(float(df["turnover_usd"].sum()), 2), len(df)) if v1 == v2 else None


def _reader(published: str, ready, stop, out) -> None:
    """One 'session' in its own process: query until told to stop, then once more; report what it saw."""
    seen: dict[str, tuple[float, int]] = {}
    order: list[str] = []
    errors: list[str] = []
    queries = 0
    store = Store(Path(published))
    while True:
        last = stop.is_set()
        try:
            got = _answer(store)
            queries += 1
            if got:
                version, total, n = got
                if seen.get(version, (total, n)) != (total, n):
                    errors.append(f"{version} answered two ways: {seen[version]} and {(total, n)}")
                seen[version] = (total, n)
                if not order or order[-1] != version:
                    order.append(version)
        except Exception:
            errors.append(traceback.format_exc(limit=3))
        if queries == 1:
            ready.put(os.getpid())
        if last:
            break
    out.put({"pid": os.getpid(), "seen": seen, "order": order, "errors": errors, "queries": queries,
             "final": store.version})


@pytest.fixture
def published(tmp_path: Path) -> Path:
    db = tmp_path / "db" / "t.duckdb"
    import_paths(db, make_bad.write_base(tmp_path / "in"), loaded_by="test")
    return db


def _expected(version_file: Path) -> tuple[float, int]:
    store = Store(version_file)  # a version file on its own is a plain database
    df = answers.ranking(store, "18000", YEAR)
    return round(float(df["turnover_usd"].sum()), 2), len(df)


def test_ten_readers_while_the_cli_publishes(published, tmp_path):
    ctx = mp.get_context("spawn")
    ready, stop, out = ctx.Queue(), ctx.Event(), ctx.Queue()
    readers = [ctx.Process(target=_reader, args=(str(published), ready, stop, out)) for _ in range(READERS)]
    for r in readers:
        r.start()
    try:
        for _ in readers:  # every reader is querying before the first publish
            ready.get(timeout=120)
        published_versions = [versions.current(published).name]
        for months in ((7, 8), (9, 10), (11, 12)):
            done = subprocess.run([sys.executable, "-m", "dashboard", "--db", str(published), "import",
                                   str(_file(tmp_path, months))], cwd=ROOT, capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
            published_versions.append(versions.current(published).name)
    finally:
        stop.set()
        reports = [out.get(timeout=120) for _ in readers]
        for r in readers:
            r.join(timeout=30)
    expected = {v: _expected(published.parent / v) for v in published_versions}
    assert len(set(expected.values())) == len(expected)  # each publish changed the answer

    assert sum(len(rep["errors"]) for rep in reports) == 0, [rep["errors"] for rep in reports]
    for rep in reports:
        assert rep["final"] == published_versions[-1]          # after the publish, the new version
        assert rep["seen"][published_versions[-1]] == expected[published_versions[-1]]
        for version, answer in rep["seen"].items():            # every answer is one whole version's
            assert answer == expected[version], (version, answer)
        ranks = [published_versions.index(v) for v in rep["order"]]
        assert ranks == sorted(ranks)                          # never back to an older version
        assert rep["order"][0] == published_versions[0]         # it was reading before the publishes
        assert rep["queries"] > 0
    print(f"{READERS} readers, {sum(r['queries'] for r in reports)} queries, "
          f"{len(published_versions) - 1} publishes, 0 errors")


def _consistent(published: Path) -> dict:
    """Facts that only hold if every publish applied whole files on top of the previous one."""
    con = segments.connect(published)
    try:
        files = [r[0] for r in con.execute("SELECT file_name FROM sources ORDER BY source_id").fetchall()]
        orphan = con.execute("SELECT count(*) FROM trade WHERE source_id NOT IN "
                             "(SELECT source_id FROM sources)").fetchone()
        per_source = con.execute("SELECT s.rows_loaded = count(t.source_id) FROM sources s JOIN trade t "
                                 "USING (source_id) GROUP BY s.source_id, s.rows_loaded").fetchall()
        rollup_gap = con.execute("""
            SELECT count(*) FROM (
                SELECT region, year, month, flow, partner, sum(value_cents) AS v FROM trade GROUP BY ALL) t
            FULL JOIN (SELECT region, year, month, flow, partner, sum(value_cents) AS v
                       FROM r_partner_month GROUP BY ALL) r USING (region, year, month, flow, partner)
            WHERE t.v IS NULL OR r.v IS NULL OR t.v <> r.v""").fetchone()
    finally:
        con.close()
    return {"files": files, "orphan_rows": orphan[0] if orphan else None,
            "rows_match": all(r[0] for r in per_source), "rollup_gap": rollup_gap[0] if rollup_gap else None}


def test_two_imports_at_once_run_one_after_the_other(published, tmp_path):
    first_file, second_file = _file(tmp_path, (7, 8)), _file(tmp_path, (9, 10))
    env = {**os.environ, "DASHBOARD_FAULT_AT": "loaded", "DASHBOARD_FAULT_SLEEP": "2"}
    first = subprocess.Popen([sys.executable, "-m", "dashboard", "--db", str(published), "import",
                              str(first_file)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert first.stderr is not None
    assert first.stderr.readline().strip() == "fault point loaded"  # the first holds the writer's lock now
    env2 = {k: v for k, v in os.environ.items() if not k.startswith("DASHBOARD_FAULT")}
    second = subprocess.run([sys.executable, "-m", "dashboard", "--db", str(published), "import",
                             str(second_file)], cwd=ROOT, env=env2, capture_output=True, text=True)
    first_out, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second.stderr
    facts = _consistent(published)
    # the second copied the version the first published: both files are there, in order, whole
    assert facts["files"] == ["base_fts_2021.zip", "base_firms.csv", first_file.name, second_file.name]
    assert facts["orphan_rows"] == 0 and facts["rows_match"] and facts["rollup_gap"] == 0
    assert versions.current_number(published) == 3


def test_second_import_is_refused_clearly_when_the_wait_runs_out(published, tmp_path, monkeypatch, capsys):
    before = table_checksums(published)
    monkeypatch.setattr(versions, "LOCK_WAIT_S", 0.3)
    with versions.writer_lock(published):  # another writer holds the lock throughout
        code = cli(["--db", str(published), "--lang", "en", "import", str(_file(tmp_path, (7, 8)))])
    err = capsys.readouterr().err
    assert code == 3
    assert "import failed, nothing was loaded: another import is running" in err
    assert table_checksums(published) == before
    # and once the lock is free the same import goes through
    assert cli(["--db", str(published), "--lang", "en", "import", str(_file(tmp_path, (7, 8)))]) == 0


def test_rollback_waits_for_a_running_import(published, monkeypatch):
    monkeypatch.setattr(versions, "LOCK_WAIT_S", 0.2)
    with versions.writer_lock(published), pytest.raises(versions.StoreBusy):
        versions.rollback(published)


def test_copy_of_folder_is_a_valid_snapshot(published, tmp_path):
    """Backups are a plain copy of the folder: the pointer is relative, so the copy works where it lands."""
    copy = tmp_path / "backup"
    shutil.copytree(published.parent, copy, symlinks=True)
    assert table_checksums(copy / published.name) == table_checksums(published)
