"""Every input format the importer reads: the one list the pipeline, the CLI's --format choices, the Данные
page's uploader and the i18n keys data.formats.<name> come from.

A format is the module dashboard.ingest.<name> (what it defines: format.py). Adding one is that module, its
tests, its name in NAMES below and its name in the two data catalogues (data.formats.<name>). The list holds
names, not the modules, so that the CLI can offer the choices without loading the parsers (pandas, pyarrow).
Meeting texts are not a format here: they are proposed, corrected by a person and saved through
meetings/store_io.py, never loaded unseen.
"""
from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from dashboard.ingest.format import Format

NAMES: tuple[str, ...] = ("fts", "comtrade", "firms", "letters")  # the order a file's header is tried against them
CHOICES: tuple[str, ...] = ("auto", *NAMES)            # auto: told by the header


@functools.cache
def all_formats() -> tuple[Format, ...]:
    return tuple(cast("Format", importlib.import_module(f"dashboard.ingest.{n}")) for n in NAMES)


def by_name(name: str) -> Format:
    if name not in NAMES:
        raise ValueError(f"unknown format {name!r}; one of {', '.join(NAMES)}")
    return all_formats()[NAMES.index(name)]


def detect(header: list[str]) -> Format | None:
    return next((f for f in all_formats() if f.looks_like(header)), None)


def file_types() -> list[str]:
    """What the uploader accepts: every format's file types, ZIP archives, and the spreadsheets it refuses
    with a reason rather than hiding them from the file picker."""
    found = dict.fromkeys(s.lstrip(".") for f in all_formats() for s in f.SUFFIXES)
    return [*found, "zip", "xlsx", "xls"]
