"""Figures quoted in Russian press-release text, as claims that can be checked against the store.

Recognised, each with its metric:
- rank: "4-е место", "заняла 14 место", "на пятой позиции", "седьмым по объёму товарооборота партнёром",
  "стала шестой среди партнёров", "крупнейший / главный партнёр" (= 1), "замыкает десятку" (= 10), "входит в
  десятку / в топ-15" (qualifier top_n); by flow, named after the rank or before it in its clause ("седьмое
  место по объёмам импорта", "По импорту Беларусь заняла пятое место", "…, а по импорту — на первом",
  "крупнейший потребитель волгоградского экспорта", "второе по значимости направление экспорта", a rank among
  buyers or suppliers: "шестой среди покупателей продукции", "в топ-15 стран — покупателей", "девятый результат
  среди стран — покупателей", "вторым по величине покупателем", "…в рейтинге покупателей и третью — среди
  поставщиков", "а по объёму экспорта вошёл в первую тройку") export_rank / import_rank; a country as the noun
  ("шестой по объёму оборота страной-партнёром"); "среди / в числе / в рейтинге 114 стран" after a rank also
  gives partners_count; two places and two partners pair up with "соответственно" or when both are named together
  ("первое и второе места заняли Турция и Казахстан"); a rank among a group ("среди африканских партнёров",
  "среди стран Персидского залива"), among Russian regions or a top group of them ("в пятёрку субъектов РФ") is
  not a claim; a partner named after the place is
  its own ("на втором месте — Китай");
- rank_change: "поднялась на 3 строчки" (+3), "поднялось в рейтинге партнёров области на пять позиций",
  "опустилась на четыре позиции" (-4), "с 25-го на 19-е место";
- partners_count: "со 114 странами", "стран-партнёров из 96" (a top group, "десять крупнейших стран", is none);
  firms: "более 200 предприятий", "185 экспортёров", "число экспортёров достигло 128", kinds exporters / importers /
  any / foreign_capital ("компаний с иностранным капиталом"), else from the clause's verb ("экспортировали … 85
  компаний", "закупки … ведут 19 компаний"), a part after a dash ("из них 89 — импортёры", "в том числе 8 — с
  эмиратским капиталом"); firms a delegation visited ("посетили 3 предприятия") are no count;
- money in US dollars (turnover / exports / imports): "233 млн долларов", "$1,2 млрд", "45 миллионов долларов";
  a difference ("на 12,4 млн меньше", "нарастил на 48 млн долларов", "импорт — на 845 тыс. долларов") is
  *_change; a sum without a currency after one in dollars is in dollars too, of the flow named after it if one
  is ("из них 4,5 млн — экспорт"); roubles and euros are not claims; a sum is of the goods named before it in
  its clause ("212 тыс. тонн масла на 205 млн долларов"), never of goods named elsewhere;
- quantities in tonnes (exports_mass / imports_mass), with the goods when they are named ("1,2 млн тонн пшеницы",
  "на пшеницу пришлось 640 тыс. тонн", "основная статья — подсолнечный шрот: 54 тыс. тонн"); a bare name ("масла")
  is the goods named in full under it earlier in the paragraph, else the chapter its headings share; goods the
  reference lacks ("тонн мороженого") are goods "" (no data), never goods named elsewhere;
- growth as a ratio (0.31 = +31 %): "вырос на 31%", "снизившись на 8 %", "(+41 %)", "в 3,1 раза", "в полтора
  раза", "вдвое", "131 % к уровню 2021 года"; shares ("на Турцию приходится 9,4 % оборота", "доля … составила
  7,8 %", and a second one after a dash: "…, на Турцию — 8,7 %", "…, в экспорте — 9,8 %"; a list paired with the
  partners before it:
  "на Египет, Турцию и Казахстан пришлось 22,4 %, 15,1 % и 9,8 % экспорта соответственно"; a group's share, "их
  совокупная доля", is none).
Qualifiers: более / свыше / превысил -> more_than; около / порядка -> about; почти -> almost; не более / менее ->
at_most; otherwise exact. The partner is the country named nearest before the figure in the sentence (else after
it), else the text's main partner; money and growth of "области" / "региона" with no partner named are the region's
(the speaker named after a quote, "», — отметил министр … области", does not make it so). The flow is the nearest
flow word before the figure, else one after it in its clause, else the one the sentence before spoke of
("Товарооборот … В 2023 году он вырос до …"); a sum no flow word names, after "из <страны>", is imports. Sentences
about Russia's trade as a whole, about another region ("Ростовская область", "Краснодарский край"), or about plans,
targets and forecasts ("планируется поддержать 60 экспортёров", "ожидается 1500 участников из 20 стран",
"национальный проект предполагает рост экспорта до …") give no claims.
Numbers may be composite ("1 млрд 124 млн", "58 млн 300 тыс."), a scale word ("полмиллиарда"), a composite ordinal
("двадцать третьем"), a fraction ("почти на четверть"); a flow is named by a noun or by a verb in any form
(flows.py: "поставили", "закупив"), and a partner that is the verb's subject turns it round ("Китай закупил" =
exports). A part of a sentence that speaks of Russia ("Товарооборот России и Вьетнама …, тогда как область …"), a
flow of the partner's own economy ("оборот Египта") and a growth said of no trade ("Урожай вырос") give no claims.
The period: the sentence's own (periods.py), else the one stated earlier in the same paragraph, else None; a part of
the sentence with a period of its own keeps it ("(за I квартал 2023 г. – 6,9 млн)", ", во II квартале – 74 млн"), a
level "годом ранее" / "против … годом ранее" is of the year before, and a lead's comparison with no period takes the
one the paragraph states next. A partner's adjective qualifying trade names it ("закупки бангладешской продукции"),
a flow's direction or goods turn it ("импорт из региона", "закупки волгоградского масла" = exports), and a country
named as the point of reference ("второй после Турции") is no partner. Capacities, potentials, wishes, investments,
contracts, a growth or a level of something else ("урожай", "стоимость доставки") and the partner's own trade in the
present ("Египет импортирует ежегодно …") give no claims.

This module splits the text and carries periods and flows between sentences; the rules live beside it: ranks.py,
counts.py (partners and firms), money.py (dollars and tonnes), growth.py (percents and factors), shares.py, over
sentence.py (one sentence's countries, clauses, flows and claims so far) and numerals.py (numbers, qualifiers);
lists.py (a lead and its items a line each), dialogue.py (questions of a place or a share and their answers) and
teaser.py ("Цифра недели: 118. Со столькими странами …") read what spans sentences.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from dashboard.meetings import (
    abbreviations,
    countries,
    counts,
    dialogue,
    goods,
    growth,
    lists,
    money,
    morphology,
    periods,
    ranks,
    shares,
    teaser,
)
from dashboard.meetings.claim import Claim
from dashboard.meetings.flows import other
from dashboard.meetings.sentence import (
    FLOW,
    LEAD_YEAR_BEFORE,
    PARTNER_VOICE,
    PARTNER_WORDS,
    RANK,
    REGION_WORDS,
    Sentence,
    flow_of,
)
from dashboard.store.period import Period

__all__ = ["Claim", "extract_claims", "sentences"]

# (a pair of partners joined by a hyphen too: "торговля Индия-Россия")
_NATIONAL = re.compile(r"(?<=[а-яё]-)Росси(?:я|и|ю|ей|ею)(?![\w-])|"
                       r"(?<![\w-])(?:Росси(?:я|и|ю|ей|ею)|РФ|Российск\w+\s+Федераци\w+|[Рр]оссийско-\w+|"
                       r"(?:[Оо]бще|[Вв]се)российск\w+|[Рр]оссийск\w+\s+(?:[а-яё]+\s+)?(?:экспорт|импорт|"
                       r"товарооборот|оборот|поставк|торговл)\w*|"
                       # the flow before Russia's adjective: "объём экспорта российского зерна в Египет"
                       # (or bought by the partner: "закупки российского зерна", "покупателем российского проката")
                       r"(?:[Ээ]кспорт|[Ии]мпорт|[Пп]оставк|[Пп]оставок|[Вв]ывоз|[Зз]акупк|[Зз]акупок|[Пп]окупател)\w*\s+"
                       r"российск\w+)(?![\w])")
# where a sentence turns from one subject to another: "Товарооборот России и Вьетнама …, тогда как Волгоградская
# область нарастила поставки …"
_TURN = re.compile(r"[;]\s|,\s+(?:тогда\s+как|в\s+то\s+время\s+как|однако|но|а|то|при\s+этом)\s", re.I)
# another Russian region ("Ростовская область", "Краснодарский край") or a federal district the region is a part of
# ("оборот Южного федерального округа", "ЮФО"): its figures are not this region's
_OTHER_REGION = re.compile(r"(?<![\w-])(?:(?!Волгоград)[А-ЯЁ][а-яё]+[сц]к(?:ая|ой|ую|ий|ого|ому|им|ом)\s+"
                           r"(?:област|кра[йяюе])\w*|[А-ЯЁ][а-яё-]+\s+федеральн\w+\s+округ\w*|"
                           # (or by a name of its own: "Кубань по итогам прошлого года наторговала с Турцией …")
                           r"(?-i:Кубан[ьиью]\w*|Ставропол[ье][ьея]\w*|Татарстан\w*|Башкортостан\w*|Башкири\w*|"
                           r"Дагестан\w*|Калмыки\w*)(?![\w-])|"
                           r"(?-i:ЮФО|СКФО|ЦФО|ПФО|СЗФО|УрФО|СФО|ДФО)(?![\w-])|"
                           # a district named before, told again by its common noun: "во внешней торговле округа"
                           r"(?<![\w-])(?i:округ(?:а|е|у|ом)?)(?![\w-])|"
                           # a district of the region, by its name or its noun: "Палласовского муниципального района",
                           # "предприятия района отгрузили" ("в районе 5 млн" is an estimate)
                           r"(?-i:[А-ЯЁ])[а-яё-]+ск(?:ий|ого|ому|им|ом)\s+(?:муниципальн\w+\s+)?район\w*|"
                           r"(?<![\w-])(?i:район(?:а|у|ом))(?![\w-]))")
# a partner named as the other side of a trade: "товарооборот с Белоруссией", "поставки в Иран", "импорт из Китая"
_TRADE_WITH = re.compile(r"(?<![\w-])(?:с|со|в|во|из)\s+$", re.I)
_OWN_REGION = re.compile(r"(?<![\w-])волгоград(?:ск|ц)\w*", re.I)    # "волгоградские", "у волгоградцев"
_PLANS = re.compile(r"планиру\w*|рассчитыва\w*|планах|(?<![\w-])план(?:ы|ов)(?![\w-])|намерен\w*|"
                    r"поставил\w*\s+цель|цел[ьи]\s|целев\w+|довести|"
                    # (from a word's start: "неожиданно", "не дожидаясь" are no plans)
                    r"прогноз\w*|(?<![\w-])ожида\w*|предполага\w*|предусматрива\w*|задач[аеуи]\s|"
                    r"национальн\w+\s+проект\w*|нацпроект\w*|"
                    # readiness to do, told by "готов" and an infinitive: "готова нарастить поставки до 300 тыс. тонн"
                    r"(?<![\w-])готов[аоы]?\s+(?:[а-яё]+\s+)?[а-яё]+(?:ть|ти|чь)(?:ся)?(?![\w-])|"
                    # a wish: "хочет войти в двадцатку партнёров", "стремимся нарастить экспорт до 50 млн"
                    # (not a wish to tell: "хочу сообщить, что …", "хотим отметить")
                    r"(?<![\w-])(?:хо(?:чет|тят|тим|чу|тел\w*)|стрем(?:ится|имся|ятся|ился|ились)|мечта\w*|"
                    r"надеемся|надеется|рассчитываем)\s+(?:[а-яё]+\s+)?(?!(?:сообщ|сказа|отмет|подчеркн|поблагодар|"
                    r"напомн|поздрав|обрат|рассказа|поделит|озвучи|назва)\w*)[а-яё]+(?:ть|ти|чь)(?:ся)?(?![\w-])|"
                    # what may happen: "объём отправок в Китай может вырасти вчетверо"
                    r"(?<![\w-])мо(?:жет|гут)\s+(?!не\s)(?:[а-яё]+\s+)?[а-яё]+(?:ть|ти|чь)(?:ся)?(?![\w-])",
                    re.I)


def _sentence_claims(s: str, default: str | None, period: Period | None, how: str | None,
                     prev_flow: str | None = None, goods_seen: dict[str, str] | None = None,
                     dollars: bool = False, ref: dt.date | None = None, prev_rank: str | None = None,
                     topic: str | None = None, prev_metrics: frozenset[str] = frozenset(),
                     flow_words: list[re.Match[str]] | None = None, region_before: bool = False,
                     region_default: bool = False, lead: str = "", last_share: str | None = None) -> list[Claim]:
    # a list's item is read after its lead ("Тройка лидеров по экспорту за 9 месяцев: 1) Турция"), its claims alone
    # kept
    start = len(lead) + 1 if lead else 0
    s = f"{lead}\n{s}" if lead else s
    x = Sentence(s, default, period, how, prev_flow, goods_seen, dollars, ref)
    # before the text names any partner its sums and growths are the region's (a place or a share is always some
    # partner's, the text's: "Страна восходящего солнца поднялась … на четыре строчки")
    x.unnamed_yet = region_default
    if region_before and not x.mentions and not x.references and not PARTNER_WORDS.search(s):
        # the sentence before gave the region's own totals and this one names no partner: it goes on with them
        # ("…оборот Волгоградской области … составил 1 млрд 124 млн долларов. Экспорт — 902 млн, импорт — 222 млн.")
        x.default = None
    x._flow_matches = None if lead else flow_words
    x.item = bool(lead)
    x.last_share = last_share   # (an item goes on with the share the items before it gave)
    x.prev_rank, x.topic, x.prev_metrics = prev_rank, topic, prev_metrics
    x.prev_indexed = "index" in prev_metrics
    national = _national_parts(s) if _NATIONAL.search(s) else []
    if national and not REGION_WORDS.search(s, 0, _unsaid_end(s)):
        # no word of the region: Russia's figures, and those said after them, are not its own; a part before the
        # first that speaks of Russia is the text's own ("Товарооборот с Белоруссией … составил 203 млн долларов,
        # а товарооборот России и Белоруссии превысил 45 млрд")
        if national[0][0] == 0 or not any(_TRADE_WITH.search(s, max(0, m - 5), m)
                                          for m in x._mention_starts if m < national[0][0]):
            return []   # "оборот Узбекистана вырос на 23 %, а на Россию пришлось …": the partner's own trade
        national = [(national[0][0], len(s))]
    other_region = _other_region(s)
    national += _other_region_parts(s) if other_region else []
    if other_region and not _OWN_REGION.search(s):
        return []
    plan = _PLANS.search(s)
    # a plan or a forecast states no result ("планируется поддержать 60 экспортёров"): the part of the sentence it
    # stands in and those after it give no claims, a part before it does ("Более 200 предприятий …, и ещё несколько
    # компаний заявили, что готовы расширить работу")
    plan_from = max((m.end() for m in _PLAN_TURN.finditer(s, 0, plan.start())), default=0) if plan else len(s)
    if plan_from == 0:
        return []
    if _HEARSAY.search(s) or s.rstrip().endswith("?"):
        return []   # a rumour or a question states nothing: "— Говорят, что товарооборот достиг двух миллиардов."
    ranks.ranks(x)
    counts.counts(x)
    money.listed_sums(x)
    money.sums(x)
    shares.lists(x)
    shares.fractions(x)
    growth.growth(x)
    shares.fractions_again(x)
    _place_of_share(x)
    # (looked for once: a sentence may hold thousands of figures)
    for a, _, c in x.out:     # a hedge after the figure: "в полтора раза примерно", "190 миллионов, плюс-минус"
        if c.qualifier == "exact" and c.metric not in _PLACES and _HEDGE_AFTER.match(s, a + len(c.quote)):
            c.qualifier = "about"
    paired = _RESPECTIVELY.search(s) is not None or x.paired
    verbs = _finite_verbs(s) if x.out else []
    voice = _FIRM_VOICE.search(s) if x.out else None
    return [c for _, i, c in sorted(x.out, key=lambda e: (e[0], e[1]))
            if x.cores[i] >= start and not any(a <= x.cores[i] < b for a, b in national) and not (not paired and
                                                                         _of_group(x, c, x.cores[i])) and
            not _with_bloc(x, c, x.cores[i]) and not _of_world(x, x.cores[i]) and not _future(x, verbs, x.cores[i])
            and x.cores[i] < plan_from
            and not _firms_own(x, c, x.cores[i], voice) and not _NOT_BEFORE.search(s, max(0, x.cores[i] - 8),
                                                                                   x.cores[i])
            and not (c.metric not in _PLACES and _OTHER_REGION_BEFORE.search(s, max(0, x.cores[i] - 80), x.cores[i]))]


# another region named right before a figure, its noun often left out, as a comparison lists them: ", Ростовской
# области — 10,4 млрд", "чем у Астраханской (0,61 млрд)", "у Саратовской — 1,1 млрд", "Краснодарского края — 14,8 млрд"
_OTHER_REGION_BEFORE = re.compile(r"(?:^|[,;(]\s*|\s(?:у|чем\s+у|и)\s+)(?!Волгоград)(?-i:[А-ЯЁ])[а-яё]+"
                                  r"(?:ской|ского|цкой|цкого)"
                                  r"(?:\s+(?:област\w*|кра[йяюе]\w*))?\s*(?:[—–(:]\s*)?"
                                  r"(?:(?:около|почти|более|свыше)\s+)?"
                                  # (or the change in a bracket after its sum: "Ростовской обл. — 10,4 млрд долл.
                                  # (+2,3 %)")
                                  r"(?:\d[\d\s,.]*\s*(?:млн|млрд|тыс)\.?\s*(?:долл\w*\.?\s*)?(?:США\s*)?\(\s*)?$")


# a figure denied ("составил не 15 %, как сообщалось, а 12 %"): no claim ("не более", "не менее" are qualifiers)
_CODE_BRACKET = re.compile(r"\s*\((?:код\s+)?(?:ТН\s*ВЭД(?:\s*ЕАЭС)?\s*)?(?!(?:19|20)\d\d\))\d{2,10}\)")
_STRUCTURE_LEAD = re.compile(r"(?<![\w-])(?:структур|географи)\w*\s+(?:экспорт|импорт|товарооборот|внешн)\w*[^.]*?"
                             r"по\s+странам", re.I)
_HEDGE_AFTER = re.compile(r"\s*,?\s*(?:примерно|приблизительно|плюс-минус|где-то\s+так|или\s+около\s+того)(?![\w-])",
                          re.I)
_PLAN_TURN = re.compile(r"[;]\s|,\s+(?:и|а|но|однако|тогда\s+как|при\s+этом)\s", re.I)
_NOT_BEFORE = re.compile(r"(?<![\w-])не\s+(?:(?:на|в|до)\s+)?$", re.I)


# a firm's people telling the figures: "— рассказывает директор завода «Волгохимпром»", "Его коллега из агрохолдинга
# «Заволжье» называет другую цифру: 18 тыс. тонн масла"
_FIRM_VOICE = re.compile(r"(?<![\w-])(?:директор\w*|руководител\w*|глав[аеуы]|представител\w*|коллег\w*|основател\w*|"
                         r"владел\w*|менеджер\w*)\s+"
                         r"(?:[а-яё]+\s+)?(?:из\s+)?(?:завод|компани|агрохолдинг|холдинг|предприяти|фирм|комбинат|"
                         r"фабрик)\w*", re.I)


_THESE_MONTHS = re.compile(r"(?<![\w-])(?:эти|те\s+же)\s+[\wё]+\s+месяц", re.I)
_THIS_PLACE = re.compile(r"[—–,]\s*(?:и\s+)?это\s+$", re.I)
_SHARE_FLOW = {"export_share": "exports", "import_share": "imports"}


def _place_of_share(x: Sentence) -> None:
    """A place told right after a share as what it makes is by the share's flow: "На Египет приходится 16,3 %
    экспорта региона — это третье место после Турции и Индии"."""
    out = sorted(range(len(x.out)), key=lambda i: x.cores[i])
    for before, i in zip(out, out[1:], strict=False):
        c, prev = x.out[i][2], x.out[before][2]
        if c.metric == "rank" and prev.metric in _SHARE_FLOW and \
                _THIS_PLACE.search(x.s, max(0, x.cores[i] - 12), x.cores[i]):
            c.metric = RANK[_SHARE_FLOW[prev.metric]]


def _firms_own(x: Sentence, c: Claim, core: int, voice: re.Match[str] | None) -> bool:
    """Whether a claim is one firm's or one district's: its clause's subject is one (tonnes and changes; sums are
    left out where they are read), or a growth with no subject of its own after one; or the sentence gives a firm's
    person's words and the claim's clause names no region."""
    a, b = x.clause_span(core)
    if voice is not None and not REGION_WORDS.search(x.s, a, b) and not REGION_WORDS.search(x.s, 0, voice.start()):
        return True
    if c.unit == "т" or c.metric.endswith("_growth"):
        if money.one_firm(x, core):
            return True
        if c.metric.endswith("_growth") and a > 1 and x.s[a - 2:a].strip() == "," and \
                not _nominative_before(x, a, core):
            return money.one_firm(x, a - 2)     # "… отправили продукции на 3,2 млн долларов, на 40 % больше, чем …"
    return False


def _nominative_before(x: Sentence, a: int, core: int) -> bool:
    """Whether a noun in the nominative (the likeliest reading) stands in s[a:core]: the clause has a subject."""
    return any(p.tag.POS == "NOUN" and p.tag.case == "nomn" for w in _VERB_WORD.finditer(x.s, a, core)
               for p in morphology.parses(w.group(0).lower())[:1])


_VERB_WORD = re.compile(r"(?<![\w-])[а-яё]{4,}(?![\w-])", re.I)


def _finite_verbs(s: str) -> list[tuple[int, bool]]:
    """Where the sentence's finite verbs stand, each with whether it is in the future ("превысит", "вырастет")."""
    out = []
    for w in _VERB_WORD.finditer(s):
        ps = morphology.parses(w.group(0).lower())
        if ps[0].tag.POS == "VERB":
            # (a verb of both aspects, "экспортируют", may be a present: the future only when no reading is another)
            out.append((w.start(), all(p.tag.tense == "futr" for p in ps if p.tag.POS == "VERB")))
    return out


def _future(x: Sentence, verbs: list[tuple[int, bool]], core: int) -> bool:
    """Whether the verb of the figure at `core` (the nearest finite one before it in its clause, else the first
    after) is in the future: a forecast, no result ("импорт масла страной превысит 3 млн тонн")."""
    if not verbs:
        return False
    a, b = x.clause_span(core)
    i = bisect.bisect_left(verbs, (core, False))
    if i and verbs[i - 1][0] >= a:
        return verbs[i - 1][1]
    return i < len(verbs) and verbs[i][0] < b and verbs[i][1]


# hearsay the text reports without stating it: "Говорят, что …", "по слухам", "якобы"
_HEARSAY = re.compile(r"^\W*(?:говорят|поговаривают|ходят\s+слухи)(?![\w-])|(?<![\w-])(?:якобы|по\s+слухам)(?![\w-])",
                      re.I)


# the world's trade or market, the partner's place in it: "в мировом импорте зерна Турция занимает второе место",
# "крупнейший в мире импортёр", "товарооборот Вьетнама с внешним миром"
_WORLD = re.compile(r"(?<![\w-])(?:миров(?:ой|ого|ому|ом|ым|ая|ую)|в\s+мире|с\s+внешним\s+миром)(?![\w-])", re.I)


def _of_world(x: Sentence, core: int) -> bool:
    """Whether the figure at `core` stands in a part of the sentence that speaks of the world's trade."""
    a, _ = x.segment(core)
    if x.last_before(_WORLD, max(a, x.clause_span(core)[0] - 120), core) is not None:
        return True
    # (or right after a place: "Эмираты занимают 1-е место в мире по реэкспорту")
    return _PLACE_IN_WORLD.match(x.s, core) is not None


_PLACE_IN_WORLD = re.compile(r"[\w-]+\s+(?:мест\w*|позици\w*|строчк\w*)\s+"
                             r"(?:в\s+мире|в\s+мировом|среди\s+стран\s+мира)", re.I)


# trade with a bloc or a part of the world, no one partner's: "оборот с государствами СНГ", "экспорт в страны
# Африки", "со странами дальнего зарубежья" (or its share: "на страны СНГ пришлось 27 %", "на долю государств СНГ —
# 21,6 %")
_BLOC = re.compile(r"(?<![\w-])(?:с|со|в|во|из|на)\s+(?:долю\s+)?(?:государств|стран)(?:ами|а|ы)?(?![\w-])\s+"
                   r"(?:[а-яё]+\s+){0,2}?(?:(?-i:[А-ЯЁ]{2,}|[А-ЯЁ][а-яё]+)|(?:дальн|ближн)\w+\s+зарубежь\w*)", re.I)


def _with_bloc(x: Sentence, c: Claim, core: int) -> bool:
    if not (c.unit in _GROUP_FIGURES or c.metric.endswith(("_growth", "_share", "_change"))):
        return False
    bloc = x.last_before(_BLOC, x.segment(core)[0], core)
    return bloc is not None and x.mentions_before(core) == x.mentions_before(bloc)


_JOINED = re.compile(r"\s*,\s*|\s+и\s+")
_EACH = re.compile(r"(?<![\w-])кажд\w+(?![\w-])", re.I)
_GROUP_FIGURES = frozenset({"$", "т"})
_RESPECTIVELY = re.compile(r"(?<![\w-])соответственно(?![\w-])", re.I)


def _of_group(x: Sentence, c: Claim, core: int) -> bool:
    """Whether a sum, a quantity, a growth or a share is that of a group of partners named as one list in its clause
    ("Египет, Ливия и Алжир закупили 700 тыс. тонн", "экспорт в Казахстан и Узбекистан вырос на 20 %"): no one
    partner's figure (the lists paired by "соответственно" are each partner's; a rank holds for each)."""
    if not (c.unit in _GROUP_FIGURES or c.metric.endswith(("_growth", "_share", "_change"))):
        return False
    i = x.mentions_before(core)
    if i < 2 or x.mentions[i - 1][0] != c.partner:
        return False
    (_, _, end), (_, start, last_end) = x.mentions[i - 2], x.mentions[i - 1]
    a = x.clause_span(core)[0]
    return _JOINED.fullmatch(x.s, end, start) is not None and x.mentions[i - 2][1] >= x.subject_start(a) and \
        "(" not in x.s[last_end:core] and _EACH.search(x.s, last_end, core) is None   # ("на долю каждой из …")


# who said it and where, after the figures: "…, сообщил посол Монголии на встрече в областной думе" (a region word
# there is the place of the event, not the subject of the trade)
_SAID_BY = re.compile(r",\s+(?:[—–]\s+)?(?:сообщ|заяв|рассказ|отмет|подчеркн|сказал|пояснил|уточнил|добавил|"
                      r"напомнил|информиру)\w*\s[^,;:]*$", re.I)


def _unsaid_end(s: str) -> int:
    """Where the sentence's attribution at its end begins (its length if it has none)."""
    m = _SAID_BY.search(s)
    return m.start() if m else len(s)


# a region named as the people it sent or who govern it is no subject of the figures: "о встрече с делегацией
# Костанайской области", "губернатор Астраханской области"
_PEOPLE_OF = re.compile(r"(?<![\w-])(?:делегаци|губернатор|аким|глав|представител|правительств|администраци|"
                        r"руководств|министр|вице-губернатор)\w*\s+$", re.I)


def _other_region(s: str) -> bool:
    """Whether the sentence names another region as a subject of its own (not as its people's: "с делегацией
    Костанайской области")."""
    return any(not _PEOPLE_OF.search(s, max(0, m.start() - 30), m.start()) for m in _OTHER_REGION.finditer(s))


def _other_region_parts(s: str) -> list[tuple[int, int]]:
    """The parts of a sentence that speak of another region and not of this one ("В Астраханской области, на долю
    которой приходится около 40 % этого объёма, …, а волгоградские участники ВЭД …")."""
    cuts = sorted({0, *(m.end() for m in _TURN.finditer(s)), *(m.start() for m in _THAT_PART.finditer(s)),
                   *(m.end() for m in _OWN_TURN.finditer(s)), len(s)})
    out: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if _other_region(s[a:b]) and not _OWN_REGION.search(s, a, b):
            out.append((a, b))
        elif out and out[-1][1] == a and _THAT_PART.match(s, a):
            # "Краснодарский край экспортировал … 2,3 млрд долларов, что почти в пять раз больше волгоградского
            # показателя": a 'что' clause tells of the figure before it, the region's own word there is the base
            out[-1] = (out[-1][0], b)
    return out


_THAT_PART = re.compile(r",\s+что\s", re.I)
# a comma turning to the region's own figure with no conjunction: "…на 4,2 млрд долларов, волгоградский показатель
# скромнее — 1,28 млрд"
_OWN_TURN = re.compile(r",\s+(?=(?:[а-яё]+\s+)?(?:волгоградск|наш)\w*\s)", re.I)


def _national_parts(s: str) -> list[tuple[int, int]]:
    """The parts of a sentence that speak of Russia's trade and not of the region's (parted where it turns: "…,
    тогда как", "…, а", "; ")."""
    cuts = [0, *(m.end() for m in _TURN.finditer(s)), len(s)]
    said_from = _unsaid_end(s)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False)
            if _NATIONAL.search(s, a, b) and not REGION_WORDS.search(s, a, min(b, said_from))]


# a sentence ends at a stop before a capital, but not inside "млн долл. США", "за 9 мес. 2024 г.", "(за 2023 г. – 6,9
# млн)", nor before a bracket after "долл." ("41,7 млн долл. (+18 %)")
# (nor after a list's number: "«Топ-5 партнёров»: 1. Турция — 742,6 млн долл.; 2. Китай — …", "1. Турция — 27 %" a line)
_SPLIT = re.compile(r"(?<=[.!?…])(?<!долл\.)(?<!мес\.)(?<!тыс\.)(?<!кв\.)(?<![:;]\s\d\.)(?<![:;]\s\d\d\.)"
                    r"(?<!^\d\.)(?<!^\d\d\.)\s+"
                    r"(?=[«\"(\-–—A-ZА-ЯЁ0-9])(?!(?<=г\.\s)[\-–—])|"
                    r"(?<=долл\.)\s+(?=[«\"\-–—A-ZА-ЯЁ0-9])(?!США)|"
                    # "… — 61 млн 200 тыс. Удельный вес …": a word in capitals after "тыс." begins a sentence
                    r"(?<=тыс\.)\s+(?=[А-ЯЁ][а-яё]{2,})")
_PARAGRAPH = re.compile(r"\n+")
_PARAGRAPH_KEPT = re.compile(r"(\n+)")
# a text of lines, as a post or a slide is written (hashtags, emoji, "Слайд 4."): a period one of its lines states
# holds for the lines right under it, as in a paragraph; in prose a line is a paragraph of its own
_LINES_TEXT = re.compile(r"(?:^|\s)#[^\W\d_]\w+|[\U0001F300-\U0001FAFF\u2600-\u27BF]|(?<![\w-])Слайд\s+\d", re.I)
# a sentence with no figure that may state a period: "На совещании рассмотрены итоги января — апреля."
_PERIOD_WORD = re.compile(r"январ|феврал|март|апрел|мая|июн|июл|август|сентябр|октябр|ноябр|декабр|квартал|полугод|"
                          r"месяц", re.I)
# a paragraph that goes on with the one before: "Это …", "При этом …", "Из них …"
# (or a post's line opened by an emoji or a bullet: "📦 Наш экспорт в Волгоград — 22,7 млн $")
_GOES_ON = re.compile(r"\s*(?:(?:Это|Эт[оаи]|При\s+этом|Из\s+(?:них|него|неё|этого|этой|этих)|В\s+том\s+числе|"
                      r"Кроме\s+того)(?![\w-])|"
                      r"[^\w\s«\"'(—–#-])")
_SOFT_WRAP = re.compile(r"(?<![.!?…:;»\"\n])[ \t]*\n(?=[ \t]*[a-zа-яё0-9(«])(?![ \t]*\d{1,2}(?:[.)]\s|\ufe0f?\u20e3))")
# a turn of a dialogue: a dash, or a speaker's name in capitals and a colon ("СОКОЛОВ: …", "ГАРИПОВ (ассоциация
# экспортёров): …", "МОДЕРАТОР: Рост?")
_SPEAKER = re.compile(r"\s*[А-ЯЁ]{3,}(?:\s+[А-ЯЁ]{2,})?(?:\s*\([^()\n]{0,60}\))?\s*:\s")
_TURN_LINE = re.compile(rf"\s*[—–-]\s|{_SPEAKER.pattern}")
# a headline: one short line that ends with no sentence's stop (a stop inside, "за 9 мес.", is no end)
# (or with an abbreviation's: "Иран: товарооборот за 9 мес. — 274 млн долл.")
_HEADLINE = re.compile(r"[^\n]{1,120}(?:(?<![.!?…])|(?<=долл\.)|(?<=тыс\.)|(?<=мес\.))")
# a short line, a sentence or a few short ones ("…: итоги.", "Итоги года. ЦИФРЫ МЕСЯЦА — выпуск: 2023 год в цифрах.")
_HEADING = re.compile(r"(?:[^.!?…\n]{1,80}[.:!]\s+){0,2}[^.!?…\n]{1,80}[.:]?$")
# an aside between dashes that tells what a subject is, with no figure, is left out of the sentence read: "Турецкий
# импорт — а это прежде всего текстиль, фрукты и строительные материалы, без которых … Волгограда, — за девять месяцев
# вырос на 17,3 %" (its commas would part the subject from its verb)
_ASIDE_DASHES = re.compile(r"(?<=\s)[—–]\s+(?:а\s+)?(?:это|то\s+есть|т\.\s?е\.)(?![\w-])[^—–\d.!?;]{0,240}?,?\s+[—–]\s",
                           re.I)
# an aside in brackets with a period and a figure of its own ("(в 2022 году — 4,1 %)"): the part's period, not the
# sentence's
_ASIDE_PERIOD = re.compile(r"\((?:\s*(?:в|за)\s+)[^()]{0,40}?[—–][^()]{0,40}\)", re.I)
_FIGURE_WORDS = frozenset({*morphology.cardinal_forms(), *morphology.ordinal_forms(), *morphology.collective_forms(),
                           *morphology.lexeme_forms("крупнейший"), *morphology.lexeme_forms("главный"),
                           *morphology.lexeme_forms("основной"), *morphology.lexeme_forms("ведущий"),
                           "следом", "вслед",
                           *morphology.lexeme_forms("возглавить"), *morphology.lexeme_forms("возглавлять"),
                           *morphology.lexeme_forms("лидировать"), *morphology.lexeme_forms("лидер"),
                           *morphology.fraction_forms(), "наполовину",
                           *morphology.lexeme_forms("первенство"), *morphology.lexeme_forms("лидерство"),
                           "вдвое", "втрое", "вчетверо", "впятеро", "вдесятеро", "полтора", "полторы",
                           *morphology.lexeme_forms("миллиард"), *morphology.lexeme_forms("миллион"),
                           "полмиллиарда", "полумиллиарда", "полмиллиона", "полумиллиона"})
_SIGNS = re.compile(r"[\d%$]")
_WORDS = re.compile(r"[а-яё]+")


_COMPARISONS = frozenset({"turnover_growth", "export_growth", "import_growth", "turnover_change", "export_change",
                          "import_change", "rank_change"})
_PLACES = frozenset({"rank", "export_rank", "import_rank"})


# a sentence that opens with a part of the volume before ("Из этого объёма 1 млн тонн пришлось на …", "Из них …") or
# with its level of the year before ("Годом ранее за тот же период египетские закупки не превышали 600 тыс. т") or of
# another period it is compared with ("Для сравнения: в 2020 году поставки не достигали 5 тыс. тонн")
_PART_OF_BEFORE = re.compile(r"(?:из|в\s+том\s+числе)\s+(?:них|этого|этих|того|указанного|общего|всего)(?![\w-])|"
                             r"(?:годом\s+(?:ранее|раньше)|год\s+назад|для\s+сравнения)(?![\w-])|"
                             # ("…3,7 млн тонн пшеницы. Основные объёмы пришлись на Египет (1,9 млн т), …")
                             r"\W*(?:основн|больш|крупн)\w+\s+(?:объ[её]м|част|парти)\w*", re.I)
_FLOW_OF_METRIC = {"exports": "exports", "export": "exports", "imports": "imports", "import": "imports",
                   "turnover": "turnover"}


def _has_figure(s: str) -> bool:
    """False for a sentence with no digit and no number word: no rule needs to look at it."""
    return bool(_SIGNS.search(s)) or not _FIGURE_WORDS.isdisjoint(_WORDS.findall(s.lower()))


def _aside_left_out(m: re.Match[str]) -> str:
    """An aside between dashes left out, unless it tells a figure of its own: a digit, a place by its ordinal ("— это
    седьмой результат среди стран —") or a scale word ("ни один жилой комплекс" is none)."""
    words = set(_WORDS.findall(m.group(0).lower()))
    told = _SIGNS.search(m.group(0)) or not words.isdisjoint(morphology.ordinal_forms()) or \
        not words.isdisjoint(_SCALE_WORDS)
    return m.group(0) if told else ""


_SCALE_WORDS = frozenset({"миллион", "миллиона", "миллионов", "миллиард", "миллиарда", "миллиардов", "тысяч", "тысячи",
                          "процент", "процента", "процентов", "вдвое", "втрое", "раза", "доля", "долю"})


def _turn(paragraph: str) -> bool:
    """Whether a paragraph is a turn of a dialogue: opened by a dash or by a speaker's name in capitals ("СОКОЛОВ:",
    not a wire's country heading "КИТАЙ: импорт …")."""
    m = _TURN_LINE.match(paragraph)
    return m is not None and not (m.group(0).strip()[-1:] == ":" and countries.partners_in(m.group(0).title()))


def sentences(text: str) -> list[str]:
    return [s.strip() for p in _PARAGRAPH.split(text) for s in _SPLIT.split(p) if s and s.strip()]


def extract_claims(text: str, partner: str | None = None, ref_date: dt.date | None = None) -> list[Claim]:
    """Every figure claim of a text, in text order. `partner` is the text's main partner (default: the most
    mentioned country); `ref_date` (the meeting date) resolves "в прошлом году", "с начала года" and periods
    written without a year. A period stated in a sentence holds for the next sentences of its paragraph."""
    # a line wrapped inside a sentence (Markdown's soft break: "…партнеров области,\nтоварооборот растёт") is no new
    # paragraph; a space of the same length keeps every offset
    text = teaser.resolved(_SOFT_WRAP.sub(" ", text))     # ("Цифра недели: 118. Со столькими странами торговала …")
    text = abbreviations.written_out(text)    # ("Т/о … обл. … за янв.–июль 2023 г.": a memo's abbreviations)
    main = partner or next(iter(countries.partners_in(text)), None)
    claims: list[Claim] = []
    heading: Period | None = None   # the period of a heading line ("Январь–сентябрь 2024 года: итоги")
    talk: Period | None = None      # the period the turns of a dialogue spoke of so far
    last_turn = ""                  # the last sentence of the turn before
    headline: list[Claim] = []      # claims of heading lines
    asked: str | None = None        # the partner the sentence before asked the place of
    answered: Claim | None = None   # the place the sentence before gave in answer
    asked_before = False            # the sentence before asked the place of the year before that answer
    asked_flow = "turnover"         # the flow the question before asked a place or a share by
    asked_share: str | None = None  # the partner the sentence before asked the share of
    asked_change: str | None = None     # the sentence before, if it asked of a change
    # figures before the text names any partner, in a text that names one later, are the region's: "О
    # внешнеэкономической деятельности области в 2023 году. Объём экспорта составил … Основным покупателем осталась
    # Турция"
    unnamed_until = countries.first_named(text) if main else None
    at = 0
    lead: _Lead | None = None       # the lead of a list whose items the paragraphs are
    ended: Period | None = None     # the period the paragraph before ended with
    dollars = False                 # a sum of the paragraph before named dollars
    last_metrics: frozenset[str] = frozenset()  # the metrics of the last sentence that claimed any
    parts = _PARAGRAPH_KEPT.split(text)
    lines_text = "\n" in text and _LINES_TEXT.search(text) is not None
    for k in range(0, len(parts), 2):
        paragraph = parts[k]
        # a line right under the one before, no blank line between (a post's, a slide's block)
        under = k > 0 and parts[k - 1].count("\n") == 1
        item = lead is not None and lists.is_item(paragraph)
        lead = lead if item else None
        # a turn of a dialogue ("— А по объёму?\n— Порядка 29 миллионов долларов.") goes on with the period the
        # turns before it stated (a list's item under its lead is none)
        turn = not item and _turn(paragraph)
        carried: Period | None = (talk or heading) if turn else (lead.period or heading) if lead else heading
        goes_on = not turn and not item and ended is not None and (_GOES_ON.match(paragraph) is not None or
                                                                    (under and lines_text))
        if goes_on:
            carried = ended     # a line going on with the one before: "В 2022 году товарооборот — 318 млн
            # долларов.\nЭто четвёртое место среди всех стран." (and its dollars: "\nИз этой суммы экспорт — 44,2 млн")
        talk = talk if turn else None
        before = len(claims)
        goods_seen: dict[str, str] = {}
        dollars = lead.dollars if lead else dollars if goes_on else False
        period: Period | None
        how: str | None
        previous = lead.text if lead else last_turn if turn else ""
        prev_rank: str | None = None
        # (a line going on with the one before, or a list's line, has its metrics before it: "2,91 млрд долларов —
        # экспорт.\n17,4 % — доля Египта в этом объёме")
        prev_metrics: frozenset[str] = last_metrics if goes_on or lists.is_item(paragraph) else frozenset()
        here: list[re.Match[str]] | None = None
        before_flows: list[re.Match[str]] | None = None
        leading: list[Claim] = []   # claims of the paragraph before any period is stated in it
        places: list[Claim] = []    # the places of the sentence before, if it stated no period
        turned: str | None = None
        counted_last = False    # the sentence before ended with a count of firms
        region_before = False   # the sentence before gave only the region's own sums and changes
        mass_goods: str | None = None   # the one kind of goods the tonnes of the sentence before were of
        spoken: str | None = None       # the flow the paragraph spoke of last
        told_unit: str | None = None    # the scale and unit the sentence before gave its next one's bare numbers
        table: lists.Table | None = None    # the table a sentence of the paragraph led, and the flow of its role
        table_role: str | None = None
        if not turn:    # (a question and its answer may be two turns of a dialogue)
            asked, answered, asked_change = None, None, None
        for s in (s.strip() for s in _SPLIT.split(paragraph)):
            if not s:
                continue
            previous, s_before = s, previous
            told_unit = lists.trailing_unit(s_before) if s_before and not lead else None
            # (a sentence naming a structure by partners leads the one after it: "На графике: структура экспорта
            # области по странам за январь — июнь 2024 года. Турция — 19,6 %, Египет — 11,2 %")
            after_lead = bool(told_unit) or bool(s_before and not lead and _STRUCTURE_LEAD.search(s_before))
            at = text.find(s, at)
            speaker = _SPEAKER.match(s) if turn else None
            s = f"— {s[speaker.end():]}" if speaker else s     # a speaker's turn read as a dash's
            role = None
            s = _ASIDE_DASHES.sub(_aside_left_out, s) if " — " in s else s
            # a goods' code in brackets after its name is left out, the name tells the goods: "пшеница (ТН ВЭД 1001)
            # — 4 620,7 тыс. т; ячмень (1003) — 512,4 тыс. т"
            s = _CODE_BRACKET.sub("", s) if "ВЭД" in s else s
            if lead:
                s = lists.unmarked(s)
            if lead and lead.unit:  # "Турция — 318,4 (+5,1 %)" under "Экспорт по странам (млн долл. США; …):"
                s = lists.with_table(s, lead.unit)
            elif told_unit:     # "На графике: топ-5 стран — покупателей …, млн долларов. 1) Турция — 287,4; …"
                s = lists.with_unit(s, told_unit)
            elif (inline := lists.lead_unit(s)) is not None:   # "…, млн долл. США: Турция — 742,3; Китай — 388,0"
                s = lists.with_table(s, inline[1], inline[0])
                # ("Основные страны — покупатели продукции … (млн долл. США):", "Экспорт … по странам, млн долл.:")
                role = lists.role_flow(s[:inline[0]]) or lists.flow_named(s[:inline[0]])
                table, table_role = inline[1], role
            elif table is not None and lists.is_item(s):
                # the next rows of a table led in the paragraph: "… (место; млн долл. США; доля в импорте области):
                # Китай — 1-е место, 298,7; 40,5 %. Беларусь — 2-е место, 61,2; 8,3 %."
                s = lists.with_table(s, table)
                role = table_role
            # (the partner's own voice names the region as the other side: "наш двусторонний товарооборот с регионом")
            default = None if unnamed_until is not None and at + len(s) <= unnamed_until and \
                not PARTNER_VOICE.search(s) else main
            before_flows, here = here, None
            has = _has_figure(s)
            asking = dialogue.PLACE_QUESTION.search(s) if s.endswith("?") else None
            # (a question's period holds for its answer, a list lead's for its items)
            looked = has or "год" in s or asking or s.endswith(("?", ":")) or _PERIOD_WORD.search(s) is not None
            found = periods.stated(_ASIDE_PERIOD.sub(" ", s), ref_date) if looked else None
            if found and carried and _THESE_MONTHS.search(s) and found.period.m_from == 1 and \
                    found.period.m_to == carried.m_to - carried.m_from + 1 and carried.m_from != 1:
                found = None    # "В июле и августе … За эти два месяца …": the months told before, not January's
            if found and found.how == "base" and carried and carried.year == found.period.year:
                found = None    # "…, чем за тот же период 2023 года" after "по итогам девяти месяцев 2024 года"
            if found and carried and found.how != "base" and found.period.year < carried.year and \
                    LEAD_YEAR_BEFORE.match(s):
                found = None    # "Годом ранее — 8,1 млн, в позапрошлом году за тот же период — 4,6 млн": the parts'
                # own periods, of the period carried, which goes on
            if found:
                if carried is None and found.how != "base":
                    for c in leading + places:  # a lead that states no period: "Аграрии почти вдвое нарастили …
                        c.period, c.period_how = found.period, "ahead"    # За январь–сентябрь экспорт достиг …"
                carried = found.period
                period, how = found.period, found.how
            else:
                period, how = carried, ("carried" if carried else None)
            if answered is not None and dialogue.YEAR_BEFORE_ASKED.fullmatch(s):
                asked_before = True     # "— Четвёртое. — А годом ранее? — Девятое."
                continue
            answer_flow = "turnover"
            said = dialogue.answered_place(s, asked, answered, main, period, how, ref_date, asked_before,
                                           RANK[asked_flow]) or \
                (dialogue.answered_share(s, asked_share, asked_flow, main, period, how, ref_date) if asked_share
                 else None)
            asked_before = False
            asked_share = None
            told = dialogue.answered_change(s, asked_change) if said is None and asked_change else None
            asked_change = None
            if told is not None:
                s, has = told, True     # "— Это рост? — На 14 процентов.": the change of the flow spoken of
            if said is not None:    # "— На каком месте Египет …? — На четвёртом. А годом ранее был седьмым."
                claims.append(said[0])
                answered = said[0]
                asked = None
                if not said[1]:
                    continue
                s = said[1]     # "— Девятое, так что рост на пять позиций.": the rest is read as a sentence
                has = _has_figure(s)
                answer_flow = asked_flow    # ("…8,5 процента, это второе место после Турции": by the asked flow)
            else:
                # a question of the place that names no country asks of the text's partner ("— А какое место у
                # республики среди наших партнёров?")
                asked = asking and (next(iter(countries.partners_in(s)), None) or main)
                answered = None
                asked_change = s if s.endswith("?") and dialogue.GROWTH_QUESTION.search(s) else None
                if s.endswith("?") and (asking or dialogue.SHARE_QUESTION.search(s)):
                    asked_flow = dialogue.asked_flow(s)
                    if not asking:  # "— Какова доля Египта в нашем экспорте?"
                        asked_share = next(iter(countries.partners_in(s)), None) or main
            if has:
                # the flow words of the sentence before, found when it was read if it had figures
                flows = before_flows if before_flows is not None else list(FLOW.finditer(s_before))
                here = list(FLOW.finditer(s))
                # (else the flow the paragraph spoke of last: "Слайд 9: Импорт 2023 года по странам. Китай — 274,2 млн
                # долл. (…). Беларусь — 120,7 млн долл. (…). Германия — 88,2 млн долл.")
                raw = flow_of(flows[-1].group(0)) if flows else lead.flow if lead else spoken
                spoken = flow_of(here[-1].group(0)) if here else lists.role_flow(s) or raw
                # the flow word that told a count of firms last ("…, а продукцию в Беларусь поставляли 63
                # предприятия. … рост составил ещё 5,2 %") leaves the flow to the sentence's last trade figure
                flow_before = turned if counted_last and turned else \
                    turned if raw and turned == other(raw) else raw
                # (a table's lead's flow holds for its rows however far: "Экспорт … , млн долл. США: Египет — 143,2;
                # …; Тунис — 6,4")
                flow_before = role if role and (not here or table is not None) else flow_before
                found_here = _sentence_claims(s, default or main, period, how, flow_before,
                                              goods_seen, dollars, ref_date, prev_rank,
                                              (money.topic_goods(s_before, flows) if flows else None) or
                                              (mass_goods if _PART_OF_BEFORE.match(s) or
                                               not goods.any_named(s) else None), prev_metrics,
                                              here, region_before, region_default=default is None,
                                              lead=lead.last if lead else s_before if after_lead else "",
                                              last_share=lead.share if lead else None)
                by = lead.flow if lead and lead.flow else role if role and table else answer_flow
                for c in found_here if by != "turnover" else ():
                    if c.metric == "rank":  # "Тройка крупнейших поставщиков:\n— Китай (первое место) — 51,3 %"
                        c.metric = RANK[by]
                # (with "index" when a growth was told as an index: "94,8 % к уровню 2022 года")
                prev_metrics = frozenset(c.metric for c in found_here) | (
                    {"index"} if any(c.metric.endswith("growth") and c.unit == "%" and c.claimed_value >= 30 and
                                     abs(c.value - (c.claimed_value / 100 - 1)) < 1e-9 for c in found_here) else set())
                last_metrics = prev_metrics or last_metrics
                last = found_here[-1] if found_here else None
                if found and period and last and last.period and last.period_how in ("stated", "relative") and \
                        (last.period.year, last.period.m_to) > (period.year, period.m_to):
                    # the later period of the sentence's last part goes on (an earlier one is a level compared
                    # with): "в позапрошлом году закупили на 784 млн долларов, а в прошлом — уже на 912 млн. Доля
                    # Турции в экспорте превысила 28 %."
                    carried = last.period
                region_before = bool(found_here) and all(c.partner is None and c.unit in ("$", "%", "раза")
                                                         for c in found_here)
                counted_last = bool(found_here) and found_here[-1].metric == "firms"
                # the flow the sentence's last figure was of, turned by its subject: "Египет закупил у региона
                # 1,4 млн тонн зерна. Из этого объёма 1 млн тонн пришлось на пшеницу" (exports both)
                kinds = {c.goods for c in found_here if c.metric.endswith("_mass")}
                mass_goods = next(iter(kinds)) if len(kinds) == 1 else None
                turned = next((_FLOW_OF_METRIC[c.metric.split("_")[0]] for c in reversed(found_here)
                               if c.metric.split("_")[0] in _FLOW_OF_METRIC), None)
                dollars = dollars or any(c.unit == "$" for c in found_here)
                prev_rank = next((c.metric for c in reversed(found_here) if c.metric.endswith("rank")), None)
                claims.extend(found_here)
                if carried is None:     # a comparison needs a period: a level or a count is checked as it stands
                    leading.extend(c for c in found_here if c.period is None and c.metric in _COMPARISONS)
                    # a place, too, from the sentence right before the one stating the period ("Казахстан занимает
                    # вторую позицию … По итогам 2023 года товарооборот составил …")
                    places = [c for c in found_here if c.period is None and c.metric in _PLACES]
        ended = carried
        # (a heading with no colon leads the items right under it too: "Слайд 4. Топ-5 партнёров (доля в обороте,
        # 2023)\n1. Турция — 27 %")
        heads_items = len(claims) == before and not lists.is_item(paragraph) and k + 2 < len(parts) and \
            parts[k + 1].count("\n") == 1 and lists.is_item(parts[k + 2]) and len(paragraph) <= 120 and \
            not paragraph.rstrip().endswith((".", "!", "?", "…")) and not _finite_verbs(paragraph)
        if lists.is_lead(paragraph) or heads_items:
            unit = lists.lead_unit(paragraph)
            lead = _Lead(paragraph, previous, dollars or "долл" in paragraph or "$" in paragraph,
                         unit[1] if unit and unit[0] == len(paragraph.rstrip()) else None,
                         lists.role_flow(paragraph) or (lists.ranked_flow(paragraph) if unit else None))
        elif lead:
            lead.dollars = lead.dollars or dollars
            lead.period = carried or lead.period    # (a period an item states holds for the items after it)
            lead.share = next((c.metric for c in reversed(claims[before:]) if c.metric.endswith("_share")), lead.share)
            if FLOW.search(paragraph):  # "— экспорт — 61,3 млн долларов;\n— прирост … — 27 %": the item's flow goes on
                lead.text = paragraph
        if len(claims) > before and not item and _HEADLINE.fullmatch(paragraph.strip()):
            headline.extend(claims[before:])    # a headline's figures, which the body may tell again
        if carried is not None and carried is not heading and (
                len(claims) == before and _HEADING.match(paragraph) or paragraph.rstrip().endswith(":")):
            # a line of its own with a period and no figure heads the paragraphs after it, and so does a list's
            # lead ("Южное таможенное управление. Итоги II квартала 2023 года по Волгоградской области:")
            heading = carried
        if turn and carried is not None and carried is not heading:
            talk = carried
        # the flow words of the last turn that had any tell the next one's ("— Вырос на 14 %", "— А в деньгах?")
        # (its last sentence that had any: "СОКОЛОВ: … 61 миллион долларов экспорта в Саудовскую Аравию. Это…")
        if turn:
            flowing = [t for t in _SPLIT.split(_SPEAKER.sub("", paragraph, count=1)) if FLOW.search(t)]
            last_turn = flowing[-1].strip() if flowing else last_turn
        else:
            last_turn = ""
    if ref_date is not None:    # a year after the meeting's is no result: "обсудили поставки 200 тыс. т пшеницы в 2025
        claims = [c for c in claims if c.period is None or c.period.year <= ref_date.year]    # году"
    if headline:    # "Иран: волгоградский экспорт за 9 мес. — US$ 245,6 mln" and the body telling it again: one claim
        heads = {id(c) for c in headline}
        told = {_key(c) for c in claims if id(c) not in heads}
        claims = [c for c in claims if not (id(c) in heads and _key(c) in told)]
    return claims


@dataclass
class _Lead:
    text: str           # the lead, whose flow words tell its items'
    last: str           # its last sentence, which each item is read after
    dollars: bool       # a sum of it or of an item before named dollars
    unit: lists.Table | None    # what a table's lead tells its rows: the unit of their numbers, their columns
    flow: str | None    # the flow the role of the partners it lists tells ("Основные покупатели …:")
    share: str | None = None    # the metric of the last share its items gave
    period: Period | None = None    # the period its items stated last


def _key(c: Claim) -> tuple:
    return c.metric, c.partner, c.period, c.qualifier, c.value

