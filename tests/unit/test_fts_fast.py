"""The FTS reader's fast path returns exactly what the row-by-row checks return, and steps aside for a bad file."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.demo.generate import fts_file
from dashboard.ingest import fts, fts_fast
from dashboard.ingest.rawfile import load_text_table
from dashboard.ingest.report import Report

TODAY = dt.date(2025, 6, 30)
HEAD = "napr\tperiod\tnastranapr\ttnved\tedizm\tStoim\tNetto\tKol\tRegion\tRegion_s\n"
ROW = "ЭК\t01/2023\t{p}\t{code}\t\t{v}\t{n}\t\t18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ\tЮжный федеральный округ\n"


def _both(data: bytes, monkeypatch):
    report = Report("t.csv")
    raw = load_text_table("t.csv", data, 1 << 30, report, quoted=True)
    cols = fts.map_columns(raw, report)
    fast = fts_fast.parse_clean(raw, cols, TODAY)
    monkeypatch.setattr(fts_fast, "parse_clean", lambda *a, **k: None)
    slow_report = Report("t.csv")
    slow = fts.parse(raw, slow_report, TODAY)
    return fast, slow, slow_report


@pytest.mark.parametrize("data", [
    fts_file(2022),
    (HEAD + ROW.format(p=" kz", code="2710194200", v="1 234,5", n="")
     + ROW.format(p="TR", code=" 1001990000 ", v="7", n="12.25")).encode(),
], ids=["demo-year", "spaces-case-blanks"])
def test_fast_path_equals_the_checks(data, monkeypatch):
    fast, slow, report = _both(data, monkeypatch)
    assert report.ok and fast is not None and slow is not None
    pd.testing.assert_frame_equal(fast.trade, slow.trade, check_exact=True)
    pd.testing.assert_frame_equal(fast.regions, slow.regions, check_exact=True)
    assert fast.ignored_columns == slow.ignored_columns


@pytest.mark.parametrize("row", [
    ROW.format(p="KZ ", code="2710194200", v="5", n=""),      # same key as the first row once normalised
    ROW.format(p="XX", code="2710194200", v="5", n=""),       # unknown partner
    ROW.format(p="TR", code="271019420", v="5", n=""),        # 9 digits
    ROW.format(p="TR", code="2710194200", v="1e5", n=""),     # not plain digits: the checks decide
    ROW.format(p="TR", code="2710194200", v="", n=""),        # missing value
])
def test_fast_path_steps_aside_for_anything_the_checks_look_at(row, monkeypatch):
    data = (HEAD + ROW.format(p="KZ", code="2710194200", v="1", n="") + row).encode()
    fast, _, _ = _both(data, monkeypatch)
    assert fast is None
