"""Issue 7.1: every bad input of the generated corpus is refused with its line and column named, or loaded
as the README documents; a refused import leaves every table of the published database as it was, and a
reader opened before the import keeps answering."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.__main__ import main as cli
from dashboard.ingest.pipeline import import_paths
from dashboard.ingest.report import ImportRejected
from dashboard.store import metrics, versions
from dashboard.store.checksum import table_checksums
from dashboard.store.db import Store
from dashboard.store.period import Period
from tests.fixtures import make_bad

REGION = "18000"

# case -> (line, column, words of the reason). Line 0 = the file as a whole (no line to name).
REFUSED: dict[str, tuple[int, str, str]] = {
    "empty_file": (0, "", "the file is empty"),
    "blank_text": (0, "", "the file is empty"),
    "header_only": (1, "", "header but no data rows"),
    "truncated_csv": (49, "", "9 fields instead of 10"),
    "truncated_zip": (0, "", "damaged ZIP archive"),
    "wrong_separator_file": (1, "", "unknown format"),
    "wrong_separator_row": (6, "", "1 fields instead of 10"),
    "cp1251_read_as_utf8": (2, "napr", "mis-encoded"),
    "utf8_read_as_cp1251": (2, "napr", "mis-encoded"),
    "missing_column": (1, "stoim", "missing column"),
    "duplicated_header": (1, "NAPR", "appears twice"),
    "unknown_header": (1, "", "unknown format"),
    "unknown_partner": (8, "nastranapr", "unknown country code"),
    "period_13": (9, "period", "month must be 01..12"),
    "period_00": (10, "period", "month must be 01..12"),
    "period_bad_form": (11, "period", "MM/YYYY expected"),
    "future_period": (12, "period", "in the future"),
    "bad_flow": (13, "napr", "flow must be"),
    "tnved_lost_zero": (14, "tnved", "leading zero"),
    "negative_value": (15, "Stoim", "negative value"),
    "non_numeric_value": (16, "Stoim", "not a number"),
    "missing_value": (17, "Stoim", "missing value"),
    "value_1e308": (18, "Stoim", "implausibly large"),
    "value_inf": (19, "Netto", "not a finite number"),
    "value_nan": (20, "Stoim", "not a number"),
    "value_dot_thousands": (21, "Stoim", "not a number"),
    "duplicate_rows": (12, "napr+period+nastranapr+tnved+edizm+Region", "duplicate row (same as line 5)"),
    "conflicting_duplicates": (12, "napr+period+nastranapr+tnved+edizm+Region", "conflicting duplicate"),
    "blank_lines_then_bad": (9, "Stoim", "not a number"),
    "zip_without_csv": (0, "", "holds no .csv"),
    "zip_bomb": (0, "", "ZIP bomb"),
    "xlsx_formulas_merged": (0, "", "XLSX is not an FTS unload format; save as CSV (tab-separated, UTF-8)"),
    "xls_binary": (0, "", "XLS is not an FTS unload format"),
    "binary_garbage": (2, "", "neither UTF-8 nor CP1251"),
    "over_size_limit": (0, "", "larger than the limit"),
}


def _value(published: Path, flow: str, partner: str, hs10: str, month: int = 1) -> float:
    import duckdb
    con = duckdb.connect(str(published), read_only=True)
    try:
        row = con.execute("SELECT value_usd FROM trade WHERE region = ? AND year = 2021 AND month = ? "
                          "AND flow = ? AND partner = ? AND hs10 = ?",
                          [REGION, month, flow, partner, hs10]).fetchone()
    finally:
        con.close()
    assert row is not None
    return float(row[0])


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
    "extra_columns": lambda db, out: "ignored columns: Comment, Declarant" in out.note,
    "value_space_thousands": lambda db, out: _value(db, "E", "KZ", "1001190000") == pytest.approx(1234567.89),
    "value_nbsp_thousands": lambda db, out: _value(db, "E", "KZ", "1001190000") == pytest.approx(7654321.5),
    # stored verbatim as data, never executed or rendered as HTML; every table is still there
    "html_and_sql_in_text": lambda db, out: {"<script>alert('x')</script>", "'); DROP TABLE trade; --"}
    <= _units(db),
    # rows of every region are kept (the app has a region picker); the load log says the file is not ours
    "other_region_only": lambda db, out: "no row of region 18000 (DASHBOARD_REGION), only of 34000" in out.note
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
    return metrics.ranking(store, REGION, Period(2021, 1, 6))


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

    line, column, words = REFUSED[case]
    issues = err.value.report.issues
    assert any(i.line == line and i.column == column and words in i.reason for i in issues), \
        "\n".join(map(str, issues))
    text = err.value.report.text()
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
    code = cli(["--db", str(published), "import", str(corpus["negative_value"])])
    err = capsys.readouterr().err
    assert code == 2
    assert "line 15, column Stoim: '-5,00'" in err and "negative value" in err
    assert table_checksums(published) == before


def test_one_bad_file_among_good_ones_loads_none(corpus, published):
    """A batch is all or nothing: the good files of a batch with one bad file are not loaded either."""
    before = table_checksums(published)
    with pytest.raises(ImportRejected) as err:
        import_paths(published, [corpus["utf8_bom"], corpus["period_13"], corpus["value_space_thousands"]])
    assert "[DATTSVT.csv] month must be 01..12" in err.value.report.text()
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
