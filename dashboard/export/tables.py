"""Tables as files an analyst opens in Excel: CSV in UTF-8 with BOM, ';' separator and decimal comma
(what Russian Excel expects on a double click), and XLSX."""
from __future__ import annotations

import io

import pandas as pd


def csv_bytes(df: pd.DataFrame) -> bytes:
    text = df.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def xlsx_bytes(df: pd.DataFrame, sheet: str = "data", note: str = "") -> bytes:
    """One sheet of data; a note (period, scope, source, data version) goes below the table."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        df.to_excel(xw, sheet_name=sheet[:31], index=False)
        ws = xw.sheets[sheet[:31]]
        for i, col in enumerate(df.columns, start=1):
            width = max(len(str(col)), *(len(str(v)) for v in df[col].head(200))) if len(df) else len(str(col))
            ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, width + 2)
        ws.freeze_panes = "A2"
        if note:
            ws.cell(row=len(df) + 3, column=1, value=note)
    return buf.getvalue()
