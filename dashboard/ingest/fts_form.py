"""The form of the FTS regional unload, shared by its two readers (fts.parse, the row-by-row checks, and
fts_fast.read_clean, the fast path), so that both accept exactly the same files: the header spellings, the
codes of the text fields and the table both return.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.ingest.rawfile import norm_header
from dashboard.ingest.report import Report
from dashboard.store import rollups

STR = pd.StringDtype("pyarrow", na_value=np.nan)  # what .astype("str") gives: the text columns' dtype

# canonical name -> header spellings seen in unloads (compared after norm_header)
HEADERS: dict[str, tuple[str, ...]] = {
    "napr": ("napr", "направление", "направление перемещения", "напр"),
    "period": ("period", "период", "отчетный период"),
    "nastranapr": ("nastranapr", "страна", "страна-партнер", "страна партнер", "код страны", "strana"),
    "tnved": ("tnved", "тнвэд", "тн вэд", "код тн вэд", "код товара"),
    "edizm": ("edizm", "ед. изм.", "единица измерения", "едизм", "ед.изм."),
    "stoim": ("stoim", "стоимость", "стоимость, долл. сша", "стоимость (долл. сша)", "стоимость, долл.сша"),
    "netto": ("netto", "нетто", "вес нетто", "вес нетто, кг", "нетто, кг"),
    "kol": ("kol", "количество", "кол-во", "количество в доп. ед."),
    "region": ("region", "регион", "субъект рф", "субъект"),
    "region_s": ("region_s", "федеральный округ", "фо", "округ"),
}
REQUIRED = ("napr", "period", "nastranapr", "tnved", "stoim", "region")
FLOWS = {"ЭК": "E", "ИМ": "I", "EXP": "E", "IMP": "I", "ЭКСПОРТ": "E", "ИМПОРТ": "I", "EX": "E", "IM": "I"}
KEY = ["region", "year", "month", "flow", "partner", "hs10", "unit"]
# the forms of the text fields
# ASCII digits only: Python's \d (and str.isdigit) also take full-width and Arabic-Indic digits
PERIOD_RE = r"^([0-9]{1,2})[./]([0-9]{4})$"
REGION_RE = r"^([0-9]{2,11}|NNNNN)\s*(?:-\s*(.*))?$"
HS10_RE = r"[0-9]{10}"


@dataclass
class FtsData:
    # region, year, month, flow, partner, hs10, unit, value_cents, netto_kg, qty; the fast path hands the text
    # columns over dictionary-encoded (a few distinct values each), which DuckDB reads as plain VARCHAR
    table: pa.Table
    regions: pd.DataFrame     # code, name, district
    ignored_columns: list[str]

    @property
    def trade(self) -> pd.DataFrame:
        """The rows as a DataFrame with plain text columns (for small files and tests; imports use table)."""
        return rollups.plain(self.table).to_pandas(types_mapper={pa.string(): STR, pa.large_string(): STR}.get)

    @functools.cached_property
    def rollup(self) -> rollups.Delta:
        """The rollup rows of these declarations, summed once (fts.describe asks in the reading thread)."""
        return rollups.deltas(self.table)

    def distinct(self, column: str) -> list:
        """The distinct values of a column, without a pass over the rows when it is dictionary-encoded."""
        col = self.table.column(column)
        if pa.types.is_dictionary(col.type):
            return sorted(set().union(*(c.dictionary.to_pylist() for c in col.chunks)))
        return sorted(pc.unique(col).to_pylist())


def looks_like(header: list[str]) -> bool:
    names = set(map(normalise_header, header))
    return {"napr", "nastranapr", "tnved"} <= names or {"направление", "страна"} <= names


def normalise_header(h: str) -> str:
    n = norm_header(h)
    for canon, spellings in HEADERS.items():
        if n in spellings:
            return canon
    return n


def map_columns(header: list[str], report: Report) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for i, h in enumerate(header):
        canon = normalise_header(h)
        if canon in HEADERS:
            if canon in found:
                report.add(1, h, h, "ingest.reason.header_twice", other=found[canon] + 1)
            found[canon] = i
    for need in REQUIRED:
        if need not in found:
            report.add(1, need, "", "ingest.reason.missing_column_or", column=need, alias=HEADERS[need][1])
    return found if report.ok else None


def ignored_columns(header: list[str], cols: dict[str, int]) -> list[str]:
    return [h for i, h in enumerate(header) if i not in set(cols.values())]
