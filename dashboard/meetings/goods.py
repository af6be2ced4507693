"""Goods named in a press release ("тонн пшеницы", "поставки подсолнечного масла") as a ТН ВЭД code.

The names are the reference's heading and chapter names, compared by lemma (pymorphy3), so any case works:
"пшеницы" finds 1001 "Пшеница и меслин", "подсолнечного масла" finds 1512 "Масло подсолнечное, …". A few
everyday words that name a chapter or heading but are not its official name are listed beside them.
"""
from __future__ import annotations

import functools
import re

from dashboard.meetings import morphology
from dashboard.reference.hs_chapters import CHAPTER_NAMES
from dashboard.reference.hs_headings import AGRI_FOOD_HEADINGS
from dashboard.reference.hs_headings_industry import INDUSTRY_HEADINGS

# everyday names -> code (the reference's names are the official ones)
_EVERYDAY: dict[str, str] = {"зерно": "10", "зерновые": "10", "металлопрокат": "72", "удобрение": "31", "нефть": "2709",
                             "шрот": "2306", "хлопок-сырец": "5201", "мандарин": "0805", "апельсин": "0805",
                             "лимон": "0805", "грейпфрут": "0805", "соя": "1201", "подсолнечник": "1206",
                             "рапс": "1205", "карбамид": "3102", "мочевина": "3102", "лен": "1204", "лен-семя": "1204",
                             "хлопок-волокно": "5201", "жмых": "2306"}
# everyday names of two words -> code: "плоский прокат" is the hot-rolled one (7208) unless a coating is named;
# "трубы" alone are the region's steel tubes (chapter 73), not the plastic ones a heading names first
_EVERYDAY_WITH: dict[tuple[str, frozenset[str]], str] = {("прокат", frozenset({"плоский"})): "7208",
                                                          ("труба", frozenset()): "73"}
# words that begin some names but alone name no goods ("тонн продукции")
_GENERIC = frozenset({"продукция", "товар", "изделие", "прочий", "продукт", "груз"})
_WORD = re.compile(r"[а-яё-]+", re.I)
_BRACKETS = re.compile(r"\(([^)]*)\)")


@functools.cache
def _index() -> dict[str, list[tuple[frozenset[str], str]]]:
    """First noun lemma of a name -> [(lemmas of its other words, code)]; headings before chapters."""
    out: dict[str, list[tuple[frozenset[str], str]]] = {}
    names = [(code, ru) for code, (ru, _) in {**AGRI_FOOD_HEADINGS, **INDUSTRY_HEADINGS}.items()]
    names += [(code, row[0]) for code, row in CHAPTER_NAMES.items()]
    # a heading's name lists its goods in brackets: "Бобовые овощи сушеные, лущеные (горох, нут, чечевица)"
    names += [(code, item) for code, (ru, _) in {**AGRI_FOOD_HEADINGS, **INDUSTRY_HEADINGS}.items()
              for inner in _BRACKETS.findall(ru) for item in inner.split(",") if not item.strip().startswith("кроме")]
    for code, name in names:
        words = [morphology.lemma(w.lower()) for w in _WORD.findall(name.split(",")[0].split("(")[0])]
        if len(words) > 1 and words[0] == "прочий":
            words = words[1:]   # "Прочие орехи" names nuts
        if words and words[0] not in _GENERIC and _content(words[0]):
            # (a name's conjunctions and prepositions settle nothing: "фрукты и …" is no closer to "Фрукты и орехи
            # консервированные" than to "Фрукты сушеные")
            out.setdefault(words[0], []).append((frozenset(w for w in words[1:] if _content(w)), code))
    for word, code in _EVERYDAY.items():
        out.setdefault(word, []).append((frozenset(), code))
    for (word, others), code in _EVERYDAY_WITH.items():
        out.setdefault(word, []).append((others, code))
    return out


@functools.lru_cache(maxsize=1 << 16)
def _names_any(word: str) -> bool:
    return resolve([word]) is not None


def any_named(text: str) -> bool:
    """Whether a sentence names any goods ("…, из них азотных удобрений — 31 тыс. тонн"): tonnes in one that names
    none may be of the goods of the tonnes before ("регион экспортировал 1,14 млн т ячменя. Крупнейшими покупателями
    стали Саудовская Аравия (412 тыс. т), …")."""
    return any(_names_any(w.lower()) for w in _WORD.findall(text))


def named(words: list[str]) -> str | None:
    """The code of goods named by the first words of a phrase: ['подсолнечного', 'масла'] -> '1512'."""
    found = resolve(words)
    return found[0] if found else None


def resolve(words: list[str]) -> tuple[str, str, bool] | None:
    """The code of goods named by the first words of a phrase, the name's head lemma, and whether the words
    settle which of the names under that head is meant (['масла'] alone could be soya, palm or sunflower oil, so it
    names their chapter: ('15', 'масло', False); ['подсолнечного', 'масла']: ('1512', 'масло', True))."""
    index = _index()
    lemmas = [_lemma(w, index) for w in words[:3]]
    for i, lm in enumerate(lemmas):
        if words[i].lower().startswith(("крупнейш", "крупн")) and lm == "крупный" and \
                not any(w.lower().startswith("рогат") for w in words[i + 1:i + 2]):
            continue    # "Крупнейшими покупателями стали …": no "крупный рогатый скот"
        if lm in index and i + 1 < len(lemmas) and lemmas[i + 1] in index and _adjective(words[i]) and \
                not _adjective(words[i + 1]) and not any(lemmas[i + 1] in rest for rest, _ in index[lm]):
            continue    # "растительного масла": the noun after the adjective heads it (not 14's "Растительные …")
        if lm in index:
            others = set(lemmas[:i]) | set(lemmas[i + 1:])
            best = max(index[lm], key=lambda e: (_overlap(e[0], others), -len(e[0])))
            headings = {code for _, code in index[lm] if len(code) == 4}
            if len(headings) <= 1 or _overlap(best[0], others):
                return best[1], lm, True
            # a head of several names that its genitive after it settles: "семян горчицы" are the seeds of 1207
            nxt = lemmas[i + 1] if i + 1 < len(lemmas) else None
            if nxt in index and len(index[nxt]) == 1 and _genitive(words[i + 1]):
                return index[nxt][0][1], lm, True
            chapters = {code[:2] for code in headings}     # "масла" alone: some oil of chapter 15
            if len(chapters) > 1:   # "овощей" alone: the chapter named so (07), not one of the headings of two
                chapter = next((code for _, code in index[lm] if len(code) == 2), None)
                return chapter or best[1], lm, False
            return chapters.pop(), lm, False
    return None


def _adjective(word: str) -> bool:
    """Whether the likeliest reading of a word is an adjective ("растительного")."""
    return morphology.parses(word.lower())[0].tag.POS in ("ADJF", "PRTF")


def _genitive(word: str) -> bool:
    """Whether a word can be a noun in the genitive, the complement of the head before it."""
    return any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in morphology.analyzer().parse(word.lower()))


def generic(word: str) -> bool:
    """Whether the word names goods of no kind ("продукции", "товаров", "грузов")."""
    return morphology.lemma(word.lower()) in _GENERIC


def _overlap(name: frozenset[str], words: set[str]) -> int:
    """How many of a name's other words the text's words give, the same lemma or an adjective made from it ("льняное
    семя" gives "Семена льна": "льняной" begins as a form of "лён", "льна", does)."""
    return sum(1 for n in name if n in words or any(w[:3] in _stems(n) for w in words if len(w) > 4))


@functools.cache
def _stems(lemma: str) -> frozenset[str]:
    """The first three letters of every form of a name's word (its stem as an adjective would take it)."""
    forms = {f.word for p in morphology.analyzer().parse(lemma) if p.tag.POS == "NOUN" for f in p.lexeme}
    return frozenset(f[:3].replace("ё", "е") for f in forms if len(f) >= 3)


_FUNCTION_WORDS = frozenset({"CONJ", "PREP", "PRCL", "INTJ", "NPRO"})


def _content(word: str) -> bool:
    """Whether a name's first word can name goods: not a function word ("NPK и др." in brackets starts with "и",
    which would make every "и" after a flow word fertilisers)."""
    return morphology.analyzer().parse(word)[0].tag.POS not in _FUNCTION_WORDS


_TIME = frozenset({"год", "месяц", "квартал", "полугодие", "неделя", "день", "сутки"})
_NOT_GOODS = frozenset({"Apro", "Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"})


@functools.cache
def names_goods(word: str) -> bool:
    """Whether a word after "тонн" names what was weighed ("тонн мороженого", "тонн свежих томатов"), known to the
    reference or not: a noun or adjective in the genitive that is no pronoun, proper name or generic word."""
    return any(p.tag.POS in ("NOUN", "ADJF", "PRTF") and p.tag.case == "gent" and not (_NOT_GOODS & p.tag.grammemes)
               and p.normal_form not in _GENERIC | _TIME for p in morphology.analyzer().parse(word.lower()))


def _lemma(word: str, index: dict) -> str:
    """The word's normal form the index knows, if any of its parses gives one ("сахаре" is read as "сахара" first),
    a hyphenated word by its first part ("сахара-сырца" -> "сахар"), else the most likely normal form."""
    w = word.lower()
    for form in (w, w.split("-")[0]) if "-" in w else (w,):
        known = next((lm for lm in morphology.lemmas(form) if lm in index), None)
        if known:
            return known
    return morphology.lemma(w)
