"""Build the default database: write the demonstration files, then load them through the real importer."""
from __future__ import annotations

from pathlib import Path

from dashboard import config
from dashboard.demo import generate
from dashboard.i18n.message import Msg
from dashboard.ingest.pipeline import import_paths
from dashboard.meetings.store_io import load_meeting_files


def default_inputs_dir() -> Path:
    return config.data_dir() / "default" / "generated"


def default_meetings_dir() -> Path:
    return config.data_dir() / "meetings"


def build_default(published: Path) -> list[tuple[Msg, ...]]:
    """Idempotent: files already loaded (same sha256) change nothing. What happened to each file, as keys."""
    paths = generate.write(default_inputs_dir())
    outcomes = import_paths(published, paths, demo=True, loaded_by="demo")
    meetings = sorted(default_meetings_dir().glob("*.md"))
    saved = load_meeting_files(published, meetings, demo=True, loaded_by="demo")
    return [o.messages for o in outcomes] + [(s.message,) for s in saved]
