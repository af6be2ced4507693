"""The ТН ВЭД ЕАЭС (Harmonized System) structure: sections, chapters, headings, names.

Commodity codes arrive as text of 2 to 10 digits; the first two digits give the chapter
and the chapter gives the section.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.reference.hs_chapters import CHAPTER_NAMES, SECTION_ROWS
from dashboard.reference.hs_headings import AGRI_FOOD_HEADINGS
from dashboard.reference.hs_headings_industry import INDUSTRY_HEADINGS


@dataclass(frozen=True)
class Section:
    number: int
    roman: str
    name_ru: str
    name_en: str
    chapters: tuple[str, ...]


@dataclass(frozen=True)
class Chapter:
    code: str
    section: int
    name_ru: str
    name_en: str


SECTIONS: tuple[Section, ...] = tuple(
    Section(number, roman, ru, en, tuple(f"{c:02d}" for c in range(first, last + 1)))
    for number, roman, first, last, ru, en in SECTION_ROWS
)

_SECTION_BY_NUMBER = {s.number: s for s in SECTIONS}

CHAPTERS: dict[str, Chapter] = {
    code: Chapter(code, section.number, *CHAPTER_NAMES[code])
    for section in SECTIONS
    for code in section.chapters
}

HEADINGS: dict[str, tuple[str, str]] = {**AGRI_FOOD_HEADINGS, **INDUSTRY_HEADINGS}


def _digits(code: str | int) -> str:
    # Spreadsheets drop the leading zero of chapters 01-09; a 9- or 3-digit code lost one.
    text = "".join(ch for ch in str(code) if ch.isdigit())
    if len(text) % 2 == 1:
        text = "0" + text
    return text


def chapter_of(hs_code: str) -> str:
    """Two-digit chapter of a commodity code: "1001990000" -> "10"."""
    text = _digits(hs_code)
    if len(text) < 2:
        raise ValueError(f"not a commodity code: {hs_code!r}")
    return text[:2]


def section_of(hs_code_or_chapter: str) -> Section:
    chapter = CHAPTERS.get(chapter_of(hs_code_or_chapter))
    if chapter is None:
        raise ValueError(f"no such chapter in the nomenclature: {hs_code_or_chapter!r}")
    return _SECTION_BY_NUMBER[chapter.section]


def heading_name(code4: str, lang: str = "ru") -> str:
    code = _digits(code4)[:4]
    names = HEADINGS.get(code)
    if names is None:
        return f"Heading {code}" if lang == "en" else f"Товарная позиция {code}"
    return names[1] if lang == "en" else names[0]


def chapter_name(code2: str, lang: str = "ru") -> str:
    code = chapter_of(code2)
    chapter = CHAPTERS.get(code)
    if chapter is None:
        return f"Chapter {code}" if lang == "en" else f"Группа {code}"
    return chapter.name_en if lang == "en" else chapter.name_ru


def section_name(number: int, lang: str = "ru") -> str:
    section = _SECTION_BY_NUMBER.get(int(number))
    if section is None:
        return f"Section {number}" if lang == "en" else f"Раздел {number}"
    return section.name_en if lang == "en" else section.name_ru
