"""Checking claims against a fixture database: confirmed, mismatched and unknown cases, the period rule."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dashboard.export import check_text
from dashboard.i18n import t
from dashboard.ingest.pipeline import import_paths
from dashboard.meetings.check import check_claims, figures_as_of
from dashboard.meetings.claims import extract_claims
from dashboard.store.answers import Money
from dashboard.store.db import Store
from dashboard.store.period import Period

HEADER = "napr\tperiod\tnastranapr\ttnved\tedizm\tStoim\tNetto\tKol\tRegion\tRegion_s\n"
# 2021: KZ 100 M$, BY 150 M$.  2022: BY 200, KZ 120 + 10 = 130 (+30 %), TR 50.  Every year ends in December.
ROWS = [("ЭК", "01/2021", "KZ", 100e6), ("ИМ", "12/2021", "BY", 150e6),
        ("ЭК", "01/2022", "KZ", 120e6), ("ИМ", "12/2022", "KZ", 10e6), ("ЭК", "12/2022", "BY", 200e6),
        ("ЭК", "06/2022", "TR", 50e6)]
FIRMS = "year;partner;firms;kind\n2022;KZ;212;any\n2022;KZ;150;exporters\n"
MEETING = dt.date(2023, 2, 3)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    d = tmp_path_factory.mktemp("chk")
    lines = [f"{f}\t{p}\t{c}\t7304291000\t\t{v:.0f}\t1\t\t18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ\tЮФО" for f, p, c, v in ROWS]
    (d / "f.csv").write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    (d / "firms.csv").write_text(FIRMS, encoding="utf-8")
    import_paths(d / "db.duckdb", [d / "f.csv", d / "firms.csv"])
    s = Store(d / "db.duckdb")
    yield s
    s.close()


def _check(store: Store, text: str) -> list[dict]:
    return [c.to_dict() for c in check_claims(store, extract_claims(text), MEETING)]


@pytest.mark.parametrize(("text", "verdict", "data"), [
    ("Казахстан занимает второе место.", "confirmed", 2),
    ("Казахстан занимает 4-е место.", "mismatch", 2),
    ("Казахстан входит в тройку партнёров.", "confirmed", 2),
    ("Регион торгует с 3 странами.", "confirmed", 3),
    ("Более 200 предприятий работают с Казахстаном.", "confirmed", 212),
    ("Более 250 предприятий работают с Казахстаном.", "mismatch", 212),
    ("Около 150 экспортёров работают с Казахстаном.", "confirmed", 150),
    ("Товарооборот с Казахстаном вырос на 30%.", "confirmed", 0.3),
    ("Товарооборот с Казахстаном вырос на 35%.", "mismatch", 0.3),
    ("Товарооборот с Казахстаном составил 133 млн долларов.", "confirmed", 130e6),   # within 5 %
    ("Товарооборот с Казахстаном составил 150 млн долларов.", "mismatch", 130e6),
    ("Товарооборот с Турцией составил 0,1 млрд долларов.", "confirmed", 50e6),       # rounding of 0,1 млрд
    ("Товарооборот с Казахстаном в 2019 году составил 90 млн долларов.", "no_data", None),
    ("В 2021 году 185 экспортёров работали с Казахстаном.", "no_data", None),
    ("Товарооборот с Беларусью в 2021 году вырос на 10%.", "no_data", None),        # no 2020 to compare with
])
def test_verdicts(store: Store, text: str, verdict: str, data: float | None) -> None:
    (c,) = _check(store, text)
    assert c["verdict"] == verdict, c
    assert c["data_value"] == (pytest.approx(data) if data is not None else None)


def test_unstated_period_is_the_last_full_year_before_the_meeting_and_says_so(store: Store) -> None:
    (c,) = _check(store, "Казахстан занимает второе место.")
    assert c["period"] == "2022" and c["period_assumed"] is True and c["period_stated"] is None
    assert c["note"] == [{"key": "meetings.note.period_before_meeting", "params": {"year": 2022}}]
    assert c["scope"] == ["scope.with_eaeu"]
    (c,) = _check(store, "В 2021 году Казахстан занимал второе место.")
    assert (c["period"], c["period_assumed"], c["verdict"], c["data_value"]) == ("2021", False, "confirmed", 2)


def test_seed_figures_against_the_demo_data(demo_store: Store) -> None:
    """The bundled record of the seed's meeting, as the project holds it: the figures its text quotes are
    extracted from that file and hold in the demo data, as of the date its front matter gives."""
    from dashboard.meetings.document import read_path, split_front_matter

    path = Path(__file__).resolve().parents[2].joinpath("data", "meetings", "2023-02-03-kazakhstan.md")
    front, body = split_front_matter(read_path(path))
    assert front is not None and front["date"] == MEETING
    got = [(c["metric"], c["partner"], c["period"], c["verdict"], c["data_value"], c["scope"])
           for c in _check(demo_store, body)]
    assert got == [
        ("rank", "KZ", "2022", "confirmed", 4, ["scope.with_eaeu", "scope.demo"]),
        ("partners_count", None, "2022", "confirmed", 114, ["scope.with_eaeu", "scope.demo"]),
        ("firms", "KZ", "2022", "confirmed", 212, ["firms.any"]),
    ]


def test_figures_as_of_a_meeting_date(store: Store) -> None:
    f = figures_as_of(store, "KZ", MEETING)
    assert f is not None
    assert (f.year, f.rank, f.of, f.firms) == (2022, 2, 3, 212)
    assert f.turnover == Money(130_000_000_00) and f.growth == pytest.approx(0.3)
    assert figures_as_of(store, "KZ", dt.date(2020, 5, 1)) is None


def test_results_are_keys_rendered_in_either_language(store: Store) -> None:
    """The check returns keys; the words come from the catalogue of the language asked for."""
    (c,) = check_claims(store, extract_claims("Более 250 предприятий работают с Казахстаном."), MEETING)
    assert (c.verdict_key, c.scope_keys) == ("meetings.verdict.mismatch", ("firms.any",))
    ru, en = check_text.as_dict(c, "ru"), check_text.as_dict(c, "en")
    assert (ru["verdict_text"], ru["scope_text"]) == ("расходится (в данных: 212)", "всего компаний, 2022")
    assert (en["scope_text"], en["note_text"]) == ("all firms, 2022", t("meetings.note.period_before_meeting",
                                                                         "en", year=2022))
    assert not re.search("[а-яё]", en["verdict_text"] + en["scope_text"] + en["note_text"], re.I)
    (c,) = check_claims(store, extract_claims("Товарооборот с Японией в 2022 году составил 5 млн долларов."),
                        MEETING)
    assert c.verdict == "no_data" and [n.key for n in c.notes] == ["meetings.note.not_traded"]


def test_without_a_meeting_date_the_latest_full_year_is_used(store: Store) -> None:
    (c,) = check_claims(store, extract_claims("Казахстан занимает второе место."), None)
    assert (c.period, c.verdict) == (Period(2022), "confirmed")
    assert [n.to_json() for n in c.notes] == [{"key": "meetings.note.period_latest_full", "params": {"year": 2022}}]


@pytest.mark.parametrize("metric, value, ru, en", [
    ("exports_mass", 353.69097999999997, "353,7", "353.7"),   # tonnes read from kg: no float noise, the reader's sign
    ("exports_mass", 1_200_000.0, "1\u00a0200\u00a0000", "1,200,000"),
    ("turnover_share", 0.094, "9,4\u00a0%", "9.4\u00a0%"),
    ("export_change", -12_400_000.0, "−12,4\u00a0млн $", "−12.4\u00a0M $"),
    ("import_change", 5_000_000.0, "+5,0\u00a0млн $", "+5.0\u00a0M $"),
    ("rank_change", -2.0, "−2", "−2"),
    ("firms", 212.0, "212", "212"),
])
def test_a_data_value_reads_as_the_interface_writes_numbers(metric: str, value: float, ru: str, en: str) -> None:
    assert (check_text.describe(metric, value, "ru"), check_text.describe(metric, value, "en")) == (ru, en)
