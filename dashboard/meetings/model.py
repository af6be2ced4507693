"""A meeting with a partner: who, when, where, what was said, and what was agreed."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Literal

from dashboard.reference.regions import transliterate

Status = Literal["open", "done", "overdue"]


def in_lang(ru: str, en: str | None, lang: str) -> tuple[str, bool]:
    """A stored text in the reader's language: the English field on English pages when it is there, else the
    Russian one, with True when that Russian text stands in for a missing English one (empty texts need no mark)."""
    if lang != "en":
        return ru, False
    if en and en.strip():
        return en.strip(), False
    return ru, bool(ru.strip())


@dataclass
class Participant:
    name: str                      # nominative where it could be worked out: "Андрей Бочаров"
    role: str | None = None        # "глава Волгоградской области"
    side: str | None = None        # region | partner | other | None (unknown)
    name_en: str | None = None     # "Andrey Bocharov" on English pages; without it the name is transliterated
    role_en: str | None = None     # without it the Russian role is shown, marked

    def name_in(self, lang: str) -> str:
        """The name in the page's language: a person's name is written in Latin letters on English pages, as
        given (name_en) or transliterated letter by letter (the scheme region names follow)."""
        if lang != "en":
            return self.name
        if self.name_en and self.name_en.strip():
            return self.name_en.strip()
        return " ".join("-".join(transliterate(part).capitalize() for part in word.split("-"))
                        for word in self.name.split())

    def role_in(self, lang: str) -> tuple[str, bool]:
        return in_lang(self.role or "", self.role_en, lang)


@dataclass
class FollowUp:
    text: str
    owner: str | None = None
    due_on: dt.date | None = None
    done: bool = False
    followup_id: int | None = None  # set once stored
    text_en: str | None = None      # on English pages and slides; without it the Russian text is shown, marked
    owner_en: str | None = None

    def text_in(self, lang: str) -> tuple[str, bool]:
        """The text for a page in `lang`, and whether it is the Russian text standing in for a missing English one."""
        return in_lang(self.text, self.text_en, lang)

    def owner_in(self, lang: str) -> tuple[str, bool]:
        return in_lang(self.owner or "", self.owner_en, lang)

    def status_on(self, today: dt.date) -> Status:
        """done if marked done; overdue if its due date is before today; open otherwise."""
        if self.done:
            return "done"
        if self.due_on is not None and self.due_on < today:
            return "overdue"
        return "open"

    @property
    def status(self) -> Status:
        return self.status_on(dt.date.today())


@dataclass
class Meeting:
    held_on: dt.date | None
    title: str
    place: str | None = None
    partners: list[str] = field(default_factory=list)          # ISO alpha-2, main partner first
    participants: list[Participant] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    topics_en: list[str | None] = field(default_factory=list)   # by position in topics; a missing one: Russian
    summary_md: str = ""
    source: str | None = None       # link or file name
    full_text: str = ""             # the text whose figures are checked
    followups: list[FollowUp] = field(default_factory=list)
    meeting_id: int | None = None
    title_en: str | None = None     # the title on English pages and slides; without it the Russian title is shown
    summary_en: str | None = None   # Markdown, as summary_md
    place_en: str | None = None

    def title_in(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title

    def title_marked(self, lang: str) -> tuple[str, bool]:
        """The title and whether it is the Russian one on an English page (to be marked "in Russian")."""
        return in_lang(self.title, self.title_en, lang)

    def place_in(self, lang: str) -> tuple[str, bool]:
        return in_lang(self.place or "", self.place_en, lang)

    def summary_in(self, lang: str) -> tuple[str, bool]:
        return in_lang(self.summary_md, self.summary_en, lang)

    def topics_in(self, lang: str) -> list[tuple[str, bool]]:
        """Each topic in `lang`, and whether it is the Russian one standing in for a missing English one."""
        english = self.topics_en + [None] * (len(self.topics) - len(self.topics_en))
        return [in_lang(ru, en, lang) for ru, en in zip(self.topics, english, strict=False)]

    def open_followups(self, today: dt.date | None = None) -> list[FollowUp]:
        day = today or dt.date.today()
        return [f for f in self.followups if f.status_on(day) != "done"]

    def to_dict(self, today: dt.date | None = None) -> dict:
        """JSON-ready: dates as ISO strings, each follow-up with its status on `today`."""
        day = today or dt.date.today()
        d = asdict(self)
        d["held_on"] = self.held_on.isoformat() if self.held_on else None
        for f, fd in zip(self.followups, d["followups"], strict=True):
            fd["due_on"] = f.due_on.isoformat() if f.due_on else None
            fd["status"] = f.status_on(day)
        return d
