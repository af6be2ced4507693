"""Propose a meeting record from a Russian press-release text: date, title, place, partners, participants
with roles, topics and agreed follow-ups. A proposal is only a draft: the user confirms or edits it."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dashboard.meetings import countries
from dashboard.meetings.claims import Claim, extract_claims, sentences
from dashboard.meetings.model import FollowUp, Meeting, Participant
from dashboard.meetings.notes import Note

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


def find_date(text: str, year: int | None = None) -> tuple[dt.date | None, list[Note]]:
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
        return None, [Note.of("meetings.note.no_date")]
    found.sort(key=lambda x: x[0])
    best = found[0][1]
    notes: list[Note] = []
    y = best.year or year
    if y is None:
        others = [f.year for _, f in found if f.year is not None]
        if others:
            y = others[0]
            notes.append(Note.of("meetings.note.year_from_text", quote=best.quote, year=y))
    if y is None:
        return None, [Note.of("meetings.note.no_year", quote=best.quote)]
    try:
        return dt.date(y, best.month, best.day), notes
    except ValueError:
        return None, [Note.of("meetings.note.no_such_date", quote=best.quote, year=y)]


# --- participants ------------------------------------------------------------------------------------------
_HEADS = ("посол", "глава", "губернатор", "вице-губернатор", "министр", "замминистра", "заместитель",
          "председатель", "директор", "руководитель", "мэр", "консул", "генконсул", "президент",
          "премьер-министр", "аким", "депутат", "сенатор", "советник", "начальник", "атташе", "ректор",
          "уполномоченный")


def _head_forms() -> dict[str, str]:
    forms: dict[str, str] = {"посол": "посол", "посла": "посол", "послу": "посол", "послом": "посол",
                             "атташе": "атташе", "замминистра": "замминистра"}
    for h in _HEADS:
        if h in forms or h == "уполномоченный":
            continue
        if h.endswith("ь"):
            ends, stem = ("ь", "я", "ю", "ем", "ей"), h[:-1]
        elif h.endswith("а"):
            ends, stem = ("а", "ы", "е", "у", "ой"), h[:-1]
        else:
            ends, stem = ("", "а", "у", "ом", "ы"), h
        forms.update({stem + e: h for e in ends})
    return forms


_HEAD_FORMS = _head_forms()
_WORD = re.compile(r"[А-ЯЁA-Zа-яёa-z][\w-]*|[,.;:!?()«»\"—–]")
_ADJ = re.compile(r"^[А-ЯЁа-яё-]+(?:ым|ый|ий|им|ого|ому|ой|ая|ое)$")
_NOT_NAME = re.compile(r"^(?:Республик|Федераци|Област|Край|Город|Министерств|Посольств|Правительств|"
                       r"Волгоград|Росси|Казахстан[ас]?$)", re.I)


def _adj_nominative(w: str) -> str:
    for end in ("ым", "ого", "ому", "ом"):
        if w.endswith(end) and len(w) > len(end) + 2:
            stem = w[: -len(end)]
            return stem + ("ий" if stem[-1] in "кгхжшщч" else "ый")
    return w


def _role_nominative(words: list[str], head_at: int) -> str:
    out = []
    for i, w in enumerate(words):
        if i < head_at and _ADJ.match(w):
            out.append(_adj_nominative(w))
        elif i == head_at:
            nom = _HEAD_FORMS[w.lower()]
            out.append(nom[0].upper() + nom[1:] if w[0].isupper() else nom)
        else:
            out.append(w)
    return " ".join(out)


def _first_nominative(w: str) -> str:
    if w.endswith(("ом",)) and len(w) > 4:
        return w[:-2]
    if w.endswith("ем") and len(w) > 4:
        return w[:-2] + ("й" if w[-3] in "аеиоуэюя" else "ь")
    if w.endswith(("ея", "ею", "ии", "ию")):
        return w[:-1] + ("й" if w.endswith(("ея", "ею")) else "я")
    if w.endswith("ой") and len(w) > 4:
        return w[:-2] + "а"
    return w


def _last_nominative(w: str) -> str:
    for end, repl in (("ским", "ский"), ("цким", "цкий"), ("ского", "ский"), ("скому", "ский")):
        if w.endswith(end):
            return w[: -len(end)] + repl
    if re.search(r"(?:ов|ев|ин|ын)(?:ым|у)$", w):
        return re.sub(r"(?:ым|у)$", "", w)
    if re.search(r"(?:ов|ев|ин|ын)ой$", w):
        return w[:-2] + "а"
    return w


def nominative(first: str, last: str, forms: list[tuple[str, str]]) -> str:
    """The name in the nominative: the shortest form seen in the text (Бочаров over Бочарова), then suffix
    rules for the instrumental, dative and masculine genitive (Ермеком Кошербаевым -> Ермек Кошербаев)."""
    f, la = min(forms, key=lambda x: (len(x[1]), len(x[0])))
    if f.endswith(("ея",)) and re.search(r"(?:ов|ев|ин|ын)а$", la):    # Андрея Бочарова
        return f"{f[:-1]}й {la[:-1]}"
    last = _last_nominative(la)
    if last == la and re.search(r"[^аеиоуыэюяй](?:ом|ем)$", f) and re.search(r"[^аеиоуыэюяй]ом$", la):
        last = la[:-2]                                                   # Ильдаром Гюльшеном
    return f"{_first_nominative(f)} {last}"


def _side(role: str, partners: list[str]) -> str | None:
    if any(iso2 in partners for iso2, _, _ in countries.find(role)):
        return "partner"
    if re.search(r"волгоград|област|регион|губернатор", role, re.I):
        return "region"
    return None


def find_participants(text: str, partners: list[str] | None = None) -> list[Participant]:
    """People named after a role: "глава Волгоградской области Андрей Бочаров", "с Чрезвычайным и Полномочным
    Послом Республики Казахстан Ермеком Кошербаевым"."""
    partners = partners if partners is not None else countries.partners_in(text)
    toks = [(m.group(0), m.start()) for m in _WORD.finditer(text)]
    found: dict[tuple[str, str], dict] = {}
    all_pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for i in range(len(toks) - 1):
        a, b = toks[i][0], toks[i + 1][0]
        if a[:1].isupper() and b[:1].isupper() and a.isalpha() and b.replace("-", "").isalpha():
            all_pairs.setdefault((a[:3].lower(), b[:4].lower()), []).append((a, b))
    for i, (w, _) in enumerate(toks):
        if w.lower() not in _HEAD_FORMS:
            continue
        start = i
        while start > 0 and (_ADJ.match(toks[start - 1][0]) or toks[start - 1][0] == "и"):
            start -= 1
        while toks[start][0] == "и":
            start += 1
        j, stop = i + 1, min(len(toks), i + 10)
        while j < stop and toks[j][0].isalpha() or (j < stop and "-" in toks[j][0]):
            j += 1
        run_end = j   # tokens i+1..run_end-1 are words; the name is the last two capitalised words of a run
        name_at = None
        k = i + 1
        while k < run_end - 1:
            if toks[k][0][:1].isupper() and toks[k + 1][0][:1].isupper() and \
                    (k + 2 >= run_end or not toks[k + 2][0][:1].isupper()) and \
                    not _NOT_NAME.match(toks[k][0]) and not countries.find(toks[k][0] + " " + toks[k + 1][0]):
                name_at = k
                break
            k += 1
        if name_at is None:
            continue
        a, b = toks[name_at][0], toks[name_at + 1][0]
        key = (a[:3].lower(), b[:4].lower())
        role_words = [t for t, _ in toks[start:name_at]]
        role = _role_nominative(role_words, i - start)
        prev = found.get(key)
        if prev is None or len(role) > len(prev["role"] or ""):
            found[key] = {"role": role, "order": prev["order"] if prev else toks[i][1]}
    people = []
    for key, info in sorted(found.items(), key=lambda kv: kv[1]["order"]):
        name = nominative(*all_pairs[key][0], all_pairs[key])
        people.append(Participant(name, info["role"], _side(info["role"], partners)))
    return people


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
    notes: list[Note] = field(default_factory=list)   # what the user must check or supply

    @property
    def complete(self) -> bool:
        return self.meeting.held_on is not None and bool(self.meeting.title)


def propose(text: str, year: int | None = None, source: str | None = None) -> Proposal:
    held_on, notes = find_date(text, year)
    partners = countries.partners_in(text)
    if not partners:
        notes.append(Note.of("meetings.note.no_partner"))
    meeting = Meeting(
        held_on=held_on, title=find_title(text), place=find_place(text), partners=partners,
        participants=find_participants(text, partners), topics=find_topics(text), summary_md=text.strip(),
        source=source, full_text=text, followups=find_followups(text, held_on))
    claims = extract_claims(text, partners[0] if partners else None, held_on)
    return Proposal(meeting, claims, notes)
