"""Numbers, money, percentages, dates, months and ranks as officials write them: 1 234,5 млн $ / 1,234.5 M$,
30.04.2023 / 30 Apr 2023. Every date shown to a person goes through day() / moment() / day_long()."""
from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Iterable
from typing import SupportsFloat

from babel import Locale
from babel.numbers import format_decimal

from dashboard.i18n import t

MONTHS = {
    "ru": ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
           "ноябрь", "декабрь"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}
MONTHS_SHORT = {
    "ru": ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
MONTHS_GEN_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                 "ноября", "декабря"]
NBSP = "\u00a0"


def _missing(x: object) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


@functools.cache
def _locale(lang: str) -> Locale:
    return Locale.parse("ru_RU" if lang == "ru" else "en_US")


def number(x: float | None, decimals: int = 0, lang: str = "ru") -> str:
    """CLDR's signs for the language (babel): 1 234,5 / 1,234.5; the minus is the typographic one."""
    if _missing(x):
        return "—"
    assert x is not None
    if round(x, decimals) == 0:
        x = 0.0  # no "−0,0"
    s = format_decimal(x, "#,##0" + ("." + "0" * decimals if decimals else ""), locale=_locale(lang))
    return s.replace("-", "−")


def column_decimals(values: Iterable[float | None]) -> int:
    """One number of decimals for a whole column (a table whose every row has its own reads as noise), by the
    magnitude of its typical value, the median of the non-zero ones (one new partner's +2 000 % would otherwise
    take the decimals from every other growth): 0 from hundreds up, 1 from ones, then 2 and 3."""
    sizes = sorted(abs(float(v)) for v in values if v is not None and not _missing(v) and v != 0)
    typical = sizes[len(sizes) // 2] if sizes else 0.0
    return 0 if typical >= 100 else 1 if typical >= 1 else 2 if typical >= 0.1 else 3


def cell(x: float | None, decimals: int, lang: str = "ru", signed: bool = False, suffix: str = "") -> str:
    """A table cell: a value too small for the column's decimals reads '< 0,1', never '0,0'."""
    if _missing(x):
        return "—"
    assert x is not None
    step = 10.0 ** -decimals
    if x != 0 and abs(x) < step / 2:
        s = ("< " if x > 0 else "> −") + number(step, decimals, lang)
    else:
        s = number(x, decimals, lang)
        if signed and round(x, decimals) > 0:
            s = "+" + s
    return s + suffix


def column_formatter(values: Iterable[float | None], lang: str, signed: bool = False,
                     suffix: str = "", decimals: int | None = None) -> Callable[[float | None], str]:
    """The display text of one table column (for a pandas Styler): the values stay numbers, so the table still
    sorts by value; decimals chosen by column_decimals unless given."""
    values = [_float(v) for v in values]
    d = column_decimals(values) if decimals is None else decimals
    return lambda x: cell(_float(x), d, lang, signed, suffix)


def _float(x: SupportsFloat | None) -> float | None:
    """A table value as a float, None for the missing ones (None, NaN, pandas' NA: float() refuses NA)."""
    if x is None:
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def money(usd: float | None, lang: str = "ru", decimals: int = 1) -> str:
    """Dollars scaled to млн / млрд (M / bn), the unit written after the number."""
    if _missing(usd):
        return "—"
    assert usd is not None
    a = abs(usd)
    if a >= 1e9:
        v, unit = usd / 1e9, ("млрд $" if lang == "ru" else "bn $")
    elif a >= 1e6:
        v, unit = usd / 1e6, ("млн $" if lang == "ru" else "M $")
    elif a >= 1e3:
        v, unit = usd / 1e3, ("тыс. $" if lang == "ru" else "k $")
    else:
        v, unit = usd, "$"
    return f"{number(v, decimals, lang)}{NBSP}{unit}"


def percent(ratio: float | None, lang: str = "ru", decimals: int = 1, signed: bool = False) -> str:
    """17,3 %; a small non-zero share gets one more decimal (0,04 %) or reads '< 0,01 %', never '0,0 %'."""
    if _missing(ratio):
        return "—"
    assert ratio is not None
    pct = ratio * 100
    if not signed and pct != 0 and round(pct, decimals) == 0:
        decimals += 1
    return cell(pct, decimals, lang, signed, NBSP + "%")


def period_label(year: int, m_from: int, m_to: int, lang: str = "ru", short: bool = False) -> str:
    """2022 -> '2022 год' / '2022'; 1-9 -> 'январь–сентябрь 2023' / 'January–September 2023';
    short (for chart titles): '2022' and 'янв–сен 2023' / 'Jan–Sep 2023'."""
    if m_from == 1 and m_to == 12:
        return f"{year} год" if lang == "ru" and not short else str(year)
    names = MONTHS_SHORT[lang] if short else MONTHS[lang]
    if m_from == m_to:
        return f"{names[m_from - 1]} {year}"
    return f"{names[m_from - 1]}–{names[m_to - 1]} {year}"


def ordinal_place(rank: int, lang: str = "ru") -> str:
    """4 -> '4-е место' / '4th place'."""
    if lang == "ru":
        return f"{rank}-е место"
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix} place"


def rank_phrase(rank: int, of: int, lang: str = "ru") -> str:
    """'4-е место из 114 стран-партнёров' / '4th of 114 partner countries'."""
    if lang == "ru":
        return f"{rank}-е место из {of} {plural(of, 'страны-партнёра', 'стран-партнёров', 'стран-партнёров')}"
    return f"{ordinal_place(rank, 'en').replace(' place', '')} of {of} partner countries"


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian plural: 1 страна, 2 страны, 5 стран (21 -> one, 22 -> few, 11-14 -> many)."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def day(d: dt.date | None, lang: str = "ru") -> str:
    """30.04.2023 / 30 Apr 2023 (month spelled, so a foreign reader cannot swap day and month); '—' for None."""
    if d is None:
        return "—"
    if lang == "ru":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    return f"{d.day} {MONTHS_SHORT['en'][d.month - 1]} {d.year}"


def moment(t: dt.datetime, lang: str = "ru") -> str:
    """25.11.2026 16:05 / 25 Nov 2026 16:05."""
    return f"{day(t.date(), lang)} {t.hour:02d}:{t.minute:02d}"


def day_long(d: dt.date, lang: str = "ru") -> str:
    """3 февраля 2023 г. / 3 February 2023."""
    if lang == "ru":
        return f"{d.day} {MONTHS_GEN_RU[d.month - 1]} {d.year} г."
    return f"{d.day} {MONTHS['en'][d.month - 1]} {d.year}"


def version_label(number: str, published_at: str | None, lang: str = "ru") -> str:
    """What people see of the data version: '№ 3 от 25.11.2026 16:05' / 'no. 3 of 25 Nov 2026 16:05'."""
    try:
        published = moment(dt.datetime.fromisoformat(published_at), lang) if published_at else ""
    except ValueError:
        published = published_at or ""
    return t("frame.version_label", lang, number=number, published=published).strip()
