"""A briefing memo's abbreviations are written out before its figures are read, and nothing else is touched."""
import datetime as dt

from dashboard.meetings.abbreviations import written_out
from dashboard.meetings.claims import extract_claims


def test_memo_abbreviations_written_out():
    got = written_out("Т/о Волгоградской обл. с Турцией за янв.–июль 2023 г.; в т/о обл.; св. 30 фирм; ок. 12 млн т; "
                      "I пол. 2025 г.; II пол.; за дек. 2024 г.")
    assert got == ("Товарооборот Волгоградской области с Турцией за январь–июль 2023 г.; в товарооборот области; свыше 30 "
                   "фирм; около 12 млн т; I полугодие 2025 г.; II полугодие; за декабрь 2024 г.")


def test_words_that_only_look_like_abbreviations_stay():
    text = "Обл. дума, сен. Иванов, св. Николай, ок. — нет, пол. этажа, т/ос, 12 млн долл., 9 мес. 2024 г."
    assert written_out(text) == text


def test_memo_figures_read_with_their_period_and_qualifier():
    claims = extract_claims("Т/о обл. с Грузией за янв.–июль 2024 г. — св. 23 млн долл.", "GE", dt.date(2024, 9, 2))
    assert [(c.metric, c.partner, c.period.code(), c.qualifier, c.value) for c in claims] == \
        [("turnover", "GE", "2024-01..2024-07", "more_than", 23_000_000)]
