"""Issue 13: a meeting save killed after its rename leaves a version file the publication log never made current:
an orphan, never served and never picked by a rollback; the next publication removes it and logs that."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.ingest.pipeline import import_paths
from dashboard.store import history, versions
from dashboard.store.db import Store
from tests.fixtures import make_bad

ROOT = Path(__file__).resolve().parents[2]
MEETING = ROOT / "data" / "meetings" / "2023-02-03-kazakhstan.md"


def _killed_meeting_save(published: Path, stage: str, tmp_path: Path) -> None:
    text = tmp_path / MEETING.name
    shutil.copyfile(MEETING, text)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "DASHBOARD_FAULT_AT": stage}
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "--db", str(published), "meeting", "add",
                             str(text), "--yes"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert line.strip() == f"fault point {stage}", line + proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.parametrize("stage", ["renamed", "synced"])
def test_a_killed_meeting_save_leaves_nothing_served_or_rolled_back_to(stage, published, tmp_path) -> None:
    before = versions.current(published)
    assert before is not None and history.chain(history.read(published)) == [1]
    _killed_meeting_save(published, stage, tmp_path)
    orphan = versions.version_path(published, 2)
    assert orphan.exists() == (stage == "renamed")             # renamed into place, never published
    assert versions.current(published) == before
    assert Store(published).served == before
    assert history.chain(history.read(published)) == [1]
    with pytest.raises(versions.StoreError) as e:              # the orphan is newer, but was never current
        versions.rollback(published)
    assert e.value.message.key == "store.error.no_older"

    new = tmp_path / "h2.zip"
    new.write_bytes(make_bad.zipped({"DATTSVT.csv": make_bad.utf8(make_bad.table(
        make_bad.good_rows(months=(7, 8))))}))
    import_paths(published, [new], loaded_by="test")
    if stage == "renamed":  # the import takes the next number; the orphan goes, and the log says so
        assert versions.current_number(published) == 3 and not orphan.exists()
        assert [e.change for e in history.read(published) if e.event == "prune"] == [{"pruned": [], "orphans": [2]}]
    else:                   # the killed writer's temporary copy was cleared: the import is version 2
        assert versions.current_number(published) == 2
    assert versions.rollback(published) == before
