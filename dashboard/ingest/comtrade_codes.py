"""The codes of a UN Comtrade file: reporter and partner areas (alphanumeric or numeric), flows, and the markers of
a total in the breakdown columns (partner2, mode of transport, customs procedure, mode of supply)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.ingest import columns as col
from dashboard.reference import comtrade_areas
from dashboard.reference import partners as ref_partners

# Exports and imports; re-exports, re-imports, domestic exports and foreign imports are parts of them ("of which"
# lines: exports = domestic exports + re-exports), so a file that brings both would count them twice: the parts are
# skipped and counted
FLOWS = {"X": "E", "M": "I", "2": "E", "1": "I", "EXPORT": "E", "IMPORT": "I"}
FLOW_PARTS = frozenset({"RX", "RM", "DX", "FM", "3", "4", "RE-EXPORT", "RE-IMPORT", "DOMESTIC EXPORT",
                        "FOREIGN IMPORT"})
# what a breakdown column holds on the row of the total: partner2 World, all modes, all procedures
TOTALS = {
    "partner2": frozenset({"", "0", "W00", "WLD"}),
    "mot": frozenset({"", "0", "TOTAL"}),
    "customs": frozenset({"", "C00"}),
    "mos": frozenset({"", "0"}),
}
BREAKDOWNS = tuple(TOTALS)


def _alpha_table() -> dict[str, tuple[str, str]]:
    found = {p.iso3: (p.iso2, "country") for p in ref_partners.all_partners() if p.iso3}
    found.update({a: (area.code, area.kind) for a, area in comtrade_areas.by_alpha().items()})
    return found


def _number_table() -> dict[int, tuple[str, str]]:
    known = {p.iso2 for p in ref_partners.all_partners()}
    return {n: (a.code, a.kind) for n, a in comtrade_areas.by_number().items()
            if a.kind != "country" or a.code in known}


def areas(iso: pd.Series | None, number: pd.Series | None) -> tuple[pd.Series, pd.Series, np.ndarray]:
    """(the store's code, its kind, whether the code was read from the alphanumeric column) of each row. The
    alphanumeric code is read where the file has one; a row without it (legacy files leave it blank for some
    areas, the short layout has numbers only) is read by its number. Unknown: NaN code and kind."""
    index = (iso if iso is not None else number).index  # type: ignore[union-attr]
    code = pd.Series(np.nan, index=index, dtype=object)
    kind = pd.Series(np.nan, index=index, dtype=object)
    by_alpha = np.zeros(len(index), dtype=bool)
    if iso is not None:
        text = col.ascii_upper(iso, "?")
        by_alpha = (text != "").to_numpy()
        found = text.map(_alpha_table())
        code[by_alpha] = found[by_alpha].str[0]
        kind[by_alpha] = found[by_alpha].str[1]
    if number is not None:
        rest = ~by_alpha
        digits = number.where(number.str.fullmatch(r"[0-9]{1,4}").fillna(False).astype(bool))
        found = pd.to_numeric(digits, errors="coerce").map(_number_table())
        code[rest] = found[rest].str[0]
        kind[rest] = found[rest].str[1]
    return code, kind, by_alpha


def is_total(values: pd.Series, dimension: str) -> np.ndarray:
    return values.str.upper().isin(TOTALS[dimension]).to_numpy()
