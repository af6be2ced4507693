"""Figures quoted in Russian press-release text, as claims that can be checked against the store.

Recognised, each with its metric:
- rank: "4-е место", "заняла 14 место", "на пятой позиции", "седьмым по объёму товарооборота партнёром",
  "стала шестой среди партнёров", "крупнейший / главный партнёр" (= 1), "замыкает десятку" (= 10), "входит в
  десятку / в топ-15" (qualifier top_n); by flow, named after the rank or before it in its clause ("седьмое
  место по объёмам импорта", "По импорту Беларусь заняла пятое место", "…, а по импорту — на первом",
  "крупнейший потребитель волгоградского экспорта") export_rank / import_rank; "среди / в числе / в рейтинге
  114 стран" after a rank also gives partners_count; two places, two partners and "соответственно" pair up; a
  rank among a group ("среди африканских партнёров") or among Russian regions is not a claim;
- rank_change: "поднялась на 3 строчки" (+3), "опустилась на четыре позиции" (-4), "с 25-го на 19-е место";
- partners_count: "со 114 странами"; firms: "более 200 предприятий", "185 экспортёров", "число экспортёров
  достигло 128", kinds exporters / importers / any / foreign_capital ("компаний с иностранным капиталом"), else
  from the clause's verb ("экспортировали … 85 компаний");
- money in US dollars (turnover / exports / imports): "233 млн долларов", "$1,2 млрд", "45 миллионов долларов";
  a difference ("на 12,4 млн меньше", "нарастил на 48 млн долларов", "импорт — на 845 тыс. долларов") is
  *_change; a sum without a currency after one in dollars is in dollars too; roubles and euros are not claims;
- quantities in tonnes (exports_mass / imports_mass), with the goods when they are named ("1,2 млн тонн пшеницы",
  "на пшеницу пришлось 640 тыс. тонн");
- growth as a ratio (0.31 = +31 %): "вырос на 31%", "снизившись на 8 %", "в 3,1 раза", "вдвое", "131 % к
  уровню 2021 года"; shares ("на Турцию приходится 9,4 % оборота", "доля … составила 7,8 %", and a second one
  after a dash: "…, на Турцию — 8,7 %", "…, в экспорте — 9,8 %").
Qualifiers: более / свыше / превысил -> more_than; около / порядка -> about; почти -> almost; не более / менее ->
at_most; otherwise exact. The partner is the country named nearest before the figure in the sentence (else after
it), else the text's main partner; money and growth of "области" / "региона" with no partner named are the
region's. The flow is the nearest flow word before the figure, else one after it in its clause, else the one the
sentence before spoke of ("Товарооборот … В 2023 году он вырос до …"). Sentences about Russia's trade as a whole,
about another region ("Ростовская область", "Краснодарский край"), or about plans and targets give no claims.
The period: the sentence's own (periods.py), else the one stated earlier in the same paragraph, else None.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from dashboard.meetings import countries, goods, morphology, periods
from dashboard.store.period import Period

METRICS: tuple[str, ...] = (
    "rank", "export_rank", "import_rank", "rank_change", "partners_count", "firms", "turnover", "exports",
    "imports", "turnover_growth", "export_growth", "import_growth", "turnover_change", "export_change",
    "import_change", "turnover_share", "export_share", "import_share", "exports_mass", "imports_mass")
QUALIFIERS: tuple[str, ...] = ("exact", "more_than", "about", "almost", "at_most", "top_n")
FIRM_KINDS: tuple[str, ...] = ("exporters", "importers", "any", "foreign_capital")


@dataclass
class Claim:
    quote: str                       # the words of the text that state the figure
    metric: str                      # one of METRICS
    partner: str | None              # ISO alpha-2; None = the region as a whole
    period: Period | None            # as the text gives it; None = not stated
    qualifier: str                   # one of QUALIFIERS
    value: float                     # normalised: place / count / US dollars / tonnes / ratio (0.31 = +31 %)
    kind: str | None = None          # firms only: one of FIRM_KINDS
    step: float | None = None        # money and tonnes: the unit of the last stated digit (233 млн -> 1e6)
    goods: str | None = None         # money and tonnes of named goods: a ТН ВЭД heading or chapter
    sentence: str = field(default="", compare=False)
    claimed_value: float | None = field(default=None, compare=False)   # the number as written: 142.8, 15, 2.8
    unit: str = field(default="", compare=False)     # "%", "раза", "$", "т" or "" (places, counts)
    scale: str = field(default="", compare=False)    # "тыс", "млн", "млрд" or ""
    period_how: str | None = field(default=None, compare=False)   # stated | relative | base | carried

    @property
    def normalised_value(self) -> float:
        return self.value

    def to_dict(self) -> dict:
        return {"quote": self.quote, "metric": self.metric, "partner": self.partner,
                "period": self.period.code() if self.period else None, "period_how": self.period_how,
                "qualifier": self.qualifier, "claimed_value": self.claimed_value, "unit": self.unit,
                "scale": self.scale, "normalised_value": self.value, "kind": self.kind, "goods": self.goods}


# the rules that read on after a figure look at most this many characters ahead (a long sentence stays linear)
_AHEAD = 200

# --- numbers -----------------------------------------------------------------------------------------------
_NUM_WORDS = morphology.number_words_pattern()
_NUM_DIGITS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
NUM = rf"(?P<num>{_NUM_DIGITS}|(?<![а-яё]){_NUM_WORDS}(?![а-яё]))"


def number(text: str) -> tuple[float, int] | None:
    """'1 234,5' -> (1234.5, 1 decimal); 'сто четырнадцать' -> (114, 0)."""
    t = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if t[:1].isdigit():
        t = t.replace(" ", "").replace(",", ".")
        decimals = len(t.split(".")[1]) if "." in t else 0
        return float(t), decimals
    n = morphology.cardinal(t.lower().split())
    return (float(n), 0) if n is not None else None


def _clean(x: float) -> float:
    return int(x) if float(x).is_integer() else round(x, 9)


def period_in(sentence: str, ref_date: dt.date | None = None) -> Period | None:
    found = periods.stated(sentence, ref_date)
    return found.period if found else None


# --- qualifiers, flows, partners ---------------------------------------------------------------------------
_QUAL = re.compile(
    r"(?:(?P<neg>не\s+)?(?P<w>более|больше|свыше|превыша\w*|превысил\w*|около|порядка|примерно|приблизительно|"
    r"почти|практически|без\s+малого|менее|меньше))\s+(?:чем\s+)?(?:на\s+)?(?:со?\s+)?(?:\$\s*)?$", re.I)


def _qual_at(s: str, at: int) -> tuple[str, int]:
    """The qualifier ending at `at` in `s`, and where it starts (`at` if none); reads only the words before."""
    lo = max(0, at - 60)
    qual, start = qualifier(s[lo:at])
    return qual, lo + start


def qualifier(before: str) -> tuple[str, int]:
    """The qualifier ending right before a number, and where it starts in `before` (len(before) if none)."""
    m = _QUAL.search(before[-60:])
    if not m:
        return "exact", len(before)
    start = len(before) - len(before[-60:]) + m.start()
    w = m.group("w").lower()
    if m.group("neg") or w in ("менее", "меньше"):
        return "at_most", start
    if w.startswith(("более", "больше", "свыше", "превыш", "превысил")):
        return "more_than", start
    if w in ("около", "порядка", "примерно", "приблизительно"):
        return "about", start
    return "almost", start


_FLOW = re.compile(r"экспорт\w*|вывоз\w*|вывез\w*|направил\w*|отгруж\w*|отгрузк\w*|отправлен\w*|"
                   r"поставлен\w*|поставк\w*|импорт\w*|ввоз\w*|ввез\w*|закупк\w*|(?:внешне)?торгов\w+\s+оборот\w*|товарооборот\w*|"
                   r"оборот\w*", re.I)
_IMPORT_WORDS = ("импорт", "ввоз", "ввез", "закупк")
_EXPORT_WORDS = ("экспорт", "вывоз", "вывез", "направил", "отгруж", "отгрузк", "отправлен", "поставлен", "поставк",
                 "поставок")
_GROWTH = {"turnover": "turnover_growth", "exports": "export_growth", "imports": "import_growth"}
_CHANGE = {"turnover": "turnover_change", "exports": "export_change", "imports": "import_change"}
_SHARE = {"turnover": "turnover_share", "exports": "export_share", "imports": "import_share"}
_MASS = {"turnover": "exports_mass", "exports": "exports_mass", "imports": "imports_mass"}
_RANK = {"turnover": "rank", "exports": "export_rank", "imports": "import_rank"}


def _flow_of(word: str) -> str:
    w = word.lower()
    return "imports" if w.startswith(_IMPORT_WORDS) else "exports" if w.startswith(_EXPORT_WORDS) else "turnover"


def _flow_metric(x: _Sentence, at: int) -> tuple[str, int | None]:
    """'turnover' / 'exports' / 'imports' from the nearest flow word before `at`, else the first after it in its
    clause, else the flow the paragraph spoke of last ("Товарооборот … составил 355 млн. В 2023 году он вырос до
    401,8 млн"), else turnover."""
    if x.flows is None:     # found once per sentence, in text order
        x.flows = [(m.start(), _flow_of(m.group(0))) for m in _FLOW.finditer(x.s)]
    i = bisect.bisect_left(x.flows, (at, ""))
    if i and x.flows[i - 1][0] >= at - 160:
        return x.flows[i - 1][1], x.flows[i - 1][0]
    if i < len(x.flows) and x.flows[i][0] < x.clause_span(at)[1]:
        return x.flows[i][1], x.flows[i][0]
    return x.prev_flow or "turnover", None


_REGION_WORDS = re.compile(r"(?<![\w-])(?:област\w*|регион\w*|волгоградск\w*)", re.I)
_PARTNER_WORDS = re.compile(r"республик\w*|стран[аоуые]\w*|двусторонн\w*|взаимн\w*|с\s+ним\b|с\s+ней\b|"
                            r"партн[её]р\w*", re.I)
_DOLLARS_OF = re.compile(r"долл\w*\.?\s+$", re.I)
_NATIONAL = re.compile(r"(?<![\w-])(?:Росси[июяей]|РФ|Российск\w+\s+Федераци\w+|[Рр]оссийско-\w+)(?![\w])")
# another Russian region ("Ростовская область", "Краснодарский край"): its figures are not this region's
_OTHER_REGION = re.compile(r"(?<![\w-])(?!Волгоград)[А-ЯЁ][а-яё]+[сц]к(?:ая|ой|ую|ий|ого|ому|им|ом)\s+"
                           r"(?:област|кра[йяюе])\w*")
_OWN_REGION = re.compile(r"(?<![\w-])волгоградск\w*", re.I)
_PLANS = re.compile(r"планиру\w*|планах|намерен\w*|поставил\w*\s+цель|цел[ьи]\s|довести|прогноз\w*|ожида\w*",
                    re.I)


class _Sentence:
    """One sentence with what every rule asks of it, worked out once."""

    def __init__(self, s: str, default: str | None, period: Period | None, how: str | None,
                 prev_flow: str | None = None):
        self.s, self.default, self.period, self.how, self.prev_flow = s, default, period, how, prev_flow
        self.mentions = [m for m in countries.find(s) if not _DOLLARS_OF.search(s, 0, m[1])]   # "долларов США"
        self._mention_starts = [start for _, start, _ in self.mentions]
        self.region_level = bool(_REGION_WORDS.search(s)) and not _PARTNER_WORDS.search(s)
        self.out: list[tuple[int, int, Claim]] = []
        self.verbs: list[tuple[int, str]] | None = None
        self.flows: list[tuple[int, str]] | None = None
        self.dollars = False                 # a sum in dollars found so far
        self.last_share: str | None = None   # the metric of the last share found so far
        cuts = list(_CLAUSE.finditer(s))     # clause boundaries, found once: every rule asks for them
        self._cut_starts = [c.start() for c in cuts]
        self._cut_ends = [c.end() for c in cuts]
        self.used: dict[int, list[tuple[int, int]]] = {}   # spans kept from other rules, by 64-character bucket
        self._words: dict[re.Pattern[str], list[int]] = {}

    def partner_at(self, at: int, region_ok: bool) -> str | None:
        i = bisect.bisect_left(self._mention_starts, at)
        if i:
            return self.mentions[i - 1][0]
        if self.mentions:
            return self.mentions[0][0]
        if region_ok and (self.region_level or (self.default is None)):
            return None
        return self.default

    def clause_span(self, at: int) -> tuple[int, int]:
        """Where the clause holding position `at` starts and ends (clauses part at ", ", "; ", ": ", " — ")."""
        i = bisect.bisect_right(self._cut_ends, at)
        start = self._cut_ends[i - 1] if i else 0
        j = bisect.bisect_left(self._cut_starts, at)
        return start, (self._cut_starts[j] if j < len(self._cut_starts) else len(self.s))

    def clause(self, at: int) -> str:
        a, b = self.clause_span(at)
        return self.s[a:b]

    def free(self, a: int, b: int) -> bool:
        return not any(a < y and x < b for k in range(a // 64, (b - 1) // 64 + 1) for x, y in self.used.get(k, ()))

    def word_in(self, rx: re.Pattern[str], a: int, b: int) -> bool:
        """Whether a match of `rx` starts in s[a:b] (the matches found once per sentence)."""
        if rx not in self._words:
            self._words[rx] = [m.start() for m in rx.finditer(self.s)]
        starts = self._words[rx]
        i = bisect.bisect_left(starts, a)
        return i < len(starts) and starts[i] < b

    def add(self, start: int, end: int, metric: str, partner: str | None, qual: str, value: float,
            core: int | None = None, claimed: float | None = None, **kw: object) -> None:
        """A claim quoting s[start:end]; only s[core:end] (the figure itself) is kept from other rules."""
        quote = self.s[start:end].strip(" ,—–-").rstrip(".")
        c = Claim(quote, metric, partner, self.period, qual, _clean(value), sentence=self.s,
                  claimed_value=_clean(claimed if claimed is not None else value), period_how=self.how,
                  **kw)  # type: ignore[arg-type]
        self.out.append((start, len(self.out), c))
        self.dollars = self.dollars or c.unit == "$"
        self.last_share = metric if metric in _SHARE.values() else self.last_share
        a = start if core is None else core
        for k in range(a // 64, (max(a, end - 1)) // 64 + 1):
            self.used.setdefault(k, []).append((a, end))


# --- ranks -------------------------------------------------------------------------------------------------
_ORD = r"(?P<ord>\d{1,3}-?(?:е|ое|й|ой|ий|ый|м|ом|го|ого|ю|ую|я|ая)|\d{1,3}(?=\s+мест(?:о|е|ом)\b)|[а-яё]+)"
_PLACE = r"(?:мест[оаеу]?|местом|позици\w*|строчк\w*)"
_BY_FLOW = r"(?:\s*[—–-]?\s*по\s+(?:объ[её]м\w*\s+|величин\w*\s+)?(?P<flow>экспорт\w*|импорт\w*|товарооборот\w*|" \
           r"внешнеторгов\w+\s+оборот\w*|оборот\w*|поставк\w*))?"
_RANK_PLACE = re.compile(rf"(?<![\w-]){_ORD}\s+{_PLACE}(?![\w-]){_BY_FLOW}", re.I)
_RANK_DASH = re.compile(rf"(?<![\w-]){_ORD}\s*[—–]\s*по\s+(?:объ[её]м\w*\s+)?(?P<flow>экспорт\w*|импорт\w*)", re.I)
_RANK_NOUN = re.compile(
    rf"(?<![\w-]){_ORD}\s+(?:по\s+(?:объ[её]м\w*|величин\w*|значимост\w*|размер\w*)\s+(?:внешнеторгового\s+)?"
    r"(?:(?P<flow>товарооборот\w*|оборот\w*|торговл\w*|экспорт\w*|импорт\w*|поставок)\s+)?)?"
    r"(?:(?:крупнейш|(?:внешне)?торгов|экономическ|внешнеэкономическ)\w*\s+)*"
    r"(?:партн[её]р\w*|рын(?:ок|ком|ка|ке)|покупател\w*|поставщик\w*)(?![\w-])", re.I)
# "Беларусь стала шестой среди торговых партнёров", "седьмой в рейтинге 99 стран": the ordinal alone
_RANK_AMONG = re.compile(rf"(?<![\w-]){_ORD}(?=\s+(?:среди|в\s+рейтинге|в\s+списке|в\s+числе)\s+"
                         r"(?:[а-яё]+\s+){0,2}?(?:\d+\s+)?(?:стран|партн[её]р|государств))", re.I)
# the flow before the rank: "По объёмам импорта Германия заняла четвёртую строчку"
_FLOW_BEFORE = re.compile(r"(?<![\w-])по\s+(?:объ[её]м\w*\s+|величин\w*\s+)?(?P<flow>экспорт\w*|импорт\w*|поставк\w*)",
                          re.I)
# "..., а по импорту — на первом": a second rank of another flow, the place noun left out
_RANK_ELLIPTIC = re.compile(rf"(?<![\w-])по\s+(?:объ[её]м\w*\s+)?(?P<flow>экспорт\w*|импорт\w*|товарооборот\w*)"
                            rf"\s*[—–]\s*(?:на\s+)?{_ORD}(?![\w-])", re.I)
_SUPERLATIVE = re.compile(r"(?<![\w-])(?:крупнейш|главн)(?:ий|им|его|ему|ем|ый|ым|ого|ому|ом)\s+"
                          r"(?:(?:внешне)?торгов\w+\s+|внешнеэкономическ\w+\s+)?партн[её]р(?:ом|а|у|е)?(?![\w-])",
                          re.I)
# "крупнейший потребитель волгоградского экспорта" / "… поставщик товаров в регион": rank 1 by flow (the buyer of
# one named good is no rank: the data ranks partners by the whole flow)
_SUPERLATIVE_FLOW = re.compile(r"(?<![\w-])(?:крупнейш|главн)\w*\s+(?P<noun>потребител|покупател|получател|импорт[её]р|"
                               r"рын|поставщик|экспорт[её]р)\w*\s+(?:сбыта\s+)?(?:[а-яё]+(?:ого|ой|ых|их)\s+)?"
                               r"(?:экспорт\w*|продукци\w*|товар\w*)(?![\w-])", re.I)
_ONE_OF = re.compile(r"(?:одн\w+\s+из|в\s+числе|среди)\s*$", re.I)
_OF = re.compile(rf"^[\s,]*(?:[а-яё]+\s+){{0,4}}?(?:среди|из|в\s+числе|в\s+рейтинге)\s+{NUM}"
                 r"(?:\s+(?:[а-яё]+\s+){0,2}?(?:стран\w*|партн[её]р\w*|государств\w*))?", re.I)
_SUBGROUP = re.compile(r"^[\s,]*(?:[а-яё]+\s+){0,3}?(?:среди|из)\s+(?:(?!внешне|торгов|всех)[а-яё]+(?:их|ых)\s+"
                       r"(?:стран|партн|государств|рынк)|стран\w*\s+(?:СНГ|ЕАЭС|ЕС|БРИКС|ШОС|Африки|Азии|Европы|"
                       r"Латинской|Ближнего|Евросоюза)|(?:[а-яё]+(?:их|ых)\s+)?(?:субъект|регион|област)\w*)", re.I)
_FROM_TO = re.compile(rf"(?<![\w-])с\s+(?P<a>\d{{1,3}})-?[а-я]*\s+на\s+(?P<b>\d{{1,3}})-?[а-я]*\s+{_PLACE}", re.I)
_MOVE = re.compile(rf"(?P<verb>подня\w*|подним\w*|улучши\w*|переместил\w*|опусти\w*|спусти\w*|потеря\w*|"
                   rf"ухудши\w*|сместил\w*)\s+(?:[а-яё]+\s+){{0,3}}?на\s+{NUM}\s+(?:позици|строчк|мест|пункт|"
                   rf"ступен)\w*", re.I)
_TOP = re.compile(r"(?:входит|вош[её]л\w*|входя\w*)?\s*в\s+(?:(?:перв|верхн)\w+\s+)?"
                  r"(?:(?P<w>[а-яё]+)|топ[- ]?(?P<d>\d+))(?![\w-])", re.I)
# "замыкает десятку крупнейших партнёров": the last place of the top group, an exact rank
_CLOSES = re.compile(r"(?<![\w-])(?:замыка\w*|замкнул\w*)\s+(?:(?:перв|верхн)\w+\s+)?(?P<w>[а-яё]+)(?![\w-])", re.I)
_TOP_NUM = re.compile(rf"в\s+числе\s+{NUM}\s+(?:крупнейш|ведущ|основн)\w*", re.I)
_TOP_FLOW = re.compile(r"^\s*(?:[а-яё]+\s+){0,3}?по\s+(?:объ[её]м\w*\s+)?(?P<flow>экспорт\w*|импорт\w*)", re.I)


_PAIR = re.compile(r"(?<![\w-])(?P<a>[а-яё]+|\d{1,3}-?[а-я]*)\s+и\s+(?P<b>[а-яё]+|\d{1,3}-?[а-я]*)\s+мест\w*", re.I)


def _ranks(x: _Sentence) -> None:
    s = x.s
    for m in _PAIR.finditer(s):   # "Казахстан и Беларусь заняли соответственно второе и пятое места" (or after)
        ranks = [morphology.ordinal(m.group(g)) for g in ("a", "b")]
        before = [iso for iso, start, _ in x.mentions if start < m.start()]
        after = [iso for iso, start, _ in x.mentions if start >= m.end()]
        pair = before[-2:] if len(before) >= 2 else after[:2]
        if None in ranks or "соответственно" not in s.lower() or len(pair) < 2:
            continue
        for iso, rank in zip(pair, ranks, strict=True):
            x.add(m.start(), m.end(), "rank", iso, "exact", rank or 0)
    for m in _FROM_TO.finditer(s):
        a, b = int(m.group("a")), int(m.group("b"))
        p = x.partner_at(m.start(), False)
        x.add(m.start(), m.end(), "rank", p, "exact", b)
        x.add(m.start(), m.end(), "rank_change", p, "exact", a - b)
    for m in _MOVE.finditer(s):
        n = number(m.group("num"))
        if n and x.free(*m.span()):
            down = m.group("verb").lower().startswith(("опуст", "спуст", "потеря", "ухудш"))
            x.add(m.start(), m.end(), "rank_change", x.partner_at(m.start(), False), "exact",
                  -n[0] if down else n[0])
    for rx in (_RANK_PLACE, _RANK_DASH, _RANK_NOUN, _RANK_AMONG, _RANK_ELLIPTIC):
        if rx is _RANK_ELLIPTIC and not any(c.metric in _RANK.values() for _, _, c in x.out):
            continue
        for m in rx.finditer(s):
            rank = morphology.ordinal(m.group("ord")) or (int(m.group("ord")) if m.group("ord").isdigit() else None)
            if rank is None or not x.free(*m.span()) or _SUBGROUP.match(s[m.end():m.end() + _AHEAD]):
                continue
            ahead = list(_FLOW_BEFORE.finditer(s, max(x.clause_span(m.start())[0], m.start() - 160), m.start()))
            flow = m.groupdict().get("flow") or (ahead[-1].group("flow") if ahead else None)
            metric = _RANK[_flow_of(flow)] if flow else "rank"
            end, of = m.end(), _OF.match(s[m.end():m.end() + _AHEAD])
            n = number(of.group("num")) if of else None
            if of and n:
                end = m.end() + of.end()
            p = x.partner_at(m.start(), False)
            x.add(m.start(), end, metric, p, "exact", rank)
            if n:
                x.add(m.start(), end, "partners_count", None, "exact", n[0])
    for m in _SUPERLATIVE.finditer(s):
        if x.free(*m.span()) and not _ONE_OF.search(s[max(0, m.start() - 40):m.start()]) \
                and not _SUBGROUP.match(s[m.end():m.end() + _AHEAD]):
            x.add(m.start(), m.end(), "rank", x.partner_at(m.start(), False), "exact", 1)
    for m in _SUPERLATIVE_FLOW.finditer(s):
        if x.free(*m.span()) and not _ONE_OF.search(s[max(0, m.start() - 40):m.start()]):
            supplier = m.group("noun").lower().startswith(("поставщик", "экспорт"))
            x.add(m.start(), m.end(), "import_rank" if supplier else "export_rank", x.partner_at(m.start(), False),
                  "exact", 1)
    for m in _CLOSES.finditer(s):
        size = morphology.top_n(m.group("w"))
        if size and x.free(*m.span()):
            fl = _TOP_FLOW.match(s[m.end():m.end() + _AHEAD])
            metric = _RANK[_flow_of(fl.group("flow"))] if fl else "rank"
            x.add(m.start(), m.end(), metric, x.partner_at(m.start(), False), "exact", size)
    for m in _TOP.finditer(s):
        size = int(m.group("d")) if m.group("d") else morphology.top_n(m.group("w") or "")
        if size and x.free(*m.span()):
            fl = _TOP_FLOW.match(s[m.end():m.end() + _AHEAD])
            metric = _RANK[_flow_of(fl.group("flow"))] if fl else "rank"
            x.add(m.start(), m.end(), metric, x.partner_at(m.start(), False), "top_n", size)
    for m in _TOP_NUM.finditer(s):
        if (n2 := number(m.group("num"))) and x.free(*m.span()):
            x.add(m.start(), m.end(), "rank", x.partner_at(m.start(), False), "top_n", n2[0])


# --- counts ------------------------------------------------------------------------------------------------
_COUNT_PARTNERS = re.compile(rf"(?<![\w-]){NUM}\s+(?:[а-яё]+(?:ых|их|ми|ами)\s+){{0,2}}"
                             r"(?:стран\w*|государств\w*|партн[её]р\w*)", re.I)
_FIRMS = re.compile(rf"(?<![\w-]){NUM}\s+(?:[а-яё]+(?:ых|их|ые|ие)\s+){{0,2}}(?P<noun>предприяти\w*|компани\w*|фирм\w*|"
                    r"организаци\w*|экспорт[её]р\w*|импорт[её]р\w*|участник\w*\s+(?:ВЭД|внешнеэкономическ\w*)|"
                    r"хозяйствующ\w+\s+субъект\w*)", re.I)
_CAPITAL = re.compile(r"^\s*(?:[а-яё]+\s+){0,2}?с\s+(?:участием\s+)?(?:[а-яё]+\s+){0,1}капитал\w*", re.I)
_MORE_FIRMS = re.compile(rf"(?:ещё|еще)\s+{NUM}\s+(?P<verb>закупа\w*|импортиру\w*|ввоз\w*|поставля\w*|"
                         r"экспортиру\w*)", re.I)
_EXPORTING = re.compile(r"экспортир|экспортн|поставля|поставк|отгружа", re.I)
_IMPORTING = re.compile(r"импортир|закупа|ввоз", re.I)
# the count after its noun: "число экспортёров достигло 128", "количество компаний-импортёров составило около 90"
_FIRMS_NUMBER = re.compile(r"(?<![\w-])(?:числ[оа]|количеств[оа])\s+(?:[а-яё]+(?:ых|их)\s+){0,2}"
                           r"(?P<noun>предприяти\w*|компани\w*|фирм\w*|организаци\w*|экспорт[её]р\w*|"
                           r"импорт[её]р\w*|участник\w*\s+ВЭД)(?:[\w\s,-]{0,60}?)\s+(?:достиг\w*|составил\w*|"
                           r"превысил\w*|превысит|увеличил\w*\s+до|выросл\w*\s+до)\s+", re.I)
_NUM_AFTER = re.compile(rf"(?:(?:более|свыше|около|порядка|почти|примерно)\s+)?{NUM}(?![\w-]|\s*(?:%|млн|млрд|тыс))",
                        re.I)
_CLAUSE = re.compile(r"[,;:]\s|\s[—–]\s")




def _counts(x: _Sentence) -> None:
    s = x.s
    for m in _COUNT_PARTNERS.finditer(s):
        n = number(m.group("num"))
        if n and x.free(*m.span()) and not periods.stated(m.group(0)):
            qual, start = _qual_at(s, m.start("num"))
            x.add(start, m.end(), "partners_count", None, qual, n[0])
    for m in _FIRMS.finditer(s):
        n = number(m.group("num"))
        if not n or not x.free(*m.span()):
            continue
        noun, clause = m.group("noun").lower(), x.clause_span(m.start())
        kind = ("foreign_capital" if _CAPITAL.match(s[m.end():m.end() + _AHEAD]) else "exporters"
                if noun.startswith("экспорт") else "importers" if noun.startswith("импорт") else "exporters"
                if x.word_in(_EXPORTING, *clause) else "importers" if x.word_in(_IMPORTING, *clause) else "any")
        qual, start = _qual_at(s, m.start("num"))
        x.add(start, m.end(), "firms", x.partner_at(m.start(), False), qual, n[0], kind=kind)
    for m in _FIRMS_NUMBER.finditer(s):
        after = _NUM_AFTER.match(s, m.end())
        n = number(after.group("num")) if after else None
        if not after or not n or not x.free(m.start(), after.end()):
            continue
        noun = m.group("noun").lower()
        kind = "exporters" if noun.startswith("экспорт") else "importers" if noun.startswith("импорт") else "any"
        qual = "more_than" if m.group(0).lower().rstrip().endswith(("превысил", "превысило", "превысит")) else \
            qualifier(s[m.start():after.start("num")])[0]
        x.add(m.start(), after.end(), "firms", x.partner_at(m.start(), False), qual, n[0], kind=kind)
    if any(c.metric == "firms" for _, _, c in x.out):
        for m in _MORE_FIRMS.finditer(s):
            n = number(m.group("num"))
            if n and x.free(*m.span()):
                kind = "importers" if _IMPORTING.search(m.group("verb")) else "exporters"
                x.add(m.start(), m.end(), "firms", x.partner_at(m.start(), False), "exact", n[0], kind=kind)


# --- money, tonnes, growth, shares -------------------------------------------------------------------------
_SCALES = (("тыс", 1e3, "тыс"), ("млн", 1e6, "млн"), ("млрд", 1e9, "млрд"), ("трлн", 1e12, "трлн"),
           ("миллиард", 1e9, "млрд"), ("миллион", 1e6, "млн"), ("тысяч", 1e3, "тыс"))
_SCALE = r"(?P<scale>млрд|млн|тыс|трлн|миллиард\w*|миллион\w*|тысяч\w*)"
_MONEY = re.compile(rf"(?P<cur1>\$\s*)?(?<![\w-]){NUM}\s*{_SCALE}?\.?(?:\s*(?P<cur>долл\w*\.?(?:\s+США)?|\$|USD|"
                    r"американских\s+долларов|руб\w*\.?|евро|€))?", re.I)
_TONNES = re.compile(rf"(?<![\w-]){NUM}\s*{_SCALE}?\.?\s*(?:тонн\w*|т\.)(?![а-яё])", re.I)
_PCT = re.compile(rf"(?<![\w-]){NUM}\s*(?:%|процент\w*)(?P<rel>\s+к\s+(?:уровню|аналогичному|показател\w+|"
                  r"прошл\w+|предыдущ\w+))?(?P<cmp>\s+(?:больше|выше|меньше|ниже))?", re.I)
_TIMES = re.compile(rf"(?:в\s+{NUM}\s+раза?|(?P<word>вдвое|втрое|вчетверо|впятеро|вдесятеро))"
                    r"(?P<cmp>\s+(?:больше|выше|меньше|ниже))?", re.I)
_GROW = re.compile(r"выр[ао]с\w*|возрос\w*|увеличи\w*|увеличени\w*|рост\w*|прирост\w*|подрос\w*|прибави\w*|"
                   r"нарасти\w*|нарастил\w*", re.I)
_FALL = re.compile(r"снизи\w*|снижени\w*|сократи\w*|сокращени\w*|уменьши\w*|упа[лв]\w*|падени\w*", re.I)
_SHARE_VERB = re.compile(r"(?:приход\w*|пришл\w*|пришёл\w*|с\s+долей|дол[яиюе]\w*)\s+"
                         r"(?:[\w-]+\s+|[—–]\s+){0,12}?$", re.I)
_SHARE_ELLIPTIC = re.compile(r"[,;]\s+(?:а\s+)?(?P<what>(?:на|в|во)\s+(?:[\w-]+\s+){1,3}?)[—–]\s*$", re.I)
_SHARE_ANY = re.compile(r"(?<![\w-])(?:приход\w*|пришл\w*|дол[яиюе])(?![\w-])", re.I)
_SHARE_FLOW = re.compile(r"^\s*(?:[а-яё]+\s+){0,1}?(?P<flow>экспорт\w*|импорт\w*|товарооборот\w*|оборот\w*|"
                         r"(?:внешне)?торгов\w*|закуп\w*|поставок)", re.I)
_CMP_AFTER = re.compile(r"\s*(больше|выше|меньше|ниже)", re.I)
_BY_AMOUNT = re.compile(r"(?<![\w-])на\s+(?:\$\s*)?$", re.I)
_MOVED_BY = re.compile(r"(?:выр[ао]с|увеличи|сократи|снизи|уменьши|возрос|нарасти|нарастил|прибави|подрос|упал)\w*\s+"
                       r"(?:[\w-]+\s+){0,3}?на\s+(?:\$\s*)?$", re.I)
# "экспорт вырос на 36,5 %, импорт — на 845 тыс. долларов": the verb said once for two flows
_ELLIPTIC_BY = re.compile(r"(?:экспорт|импорт|товарооборот|оборот)\w*\s*[—–]\s*на\s+(?:\$\s*)?$", re.I)
_BARE_END = re.compile(r"\s*(?:[.;,)]|$)")
_UP_TO = re.compile(r"(?:до|дол\w+)\s+$", re.I)
_AFTER_NA = re.compile(r"\bна\s+(?:\w+\s+){0,2}$", re.I)
# the goods a part of the flow is: "из них на пшеницу пришлось около 640 тыс. тонн"
_FROM_NAMED = re.compile(r"(?<![\w-])из\s+[А-ЯЁ]")
_GOODS_SHARE = re.compile(r"(?<![\w-])на\s+((?:[а-яё-]+\s+){1,3}?)(?:приход|пришл)\w*", re.I)
_GOODS_AFTER = re.compile(r"^\s*([а-яё-]+)(?:\s+([а-яё-]+))?(?:\s+([а-яё-]+))?", re.I)


def _scale(word: str | None) -> tuple[float, str]:
    if not word:
        return 1.0, ""
    w = word.lower()
    return next((v, name) for k, v, name in _SCALES if w.startswith(k))


def _verb_before(x: _Sentence, at: int) -> str | None:
    """'grow' / 'fall' from the nearest such word before `at` in the sentence (else the first after)."""
    if x.verbs is None:     # found once per sentence, in text order
        x.verbs = sorted((m.start(), kind) for rx, kind in ((_GROW, "grow"), (_FALL, "fall")) for m in rx.finditer(x.s))
    if not x.verbs:
        return None
    i = bisect.bisect_left(x.verbs, (at, ""))
    return x.verbs[i - 1][1] if i else x.verbs[0][1]


def _goods_after(s: str, at: int) -> str | None:
    m = _GOODS_AFTER.match(s[at:at + _AHEAD])
    return goods.named([w for w in m.groups() if w]) if m else None


def _trade(x: _Sentence) -> None:
    s = x.s
    flow_goods = [(m.start(), _goods_after(s, m.end())) for m in _FLOW.finditer(s)]
    named = next((g for _, g in flow_goods if g), None)
    from_named = _FROM_NAMED.search(s)      # "из Бразилии": tonnes after it are imports
    for m in _TONNES.finditer(s):
        n = number(m.group("num"))
        if not n or not x.free(*m.span()):
            continue
        scale, scale_name = _scale(m.group("scale"))
        flow, at = _flow_metric(x, m.start())
        if from_named and from_named.start() < m.start():
            flow = "imports"
        g = _goods_after(s, m.end()) or named
        named = named or g
        share_of = _GOODS_SHARE.search(s, max(x.clause_span(m.start())[0], m.start() - 120), m.start())
        g = g or (goods.named(share_of.group(1).split()) if share_of else None)
        qual, start = _qual_at(s, m.start("num"))
        x.add(start, m.end(), _MASS[flow], x.partner_at(m.start(), False), qual, n[0] * scale, core=m.start(),
              claimed=n[0], unit="т", scale=scale_name, step=scale / 10 ** n[1], goods=g)
    for m in _MONEY.finditer(s):
        n = number(m.group("num"))
        cur = (m.group("cur") or "").lower()
        dollars = bool(m.group("cur1")) or cur.startswith(("долл", "$", "usd", "американ"))
        after = s[m.end():m.end() + 12]
        cmp = _CMP_AFTER.match(after)
        if not n or not m.group("scale") or not x.free(*m.span()):
            continue
        tail = s[max(0, m.start("num") - 80):m.start("num")]
        change = bool(_BY_AMOUNT.search(tail)) and (bool(cmp) or bool(_MOVED_BY.search(tail)) or (
            bool(_ELLIPTIC_BY.search(tail)) and _verb_before(x, m.start()) is not None))
        # no currency after a sum in dollars: the same currency ("на 12 млн меньше", "из них экспорт — 1,86 млрд.")
        same = cur == "" and x.dollars
        if not dollars and not (same and (change or _BARE_END.match(s, m.end()))):
            continue
        scale, scale_name = _scale(m.group("scale"))
        flow, at = _flow_metric(x, m.start())
        qual, start = _qual_at(s, m.start("num"))
        if m.group("cur1"):
            start = min(start, m.start("cur1"))
        if at is not None and 0 <= start - at <= 60:
            start = at
        value = n[0] * scale
        metric = _CHANGE[flow] if change else flow
        if change:
            down = (cmp and cmp.group(1).lower() in ("меньше", "ниже")) or (not cmp and _verb_before(x, m.start())
                                                                           == "fall")
            value = -value if down else value
        end = m.end() + (cmp.end() if cmp else 0)
        x.add(start, end, metric, x.partner_at(m.start(), True), qual, value, core=m.start(), claimed=n[0],
              unit="$", scale=scale_name, step=scale / 10 ** n[1], goods=named if not change else None)
    for m in _PCT.finditer(s):
        n = number(m.group("num"))
        if not n or not x.free(*m.span()):
            continue
        lo = max(0, m.start("num") - 300)     # the rules below read at most a few words back
        before = s[lo:m.start("num")]
        qual, start = _qual_at(s, m.start("num"))
        share = _SHARE_VERB.search(before[:start - lo])
        if share:
            between = _FLOW.search(before, share.start(), start - lo)
            follows = _SHARE_FLOW.match(s[m.end():m.end() + _AHEAD])
            word = (between.group(0) if between and share.group(0).lower().startswith(("дол", "с дол")) else None) \
                or (follows.group("flow") if follows else None) or (between.group(0) if between else None)
            flow = _flow_of(word) if word else "turnover"
            x.add(lo + share.start(), m.end(), _SHARE[flow], x.partner_at(m.start(), False), qual, n[0] / 100,
                  core=m.start(), claimed=n[0], unit="%")
            continue
        again = _SHARE_ELLIPTIC.search(before[:start - lo]) if x.last_share else None
        if again and x.last_share:     # "…, на Турцию — 8,7 %", "…, в экспорте — 9,8 %": one share verb, two figures
            named_flow = _FLOW.search(again.group("what"))
            metric = _SHARE[_flow_of(named_flow.group(0))] if named_flow else x.last_share
            x.add(lo + again.start("what"), m.end(), metric, x.partner_at(m.start(), False), qual, n[0] / 100,
                  core=m.start(), claimed=n[0], unit="%")
            continue
        after_na = _AFTER_NA.search(before[-40:])
        verb = _verb_before(x, m.start())
        if m.group("cmp"):
            value = (-1 if m.group("cmp").strip().lower() in ("меньше", "ниже") else 1) * n[0] / 100
        elif m.group("rel") and not after_na:
            value = n[0] / 100 - 1
        elif verb and not _UP_TO.search(before[-20:]) and not x.word_in(_SHARE_ANY, *x.clause_span(m.start())):
            value = -n[0] / 100 if verb == "fall" else n[0] / 100
        else:
            continue
        flow, at = _flow_metric(x, m.start())
        verbs = [v.start() for rx in (_GROW, _FALL) for v in rx.finditer(s, max(0, start - 60), start)]
        start = min([start, *verbs, *([at] if at is not None and 0 <= start - at <= 60 else [])])
        x.add(start, m.end(), _GROWTH[flow], x.partner_at(m.start(), True), qual, value, core=m.start(),
              claimed=n[0], unit="%")
    for m in _TIMES.finditer(s):
        verb = _verb_before(x, m.start())
        if not x.free(*m.span()) or not (verb or m.group("cmp")):
            continue
        times = morphology.factor_adverb(m.group("word") or "")
        if times is None:
            n = number(m.group("num"))
            times = n[0] if n else None
        if not times:
            continue
        down = (m.group("cmp") or "").strip().lower() in ("меньше", "ниже") or (not m.group("cmp") and verb == "fall")
        value = (1 / times - 1) if down else (times - 1)
        flow, at = _flow_metric(x, m.start())
        starts = [m.start()] + [v.start() for rx in (_GROW, _FALL) for v in rx.finditer(s, max(0, m.start() - 60),
                                                                                         m.start())]
        if at is not None and 0 <= m.start() - at <= 60:
            starts.append(at)
        x.add(min(starts), m.end(), _GROWTH[flow], x.partner_at(m.start(), True), _qual_at(s, m.start())[0],
              value, core=m.start(), claimed=times, unit="раза")


def _sentence_claims(s: str, default: str | None, period: Period | None, how: str | None,
                     prev_flow: str | None = None) -> list[Claim]:
    x = _Sentence(s, default, period, how, prev_flow)
    if _NATIONAL.search(s) and not _REGION_WORDS.search(s):
        return []
    if _OTHER_REGION.search(s) and not _OWN_REGION.search(s):
        return []
    _ranks(x)
    _counts(x)
    if not _PLANS.search(s):
        _trade(x)
    return [c for _, _, c in sorted(x.out, key=lambda e: (e[0], e[1]))]


_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[«\"(\-–—A-ZА-ЯЁ0-9])")
_PARAGRAPH = re.compile(r"\n+")
_FIGURE_WORDS = frozenset({*morphology.cardinal_forms(), *morphology.ordinal_forms(), *morphology.collective_forms(),
                           *morphology.lexeme_forms("крупнейший"), *morphology.lexeme_forms("главный"),
                           "вдвое", "втрое", "вчетверо", "впятеро", "вдесятеро"})
_SIGNS = re.compile(r"[\d%$]")
_WORDS = re.compile(r"[а-яё]+")


def _has_figure(s: str) -> bool:
    """False for a sentence with no digit and no number word: no rule needs to look at it."""
    return bool(_SIGNS.search(s)) or not _FIGURE_WORDS.isdisjoint(_WORDS.findall(s.lower()))


def sentences(text: str) -> list[str]:
    return [s.strip() for p in _PARAGRAPH.split(text) for s in _SPLIT.split(p) if s and s.strip()]


def extract_claims(text: str, partner: str | None = None, ref_date: dt.date | None = None) -> list[Claim]:
    """Every figure claim of a text, in text order. `partner` is the text's main partner (default: the most
    mentioned country); `ref_date` (the meeting date) resolves "в прошлом году", "с начала года" and periods
    written without a year. A period stated in a sentence holds for the next sentences of its paragraph."""
    main = partner or next(iter(countries.partners_in(text)), None)
    claims: list[Claim] = []
    for paragraph in _PARAGRAPH.split(text):
        carried: Period | None = None
        period: Period | None
        how: str | None
        previous = ""
        for s in (s.strip() for s in _SPLIT.split(paragraph)):
            if not s:
                continue
            previous, s_before = s, previous
            has = _has_figure(s)
            found = periods.stated(s, ref_date) if has or "год" in s else None
            if found:
                carried = found.period
                period, how = found.period, found.how
            else:
                period, how = carried, ("carried" if carried else None)
            if has:
                flows = [m.group(0) for m in _FLOW.finditer(s_before)]
                claims.extend(_sentence_claims(s, main, period, how, _flow_of(flows[-1]) if flows else None))
    return claims
