"""Issue 17.1: an import's memory is bounded by what one file needs, not by the number of files: the read-ahead
hands each file over and lets go of it (a list of futures once kept every parsed file until the end: 11 GB at
100M rows)."""
from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from dashboard.ingest import pipeline


class _File:
    """Stands for a parsed file; only its lifetime matters here."""

    def __init__(self, name: str):
        self.name = name


def test_the_read_ahead_holds_a_bounded_number_of_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    alive: weakref.WeakSet[_File] = weakref.WeakSet()

    def parse(name: str, data: object, fmt: str) -> _File:
        f = _File(name)
        alive.add(f)
        return f

    monkeypatch.setattr(pipeline, "parse_file", parse)
    monkeypatch.setattr(pipeline, "mapped", lambda p: b"")
    paths = [tmp_path / f"f{i}.csv" for i in range(30)]
    most = 0
    for got in pipeline._read_ahead(paths, "auto"):
        del got  # the loader lets go of the file it stored
        gc.collect()
        most = max(most, len(alive))
    # READERS read ahead, one waiting in the queue, one in the reader's hand waiting for room, one just finished:
    # a constant, whatever the number of files (it was all 30 before)
    assert most <= pipeline.READERS + 3


def test_the_reading_starts_before_the_first_file_is_asked_for(monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    """The import starts reading at once, so the first files are read while the publication is set up; a
    publication that fails before it asks for a file (a busy store) stops the reading it never used."""
    import threading

    started = threading.Event()

    def parse(name: str, data: object, fmt: str) -> _File:
        started.set()
        return _File(name)

    monkeypatch.setattr(pipeline, "parse_file", parse)
    monkeypatch.setattr(pipeline, "mapped", lambda p: b"")
    reading = pipeline._Reading([tmp_path / f"f{i}.csv" for i in range(5)], "auto")
    assert started.wait(5)  # nobody has asked for a file yet
    reading.stop()
    assert not reading._thread.is_alive()
    reading.stop()  # twice is harmless (the read-ahead stops it again when it ends)
