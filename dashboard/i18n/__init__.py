"""Interface text in Russian (default) and English: t(key, lang, **kw).

Keys live in ru.toml / en.toml, plus one pair of files per area (ru.meetings.toml, en.meetings.toml, ...),
all merged; a unit test checks that every key exists in both languages and every key used in code exists.
"""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

LANGS = ("ru", "en")
HERE = Path(__file__).parent


def _flatten(d: dict, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, key + "."))
        else:
            out[key] = str(v)
    return out


@functools.cache
def catalog(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(HERE.glob(f"{lang}.toml")) + sorted(HERE.glob(f"{lang}.*.toml")):
        with open(path, "rb") as f:
            merged.update(_flatten(tomllib.load(f)))
    return merged


def t(key: str, lang: str = "ru", **kw: object) -> str:
    """The text of key in lang, formatted with kw; a missing key shows itself (and fails the i18n test)."""
    lang = lang if lang in LANGS else "ru"
    text = catalog(lang).get(key) or catalog("ru").get(key) or key
    return text.format(**kw) if kw else text
