"""The column that holds a name in the interface language: name_ru / name_en, chapter_ru / chapter_en, ..."""
from __future__ import annotations


def name_column(lang: str, stem: str = "name") -> str:
    """'name_en' for English, else 'name_ru' (Russian is the default and the fallback)."""
    return f"{stem}_{'en' if lang == 'en' else 'ru'}"
