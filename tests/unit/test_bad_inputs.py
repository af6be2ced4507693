"""Issue 7.1: every bad input of the generated corpus is refused with its line and column named, or loaded
as the README documents; a refused import leaves every table of the published database as it was, and a
reader opened before the import keeps answering."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.__main__ import main as cli
from dashboard.__main__ import report_text
from dashboard.i18n.message import msg
from dashboard.ingest.pipeline import import_paths
from dashboard.ingest.report import ImportRejected
from dashboard.store import answers, versions
from dashboard.store.checksum import table_checksums
from dashboard.store.db import Store
from dashboard.store.period import Period
from tests.fixtures import make_bad

REGION = "18000"

# case -> (line, column, reason key of ingest.reason, parameters it must carry). Line 0 = the file as a whole.
REFUSED: dict[str, tuple[int, str, str, dict]] = {
    "empty_file": (0, "", "empty", {}),
    "blank_text": (0, "", "empty", {}),
    "header_only": (1, "", "header_only", {}),
    "truncated_csv": (49, "", "field_count", {"n": 9, "width": 10}),
    "truncated_zip": (0, "", "bad_zip", {}),
    "wrong_separator_file": (1, "", "unknown_format", {}),
    "wrong_separator_row": (6, "", "field_count", {"n": 1, "width": 10}),
    "cp1251_read_as_utf8": (2, "napr", "flow_mis_encoded", {}),
    "utf8_read_as_cp1251": (2, "napr", "flow_mis_encoded", {}),
    "missing_column": (1, "stoim", "missing_column_or", {"column": "stoim", "alias": "стоимость"}),
    "duplicated_header": (1, "NAPR", "header_twice", {"other": 1}),
    "unknown_header": (1, "", "unknown_format", {}),
    "unknown_partner": (8, "nastranapr", "unknown_partner", {}),
    "period_13": (9, "period", "month_range", {}),
    "period_00": (10, "period", "month_range", {}),
    "period_bad_form": (11, "period", "period_form", {}),
    "future_period": (12, "period", "future_period", {}),
    "bad_flow": (13, "napr", "flow", {}),
    "tnved_lost_zero": (14, "tnved", "hs_lost_zero", {}),
    "negative_value": (15, "Stoim", "negative", {}),
    "non_numeric_value": (16, "Stoim", "not_number", {}),
    "missing_value": (17, "Stoim", "missing_value", {}),
    "value_1e308": (18, "Stoim", "implausible", {}),
    "value_inf": (19, "Netto", "not_finite", {}),
    "value_nan": (20, "Stoim", "not_number", {}),
    "value_dot_thousands": (21, "Stoim", "not_number", {}),
    "duplicate_rows": (12, "napr+period+nastranapr+tnved+edizm+Region", "duplicate", {"first": 5}),
    "conflicting_duplicates": (12, "napr+period+nastranapr+tnved+edizm+Region", "conflicting_duplicate",
                               {"first": 5}),
    "blank_lines_then_bad": (9, "Stoim", "not_number", {}),
    "zip_without_csv": (0, "", "zip_no_table", {}),
    "zip_bomb": (0, "", "zip_bomb", {"ratio": 200}),
    "xlsx_formulas_merged": (0, "", "spreadsheet", {"kind": "XLSX"}),
    "xls_binary": (0, "", "spreadsheet", {"kind": "XLS"}),
    "binary_garbage": (2, "", "bad_encoding", {}),
    "over_size_limit": (0, "", "too_large", {}),
}


def _cents(published: Path, flow: str, partner: str, hs10: str, month: int = 1) -> int:
    import duckdb
    con = duckdb.connect(str(published), read_only=True)
    try:
        row = con.execute("SELECT value_cents FROM trade WHERE region = ? AND year = 2021 AND month = ? "
                          "AND flow = ? AND partner = ? AND hs10 = ?",
                          [REGION, month, flow, partner, hs10]).fetchone()
    finally:
        con.close()
    assert row is not None
    return int(row[0])


def _regions(published: Path) -> set[str]:
    import duckdb
    con = duckdb.connect(str(published), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT DISTINCT region FROM trade").fetchall()}
    finally:
        con.close()


def _units(published: Path) -> set[str]:
    import duckdb
    con = duckdb.connect(str(published), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT DISTINCT unit FROM trade").fetchall()}
    finally:
        con.close()


# case -> check of the published database after the import (the README's "loaded as documented")
LOADED = {
    "cp1251_genuine": lambda db, out: out.rows == 48,
    "utf8_bom": lambda db, out: out.rows == 48,
    "utf16_bom": lambda db, out: out.rows == 48,
    "crlf_line_ends": lambda db, out: out.rows == 48,
    "extra_columns": lambda db, out: msg("ingest.note.ignored_columns", columns="Comment, Declarant") in out.notes,
    "value_space_thousands": lambda db, out: _cents(db, "E", "KZ", "1001190000") == 123456789,
    "value_nbsp_thousands": lambda db, out: _cents(db, "E", "KZ", "1001190000") == 765432150,
    # stored verbatim as data, never executed or rendered as HTML; every table is still there
    "html_and_sql_in_text": lambda db, out: {"<script>alert('x')</script>", "'); DROP TABLE trade; --"}
    <= _units(db),
    # rows of every region are kept (the app has a region picker); the load log says the file is not ours
    "other_region_only": lambda db, out: msg("ingest.note.other_region", region="18000", found="34000") in out.notes
    and _regions(db) == {"18000", "34000"},
}


def test_the_corpus_is_large_and_every_case_has_a_documented_outcome():
    assert len(make_bad.CASES) >= 30
    assert set(REFUSED) | set(LOADED) == set(make_bad.CASES)
    assert not set(REFUSED) & set(LOADED)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return make_bad.write_all(tmp_path_factory.mktemp("bad"))


def _ranking(store: Store):
    return answers.ranking(store, REGION, Period(2021, 1, 6))


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_with_line_and_column_and_nothing_changes(case, corpus, published, monkeypatch):
    if case == "over_size_limit":
        monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_MB", "0.01")  # 10 KB: a low limit, not a huge file
    store = Store(published)
    before_rank = _ranking(store)
    before = table_checksums(published)
    before_versions = versions.versions(published)
    before_current = versions.current(published)

    with pytest.raises(ImportRejected) as err:
        import_paths(published, [corpus[case]], loaded_by="test")

    line, column, key, params = REFUSED[case]
    issues = err.value.report.issues
    assert any(i.line == line and i.column == column and i.reason == f"ingest.reason.{key}"
               and params.items() <= dict(i.params).items() for i in issues), "\n".join(map(str, issues))
    text = report_text(err.value.report, "en")
    assert "nothing was loaded" in text
    assert (f"line {line}" if line else "file") in text
    if column:
        assert f"column {column}" in text
    # the published database is exactly as it was, and no version was added
    assert table_checksums(published) == before
    assert versions.versions(published) == before_versions
    assert versions.current(published) == before_current
    # and the reader opened before keeps serving the same answers
    assert store.warning is None
    assert _ranking(store).equals(before_rank)


@pytest.mark.parametrize("case", sorted(LOADED))
def test_loaded_as_documented(case, corpus, published):
    store = Store(published)
    old_version = store.version
    before = table_checksums(published)
    outcomes = import_paths(published, [corpus[case]], loaded_by="test")
    assert len(outcomes) == 1 and outcomes[0].loaded
    assert LOADED[case](published, outcomes[0])
    assert table_checksums(published) != before
    assert set(table_checksums(published)) == set(before)  # no table lost (nor made by the file)
    assert store.version != old_version  # the reader moved to the new version by itself
    assert len(_ranking(store)) == len(make_bad.PARTNERS)


def test_cli_import_of_a_bad_file_exits_2_and_names_line_and_column(corpus, published, capsys):
    before = table_checksums(published)
    code = cli(["--db", str(published), "--lang", "en", "import", str(corpus["negative_value"])])
    err = capsys.readouterr().err
    assert code == 2
    assert "line 15, column Stoim: '-5,00'" in err and "negative value" in err
    code = cli(["--db", str(published), "--lang", "ru", "import", str(corpus["negative_value"])])
    err = capsys.readouterr().err
    assert code == 2
    assert "строка 15, столбец Stoim: '-5,00'" in err and "отрицательное значение" in err
    assert table_checksums(published) == before


def test_one_bad_file_among_good_ones_loads_none(corpus, published):
    """A batch is all or nothing: the good files of a batch with one bad file are not loaded either."""
    before = table_checksums(published)
    with pytest.raises(ImportRejected) as err:
        import_paths(published, [corpus["utf8_bom"], corpus["period_13"], corpus["value_space_thousands"]])
    [issue] = err.value.report.issues
    assert (issue.file, issue.line, issue.reason) == ("DATTSVT.csv", 9, "ingest.reason.month_range")
    assert "[DATTSVT.csv] line 9, column period: '13/2022' — month must be 01..12" in report_text(
        err.value.report, "en")
    assert table_checksums(published) == before


def test_checksums_see_a_changed_and_a_repeated_row(published):
    import duckdb
    before = table_checksums(published)
    target = versions.current(published)
    con = duckdb.connect(str(target))
    con.execute("INSERT INTO meta VALUES ('x', 'y')")
    con.close()
    after = table_checksums(published)
    assert after["meta"] != before["meta"]
    assert {k for k in before if before[k] != after[k]} == {"meta"}
    con = duckdb.connect(str(target))
    con.execute("INSERT INTO firms SELECT year + 1, partner, kind, firms, source_id FROM firms LIMIT 1")
    con.close()
    assert table_checksums(published)["firms"] != after["firms"]
