"""English names of Russian regions, as they arrive in Russian in the FTS unload ("ВОЛГОГРАДСКАЯ ОБЛАСТЬ").

The region word is translated and the proper name transliterated (the BGN/PCGN-like scheme of Russian
government sites: "Volgogradskaya Oblast"), so every one of the 85 subjects gets a readable English name
without a hand-kept table that could drift.
"""
from __future__ import annotations

_LETTERS = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", [
    "a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
    "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"], strict=True))
_WORDS = {"область": "Oblast", "край": "Krai", "республика": "Republic", "автономный": "Autonomous",
          "округ": "Okrug", "автономная": "Autonomous", "город": "City", "г.": "City", "-": "-", "—": "—"}
_SPECIAL = {"москва": "Moscow", "г. москва": "Moscow", "санкт-петербург": "Saint Petersburg",
            "г. санкт-петербург": "Saint Petersburg", "севастополь": "Sevastopol", "г. севастополь": "Sevastopol"}


def transliterate(word: str) -> str:
    return "".join(_LETTERS.get(ch, ch) for ch in word.lower())


def name_en(name_ru: str) -> str:
    low = " ".join(name_ru.lower().split())
    if low in _SPECIAL:
        return _SPECIAL[low]
    if low.startswith("республика "):
        return "Republic of " + name_en(low.removeprefix("республика "))
    parts = [_WORDS.get(w) or "-".join(transliterate(p).capitalize() for p in w.split("-")) for w in low.split()]
    return " ".join(parts)


def display_name(name_ru: str, lang: str) -> str:
    """'Волгоградская область' / 'Volgogradskaya Oblast'."""
    return name_en(name_ru) if lang == "en" else name_ru.capitalize()
