"""Python's cycle collector on a long-lived server process: the objects that live as long as the process are
taken out of its full collections.

A full (generation 2) collection walks every object the collector tracks, and it holds the interpreter lock while
it does, so every session's script run and the event loop that sends their messages stop for it. On the default
data a server that has shown each page once tracks ~200,000 objects (pandas, Plotly, DuckDB and Streamlit's modules,
the cached answers, figures and tables), nearly all of which live until the process ends; a full collection over
~280,000 took 0.1-0.2 s on a quiet core and 0.4-0.6 s on a busy one, once every ~10 s of a 50-session run
(benchmarks/README.md, "The capacity stall"), and every view in flight waited it out.

`gc.freeze()` moves the objects tracked at that moment to a generation the collector never walks (the recipe of
the gc module's documentation for long-lived servers: collect, then freeze). Done a few times while the process
warms up (its first runs import the pages' modules and fill the caches), at runs 6, 30, 150 and 750, and then no
more. The cost of freezing: an object frozen is still freed when its last reference goes, but garbage in a
reference cycle among frozen objects is never collected; the few sessions alive at those four moments are all it
can hold, so the memory this can keep is bounded. Objects made after the last freeze are collected as before.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Collection

FREEZE_AT = (6, 30, 150, 750)  # script runs of the process after which the heap so far is frozen


class Settler:
    """Counts the process's finished script runs (from any session's thread) and freezes the heap at FREEZE_AT."""

    def __init__(self, freeze_at: Collection[int] = FREEZE_AT):
        self._freeze_at = frozenset(freeze_at)
        self._runs = 0
        self._lock = threading.Lock()

    @property
    def runs(self) -> int:
        return self._runs

    def run_finished(self) -> bool:
        """Count one finished run; True when this one froze the heap."""
        with self._lock:
            self._runs += 1
            due = self._runs in self._freeze_at
        if due:
            gc.collect()  # the garbage of the warm-up is freed, not frozen
            gc.freeze()
        return due


_SETTLER = Settler()


def run_finished() -> bool:
    """Called by the router at the end of every script run."""
    return _SETTLER.run_finished()
