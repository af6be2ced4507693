"""Lists and tables written as text: a lead ending with a colon and the items under it, one a line.

    Экспорт по странам за январь–сентябрь 2024 г. (млн долл. США; изменение к январю–сентябрю 2023 г.):
    Турция — 318,4 (+5,1 %)
    Египет — 241,7 (+22,0 %)

Each item is read as a sentence of its own, with what its lead told: the flow and the period (the caller carries
them), dollars once a sum named them, and the scale and unit a table's lead gives its bare numbers ("млн долл.
США:", "(млн долл. США; …)") written after each number an item gives after its dash.
"""
from __future__ import annotations

import re

# an item: a bullet, a number or keycap emoji, a flag, or a row "Турция — 318,4" / "I квартал 2024 г. — 171,2"
_ITEM = re.compile(r"\s*(?:[•·▪●◦▸►*—–-]|\d{1,2}[.)]\s|\d\ufe0f?\u20e3|[\U0001F1E6-\U0001F1FF]{2}|"
                   r"[^\W\d_][^—–:\n]{0,60}?\s[—–]\s*[\d(+−-])")
# the scale and unit a table's lead gives, before its colon or in its brackets: ", млн долл. США:",
# "(млн долл. США; изменение к …):", "(тыс. тонн):"
_LEAD_UNIT = re.compile(r"[,(]\s*(?P<unit>(?:млн|млрд|тыс\.)\s*(?:долл\.?(?:\s*США)?|\$|тонн|т\.?))\s*"
                        r"(?:[;)][^:\n]{0,120})?:", re.I)
# a bare number after an item's dash or after a flow word: "Турция — 318,4 (+5,1 %)", "I квартал 2024 г. — 171,2;",
# "2022 год — экспорт 254,1, импорт 71,3"
_BARE = re.compile(r"(?P<pre>[—–]\s|(?<![\w-])(?:экспорт|импорт|товарооборот|оборот)\s+)"
                   r"(?P<n>\d{1,3}(?:[\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
                   r"(?!\s*(?:[\d%$]|млн|млрд|тыс|долл|т\.|тонн|процент|мест|раз|компан|предприят|стран|организац|год|"
                   r"г\.))", re.I)


_MARKER = re.compile(r"\s*(?:[•·▪●◦▸►*—–-]\s*|(?P<n>\d{1,2})(?:\ufe0f?\u20e3|(?<=\d)[.)]\s))")


# the role of the partners a lead lists, which tells the flow of its items' sums: "Основные покупатели волгоградской
# продукции:" (exports), "Главные поставщики области:" (imports)
_BUYERS = re.compile(r"(?<![\w-])(?:покупател|получател|потребител|рынк\w*\s+сбыт)\w*", re.I)
_SUPPLIERS = re.compile(r"(?<![\w-])поставщик\w*", re.I)


def role_flow(lead: str) -> str | None:
    return "exports" if _BUYERS.search(lead) else "imports" if _SUPPLIERS.search(lead) else None


def is_item(paragraph: str) -> bool:
    return _ITEM.match(paragraph) is not None


def is_lead(paragraph: str) -> bool:
    return paragraph.rstrip().endswith(":")


def unmarked(item: str) -> str:
    """An item as read after its lead: its bullet left out, its number as a list's ("1️⃣ Турция" -> "1) Турция")."""
    m = _MARKER.match(item)
    if m is None:
        return item
    return (f"{m.group('n')}) " if m.group("n") else "") + item[m.end():]


def lead_unit(text: str) -> tuple[int, str] | None:
    """Where a table's lead ends and the unit it gives its numbers, if it gives one."""
    m = next(reversed(list(_LEAD_UNIT.finditer(text))), None) if ":" in text else None
    return (m.end(), m.group("unit")) if m else None


# a sentence ending with the unit of the next one's numbers: "…по итогам первого полугодия 2023 года, млн долларов."
_TRAILING_UNIT = re.compile(r",\s*(?P<unit>(?:млн|млрд|тыс\.)\s*(?:долл\w*\.?(?:\s*США)?|\$|тонн|т\.?))\s*\.?$", re.I)


def trailing_unit(sentence: str) -> str | None:
    m = _TRAILING_UNIT.search(sentence)
    return m.group("unit") if m else None


def with_unit(sentence: str, unit: str, start: int = 0) -> str:
    """The sentence with the lead's unit written after each bare number after a dash, from `start` on."""
    return sentence[:start] + _BARE.sub(lambda m: f"{m.group('pre')}{m.group('n')} {unit}", sentence[start:])

