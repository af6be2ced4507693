"""Russian regions as the FTS statistics name them: OKATO code, name, English name and the names a file may use.

fts/regions.csv is the FTS classifier as published (2016 edition, NNNNN "unknown territory" included);
fts/region_names.csv is the project's own table beside it: the English name of every code, the four regions of
2022 that are newer than the classifier (with the OKATO codes the project assumes: README), a shorter Russian name
where the classifier's is a paragraph ("ГОРОД МОСКВА СТОЛИЦА РОССИЙСКОЙ ФЕДЕРАЦИИ ..."), and other spellings
seen in unloads. A region name in a file must be one of its code's aliases (name_matches): the importer refuses
any other at its line, and the name stored is always the one of this table, so a file cannot rename a region.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dashboard.reference import fts_tables

_LETTERS = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", [
    "a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
    "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"], strict=True))
_WORDS = {"область": "Oblast", "край": "Krai", "республика": "Republic", "автономный": "Autonomous",
          "округ": "Okrug", "автономная": "Autonomous", "город": "City", "г.": "City", "-": "-", "—": "—"}
# Russian short forms of the kind of region, as some unloads and tables write them
_SHORT_RU = (("АВТОНОМНЫЙ ОКРУГ", "АО"), ("ОБЛАСТЬ", "ОБЛ"), ("РЕСПУБЛИКА", "РЕСП"))


@dataclass(frozen=True)
class Region:
    code: str
    name_ru: str              # the name stored and shown
    name_en: str
    fts_name: str             # the classifier's spelling; "" for a region newer than the classifier
    aliases: frozenset[str]   # every accepted name, normalised (normalise)


def transliterate(word: str) -> str:
    return "".join(_LETTERS.get(ch, ch) for ch in word.lower())


def _transliterated(name_ru: str) -> str:
    """'ВОЛГОГРАДСКАЯ ОБЛАСТЬ' -> 'Volgogradskaya Oblast': the region word translated, the name transliterated
    (the scheme of Russian government sites); an alias, and the English name of a region not in the table."""
    low = " ".join(name_ru.lower().split())
    if low.startswith("республика "):
        return "Republic of " + _transliterated(low.removeprefix("республика "))
    return " ".join(_WORDS.get(w) or "-".join(transliterate(p).capitalize() for p in w.split("-"))
                    for w in low.split())


def normalise(name: str) -> str:
    """The form names are compared in: upper case, Ё as Е, 'Г.' as 'ГОРОД', punctuation and dashes as spaces."""
    s = name.upper().replace("Ё", "Е")
    s = re.sub(r"(?<![^\W\d_])Г\.\s*", "ГОРОД ", s)
    return " ".join(re.sub(r"[\W_]+", " ", s).split())


def _english_variants(name_en: str) -> set[str]:
    """The English unload and English tables write the kind of region in several ways ('MOSCOW REGION')."""
    out = {name_en}
    for word, others in ((" Oblast", (" Region",)), (" Krai", (" Territory", " Region")),
                         (" Autonomous Okrug", (" Autonomous Area", " Autonomous District")),
                         (" Autonomous Oblast", (" Autonomous Region",))):
        if name_en.endswith(word):
            out |= {name_en.removesuffix(word) + o for o in others}
    if name_en.startswith("Republic of "):
        core = name_en.removeprefix("Republic of ")
        out |= {core + " Republic", core}
    elif name_en.endswith(" Republic"):
        core = name_en.removesuffix(" Republic")
        out |= {"Republic of " + core, core}
    elif " " not in name_en:  # a city of federal importance
        out |= {name_en + " City", "City of " + name_en}
    return out


def _russian_variants(name: str) -> set[str]:
    bare = re.sub(r"\([^)]*\)", " ", name)  # "НЕНЕЦКИЙ АВТОНОМНЫЙ ОКРУГ (АРХАНГЕЛЬСКАЯ ОБЛАСТЬ)"
    out = {name, bare}
    for long, short in _SHORT_RU:
        out |= {n.replace(long, short) for n in list(out) if long in n}
    return out


@cache
def _regions() -> dict[str, Region]:
    fts = {r["OKATO_2"]: r["OKATO_2_N"].split(" - ", 1)[1].strip() for r in fts_tables.rows("regions.csv")}
    out: dict[str, Region] = {}
    for r in fts_tables.rows("region_names.csv"):
        code = r["code"]
        fts_name = fts.get(code, "")
        name_ru = r["name_ru"] or fts_name
        names: set[str] = set()
        for ru in {fts_name, name_ru, *(a for a in r["aliases"].split("|") if a)} - {""}:
            names |= _russian_variants(ru) | {_transliterated(ru)}
        names |= _english_variants(r["name_en"])
        out[code] = Region(code, name_ru, r["name_en"], fts_name, frozenset(map(normalise, names)))
    missing = set(fts) - set(out)
    assert not missing, f"region_names.csv lacks classifier codes {sorted(missing)}"
    return out


def all_regions() -> list[Region]:
    """Every region code of the classifier and the regions added since, in code order (the tests check the
    table whole with it; the app looks a code up with `get`)."""
    return sorted(_regions().values(), key=lambda r: r.code)


def get(code: str) -> Region | None:
    return _regions().get(code.strip()) if isinstance(code, str) else None


def name_matches(code: str, name: str) -> bool:
    """Whether a file's name for a region code is one of that code's names (a blank name says nothing, so it
    passes). An unknown code matches no name."""
    if not name.strip():
        return True
    region = get(code)
    return region is not None and normalise(name) in region.aliases


@cache
def _by_alias() -> dict[str, Region]:
    return {a: r for r in _regions().values() for a in r.aliases}


def name_en(name_ru: str) -> str:
    """The English name of a region named in Russian: the table's, else a transliteration."""
    region = _by_alias().get(normalise(name_ru))
    return region.name_en if region else _transliterated(name_ru)


def display_name(name_ru: str, lang: str) -> str:
    """'Волгоградская область' / 'Volgograd Oblast'."""
    return name_en(name_ru) if lang == "en" else name_ru.capitalize()


@cache
def problem(code: str, name: str) -> str | None:
    """Why a file's region (its code, and the name written after it) is refused, as an ingest.reason key; None
    when the code is known and the name is one of its names. Cached: a file names few distinct regions."""
    if get(code) is None:
        return "ingest.reason.region_unknown"
    return None if name_matches(code, name) else "ingest.reason.region_name"


def stored_name(code: str) -> str:
    """The name a region is stored and shown under, whatever the file wrote."""
    region = get(code)
    return region.name_ru if region else code
