"""One phase of the benchmark in its own process, so that each side's peak memory is its own.

    python -m benchmarks.worker PHASE ARGS.json RESULT.json

PHASE is import | queries | pandas | render. Peak memory is the process's ru_maxrss (the high-water mark of
resident memory, including the interpreter and libraries), read at the end of the phase.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np

T = TypeVar("T")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def stats(samples: list[float]) -> dict:
    """Milliseconds: median, p95 (linear interpolation), min, max, n."""
    a = np.asarray(samples) * 1000
    return {"median_ms": float(np.median(a)), "p95_ms": float(np.percentile(a, 95)),
            "min_ms": float(a.min()), "max_ms": float(a.max()), "n": len(a)}


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def _stage_timers(stages: dict[str, float]) -> None:
    """Wrap the import's stages (module attributes, looked up at call time) to add up where the time goes."""
    from dashboard.ingest import fts, fts_fast, pipeline
    from dashboard.store import rollups

    def wrap(module, name: str, label: str) -> None:
        fn = getattr(module, name)

        def timed_fn(*args, **kw):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kw)
            finally:
                stages[label] = stages.get(label, 0.0) + time.perf_counter() - t0
        setattr(module, name, timed_fn)

    wrap(fts_fast, "read_clean", "split into typed columns and check (pyarrow, fts_fast)")
    wrap(fts, "parse", "row-by-row checks (fts.parse, files not in the usual form)")
    wrap(rollups, "deltas", "rollup sums of the new rows (numpy)")
    wrap(rollups, "replace_months", "remove months loaded before")
    wrap(rollups, "add", "store rollup rows")
    wrap(pipeline, "_load_one", LOAD)
    wrap(rollups, "finish", "coverage tables")
    read_ahead = pipeline._read_ahead

    def timed_read_ahead(*args, **kw):  # the loading thread's wait for the reading thread's next file
        files = read_ahead(*args, **kw)
        while True:
            t0 = time.perf_counter()
            try:
                item = next(files)
            except StopIteration:
                return
            finally:
                stages[WAIT] = stages.get(WAIT, 0.0) + time.perf_counter() - t0
            yield item
    pipeline._read_ahead = timed_read_ahead


LOAD = "store declarations (DuckDB insert)"
NESTED = ("remove months loaded before", "store rollup rows")
READING = ("split into typed columns and check (pyarrow, fts_fast)",
           "row-by-row checks (fts.parse, files not in the usual form)", "rollup sums of the new rows (numpy)")
WAIT = "loading thread waiting for the next file"


def phase_import(a: dict) -> dict:
    """The import of all files into a fresh store, `runs` times (default 3): the median run is reported, the
    others are listed, so that one noisy second on a shared machine does not decide the figure."""
    import shutil

    from dashboard.ingest.pipeline import import_paths, keep_heap
    paths = [Path(p) for p in a["files"]]
    db = Path(a["db"])
    keep_heap()  # as `python -m dashboard import` does
    stages: dict[str, float] = {}
    _stage_timers(stages)
    runs: list[dict] = []
    for _ in range(max(1, int(a.get("runs", 3)))):
        shutil.rmtree(db.parent, ignore_errors=True)  # a fresh store each time; the last one is queried
        stages.clear()
        seconds, outcomes = timed(lambda: import_paths(db, paths, loaded_by="bench"))
        stages[LOAD] = stages.get(LOAD, 0.0) - sum(stages.get(k, 0.0) for k in NESTED)  # _load_one minus parts
        # the reading threads' stages overlap the loading thread's: "other" is what the loading thread spent
        # outside its stages and its waits (copy, commit, checkpoint and publish the version)
        loading = sum(v for k, v in stages.items() if k not in READING)
        stages["other (copy, commit and publish the version)"] = seconds - loading
        runs.append({"seconds": seconds, "rows": sum(o.rows for o in outcomes), "stages_s": dict(stages)})
    median = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
    size = sum(p.stat().st_size for p in paths)
    return {"rows": median["rows"], "files": len(paths), "mb": size / 1e6, "seconds": median["seconds"],
            "rows_per_s": median["rows"] / median["seconds"], "runs_s": [r["seconds"] for r in runs],
            "peak_mb": peak_mb(), "stages_s": median["stages_s"],
            "db_mb": sum(f.stat().st_size for f in db.parent.rglob("*") if f.is_file()) / 1e6}  # versions, segments


class _Recorder:
    """Wraps a Store to note which SQL files and parameters an answers function used (for EXPLAIN)."""

    def __init__(self, store):
        self.store, self.calls = store, []

    @property
    def served(self):  # the version file read (store/structure.py keys the names of a version by it)
        return self.store.served

    def df(self, name, **params):
        self.calls.append((name, params))
        return self.store.df(name, **params)

    def rows(self, name, **params):
        self.calls.append((name, params))
        return self.store.rows(name, **params)


def _explain(store, calls: list) -> list[dict]:
    """Tables each query scans, the filters pushed into the scan and the rows read (EXPLAIN ANALYZE)."""
    from dashboard.store.db import sql
    out = []

    def scans(node: dict) -> list[dict]:
        found = []
        info = node.get("extra_info") or {}
        if node.get("type") == "TABLE_SCAN" and "Table" in info:
            filters = info.get("Filters")
            found.append({"table": str(info["Table"]).rsplit(".", 1)[-1],
                          "filters": filters if isinstance(filters, str) else " AND ".join(filters or []),
                          "rows": node.get("intermediate_rows")})
        for child in node.get("children", []):
            found += scans(child)
        return found

    for name, params in calls:
        with store._cursor() as (con, _):  # the metric macros and the segments' views are defined per cursor
            plan = con.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql(name), params or None).fetchall()
        tree = json.loads(plan[0][1])
        out.append({"query": name, "scans": [s for op in tree.get("operator", []) for s in scans(op)]})
    return out


def phase_queries(a: dict) -> dict:
    from benchmarks import questions as q
    from dashboard.store import answers
    from dashboard.store.db import Store
    db = Path(a["db"])
    probe = Store(db)
    region = a["region"]
    year = answers.coverage(probe, region).latest_full_year()
    assert year is not None, "the benchmark's data has no full year"
    top = answers.commodity_structure(probe, region, q.Period(year))
    chapter = str(top.groupby("chapter")["value_cents"].sum().idxmax())
    p = q.Params(region, year, a["partner"], chapter)
    probe.close()
    reps = a["reps"]
    res: dict = {"params": p.__dict__, "questions": {}}
    for name in q.QUESTIONS:
        cold = []
        for _ in range(reps):  # a new connection each time: database opened, catalog read, no buffers
            s = Store(db)
            cold.append(timed(q.ours(s, p)[name])[0])
            s.close()
        s = Store(db)
        fn = q.ours(s, p)[name]
        result = fn()
        warm = [timed(fn)[0] for _ in range(reps)]
        rec = _Recorder(s)
        q.ours(rec, p)[name]()  # type: ignore[arg-type]  # a Store look-alike: answers call only df() and rows()
        res["questions"][name] = {"cold": stats(cold), "warm": stats(warm),
                                  "fingerprint": q.fingerprint(name, result), "explain": _explain(s, rec.calls),
                                  "result_rows": len(result) if hasattr(result, "__len__") else 1}
        s.close()
    res["peak_mb"] = peak_mb()
    return res


def phase_pandas(a: dict) -> dict:
    import pandas as pd

    from benchmarks import questions as q
    p = q.Params(**a["params"])
    t_read, df = timed(lambda: q.read_unload(a["files"]))
    assert isinstance(df, pd.DataFrame)
    res: dict = {"read_s": t_read, "rows": len(df), "rows_per_s": len(df) / t_read,
                 "df_mb": float(df.memory_usage(deep=True).sum() / 1e6), "questions": {}}
    for name, fn in q.pandas_way(df, p).items():
        first, result = timed(fn)
        warm = [first] + [timed(fn)[0] for _ in range(a["reps"] - 1)]
        # cold = an app restart: read the file again, then answer (the read is measured once, above)
        res["questions"][name] = {"warm": stats(warm), "cold_ms": (t_read + first) * 1000,
                                  "fingerprint": q.fingerprint(name, result)}
    res["peak_mb"] = peak_mb()
    return res


def phase_render(a: dict) -> dict:
    from benchmarks import render
    res = render.run(Path(a["app"]), a["reps"], a.get("timeout", 60))
    res["peak_mb"] = peak_mb()
    return res


def phase_publish(a: dict) -> dict:
    """What a publication costs on the benchmark's store (benchmarks/publish.py): meeting saves, one-month
    corrections, the disk before and after. Run last: it adds versions to the store."""
    from benchmarks import publish
    return {**publish.measure(Path(a["db"]), Path(a["files"]), int(a.get("reps", 5))), "peak_mb": peak_mb()}


PHASES = {"import": phase_import, "queries": phase_queries, "pandas": phase_pandas, "render": phase_render,
          "publish": phase_publish}


def main(argv: list[str]) -> int:
    phase, args_file, out_file = argv
    result = PHASES[phase](json.loads(Path(args_file).read_text()))
    Path(out_file).write_text(json.dumps(result, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
