"""Verdicts for the metrics of press releases (issue 15) on a fixture database: ranks by flow, rank movement,
shares, differences, factors, declines, tonnes and money of named goods against the heading rollup, and no_data
for what the data does not hold (net mass a source left out, capital firms)."""
from __future__ import annotations

import datetime as dt

import pytest

from dashboard.ingest.pipeline import import_paths
from dashboard.meetings.check import check_claims
from dashboard.meetings.claims import extract_claims
from dashboard.store.db import Store

HEADER = "napr\tperiod\tnastranapr\ttnved\tedizm\tStoim\tNetto\tKol\tRegion\tRegion_s\n"
# 2021: KZ exports 100 M$, BY imports 150.  2022: BY exports 200, KZ exports 120 + imports 10, TR exports 50.
# So 2022: turnover 380 (exports 370, imports 10); ranks BY 1, KZ 2, TR 3; in 2021 BY 1, KZ 2.
ROWS = [("ЭК", "01/2021", "KZ", 100e6), ("ИМ", "12/2021", "BY", 150e6),
        ("ЭК", "01/2022", "KZ", 120e6), ("ИМ", "12/2022", "KZ", 10e6), ("ЭК", "12/2022", "BY", 200e6),
        ("ЭК", "06/2022", "TR", 50e6)]
FIRMS = "year;partner;firms;kind\n2022;KZ;212;any\n"
MEETING = dt.date(2023, 2, 3)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    d = tmp_path_factory.mktemp("chk15")
    # wheat (1001) throughout, 1 t a row; Turkey's row gives no net mass
    lines = [f"{f}\t{p}\t{c}\t1001990000\t\t{v:.0f}\t{'' if c == 'TR' else '1000'}\t\t"
             "18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ\tЮФО" for f, p, c, v in ROWS]
    (d / "f.csv").write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    (d / "firms.csv").write_text(FIRMS, encoding="utf-8")
    import_paths(d / "db.duckdb", [d / "f.csv", d / "firms.csv"])
    s = Store(d / "db.duckdb")
    yield s
    s.close()


@pytest.mark.parametrize(("text", "metric", "verdict", "data"), [
    ("Казахстан занимает второе место по объёму экспорта.", "export_rank", "confirmed", 2),
    ("Казахстан занимает первое место по объёму экспорта.", "export_rank", "mismatch", 2),
    ("Казахстан — первый по объёму импорта партнёр региона.", "import_rank", "confirmed", 1),
    ("Беларусь — крупнейший торговый партнёр области.", "rank", "confirmed", 1),
    ("Турция — крупнейший торговый партнёр области.", "rank", "mismatch", 3),
    ("Турция входит в топ-3 партнёров региона.", "rank", "confirmed", 3),
    ("За год Казахстан опустился на 1 позицию.", "rank_change", "mismatch", 0),
    ("Турция поднялась на 2 строчки.", "rank_change", "no_data", None),          # not traded in 2021
    ("На Казахстан приходится 34,2 % товарооборота области.", "turnover_share", "confirmed", 0.3421),
    ("На Казахстан приходится 40 % оборота.", "turnover_share", "mismatch", 0.3421),
    ("Доля Беларуси в экспорте региона составила 54 %.", "export_share", "confirmed", 0.5405),
    ("Товарооборот с Казахстаном вырос на 30 млн долларов.", "turnover_change", "confirmed", 30e6),
    ("Товарооборот с Беларусью на 20 млн долларов меньше, чем годом ранее.", "turnover_change", "mismatch", 50e6),
    ("Товарооборот с Казахстаном вырос в 1,3 раза.", "turnover_growth", "confirmed", 0.3),
    ("Товарооборот с Беларусью снизился на 10 %.", "turnover_growth", "mismatch", 0.3333),
    ("Экспорт в Беларусь сократился в 2 раза.", "export_growth", "no_data", None),   # no exports in 2021
    ("В Казахстан отгружено 120 тонн пшеницы.", "exports_mass", "mismatch", 1.0),   # net mass: 1 t
    ("В 2022 году в Казахстан отгружена 1 тонна пшеницы.", "exports_mass", "confirmed", 1.0),
    ("В 2021 году регион экспортировал 1 тонну зерна.", "exports_mass", "confirmed", 1.0),     # chapter 10
    ("В 2022 году регион экспортировал 2 тонны зерна.", "exports_mass", "no_data", None),  # Turkey's: no mass
    ("В 2022 году в Казахстан отгружено 5 тонн подсолнечного масла.", "exports_mass", "mismatch", 0.0),
    ("В 2022 году в Турцию отгружено 900 тонн пшеницы.", "exports_mass", "no_data", None),  # no net mass
    ("В 2022 году экспорт пшеницы в Казахстан составил 120 млн долларов.", "exports", "confirmed", 120e6),
    ("С Казахстаном работают 212 компаний с иностранным капиталом.", "firms", "no_data", None),
])
def test_verdicts_of_the_new_metrics(store: Store, text: str, metric: str, verdict: str, data: float | None) -> None:
    (got,) = check_claims(store, extract_claims(text), MEETING)
    assert (got.claim.metric, got.verdict) == (metric, verdict)
    if data is None:
        assert got.data_value is None
    else:
        assert got.data_value == pytest.approx(data, rel=1e-3)


def test_a_capital_firm_count_is_never_confirmed_by_another_kind(store: Store) -> None:
    """212 is the 'any' count of 2022: a claim about capital firms must not borrow it."""
    (got,) = check_claims(store, extract_claims("С Казахстаном работают 212 компаний с иностранным капиталом."),
                          MEETING)
    assert got.claim.kind == "foreign_capital" and got.verdict == "no_data"
    assert [n.key for n in got.notes][-1] == "meetings.note.not_held"


def test_russia_as_a_whole_gives_no_claims() -> None:
    assert extract_claims("Товарооборот России и Казахстана в 2022 году превысил 28 млрд долларов.") == []


def test_tonnes_without_a_net_mass_in_the_data_say_so(store: Store) -> None:
    (got,) = check_claims(store, extract_claims("В 2022 году в Турцию отгружено 900 тонн пшеницы."), MEETING)
    assert (got.claim.goods, got.verdict) == ("1001", "no_data")
    assert got.notes[-1].key == "meetings.note.mass_not_held" and got.notes[-1].params == {"period": "2022"}


def test_tonnes_of_goods_the_reference_lacks_are_not_checked_against_all_goods(store: Store) -> None:
    """'тонн мороженого' names goods, though not ones the heading reference knows: no data, not the sum of all goods
    and not the goods named before them in the sentence."""
    got = check_claims(store, extract_claims("В 2022 году в Казахстан отгружено 5 тонн подсолнечного масла и 3 тонны "
                                             "мороженого."), MEETING)
    assert [(g.claim.goods, g.verdict) for g in got] == [("1512", "mismatch"), ("", "no_data")]
    assert got[1].notes[-1].key == "meetings.note.not_held"
