"""What the server does once at its start so that no official's first visit pays for it: import the modules the
pages use and build the figure check's word indexes.

Measured on the default data (AppTest, one process, pages in turn): the first view of the Встречи page took 1.2 s
against 0.13 s for the next, and most of the difference was not data but code: importing the claim rules compiles
their patterns (~0.5 s), and the first check declines every country name with pymorphy3 (~0.3 s). On the Товары
page the first table offered as XLSX imported openpyxl and the first named aggregation pandas' own helpers. All of
it is the same for every store and every session, so it belongs to the server's start (serve.py), not to whoever
comes first. So does the charts' theme: Plotly validates it once per language and screen (charts/theme.py, 9-18 ms
each), which the first chart drawn in each paid (in the render benchmark, the Товары page's first render).
The caches of data (keyed by the data version) stay cold: they depend on the store and fill on first use.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import time
from collections.abc import AsyncIterator
from typing import Any

# the ui modules the pages import (each page file imports a few of them; importing a page file would run it)
MODULES = ("dashboard.ui.overview_view", "dashboard.ui.official_view", "dashboard.ui.partner_view",
           "dashboard.ui.goods_view", "dashboard.ui.meetings_view", "dashboard.ui.meeting_form",
           "dashboard.ui.presenter", "dashboard.ui.deck_download", "dashboard.ui.letters_form",
           "dashboard.ui.narrative", "dashboard.ingest.pipeline", "dashboard.export.ranking_table")
# one sentence with a country, a rank, a sum and a growth: it makes the check load the morphology and the indexes
# of country names, numbers and ordinals that every later check uses
_PROBE = ("По итогам 2023 года Казахстан стал третьим партнёром области, товарооборот вырос на 12 % "
          "до 1,2 млрд долларов.")


def warm_up() -> float:
    """Import MODULES, run the claim extraction once and write one tiny XLSX; the seconds it took."""
    start = time.perf_counter()
    for name in MODULES:
        importlib.import_module(name)
    from dashboard.meetings.claims import extract_claims
    extract_claims(_PROBE, ref_date=dt.date(2024, 2, 1))
    import pandas as pd

    from dashboard.export.tables import xlsx_bytes
    tiny = pd.DataFrame({"k": ["a", "a"], "v": [1, 2]})
    xlsx_bytes(tiny.groupby("k").agg(v=("v", "sum")).reset_index())
    from dashboard.charts import theme
    for lang in ("ru", "en"):
        for projector in (False, True):  # the pages' charts and the presenter's slides
            theme.figure([], {}, lang, "", projector)
    return time.perf_counter() - start


@contextlib.asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """st.App's start hook (serve.py): warm up before the server takes its first connection."""
    warm_up()
    yield None
