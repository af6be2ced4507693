"""Figure claims from Russian press-release sentences: each sentence with its exact expected claims."""
from __future__ import annotations

import datetime as dt

import pytest

from dashboard.meetings import goods, periods
from dashboard.meetings.claims import Claim, extract_claims
from dashboard.store.period import Period

MEETING = dt.date(2023, 2, 3)


def _c(quote: str, metric: str, partner: str | None, period: Period | None, qualifier: str, value: float,
       kind: str | None = None, step: float | None = None) -> Claim:
    return Claim(quote, metric, partner, period, qualifier, value, kind, step)


CASES = [
    ("Казахстан занимает 4-е место среди 114 внешнеторговых партнеров региона.", [
        _c("4-е место среди 114 внешнеторговых партнеров", "rank", "KZ", None, "exact", 4),
        _c("4-е место среди 114 внешнеторговых партнеров", "partners_count", None, None, "exact", 114)]),
    ("Казахстан занимает четвёртое место в товарообороте области.", [
        _c("четвёртое место", "rank", "KZ", None, "exact", 4)]),
    ("По итогам 2021 года Казахстан входит в пятёрку крупнейших партнёров региона.", [
        _c("входит в пятёрку", "rank", "KZ", Period(2021), "top_n", 5)]),
    ("Беларусь является вторым по величине торговым партнёром Волгоградской области.", [
        _c("вторым по величине торговым партнёром", "rank", "BY", None, "exact", 2)]),
    ("Узбекистан находится на пятом месте среди 87 стран-партнёров.", [
        _c("пятом месте среди 87 стран", "rank", "UZ", None, "exact", 5),
        _c("пятом месте среди 87 стран", "partners_count", None, None, "exact", 87)]),
    ("Более 200 предприятий Волгоградской области работают с Казахстаном.", [
        _c("Более 200 предприятий", "firms", "KZ", None, "more_than", 200, "any")]),
    ("Свыше 180 компаний региона поставляют продукцию в Турцию.", [
        _c("Свыше 180 компаний", "firms", "TR", None, "more_than", 180, "exporters")]),
    ("В 2021 году 185 экспортёров региона работали с Казахстаном.", [
        _c("185 экспортёров", "firms", "KZ", Period(2021), "exact", 185, "exporters")]),
    ("Казахстан — третий крупнейший торговый партнёр региона, на него приходится более двухсот предприятий.", [
        _c("третий крупнейший торговый партнёр", "rank", "KZ", None, "exact", 3),
        _c("более двухсот предприятий", "firms", "KZ", None, "more_than", 200, "any")]),
    ("Товарооборот с Казахстаном в 2023 году вырос на 31%.", [
        _c("Товарооборот с Казахстаном в 2023 году вырос на 31%", "turnover_growth", "KZ", Period(2023),
           "exact", 0.31)]),
    ("Экспорт в Казахстан за 9 месяцев 2023 года увеличился почти на 78,3 процента.", [
        _c("Экспорт в Казахстан за 9 месяцев 2023 года увеличился почти на 78,3 процента", "export_growth", "KZ",
           Period(2023, 1, 9), "almost", 0.783)]),
    ("Импорт из Китая сократился на 12 %.", [
        _c("Импорт из Китая сократился на 12 %", "import_growth", "CN", None, "exact", -0.12)]),
    ("Товарооборот с Казахстаном в 2021 году составил 233 млн долларов.", [
        _c("Товарооборот с Казахстаном в 2021 году составил 233 млн долларов", "turnover", "KZ", Period(2021),
           "exact", 233_000_000, step=1e6)]),
    ("Внешнеторговый оборот Волгоградской области за январь–сентябрь 2014 года превысил 4,13 млрд долларов США.", [
        _c("превысил 4,13 млрд долларов США", "turnover", None, Period(2014, 1, 9), "more_than", 4_130_000_000,
           step=1e7)]),
    ("Товарооборот с Беларусью вырос в 1,5 раза и составил около 520 млн долларов.", [
        _c("Товарооборот с Беларусью вырос в 1,5 раза и составил около 520 млн долларов", "turnover", "BY", None,
           "about", 520_000_000, step=1e6),
        _c("Товарооборот с Беларусью вырос в 1,5 раза", "turnover_growth", "BY", None, "exact", 0.5)]),
    ("Объём торговли с Китаем достиг $380 млн в 2022 году.", [
        _c("Объём торговли с Китаем достиг $380 млн", "turnover", "CN", Period(2022), "exact", 380_000_000,
           step=1e6)]),
    ("Товарооборот с Египтом составил 131 % к уровню 2021 года.", [
        _c("Товарооборот с Египтом составил 131 % к уровню", "turnover_growth", "EG", Period(2022), "exact",
           0.31)]),
    ("В прошлом году регион торговал со 114 странами.", [
        _c("114 странами", "partners_count", None, Period(2022), "exact", 114)]),
    ("С Арменией работают не более 40 фирм.", [
        _c("не более 40 фирм", "firms", "AM", None, "at_most", 40, "any")]),
    ("Экспорт в Индию в первом полугодии 2023 года составил 80 млн рублей.", []),   # roubles: not in the store
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_gives_exactly_its_claims(sentence: str, expected: list[Claim]) -> None:
    got = extract_claims(sentence, ref_date=MEETING)
    assert [(c.quote, c.metric, c.partner, c.period, c.qualifier, c.kind) for c in got] == \
        [(c.quote, c.metric, c.partner, c.period, c.qualifier, c.kind) for c in expected]
    for g, e in zip(got, expected, strict=True):
        assert g.value == pytest.approx(e.value)
        if e.step is not None:
            assert g.step == pytest.approx(e.step)


def test_at_least_fifteen_sentences() -> None:
    assert len(CASES) >= 15


def test_the_seed_figures_in_our_words() -> None:
    text = ("Сейчас Казахстан занимает 4-е место среди 114 внешнеторговых партнеров области, и обороты растут. "
            "Более 200 предприятий Волгоградской области ведут дела с казахстанскими компаниями.")
    got = [(c.metric, c.partner, c.period, c.qualifier, c.value) for c in extract_claims(text)]
    assert got == [("rank", "KZ", None, "exact", 4), ("partners_count", None, None, "exact", 114),
                   ("firms", "KZ", None, "more_than", 200)]


@pytest.mark.parametrize(("text", "period"), [
    ("за январь-сентябрь 2023 года", Period(2023, 1, 9)),
    ("в первом полугодии 2024 года", Period(2024, 1, 6)),
    ("за первый квартал 2021 года", Period(2021, 1, 3)),
    ("за три квартала 2022 года", Period(2022, 1, 9)),
    ("по итогам 2022 года", Period(2022)),
    ("вырос на 31% по сравнению с 2022 годом", Period(2023)),
    ("на сегодняшний день", None),
])
def test_periods(text: str, period: Period | None) -> None:
    found = periods.stated(text)
    assert (found.period if found else None) == period


def test_the_main_partner_is_used_when_the_sentence_names_none() -> None:
    text = "Товарооборот с Казахстаном растёт. Более 150 компаний работают с республикой."
    assert [(c.metric, c.partner) for c in extract_claims(text)] == [("firms", "KZ")]


@pytest.mark.parametrize(("words", "code"), [
    (["нута"], "0713"),                      # listed in the brackets of the heading's name
    (["сахара-сырца"], "1701"),              # a hyphenated name by its first part
    (["сахаре"], "1701"),                    # the dictionary's first parse is "сахара"; the index knows "сахар"
    (["подсолнечный", "шрот"], "2306"),      # an everyday name
    (["подсолнечного", "масла"], "1512"),
    (["держится", "на"], None),
])
def test_goods_named(words: list[str], code: str | None) -> None:
    assert goods.named(words) == code


def test_a_share_list_repeated_in_one_sentence_keeps_its_partners() -> None:
    """A run-on sentence naming a country with each of its figures: every figure keeps its partner."""
    unit = "на Египет и Турцию пришлось 20 % и 10 % экспорта соответственно, "
    got = extract_claims(unit * 300 + "и всё.")
    assert len(got) == 600
    assert [c.partner for c in got[:4]] == ["EG", "TR", "EG", "TR"] and {c.metric for c in got} == {"export_share"}


def test_the_currency_names_no_partner() -> None:
    # "долларов США" is the unit: a text naming no country speaks of the region's own totals
    got = extract_claims("Экспорт составил 3 млрд 412 млн долларов США, что на 6,8 % ниже уровня 2022 года.")
    assert [(c.metric, c.partner) for c in got] == [("exports", None), ("export_growth", None)]
    got = extract_claims("Товарооборот с США составил 12 млн долларов США.")
    assert [(c.metric, c.partner) for c in got] == [("turnover", "US")]
