"""The goods structure of a region or of one partner: sums by HS heading from SQL, the names of the codes added here.

The sums come from sql/commodity_structure*.sql with the codes only (flow, section, chapter, heading). The names
(of the section, chapter and heading, in Russian and English) repeat on every row, ~10 text columns of a few
thousand rows, and DuckDB makes a new Python string of every value it hands to pandas: that was half of the goods
page's query at 100M rows (8 of ~17 ms). Taken here from the version's reference tables (read once per version
file, which never changes), each column is a list of the same few hundred strings. The columns and their order
are what the joins in SQL gave: a code without a name has None.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dashboard.store.db import Store
from dashboard.store.period import Period

if TYPE_CHECKING:  # as store/db.py: the CLI's JSON answers do without them
    import pandas as pd


NAMED = {"section": ("roman", "section_ru", "section_en"), "chapter": ("chapter_ru", "chapter_en"),
         "heading": ("heading_ru", "heading_en")}
COLUMNS = ("flow", "section", "roman", "section_ru", "section_en", "chapter", "chapter_ru", "chapter_en",
           "heading", "heading_ru", "heading_en", "value_cents", "value_usd", "netto_kg")


@functools.lru_cache(maxsize=8)
def _names(store: Store, version_file: Path, text: object) -> dict[str, tuple[pd.Index, dict[str, Any]]]:
    """key column (section, chapter, heading) -> (its codes, name column -> the names in that order and a missing
    value last, for a code without one, as an array of the text dtype `text`), from one version's reference tables.
    Built once per version: a frame's names are then taken from these arrays (Arrow's take), not made again from
    Python strings at every query (that was ~3 ms of the partner's structure at 100M rows)."""
    import pandas as pd
    del version_file  # the cache key: a version file's reference tables never change
    rows: dict[str, list[tuple]] = {"section": [], "chapter": [], "heading": []}
    for kind, code, roman, ru, en in store.rows("hs_names"):
        rows[kind].append((int(code), roman, ru, en) if kind == "section" else (code, ru, en))
    out = {}
    for kind, found in rows.items():
        cols = NAMED[kind]
        out[kind] = (pd.Index([r[0] for r in found]),
                     {c: pd.array([r[i + 1] for r in found] + [None], dtype=text) for i, c in enumerate(cols)})
    return out


def _named(store: Store, frame: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd
    text = frame["flow"].dtype  # the dtype DuckDB gives a text column (pandas 3: str, NaN for NULL)
    columns = {c: frame[c] for c in frame.columns}
    for key, (codes, names) in _names(store, store.served, text).items():
        at = codes.get_indexer(frame[key])  # -1 (the missing value at the end): no name, or no section (NULL)
        for col, values in names.items():
            columns[col] = pd.Series(values.take(at), index=frame.index, copy=False)
    return pd.DataFrame({c: columns[c] for c in COLUMNS}, index=frame.index)


def commodity_structure(store: Store, region: str, period: Period, iso2: str | None = None) -> pd.DataFrame:
    """Trade by heading, chapter and section (the columns of COLUMNS): of the whole region (its own rollups: a whole
    year from the whole-year one), or with one partner."""
    if iso2 is not None:
        frame = store.df("commodity_structure_partner", region=region, partner=iso2, **period.params)
    elif period.full_year:
        frame = store.df("commodity_structure_year", region=region, year=period.year)
    else:
        frame = store.df("commodity_structure", region=region, **period.params)
    return _named(store, frame)
