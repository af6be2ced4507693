"""Dialogue: a question of a partner's place (or share) and its answer told by the ordinal (or the percent) alone.

    — Алжир у вас в каком месте среди покупателей?
    — По итогам прошлого года — на седьмом, а год назад был двенадцатым.
"""
from __future__ import annotations

import datetime as dt
import re

from dashboard.meetings import morphology
from dashboard.meetings.claim import Claim
from dashboard.meetings.sentence import Sentence
from dashboard.store.period import Period

# a question of a partner's place and its answer by the ordinal alone: "— На каком месте Египет по итогам первого
# квартала? — На четвёртом. А годом ранее был седьмым."
PLACE_QUESTION = re.compile(r"(?<![\w-])(?:на\s+)?(?:как(?:ом|ое|ую|ой)|каков[оа]?)\s+"
                             r"(?:мест[еоа]|позици[июя]|строчк[еиу])(?![\w-])", re.I)
# (an answer may go on after a comma: "— Девятое, так что рост на пять позиций.")
_ANSWER_END = r"(?:\s*[.!]?|,\s+(?P<rest>.+))"
# (its period first: "— По итогам прошлого года — на седьмом, а год назад был двенадцатым.")
_ANSWER_PLACE = re.compile(r"\W*(?:(?:по\s+итогам|в|во|за)\s+[^—–,?.]{2,40}?\s*[—–]\s*)?(?:на\s+)?"
                           r"(?P<ord>[а-яё]+|\d{1,3}-?[а-я]{1,3})(?:\s+(?:мест[оеа]|позици[яи]))?"
                           + _ANSWER_END, re.I | re.S)
_ANSWER_BEFORE = re.compile(r"\W*(?:а\s+)?(?:годом\s+(?:ранее|раньше)|год\s+назад)\s+(?:был[аио]?|находил\w*|"
                            r"занимал\w*|оказал\w*)\s+(?:на\s+)?(?P<ord>[а-яё]+|\d{1,3}-?[а-я]{1,3})"
                            r"(?:\s+(?:мест[оеа]|позици[ия]\w*))?" + _ANSWER_END, re.I | re.S)
# the place of the year before asked after an answer: "— А годом ранее?"
YEAR_BEFORE_ASKED = re.compile(r"\W*(?:а\s+)?(?:годом\s+(?:ранее|раньше)|год\s+назад|в\s+прошлом\s+году)\s*\?", re.I)


def answered_place(s: str, asked: str | None, answered: Claim | None, main: str | None, period: Period | None,
                   how: str | None, ref: dt.date | None, asked_before: bool = False,
                   metric: str = "rank") -> tuple[Claim, str] | None:
    """The place a sentence answers with an ordinal alone after a question of the partner's place, or the place of
    the year before told after such an answer (or asked after it), with the rest of the sentence after a comma;
    None otherwise."""
    m = _ANSWER_PLACE.fullmatch(s) if asked or (answered and asked_before) else \
        _ANSWER_BEFORE.fullmatch(s) if answered else None
    rank = morphology.ordinal(m.group("ord")) if m else None
    if m is None or not rank:
        return None
    partner = asked or (answered.partner if answered else None)
    if answered is not None and not asked:
        period = answered.period.previous() if answered.period else None
        how = "year_before" if period else None
    x = Sentence(s, partner or main, period, how, ref=ref)
    x.add(m.start("ord"), m.end("ord"), answered.metric if answered and not asked else metric, partner, "exact",
          rank)
    return x.out[0][2], m.group("rest") or ""


# a question of a partner's share: "— Какова доля Египта в нашем экспорте?"
SHARE_QUESTION = re.compile(r"(?<![\w-])(?:как\w*|каков\w*)\s+(?:[а-яё]+\s+)?(?:дол[яиюе]|удельн\w+\s+вес)\w*", re.I)
_BUYERS = re.compile(r"(?<![\w-])(?:покупател|получател|потребител|рын\w*\s+сбыт|экспорт|вывоз)\w*", re.I)
_SUPPLIERS = re.compile(r"(?<![\w-])(?:поставщик|импорт|ввоз)\w*", re.I)
# the percent an answer gives first, no change ("на 12 %") nor a growth after it
_PERCENT = re.compile(r"(?<![\w-])(?<!на\s)(?P<num>\d{1,2}(?:[.,]\d+)?)\s*(?:%|процент\w*)"
                      r"(?!\s*(?:больше|меньше|выше|ниже|рост|прирост))", re.I)


def asked_flow(question: str) -> str:
    """The flow a question of a place or a share asks of: "среди покупателей", "в нашем экспорте" (exports)."""
    return "exports" if _BUYERS.search(question) else "imports" if _SUPPLIERS.search(question) else "turnover"


def answered_share(s: str, partner: str | None, flow: str, main: str | None, period: Period | None, how: str | None,
                   ref: dt.date | None) -> tuple[Claim, str] | None:
    """The share an answer gives by its first percent after a question of the partner's share ("— По итогам 2023
    года — 8,5 процента, это второе место после Турции."), with the rest of the sentence after it; None if none."""
    m = _PERCENT.search(s)
    if m is None:
        return None
    n = float(m.group("num").replace(",", "."))
    x = Sentence(s, partner or main, period, how, ref=ref)
    metric = {"exports": "export_share", "imports": "import_share"}.get(flow, "turnover_share")
    x.add(m.start("num"), m.end(), metric, partner or main, "exact", n / 100, claimed=n, unit="%")
    return x.out[0][2], s[m.end():].lstrip(" ,;—–")


# a question of a change and its answer by the change alone: "— Это рост? — На 14 процентов.", "— Рост? — Почти в два
# раза.", "— А насколько сократились поставки? — Примерно на пятую часть."
GROWTH_QUESTION = re.compile(r"(?<![\w-])(?:(?P<fall>снижени|падени|сокращени)\w*|рост\w*|прирост\w*|динамик\w*|"
                             r"на\s*сколько\s+(?:[а-яё]+\s+){0,2}?(?:(?P<fall2>сократ|снизи|упа)|вырос|выросл|увелич)\w*)"
                             r"[^?]{0,60}\?", re.I)
_CHANGE_ANSWER = re.compile(r"\W*(?:(?:почти|около|примерно|более|свыше|чуть\s+(?:больше|более|меньше)|где-то)\s+)?"
                            r"(?:на\s+\S+(?:\s+\S+)?\s*(?:%|процент\w*|п\w*\s+част\w*)|в\s+\S+(?:\s+\S+){0,3}?\s+раз\w*|"
                            r"вдвое|втрое|вчетверо|на\s+(?:треть|четверть|половину))", re.I)


def answered_change(s: str, question: str) -> str | None:
    """The answer to a question of a change read as a sentence telling it ("— На 14 процентов." -> "— Рост на 14
    процентов."), None if the sentence does not open with a change."""
    q = GROWTH_QUESTION.search(question)
    m = _CHANGE_ANSWER.match(s) if q else None
    if q is None or m is None:
        return None
    word = "Снижение" if q.group("fall") or q.group("fall2") else "Рост"
    lead = len(s) - len(s.lstrip(" —–-"))
    return f"{s[:lead]}{word} {s[lead:]}"
