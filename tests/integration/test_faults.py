"""Issue 7.2: faults. A writer killed at any point never damages the published version; a read-only folder
or a full disk gives a clear error and publishes nothing; a damaged current version is detected when it is
opened and the previous one is served with a warning, and no import builds on it; `python -m dashboard rollback`
goes back one version."""
from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dashboard.__main__ import main as cli
from dashboard.i18n import t
from dashboard.i18n.message import render
from dashboard.i18n.numbers import version_label
from dashboard.ingest.pipeline import import_paths
from dashboard.store import answers, versions
from dashboard.store.checksum import table_checksums
from dashboard.store.db import Store
from dashboard.store.period import Period
from tests.fixtures import make_bad

ROOT = Path(__file__).resolve().parents[2]
STAGES = ("copied", "loaded", "synced", "renamed", "published")
# a round of kills without a hook: fractions of the window in which an uninterrupted import writes its new version
# (from its first change to the store's folder to its publish); rounds go on until enough kills landed inside it
KILL_AT = (0.15, 0.35, 0.55, 0.75, 0.9)
NEEDED_MID_RUN = 5
MAX_ROUNDS = 4
DATA_TABLES = ("trade", "firms", "r_partner_month", "r_heading_month", "regions")


def _new_file(folder: Path) -> Path:
    """A valid file of months the base does not have: the import adds rows, it replaces none."""
    path = folder / "fts_2021_h2.zip"
    path.write_bytes(make_bad.zipped({"DATTSVT.csv": make_bad.utf8(make_bad.table(
        make_bad.good_rows(months=(7, 8, 9, 10, 11, 12))))}))
    return path


@pytest.fixture(scope="module")
def reference(base_db: Path, tmp_path_factory) -> dict[str, str]:
    """Data-table checksums after the same import run to its end (sources and meta carry timestamps)."""
    folder = tmp_path_factory.mktemp("ref")
    shutil.copytree(base_db.parent, folder / "db", symlinks=True)
    published = folder / "db" / base_db.name
    import_paths(published, [_new_file(folder)], loaded_by="test")
    sums = table_checksums(published)
    return {t: sums[t] for t in DATA_TABLES}


def _import_process(published: Path, path: Path, stage: str | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("DASHBOARD_FAULT_AT", None)
    if stage:
        env["DASHBOARD_FAULT_AT"] = stage
    return subprocess.Popen([sys.executable, "-m", "dashboard", "--db", str(published), "import", str(path)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _leftovers(published: Path) -> list[str]:
    return sorted(p.name for p in published.parent.iterdir() if p.name.startswith("."))


def _assert_old_or_new(published: Path, before: dict[str, str], reference: dict[str, str]) -> str:
    """The pointer names a sound version holding either all of the old data or all of the new."""
    sums = table_checksums(published)  # reads every row: a torn file would raise here
    if sums == before:
        return "old"
    assert {t: sums[t] for t in DATA_TABLES} == reference
    return "new"


def _then_import_again_cleanly(published: Path, path: Path, reference: dict[str, str]) -> None:
    import_paths(published, [path], loaded_by="test")  # loads, or "already loaded" if the kill came late
    sums = table_checksums(published)
    assert {t: sums[t] for t in DATA_TABLES} == reference
    assert _leftovers(published) == []
    assert len(answers.ranking(Store(published), "18000", Period(2021))) == len(make_bad.PARTNERS)


@pytest.mark.parametrize("stage", STAGES)
def test_writer_killed_at_each_stage(stage, published, reference, tmp_path):
    path = _new_file(tmp_path)
    before = table_checksums(published)
    proc = _import_process(published, path, stage)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()  # the hook prints this, then sleeps until killed
        assert line.strip() == f"fault point {stage}", line + proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    state = _assert_old_or_new(published, before, reference)
    assert state == ("new" if stage == "published" else "old")
    _then_import_again_cleanly(published, path, reference)


def _folder_state(folder: Path) -> dict[str, tuple[int, int]]:
    """Every entry of the store's folder with its inode and modification time: any write shows here."""
    return {e.name: (e.inode(), e.stat(follow_symlinks=False).st_mtime_ns) for e in os.scandir(folder)}


def _write_window(published: Path, path: Path, folder: Path) -> float:
    """Seconds from an uninterrupted import's first change to the store's folder (on a copy of the store) to its
    publish: the part of its run where a kill could tear something."""
    shutil.copytree(published.parent, folder, symlinks=True)
    db = folder / published.name
    untouched, pointer = _folder_state(folder), os.readlink(db)
    begin = end = None
    proc = _import_process(db, path)
    while proc.poll() is None and end is None:
        now = time.monotonic()
        if begin is None and _folder_state(folder) != untouched:
            begin = now
        if os.readlink(db) != pointer:
            end = now
        time.sleep(0.001)
    assert proc.wait() == 0, proc.stderr.read() if proc.stderr else ""
    end = end if end is not None else time.monotonic()  # published between the last look and the exit
    return end - (begin if begin is not None else end)


def _kill_at(published: Path, path: Path, after_s: float, reference: dict[str, str], folder: Path) -> str:
    """SIGKILL an import into a copy of the store after_s seconds after it first changed the store's folder (seen
    from outside: no hook). Where the kill landed: "before" that change, "mid" (the import had begun a new version
    and not published it) or "after" it published. After a mid-run kill the next import must clear what the
    killed one left and load the file."""
    shutil.copytree(published.parent, folder, symlinks=True)
    db = folder / published.name
    before, untouched = table_checksums(db), _folder_state(folder)
    proc = _import_process(db, path)
    while proc.poll() is None and _folder_state(folder) == untouched:
        time.sleep(0.001)
    time.sleep(after_s)
    ended = proc.poll() is not None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    state = _assert_old_or_new(db, before, reference)
    if ended:
        assert proc.returncode == 0 and state == "new", proc.stderr.read() if proc.stderr else ""
    if state == "new":
        return "after"
    if _folder_state(folder) == untouched:
        return "before"
    _then_import_again_cleanly(db, path, reference)
    return "mid"


def test_writer_killed_at_arbitrary_moments(published, reference, tmp_path):
    """No hook: SIGKILL at moments spread over the part of an import's run that writes the new version, its length
    timed on an uninterrupted run before each round (the machine's speed moves). A kill before the import touched
    the store or after it published tests nothing, so rounds go on, a bounded number, until enough landed mid-run."""
    path = _new_file(tmp_path)
    landed: list[str] = []
    for n in range(MAX_ROUNDS):
        window = _write_window(published, path, tmp_path / f"timing{n}")
        landed += [_kill_at(published, path, f * window, reference, tmp_path / f"kill{n}_{i}")
                   for i, f in enumerate(KILL_AT)]
        if landed.count("mid") >= NEEDED_MID_RUN:
            break
    assert landed.count("mid") >= NEEDED_MID_RUN, landed


def test_stale_temporary_files_do_not_confuse_the_next_import(published, reference, tmp_path):
    """Leftovers of a killed writer, including a stale write-ahead log, are removed before the next copy."""
    nxt = versions.version_path(published, versions.current_number(published) + 1)
    for junk in (f".{nxt.name}.tmp", f".{nxt.name}.tmp.wal", f".{published.name}.999.link"):
        (published.parent / junk).write_bytes(b"garbage from a killed writer")
    _then_import_again_cleanly(published, _new_file(tmp_path), reference)


def _no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("where", ["shutil.copyfile", "os.fsync"])
def test_full_disk_gives_a_clear_error_and_publishes_nothing(where, published, tmp_path, monkeypatch, capsys):
    before, before_versions = table_checksums(published), versions.versions(published)
    module, name = where.split(".")
    monkeypatch.setattr({"shutil": shutil, "os": os}[module], name, _no_space)
    code = cli(["--db", str(published), "--lang", "en", "import", str(_new_file(tmp_path))])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 3
    assert "import failed, nothing was loaded" in err and "No space left on device" in err
    assert str(published.parent) in err
    assert table_checksums(published) == before
    assert versions.versions(published) == before_versions
    assert _leftovers(published) == []


def test_read_only_folder_gives_a_clear_error(published, tmp_path, monkeypatch, capsys):
    before = table_checksums(published)
    folder = published.parent
    folder.chmod(0o555)
    try:
        probe = folder / ".probe"
        try:
            probe.write_bytes(b"")  # root ignores the mode bits: then the denial is simulated
            probe.unlink()

            def denied(*args, **kwargs):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
            monkeypatch.setattr(shutil, "copyfile", denied)
        except PermissionError:
            pass
        code = cli(["--db", str(published), "--lang", "en", "import", str(_new_file(tmp_path))])
    finally:
        folder.chmod(0o755)
        monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 3
    assert f"cannot write the new version in {folder}: Permission denied" in err
    assert table_checksums(published) == before


def test_lock_in_a_missing_unwritable_place_is_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(versions.StoreError) as e:
        import_paths(blocker / "db" / "t.duckdb", [_new_file(tmp_path)])
    assert e.value.message.key == "store.error.cannot_write"
    assert e.value.message.params["folder"] == str(blocker / "db")


def _damage(path: Path, how: str) -> None:
    with open(path, "r+b") as f:
        if how == "truncated":
            f.truncate(10_000)
        elif how == "header":
            f.seek(4096)
            f.write(bytes(range(256)) * 32)
        else:  # zeroed
            f.write(bytes(path.stat().st_size))


@pytest.mark.parametrize("how", ["truncated", "header", "zeroed"])
def test_damaged_current_version_falls_back_with_a_warning(how, published, tmp_path, capsys):
    old_file = versions.current(published)
    import_paths(published, [_new_file(tmp_path)], loaded_by="test")
    new_file = versions.current(published)
    assert new_file != old_file
    _damage(new_file, how)

    store = Store(published)
    kz = answers.ranking(store, "18000", Period(2021, 1, 6))
    assert len(kz) == len(make_bad.PARTNERS)  # served, from the previous version
    assert store.version == old_file.name
    assert store.warning and store.warning.key == "store.fallback"
    # both versions named by number and date, never by file, in either language
    named = {k: store.warning.params[k].params["number"] for k in ("damaged", "serving")}
    assert named == {"damaged": versions.current_number(published), "serving": versions.current_number(published) - 1}
    assert all(store.warning.params[k].params["published"] for k in ("damaged", "serving"))  # dated by the log
    for lang in ("ru", "en"):
        text = render(store.warning, lang)
        assert new_file.name not in text and old_file.name not in text
        assert render(store.warning.params["serving"], lang) in text
    assert versions.healthy_current(published) == (old_file, store.warning)

    assert cli(["--db", str(published), "verify"]) == 1
    assert f"{new_file.name} (current): DAMAGED" in capsys.readouterr().out

    # an import refuses to build on the damaged version, naming it by number; after a rollback it loads
    with pytest.raises(versions.StoreError) as e:
        import_paths(published, [_new_file(tmp_path)], loaded_by="test2")
    assert e.value.message.key == "store.error.damaged"
    assert e.value.message.params["version"].params["number"] == versions.current_number(published)
    assert cli(["--db", str(published), "rollback"]) == 0
    import_paths(published, [_new_file(tmp_path)], loaded_by="test2")
    assert Store(published).warning is None
    assert store.version not in (old_file.name, new_file.name) and store.warning is None


def test_middle_of_file_damage_is_found_by_verify(published, tmp_path, capsys):
    cur = versions.current(published)
    with open(cur, "r+b") as f:  # a few bytes inside every 256 KB block after the headers
        for start in range(12288, cur.stat().st_size, 262144):
            f.seek(start + 4096)
            f.write(bytes(range(256)))
    assert cli(["--db", str(published), "verify"]) == 1
    assert "DAMAGED" in capsys.readouterr().out


def test_nothing_sound_is_a_clear_error(published):
    for _, path in versions.versions(published):
        _damage(path, "zeroed")
    with pytest.raises(versions.StoreError) as e:
        _ = Store(published).version
    assert e.value.message.key == "store.error.none_sound"
    assert e.value.message.params["damaged"].params["number"] == versions.current_number(published)
    for lang, word in (("ru", "повреждена"), ("en", "damaged")):
        text = render(e.value.message, lang)
        assert word in text and versions.current(published).name not in text


def test_rollback_cli_restores_the_previous_version(published, tmp_path, capsys):
    before = table_checksums(published)
    old_file = versions.current(published)
    import_paths(published, [_new_file(tmp_path)], loaded_by="test")
    store = Store(published)
    assert answers.ranking(store, "18000", Period(2021, 7, 12)).shape[0] == len(make_bad.PARTNERS)
    assert cli(["--db", str(published), "--lang", "en", "rollback"]) == 0
    said = capsys.readouterr().out  # the version by number and date, not its file
    assert t("cli.now_serving", "en", version=version_label(*answers.version_of(old_file), "en")) in said
    assert old_file.name not in said
    assert versions.current(published) == old_file
    assert table_checksums(published) == before
    assert store.version == old_file.name  # an open reader follows the pointer back
    # with one version left there is nothing older: a clear refusal
    for _, path in versions.versions(published):
        if path != old_file:
            path.unlink()
    assert cli(["--db", str(published), "--lang", "en", "rollback"]) == 3
    assert "no older version" in capsys.readouterr().err
