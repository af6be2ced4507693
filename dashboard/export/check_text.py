"""A checked figure in words, for the page, the form and the CLI: the verdict, the scope and the notes that
meetings/check.py returns as keys, rendered with t() in one language."""
from __future__ import annotations

from dashboard.i18n import t
from dashboard.i18n.message import render_all
from dashboard.i18n.numbers import money, number, percent
from dashboard.meetings.check import CheckedClaim


def describe(metric: str, value: float | None, lang: str = "ru") -> str:
    """A data value as the interface shows it: 4, 212, 300,0 млн $, +28,8 %, 12,4 %, +96,3 млн $, 353,7 (tonnes,
    the metric's name says so)."""
    if value is None:
        return "—"
    if metric in ("turnover", "exports", "imports"):
        return money(value, lang)
    if metric.endswith("_change") and metric != "rank_change":
        return ("+" if value > 0 else "") + money(value, lang)
    if metric.endswith("growth"):
        return percent(value, lang, signed=True)
    if metric.endswith("_share"):
        return percent(value, lang)
    return number(value, 0 if float(value).is_integer() else 1, lang)


def verdict(c: CheckedClaim, lang: str) -> str:
    """'подтверждено' / 'расходится (в данных: 212)' / 'нет данных'."""
    if c.verdict == "mismatch":
        return t(c.verdict_key, lang, value=describe(c.claim.metric, c.data_value, lang))
    return t(c.verdict_key, lang)


def scope(c: CheckedClaim, lang: str) -> str:
    """'с учётом ЕАЭС, демонстрационные данные'; for a firm count 'всего компаний, 2022'."""
    if c.firms_kind:  # the kind of firms in the middle of a line: its own lower-case words
        return ", ".join([t(f"meetings.firms_scope.{c.firms_kind}", lang)]
                         + ([str(c.period.year)] if c.period else []))
    parts = [t(k, lang) for k in c.scope_keys]
    return ", ".join(parts)


def notes(c: CheckedClaim, lang: str) -> str:
    return render_all(c.notes, lang)


def as_dict(c: CheckedClaim, lang: str) -> dict:
    """The check's keys (to_dict) and, beside them, the same in words."""
    return c.to_dict() | {"verdict_text": verdict(c, lang), "scope_text": scope(c, lang),
                          "note_text": notes(c, lang)}
