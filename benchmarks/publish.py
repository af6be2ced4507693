"""What a publication costs on a big store (issue 17.2): a meeting save and a one-month correction, timed whole
(lock, copy of the version file, writes, merge, fsync, rename, log, prune and collection), and the disk before and
after: the version file, the segments, the folder. Run on the store the import phase built, after the queries.

    python -m benchmarks.publish --db benchmarks/out/run_10000000/db/bench.duckdb --files benchmarks/out/rows_10000000
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from pathlib import Path

from dashboard.ingest.pipeline import import_paths
from dashboard.meetings.model import Meeting
from dashboard.meetings.store_io import save_meeting
from dashboard.store import segments, versions


def disk(db: Path) -> dict:
    """Bytes of the current version file, of the segments it lists, and of the whole store folder."""
    cur = versions.current(db)
    assert cur is not None
    listed = segments.listed_by(cur) or set()
    folder = segments.store_folder(db)
    seg_bytes = sum(segments.path(folder, n).stat().st_size for n in listed)
    every = sum(p.stat().st_size for p in db.parent.rglob("*") if p.is_file() and not p.is_symlink())
    return {"version_mb": cur.stat().st_size / 1e6, "segments": len(listed), "segments_mb": seg_bytes / 1e6,
            "folder_mb": every / 1e6, "versions_kept": len(versions.versions(db))}


def correction(files: Path, out: Path, rows: int = 20000) -> Path:
    """A corrected release of one region-month: the first `rows` data lines of the last generated file (one month
    of the regions they cover), every value as it was: the import replaces those months, withdrawing the old rows."""
    last = sorted(files.glob("*.csv"))[-1]
    with last.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as o:
        o.write(f.readline())
        first = None
        for i, line in enumerate(f):
            period = line.split("\t", 2)[1]
            first = first or period
            if i >= rows or period != first:
                break
            o.write(line)
    return out


def measure(db: Path, files: Path | None, reps: int = 5, rows: int = 20000) -> dict:
    """`rows`: the size of each correction (rows + i for the i-th, so each is a file of its own). A store that
    loaded corrections of those sizes before skips them as files already loaded (correction_rows 0): give another
    size to measure again on the same store."""
    before = disk(db)
    saves = []
    for i in range(reps):
        m = Meeting(held_on=dt.date(2024, 3, 1 + i), title=f"Benchmark meeting {i}", partners=["KZ"])
        t = time.perf_counter()
        save_meeting(db, m, loaded_by="bench")
        saves.append(time.perf_counter() - t)
    out: dict = {"disk_before": before, "meeting_save_s": _stats(saves), "disk_after_saves": disk(db)}
    if files is not None:
        imports = []
        cut = db.parent.parent / "corrections"  # outside the store's folder, whose size is measured
        cut.mkdir(exist_ok=True)
        for i in range(reps):
            fix = correction(files, cut / f"correction_{i}.csv", rows=rows + i)  # a new file each time
            t = time.perf_counter()
            outcome = import_paths(db, [fix], loaded_by="bench")[0]
            imports.append(time.perf_counter() - t)
            out.setdefault("correction_rows", outcome.rows)
            out.setdefault("correction_replaced", outcome.replaced)
        out["correction_import_s"] = _stats(imports)
        out["disk_after_corrections"] = disk(db)
    return out


def _stats(samples: list[float]) -> dict:
    return {"median": statistics.median(samples), "max": max(samples), "runs": samples}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--files", type=Path, help="the generated FTS files (a correction is cut from the last)")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--correction-rows", type=int, default=20000, help="rows of each correction (see measure)")
    args = ap.parse_args(argv)
    print(json.dumps(measure(args.db, args.files, args.reps, args.correction_rows), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
