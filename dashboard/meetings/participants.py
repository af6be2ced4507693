"""People named after their role in a press release, put in the nominative.

"встретился с Чрезвычайным и Полномочным Послом Республики Казахстан Ерманом Кошербаевым" gives
("Ерман Кошербаев", "Чрезвычайный и Полномочный Посол Республики Казахстан"). The role's head noun and the
adjectives before it go into the nominative with pymorphy3; what follows the head ("Республики Казахстан") is
its genitive complement and is kept as written; the name goes into the nominative with petrovich (names.py),
in the case the head noun is in.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pymorphy3.analyzer import Parse

from dashboard.meetings import countries, names
from dashboard.meetings.model import Participant
from dashboard.meetings.morphology import analyzer

HEADS = frozenset({
    "посол", "глава", "губернатор", "вице-губернатор", "министр", "замминистра", "заместитель", "председатель",
    "директор", "руководитель", "мэр", "консул", "генконсул", "президент", "премьер-министр", "аким", "депутат",
    "сенатор", "советник", "начальник", "атташе", "ректор", "уполномоченный", "вице-премьер", "представитель"})
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_MODIFIERS = frozenset({"ADJF", "PRTF"})
_WORD = re.compile(r"[А-ЯЁA-Zа-яёa-z][\w-]*|[,.;:!?()«»\"—–]")
_REGION = re.compile(r"волгоград|област|регион|губернатор", re.I)


@dataclass(frozen=True)
class _Head:
    nominative: str
    cases: tuple[str, ...]     # the cases the head's reading allows, most likely first (all, if it does not decline)
    gender: str | None


def _gender(p: Parse) -> str | None:
    """masc / femn / neut; None for a noun of either gender ("глава") or none."""
    return None if "ms-f" in p.tag or p.tag.gender is None else str(p.tag.gender)


@functools.lru_cache(maxsize=1 << 16)
def _head(word: str) -> _Head | None:
    parses = [p for p in analyzer().parse(word.lower()) if p.normal_form.replace("ё", "е") in HEADS]
    if not parses:
        return None
    p = parses[0]
    if "Fixd" in p.tag:
        return _Head(word.lower(), _CASES, _gender(p))
    nom = p.inflect({"nomn"})
    cases = tuple(dict.fromkeys(q.tag.case for q in parses if q.tag.case))
    return _Head(nom.word if nom else p.normal_form, cases, _gender(p))


@functools.lru_cache(maxsize=1 << 16)
def _modifier_nominative(word: str, head: _Head) -> str | None:
    """An adjective or participle agreeing with the head, in the nominative (None: the word is not one)."""
    for p in analyzer().parse(word.lower()):
        if p.tag.POS in _MODIFIERS and p.tag.case in head.cases and "plur" not in p.tag \
                and head.gender in (None, _gender(p)):
            nom = p.inflect({"nomn"})
            return nom.word if nom else None
    return None


@functools.lru_cache(maxsize=1 << 12)
def _preposition(word: str) -> bool:
    return "PREP" in analyzer().parse(word)[0].tag


def _as_written(form: str, word: str) -> str:
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


@functools.lru_cache(maxsize=1 << 16)
def _name_part(word: str) -> bool:
    """A capitalised word that may be part of a person's name: the dictionary knows it as a first name,
    patronymic or surname, or does not know it at all (foreign names); never a place."""
    if not word[:1].isupper() or not word.replace("-", "").isalpha():
        return False
    parses = analyzer().parse(word)
    if parses[0].is_known and "Geox" in parses[0].tag:
        return False
    return not parses[0].is_known or any(names.NAME_TAGS & set(p.tag.grammemes) for p in parses)


@functools.lru_cache(maxsize=1 << 16)
def _first_name(word: str) -> bool:
    """The dictionary knows the word as a first name (the surname after it may be any word: "Мехмет Самсара")."""
    return any("Name" in p.tag for p in analyzer().parse(word))


@functools.lru_cache(maxsize=1 << 16)
def _patronymic(word: str) -> bool:
    return any("Patr" in p.tag for p in analyzer().parse(word))


def _name_span(words: list[str]) -> tuple[int, int] | None:
    """Where the name is among the words after the head: the first block of capitalised words whose last two
    (three, with a patronymic in the middle) may be a name; (start, end) indices."""
    i = 0
    while i < len(words):
        if not words[i][:1].isupper():
            i += 1
            continue
        j = i
        while j < len(words) and words[j][:1].isupper():
            j += 1
        if j - i >= 2 and (_name_part(words[j - 1]) or _first_name(words[j - 2])) and _name_part(words[j - 2]) \
                and not countries.find(f"{words[j - 2]} {words[j - 1]}"):
            if j - i >= 3 and _patronymic(words[j - 2]) and _name_part(words[j - 3]):
                return j - 3, j
            return j - 2, j
        i = j
    return None


def _side(role: str, partners: list[str]) -> str | None:
    if any(iso2 in partners for iso2, _, _ in countries.find(role)):
        return "partner"
    if _REGION.search(role):
        return "region"
    return None


def find_participants(text: str, partners: list[str] | None = None) -> list[Participant]:
    """People named after a role: "глава Волгоградской области Андрей Бочаров", "с Чрезвычайным и Полномочным
    Послом Республики Казахстан Ермеком Кошербаевым"; each once, with the longest role the text gives."""
    partners = partners if partners is not None else countries.partners_in(text)
    toks = [m.group(0) for m in _WORD.finditer(text)]
    seen = frozenset(toks)
    found: dict[str, str] = {}
    named: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = {}     # a name repeated is worked out once
    done_to = 0     # a head inside the role of the one before ("заместителем председателя") is not another person
    for i, w in enumerate(toks):
        head = _head(w) if i >= done_to and w.replace("-", "").isalpha() else None
        if head is None:
            continue
        role = [_as_written(head.nominative, w)]
        k = i - 1
        while k >= done_to:
            mod = "и" if toks[k] == "и" else _modifier_nominative(toks[k], head)
            if mod is None:
                break
            role.insert(0, _as_written(mod, toks[k]))
            k -= 1
        while role[0] == "и":
            role.pop(0)
        if i + 1 < len(toks) and _preposition(toks[i + 1]):
            continue        # "во главе с Послом ...": the head of an idiom, not a role
        after = []
        for t in toks[i + 1:i + 10]:
            if not t.replace("-", "").isalpha():
                break
            after.append(t)
        span = _name_span(after)
        if span is None:
            continue
        done_to = i + 1 + span[1]
        parts = tuple(after[span[0]:span[1]])
        if (parts, head.cases) not in named:
            named[parts, head.cases] = names.nominative(list(parts), head.cases, seen)
        name = named[parts, head.cases]
        role_text = " ".join(role + after[:span[0]])
        if len(role_text) > len(found.get(name, "")):
            found[name] = role_text
    return [Participant(name, role, _side(role, partners)) for name, role in found.items()]
