"""The version a script run serves is resolved once, at its start (dashboard/ui/cached.py): later reads in the run
give the pin, the store's own answer stays readable (served_now), and an unpinned thread resolves afresh."""
from __future__ import annotations

import threading

import pytest

from dashboard.ui import cached


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    answers = ["/data/dashboard.v000002.duckdb"]
    monkeypatch.setattr(cached, "served_now", lambda: answers[0])
    yield answers
    cached.unpin_version()


def test_a_run_reads_its_pinned_version_until_unpinned(served: list[str]):
    assert cached.pin_version() == "/data/dashboard.v000002.duckdb"
    served[0] = "/data/dashboard.v000001.duckdb"  # the store moved mid-run (a damaged block found)
    assert cached.version() == "/data/dashboard.v000002.duckdb"
    assert cached.served_now() == "/data/dashboard.v000001.duckdb"
    cached.unpin_version()
    assert cached.version() == "/data/dashboard.v000001.duckdb"


def test_the_pin_belongs_to_the_thread_of_its_run(served: list[str]):
    cached.pin_version()
    served[0] = "/data/dashboard.v000003.duckdb"
    seen: list[str] = []
    other = threading.Thread(target=lambda: seen.append(cached.version()))  # another session's run, not pinned
    other.start()
    other.join(10)
    assert seen == ["/data/dashboard.v000003.duckdb"]
    assert cached.version() == "/data/dashboard.v000002.duckdb"
