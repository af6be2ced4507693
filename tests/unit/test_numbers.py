"""Numbers as the reader's language writes them (CLDR rules through babel), one number of decimals per column."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard.i18n.numbers import NBSP, column_decimals, column_formatter, money, number, percent


def test_russian_and_english_signs() -> None:
    assert number(1032164.6, 1, "ru") == f"1{NBSP}032{NBSP}164,6"
    assert number(1032164.6, 1, "en") == "1,032,164.6"
    assert number(-3.04, 1, "ru") == "−3,0"
    assert number(-0.04, 1, "ru") == "0,0"  # no negative zero
    assert number(None) == "—" and number(math.nan) == "—"


def test_small_shares_never_read_zero() -> None:
    assert percent(0.173, "ru") == f"17,3{NBSP}%"
    assert percent(0.0004, "ru") == f"0,04{NBSP}%"
    assert percent(0.00004, "ru") == f"< 0,01{NBSP}%"
    assert percent(0.0, "ru") == f"0,0{NBSP}%"
    assert percent(0.238, "en", signed=True) == f"+23.8{NBSP}%"
    assert percent(-0.1, "ru", signed=True) == f"−10,0{NBSP}%"


def test_money_of_a_small_partner_in_thousands() -> None:
    assert money(200_800, "ru") == f"200,8{NBSP}тыс. $"
    assert money(420e6, "en") == f"420.0{NBSP}M $"


@pytest.mark.parametrize(("values", "decimals"), [
    ([520, 412.8, 305.14], 0), ([12.5, 3.2, 0.4], 1), ([0.52, 0.31, 0.002], 2), ([0.04, 0.01], 3),
    ([2400.0, 11.0, 9.0, 7.5, -3.0], 1),  # one new partner's +2 400 % does not take the decimals from the rest
    ([], 3), ([None, math.nan], 3),
])
def test_decimals_by_the_column_magnitude(values: list, decimals: int) -> None:
    assert column_decimals(values) == decimals


def test_one_column_one_format() -> None:
    col = pd.Series([78.1, 42.0, 30.514, 0.01, None])
    fmt = column_formatter(col, "ru")
    assert [fmt(v) for v in col] == ["78,1", "42,0", "30,5", "< 0,1", "—"]
    signed = column_formatter(pd.Series([6.9, -23.1, 0.0]), "ru", signed=True)
    assert [signed(v) for v in (6.9, -23.1, 0.0)] == ["+6,9", "−23,1", "0,0"]
    ints = column_formatter(pd.Series([1234, 5], dtype="Int64"), "ru", decimals=0)
    assert ints(1234) == f"1{NBSP}234" and ints(pd.NA) == "—"
