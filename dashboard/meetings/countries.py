"""Find partner countries in Russian text, in any case: "Казахстан", "Казахстаном", "Республики Казахстан",
"Беларуси", "Турцией", "Китаю". Names come from dashboard.reference.partners; declensions are generated from
the ending of the short name, plus a few forms that the rules cannot produce."""
from __future__ import annotations

import functools
import re

from dashboard.reference import partners as ref

# Own country and names that are ordinary words when capitalised at the start of a sentence.
_SKIP = frozenset({"RU", "TG"})
# Other one-word nominatives, declined by the same rules as the short names.
_ALIASES: dict[str, tuple[str, ...]] = {
    "BY": ("Белоруссия",), "KG": ("Киргизия", "Кыргызстан", "Киргизстан"), "MD": ("Молдавия",),
    "CZ": ("Чехия",), "GB": ("Великобритания", "Британия"), "NL": ("Голландия",), "TR": ("Турция",),
}
# Forms the rules cannot produce (fleeting vowels, plurals, abbreviations, several words).
_EXTRA: dict[str, tuple[str, ...]] = {
    "EG": ("Египет", "Египта", "Египту", "Египтом", "Египте"),
    "BY": ("Республика Беларусь",),
    "US": ("США", "Соединённые Штаты", "Соединенные Штаты", "Соединённых Штатов", "Соединенных Штатов"),
    "AE": ("ОАЭ", "Объединённые Арабские Эмираты", "Объединенных Арабских Эмиратов"),
    "KR": ("Южная Корея", "Южной Кореи", "Южной Корее", "Южную Корею", "Южной Кореей"),
    "NL": ("Нидерланды", "Нидерландов", "Нидерландам", "Нидерландами"),
}


def _forms(name: str) -> set[str]:
    """Case forms of a one-word country name from its ending (good enough for search, not for grammar)."""
    if name.endswith("ия"):
        stem = name[:-2]
        return {stem + e for e in ("ия", "ии", "ию", "ией")}
    if name.endswith("ея"):
        stem = name[:-2]
        return {stem + e for e in ("ея", "еи", "ею", "еей")}
    if name.endswith("ь"):
        stem = name[:-1]
        return {stem + e for e in ("ь", "и", "ью")}
    if name.endswith("й"):
        stem = name[:-1]
        return {stem + e for e in ("й", "я", "ю", "ем", "е")}
    if name.endswith("а"):
        stem = name[:-1]
        soft = stem[-1:] in "кгхжшчщц"
        return {stem + e for e in ("а", "и" if soft else "ы", "е", "у", "ой")}
    if name[-1:] in "оиуеэыюя":          # indeclinable: Перу, Того, Мали, Чили
        return {name}
    return {name + e for e in ("", "а", "у", "ом", "е")}


@functools.cache
def _index() -> tuple[re.Pattern[str], dict[str, str]]:
    forms: dict[str, str] = {}
    for p in ref.all_partners():
        if p.iso2 in _SKIP:
            continue
        name = p.name_ru
        if " " in name or "(" in name or "," in name:
            forms[name] = p.iso2
            continue
        for f in _forms(name):
            forms.setdefault(f, p.iso2)
    for iso2, names in _ALIASES.items():
        for name in names:
            for f in _forms(name):
                forms.setdefault(f, iso2)
    for iso2, extra in _EXTRA.items():
        for f in extra:
            forms[f] = iso2
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # case-sensitive: country names are capitalised, so "того" or "чад" in running text never match
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), forms


def find(text: str) -> list[tuple[str, int, int]]:
    """Every mention as (iso2, start, end), in text order."""
    pattern, forms = _index()
    return [(forms[m.group(0)], m.start(), m.end()) for m in pattern.finditer(text)]


def partners_in(text: str) -> list[str]:
    """Distinct partners mentioned, the most mentioned first (ties: first mention first)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for iso2, start, _ in find(text):
        counts[iso2] = counts.get(iso2, 0) + 1
        first.setdefault(iso2, start)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))
