"""Russian morphology for the press-release reader, from pymorphy3 and its dictionary.

Every case and gender form of a number word, an ordinal or a collective ("шестым", "шестое", "десятку",
"трёхсот") is generated from the library's lexemes of the lemmas below, once per process; the only thing kept
here by hand is the number value of each lemma. Lookups go through plain dicts, so reading a long text costs no
morphology call per token.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TypeVar

import pymorphy3

_CARDINAL_LEMMAS: dict[str, int] = {
    "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15,
    "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
    "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600,
    "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
}
_ORDINAL_LEMMAS: dict[str, int] = {
    "первый": 1, "второй": 2, "третий": 3, "четвёртый": 4, "пятый": 5, "шестой": 6, "седьмой": 7, "восьмой": 8,
    "девятый": 9, "десятый": 10, "одиннадцатый": 11, "двенадцатый": 12, "тринадцатый": 13, "четырнадцатый": 14,
    "пятнадцатый": 15, "шестнадцатый": 16, "семнадцатый": 17, "восемнадцатый": 18, "девятнадцатый": 19,
    "двадцатый": 20, "тридцатый": 30, "сороковой": 40, "пятидесятый": 50,
}
_COLLECTIVE_LEMMAS: dict[str, int] = {
    "тройка": 3, "четвёрка": 4, "пятёрка": 5, "шестёрка": 6, "семёрка": 7, "восьмёрка": 8, "десятка": 10,
    "двадцатка": 20, "тридцатка": 30, "полсотня": 50, "сотня": 100,
}
_ADVERB_FACTORS: dict[str, float] = {"вдвое": 2.0, "втрое": 3.0, "вчетверо": 4.0, "впятеро": 5.0,
                                     "вдесятеро": 10.0}
THOUSAND_LEMMA = "тысяча"
_V = TypeVar("_V", int, float)
# fractions a change is given in: "сократился почти на четверть", "вырос на треть", "более чем на две трети"
_FRACTION_LEMMAS: dict[str, float] = {"половина": 1 / 2, "треть": 1 / 3, "четверть": 1 / 4}


@functools.cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


def _forms_of(lemma: str, pos: str | None = None) -> set[str]:
    """Every form of the lemma's lexeme (ё and е spellings both), from the dictionary."""
    out: set[str] = set()
    for p in analyzer().parse(lemma):
        if p.normal_form.replace("ё", "е") != lemma.replace("ё", "е") or (pos and p.tag.POS != pos):
            continue
        for f in p.lexeme:
            out.update({f.word, f.word.replace("ё", "е")})
    return out


def _table(lemmas: dict[str, _V], pos: str | None) -> dict[str, _V]:
    table: dict[str, _V] = {}
    for lemma, value in lemmas.items():
        for form in _forms_of(lemma, pos) | {lemma, lemma.replace("ё", "е")}:
            table.setdefault(form, value)
    return table


@functools.cache
def cardinal_forms() -> dict[str, int]:
    table = _table(_CARDINAL_LEMMAS, "NUMR")
    for form in _forms_of(THOUSAND_LEMMA, "NOUN"):
        table[form] = 1000
    # half a hundred or a thousand as one word, a count in itself: "около полусотни компаний", "полтысячи"
    for form in ("полсотни", "полусотни", "полусотне", "полусотней", "полтысячи", "полутысячи", "полутысяче"):
        table[form] = 500 if "тысяч" in form else 50
    return table


@functools.cache
def ordinal_forms() -> dict[str, int]:
    table = _table(_ORDINAL_LEMMAS, "ADJF")
    return {f: v for f, v in table.items() if f not in cardinal_forms()}   # "шестью" is a cardinal


@functools.cache
def collective_forms() -> dict[str, int]:
    return _table(_COLLECTIVE_LEMMAS, "NOUN")


@functools.cache
def fraction_forms() -> dict[str, float]:
    """Every form of the fraction nouns ("четверть", "трети", "половину") -> its value."""
    return _table(_FRACTION_LEMMAS, "NOUN")


def fraction(words: list[str]) -> float | None:
    """'четверть' -> 0.25, 'две трети' -> 0.667, 'три четверти' -> 0.75, 'пятая часть' -> 0.2; None for anything
    else."""
    if not words:
        return None
    part = fraction_forms().get(words[-1].lower())
    if part is None and len(words) > 1 and lemma(words[-1].lower()) == "часть":
        n = ordinal(words[-2])      # "пятая часть" -> 0.2, "двадцатую часть" -> 0.05 (a feminine ordinal)
        if n is None or n < 2 or parses(words[-2].lower())[0].tag.gender != "femn":
            return None
        return 1 / n
    if part is None:
        return None
    times = cardinal(words[:-1]) if len(words) > 1 else 1
    return times * part if times else None


def factor_adverb(word: str) -> float | None:
    """'вдвое' -> 2.0."""
    return _ADVERB_FACTORS.get(word.lower())


@functools.cache
def number_words_pattern() -> str:
    """A regular expression matching one run of number words ("сто четырнадцати", "двухсот"). The words are one
    trie of their letters, the longer way tried first: the same matches as their alternation longest first, without
    trying each of some 400 words at every position of a text."""
    one = trie_pattern(cardinal_forms())
    return rf"(?:{one})(?:\s+(?:{one}))*"


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of the words, as a trie (a longer word is preferred to its prefix)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        alts = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?" if len(alts) == 1 else body + "?"
        return body

    return walk(root)


def cardinal(words: list[str]) -> int | None:
    """'сто четырнадцать' -> 114; 'двухсот' -> 200; 'двух тысяч' -> 2000; None unless every word is one."""
    if not words:
        return None
    forms = cardinal_forms()
    total, part = 0, 0
    for w in (w.lower() for w in words):
        v = forms.get(w)
        if v is None:
            return None
        if v == 1000:
            total += (part or 1) * 1000
            part = 0
        else:
            part += v
    return total + part


_ORD_DIGITS = re.compile(r"^(\d{1,3})-?(?:е|ое|й|ой|ий|ый|м|ом|му|ому|го|ого|ю|ую|я|ая|х|ых)$")


def ordinal(word: str) -> int | None:
    """'четвёртое' -> 4, 'седьмым' -> 7, '4-е' -> 4, '14-м' -> 14, 'двадцать третьем' -> 23 (the tens and hundreds
    of a composite ordinal stay cardinals in the nominative); None for anything else."""
    words = word.lower().split()
    if len(words) > 1:
        head, last = cardinal(words[:-1]), ordinal(words[-1])
        if not head or not last or head % 10:
            return None
        return head + last if last < (100 if head % 100 == 0 else 10) else None
    w = words[0] if words else ""
    m = _ORD_DIGITS.match(w)
    if m:
        return int(m.group(1))
    return ordinal_forms().get(w)


@functools.cache
def ordinal_prefix_pattern() -> str:
    """The cardinals that open a composite ordinal, as written ("двадцать", "сто"; "сто двадцать" as two)."""
    return "|".join(sorted((w for w, v in _CARDINAL_LEMMAS.items() if v >= 20 and v % 10 == 0), key=len,
                           reverse=True))


@functools.cache
def one_forms() -> frozenset[str]:
    """Every form of "один" ("одну строчку", "на одно место"): the dictionary reads it as an adjective, so it is
    not among the cardinals (where "одна из компаний" would become a count)."""
    return frozenset(_forms_of("один", "ADJF"))


def top_n(word: str) -> int | None:
    """'пятёрку' -> 5, 'десятке' -> 10 (a collective noun naming the size of a top group)."""
    return collective_forms().get(word.lower())


@functools.lru_cache(maxsize=1 << 16)
def parses(word: str) -> tuple:
    """The dictionary's readings of a word, most likely first (cached: a long text asks of the same words again)."""
    return tuple(analyzer().parse(word))


@functools.cache
def lemma(word: str) -> str:
    """The most likely normal form, lower case, ё as е (cached: one dictionary call per distinct word)."""
    return analyzer().parse(word)[0].normal_form.replace("ё", "е")


@functools.cache
def lemmas(word: str) -> tuple[str, ...]:
    """Every normal form the dictionary offers, most likely first, lower case, ё as е ("сахаре": сахара, сахар)."""
    return tuple(dict.fromkeys(p.normal_form.replace("ё", "е") for p in analyzer().parse(word)))


def inflect(word: str, grammemes: frozenset[str]) -> str | None:
    """The word in the given case/number, keeping its gender, or None when the dictionary cannot."""
    for p in analyzer().parse(word):
        f = p.inflect(set(grammemes))
        if f is not None:
            return f.word
    return None


def lexeme_forms(word: str) -> set[str]:
    """Every form of a noun or adjective as the dictionary declines it (singular forms first of all)."""
    p = analyzer().parse(word)[0]
    return {f.word for f in p.lexeme}
