"""Propose a meeting record from a Russian press-release text: date, title, place, partners, participants
with roles, topics and agreed follow-ups. A proposal is only a draft: the user confirms or edits it."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dashboard.i18n.message import Msg, msg
from dashboard.meetings import countries
from dashboard.meetings.claims import Claim, extract_claims, sentences
from dashboard.meetings.model import FollowUp, Meeting
from dashboard.meetings.participants import find_participants

MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря"]
_DATE_WORDS = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<m>{'|'.join(MONTHS_GEN)})"
                         r"(?:\s+(?P<y>(?:19|20)\d{2})(?:\s*(?:года|г\.))?)?", re.I)
_DATE_DOTS = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?!\.?\d)")
_TODAY = re.compile(r"(?:сегодня|вчера)\s*,?\s*$", re.I)


@dataclass
class DateFound:
    day: int
    month: int
    year: int | None       # None: the text does not say it
    quote: str


def find_date(text: str, year: int | None = None) -> tuple[dt.date | None, list[Msg]]:
    """The meeting date and notes. "Сегодня, 3 февраля" wins over other dates; a date without a year takes it
    from `year`, else from another full date in the text (a dateline); else it is returned as None with a note
    asking for the year."""
    found: list[tuple[int, DateFound]] = []
    for m in _DATE_WORDS.finditer(text):
        y = int(m.group("y")) if m.group("y") else None
        prio = 0 if _TODAY.search(text[max(0, m.start() - 20):m.start()]) else 1
        found.append((prio, DateFound(int(m.group("d")), MONTHS_GEN.index(m.group("m").lower()) + 1, y,
                                      m.group(0))))
    for m in _DATE_DOTS.finditer(text):
        found.append((2, DateFound(int(m.group("d")), int(m.group("m")), int(m.group("y")), m.group(0))))
    if not found:
        return None, [msg("meetings.note.no_date")]
    found.sort(key=lambda x: x[0])
    best = found[0][1]
    notes: list[Msg] = []
    y = best.year or year
    if y is None:
        others = [f.year for _, f in found if f.year is not None]
        if others:
            y = others[0]
            notes.append(msg("meetings.note.year_from_text", quote=best.quote, year=y))
    if y is None:
        return None, [msg("meetings.note.no_year", quote=best.quote)]
    try:
        return dt.date(y, best.month, best.day), notes
    except ValueError:
        return None, [msg("meetings.note.no_such_date", quote=best.quote, year=y)]


# --- topics, follow-ups, title, place ----------------------------------------------------------------------
TOPICS: tuple[tuple[str, str], ...] = (
    ("промышленная кооперация", r"промышленн\w+\s+коопераци|кооперац"),
    ("торговля", r"товарооборот|торгов\w+\s+(?:связ|отношен)|внешнеторгов"),
    ("сельское хозяйство", r"аграрн|сельск\w+\s+хозяйств|агропромышлен|АПК"),
    ("культурный обмен", r"культурн\w+\s+обмен|культур"),
    ("историческая память", r"памят|битв|Великой Отечественной"),
    ("образование и наука", r"образован|университет|студент|научн"),
    ("транспорт и логистика", r"логисти|транспорт"),
    ("энергетика", r"энергетик|нефт|газов"),
    ("инвестиции", r"инвестиц"),
    ("туризм", r"туризм|туристическ"),
)
_AGREED = re.compile(r"договорил\w*|условил\w*|договор[её]нност\w*|достигнут\w*\s+соглашени\w*|решено|"
                     r"намечен\w*|поручил\w*|необходимо\s+продолжить", re.I)
_LEAD_IN = re.compile(r"^.*?(?:договорились|условились|достигнута\s+договор[её]нность|решено|поручил\w*)"
                      r"\s*(?:о\s+том\s*,?\s*)?(?:что\s+|о\s+)?", re.I)


def find_topics(text: str) -> list[str]:
    return [name for name, rx in TOPICS if re.search(rx, text, re.I)]


def find_followups(text: str, held_on: dt.date | None = None) -> list[FollowUp]:
    """Sentences stating what was agreed; owner and due date are left for the user unless the text says
    "до конца года" (31 December of the meeting year)."""
    out = []
    for s in sentences(text):
        if not _AGREED.search(s):
            continue
        body = _LEAD_IN.sub("", s).strip(" -—–\"«»").rstrip(".")
        body = re.sub(r"^(?:Необходимо\s+продолжить)", "Продолжить", body)
        body = re.sub(r",?\s*[-—–]?\s*(?:говорит|сказал\w*|отметил\w*|заявил\w*|подчеркнул\w*|"
                      r"прокомментировал\w*)\s+[А-ЯЁ][\w ]*$", "", body)
        if len(body) < 10:
            continue
        due = dt.date(held_on.year, 12, 31) if held_on and re.search(r"до\s+конца\s+(?:этого\s+|текущего\s+)?года",
                                                                    s, re.I) else None
        out.append(FollowUp(body[0].upper() + body[1:], None, due))
    return out


_PLACES = {"Волгоградской области": "Волгоградская область", "Волгограде": "Волгоград", "Москве": "Москва",
           "Астане": "Астана", "Алматы": "Алматы", "Минске": "Минск", "Ташкенте": "Ташкент", "Баку": "Баку",
           "Ереване": "Ереван", "Бишкеке": "Бишкек", "Пекине": "Пекин", "Анкаре": "Анкара",
           "Стамбуле": "Стамбул", "Каире": "Каир", "Душанбе": "Душанбе", "Тегеране": "Тегеран"}
_PLACE = re.compile(rf"\b[вВ]о?\s+({'|'.join(_PLACES)})\b")


def find_title(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 200 else line[:197].rsplit(" ", 1)[0] + "…"
    return ""


def find_place(text: str) -> str | None:
    head = "\n".join(sentences(text)[:3])
    m = _PLACE.search(head)
    return _PLACES[m.group(1)] if m else None


@dataclass
class Proposal:
    """What the app proposes from a text, before the user confirms it."""
    meeting: Meeting
    claims: list[Claim] = field(default_factory=list)
    notes: list[Msg] = field(default_factory=list)   # what the user must check or supply

    @property
    def complete(self) -> bool:
        return self.meeting.held_on is not None and bool(self.meeting.title)


def propose(text: str, year: int | None = None, source: str | None = None) -> Proposal:
    held_on, notes = find_date(text, year)
    partners = countries.partners_in(text)
    if not partners:
        notes.append(msg("meetings.note.no_partner"))
    meeting = Meeting(
        held_on=held_on, title=find_title(text), place=find_place(text), partners=partners,
        participants=find_participants(text, partners), topics=find_topics(text), summary_md=text.strip(),
        source=source, full_text=text, followups=find_followups(text, held_on))
    claims = extract_claims(text, partners[0] if partners else None, held_on)
    return Proposal(meeting, claims, notes)
