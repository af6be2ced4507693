"""Vectorised checks shared by the readers: each returns parsed values and reports the bad rows."""
from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from dashboard.ingest.rawtable import RawTable
from dashboard.ingest.report import Report
from dashboard.reference import partners as ref_partners

MAX_VALUE = 1e12  # no single customs line is worth a trillion dollars: such a value is an error
MAX_TEXT = 1000   # characters in one field: a region's full name is under 100; far more is not a field at all
# control characters (C0 but the line feed, DEL, C1) have no place in a field: a NUL ends a string in other tools
CONTROL = r"[\x00-\x09\x0b-\x1f\x7f-\x9f]"
ASCII = r"[\x00-\x7f]*"


def mis_encoded(values: pd.Series) -> bool:
    """Whether the text looks garbled by a CP1251/UTF-8 mix-up (letters of the one read as the other)."""
    sample = " ".join(values.head(50).astype(str))
    return any(ch in sample for ch in "ÐÑÃÂ") or "�" in sample


def flag(report: Report, raw: RawTable, mask: np.ndarray | pd.Series, column: str,
         values: pd.Series, reason: str, /, **params: object) -> None:
    """Report every row where mask is true (reason: a key of ingest.reason, with its params)."""
    idx = np.flatnonzero(np.asarray(mask, dtype=bool))
    if not len(idx):
        return
    lines = raw.line_of(idx)
    vals = values.to_numpy()
    for n, (i, line) in enumerate(zip(idx, lines, strict=True)):
        if n >= 1000:  # the report lists a thousand; the rest are only counted
            report.total += len(idx) - n
            break
        report.add(int(line), column, vals[i], reason, **params)


def parse_number(s: pd.Series) -> pd.Series:
    """'1 234,5' -> 1234.5 (spaces are thousands separators, comma or dot the decimal sign); bad -> NaN."""
    cleaned = s.str.replace(r"[\s\u00a0\u202f]", "", regex=True).str.replace(",", ".", regex=False)
    return pd.to_numeric(cleaned.where(cleaned != ""), errors="coerce")


def check_number(report: Report, raw: RawTable, s: pd.Series, column: str, required: bool) -> pd.Series:
    num = parse_number(s)
    blank = s.str.strip() == ""
    if required:
        flag(report, raw, blank, column, s, "ingest.reason.missing_value")
    notnum = num.isna() & ~blank
    flag(report, raw, notnum, column, s, "ingest.reason.not_number")
    arr = num.to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        flag(report, raw, ~np.isfinite(arr) & ~np.isnan(arr), column, s, "ingest.reason.not_finite")
        flag(report, raw, arr < 0, column, s, "ingest.reason.negative")
        flag(report, raw, (arr > MAX_VALUE) & np.isfinite(arr), column, s, "ingest.reason.implausible",
             max=f"{MAX_VALUE:.0e}")
    return num


def ascii_upper(s: pd.Series, other: str = "") -> pd.Series:
    """Upper case of ASCII text only: 'ſe'.upper() is 'SE' and 'ıl'.upper() is 'IL', so a code that becomes
    valid only by folding another script's letter is `other` (matching no code) instead."""
    return s.str.upper().where(s.str.fullmatch(ASCII).fillna(False).astype(bool), other)


def check_text(report: Report, raw: RawTable) -> None:
    """Every header name and every field: no control character, no field longer than MAX_TEXT."""
    for name in raw.header:
        if re.search(CONTROL, name):
            report.add(1, printable(name), name, "ingest.reason.control_char")
    for i, name in enumerate(raw.header):
        arr = raw.table.column(i)
        ctrl = pc.match_substring_regex(arr, CONTROL).to_numpy(zero_copy_only=False)
        long = pc.greater(pc.utf8_length(arr), MAX_TEXT).to_numpy(zero_copy_only=False)
        if ctrl.any() or long.any():
            shown = pd.Series(arr.to_pylist(), dtype=object).map(printable)
            flag(report, raw, ctrl, printable(name), shown, "ingest.reason.control_char")
            flag(report, raw, long & ~ctrl, printable(name), shown.str[:60], "ingest.reason.text_too_long",
                 max=MAX_TEXT)


def printable(text: str) -> str:
    """Control characters written as escapes (\\x00, \\n): a name or value shown in a report never breaks
    its line or forges another."""
    return re.sub(CONTROL + "|\n", lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def check_partner(report: Report, raw: RawTable, s: pd.Series, column: str) -> pd.Series:
    code = ascii_upper(s.str.strip())
    known = frozenset(p.iso2 for p in ref_partners.all_partners())
    flag(report, raw, ~code.isin(known), column, s, "ingest.reason.unknown_partner")
    return code


def check_year_month(report: Report, raw: RawTable, year: pd.Series, month: pd.Series, column: str,
                     shown: pd.Series, today: dt.date | None = None) -> None:
    """Months 1..12, years from 1990, and nothing after the current month."""
    today = today or dt.date.today()
    y = year.to_numpy(dtype="float64", na_value=np.nan)
    m = month.to_numpy(dtype="float64", na_value=np.nan)
    bad_form = np.isnan(y) | np.isnan(m)
    flag(report, raw, bad_form, column, shown, "ingest.reason.period_form")
    ok = ~bad_form
    with np.errstate(invalid="ignore"):
        flag(report, raw, ok & ((m < 1) | (m > 12)), column, shown, "ingest.reason.month_range")
        flag(report, raw, ok & (y < 1990), column, shown, "ingest.reason.year_too_early", first=1990)
        future = ok & (m >= 1) & (m <= 12) & ((y > today.year) | ((y == today.year) & (m > today.month)))
    flag(report, raw, future, column, shown, "ingest.reason.future_period")


def check_duplicates(report: Report, raw: RawTable, df: pd.DataFrame, key: list[str], value_cols: list[str],
                     column: str) -> None:
    """A key twice is an error: the same row repeated, or two rows that disagree."""
    dup = df.duplicated(key, keep=False).to_numpy()
    if not dup.any():
        return
    sub = df.loc[dup, key + value_cols].copy()
    sub["_row"] = np.flatnonzero(dup)
    sub["_line"] = raw.line_of(sub["_row"].to_numpy())
    first = sub.groupby(key, dropna=False, sort=False)["_line"].transform("min")
    for (_, r), f in zip(sub.iterrows(), first, strict=True):
        if r["_line"] == f:
            continue
        first_vals = sub.loc[sub["_line"] == f, value_cols].iloc[0]
        # two empty cells (NaN) are the same value here, or a repeated row with no Kol looks like a conflict
        same = all((a == b) or (pd.isna(a) and pd.isna(b))
                   for a, b in zip(first_vals, r[value_cols], strict=True))
        reason = "ingest.reason.duplicate" if same else "ingest.reason.conflicting_duplicate"
        report.add(int(r["_line"]), column, "", reason, first=int(f))


def check_members_overlap(report: Report, frames: list[pd.DataFrame], key: list[str], members: list[str]) -> None:
    """The members of one archive hold different rows: a key in two members is refused, naming both (each
    member's own duplicates were refused by its parse)."""
    joined = pd.concat([f[key].assign(_member=i) for i, f in enumerate(frames)], ignore_index=True)
    dup = joined.duplicated(key, keep=False)
    if not dup.any():
        return
    pairs = joined[dup].groupby(key, dropna=False, sort=False)["_member"].agg(lambda m: tuple(sorted(set(m))))
    for found in sorted(set(pairs)):
        for later in found[1:]:
            report.add(0, "", members[later], "ingest.reason.zip_members_overlap", other=members[found[0]])
