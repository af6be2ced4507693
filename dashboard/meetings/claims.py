"""Figures quoted in Russian press-release text, as claims that can be checked against the store.

Recognised (each sentence on its own):
- rank: "4-е место", "занимает четвёртое место", "на втором месте", "третьим по величине торговым партнёром",
  "входит в пятёрку" / "в первой десятке" / "в топ-5" (qualifier top_n, value = size of the top);
  "среди 114 внешнеторговых партнеров" after a rank also gives a partners_count claim for the region;
- partners_count: "со 114 странами", "102 торговых партнера";
- firms: "более 200 предприятий", "свыше 180 компаний", "185 экспортёров" (kind exporters / importers / any);
- turnover / exports / imports in US dollars: "233 млн долларов", "$1,2 млрд", "4,13 млрд долларов США"
  (sums in roubles or euros are not claims: the store holds dollars);
- growth as a ratio (0.31 = +31 %): "товарооборот вырос на 31%", "экспорт снизился на 5 %", "рост в 1,5 раза",
  "вдвое", "131 % к уровню 2021 года" (metric turnover_growth / export_growth / import_growth).
Qualifiers: более / свыше / больше / превысил -> more_than; около / порядка / примерно -> about;
почти / практически / без малого -> almost; не более / менее / меньше -> at_most; otherwise exact.
The partner is the country named in the sentence, else the text's main partner (for ranks and firms always;
for money and growth unless the sentence speaks of the region: "области", "региона" and no partner word).
The period is the one the sentence states ("в 2022 году", "за январь–сентябрь 2023 года", "за 9 месяцев 2023
года", "в первом полугодии 2023 года", "в прошлом году" given the meeting date), else None.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from dashboard.meetings import countries
from dashboard.meetings.ru_words import CARDINALS, THOUSAND, cardinal, ordinal, top_n
from dashboard.store.period import Period

Metric = Literal["rank", "partners_count", "firms", "turnover", "exports", "imports", "turnover_growth",
                 "export_growth", "import_growth"]
Qualifier = Literal["exact", "more_than", "about", "almost", "at_most", "top_n"]
METRICS: tuple[str, ...] = ("rank", "partners_count", "firms", "turnover", "exports", "imports",
                            "turnover_growth", "export_growth", "import_growth")


@dataclass
class Claim:
    quote: str                       # the words of the text that state the figure
    metric: str                      # one of METRICS
    partner: str | None              # ISO alpha-2; None = the region as a whole
    period: Period | None            # as stated in the text; None = not stated
    qualifier: str                   # one of exact / more_than / about / almost / at_most / top_n
    value: float                     # rank / count / US dollars / growth ratio (0.31 = +31 %)
    kind: str | None = None          # firms only: exporters | importers | any
    step: float | None = None        # money only: the unit of the last stated digit (233 млн -> 1e6)
    sentence: str = field(default="", compare=False)

    def to_dict(self) -> dict:
        return {"quote": self.quote, "metric": self.metric, "partner": self.partner,
                "period": self.period.code() if self.period else None, "qualifier": self.qualifier,
                "value": self.value, "kind": self.kind}


# --- numbers -----------------------------------------------------------------------------------------------
_WORDS = "|".join(sorted(set(CARDINALS) | THOUSAND, key=len, reverse=True))
_NUM_WORDS = rf"(?:{_WORDS})(?:\s+(?:{_WORDS}))*"
_NUM_DIGITS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
NUM = rf"(?P<num>{_NUM_DIGITS}|(?<![а-яё]){_NUM_WORDS}(?![а-яё]))"


def number(text: str) -> tuple[float, int] | None:
    """'1 234,5' -> (1234.5, 1 decimal); 'сто четырнадцать' -> (114, 0)."""
    t = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if t[:1].isdigit():
        t = t.replace(" ", "").replace(",", ".")
        decimals = len(t.split(".")[1]) if "." in t else 0
        return float(t), decimals
    n = cardinal(t.lower().split())
    return (float(n), 0) if n is not None else None


def _int_or_float(x: float) -> float:
    return int(x) if float(x).is_integer() else round(x, 6)


# --- qualifiers, metrics, partners, periods ----------------------------------------------------------------
_QUAL = re.compile(
    r"(?:(?P<neg>не\s+)?(?P<w>более|больше|свыше|превыша\w*|превысил\w*|около|порядка|примерно|приблизительно|"
    r"почти|практически|без\s+малого|менее|меньше))\s+(?:чем\s+)?(?:на\s+)?(?:со?\s+)?(?:\$\s*)?$", re.I)


def qualifier(before: str) -> tuple[str, int]:
    """The qualifier ending right before a number, and where it starts in `before` (len(before) if none)."""
    m = _QUAL.search(before)
    if not m:
        return "exact", len(before)
    w = m.group("w").lower()
    if m.group("neg") or w in ("менее", "меньше"):
        return "at_most", m.start()
    if w.startswith(("более", "больше", "свыше", "превыш", "превысил")):
        return "more_than", m.start()
    if w in ("около", "порядка", "примерно", "приблизительно"):
        return "about", m.start()
    return "almost", m.start()


_FLOW = re.compile(r"экспорт\w*|вывоз\w*|импорт\w*|ввоз\w*|(?:внешне)?торгов\w+\s+оборот\w*|товарооборот\w*|"
                   r"оборот\w*|поставк\w*", re.I)


def _flow_metric(sentence: str, at: int) -> tuple[str, int | None]:
    """'turnover' / 'exports' / 'imports' from the nearest flow word before `at` (else the first after)."""
    before = [m for m in _FLOW.finditer(sentence) if m.start() < at]
    m = before[-1] if before else _FLOW.search(sentence, at)
    if m is None:
        return "turnover", None
    w = m.group(0).lower()
    if w.startswith(("экспорт", "вывоз", "поставк")):
        return "exports", m.start()
    if w.startswith(("импорт", "ввоз")):
        return "imports", m.start()
    return "turnover", m.start()


_REGION_WORDS = re.compile(r"\b(?:област\w*|регион\w*)", re.I)
_PARTNER_WORDS = re.compile(r"республик\w*|стран[аоуые]\w*|двусторонн\w*|взаимн\w*|с\s+ним\b|с\s+ней\b|"
                            r"партн[её]р\w*", re.I)


def _partner(sentence: str, default: str | None, region_level: bool) -> str | None:
    found = countries.find(re.sub(r"долл\w*\.?\s+США", "долларов", sentence))
    if found:
        return found[0][0]
    if region_level and _REGION_WORDS.search(sentence) and not _PARTNER_WORDS.search(sentence):
        return None
    return default


_MONTHS = ["январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август", "сентябр", "октябр", "ноябр",
           "декабр"]
_MONTH_RE = "|".join(rf"{m}\w*" for m in _MONTHS)
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_PERIODS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(?P<a>{_MONTH_RE})\s*[-–—]\s*(?P<b>{_MONTH_RE})\s+{_YEAR}", re.I), "range"),
    (re.compile(rf"(?:за\s+)?(?P<n>\d{{1,2}}|{_NUM_WORDS})\s+месяц\w*\s+{_YEAR}", re.I), "months"),
    (re.compile(rf"(?P<h>перв|втор)\w*\s+полугоди\w*\s+{_YEAR}", re.I), "half"),
    (re.compile(rf"(?P<n>\w+)\s+квартал\w*\s+{_YEAR}", re.I), "quarter"),
    (re.compile(rf"{_YEAR}\s*(?:-?м\s+)?(?:год\w*|г\.)", re.I), "year"),
    (re.compile(r"(?P<rel>позапрошл|прошл|предыдущ)\w*\s+год\w*", re.I), "relative"),
]


def _month(word: str) -> int:
    return next(i + 1 for i, m in enumerate(_MONTHS) if re.match(m, word.lower()))


_BASE = re.compile(rf"(?:по\s+сравнению\s+с|относительно|против|к\s+уровню|к)\s+(?:аналогичн\w+\s+период\w+\s+)?"
                   rf"{_YEAR}\s*(?:год\w*|г\.)?", re.I)


def period_in(sentence: str, ref_date: dt.date | None = None) -> Period | None:
    """The period a sentence states, or None. A base of comparison ("по сравнению с 2022 годом") is not the
    period; if it is the only year, the period is the year after it."""
    base = _BASE.search(sentence)
    if base:
        rest = sentence[:base.start()] + " " + sentence[base.end():]
        return _period(rest, ref_date) or Period(int(base.group("y")) + 1)
    return _period(sentence, ref_date)


def _period(sentence: str, ref_date: dt.date | None) -> Period | None:
    for pattern, kind in _PERIODS:
        m = pattern.search(sentence)
        if not m:
            continue
        if kind == "relative":
            if ref_date is None:
                return None
            return Period(ref_date.year - (2 if m.group("rel").lower().startswith("позапрошл") else 1))
        year = int(m.group("y"))
        if kind == "range":
            a, b = _month(m.group("a")), _month(m.group("b"))
            return Period(year, a, b) if a <= b else None
        if kind == "months":
            n = number(m.group("n"))
            return Period(year, 1, int(n[0])) if n and 1 <= n[0] <= 12 else None
        if kind == "half":
            return Period(year, 1, 6) if m.group("h").lower() == "перв" else Period(year, 7, 12)
        if kind == "quarter":
            word = m.group("n").lower()
            if word in ("три", "трёх", "трех"):
                return Period(year, 1, 9)
            q = ordinal(word)
            if q and 1 <= q <= 4:
                return Period(year, 3 * q - 2, 3 * q)
            continue
        return Period(year)
    return None


# --- the rules ---------------------------------------------------------------------------------------------
_ORD = r"(?P<ord>\d{1,3}-?(?:е|ое|й|ой|ий|ый|м|ом|го|ого|ю|ую)|[а-яё]+)"
_RANK_PLACE = re.compile(rf"(?<![\w-]){_ORD}\s+(?:мест\w*|позици\w*|строчк\w*)", re.I)
_RANK_PARTNER = re.compile(rf"(?<![\w-]){_ORD}\s+(?:по\s+\w+\s+)?(?:(?:крупнейш|(?:внешне)?торгов|экономическ)\w*\s+)*"
                           r"партн[её]р\w*", re.I)
_OF = re.compile(rf"^[\s,]*(?:[а-яё]+\s+){{0,3}}?(?:среди|из)\s+{NUM}(?:\s+(?:[а-яё]+\s+){{0,2}}?"
                 r"(?:стран\w*|партн[её]р\w*|государств\w*))?", re.I)
_TOP = re.compile(r"(?:входит|вош[её]л\w*|входя\w*)?\s*в\s+(?:(?:перв|верхн)\w+\s+)?"
                  r"(?:(?P<w>[а-яё]+)|топ[- ]?(?P<d>\d+))", re.I)
_TOP_NUM = re.compile(rf"в\s+числе\s+{NUM}\s+(?:крупнейш|ведущ|основн)\w*", re.I)
_COUNT_PARTNERS = re.compile(rf"(?<![\w-]){NUM}\s+(?:[а-яё]+(?:ых|их|ми|ами)\s+){{0,2}}"
                             r"(?:стран\w*|государств\w*|партн[её]р\w*)", re.I)
_FIRMS = re.compile(rf"(?<![\w-]){NUM}\s+(?:[а-яё]+(?:ых|их)\s+){{0,2}}(?P<noun>предприяти\w*|компани\w*|фирм\w*|"
                    r"организаци\w*|экспорт[её]р\w*|импорт[её]р\w*|участник\w*\s+(?:ВЭД|внешнеэкономическ\w*)|"
                    r"хозяйствующ\w+\s+субъект\w*)", re.I)
_MONEY = re.compile(rf"(?P<cur1>\$\s*)?(?<![\w-]){NUM}\s*(?P<scale>млрд|млн|тыс|трлн|миллиард\w*|миллион\w*|тысяч\w*)"
                    r"\.?(?:\s*(?P<cur>долл\w*\.?(?:\s+США)?|\$|USD|американских\s+долларов|руб\w*\.?|евро|€))?",
                    re.I)
_SCALE = {"тыс": 1e3, "тысяч": 1e3, "млн": 1e6, "миллион": 1e6, "млрд": 1e9, "миллиард": 1e9, "трлн": 1e12}
_PCT = re.compile(rf"(?<![\w-]){NUM}\s*(?:%|процент\w*)(?P<rel>\s+к\s+(?:уровню|аналогичному|показател\w+|"
                  r"прошл\w+|предыдущ\w+))?(?P<cmp>\s+(?:больше|выше|меньше|ниже))?", re.I)
_TIMES = re.compile(rf"(?:в\s+{NUM}\s+раза?|(?P<word>вдвое|втрое|вчетверо))", re.I)
_GROW = re.compile(r"вырос\w*|выросл\w*|увеличил\w*|увеличени\w*|рост\w*|прирост\w*|подрос\w*|прибавил\w*", re.I)
_FALL = re.compile(r"снизил\w*|снижени\w*|сократил\w*|сокращени\w*|уменьшил\w*|упал\w*|падени\w*", re.I)
_GROWTH_METRIC = {"turnover": "turnover_growth", "exports": "export_growth", "imports": "import_growth"}


def _overlaps(span: tuple[int, int], used: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in used)


def _sentence_claims(s: str, default: str | None, ref_date: dt.date | None) -> list[Claim]:
    period = period_in(s, ref_date)
    out: list[tuple[int, Claim]] = []
    used: list[tuple[int, int]] = []

    def add(start: int, end: int, metric: str, partner: str | None, qual: str, value: float,
            core: int | None = None, when: Period | None = None, **kw: object) -> None:
        """A claim quoting s[start:end]; only s[core:end] (the figure itself) is taken from other rules."""
        quote = s[start:end].strip(" ,").rstrip(".")
        out.append((start, Claim(quote, metric, partner, when or period, qual, _int_or_float(value),
                                 sentence=s, **kw)))  # type: ignore[arg-type]
        used.append((start if core is None else core, end))

    partner = _partner(s, default, region_level=False)
    for rx in (_RANK_PLACE, _RANK_PARTNER):
        for m in rx.finditer(s):
            rank = ordinal(m.group("ord"))
            if rank is None or _overlaps(m.span(), used):
                continue
            end, of = m.end(), _OF.match(s[m.end():])
            n = number(of.group("num")) if of else None
            if of and n:
                end = m.end() + of.end()
            add(m.start(), end, "rank", partner, "exact", rank)
            if n:
                add(m.start(), end, "partners_count", None, "exact", n[0])
    for m in _TOP.finditer(s):
        size = int(m.group("d")) if m.group("d") else top_n(m.group("w") or "")
        if size and not _overlaps(m.span(), used):
            add(m.start(), m.end(), "rank", partner, "top_n", size)
    for m in _TOP_NUM.finditer(s):
        if (n2 := number(m.group("num"))) and not _overlaps(m.span(), used):
            add(m.start(), m.end(), "rank", partner, "top_n", n2[0])

    def qualified(m: re.Match[str]) -> tuple[str, int]:
        return qualifier(s[:m.start("num")])

    for m in _COUNT_PARTNERS.finditer(s):
        n = number(m.group("num"))
        if n and not _overlaps(m.span(), used) and not period_in(m.group(0)):
            qual, start = qualified(m)
            add(start, m.end(), "partners_count", None, qual, n[0])
    for m in _FIRMS.finditer(s):
        n = number(m.group("num"))
        if n and not _overlaps(m.span(), used):
            noun = m.group("noun").lower()
            kind = ("exporters" if noun.startswith("экспорт") else "importers" if noun.startswith("импорт")
                    else "exporters" if re.search(r"экспортиру|поставля", s, re.I)
                    else "importers" if re.search(r"импортиру|закупа|ввоз", s, re.I) else "any")
            qual, start = qualified(m)
            add(start, m.end(), "firms", partner, qual, n[0], kind=kind)
    money_partner = _partner(s, default, region_level=True)
    for m in _MONEY.finditer(s):
        n = number(m.group("num"))
        cur = (m.group("cur") or "").lower()
        dollars = bool(m.group("cur1")) or cur.startswith(("долл", "$", "usd", "американ"))
        if not n or not dollars or _overlaps(m.span(), used):
            continue
        scale = next(v for k, v in _SCALE.items() if m.group("scale").lower().startswith(k))
        metric, at = _flow_metric(s, m.start())
        qual, start = qualified(m)
        if m.group("cur1"):
            start = min(start, m.start("cur1"))
        if at is not None and 0 <= start - at <= 60:
            start = at
        add(start, m.end(), metric, money_partner, qual, n[0] * scale, core=m.start(), step=scale / 10 ** n[1])
    grow, fall = _GROW.search(s), _FALL.search(s)
    for m in _PCT.finditer(s):
        n = number(m.group("num"))
        if not n or _overlaps(m.span(), used):
            continue
        before = s[:m.start("num")]
        after_na = re.search(r"\bна\s+(?:\w+\s+){0,2}$", before, re.I)
        if m.group("cmp"):
            value = (-1 if m.group("cmp").strip().lower() in ("меньше", "ниже") else 1) * n[0] / 100
        elif m.group("rel") and not after_na:
            value = n[0] / 100 - 1
        elif (grow or fall) and not re.search(r"(?:до|дол\w+)\s+$", before, re.I) \
                and not re.search(r"\bдол[яиюе]\w*", s, re.I):
            verb = [v for v in (grow, fall) if v and v.start() < m.start()]
            value = -n[0] / 100 if (fall and (not grow or (verb and verb[-1] is fall))) else n[0] / 100
        else:
            continue
        metric, at = _flow_metric(s, m.start())
        qual, start = qualified(m)
        verbs = [v.start() for v in (grow, fall) if v and 0 <= start - v.start() <= 60]
        start = min([start, *verbs, *([at] if at is not None and 0 <= start - at <= 60 else [])])
        add(start, m.end(), _GROWTH_METRIC[metric], money_partner, qual, value, core=m.start())
    for m in _TIMES.finditer(s):
        if _overlaps(m.span(), used) or not (grow or fall):
            continue
        times = {"вдвое": 2.0, "втрое": 3.0, "вчетверо": 4.0}.get((m.group("word") or "").lower())
        if times is None:
            n = number(m.group("num"))
            times = n[0] if n else None
        if not times:
            continue
        value = (1 / times - 1) if fall and not grow else (times - 1)
        metric, at = _flow_metric(s, m.start())
        starts = [m.start()] + [v.start() for v in (grow, fall) if v and 0 <= m.start() - v.start() <= 60]
        if at is not None and 0 <= m.start() - at <= 60:
            starts.append(at)
        add(min(starts), m.end(), _GROWTH_METRIC[metric], money_partner, qualifier(s[:m.start()])[0], value,
            core=m.start())
    return [c for _, c in sorted(out, key=lambda x: x[0])]


_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[«\"(\-–—A-ZА-ЯЁ0-9])|\n+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SPLIT.split(text) if s and s.strip()]


def extract_claims(text: str, partner: str | None = None, ref_date: dt.date | None = None) -> list[Claim]:
    """Every figure claim of a text, in text order. `partner` is the text's main partner (default: the most
    mentioned country); `ref_date` (the meeting date) resolves "в прошлом году"."""
    main = partner or next(iter(countries.partners_in(text)), None)
    claims: list[Claim] = []
    for s in sentences(text):
        claims.extend(_sentence_claims(s, main, ref_date))
    return claims
