"""The CLI starts without the data stack: every command imports what it needs when it runs, and the benchmark
(which ships with the repository, not the package) is looked for only when `bench` runs."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "numpy", "pyarrow", "duckdb", "streamlit", "plotly", "benchmarks")


def _fresh(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                          timeout=60).stdout


def test_the_parser_and_help_load_no_data_library_and_no_benchmark():
    out = _fresh("import json, sys; path = list(sys.path)\n"
                 "from dashboard.__main__ import parser\n"
                 "parser().format_help()\n"
                 f"print(json.dumps([sorted(m for m in {HEAVY!r} if m in sys.modules), sys.path == path]))")
    loaded, path_unchanged = json.loads(out)
    assert loaded == []
    assert path_unchanged  # the repository root is not put on the import path at start


def test_bench_parses_its_own_options_when_it_runs():
    r = subprocess.run([sys.executable, "-m", "dashboard", "bench", "--help"], cwd=ROOT, capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0 and "--rows" in r.stdout and "--skip-pandas" in r.stdout
    r = subprocess.run([sys.executable, "-m", "dashboard", "rollback", "--rows", "5"], cwd=ROOT,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "unrecognized arguments: --rows 5" in r.stderr  # only bench takes them
