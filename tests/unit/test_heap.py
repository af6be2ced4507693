"""The server's heap settling (dashboard/ui/heap.py): the objects alive after the warm-up runs are frozen out of the
collector's full collections, at the runs named and at no other."""
from __future__ import annotations

import gc

from dashboard.ui import heap


def test_the_heap_is_frozen_after_the_runs_named_and_only_then():
    settler = heap.Settler(freeze_at=(2, 4))
    gc.unfreeze()
    try:
        assert settler.run_finished() is False and gc.get_freeze_count() == 0
        assert settler.run_finished() is True
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert [settler.run_finished() for _ in range(4)] == [False, True, False, False]
        assert settler.runs == 6 and gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()


def test_garbage_of_the_warm_up_is_collected_not_frozen():
    class Node:
        pass

    gc.unfreeze()
    try:
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle only the collector can free
        kept = Node()
        del a, b
        heap.Settler(freeze_at=(1,)).run_finished()
        assert sum(isinstance(o, Node) for o in gc.get_objects()) == 0  # frozen objects are not listed
        gc.unfreeze()
        assert sum(isinstance(o, Node) for o in gc.get_objects()) == 1 and kept is not None
    finally:
        gc.unfreeze()


def test_the_process_freezes_a_few_times_while_warming_up_then_no_more():
    assert heap.FREEZE_AT == tuple(sorted(heap.FREEZE_AT)) and len(heap.FREEZE_AT) <= 5
