"""People's names in the nominative, with petrovich.

petrovich declines a name from the nominative into another case. A press release gives the name in an oblique
case ("с Ерманом Кошербаевым"), so its rules are read backwards: every nominative a rule could have come from
is a candidate, and a candidate stands only if petrovich, declining it forward, gives back the word of the text.
pymorphy3's dictionary of first names, patronymics and surnames adds its own nominatives and says which reading
(gender, case) is likely; the case comes from the role's head noun before the name.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable

from petrovich.enums import Case, Gender
from petrovich.main import Petrovich

from dashboard.meetings.morphology import analyzer

# pymorphy3's case grammemes -> petrovich's cases (the nominative is the name as written)
CASES: dict[str, int] = {"gent": Case.GENITIVE, "datv": Case.DATIVE, "accs": Case.ACCUSATIVE,
                         "ablt": Case.INSTRUMENTAL, "loct": Case.PREPOSITIONAL}
_KINDS_2 = ("firstname", "lastname")
_KINDS_3 = ("firstname", "middlename", "lastname")
_TAG = {"firstname": "Name", "middlename": "Patr", "lastname": "Surn"}
_GENDER_TAG = {Gender.MALE: "masc", Gender.FEMALE: "femn"}
NAME_TAGS = frozenset(_TAG.values())


@functools.cache
def _petrovich() -> Petrovich:
    return Petrovich()


def decline(word: str, kind: str, case: int, gender: str) -> str:
    """petrovich's form of a nominative `word`; the gender's own rules, then the rules of either gender (this
    port skips the common rules when a gender is given: "Никита" would not decline as a man's name)."""
    fn = getattr(_petrovich(), kind)
    out = fn(word, case, gender)
    return out if out != word else fn(word, case, Gender.ANDRGN)


@functools.cache
def nominatives(word: str, kind: str, case: int, gender: str) -> frozenset[str]:
    """Every nominative that petrovich declines into `word` in `case` for `gender` (the word itself included
    when it does not decline)."""
    rules = _petrovich().data[kind]
    lower = word.lower()
    found = {word}
    for exceptional, group in ((True, rules.get("exceptions", [])), (False, rules["suffixes"])):
        for rule in group:
            mod = rule["mods"][case]
            if rule["gender"] not in (gender, Gender.ANDRGN) or mod == ".":
                continue
            cut, add = mod.count("-"), mod.replace("-", "")
            if not lower.endswith(add):
                continue
            stem = word[:len(word) - len(add)]
            for test in rule["test"]:
                if exceptional:
                    found.add(word[:1] + test[1:] if test[:1] == lower[:1] else test.capitalize())
                elif cut <= len(test) and (stem + test[len(test) - cut:]).lower().endswith(test):
                    found.add(stem + test[len(test) - cut:])
    return frozenset(c for c in found if decline(c, kind, case, gender) == word)


@functools.lru_cache(maxsize=1 << 14)
def _dictionary(word: str, kind: str, case: str, gender: str) -> tuple[int, frozenset[str]]:
    """How far pymorphy3 knows the word as a name in this case and gender (2: this kind of name, 1: another
    kind, 0: not at all), and the nominatives it gives for those readings."""
    best, forms = 0, set[str]()
    for p in analyzer().parse(word):
        if p.tag.case == case and {_GENDER_TAG[gender], "ms-f"} & set(p.tag.grammemes) \
                and NAME_TAGS & set(p.tag.grammemes):
            best = max(best, 2 if _TAG[kind] in p.tag else 1)
            nom = p.inflect({"nomn", "sing"})          # keeps the gender: Ивановой -> иванова, not иванов
            if nom is not None:
                forms.add(word[:1] + nom.word[1:] if nom.word[:1] == word[:1].lower() else nom.word.capitalize())
    return best, frozenset(forms)


def _worth(word: str, forms: frozenset[str], confirmed: set[str], seen: frozenset[str], cand: str) -> int:
    return 2 * (cand in forms) + (cand in confirmed) + 2 * (cand != word and cand in seen) + (cand != word)


def nominative(parts: list[str], cases: Iterable[str], seen: frozenset[str] = frozenset()) -> str:
    """The name in the nominative: `parts` as written (first and last name, or first, middle and last), `cases`
    the cases the words around it allow (pymorphy3 grammemes, most likely first), `seen` the other words of the
    text (a nominative that the text also writes counts for a reading). A nominative petrovich confirms, that
    the dictionary gives too, or that the text writes elsewhere, wins over one it only could be."""
    kinds = _KINDS_3 if len(parts) == 3 else _KINDS_2
    best: tuple[int, list[str]] | None = None
    for case in dict.fromkeys([*cases, "nomn"]):
        for gender in (Gender.MALE, Gender.FEMALE):
            reading, score = [], 0
            for word, kind in zip(parts, kinds, strict=True):
                known, forms = _dictionary(word, kind, case, gender)
                confirmed = {word} if case == "nomn" else set(nominatives(word, kind, CASES[case], gender))
                if not confirmed and not known:
                    break
                cands = sorted(confirmed | (forms if case != "nomn" else set()))
                pick = max(cands, key=functools.partial(_worth, word, forms, confirmed, seen))
                score += 2 * known + (pick in confirmed) + (pick != word and pick in seen) + (pick != word)
                reading.append(pick)
            else:
                if best is None or score > best[0]:
                    best = (score, reading)
    return " ".join(best[1] if best else parts)
