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
_EVERYDAY: dict[str, str] = {"зерно": "10", "металлопрокат": "72", "удобрение": "31", "нефть": "2709"}
# words that begin some names but alone name no goods ("тонн продукции")
_GENERIC = frozenset({"продукция", "товар", "изделие", "прочий", "продукт", "груз"})
_WORD = re.compile(r"[а-яё-]+", re.I)


@functools.cache
def _index() -> dict[str, list[tuple[frozenset[str], str]]]:
    """First noun lemma of a name -> [(lemmas of its other words, code)]; headings before chapters."""
    out: dict[str, list[tuple[frozenset[str], str]]] = {}
    names = [(code, ru) for code, (ru, _) in {**AGRI_FOOD_HEADINGS, **INDUSTRY_HEADINGS}.items()]
    names += [(code, row[0]) for code, row in CHAPTER_NAMES.items()]
    for code, name in names:
        words = [morphology.lemma(w.lower()) for w in _WORD.findall(name.split(",")[0].split("(")[0])]
        if words and words[0] not in _GENERIC:
            out.setdefault(words[0], []).append((frozenset(words[1:]), code))
    for word, code in _EVERYDAY.items():
        out.setdefault(word, []).append((frozenset(), code))
    return out


def named(words: list[str]) -> str | None:
    """The code of goods named by the first words of a phrase: ['подсолнечного', 'масла'] -> '1512'."""
    lemmas = [morphology.lemma(w.lower()) for w in words[:3]]
    index = _index()
    for i, lm in enumerate(lemmas):
        if lm in index:
            others = set(lemmas[:i]) | set(lemmas[i + 1:])
            best = max(index[lm], key=lambda e: (len(e[0] & others), -len(e[0])))
            return best[1]
    return None
