"""The tables a page offers as files: the XLSX holds every value in its cell, with its type, the header bold and
frozen, and the note below the table."""
from __future__ import annotations

import datetime as dt
import io

import numpy as np
import openpyxl
import pandas as pd

from dashboard.export.tables import csv_bytes, xlsx_bytes


def test_the_xlsx_holds_every_value_with_its_type_and_the_note_below() -> None:
    df = pd.DataFrame({"Товар": ["1001 Пшеница", "1512 Масло", None],
                       "Стоимость, млн $": [np.float64(703.25), np.nan, 1.5],
                       "Масса, т": np.array([1017650, 309724, 0], dtype=np.int64),
                       "Срок": [dt.date(2023, 6, 30), None, dt.date(2024, 1, 1)],
                       "Загружено": pd.to_datetime(["2024-03-01 10:00", "2024-03-02 00:00", None])})
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(df, sheet="a" * 40, note="2024 · ФТС России")))
    ws = wb.worksheets[0]
    assert ws.title == "a" * 31 and ws.freeze_panes == "A2"
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == tuple(df.columns) and ws.cell(row=1, column=1).font.bold
    assert rows[1][:3] == ("1001 Пшеница", 703.25, 1017650) and isinstance(rows[1][2], int)
    assert rows[2][1] is None and rows[3][0] is None
    assert rows[1][3].date() == dt.date(2023, 6, 30) and rows[1][4] == dt.datetime(2024, 3, 1, 10, 0)
    assert rows[3][4] is None
    assert rows[-1][0] == "2024 · ФТС России" and len(rows) == 1 + len(df) + 2
    assert ws.column_dimensions["A"].width == len("1001 Пшеница") + 2


def test_an_empty_table_is_a_sheet_with_its_header() -> None:
    df = pd.DataFrame(columns=["Страна", "Оборот"])
    rows = list(openpyxl.load_workbook(io.BytesIO(xlsx_bytes(df))).worksheets[0].iter_rows(values_only=True))
    assert rows == [("Страна", "Оборот")]


def test_the_csv_opens_in_russian_excel() -> None:
    data = csv_bytes(pd.DataFrame({"a": [1.5], "b": ["x"]}))
    assert data.startswith("\ufeff".encode()) and data.decode("utf-8-sig") == "a;b\r\n1,5;x\r\n"
