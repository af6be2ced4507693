"""Real layouts (issue 14): each file of tests/fixtures/real_layouts.py through the real importer into a store, its
rows and totals compared with what is computed here from the same rows by the README's rules, without the
importer: Comtrade's areas to ISO codes by a table written here, totals rows kept (breakdowns never added to
them), re-exports not added to exports, World and areas n.e.s. skipped, cents rounded half up with Decimal."""
from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
import pytest

from dashboard.i18n.message import Msg, loads, msg, render, render_stored
from dashboard.ingest import comtrade, rawfile
from dashboard.ingest.pipeline import import_paths, parse_file
from dashboard.ingest.report import ImportRejected, Report
from dashboard.store import answers, segments, versions
from dashboard.store.db import Store
from tests.fixtures import real_layouts as rl
from tests.fixtures.real_layouts import FtsRow, LegacyRow, PlusRow, ShortRow

# what the importer must make of the codes the fixtures use: a country's ISO alpha-2, or None for World and
# areas n.e.s. (skipped); EU2 stays EU2 as a reporter
ISO2 = {"RUS": "RU", "KAZ": "KZ", "CHN": "CN", "CUW": "CW", "CIV": "CI", "USA": "US", "BLR": "BY", "EU2": "EU2",
        "S19": None, "W00": None, "WLD": None,
        "643": "RU", "398": "KZ", "842": "US", "251": "FR", "156": "CN", "490": None, "0": None}
EXPORT, IMPORT = {"X", "2"}, {"M", "1"}


def cents(text: str) -> int:
    return int((Decimal(text) * 100).to_integral_value(rounding=ROUND_HALF_UP))


def expected(rows: list[tuple[str, str, str, str, int]]) -> dict[tuple[str, str, str, int], int]:
    """(reporter, partner, flow, month) -> cents over rows given as (reporter, partner, flow code, value, month),
    totals rows only."""
    out: dict[tuple[str, str, str, int], int] = defaultdict(int)
    for reporter, partner, flow, value, month in rows:
        if ISO2[partner] is None or flow not in EXPORT | IMPORT:
            continue
        out[(str(ISO2[reporter]), str(ISO2[partner]), "E" if flow in EXPORT else "I", month)] += cents(value)
    return dict(out)


def stored(db: Path) -> dict[tuple[str, str, str, int], int]:
    con = segments.connect(versions.current(db))
    try:
        got = con.execute("SELECT reporter, partner, flow, month, sum(value_cents)::BIGINT FROM comtrade "
                          "GROUP BY ALL").fetchall()
    finally:
        con.close()
    return {(r, p, f, int(m)): int(v) for r, p, f, m, v in got}


def load(tmp_path: Path, name: str, data: bytes) -> tuple[Path, list]:
    path = tmp_path / name
    path.write_bytes(data)
    db = tmp_path / "store.duckdb"
    return db, import_paths(db, [path])


def refused(name: str, data: bytes) -> Report:
    with pytest.raises(ImportRejected) as e:
        parse_file(name, data)
    return e.value.report


def note(outcome, key: str) -> Msg:
    return next(n for n in outcome.notes if n.key == key)


ANNUAL = [
    PlusRow("RUS", "KAZ", "X", "1234567.891"),           # finer than a cent: rounded once
    PlusRow("RUS", "KAZ", "M", "765432.1"),
    PlusRow("RUS", "CHN", "X", "1000.5"),
    PlusRow("RUS", "S19", "X", "5000"),                  # Other Asia, nes: not a partner country
    PlusRow("RUS", "W00", "X", "9999999"),               # World
    PlusRow("RUS", "KAZ", "X", "100", partner2="CHN"),   # a breakdown of the first row's total
    PlusRow("RUS", "KAZ", "X", "200", mot="2100"),       # another
    PlusRow("RUS", "KAZ", "RX", "50"),                   # re-exports: part of the exports above
]


def test_comtrade_plus_download_as_the_portal_writes_it(tmp_path: Path) -> None:
    data = rl.comtrade_plus(ANNUAL)
    assert data.split(b"\r\n")[1].endswith(b'"True",')  # every field quoted, a comma after the last
    db, (out,) = load(tmp_path, "TradeData.csv", data)
    want = expected([(r.reporter, r.partner, r.flow, r.value, 0) for r in ANNUAL
                     if (r.partner2, r.mot, r.customs) == ("W00", "0", "C00")])
    assert want == {("RU", "KZ", "E", 0): 123456789, ("RU", "KZ", "I", 0): 76543210, ("RU", "CN", "E", 0): 100050}
    assert stored(db) == want  # refMonth 52 is the year (month 0); breakdowns and re-exports never added
    checked = parse_file("TradeData.csv", data).checked
    assert checked.skipped == {"aggregates": 2, "breakdowns": 2, "flow_parts": 1}
    assert checked.rows + sum(checked.skipped.values()) == len(ANNUAL)  # lines read = loaded + skipped
    assert msg("ingest.note.rounded_cents", n=1) in out.notes
    assert msg("ingest.note.comtrade_annual", n=3) in out.notes


def test_the_sources_say_what_a_comtrade_file_is(tmp_path: Path) -> None:
    db, (out,) = load(tmp_path, "TradeData.csv", rl.comtrade_plus(ANNUAL))
    said = [msg("ingest.comtrade_kind.national"), msg("ingest.note.comtrade_reporters", reporters="RU"),
            msg("ingest.note.comtrade_partners", partners="CN, KZ"),
            msg("ingest.note.comtrade_hs_editions", editions="2022"),  # H6: HS 2022
            msg("ingest.note.comtrade_year", year=2021)]
    assert list(out.notes[:5]) == said
    log = answers.sources(Store(db))
    stored_note = log.loc[log["format"] == "comtrade", "note"].iloc[0]
    assert (loads(stored_note) or [])[:5] == said
    for lang, words in (("ru", ("отчитывается Россия", "отчитывается RU", "партнёры CN, KZ", "ГС 2022", "год 2021")),
                        ("en", ("Russia reports", "reported by RU", "partners CN, KZ", "HS 2022", "year 2021"))):
        text = render_stored(stored_note, lang)  # as the Данные page and `sources` show it
        assert all(w in text for w in words), text


def test_many_partners_are_counted_and_years_spanned() -> None:
    rows = [PlusRow("RUS", p, "X", "1", year=y) for p in ("KAZ", "CHN", "BLR", "USA", "CUW", "CIV", "S19")
            for y in (2019, 2021)] + [PlusRow("KAZ", "RUS", "M", "1")]
    notes = parse_file("ct.csv", rl.comtrade_plus(rows)).checked.notes
    assert msg("ingest.comtrade_kind.both") in notes
    assert msg("ingest.note.comtrade_partners_more", partners="BY, CI, CN, CW, KZ, RU", more=1) in notes
    assert msg("ingest.note.comtrade_years", first=2019, last=2021) in notes


def test_mirror_data_monthly_breakdowns_without_a_total_are_summed(tmp_path: Path) -> None:
    rows = [PlusRow("KAZ", "RUS", "M", "100.25", month=3, partner2="CHN"),
            PlusRow("KAZ", "RUS", "M", "200.5", month=3, partner2="BLR"),
            PlusRow("KAZ", "RUS", "X", "70", month=3),
            PlusRow("KAZ", "RUS", "X", "80", month=4)]
    db, (out,) = load(tmp_path, "kz.csv", rl.comtrade_plus(rows))
    assert stored(db) == expected([(r.reporter, r.partner, r.flow, r.value, r.month) for r in rows])
    assert stored(db)[("KZ", "RU", "I", 3)] == 30075
    assert msg("ingest.note.comtrade_summed", n=1) in out.notes
    assert msg("ingest.comtrade_kind.mirror") in out.notes


@pytest.mark.parametrize(("pairs", "kind"), [
    ([("RU", "KZ"), ("RU", "CN")], "national"), ([("KZ", "RU"), ("BY", "RU")], "mirror"),
    ([("RU", "KZ"), ("KZ", "RU")], "both"), ([("US", "CW")], "other"), ([("RU", "KZ"), ("US", "CW")], "mixed"),
    ([("KZ", "RU"), ("KZ", "CN")], "mixed"),
])
def test_what_a_comtrade_file_is(pairs: list[tuple[str, str]], kind: str) -> None:
    assert comtrade.kind_of(pd.DataFrame(pairs, columns=["reporter", "partner"])) == kind


def test_breakdowns_of_different_kinds_without_a_total_are_refused() -> None:
    rows = [PlusRow("KAZ", "RUS", "M", "1", month=3, partner2="CHN"),
            PlusRow("KAZ", "RUS", "M", "2", month=3, mot="2100")]
    report = refused("kz.csv", rl.comtrade_plus(rows))
    assert {(i.line, i.reason) for i in report.issues} == {(2, "ingest.reason.comtrade_breakdown_mixed"),
                                                          (3, "ingest.reason.comtrade_breakdown_mixed")}


def test_latin1_download_decodes_as_latin1_and_loads(tmp_path: Path) -> None:
    rows = [PlusRow("USA", "CUW", "X", "10"), PlusRow("USA", "CIV", "M", "20")]
    data = rl.comtrade_plus(rows, encoding="latin-1")
    assert "Curaçao".encode("latin-1") in data and b"Cura\xe7ao" in data
    raw = rawfile.read_unpacked("ct.csv", data, Report("ct.csv"), quoted=True)
    assert raw is not None and raw.encoding == "latin-1"
    assert "Curaçao" in raw.table.column(rl.PLUS_HEADER.index("partnerDesc")).to_pylist()
    db, _ = load(tmp_path, "ct.csv", data)
    assert stored(db) == expected([(r.reporter, r.partner, r.flow, r.value, 0) for r in rows])


def test_cp1251_unload_decodes_as_cp1251_and_loads(tmp_path: Path) -> None:
    rows = [FtsRow("ЭК", "01/2021", "KZ", "2710121100", "1234,56"), FtsRow("ИМ", "02/2021", "CN", "8471300000", "99")]
    data = rl.fts_cp1251(rows)
    raw = rawfile.read_unpacked("DATTSVT.csv", data, Report("DATTSVT.csv"), quoted=True)
    assert raw is not None and raw.encoding == "cp1251" and raw.header[0] == "Направление"
    db, (out,) = load(tmp_path, "DATTSVT.csv", data)
    con = segments.connect(versions.current(db))
    try:
        got = con.execute("SELECT flow, partner, value_cents FROM trade ORDER BY flow").fetchall()
    finally:
        con.close()
    assert got == [("E", "KZ", 123456), ("I", "CN", 9900)]


@pytest.mark.parametrize(("text", "encoding"), [
    ("Россия, Волгоградская область, ЭК", "cp1251"),         # a Russian unload
    ("Curaçao, Côte d'Ivoire, São Tomé, Coração", "latin-1"),  # accented Western names
    ("ЭК;ИМ", "cp1251"),                                       # both fit: the FTS's code page
    ("18000 - ВОЛГОГРAДСКАЯ ОБЛАСТЬ", "cp1251"),               # a stray Latin A in a Russian word
])
def test_the_encoding_rule_both_ways(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assert rawfile.single_byte(data) == (text, encoding, 0)


def test_a_file_that_fits_neither_code_page_is_refused_at_its_line() -> None:
    data = "Направление;Страна\nЭК;KZ\n".encode("cp1251") + "EX;Curaçao\n".encode("latin-1")
    report = refused("DATTSVT.csv", data)
    (issue,) = report.issues
    assert (issue.line, issue.reason) == (3, "ingest.reason.bad_encoding")
    assert "CP1251" in render(issue.message, "en") and "Latin-1" in render(issue.message, "ru")


def test_legacy_35_columns_with_a_reporter_group() -> None:
    rows = [LegacyRow("EU2", "RUS", "1", "5000000", period="201903"),
            LegacyRow("EU2", "RUS", "2", "3000000", period="201903"),
            LegacyRow("EU2", "RUS", "3", "100", period="201903"),    # re-exports: part of the exports
            LegacyRow("KAZ", "WLD", "2", "7", period="201903")]
    p = parse_file("legacy.csv", rl.legacy(rows, rl.LEGACY_35))
    got = {(r.reporter, r.partner, r.flow, r.month): r.value_cents for r in p.data.trade.itertuples()}
    assert got == expected([(r.reporter, r.partner, r.flow, r.value, 3) for r in rows])
    assert got[("EU2", "RU", "I", 3)] == 500000000
    assert p.checked.rows + sum(p.checked.skipped.values()) == len(rows)


def test_legacy_22_columns_in_sitc_are_refused_naming_sitc() -> None:
    rows = [LegacyRow("RUS", "KAZ", "2", "1000", cmd="33", classification="S4"),
            LegacyRow("RUS", "KAZ", "1", "2000", cmd="33", classification="S4")]
    report = refused("sitc.csv", rl.legacy(rows, rl.LEGACY_22))
    (issue,) = report.issues
    assert (issue.line, issue.column, issue.reason) == (0, "Classification", "ingest.reason.comtrade_sitc")
    assert "SITC" in render(issue.message, "en") and "SITC" in render(issue.message, "ru")
    hs = parse_file("hs.csv", rl.legacy([r._replace(cmd="27", classification="H4") for r in rows], rl.LEGACY_22))
    assert hs.rows == 2  # the same file in HS loads


def test_short_layout_with_numeric_codes_only(tmp_path: Path) -> None:
    rows = [ShortRow("643", "398", "2", "1000"), ShortRow("643", "842", "1", "2000"),   # 842: Comtrade's USA
            ShortRow("643", "251", "2", "300"),                                         # 251: France
            ShortRow("643", "490", "2", "40"), ShortRow("643", "0", "2", "5000"),       # nes, World: skipped
            ShortRow("643", "398", "3", "6")]                                           # re-exports: skipped
    assert len(rl.SHORT_12) == 12
    db, (out,) = load(tmp_path, "short.csv", rl.short(rows))
    assert stored(db) == expected([(r.reporter, r.partner, r.flow, r.value, 0) for r in rows])
    assert set(stored(db)) == {("RU", "KZ", "E", 0), ("RU", "US", "I", 0), ("RU", "FR", "E", 0)}
    assert out.rows + 3 == len(rows)


def test_an_unknown_numeric_code_is_named() -> None:
    report = refused("short.csv", rl.short([ShortRow("643", "398", "2", "1"), ShortRow("643", "999", "2", "1")]))
    assert [(i.line, i.column, i.reason) for i in report.issues] == [(3, "Partner Code", "ingest.reason.unknown_m49")]


def test_fts_annual_extract_is_refused_with_one_sentence() -> None:
    rows = [FtsRow("ЭК", "2021", "KZ", "2710", "1234.5"), FtsRow("ИМ", "2021", "CN", "8471", "99.1")]
    report = refused("open_data.csv", rl.fts_annual_extract(rows))
    (issue,) = report.issues
    assert (issue.line, issue.column, issue.value) == (0, "PERIOD", "2021")
    assert issue.reason == "ingest.reason.annual_extract"
    assert "MM/YYYY" in render(issue.message, "en") and "ММ/ГГГГ" in render(issue.message, "ru")


def test_a_bad_month_is_reported_with_the_month_as_written() -> None:
    report = refused("ct.csv", rl.comtrade_plus([PlusRow("RUS", "KAZ", "X", "1", month=13)]))
    assert [(i.line, i.column, i.value, i.reason) for i in report.issues] == [
        (2, "refMonth", "13", "ingest.reason.bad_month")]


def test_trailing_comma_without_quotes_and_a_filled_extra_field() -> None:
    head = "refYear,refMonth,reporterISO,flowCode,partnerISO,cmdCode,primaryValue\n"
    ok = parse_file("ct.csv", (head + "2021,52,RUS,X,KAZ,TOTAL,10,\n2021,52,RUS,M,KAZ,TOTAL,20,\n").encode())
    assert ok.data.trade["value_cents"].tolist() == [1000, 2000]
    report = refused("ct.csv", (head + "2021,52,RUS,X,KAZ,TOTAL,10,\n2021,52,RUS,M,KAZ,TOTAL,20,x\n").encode())
    assert [(i.line, i.reason) for i in report.issues] == [(3, "ingest.reason.field_count")]
