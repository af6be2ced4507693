"""The period a sentence of a press release speaks of, as a reader understands it.

Stated: "в 2023 году", "за январь–сентябрь 2023 года", "январь — май", "с января по апрель", "за 7 месяцев", "в
первом квартале", "в I квартале", "во втором полугодии 2024 года", "в апреле", "с начала года". Relative to the
meeting date (`ref`): "в прошлом году", "по итогам прошлого года", "текущего года", and every form above written
without a year, which takes the latest such period that had ended by the meeting ("за 7 месяцев" on 5 September 2024
= January–July 2024). A base of comparison ("по сравнению с 2022 годом", "чем во II квартале прошлого года", "чем за
тот же период 2023 года") is not the period; when it is the only one, the period is the same months a year after it
(the caller keeps a period carried from an earlier sentence of that later year instead). Carrying a period over to
the next sentences is the caller's business.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dashboard.meetings import morphology
from dashboard.store.period import Period

_MONTHS = ("январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август", "сентябр", "октябр", "ноябр",
           "декабр")
_MONTH = "|".join(rf"{m}\w*" for m in _MONTHS)
_IN_MONTH = "|".join(f"{m}е" for m in ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август",
                                       "сентябр", "октябр", "ноябр", "декабр"))
_FOR_MONTH = "январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь"
_OF_MONTH = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
# "в 2023 году", "2024 г.", "в 2023-м" (the noun left out)
_YEAR = r"(?P<y>(?:19|20)\d{2})(?:\s*(?:-?м\s+)?(?:год\w*|гг?\.)|-м(?![\w-]))"
_REL = r"(?P<rel>текущ\w*|этого|нынешн\w*|позапрошл\w*|прошл\w*|предыдущ\w*|минувш\w*)\s+год\w*"
_WHEN = rf"(?:\s+(?:{_YEAR}|{_REL}))?"
_NUMW = morphology.number_words_pattern()
_ROMAN = r"IV|I{1,3}"     # "в I квартале", "во II полугодии": Latin capitals, as releases type them
_ROMAN_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4}

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(rx, re.I)) for kind, rx in (
    # (days named too: "с 1 июля по 30 ноября")
    # (or two months joined: "— июль и август —", "в июле и августе 2024 года")
    ("range", rf"(?<![\w-])(?:(?P<a>{_MONTH})\s*[-–—]\s*|"
              rf"с\s+(?:\d{{1,2}}\s+)?(?P<a2>{_MONTH})\s+по\s+(?:\d{{1,2}}\s+)?|(?P<a3>{_MONTH})\s+и\s+)(?P<b>{_MONTH}){_WHEN}"),
    ("months", rf"(?<![\w-])(?P<n>\d{{1,2}}|{_NUMW})\s+(?:(?:перв\w+|последн\w+)\s+)?(?:месяц\w*|мес\.){_WHEN}"),
    ("half", rf"(?<![\w-])(?P<h>перв\w*|втор\w*|II?|минувш\w*|прошедш\w*|истекш\w*)\s+полугоди\w*{_WHEN}"),
    # the half year a report names alone is the first: "за полугодие", "по итогам полугодия", "итоги полугодия в
    # цифрах:", "подводя итоги полугодия", "за полгода"
    ("half", rf"(?<![\w-])(?:за|по\s+итогам|итог\w*)\s+(?:полугоди\w*|полгода(?![\w-])){_WHEN}"),
    # (the last half year that had ended, told by "полгода": "за минувшие полгода")
    ("half", r"(?<![\w-])(?P<h>минувш\w*|прошедш\w*|истекш\w*)\s+полгода(?![\w-])"),
    # the year a report names alone is the last one that had ended by the meeting: "по итогам года", "итоги года:"
    ("last_year", r"(?<![\w-])(?:по\s+итогам|итоги)\s+года(?![\w-])(?!\s+(?:\d|[а-яё]+(?:ого|его)\s+год))"),
    ("quarters", rf"(?<![\w-])(?:тр[её]х|три|двух|два)\s+квартал\w*{_WHEN}"),
    # (abbreviated too: "к I кв. 2022 г.")
    ("quarter", rf"(?<![\w-])(?P<q>[а-яё]+|[1-4]-?м?|{_ROMAN})\s+(?:квартал\w*|кв\.){_WHEN}"),
    ("since_start", r"(?<![\w-])с\s+начала\s+(?:(?:текущего|этого|нынешнего)\s+)?года"),
    ("month", rf"(?<![\w-])в\s+(?P<m>{_IN_MONTH}){_WHEN}(?![\w-])"),
    # a month named with its year, or as the subject of a record: "январь 2024 года стал рекордным", "Октябрь 2023
    # года", "Апрель стал рекордным месяцем" (not "с января 2024 года": since then)
    ("month", rf"(?<![\w-])(?<!с\s)(?<!со\s)(?<!до\s)(?<!по\s)(?P<m>(?:{_MONTH}))\s+(?:{_YEAR}|"
              r"(?=стал\w*\s|был\s+рекордн|оказал\w*\s+рекордн))"),
    # one month by "за" and its name, or by the results or the record of it: "за март", "Рекорд марта:", "по итогам
    # октября 2023 года" (not "за январь — май", a range)
    ("month", rf"(?<![\w-])(?:за\s+(?P<m>{_FOR_MONTH})|(?:по\s+итогам|итог\w*|рекорд\w*|в\s+течение)\s+"
              rf"(?P<m2>{_OF_MONTH})){_WHEN}(?![\w-])(?!\s*[-–—]\s*(?:{_MONTH}))"),
    # a heading's year: "Итоги-2024.", "итоги 2023:" (the noun left out)
    # (or a year alone in brackets, as slides and tables write it: "экспорт 57,8 млн $ (2023)", "(доля в обороте,
    # 2023)")
    ("year", rf"(?<![\w-]){_YEAR}|(?:(?:по\s+итогам|за)\s+|итог\w*\s*[-–—]?\s*)(?P<y2>(?:19|20)\d{{2}})(?!\d)|"
             r"\((?:[^()]{0,40}[,;]\s*)?(?P<y3>(?:19|20)\d{2})\s*\)"),
    ("relative", rf"(?<![\w-]){_REL}"),
    # the noun left out after a year named so before: "в позапрошлом году …, а в прошлом — уже 77,9 млн"
    # (or at the end of its part: "… против 52,1 млн в позапрошлом.")
    ("relative", r"(?<![\w-])(?:в|за)\s+(?P<rel>позапрошл\w*|прошл\w*|текущ\w*|минувш\w*|нынешн\w*)"
                 r"(?=\s*(?:[—–,.;)]|$))"),
    # the whole year of the months named before: "в IV квартале 2023 года … 171,4 млн, за год в целом — 527,9 млн"
    # (alone, the last year that had ended; the caller takes the year of a sentence's period for a part; "за год"
    # alone is over a year, no period)
    ("last_year", r"(?<![\w-])(?:за\s+(?:весь|целый)\s+год|за\s+год\s+в\s+целом|в\s+целом\s+за\s+год)(?![\w-])"
                  r"(?!\s+(?:до|назад|\d|[а-яё]+(?:ого|его)\s+год))"),
))
# a base of comparison: "к уровню января–июня 2023 г.", "превышает показатель аналогичного периода 2022 года"
# (each word from its start: "поставок I квартала 2024 г." holds no "к")
# (or the level compared with, its period after it: "против 250 млн в 2022 году")
_BASE = re.compile(rf"(?<![\w-])(?:(?:по\s+сравнению|в\s+сравнении|сравнительно|в\s+сопоставлении)\s+со?|относительно|"
                   rf"против(?:\s+(?:около\s+|порядка\s+)?\d[\d.,]*\s*(?:млн|млрд|тыс)\.?(?:\s+(?:долл\w*|тонн|т)\.?)?"
                   rf"\s+(?:в|за))?|к\s+уровню|уровн[яюе]|уровень|"
                   rf"показател[ьяюе]\w*|к|"
                   rf"чем\s+(?:во?|за))\s+"
                   rf"(?:(?:аналогичн\w+|т(?:от|ем|ого|ому)\s+же|так(?:ой|им|ого|ому)\s+же|соответствующ\w+)\s+"
                   rf"период\w*\s+|(?P<part>(?:(?:[а-яё]+|{_ROMAN}|[1-4]-?м?)\s+(?:квартал\w*|полугоди\w*|кв\.)|"
                   rf"(?:{_MONTH})\s*[-–—]\s*(?:{_MONTH})|"
                   # (months counted: "против 441,9 млн за девять месяцев 2024 года")
                   rf"(?:[а-яё]+|\d{{1,2}})\s+(?:месяц\w*|мес\.)|"
                   # (or one month: "на 44 % больше, чем в апреле 2023 года")
                   rf"(?:{_MONTH}))\s+))?"
                   rf"(?:(?P<y>(?:19|20)\d{{2}})\s*(?:-?м\s+)?(?:год\w*|г\.)?|{_REL})",
                   re.I)


@dataclass(frozen=True)
class Found:
    period: Period
    how: str          # stated | relative (worked out from the meeting date) | base (the year after a base)


def _month(word: str) -> int:
    return next(i + 1 for i, m in enumerate(_MONTHS) if re.match(m, word.lower()))


def _rel_year(rel: str, ref: dt.date | None) -> int | None:
    if ref is None:
        return None
    r = rel.lower()
    if r.startswith(("текущ", "этого", "нынешн")):
        return ref.year
    return ref.year - (2 if r.startswith("позапрошл") else 1)


def _year(m: re.Match[str], ref: dt.date | None, last_month: int) -> tuple[int | None, bool]:
    """The year a match names, else the latest year in which `last_month` had ended by the meeting date."""
    groups = m.groupdict()
    if groups.get("y"):
        return int(groups["y"]), False
    if groups.get("rel"):
        return _rel_year(groups["rel"], ref), True
    if ref is None:
        return None, True
    return (ref.year if last_month < ref.month else ref.year - 1), True


def _make(kind: str, m: re.Match[str], ref: dt.date | None) -> tuple[Period, bool] | None:
    if kind == "since_start":
        if ref is None or ref.month == 1:
            return None
        return Period(ref.year, 1, ref.month - 1), True
    if kind == "last_year":
        return (Period(ref.year - 1), True) if ref else None
    if kind == "relative":
        y = _rel_year(m.group("rel"), ref)
        return (Period(y), True) if y else None
    if kind == "year":
        return Period(int(m.group("y") or m.group("y2") or m.group("y3"))), False
    if kind == "range":
        a, b = _month(m.group("a") or m.group("a2") or m.group("a3")), _month(m.group("b"))
        span = (a, b) if a <= b and (not m.group("a3") or b == a + 1) else None
    elif kind == "months":
        n = m.group("n")
        count = int(n) if n.isdigit() else morphology.cardinal(n.split())
        span = (1, count) if count and 1 <= count <= 12 else None
    elif kind == "half":
        h = (m.groupdict().get("h") or "перв").lower()
        if _LAST_PART.match(h) and ref is not None:     # "в минувшем полугодии": the last that had ended
            return (Period(ref.year, 1, 6) if ref.month > 6 else Period(ref.year - 1, 7, 12)), True
        span = (1, 6) if h.startswith("перв") or h == "i" else (7, 12)
    elif kind == "quarters":
        span = (1, 9) if m.group(0).lower().startswith("тр") else (1, 6)
    elif kind == "quarter":
        word = m.group("q").lower()
        if _LAST_PART.match(word):     # "в минувшем квартале": the last one that had ended by the meeting
            return _last_quarter(ref)
        q = int(word.rstrip("-м")) if word[0].isdigit() else _ROMAN_VALUES.get(word.upper()) \
            or morphology.ordinal(word)
        span = (3 * q - 2, 3 * q) if q and 1 <= q <= 4 else None
    else:   # month
        mo = _month(m.group("m") or m.group("m2"))
        span = (mo, mo)
    if span is None:
        return None
    year, relative = _year(m, ref, span[1])
    if year is None:
        return None
    return Period(year, *span), relative


# a part of the year told by its place before the meeting: "в минувшем квартале", "за прошедший квартал"
_LAST_PART = re.compile(r"(?:минувш|прошл|прошедш|истекш|предыдущ)\w*$")


def _last_quarter(ref: dt.date | None) -> tuple[Period, bool] | None:
    if ref is None:
        return None
    q = (ref.month - 1) // 3     # the quarters that had ended this year
    return (Period(ref.year, 3 * q - 2, 3 * q) if q else Period(ref.year - 1, 10, 12)), True


# the word order of a translation: "за год 2023", "в течение первая половина года 2024", "2024 календарного года"
_YEAR_AFTER = re.compile(r"(?<![\w-])год[ау]?\s+((?:19|20)\d{2})(?![\d,.]\d)", re.I)
_HALF_WORDS = re.compile(r"(?<![\w-])(перв|втор)\w*\s+половин\w+", re.I)
_CALENDAR = re.compile(r"(?<=\d)\s+(?:календарн|отч[её]тн|финансов)\w+(?=\s+год)", re.I)


def _plain(sentence: str) -> str:
    if "год" not in sentence and "половин" not in sentence:
        return sentence
    return _HALF_WORDS.sub(r"\1ое полугодие", _CALENDAR.sub("", _YEAR_AFTER.sub(r"\1 года", sentence)))


def _first(sentence: str, ref: dt.date | None) -> Found | None:
    for kind, rx in _PATTERNS:
        for m in rx.finditer(sentence):
            made = _make(kind, m, ref)
            if made:
                return Found(made[0], "relative" if made[1] else "stated")
    return None


def named(text: str, ref: dt.date | None = None) -> Period | None:
    """The period the text names last, as it stands (a base of comparison too): "ниже уровня 2022 года" -> 2022."""
    text = _plain(text)
    last = None
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            made = _make(kind, m, ref)
            if made and (last is None or m.start() > last[0]):
                last = (m.start(), made[0])
    return last[1] if last else None


# a change from a figure of one year to one of a later year: "вырос с 40 млн долларов в 2022 году до 65 млн в 2023
# году" (the later year is the sentence's)
_FROM_TO_YEARS = re.compile(r"(?<![\w-])с\s+[^.;]{0,40}?\s(?:в|за)\s+(?:19|20)\d\d\s*(?:год\w*|г\.)\s+до\s+"
                            r"[^.;]{0,40}?\s(?:в|за)\s+(?P<y>(?:19|20)\d\d)", re.I)


def stated(sentence: str, ref: dt.date | None = None) -> Found | None:
    """The period a sentence states, or None."""
    sentence = _plain(sentence)
    later = _FROM_TO_YEARS.search(sentence) if "до" in sentence else None
    if later:
        return Found(Period(int(later.group("y"))), "stated")
    base = _BASE.search(sentence)
    if base is None:
        return _first(sentence, ref)
    rest = sentence[:base.start()] + " " + sentence[base.end():]
    found = _first(rest, ref)
    if found:
        return found
    if base.group("part"):    # "чем в I квартале 2023 года": the same part of the year after
        part = _first(base.group(0), ref)
        p = part.period if part else None
        # (a relative year too: "по сравнению с первым полугодием прошлого года")
        return Found(Period(p.year + 1, p.m_from, p.m_to), "base") if p and (base.group("y") or base.group("rel")) \
            else None
    return Found(Period(int(base.group("y")) + 1), "base") if base.group("y") else None
