"""The CLI's fast path (issue 17.4): `partners --json` answers from plain rows in a process that never imports
the data-frame stack nor the other commands' modules, and says what the DataFrame path says."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dashboard.store import answers
from dashboard.store.db import Store
from dashboard.store.period import Period

ROOT = Path(__file__).resolve().parents[2]
NOT_LOADED = ("pandas", "numpy", "pyarrow", "pymorphy3", "dashboard.meetings.cli", "dashboard.export.cli")


def test_partners_json_loads_no_pandas_and_no_other_command(demo_db: Path, demo_store: Store):
    code = ("import json, sys, contextlib, io\n"
            "from dashboard.__main__ import main\n"
            "out = io.StringIO()\n"
            f"with contextlib.redirect_stdout(out): rc = main(['--db', {str(demo_db)!r}, 'partners', '--year', "
            "'2022', '--json'])\n"
            f"print(json.dumps([rc, sorted(m for m in {NOT_LOADED!r} if m in sys.modules), out.getvalue()]))")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                       check=True)
    rc, loaded, out = json.loads(r.stdout)
    assert rc == 0
    assert loaded == []
    got = json.loads(out)["partners"]
    frame = answers.positions(answers.ranking(demo_store, "18000", Period(2022, 1, 12))).values()
    assert [(p["iso2"], p["rank"], p["of"], p["turnover_usd"]) for p in got] == \
        [(p.iso2, p.rank, p.of, p.turnover.json()) for p in frame]


def test_rows_and_dataframe_paths_give_the_same_positions(demo_store: Store):
    period = Period(2022, 1, 12)
    by_rows = answers.ranked(demo_store, "18000", period)
    by_frame = list(answers.positions(answers.ranking(demo_store, "18000", period)).values())
    assert by_rows == by_frame
    assert [p.rank for p in by_rows] == sorted(p.rank for p in by_rows)


def test_the_command_word_is_found_past_global_options():
    from dashboard.__main__ import _command
    assert _command(["--db", "x.duckdb", "--lang", "en", "partners", "--year", "2022"]) == "partners"
    assert _command(["--lang=en", "meeting", "list"]) == "meeting"
    assert _command(["--help"]) is None
