"""Participants and topics of a meeting in English: read from the front matter, stored, read back (an older version
without the columns included), shown on English pages; a front matter of the wrong shape refused at its line."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from dashboard.meetings.document import DocumentError, from_document, read_path
from dashboard.meetings.model import Meeting, Participant
from dashboard.meetings.store_io import list_meetings, save_meeting
from dashboard.store import versions
from dashboard.store.db import Store

DEFAULT = Path(__file__).resolve().parents[2] / "data" / "meetings" / "2023-02-03-kazakhstan.md"

FRONT = """+++
date = 2024-05-01
title = "Встреча с консулом Турции"
partners = ["TR"]
topics = ["логистика", "торговля", "туризм"]
topics_en = ["logistics", "", "tourism"]

[[participants]]
name = "Иван Петров"
role = "консул"
side = "partner"
role_en = "Consul"

[[participants]]
name = "Мария Сидорова"
name_en = "Maria Sidorova"
+++
Обсудили логистику.
"""


def test_the_front_matter_gives_names_roles_and_topics_in_english() -> None:
    m = from_document(FRONT).meeting
    petrov, sidorova = m.participants
    assert (petrov.name_en, petrov.role_en, sidorova.name_en, sidorova.role_en) == (None, "Consul", "Maria Sidorova",
                                                                                    None)
    assert m.topics == ["логистика", "торговля", "туризм"] and m.topics_en == ["logistics", None, "tourism"]
    # English pages: the English text where given, else the Russian one marked as such; names always in Latin
    assert m.topics_in("en") == [("logistics", False), ("торговля", True), ("tourism", False)]
    assert m.topics_in("ru") == [("логистика", False), ("торговля", False), ("туризм", False)]
    assert [p.name_in("en") for p in m.participants] == ["Ivan Petrov", "Maria Sidorova"]
    assert [p.name_in("ru") for p in m.participants] == ["Иван Петров", "Мария Сидорова"]
    assert petrov.role_in("en") == ("Consul", False) and sidorova.role_in("en") == ("", False)


def test_the_bundled_meeting_has_its_people_and_topics_in_english() -> None:
    m = from_document(read_path(DEFAULT)).meeting
    assert [p.name_in("en") for p in m.participants] == ["Andrey Bocharov", "Yermek Kosherbayev"]
    assert all(p.role_en for p in m.participants)
    assert len(m.topics_en) == len(m.topics) and all(m.topics_en)


def test_a_transliterated_name_keeps_its_hyphens_and_capitals() -> None:
    assert Participant("Анна-Мария Щукина-Юдина").name_in("en") == "Anna-Mariya Shchukina-Yudina"


@pytest.mark.parametrize(("front", "key", "line"), [
    ("participants = ['Иван Петров']", "not_tables", 3),
    ("[[participants]]\nname = 'a'\n[[participants]]\nrole = 'консул'", "missing_key", 5),
    ("[[followups]]\nowner = 'комитет'", "missing_key", 3),
    ("topics = 'торговля'", "not_list", 3),
    ("topics = ['торговля']\ntopics_en = ['trade', 'tourism']", "topics_en", 4),
])
def test_a_front_matter_of_the_wrong_shape_is_refused_at_its_line(front: str, key: str, line: int) -> None:
    with pytest.raises(DocumentError) as refused:
        from_document(f"+++\ndate = 2024-05-01\n{front}\n+++\nтекст")
    assert refused.value.message.key == f"meetings.error.{key}"
    assert refused.value.message.params["line"] == line


def test_english_people_and_topics_are_stored_and_an_older_version_still_reads(fresh_db: Path) -> None:
    m = from_document(FRONT).meeting
    save_meeting(fresh_db, m)
    store = Store(fresh_db)
    (got,) = list_meetings(store, "TR")
    assert got.participants == m.participants and got.topics_en == ["logistics", None, "tourism"]
    store.close()
    # a version published before the columns existed (a rollback may serve one): Latin names, Russian topics
    path = versions.current(fresh_db)
    assert path is not None
    con = duckdb.connect(str(path))
    for table, column in (("meeting_participants", "name_en"), ("meeting_participants", "role_en"),
                          ("meeting_topics", "topic_en")):
        con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    con.close()
    store = Store(fresh_db)
    (old,) = list_meetings(store, "TR")
    assert [p.name_in("en") for p in old.participants] == ["Ivan Petrov", "Mariya Sidorova"]
    assert old.topics_in("en") == [("логистика", True), ("торговля", True), ("туризм", True)]
    store.close()


def test_a_meeting_typed_in_the_app_without_english_fields_saves(fresh_db: Path) -> None:
    save_meeting(fresh_db, Meeting(dt.date(2024, 6, 1), "Встреча", partners=["TR"], topics=["торговля"],
                                   participants=[Participant("Иван Петров")]))
    store = Store(fresh_db)
    (got,) = list_meetings(store, "TR")
    assert got.topics_en == [None] and got.participants[0].name_en is None
    store.close()
