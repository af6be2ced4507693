"""The goods page's download files made ahead on a thread (widgets.files_ahead) are the ones downloads() offers,
made once."""
from __future__ import annotations

import threading

import pandas as pd
import pytest

from dashboard.export import tables
from dashboard.ui import widgets


def test_files_made_ahead_are_the_downloads_bytes_made_once(monkeypatch: pytest.MonkeyPatch) -> None:
    widgets.table_files.clear()
    made: list[str] = []
    release = threading.Event()
    xlsx = tables.xlsx_bytes

    def slow_xlsx(df: pd.DataFrame, sheet: str = "data", note: str = "") -> bytes:
        made.append(sheet)
        release.wait(5)  # the page's own call arrives while the thread is still writing
        return xlsx(df, sheet, note)

    monkeypatch.setattr(tables, "xlsx_bytes", slow_xlsx)
    df = pd.DataFrame({"Товар": ["0101 Лошади", "1001 Пшеница"], "млн $": [1.5, 250.25], "тыс. т": [0.1, 900.0]})
    widgets.files_ahead(df, "goods_x", "a note")
    threading.Timer(0.2, release.set).start()
    csv, data = widgets.table_files(df.copy(), "goods_x", "a note")  # an equal frame: the same cache entry
    assert made == ["goods_x"]  # written once, by the thread; the run waited for it
    assert csv == tables.csv_bytes(df)
    release.set()
    assert tables.xlsx_bytes is slow_xlsx
    monkeypatch.undo()
    assert data[:2] == b"PK" and len(data) > 1000
    widgets.table_files.clear()
