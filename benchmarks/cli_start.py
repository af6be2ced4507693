"""A fresh CLI process answering one ranking (issue 17.4: within 0.3 s on the default data), timed as a whole
process: from the exec of `python -m dashboard partners --year Y --json` to its exit, output read.

    python -m benchmarks.cli_start [--db data/dashboard.duckdb] [--runs 15]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from dashboard import config

TARGET_S = 0.3


def run(db: Path, year: int = 2022, runs: int = 15, root: Path = config.ROOT) -> dict:
    """Median and p95 of `runs` fresh processes (one more first, not counted: it fills the page cache)."""
    cmd = [sys.executable, "-m", "dashboard", "--db", str(db), "partners", "--year", str(year), "--json"]
    env = {**os.environ, "PYTHONPATH": str(root)}
    times, cpu = [], []
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        out = subprocess.run(cmd, cwd=root, env=env, capture_output=True, timeout=60, check=True).stdout
        if i:
            times.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the child's own CPU: wall time on a
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)  # busy machine waits
    partners = len(json.loads(out)["partners"])  # the answer is real, not an error message
    a = np.asarray(times)
    return {"command": f"partners --year {year} --json", "partners": partners, "runs": runs,
            "p50_s": float(np.percentile(a, 50)), "p95_s": float(np.percentile(a, 95)), "min_s": float(a.min()),
            "cpu_p50_s": float(np.median(cpu)), "target_s": TARGET_S, "loadavg_1m": os.getloadavg()[0]}


def table_rows(res: dict) -> list[str]:
    if not res or "p50_s" not in res:
        return [f"\nCLI start: failed ({res.get('failed')})"] if res else []
    ok = "yes" if res["p50_s"] <= TARGET_S else "**no**"
    return ["\n| fresh CLI process (default data) | median | p95 | fastest | CPU median | target | met | load |",
            "|---|---|---|---|---|---|---|---|",
            f"| `{res['command']}` ({res['partners']} partners) | {res['p50_s']:.2f} s | {res['p95_s']:.2f} s | "
            f"{res['min_s']:.2f} s | {res['cpu_p50_s']:.2f} s | {TARGET_S:g} s | {ok} | {res['loadavg_1m']:.1f} |"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.cli_start", description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, default=config.db_path())
    ap.add_argument("--year", type=int, default=2022)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args(argv)
    print("\n".join(table_rows(run(args.db.absolute(), args.year, args.runs))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
