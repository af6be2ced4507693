"""What an input format is: one module (fts.py, comtrade.py, firms.py) that says its name, how to recognise a
file, how to parse it and how to load it. The importer (pipeline.py) knows formats only through this, and
formats.py lists them.

A format module defines, at module level:

    NAME: str                       the format's name in the import log, the CLI's --format and the i18n key
                                    data.formats.<NAME>
    SUFFIXES: tuple[str, ...]       file types it comes in (".csv"...), besides inside a ZIP
    looks_like(header) -> bool      whether a file's header is this format's
    parse(raw, report, today)       the file's rows checked one by one: its data, or None with every problem
                                    in the report (raw: a RawTable of strings, rawtable.py)
    describe(data) -> Checked       what the import log says of the valid data
    load(w, data, source_id) -> int store the data under source_id through the publication's writer
                                    (store/publication.py); the number of earlier rows it replaced
    combine(parts, members, report) the data of an archive's members (named in `members`) as one file's,
                                    or None with the rows two members both hold in the report
    read_fast(name, data, today)    optional: the data of a clean file in the usual form without the row-by-row
                                    checks, or None (then parse runs and reports)

The functions are module attributes looked up at each call (the benchmark times them by wrapping them).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from dashboard.i18n.message import Msg
from dashboard.ingest.rawtable import RawTable
from dashboard.ingest.report import Report
from dashboard.store.publication import Writer


@dataclass(frozen=True)
class Checked:
    """What the import log says of a valid file."""
    rows: int
    period: tuple[str, str]                 # first and last: YYYY-MM, or YYYY for yearly data
    notes: tuple[Msg, ...] = ()
    regions: tuple[str, ...] = ()           # OKATO codes of the regions in it
    eaeu_partners: bool | None = None       # whether an EAEU member is among its partners; None: not asked
    # data lines read but not loaded, by the reason the README allows (aggregates, deleted): rows + these = read
    skipped: Mapping[str, int] = field(default_factory=dict)


class Format(Protocol):
    NAME: str
    SUFFIXES: tuple[str, ...]

    def looks_like(self, header: list[str]) -> bool: ...

    def parse(self, raw: RawTable, report: Report, today: dt.date | None = None) -> Any: ...

    def describe(self, data: Any) -> Checked: ...

    def load(self, w: Writer, data: Any, source_id: int) -> int: ...

    def combine(self, parts: list[Any], members: list[str], report: Report) -> Any: ...
