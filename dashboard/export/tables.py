"""Tables as files an analyst opens in Excel: CSV in UTF-8 with BOM, ';' separator and decimal comma
(what Russian Excel expects on a double click), and XLSX."""
from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter


def csv_bytes(df: pd.DataFrame) -> bytes:
    text = df.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def _cell(v: object) -> object:
    """A value as openpyxl writes it: Python numbers and dates, an empty cell for a missing value."""
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    return v.item() if hasattr(v, "item") else v   # numpy scalars


def xlsx_bytes(df: pd.DataFrame, sheet: str = "data", note: str = "") -> bytes:
    """One sheet of data, the header bold and frozen, each column as wide as its first 200 values need; a note
    (period, scope, source, data version) goes below the table.

    Written in openpyxl's write-only mode, row by row: the goods page offers every heading (2,000+ rows) and
    builds its file at every render, which pandas' writer (a cell object per value) took 170-370 ms for."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet[:31])
    for i, col in enumerate(df.columns, start=1):
        width = max(len(str(col)), *(len(str(v)) for v in df[col].head(200))) if len(df) else len(str(col))
        ws.column_dimensions[get_column_letter(i)].width = min(60, width + 2)
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for col in df.columns:
        cell = WriteOnlyCell(ws, value=str(col))
        cell.font = bold
        header.append(cell)
    ws.append(header)
    for row in df.itertuples(index=False, name=None):
        ws.append([_cell(v) for v in row])
    if note:
        ws.append([])
        ws.append([note])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
