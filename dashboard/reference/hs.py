"""The ТН ВЭД ЕАЭС (Harmonized System) structure: sections, chapters, headings, names.

The tables the store publishes (store/build.py) and the benchmark's generator read: names in
Russian and English; a commodity code's first two digits give its chapter, a chapter its section.
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

CHAPTERS: dict[str, Chapter] = {
    code: Chapter(code, section.number, *CHAPTER_NAMES[code])
    for section in SECTIONS
    for code in section.chapters
}

HEADINGS: dict[str, tuple[str, str]] = {**AGRI_FOOD_HEADINGS, **INDUSTRY_HEADINGS}
