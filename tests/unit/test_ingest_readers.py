"""Each reader on tiny files written here: the FTS unload in its forms, UN Comtrade, firm counts."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from dashboard.ingest.pipeline import parse_file
from dashboard.ingest.report import ImportRejected

TODAY = dt.date(2025, 6, 1)
FTS_HEADER = "napr\tperiod\tnastranapr\ttnved\tedizm\tStoim\tNetto\tKol\tRegion\tRegion_s"
FTS_ROWS = [
    "ЭК\t01/2022\tKZ\t7304291000\t\t1234567,89\t1000,5\t\t18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ\tЮжный федеральный округ",
    "ИМ\t02/2022\tCN\t8479899708\tШТ\t500,00\t20\t3\t18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ\tЮжный федеральный округ",
    "ЭК\t02/2022\tTR\t1001990000\t\t7000\t28000\t\t12000 - АСТРАХАНСКАЯ ОБЛАСТЬ\tЮжный федеральный округ",
]


def fts_text(rows: list[str] = FTS_ROWS, header: str = FTS_HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def parse(data: bytes, name: str = "DATTSVT.csv", fmt: str = "auto"):
    return parse_file(name, data, fmt, today=TODAY)


def test_fts_tab_utf8_decimal_comma() -> None:
    p = parse(fts_text().encode("utf-8"))
    assert p.format == "fts" and p.rows == 3
    tr = p.data.trade
    assert list(tr["flow"]) == ["E", "I", "E"]
    assert tr["value_cents"].iloc[0] == 123456789  # exact cents
    assert tr["netto_kg"].iloc[0] == pytest.approx(1000.5)
    assert tr["qty"].isna().iloc[0] and tr["qty"].iloc[1] == 3
    assert list(tr["region"]) == ["18000", "18000", "12000"]  # other regions are kept
    assert (tr["year"] == 2022).all() and list(tr["month"]) == [1, 2, 2]


def test_fts_mixed_case_header_and_bom() -> None:
    header = "NAPR\tPeriod\tNaStRaNaPr\tTNVED\tEdIzm\tSTOIM\tnetto\tKOL\tregion\tREGION_S"
    p = parse(b"\xef\xbb\xbf" + fts_text(header=header).encode("utf-8"))
    assert p.rows == 3 and p.data.trade["partner"].tolist() == ["KZ", "CN", "TR"]


def test_fts_english_flow_codes() -> None:
    rows = [r.replace("ЭК", "EXP").replace("ИМ", "IMP") for r in FTS_ROWS]
    assert parse(fts_text(rows).encode()).data.trade["flow"].tolist() == ["E", "I", "E"]


def test_fts_old_semicolon_cp1251_russian_headers() -> None:
    header = "Направление;Период;Страна;ТНВЭД;Ед. изм.;Стоимость;Нетто;Количество;Регион;Федеральный округ"
    rows = [r.replace("\t", ";") for r in FTS_ROWS]
    p = parse(fts_text(rows, header).encode("cp1251"), "old.csv")
    assert p.format == "fts" and p.rows == 3
    assert p.data.trade["value_cents"].sum() == 123456789 + 50000 + 700000
    assert p.data.regions.set_index("code").loc["18000", "name"] == "ВОЛГОГРАДСКАЯ ОБЛАСТЬ"


def test_fts_inside_zip() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("DATTSVT.csv", fts_text())
    p = parse(buf.getvalue(), "unload.zip")
    assert p.format == "fts" and p.rows == 3


def test_a_zip_member_that_is_not_data_refuses_the_archive_naming_it() -> None:
    """Issue 13: no member is skipped without a word (a readme beside the unload was ignored before)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("readme.txt", "not the data")
        zf.writestr("DATTSVT.csv", fts_text())
    with pytest.raises(ImportRejected) as e:
        parse(buf.getvalue(), "unload.zip")
    assert [(i.file, i.reason) for i in e.value.report.issues] == [("readme.txt", "ingest.reason.header_only")]


def test_zip_without_csv_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("picture.png", b"\x89PNG")
    with pytest.raises(ImportRejected, match="ingest.reason.zip_no_table"):
        parse(buf.getvalue(), "empty.zip")


@pytest.mark.parametrize(("row", "column", "reason"), [
    ("ЭК\t13/2022\tKZ\t7304291000\t\t1\t1\t\t18000 - В\tЮФО", "period", "month_range"),
    ("ЭК\t00/2022\tKZ\t7304291000\t\t1\t1\t\t18000 - В\tЮФО", "period", "month_range"),
    ("ЭК\t2022-01\tKZ\t7304291000\t\t1\t1\t\t18000 - В\tЮФО", "period", "period_form"),
    ("ЭК\t07/2025\tKZ\t7304291000\t\t1\t1\t\t18000 - В\tЮФО", "period", "future_period"),
    ("ЭК\t01/2022\tQQ\t7304291000\t\t1\t1\t\t18000 - В\tЮФО", "nastranapr", "unknown_partner"),
    ("ЭК\t01/2022\tKZ\t304291000\t\t1\t1\t\t18000 - В\tЮФО", "tnved", "hs_lost_zero"),
    ("ЭК\t01/2022\tKZ\t73042910\t\t1\t1\t\t18000 - В\tЮФО", "tnved", "hs_digits"),
    ("ЭК\t01/2022\tKZ\t7304291000\t\t-5\t1\t\t18000 - В\tЮФО", "Stoim", "negative"),
    ("ЭК\t01/2022\tKZ\t7304291000\t\tabc\t1\t\t18000 - В\tЮФО", "Stoim", "not_number"),
    ("ЭК\t01/2022\tKZ\t7304291000\t\t\t1\t\t18000 - В\tЮФО", "Stoim", "missing_value"),
    ("ЭК\t01/2022\tKZ\t7304291000\t\tNaN\t1\t\t18000 - В\tЮФО", "Stoim", "not_number"),
    ("ЭК\t01/2022\tKZ\t7304291000\t\tinf\t1\t\t18000 - В\tЮФО", "Stoim", "not_finite"),
    ("ЭК\t01/2022\tKZ\t7304291000\t\t1e308\t1\t\t18000 - В\tЮФО", "Stoim", "implausible"),
    ("ЭК\t01/2022\tKZ\t7304291000\t\t1\tx\t\t18000 - В\tЮФО", "Netto", "not_number"),
    ("XX\t01/2022\tKZ\t7304291000\t\t1\t1\t\t18000 - В\tЮФО", "napr", "flow"),
    ("ЭК\t01/2022\tKZ\t7304291000\t\t1\t1\t\tВОЛГОГРАД\tЮФО", "Region", "region_code"),
])
def test_fts_bad_row_is_reported_with_line_and_column(row: str, column: str, reason: str) -> None:
    with pytest.raises(ImportRejected) as e:
        parse(fts_text([FTS_ROWS[0], row]).encode())
    issues = e.value.report.issues
    assert any(i.line == 3 and i.column == column and i.reason == f"ingest.reason.{reason}" for i in issues), issues


def test_every_bad_row_is_reported_not_only_the_first() -> None:
    rows = [FTS_ROWS[0].replace("KZ", "Q1"), FTS_ROWS[1], FTS_ROWS[2].replace("02/2022", "14/2022")]
    with pytest.raises(ImportRejected) as e:
        parse(fts_text(rows).encode())
    assert sorted((i.line, i.column) for i in e.value.report.issues) == [(2, "nastranapr"), (4, "period")]


def test_duplicates_exact_and_conflicting() -> None:
    conflicting = FTS_ROWS[0].replace("1234567,89", "99")
    with pytest.raises(ImportRejected) as e:
        parse(fts_text([FTS_ROWS[0], FTS_ROWS[1], FTS_ROWS[0], conflicting]).encode())
    reasons = {i.line: (i.reason, dict(i.params)) for i in e.value.report.issues}
    assert reasons[4] == ("ingest.reason.duplicate", {"first": 2})
    assert reasons[5] == ("ingest.reason.conflicting_duplicate", {"first": 2})


def test_missing_column_and_wrong_width() -> None:
    header = FTS_HEADER.replace("\tStoim", "")
    rows = [r.split("\t") for r in FTS_ROWS]
    text = fts_text(["\t".join(r[:5] + r[6:]) for r in rows], header)
    with pytest.raises(ImportRejected) as e:
        parse(text.encode())
    assert any(i.line == 1 and i.column == "stoim" and i.reason == "ingest.reason.missing_column_or"
               and i.params["column"] == "stoim" for i in e.value.report.issues)
    with pytest.raises(ImportRejected) as e:
        parse(fts_text([FTS_ROWS[0], FTS_ROWS[1] + "\textra"]).encode())
    assert any(i.line == 3 and i.reason == "ingest.reason.field_count" and i.params["n"] == 11
               and i.params["width"] == 10 for i in e.value.report.issues)


def test_empty_and_header_only() -> None:
    with pytest.raises(ImportRejected, match="ingest.reason.empty"):
        parse(b"")
    with pytest.raises(ImportRejected, match="ingest.reason.header_only"):
        parse((FTS_HEADER + "\n").encode())


def test_unknown_format() -> None:
    with pytest.raises(ImportRejected, match="ingest.reason.unknown_format"):
        parse(b"a,b,c\n1,2,3\n", "x.csv")


def test_spaces_as_thousands_separators_are_read() -> None:
    row = FTS_ROWS[0].replace("1234567,89", "1 234 567,89")
    assert parse(fts_text([row]).encode()).data.trade["value_cents"].iloc[0] == 123456789


def test_comtrade_plus_camel_case() -> None:
    text = ("typeCode,freqCode,refYear,refMonth,reporterISO,flowCode,partnerISO,cmdCode,netWgt,primaryValue\n"
            "C,A,2022,52,RUS,X,KAZ,TOTAL,,1000.5\n"
            "C,A,2022,52,RUS,M,W00,TOTAL,,99\n")
    for annual in (text, text.replace(",52,", ",0,")):  # refMonth 52: Comtrade+'s annual rows, stored as month 0
        p = parse(annual.encode(), "ct.csv")
        assert p.format == "comtrade" and p.rows == 1  # the World row is an aggregate, skipped
        assert p.data.trade.iloc[0][["reporter", "partner", "flow", "month"]].tolist() == ["RU", "KZ", "E", 0]
        assert p.data.skipped_aggregates == 1
    with pytest.raises(ImportRejected, match="ingest.reason.bad_month"):
        parse(text.replace(",52,", ",13,").encode(), "ct.csv")


def test_comtrade_pascal_case_and_legacy() -> None:
    pascal = ("RefYear,RefMonth,ReporterISO,FlowCode,PartnerISO,CmdCode,NetWgt,PrimaryValue\n"
              "2021,0,KAZ,M,RUS,27,5,10\n")
    p = parse(pascal.encode(), "p.csv")
    assert p.data.trade.iloc[0][["reporter", "partner", "flow", "hs"]].tolist() == ["KZ", "RU", "I", "27"]
    legacy_cols = ["Classification", "Year", "Period", "Period Desc.", "Aggregate Level", "Is Leaf Code",
                   "Trade Flow Code", "Trade Flow", "Reporter Code", "Reporter", "Reporter ISO", "Partner Code",
                   "Partner", "Partner ISO", "Commodity Code", "Commodity", "Qty Unit Code", "Qty Unit", "Qty",
                   "Netweight (kg)", "Trade Value (US$)", "Flag"]
    assert len(legacy_cols) == 22
    row = ['H5', '2020', '2020', '2020', '2', '0', '2', 'Export', '643', 'Russian Federation', 'RUS', '398',
           'Kazakhstan', 'KAZ', '27', '"Mineral fuels, oils"', '1', 'No Quantity', '', '1000', '250000', '0']
    p = parse((",".join(legacy_cols) + "\n" + ",".join(row) + "\n").encode(), "legacy.csv")
    t = p.data.trade.iloc[0]
    assert (t["reporter"], t["partner"], t["flow"], t["year"], t["value_cents"]) == ("RU", "KZ", "E", 2020, 25000000)


def test_firms_csv_english_and_russian() -> None:
    p = parse(b"year;partner;firms;kind\n2022;KZ;212;any\n2021;KZ;185;exporters\n", "f.csv")
    assert p.format == "firms" and p.data.firms["firms"].tolist() == [212, 185]
    p = parse("Год,Страна,Число фирм,Вид\n2022,BY,40,экспортёры\n".encode(), "f.csv")
    assert p.data.firms.iloc[0].tolist() == [2022, "BY", "exporters", 40]
    with pytest.raises(ImportRejected) as e:
        parse(b"year;partner;firms;kind\n2022;KZ;-1;any\n2022;KZ;5;sellers\n", "f.csv")
    assert {(i.line, i.column) for i in e.value.report.issues} == {(2, "firms"), (3, "kind")}
