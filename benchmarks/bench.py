"""The benchmark of issue 6, in one run on one data set: python -m dashboard bench [--rows N] (or make bench).

Phases, each in its own process so that peak memory is per side: generate the all-regions FTS files ->
import them through the real importer, alternated with the plain-DuckDB anchor on the same files
(benchmarks/anchor.py; again on a second set where every row has a code of its own) -> time the page queries
cold and warm -> render every page with
AppTest -> answer the same questions the pandas way -> a fresh CLI process answering one ranking
(benchmarks/cli_start.py) -> (with --load) 20 browser sessions, key press -> next slide in presenter mode
(benchmarks/slides.py), sidebar click -> next page's first chart (benchmarks/switch.py), and server capacity
by the websocket protocol client, one server and two behind nginx (benchmarks/capacity.py).
Prints a Markdown table and writes everything to JSON (benchmarks/out/bench_<rows>.json by default).
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from dashboard import config

ROOT = config.ROOT
OUT = ROOT / "benchmarks" / "out"
TARGETS = {"query_p95_ms": 20, "render_ms": 300, "import_rows_per_s": 1e6, "app_peak_mb": 500, "ratio": 0.1,
           "first_chart_s": 3.0, "anchor_ratio": 1.2, "anchor_ratio_unique": 1.5}
# The pandas way holds the whole unload in one DataFrame: 3.6 GB at 10M rows (peak of its process, the latest
# run in benchmarks/README.md), so about 0.36 GB a million rows; it is skipped when that would pass 80 % of RAM
# (100M rows: ~36 GB on a 23.5 GB machine), and the report says so.
PANDAS_GB_PER_M_ROWS = 0.36
QUIET_LOAD = 1.0      # 1-minute load average under which the machine counts as quiet (2 cores)
QUIET_WAIT_S = 300    # how long a phase waits for that before it runs anyway


def loadavg() -> float:
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def wait_quiet(limit: float, max_wait_s: float) -> dict:
    """Wait (bounded) until the 1-minute load average is below `limit`, so that other work on the machine
    does not end up in the figures; the load seen is reported with every phase either way."""
    t0 = time.perf_counter()
    while loadavg() > limit and time.perf_counter() - t0 < max_wait_s:
        time.sleep(5)
    return {"loadavg_at_start": loadavg(), "waited_s": round(time.perf_counter() - t0, 1)}


def snapshot(work: Path) -> Path:
    """A copy of the code under test, so that edits made in the working tree during a run (the app re-reads
    its page files on every run) do not change what is measured halfway."""
    root = work / "code"
    skip = shutil.ignore_patterns("__pycache__", "out", "*.pyc")
    for name in ("dashboard", "benchmarks", "deploy"):  # deploy: the nginx of the capacity phase
        shutil.copytree(ROOT / name, root / name, ignore=skip)
    if (ROOT / ".streamlit" / "config.toml").exists():  # the server's settings; never the secrets
        (root / ".streamlit").mkdir()
        shutil.copy(ROOT / ".streamlit" / "config.toml", root / ".streamlit" / "config.toml")
    # compiled as `make install` compiles the working tree: with PYTHONDONTWRITEBYTECODE set (as on the CI
    # machines) the copy would otherwise be compiled again at every server start of the startup timing
    compileall.compile_dir(root, quiet=1)
    return root


def _worker(phase: str, args: dict, work: Path, env: dict | None = None, timeout: float = 3600) -> dict:
    quiet = wait_quiet(QUIET_LOAD, QUIET_WAIT_S)
    a, r = work / f"{phase}.args.json", work / f"{phase}.result.json"
    a.write_text(json.dumps(args))
    r.unlink(missing_ok=True)
    with open(work / f"{phase}.log", "w") as log:
        code = work / "code"
        proc = subprocess.run([sys.executable, "-m", "benchmarks.worker", phase, str(a), str(r)], cwd=code,
                              env={**os.environ, "PYTHONPATH": str(code), **(env or {})}, stdout=log,
                              stderr=subprocess.STDOUT,
                              timeout=timeout, check=False)
    if proc.returncode or not r.exists():
        tail = (work / f"{phase}.log").read_text()[-2000:]
        return {"failed": f"exit {proc.returncode}", "log_tail": tail, **quiet}
    return {**json.loads(r.read_text()), **quiet, "loadavg_at_end": loadavg()}


def machine() -> dict:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
        mem = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")) / 1024**2
    except (OSError, StopIteration):
        mem = 0
    import duckdb
    import pandas
    import pyarrow
    import streamlit
    rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip()
    return {"code": rev.strip() + (" + uncommitted changes" if dirty else ""), "cpu": cpu,
            "cores": os.cpu_count(), "ram_gb": round(mem, 1), "os": platform.platform(),
            "python": platform.python_version(), "duckdb": duckdb.__version__, "pandas": pandas.__version__,
            "pyarrow": pyarrow.__version__, "streamlit": streamlit.__version__}


def _versus(files: list[Path], work: Path, runs: int, db: Path | None = None) -> tuple[dict, dict]:
    """Our import and the anchor alternated in fresh processes (anchor.versus); our side as the import phase
    reported it before the anchor came (median run, every run listed)."""
    from benchmarks import anchor
    quiet = wait_quiet(QUIET_LOAD, QUIET_WAIT_S)
    try:
        v = anchor.versus(files, work, runs, work.parent / "code", db)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError, ValueError) as e:
        log = work / "versus.log"
        tail = log.read_text()[-2000:] if log.exists() else ""
        return {"failed": repr(e)[:300], "log_tail": tail, **quiet}, {"failed": repr(e)[:300], **quiet}
    ours = {"rows": v["rows"], "files": v["files"], "mb": v["mb"], "seconds": v["ours_median_s"],
            "rows_per_s": v["rows"] / v["ours_median_s"], "runs_s": v["ours_s"], "peak_mb": v["ours_peak_mb"],
            "stages_s": v["ours_stages_s"], "db_mb": v["ours_db_mb"], **quiet, "loadavg_at_end": loadavg()}
    return ours, {**v, **quiet, "loadavg_at_end": loadavg()}


def run(rows: int, reps: int, render_reps: int, skip_pandas: bool, skip_render: bool, load: bool,
        sessions: int, partner: str, import_runs: int = 3,
        capacity_sessions: tuple[int, ...] = (20, 50, 100), unique_rows: int = 2_000_000) -> dict:
    from benchmarks import claims_corpus
    from benchmarks.generate import generate
    work = OUT / f"run_{rows}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    db = work / "db" / "bench.duckdb"
    code = snapshot(work)
    res: dict = {"rows_requested": rows, "machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                 "targets": TARGETS}
    res["disk_plan"] = disk_plan(rows, import_runs)
    t0 = time.perf_counter()
    files = [str(p) for p in generate(rows)]
    res["generate_s"] = time.perf_counter() - t0
    res["disk_plan"]["csv_gb"] = sum(Path(f).stat().st_size for f in files) / 1e9
    step = _say("import")
    # ours and the anchor alternated, --import-runs times each, fresh processes: the last store of ours is queried
    res["import"], res["anchor"] = _versus([Path(f) for f in files], work / "versus", import_runs, db)
    if unique_rows:
        step = _say("import, a code per row", step)
        unique = generate(unique_rows, unique_codes=True)
        _, res["anchor_unique"] = _versus(unique, work / "versus_unique", import_runs)
    step = _say("queries", step)
    res["queries"] = _worker("queries", {"db": str(db), "region": config.region(), "partner": partner,
                                         "reps": reps}, work)
    step = _say("claims", step)
    res["claims"] = claims_corpus.run(db)   # recall/precision over the press corpora, 10,000 figures timed
    env = {"DASHBOARD_DB": str(db)}
    if not skip_render:
        step = _say("render", step)
        res["render"] = _worker("render", {"app": str(code / "dashboard" / "app.py"), "reps": render_reps},
                                work, env)
    need_gb = rows / 1e6 * PANDAS_GB_PER_M_ROWS
    if not skip_pandas and need_gb > 0.8 * res["machine"]["ram_gb"]:
        skip_pandas = True
        res["pandas"] = {"note": f"skipped: the pandas way would hold about {need_gb:.0f} GB in one DataFrame "
                                 f"({PANDAS_GB_PER_M_ROWS} GB a million rows, measured at 10M), more than this "
                                 f"machine's {res['machine']['ram_gb']} GB"}
    if not skip_pandas and "params" in res["queries"]:
        step = _say("pandas", step)
        res["pandas"] = _worker("pandas", {"files": files, "params": res["queries"]["params"],
                                           "reps": max(5, reps // 6)}, work)
    from benchmarks import cli_start
    step = _say("cli", step)
    quiet = wait_quiet(QUIET_LOAD, QUIET_WAIT_S)
    try:  # on the default data, as an official's shell would have it
        if not config.db_path().exists():
            subprocess.run([sys.executable, "-m", "dashboard", "init"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        res["cli"] = {**cli_start.run(config.db_path(), root=code), **quiet}
    except Exception as e:  # reported, the rest of the run kept
        res["cli"] = {"failed": repr(e)[:300], **quiet}
    if load:
        from benchmarks import load as load_mod
        step = _say("load", step)
        quiet = wait_quiet(QUIET_LOAD, QUIET_WAIT_S)
        res["startup"] = {**load_mod.startup(config.db_path(), root=code), **quiet}
        quiet = wait_quiet(QUIET_LOAD, QUIET_WAIT_S)
        res["load"] = {**load_mod.run(db, sessions=sessions, root=code, log=work / "server.log"), **quiet}
        from benchmarks import slides
        step = _say("slides", step)
        quiet = wait_quiet(QUIET_LOAD, QUIET_WAIT_S)
        try:
            res["slides"] = {**slides.run(db, root=code, log=work / "slides.log"), **quiet}
        except Exception as e:  # a browser phase that fails is reported, the rest of the run kept
            res["slides"] = {"failed": repr(e)[:300], **quiet}
        from benchmarks import capacity, switch
        step = _say("switch", step)
        quiet = wait_quiet(QUIET_LOAD, QUIET_WAIT_S)
        try:
            res["switch"] = {**switch.run(db, root=code, log=work / "switch.log"), **quiet}
        except Exception as e:
            res["switch"] = {"failed": repr(e)[:300], **quiet}
        step = _say("capacity", step)
        quiet = wait_quiet(QUIET_LOAD, QUIET_WAIT_S)
        res["capacity"] = {**capacity.run(db, capacity_sessions, root=code, work=work / "capacity"), **quiet}
    step = _say("publish", step)
    quiet = wait_quiet(QUIET_LOAD, QUIET_WAIT_S)  # last: it adds meetings and corrections to the store
    res["publish"] = {**_worker("publish", {"db": str(db), "files": str(Path(files[0]).parent), "reps": 5}, work),
                      **quiet}
    _say("done", step)
    return res


# Bytes a row takes, measured at 10M rows: the generated CSV ~150, the store (declarations and both rollups in
# segments, compressed) ~40; the anchor's file about as much again while it runs.
CSV_BYTES_PER_ROW, STORE_BYTES_PER_ROW = 150, 40


def disk_plan(rows: int, import_runs: int) -> dict:
    """The disk the run needs (the CSV, our store, the anchor's file beside it) against what is free; refused
    before anything is written when it does not fit."""
    free = shutil.disk_usage(OUT.parent if not OUT.exists() else OUT).free
    need = rows * (CSV_BYTES_PER_ROW + 2 * STORE_BYTES_PER_ROW)
    plan = {"free_gb": free / 1e9, "need_gb": need / 1e9, "import_runs": import_runs}
    if need > free:
        raise SystemExit(f"bench: {rows:,} rows need about {need / 1e9:.0f} GB of disk under {OUT} "
                         f"(CSV ~{CSV_BYTES_PER_ROW} B a row, the store and the anchor's ~{STORE_BYTES_PER_ROW} B "
                         f"each); {free / 1e9:.0f} GB are free")
    return plan


def _say(what: str, since: float | None = None) -> float:
    now = time.perf_counter()
    took = f" (previous step {now - since:.0f} s)" if since else ""
    print(f"[bench] {what}{took}", file=sys.stderr, flush=True)
    return now


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dashboard bench", description=__doc__.split("\n")[0])
    add_arguments(ap)
    return run_cli(ap.parse_args(argv))


def add_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--rows", type=int, default=10_000_000, help="rows of generated FTS data (default 10M)")
    ap.add_argument("--json", type=Path, help="where to write the results (default benchmarks/out/bench_<rows>.json)")
    ap.add_argument("--reps", type=int, default=30, help="repetitions of each query (cold and warm)")
    ap.add_argument("--render-reps", type=int, default=10, help="warm renders of each page")
    ap.add_argument("--skip-pandas", action="store_true")
    ap.add_argument("--skip-render", action="store_true")
    ap.add_argument("--load", action="store_true", help="also run the browser load test and the startup time")
    ap.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions of --load")
    ap.add_argument("--partner", default="KZ")
    ap.add_argument("--import-runs", type=int, default=3,
                    help="imports into a fresh store, each beside a run of the anchor; the medians are reported")
    ap.add_argument("--unique-rows", type=int, default=2_000_000,
                    help="rows of the second anchor comparison, a ten-digit code per row (0: skip it)")
    ap.add_argument("--capacity-sessions", type=int, nargs="+", default=[20, 50, 100],
                    help="session counts of the capacity phase of --load (benchmarks/capacity.py)")


def run_cli(args: argparse.Namespace) -> int:
    from benchmarks import report
    res = run(args.rows, args.reps, args.render_reps, args.skip_pandas, args.skip_render, args.load,
              args.sessions, args.partner, args.import_runs, tuple(args.capacity_sessions), args.unique_rows)
    out = args.json or OUT / f"bench_{args.rows}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, ensure_ascii=False, indent=1, default=str))
    print(report.table(res))
    from benchmarks import capacity, cli_start, slides, switch
    print("\n".join(slides.table_rows(res.get("slides", {})) + switch.table_rows(res.get("switch", {})) +
                    cli_start.table_rows(res.get("cli", {})) + capacity.table_rows(res.get("capacity", {}))))
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
