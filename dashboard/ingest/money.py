"""Money as exact integer cents (README, "Definitions"), read from the text of a file without passing through a
binary float: '1 234,56' is 123456 cents, so sums never drift and a tie to the cent is a tie.

A value finer than a cent ('1234,567') is either refused at its line (the FTS gives dollars and cents: more
digits mean a damaged or re-computed file) or rounded once, half up on its decimal digits, and counted (UN
Comtrade publishes fractions of a dollar), as the format says.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from dashboard.ingest.columns import MAX_VALUE, flag
from dashboard.ingest.rawtable import RawTable
from dashboard.ingest.report import Report

MAX_CENTS = int(MAX_VALUE) * 100
PLAIN = r"^([+-]?)([0-9]{0,15})(?:[.,]([0-9]*))?$"  # ASCII digits only; 16 whole digits or more: ODD
ODD = re.compile(r"[+-]?(?:(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?|inf|infinity|nan)", re.I)
SPACES = r"[\s\u00a0\u202f]"                       # thousands separators


def _odd(text: str) -> tuple[int | None, str]:
    """One value not in the plain form (an exponent, a huge or infinite number...): (cents, what it is).
    Decimal reads more than this (other scripts' digits, underscores): only the forms of ODD get to it."""
    if not ODD.fullmatch(text):
        return None, "not_number"
    d = Decimal(text.replace(",", "."))
    if d.is_nan():
        return None, "not_number"
    if d.is_infinite():
        return None, "not_finite"
    if d < 0:
        return None, "negative"
    if d > MAX_VALUE:
        return None, "implausible"
    cents = d * 100
    whole = int(cents.to_integral_value(rounding=ROUND_HALF_UP))
    return whole, "finer" if cents != whole else "ok"


def parse(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(cents: Int64, <NA> where the text is no usable amount; kind of each value: ok | finer | blank |
    not_number | not_finite | negative | implausible). A finer value's cents are rounded half up."""
    text = s.astype("str").str.replace(SPACES, "", regex=True)
    p = text.str.extract(PLAIN)
    whole, frac = p[1], p[2].fillna("")
    plain = whole.notna() & ((whole != "") | (frac != ""))
    cents = pd.Series(pd.NA, index=s.index, dtype="Int64")
    kind = pd.Series("not_number", index=s.index, dtype=object)
    kind[text == ""] = "blank"
    if plain.any():
        w, f = whole[plain], frac[plain]
        two = f.str[:2].str.ljust(2, "0")
        rest = f.str[2:]
        up = (rest.str[:1] >= "5").astype("int64")  # half up, on the digits as written
        value = (pd.to_numeric(w.where(w != "", "0")).astype("int64") * 100 + pd.to_numeric(two).astype("int64")
                 + up)
        negative = p[0][plain] == "-"
        finer = rest.str.strip("0") != ""
        kind[plain] = np.where(negative, "negative", np.where(finer, "finer", "ok"))
        cents[plain] = value.astype("Int64").mask(negative)
    odd = ~plain & (text != "")
    for i in np.flatnonzero(odd.to_numpy()):
        c, k = _odd(text.iloc[i])
        kind.iloc[i] = k
        if c is not None:
            cents.iloc[i] = c
    too_large = (kind.isin(["ok", "finer"]) & (cents > MAX_CENTS)).fillna(False)
    kind[too_large] = "implausible"
    cents[too_large] = pd.NA
    return cents, kind


def check(report: Report, raw: RawTable, s: pd.Series, column: str, finer: str) -> tuple[pd.Series, np.ndarray]:
    """The amounts of a required money column in cents, every bad one reported; finer = "refuse" reports a
    value finer than a cent, "round" keeps it rounded. (cents, which values were rounded)."""
    cents, kind = parse(s)
    reasons = {"blank": "missing_value", "not_number": "not_number", "not_finite": "not_finite",
               "negative": "negative", "implausible": "implausible"}
    if finer == "refuse":
        reasons["finer"] = "finer_than_cent"
    for k, reason in reasons.items():
        params = {"max": f"{MAX_VALUE:.0e}"} if reason == "implausible" else {}
        flag(report, raw, (kind == k).to_numpy(), column, s, f"ingest.reason.{reason}", **params)
    return cents, (kind == "finer").to_numpy() & (finer == "round")
