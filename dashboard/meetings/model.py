"""A meeting with a partner: who, when, where, what was said, and what was agreed."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Literal

Status = Literal["open", "done", "overdue"]


@dataclass
class Participant:
    name: str                      # nominative where it could be worked out: "Андрей Бочаров"
    role: str | None = None        # "глава Волгоградской области"
    side: str | None = None        # region | partner | other | None (unknown)


@dataclass
class FollowUp:
    text: str
    owner: str | None = None
    due_on: dt.date | None = None
    done: bool = False
    followup_id: int | None = None  # set once stored

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
    summary_md: str = ""
    source: str | None = None       # link or file name
    full_text: str = ""             # the text whose figures are checked
    followups: list[FollowUp] = field(default_factory=list)
    meeting_id: int | None = None
    title_en: str | None = None     # the title on English pages and slides; without it the Russian title is shown

    def title_in(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title

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
