"""The abbreviations of a briefing memo (справка) written out before its figures are read:

    Т/о Волгоградской обл. с Турцией за янв.–июль 2023 г. — 201,3 млн долл.; св. 30 компаний; I пол. 2025 г.

reads as "Товарооборот Волгоградской области с Турцией за январь–июль 2023 г. — …; свыше 30 компаний; I полугодие
2025 г.". Only abbreviations that stand for one word whatever the context are written out; "г.", "долл.", "мес.",
"тыс.", "кв." are read where they stand.
"""
from __future__ import annotations

import re

_MONTHS = {"янв": "январь", "фев": "февраль", "февр": "февраль", "мар": "март", "апр": "апрель", "июн": "июнь",
           "июл": "июль", "авг": "август", "сен": "сентябрь", "сент": "сентябрь", "окт": "октябрь", "ноя": "ноябрь",
           "нояб": "ноябрь", "дек": "декабрь"}
# a month cut short, before a dash, a year or another month: "янв.–июль", "дек. 2024 г."
_MONTH = re.compile(r"(?<![\w-])(?P<m>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) +
                    r")\.(?=\s*[—–-]|\s+\d|\s+(?:по|и)\s|(?<=[—–-]...\.)|(?<=[—–-]....\.))", re.I)
# each with the literal it cannot match without, looked for first: a long text with none is read once, not by each
_WORDS = (
    # turnover: "т/о", "Т/о"
    ("/о", re.compile(r"(?<![\w/])([тТ])/о(?![\w/])"),
     lambda m: "Товарооборот" if m.group(1) == "Т" else "товарооборот"),
    # the region: "Волгоградской обл.", "в т/о обл." (not a word's end: "обл." alone)
    ("обл.", re.compile(r"(?<![\w-])обл\.(?=\s|[,;:)]|$)"),
     lambda m: "область" if m.string[max(0, m.start() - 3):m.start()].rstrip().endswith(("ая", "ую")) else "области"),
    # the half year: "I пол. 2025 г.", "за 1-е пол."
    ("пол.", re.compile(r"(?:(?<=\bI\s)|(?<=\bII\s)|(?<=\d-е\s))пол\."), lambda m: "полугодие"),
    # before a number: "св. 105 млн", "ок. 12 млн т"
    ("св.", re.compile(r"(?<![\w-])св\.(?=\s*\d)"), lambda m: "свыше"),
    ("ок.", re.compile(r"(?<![\w-])ок\.(?=\s*\d)"), lambda m: "около"),
)


def written_out(text: str) -> str:
    """The text with a memo's abbreviations written out (unchanged where it has none)."""
    if "." not in text and "/" not in text:
        return text
    low = text.lower()
    if any(f"{m}." in low for m in _MONTHS):
        text = _MONTH.sub(lambda m: _case(m.group("m"), _MONTHS[m.group("m").lower()]), text)
    for literal, rx, word in _WORDS:
        if literal in text:
            text = rx.sub(word, text)
    return text


def _case(like: str, word: str) -> str:
    return word.capitalize() if like[:1].isupper() else word
