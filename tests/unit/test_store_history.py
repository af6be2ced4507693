"""Issue 13: the store's history is a log. Rollback returns to what was served before the last publication (never
by number); a lost, dangling or outside link is repaired from the log or the import refused, never a store built
from nothing; pruned versions stay in the history and rollback never reaches past the kept ones."""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from dashboard.__main__ import main as cli
from dashboard.i18n.message import render
from dashboard.ingest.pipeline import import_paths
from dashboard.store import history, versions
from dashboard.store.checksum import table_checksums
from dashboard.store.db import Store

HEADER = "napr\tperiod\tnastranapr\ttnved\tedizm\tStoim\tNetto\tKol\tRegion\tRegion_s\n"
REG = "18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ\tЮФО"


def fts(path: Path, month: int, partner: str = "KZ", value: str = "10,00") -> Path:
    path.write_text(HEADER + f"ЭК\t{month:02d}/2022\t{partner}\t7304291000\t\t{value}\t1\t\t{REG}\n", encoding="utf-8")
    return path


def loaded(db: Path) -> list[str]:
    """The files the served version holds, by name."""
    store = Store(db)
    try:
        return sorted(store.df("sources_list")["file_name"])
    finally:
        store.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store of two publications: base.csv (version 1), then extra.csv (version 2)."""
    published = tmp_path / "x" / "d.duckdb"
    import_paths(published, [fts(tmp_path / "base.csv", 1)], loaded_by="ivanova")
    import_paths(published, [fts(tmp_path / "extra.csv", 2)], loaded_by="petrov")
    return published


def test_every_publication_is_logged_with_who_when_and_what(db: Path) -> None:
    entries = history.read(db)
    assert [(e.event, e.version, e.previous, e.by) for e in entries] == [
        ("publish", 1, None, "ivanova"), ("publish", 2, 1, "petrov")]
    assert entries[1].change == {"kind": "files", "files": ["extra.csv"]}
    # the log's time of a version is the version's own published_at
    store = Store(db)
    assert store.rows("meta_value", key="published_at") == [(entries[1].at,)]
    store.close()


@pytest.mark.parametrize("how", ["missing", "dangling", "outside"])
def test_a_broken_link_is_served_and_repaired_from_the_log(how: str, db: Path, tmp_path: Path) -> None:
    current = versions.current(db)
    assert current is not None and current.name == "d.v000002.duckdb"
    before = table_checksums(db)
    db.unlink()
    if how == "dangling":
        os.symlink("d.v000099.duckdb", db)
    elif how == "outside":  # a sound store of its own, in another folder: never served, never built upon
        other = tmp_path / "elsewhere" / "d.duckdb"
        import_paths(other, [fts(tmp_path / "foreign.csv", 5, "CN")])
        os.symlink(os.path.relpath(versions.current(other), db.parent), db)
    assert versions.pointer_state(db) == how
    assert versions.current(db) == current            # readers serve the log's current version
    assert table_checksums(db.parent / current.name) == before
    assert loaded(db) == ["base.csv", "extra.csv"]

    import_paths(db, [fts(tmp_path / "new.csv", 3)], loaded_by="sidorov")
    assert loaded(db) == ["base.csv", "extra.csv", "new.csv"]  # built on the log's current, nothing lost
    assert versions.pointer_state(db) == "ok" and versions.current_number(db) == 3
    repair = [e for e in history.read(db) if e.event == "repair"]
    assert [(e.version, e.by, e.change["was"]) for e in repair] == [(2, "sidorov", how)]


@pytest.mark.parametrize("lang, said", [("en", "publication log does not say"), ("ru", "журнал публикаций не")])
def test_a_lost_link_without_a_log_refuses_the_import(lang: str, said: str, db: Path, tmp_path: Path,
                                                      capsys) -> None:
    history.path(db).unlink()
    db.unlink()
    kept = versions.versions(db)
    code = cli(["--db", str(db), "--lang", lang, "import", str(fts(tmp_path / "new.csv", 3))])
    err = capsys.readouterr().err
    assert code == 3 and said in err, err
    assert versions.versions(db) == kept and not db.is_symlink()  # nothing published, nothing built from nothing
    if lang == "en":
        assert not re.search("[а-яё]", err, re.I)


def test_a_link_naming_another_version_than_the_log_is_set_back(db: Path, tmp_path: Path) -> None:
    versions.point_to(db, versions.version_path(db, 1))   # by hand, behind the log's back
    import_paths(db, [fts(tmp_path / "new.csv", 3)])
    assert loaded(db) == ["base.csv", "extra.csv", "new.csv"]
    assert [e.change.get("was") for e in history.read(db) if e.event == "repair"] == ["other"]


def test_rollback_after_two_publications_never_serves_the_withdrawn_one(db: Path, tmp_path: Path) -> None:
    """Import A, rollback, import B, rollback: the state before B, which is the original, never A."""
    original = loaded(db)
    import_paths(db, [fts(tmp_path / "a.csv", 4)])            # A: version 3
    versions.rollback(db, who="ivanova")
    assert loaded(db) == original
    import_paths(db, [fts(tmp_path / "b.csv", 5)])            # B: version 4, built on version 2
    assert loaded(db) == sorted([*original, "b.csv"])
    target = versions.rollback(db, who="ivanova")
    assert target.name == "d.v000002.duckdb" and loaded(db) == original
    # one more undoes extra.csv's publication; then nothing is older
    assert versions.rollback(db).name == "d.v000001.duckdb" and loaded(db) == ["base.csv"]
    with pytest.raises(versions.StoreError) as e:
        versions.rollback(db)
    assert e.value.message.key == "store.error.no_older"
    rollbacks = [(e.version, e.previous, e.by) for e in history.read(db) if e.event == "rollback"]
    assert rollbacks == [(2, 3, "ivanova"), (2, 4, "ivanova"), (1, 2, "")]


def test_pruned_versions_stay_in_the_history_and_rollback_stops_at_the_kept(tmp_path: Path, capsys) -> None:
    from dashboard.ingest.pipeline import parse_file, publish
    db = tmp_path / "x" / "d.duckdb"
    for i in range(4):
        f = fts(tmp_path / f"f{i}.csv", i + 1)
        publish(db, [parse_file(f.name, f.read_bytes())], keep=2)
    assert [n for n, _ in versions.versions(db)] == [3, 4]
    assert history.pruned(history.read(db)) == {1, 2}
    assert versions.rollback(db).name == "d.v000003.duckdb"
    with pytest.raises(versions.StoreError) as e:
        versions.rollback(db)                                  # version 2 was current before, but is gone
    assert e.value.message.key == "store.error.pruned"
    assert e.value.message.params["version"].params["number"] == 2
    assert versions.current_number(db) == 3

    assert cli(["--db", str(db), "--lang", "en", "history"]) == 0
    out = capsys.readouterr().out
    assert "old versions removed: no. 1 of" in out and "rollback: version no. 3 of" in out
    assert ".duckdb" not in out                                # versions by number and date, never by file
    assert cli(["--db", str(db), "history", "--json"]) == 0
    logged = json.loads(capsys.readouterr().out)
    assert [e["event"] for e in logged] == ["publish", "publish", "publish", "prune", "publish", "prune",
                                            "rollback"]


def test_history_in_words_in_both_languages(db: Path) -> None:
    entries = history.read(db)
    said = {lang: [render(history.describe(e, entries), lang) for e in entries] for lang in ("ru", "en")}
    assert said["en"] == ["files loaded: base.csv", "files loaded: extra.csv"]
    assert said["ru"] == ["загружены файлы: base.csv", "загружены файлы: extra.csv"]
    label = render(history.version_msg(entries, 2), "ru")
    assert re.fullmatch(r"№ 2 от \d\d\.\d\d\.\d{4} \d\d:\d\d", label), label


def test_a_follow_up_closed_names_who_closed_it(fresh_db: Path) -> None:
    from dashboard.meetings.store_io import open_followups, set_followup_done
    store = Store(fresh_db)
    fid = open_followups(store)[0][0].followup_id
    store.close()
    set_followup_done(fresh_db, fid, loaded_by="ivanova")
    last = history.read(fresh_db)[-1]
    assert (last.event, last.by, last.change) == ("publish", "ivanova", {"kind": "followup", "id": fid,
                                                                        "done": True})


def test_a_torn_last_line_is_left_out_and_the_next_event_starts_afresh(db: Path, tmp_path: Path) -> None:
    with open(history.path(db), "a", encoding="utf-8") as f:
        f.write('{"event": "publish", "at": "2026-')      # a write cut by a crash
    assert [e.version for e in history.read(db)] == [1, 2]
    import_paths(db, [fts(tmp_path / "new.csv", 3)])
    assert [e.version for e in history.read(db)] == [1, 2, 3]


def test_a_store_from_before_the_log_is_adopted(db: Path, tmp_path: Path) -> None:
    """A store published before this release has no log: its current version starts one, and rollback has
    nothing recorded to go back to (it never guesses by number)."""
    history.path(db).unlink()
    import_paths(db, [fts(tmp_path / "new.csv", 3)])
    assert [(e.event, e.version) for e in history.read(db)] == [("adopt", 2), ("publish", 3)]
    assert versions.rollback(db).name == "d.v000002.duckdb"
    with pytest.raises(versions.StoreError):
        versions.rollback(db)


def test_the_log_names_no_path_so_a_copied_store_keeps_its_history(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(db.parent, copy, symlinks=True)
    assert str(tmp_path) not in history.path(copy / db.name).read_text(encoding="utf-8")
    assert versions.rollback(copy / db.name).name == "d.v000001.duckdb"
