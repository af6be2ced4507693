"""Proposing a meeting from a Russian text: date, partners, participants, topics, follow-ups; documents."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from dashboard.meetings import countries
from dashboard.meetings.document import DocumentError, from_document, read_text, split_front_matter
from dashboard.meetings.extract import find_date, find_participants, propose
from dashboard.meetings.model import FollowUp

# The shape of the seed press release, in our own words (the project never reads ../shared).
LEAD = ("Сегодня, 3 февраля, губернатор Волгоградской области Андрей Бочаров провёл переговоры с Чрезвычайным и "
        "Полномочным Послом Республики Казахстан Ермеком Кошербаевым; говорили о промышленной кооперации, "
        "культурном обмене и "
        "сельском хозяйстве. Мы договорились о том, что в ближайшее время состоятся встречи министерств "
        "Казахстана с волгоградскими предпринимателями. Казахстан занимает 4-е место среди 114 "
        "внешнеторговых партнеров области; более 200 предприятий региона работают с казахстанскими фирмами.")


@pytest.mark.parametrize(("text", "year", "date"), [
    ("Сегодня, 3 февраля, глава региона провёл встречу.", 2023, dt.date(2023, 2, 3)),
    ("Встреча состоялась 12 марта 2024 года в Минске.", None, dt.date(2024, 3, 12)),
    ("05.04.2023. Сегодня, 3 апреля, прошла встреча.", None, dt.date(2023, 4, 3)),   # year from the dateline
    ("Планы на 1 мая обсудили сегодня, 28 апреля 2022 г.", None, dt.date(2022, 4, 28)),
])
def test_dates(text: str, year: int | None, date: dt.date) -> None:
    assert find_date(text, year)[0] == date


def test_a_date_without_a_year_asks_for_it() -> None:
    day, notes = find_date("Сегодня, 3 февраля, состоялась встреча.")
    assert day is None and notes[0].key == "meetings.note.no_year" and notes[0].params == {"quote": "3 февраля"}


@pytest.mark.parametrize(("text", "iso2"), [
    ("с Казахстаном", "KZ"), ("Республики Казахстан", "KZ"), ("с Беларусью", "BY"), ("из Китая", "CN"),
    ("в Египте", "EG"), ("с Турцией", "TR"), ("Кыргызстаном", "KG"), ("с Узбекистаном", "UZ"),
])
def test_country_declensions(text: str, iso2: str) -> None:
    assert [c for c, _, _ in countries.find(text)] == [iso2]


def test_no_country_in_ordinary_words() -> None:
    assert countries.find("Того же мнения придерживается Россия.") == []


def test_participants_in_the_nominative_with_roles() -> None:
    people = find_participants(LEAD)
    assert [(p.name, p.role, p.side) for p in people] == [
        ("Андрей Бочаров", "губернатор Волгоградской области", "region"),
        ("Ермек Кошербаев", "Чрезвычайный и Полномочный Посол Республики Казахстан", "partner")]
    (p,) = find_participants("Встреча с министром торговли Республики Беларусь Алексеем Богдановым.")
    assert (p.name, p.role) == ("Алексей Богданов", "министр торговли Республики Беларусь")


def test_proposal_from_a_text_shaped_like_the_seed() -> None:
    p = propose(LEAD, year=2023)
    m = p.meeting
    assert m.held_on == dt.date(2023, 2, 3) and m.partners == ["KZ"]
    assert any(f.text.startswith("В ближайшее время состоятся встречи министерств Казахстана") for f in m.followups)
    assert {"промышленная кооперация", "культурный обмен", "сельское хозяйство"} <= set(m.topics)
    assert [c.metric for c in p.claims] == ["rank", "partners_count", "firms"]


def test_followup_status() -> None:
    today = dt.date(2024, 1, 10)
    assert FollowUp("a", due_on=dt.date(2024, 1, 9)).status_on(today) == "overdue"
    assert FollowUp("a", due_on=dt.date(2024, 1, 10)).status_on(today) == "open"
    assert FollowUp("a").status_on(today) == "open"
    assert FollowUp("a", due_on=dt.date(2020, 1, 1), done=True).status_on(today) == "done"


def test_front_matter_of_the_default_file() -> None:
    path = Path(__file__).resolve().parents[2] / "data" / "meetings" / "2023-02-03-kazakhstan.md"
    text = path.read_text(encoding="utf-8")
    m = from_document(text).meeting
    assert m.held_on == dt.date(2023, 2, 3) and m.partners == ["KZ"] and len(m.followups) == 4
    assert m.source and m.source.startswith("https://gorvesti.ru/")
    assert all(f.owner and f.due_on for f in m.followups)
    assert m.title_en and m.title_en.startswith("Governor")
    assert m.title_in("en") == m.title_en and m.title_in("ru") == m.title
    untitled = from_document(text.replace(f'title_en = "{m.title_en}"\n', "")).meeting
    assert untitled.title_en is None and untitled.title_in("en") == m.title  # no English title: the Russian one


def test_bad_front_matter() -> None:
    with pytest.raises(DocumentError):
        split_front_matter("+++\ndate = \n+++\ntext")
    with pytest.raises(DocumentError):
        split_front_matter("+++\ntitle = 'x'\n")


def test_reading_txt_md_docx() -> None:
    assert read_text("a.txt", "Сегодня, 3 февраля".encode("cp1251")) == "Сегодня, 3 февраля"
    assert read_text("a.md", "\ufeffтекст".encode()) == "текст"
    import docx
    d = docx.Document()
    d.add_paragraph("Сегодня, 3 февраля, встреча с Казахстаном.")
    buf = io.BytesIO()
    d.save(buf)
    assert "встреча с Казахстаном" in read_text("a.docx", buf.getvalue())
    with pytest.raises(DocumentError):
        read_text("a.pdf", b"%PDF")
