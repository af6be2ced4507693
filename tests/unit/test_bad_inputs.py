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
from dashboard.store import answers, segments, versions
from dashboard.store.checksum import table_checksums
from dashboard.store.db import Store
from dashboard.store.period import Period
from tests.fixtures import make_bad

REGION = "18000"

CT_KEY = "reporterISO+partnerISO+partner2ISO+refYear+refMonth+flowCode+classificationCode+cmdCode+motCode+customsCode"

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
    # issue 13: nothing silently lost
    "quote_open_on_lines_5_and_7": (5, "", "open_quote", {}),
    "quote_open_in_district": (2, "", "open_quote", {}),
    "zip_members_overlap": (0, "", "zip_members_overlap", {"other": "a.csv"}),
    "zip_member_bad_row": (8, "nastranapr", "unknown_partner", {}),
    "zip_member_pdf": (0, "", "zip_member_not_table", {}),
    "zip_mixed_formats": (0, "", "zip_mixed_formats", {}),
    "zip_nested_zip": (0, "", "zip_nested", {}),
    "zip_nested_as_csv": (0, "", "zip_nested", {}),
    "zip_symlink_member": (0, "", "zip_symlink", {}),
    "zip_path_traversal": (0, "", "zip_unsafe_name", {}),
    "zip_absolute_name": (0, "", "zip_unsafe_name", {}),
    # every failure a sentence
    "zip_encrypted": (0, "", "zip_encrypted", {}),
    "zip_unknown_method": (0, "", "zip_compression", {"method": 98}),
    "zip_crc_error": (0, "", "zip_damaged_member", {}),
    "dbf_header_past_end": (0, "", "dbf_header", {}),
    # stricter values
    "tnved_fullwidth_digits": (4, "tnved", "hs_digits", {}),
    "tnved_arabic_indic_digits": (5, "tnved", "hs_digits", {}),
    "region_fullwidth_digits": (6, "Region", "region_code", {}),
    "region_arabic_indic_digits": (7, "Region", "region_code", {}),
    "period_fullwidth_digits": (8, "period", "period_form", {}),
    "value_fullwidth_digits": (9, "Stoim", "not_number", {}),
    "netto_arabic_indic_digits": (10, "Netto", "not_number", {}),
    "partner_long_s": (11, "nastranapr", "unknown_partner", {}),
    "partner_dotless_i": (12, "nastranapr", "unknown_partner", {}),
    "nul_in_unit": (14, "edizm", "control_char", {}),
    "nul_in_district": (15, "Region_s", "control_char", {}),
    "bell_in_region_name": (16, "Region", "control_char", {}),
    "escape_sequence_in_unit": (17, "edizm", "control_char", {}),
    "c1_control_in_unit": (18, "edizm", "control_char", {}),
    "unit_10_mb": (19, "edizm", "text_too_long", {"max": 1000}),
    "unit_1001_chars": (20, "edizm", "text_too_long", {"max": 1000}),
    "header_with_nul": (1, "edizm\\x00", "control_char", {}),
    "ignored_header_with_nul": (1, "Comment\\x00", "control_char", {}),
    "firms_over_int32": (2, "firms", "firm_count_implausible", {"max": 1_000_000}),
    "firms_fraction": (3, "firms", "firm_count", {}),
    "firms_exponent": (2, "firms", "firm_count", {}),
    "firms_fullwidth_digits": (2, "firms", "firm_count", {}),
    "comtrade_duplicate_rows": (5, CT_KEY, "duplicate", {"first": 2}),
    "comtrade_conflicting_rows": (5, CT_KEY, "conflicting_duplicate", {"first": 2}),
    "comtrade_fractional_month": (5, "refMonth", "period_not_integer", {}),
    "comtrade_fractional_year": (5, "refYear", "period_not_integer", {}),
    "comtrade_cmdcode_five_digits": (5, "cmdCode", "comtrade_hs_code", {}),
    "comtrade_cmdcode_letters": (5, "cmdCode", "comtrade_hs_code", {}),
    "comtrade_sitc_classification": (0, "classificationCode", "comtrade_sitc", {}),  # one sentence naming SITC
    "comtrade_partner_long_s": (5, "partnerISO", "unknown_iso3", {}),
}


def _cents(published: Path, flow: str, partner: str, hs10: str, month: int = 1) -> int:
    con = segments.connect(published)
    try:
        row = con.execute("SELECT value_cents FROM trade WHERE region = ? AND year = 2021 AND month = ? "
                          "AND flow = ? AND partner = ? AND hs10 = ?",
                          [REGION, month, flow, partner, hs10]).fetchone()
    finally:
        con.close()
    assert row is not None
    return int(row[0])


def _regions(published: Path) -> set[str]:
    con = segments.connect(published)
    try:
        return {r[0] for r in con.execute("SELECT DISTINCT region FROM trade").fetchall()}
    finally:
        con.close()


def _units(published: Path) -> set[str]:
    con = segments.connect(published)
    try:
        return {r[0] for r in con.execute("SELECT DISTINCT unit FROM trade").fetchall()}
    finally:
        con.close()


def _months(published: Path, out) -> set[int]:  # noqa: ANN001 - an Outcome
    con = segments.connect(published)
    try:
        return {r[0] for r in con.execute("SELECT DISTINCT t.month FROM trade t JOIN sources s USING (source_id) "
                                          "WHERE s.file_name = ? ORDER BY 1", [out.name]).fetchall()}
    finally:
        con.close()


def _firms(published: Path) -> int:
    con = segments.connect(published)
    try:
        row = con.execute("SELECT firms FROM firms WHERE year = 2021 AND partner = 'KZ' AND kind = 'any'").fetchone()
        kind = con.execute("SELECT data_type FROM information_schema.columns WHERE table_name = 'firms' "
                           "AND column_name = 'firms'").fetchone()
    finally:
        con.close()
    assert row is not None and kind == ("BIGINT",)
    return int(row[0])


def _loaded_rows(published: Path, file_name: str) -> int:
    """Rows the log's last source of that name holds, counted in its own table."""
    con = segments.connect(published)
    try:
        sid, fmt = con.execute("SELECT source_id, format FROM sources WHERE file_name = ? ORDER BY source_id DESC "
                               "LIMIT 1", [file_name]).fetchone()
        table = {"fts": "trade", "comtrade": "comtrade", "firms": "firms"}[fmt]
        return int(con.execute(f"SELECT count(*) FROM {table} WHERE source_id = ?", [sid]).fetchone()[0])
    finally:
        con.close()


def data_lines(path: Path) -> int:
    """Data lines (DBF records) in a file of the corpus, counted here without the importer: every member of a
    ZIP, every non-blank line after the header, every DBF record, deleted or not."""
    import io
    import zipfile
    raw = path.read_bytes()
    if raw[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            return sum(_lines_of(n, z.read(n)) for n in z.namelist())
    return _lines_of(path.name, raw)


def _lines_of(name: str, raw: bytes) -> int:
    import struct
    if name.lower().endswith(".dbf"):
        return struct.unpack("<I", raw[4:8])[0]
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1251")
    return sum(1 for line in text.replace("\r\n", "\n").split("\n")[1:] if line.strip())


def _skipped(out) -> int:  # noqa: ANN001 - an Outcome
    """Rows read and not loaded, as the load log counts them (the README's reasons)."""
    return sum(int(n.params["n"]) for n in out.notes
               if n.key in ("ingest.note.aggregates_skipped", "ingest.note.deleted_records",
                            "ingest.note.comtrade_breakdowns", "ingest.note.comtrade_summed",
                            "ingest.note.comtrade_flow_parts"))


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
    # issue 13: balanced quotes are a spreadsheet's CSV quoting; every member of an archive is loaded
    "quote_balanced_units": lambda db, out: out.rows == 48 and "кг" in _units(db),
    "zip_two_months": lambda db, out: out.rows == 48 and _months(db, out) == {1, 2},
    "dbf_deleted_records": lambda db, out: out.rows == 36 and msg("ingest.note.deleted_records", n=12) in out.notes,
    "partner_ascii_lower_case": lambda db, out: out.rows == 48,
    "unit_1000_chars": lambda db, out: "ш" * 1000 in _units(db),
    "firms_large_but_plausible": lambda db, out: _firms(db) == 999_999,
    # breakdowns of a total beside the total's row: the total kept, the breakdowns skipped (never added to it)
    "comtrade_breakdowns_not_duplicates": lambda db, out: out.rows == 3,
    "comtrade_world_and_nes_skipped": lambda db, out: out.rows == 3
    and msg("ingest.note.aggregates_skipped", n=2) in out.notes,
}


def test_the_corpus_is_large_and_every_case_has_a_documented_outcome():
    assert len(make_bad.CASES) >= 30
    assert len(make_bad.ISSUE13) >= 40
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
    # nothing read is lost: every data line is loaded or skipped for a reason the load log counts
    assert data_lines(corpus[case]) == outcomes[0].rows + _skipped(outcomes[0])
    assert _loaded_rows(published, corpus[case].name) == outcomes[0].rows


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


def test_the_demo_files_lose_no_line(tmp_path):
    """The demonstration corpus through the real importer: every data line of every file is in the store or in
    the load log's count of skipped rows."""
    from dashboard.demo import generate
    paths = generate.write(tmp_path / "in")
    published = tmp_path / "db" / "t.duckdb"
    outcomes = import_paths(published, paths, loaded_by="test")
    assert [o.name for o in outcomes] == [p.name for p in paths]
    for path, out in zip(paths, outcomes, strict=True):
        assert out.loaded and out.rows > 0
        assert data_lines(path) == out.rows + _skipped(out), path.name
        assert _loaded_rows(published, path.name) == out.rows, path.name
