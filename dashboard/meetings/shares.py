"""Shares of a flow: "на Турцию приходится 9,4 % оборота", "доля … составила 7,8 %", "с долей 12 %", and a second
share after a dash with the verb left out ("…, на Турцию — 8,7 %", "…, в экспорте — 9,8 %"). The share of a group of
partners ("их совокупная доля", "на десять крупнейших стран пришлось 78 %") is no claim."""
from __future__ import annotations

import re

from dashboard.meetings import goods, morphology
from dashboard.meetings.claim import Claim
from dashboard.meetings.lists import role_flow
from dashboard.meetings.morphology import number_words_pattern
from dashboard.meetings.numerals import AHEAD, number, qualifier
from dashboard.meetings.sentence import FLOW, SHARE, Sentence, flow_of

# the words between the share word and its figure may hold a range written with a dash ("за январь–июнь")
# (and a change of the share before its level: "выросла на 0,3 процентного пункта и составила 4,1 %")
# (or a place taken in a flow's structure: "занял в структуре волгоградского экспорта 9,7 %")
_SHARE_VERB = re.compile(r"(?:приход\w*|пришл\w*|пришёл\w*|с\s+долей|дол[яиюе]\w*|удельн\w+\s+вес\w*|"
                         r"(?:заня|занима|занял)\w*(?=\s+(?:в|во)\s+структур)|"
                         # (or the percent right after it: "турецкое направление занимает 21 %")
                         r"(?:заня|занима|занял)\w*(?=\s+(?:около\s+|порядка\s+|почти\s+|более\s+)?$))\s+"
                         # ("на 1,2 п. п. и", "выросла на 3,2 п.п., до 19,8 %")
                         r"(?:[\w-]+(?:[–—][\w-]+|[.,]\d+)?\.?\s+|п\.\s?п\.,?\s+|[—–]\s+){0,16}?$", re.I)
# the share of a group, not of one partner: "их совокупная доля" (not "в совокупном обороте области", the total),
# "на десять крупнейших стран пришлось 78 %", "на первую пятёрку партнёров приходится"
_GROUP = re.compile(rf"(?<![\w-])(?:(?:совокупн|суммарн)[а-яё]*(?![а-яё])"
                    r"(?!\s+(?:товарооборот|оборот|экспорт|импорт|объ[её]м))|их\s+(?:общ\w+\s+)?дол\w*|"
                    rf"(?:\d+|{number_words_pattern()})\s+"
                    r"(?:[а-яё]+(?:их|ых)\s+)?(?:крупнейш|ведущ|основн|главн)\w*|(?:перв\w+\s+)?(?:тройк|пят[её]рк|"
                    r"десятк|двадцатк)\w*|топ[- ]?\d+|"
                    # a plural pronoun holds it, the goods or the partners named before: "на них приходится 60 %"
                    r"на\s+(?:них|их\s+долю)(?![\w-]))", re.I)
_SHARE_ELLIPTIC = re.compile(r"[,;]\s+(?:а\s+)?(?P<what>(?:на|в|во)\s+(?:[\w-]+\s+){1,3}?)[—–]\s*$", re.I)
_SHARE_FLOW_OF = re.compile(r"^\s*(?:от\s+)?(?:(?:всего|всей|общего|общей|его|её|ее)\s+)?(?:объ[её]ма\s+)?"
                            r"(?:[а-яё-]+(?:ого|его|ой|ей)\s+){0,2}"
                            r"(?P<flow>экспорт\w*|импорт\w*|товарооборот\w*|оборот\w*|торговл\w*|вывоз\w*|ввоз\w*)",
                            re.I)
# (or the goods of a flow told by a participle: "37,5 % всех ввозимых в регион товаров")
_SHARE_FLOW = re.compile(r"^\s*(?:[а-яё]+\s+){0,1}?(?P<flow>экспорт\w*|импорт\w*|товарооборот\w*|оборот\w*|вывоз\w*|"
                         r"ввоз\w*|"
                         r"(?:внешне)?торгов\w*|закуп\w*|поставок|(?:ввоз|вывоз)им\w*)", re.I)

# several partners' shares in one list: "на Египет, Турцию и Казахстан пришлось 22,4 %, 15,1 % и 9,8 % экспорта
# региона соответственно"
_ONE = r"\d+(?:[.,]\d+)?\s*%?"
_SHARE_LIST = re.compile(rf"(?<![\w-])(?:приход\w*|пришл\w*|пришёл\w*|обеспечи\w*|обеспечива\w*)\s+"
                         rf"(?:соответственно\s+)?(?P<list>{_ONE}(?:\s*,\s*{_ONE})*\s*,?\s+и\s+"
                         r"\d+(?:[.,]\d+)?\s*%)", re.I)
_LIST_NUM = re.compile(r"\d+(?:[.,]\d+)?")


# a share given as a fraction: "на долю КНР пришлось почти четверть импорта региона"
_FRACTION_WORDS = "|".join(sorted(morphology.fraction_forms(), key=len, reverse=True))
_SHARE_FRACTION = re.compile(r"(?<![\w-])(?:приход\w*|пришл\w*|составля\w*|составил\w*|(?P<this>это|или))\s+"
                             rf"(?P<q>(?:почти|около|более|свыше|менее|порядка|примерно)\s+)?(?P<frac>(?:(?:две|три)\s+)?(?:{_FRACTION_WORDS})|"
                             r"[а-яё]+(?:ая|ой|ую|ья|ью|ьей)\s+част(?:ь|и|ью))(?![\w-])", re.I)


# a second share as a fraction after a dash, the share verb given once: "Если в 2019 году на Китай приходилось лишь
# 6 % внешней торговли области, то в 2024-м — уже пятая часть"
_FRACTION_AGAIN = re.compile(r"[—–]\s*(?:(?:уже|лишь|только)\s+)?(?P<q>(?:почти|около|более|свыше|менее)\s+)?"
                             rf"(?P<frac>(?:(?:две|три)\s+)?(?:{_FRACTION_WORDS})|[а-яё]+(?:ая|ой|ую|ья|ью|ьей)\s+"
                             r"част(?:ь|и|ью))(?=\s*(?:[,.;)»]|$))", re.I)


def fractions_again(x: Sentence) -> None:
    """A second share as a fraction after a dash, of the partner and flow of the share before (read after the
    percents)."""
    s = x.s
    shared = [c for _, _, c in x.out if c.metric in SHARE.values()]
    for m in _FRACTION_AGAIN.finditer(s) if shared else ():
        part = morphology.fraction(m.group("frac").split())
        if part and x.free(*m.span()):
            qual = qualifier(s[m.start("q"):m.start("frac")])[0] if m.group("q") else "exact"
            x.add(m.start(), m.end(), shared[-1].metric, shared[-1].partner, qual, part, core=m.start("frac"),
                  claimed=part)


def fractions(x: Sentence) -> None:
    """Shares given as a fraction of a flow, after a share word: "на долю КНР пришлось почти четверть импорта"."""
    s = x.s
    for m in _SHARE_FRACTION.finditer(s):
        part = morphology.fraction(m.group("frac").split())
        follows = _SHARE_FLOW_OF.match(s[m.end():m.end() + AHEAD])
        holder = _HOLDER.search(s, max(0, m.start() - 80), m.start())
        # "…превысил миллиард долларов, это около четверти всего оборота региона": the share of the sum before
        this = m.group("this") is not None and bool(x.out) and x.out[-1][2].unit == "$"
        if not part or not follows or not (holder or this) or not x.free(*m.span()) or \
                _REGION_HOLDS.search(s, max(0, m.start() - 50), m.end()):
            continue
        if holder and x.mentions_before(m.start()) - x.mentions_before(holder.start()) > 1:
            continue    # "На Турцию и Египет вместе приходится почти четверть": the share of a group
        qual = qualifier(s[m.start("q"):m.start("frac")])[0] if m.group("q") else "exact"
        x.add(m.start(), m.end(), SHARE[flow_of(follows.group("flow"))], x.partner_at(m.start(), False), qual, part,
              core=m.start("frac"), claimed=part)


_HOLDER = re.compile(r"(?<![\w-])(?:на\s+долю|на)\s+\S+", re.I)


def lists(x: Sentence) -> None:
    """Shares of two or more partners given in one list, paired in order with the countries named before it."""
    s = x.s
    if "соответственно" not in s.lower():
        return
    for m in _SHARE_LIST.finditer(s):
        values = [number(v.group(0)) for v in _LIST_NUM.finditer(m.group("list"))]
        i = x.mentions_before(m.start())
        named = [iso for iso, _, _ in x.mentions[max(0, i - len(values)):i]]
        if len(named) < len(values) or not x.free(*m.span()):
            continue
        follows = _SHARE_FLOW.match(s[m.end():m.end() + AHEAD])
        of = follows or next(reversed(list(_STRUCTURE_FLOW.finditer(s, 0, m.start()))), None)
        metric = SHARE[flow_of(of.group("flow"))] if of else "turnover_share"
        for iso, v in zip(named, values, strict=True):
            if v:
                x.add(m.start(), m.end(), metric, iso, "exact", v[0] / 100, claimed=v[0], unit="%")


# what a share may be of: a flow, its amount ("38,2 % всего регионального импорта", "12 % общего объёма"); a share of
# anything else is no share of trade ("90 % волгоградского профицита")
_OF_NOUN = re.compile(r"^\s*(?:(?:всего|всей|общего|общей)\s+)?(?:[а-яё-]+(?:ого|его|ой|ей|ых|их)\s+){0,2}"
                      r"(?P<noun>[а-яё]+)", re.I)
_SHARE_OF = frozenset({"оборот", "товарооборот", "экспорт", "импорт", "торговля", "поставка", "закупка", "объём",
                       "объем", "стоимость", "отгрузка", "ввоз", "вывоз", "сумма", "показатель", "внешнеторговый"})
# a share told without its verb: "Китай – 287,4 млн долларов, или 38,2 % всего регионального импорта"
# (or by a 'что' clause after the sum: "ввезено продукции на 412 млн долларов, что составило 38,5 % всего импорта")
# (or a sentence of its own after the sum: "…1,03 млрд долларов. Это 17,6 % от всего объёма внешней торговли")
# (or by 'это' after the sum's comma: "…составили 198,6 млн долларов, это 46 % всего импорта области")
_OR_BEFORE = re.compile(r"(?:,\s*или|[—–]|,\s*что\s+(?:составля|составил|составит)\w*|(?:^\W*|,\s*)(?:и\s+)?это)\s*$",
                        re.I)
# a partner's share in brackets after its name, a share given before in the sentence: "второе – Китай (16,1 %)"
# "Турция обеспечила 18 % товарооборота области": a share told by what the partner provided
# (or by a participle of "составлять" agreeing with the partner: "Турция, составляющая 13 % экспорта региона")
# (or by a gerund: "поставки из КНР, составив 41 % всего волгоградского импорта, достигли …")
_PROVIDED = re.compile(r"(?<![\w-])(?:обеспечи|обеспечива|сформирова|формиру|составляющ|составлявш|составивш|"
                       r"составив(?![\w-])|составляя(?![\w-]))\w*\s+"
                       # ("обеспечил за январь — сентябрь 2024 года чуть больше")
                       r"(?:[\w-]+\s+|[—–]\s+){0,8}?$", re.I)
_OF_RUSSIA = re.compile(r"\s*(?:(?:всего|всей|общего|общей)\s+)?(?:[а-яё-]+\s+)?(?:обще)?российск", re.I)
# the region as the share's holder: "на Волгоградскую область пришлось", "доля региона", "доля Волгоградской области"
_OF_BLOC = re.compile(r"\s*(?:[а-яё]+\s+)?(?:товарооборот|оборот|экспорт|импорт|торговл)\w*\s+(?:со?|в)\s+"
                      r"(?:[а-яё]+\s+)?(?:стран|государств)\w*", re.I)
_REGION_HOLDS = re.compile(r"(?<![\w-])(?:на\s+(?:Волгоградскую\s+)?(?:область|регион)|дол[яиюе]\w*\s+"
                           r"(?:нашего\s+)?(?:региона|области|Волгоградской\s+области))(?![\w-])", re.I)
_HELD_BY = re.compile(r"\S+\s+(?P<w>[а-яё-]+)", re.I)
# (or after the year before named with a dash: "…составила 41 %, годом ранее — 37 %")
_AGAINST = re.compile(r"(?<![\w-])(?:против|(?:годом\s+(?:ранее|раньше)|год\s+назад|"
                      r"(?:в|за)\s+(?:19|20)\d\d\s*(?:-?м|год\w*|г\.)?)\s*[—–])\s*$", re.I)
_AND_BEFORE = re.compile(r"(?:,|\sи)\s*$", re.I)
_BRACKET = re.compile(r"\s*\(\s*$")
_BRACKET_ITEM = re.compile(r"\s*\([^()]{0,80}[,;]\s*")
_ITEM_END = re.compile(r"\s*[),;]")
_NAMED_DASH = re.compile(r"\s*[—–]\s*")
_SHARE_TOLD = re.compile(r"(?<![\w-])(?:дол[яиюе]\w*|удельн\w+\s+вес\w*)(?![\w-])(?:\s+[\w-]+){0,4}?\s+"
                         r"(?:приход\w*|пришл\w*|пришёл\w*)\s+на\s+", re.I)
# a structure by partners a list gives the shares of ("Структура экспорта по странам: …", "Доли партнёров в импорте:")
# (or by the share verb before the list's colon: "На страны — крупнейшие партнёры приходилось: Турция — 16,2 %, …")
_STRUCTURE = re.compile(r"(?<![\w-])(?:структур\w*|географи\w*|дол[яиюе]\w*|удельн\w+\s+вес\w*|"
                        r"(?:приходил|пришл)\w*(?=\s*:))(?![\w-])", re.I)
# a partner, its bracket if any, and a dash before the percent: "Турция (второе) — 9,7 %"
_NAMED_ITEM = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?[—–:]\s*")
# (an item's letter or number between: "; б) Китай — 17,9 %")
_LIST_BEFORE = re.compile(r"(?:[,;]|\s[иа])\s*(?:[а-я]\)\s*|\d{1,2}[.)]\s*)?$")
# the flow a structure is of, named before the share verb: "В структуре экспорта региона … на долю Турции пришлось
# 17,4 %", "в импорте области на КНР приходится 40 %" (a flow in the prepositional case, or in the genitive after
# "структуре"/"объёме")
_IN_FLOW = re.compile(r"(?<![\w-])(?:в|во)\s+(?:(?:структур|объ[её]м)\w*\s+)?(?:[а-яё-]+(?:ом|ем|ой|ей)\s+){0,2}"
                      r"(?P<flow>экспорт\w*|импорт\w*|товарооборот\w*|оборот\w*)", re.I)
# (or the structure named in any case before: "Если посмотреть на структуру экспорта области за январь–август, …, то на
# Турцию и Египет пришлось 21,4 и 17,9 % соответственно")
_STRUCTURE_FLOW = re.compile(r"(?<![\w-])структур\w*\s+(?:[а-яё-]+(?:ого|его)\s+)?"
                             r"(?P<flow>экспорт\w*|импорт\w*|товарооборот\w*|оборот\w*)", re.I)
# an item of a list, the percent set off by a comma, a semicolon or a colon: "Казахстан — первое место, 15,8 %
# оборота, рост на 7 %"
_ITEM_BEFORE = re.compile(r"(?:^|[,;:])\s*$")


_EACH = re.compile(r"(?<![\w-])кажд\w+\s+из\s+(?:которых|них)(?![\w-])", re.I)
_JOIN = re.compile(r"\s*,\s*|\s+и\s+")


def _listed_before(x: Sentence, at: int) -> list[str]:
    """The partners of one list ending right before `at` (its comma between): "Армения и Сербия, на долю каждой …"."""
    i = x.mentions_before(at)
    if i < 2:
        return []
    out = [x.mentions[i - 1]]
    while i > 1 and _JOIN.fullmatch(x.s, x.mentions[i - 2][2], x.mentions[i - 1][1]):
        i -= 1
        out.append(x.mentions[i - 1])
    return [iso for iso, _, _ in reversed(out)] if len(out) > 1 else []


_GOODS_OF_FLOW = re.compile(r"\s+(?:(?:эт|тако)(?:ой|ого|их|ий)\s+(?:культур|товар|продукци|позици|вид)\w*|"
                            r"(?P<w>[а-яё-]+))", re.I)


def _of_goods_flow(s: str, end: int) -> bool:
    """Whether the percent ending at `end` is of a flow of one kind of goods: "от всего экспорта этой культуры",
    "38 % экспорта пшеницы" (no partner's share of the whole flow)."""
    f = _SHARE_FLOW_OF.match(s[end:end + AHEAD])
    if f is None or not f.group("flow").lower().startswith(("экспорт", "импорт")):
        return False
    g = _GOODS_OF_FLOW.match(s, end + f.end())
    if g is None:
        return False
    return g.group("w") is None or goods.named([g.group("w")]) is not None


def _is_flow_case(word: str) -> bool:
    """Whether a flow noun after "в" is in the prepositional ("в экспорте") or the genitive after "структуре"."""
    return any(c in morphology.parses(word)[0].tag for c in ("loct", "loc2", "gent"))


def _of_other(s: str, end: int) -> bool:
    """Whether the noun the percent ending at `end` is of names something other than trade."""
    m = _OF_NOUN.match(s[end:end + AHEAD])
    if not m:
        return False
    w = m.group("noun").lower()
    p = morphology.parses(w)[0]
    return p.tag.POS == "NOUN" and p.normal_form.replace("ё", "е") not in _SHARE_OF and not FLOW.search(w)


# a bracket right after a partner's name that holds its share, said by "доля", by the flow it is of, or by a change
# after it in the same bracket: "Китай (доля 21,4 %, рост на 17 %)", "Турция (18,2 %, минус 9,6 %)", "Казахстан (20,9 %
# оборота, +6,2 %)"
# (its place told before the bracket, too: "Казахстан — второе (15,7 %, рост на 4,2 %)")
_OWN_BRACKET = re.compile(r"(?:\s*[—–]\s*(?:\d{1,2}-?[а-яё]{1,2}|[а-яё]+(?:ое|ый|ий|ой|ая|ье|ья))(?:\s+мест[оеау])?)?"
                          r"\s*\(\s*(?P<word>(?:с\s+)?(?:дол[яиюе]\w*|удельн\w+\s+вес\w*)\s+)?", re.I)
_CHANGE_AFTER = re.compile(r"\s*,\s*(?:[+\u2212–-]\s?\d|(?:минус|плюс)\s|(?:рост|прирост|сниж|падени|увелич|сокращ|"
                           r"уменьш)\w*)", re.I)


_SUM_TAIL = re.compile(r"\d\s*(?:млн|млрд|тыс)\.?(?:\s*(?:долл\w*\.?(?:\s+США)?|\$|USD))?\s*$", re.I)
# (what it is of after it: "(35,6 % от общего объёма)")
_SUM_BRACKET_END = re.compile(r"\s*(?:(?:от\s+)?(?:[а-яё-]+(?:ого|его|ой|ей)\s+){0,2}[а-яё]+\s*)?\)")


def _sum_before_bracket(x: Sentence, start: int, m: re.Match[str]) -> Claim | None:
    """The partner's sum in dollars that a bracket holding only the percent `m` (and what it is of) follows."""
    if not _SUM_BRACKET_END.match(x.s, m.end()):
        return None
    opened = x.s.rfind("(", max(0, start - 4), start + 1)
    if opened < 0 or not _BRACKET.fullmatch(x.s, opened, start) or not _SUM_TAIL.search(x.s, max(0, opened - 40),
                                                                                          opened):
        return None
    for c in reversed(x.claims_between(opened - 40, opened)):
        if c.unit == "$" and c.partner and c.metric in ("exports", "imports", "turnover"):
            return c
    return None


def _partners_summed(x: Sentence) -> int:
    """How many partners the sentence gives sums in dollars of."""
    return len({c.partner for _, _, c in x.out if c.unit == "$" and c.partner})


def _own_bracket(x: Sentence, m: re.Match[str], n: float, qual: str, start: int) -> bool:
    """Adds the share in a bracket right after a partner's name (_OWN_BRACKET), if the percent `m` is one."""
    i = x.mentions_before(start)
    if not i or m.group("sign"):
        return False
    inside = _OWN_BRACKET.fullmatch(x.s, x.mentions[i - 1][2], start)
    if inside is None:
        return False
    follows = _SHARE_FLOW_OF.match(x.s[m.end():m.end() + AHEAD])
    if not (inside.group("word") or follows or _CHANGE_AFTER.match(x.s, m.end())):
        return False
    # (no flow named: that of the share before, else of the role of the partners listed, "Среди покупателей …
    # выделяются Турция (доля 24,1 %)")
    role = None if follows or x.last_share else role_flow(x.s[:x.mentions[i - 1][1]])
    metric = SHARE[flow_of(follows.group("flow"))] if follows else x.last_share or \
        (SHARE[role] if role else "turnover_share")
    x.add(start, m.end(), metric, x.mentions[i - 1][0], qual, n / 100, core=m.start(), claimed=n, unit="%")
    return True


_HOLDER_WORDS = re.compile(r"\s*(?:(?:удельн\w+\s+)?[а-яё]+)\s+(?:(?P<adj>[а-яё-]+)\s+)?(?P<noun>[а-яё-]+)", re.I)
# who may hold a share of trade, named by a common noun: "доля страны", "доля республики в экспорте"
_PARTNER_NOUNS = frozenset({"страна", "республика", "государство", "королевство", "партнёр", "партнер", "сторона",
                            "эмират", "направление", "рынок"})


def _held_other(x: Sentence, at: int) -> bool:
    """Whether the share word at `at` is followed by what holds it, a noun in the genitive (after an adjective, if
    any) that is no country, partner, flow or amount of trade: goods or anything else, no partner's share."""
    m = _HOLDER_WORDS.match(x.s, at)
    if m is None:
        return False
    words = [m.group("adj"), m.group("noun")] if m.group("adj") else [m.group("noun")]
    p = morphology.parses(words[0].lower())[0]
    word = words[0]
    if x.mentions_before(m.start("noun")) != x.mentions_before(at):
        return False    # "доля армянских товаров в импорте": the partner named by its adjective holds it
    if p.tag.POS in ("ADJF", "PRTF") and len(words) == 2:
        noun, word = m.start("noun"), words[1]
        p = morphology.parses(word.lower())[0]
    else:
        noun = m.start("adj") if m.group("adj") else m.start("noun")
    if p.tag.POS != "NOUN" or p.tag.case != "gent" or x.mentions_before(noun + 1) != x.mentions_before(noun):
        return False
    lemma = p.normal_form.replace("ё", "е")
    return lemma not in _SHARE_OF and lemma.replace("е", "ё") not in _PARTNER_NOUNS and \
        lemma not in _PARTNER_NOUNS and not FLOW.search(x.s, noun, noun + len(word))


# a digest's item with the percent first and the share word after its dash: "20,8 % — доля Турции в товарообороте",
# "12 % — доля Египта в этом объёме"
_SHARE_WORD_AFTER = re.compile(r"\s*[—–]\s*(?:это\s+)?(?:дол[яиюе]|удельн\w+\s+вес)\w*\s+(?P<rest>[^;.\n]{1,80})", re.I)
_ITEM_START = re.compile(r"(?:^|[.;:\n•])\s*(?:\d{1,2}[.)]\s*)?$")
_WHOSE_FIRST = re.compile(r"\s*(?P<w>[а-яё-]+)", re.I)
_FLOW_METRICS = {"exports": "exports", "export_growth": "exports", "export_change": "exports",
                 "imports": "imports", "import_growth": "imports", "import_change": "imports"}


def _share_first(x: Sentence, m: re.Match[str], n: float, qual: str, start: int) -> bool:
    """Adds the share an item tells with its percent first, its partner and flow after the dash; the flow unnamed
    ("в этом объёме") is that of the sums before it in the paragraph."""
    after = _SHARE_WORD_AFTER.match(x.s, m.end())
    if after is None or m.group("sign") or not _ITEM_START.search(x.s, max(0, start - 8), start):
        return False
    first = _WHOSE_FIRST.match(after.group("rest"))
    if first and goods.named([first.group("w")]):
        return True     # "35 % — доля пшеницы в экспорте": the goods' share
    i = x.mentions_before(after.start("rest"))
    if i >= len(x.mentions) or x.mentions[i][1] >= after.end():
        return True     # "31,4 % — доля стран Ближнего Востока": no one partner's share
    flow = FLOW.search(after.group("rest"))
    if flow:
        metric = SHARE[flow_of(flow.group(0))]
    else:
        before = [_FLOW_METRICS[c.metric] for _, _, c in x.out if c.metric in _FLOW_METRICS] or \
            [f for f in ("exports", "imports") if any(k.startswith(f[:6]) for k in x.prev_metrics)]
        metric = SHARE[before[-1]] if len(set(before)) == 1 else "turnover_share"
    x.add(start, after.end(), metric, x.mentions[i][0], qual, n / 100, core=m.start(), claimed=n, unit="%")
    return True


def share(x: Sentence, m: re.Match[str], n: float, qual: str, start: int) -> bool:
    """Adds the share the percent `m` (value `n`, its qualifier starting at `start`) states, if it states one."""
    s = x.s
    if _own_bracket(x, m, n, qual, start) or _share_first(x, m, n, qual, start):
        return True
    lo = max(0, m.start("num") - 300)     # the rules below read at most a few words back
    before = s[lo:m.start("num")]
    verb = _SHARE_VERB.search(before[:start - lo])
    if verb and _GROUP.search(s, max(lo + verb.start() - 80, x.clause_span(lo + verb.start())[0]), m.start("num")):
        return True     # a group's share: no partner's claim, nor a growth
    if _OF_RUSSIA.match(s, m.end()):
        return True     # "около 7 % всего российского экспорта пшеницы": a share of Russia's trade, not the region's
    if _OF_BLOC.match(s, m.end()):
        return True     # "43,8 % товарооборота со странами Содружества": a share of a bloc's trade, not the region's
    if _of_goods_flow(s, m.end()):
        return True     # "610 тыс. т, или 38 % от всего экспорта этой культуры": a share of one good's exports
    held = _HELD_BY.match(s, lo + verb.start()) if verb and verb.group(0).lower().startswith("дол") else None
    if held and goods.named([held.group("w")]):
        return True     # "Доля пшеницы в экспорте в Египет составляет 85 %": a share of goods, not of the partner
    if verb and verb.group(0).lower().startswith(("дол", "удельн")) and _held_other(x, lo + verb.start()):
        return True     # "удельный вес продовольствия достиг 41 %", "доля российского зерна превысила 30 %"
    if verb and _REGION_HOLDS.search(s, max(0, lo + verb.start() - 50), lo + verb.end()):
        return True     # "на Волгоградскую область пришлось около 1,5 % этого объёма": the region's share of another
    if verb and _of_other(s, m.end()):
        return True     # "на Турцию пришлось более 90 % волгоградского профицита": no share of trade, nor a growth
    each = _EACH.search(s, max(0, lo + verb.start() - 30), lo + verb.end()) if verb else None
    if verb and each:
        # "Армения и Сербия, на долю каждой из которых пришлось около 1,5 %": the share of each partner listed
        listed = _listed_before(x, each.start())
        if listed:
            follows = _SHARE_FLOW.match(s[m.end():m.end() + AHEAD])
            metric = SHARE[flow_of(follows.group("flow"))] if follows else (x.last_share or "turnover_share")
            for iso in listed:
                x.add(lo + verb.start(), m.end(), metric, iso, qual, n / 100, core=m.start(), claimed=n, unit="%")
            return True
    if verb:
        between = FLOW.search(before, verb.start(), start - lo)
        follows = _SHARE_FLOW.match(s[m.end():m.end() + AHEAD])
        word = (between.group(0) if between and verb.group(0).lower().startswith(("дол", "с дол")) else None) \
            or (follows.group("flow") if follows else None) or (between.group(0) if between else None)
        if not word and x.last_share:
            # a flow named after the share before and ahead of this one's verb in its clause: "…, на Алжир — 3,7 %;
            # по импорту лидирует Китай с долей 41 %"
            a = max(x.clause_span(lo + verb.start())[0], max(x.cores[i] for i, (_, _, c) in enumerate(x.out)
                                                              if c.metric == x.last_share))
            ahead = list(FLOW.finditer(s, a, lo + verb.start()))
            word = ahead[-1].group(0) if ahead else None
        # no flow named: that of the share before in the sentence ("На долю Индии пришлось 6,1 % экспорта, на долю
        # Китая — 9,8 %"), else the turnover
        if not word and not x.last_share:
            named = [f for f in _IN_FLOW.finditer(s, 0, lo + verb.start()) if _is_flow_case(f.group("flow"))] or \
                list(_STRUCTURE_FLOW.finditer(s, 0, lo + verb.start()))
            word = named[-1].group("flow") if named else None
        # (or the role of the partners listed: "Среди покупателей … выделяются Турция (доля 24,1 %), Египет (9,3 %)")
        role = role_flow(s[:lo + verb.start()]) if not word and not x.last_share else None
        metric = SHARE[flow_of(word)] if word else SHARE[role] if role else (x.last_share or "turnover_share")
        x.add(lo + verb.start(), m.end(), metric, x.partner_at(m.start(), False), qual, n / 100,
              core=m.start(), claimed=n, unit="%")
        return True
    follows = _SHARE_FLOW_OF.match(s[m.end():m.end() + AHEAD])
    last_at = next((a for a, _, c in reversed(x.out) if c.metric == x.last_share), None) if x.last_share else None
    if follows and last_at is not None and _AND_BEFORE.search(before[:start - lo]) and \
            x.mentions_before(start) == x.mentions_before(last_at):
        # "пришлось 6,2 % волгоградского экспорта и 1,1 % импорта": the partner of the share before, when no other
        # country is named between them
        last = next(c for _, _, c in reversed(x.out) if c.metric == x.last_share)
        x.add(start, m.end(), SHARE[flow_of(follows.group("flow"))], last.partner, qual, n / 100, core=m.start(),
              claimed=n, unit="%")
        return True
    item = follows is not None and bool(_ITEM_BEFORE.search(before[:start - lo])) and \
        "gent" in morphology.parses(follows.group("flow"))[0].tag
    if follows and (item or _OR_BEFORE.search(before[:start - lo]) or _PROVIDED.search(before[:start - lo])):
        i = x.mentions_before(start)
        # an item of a list holds the share of the partner named last before it
        partner = x.mentions[i - 1][0] if item and i else x.partner_at(m.start(), False)
        x.add(start, m.end(), SHARE[flow_of(follows.group("flow"))], partner, qual, n / 100,
              core=m.start(), claimed=n, unit="%")
        return True
    if x.last_share and _AGAINST.search(before[:start - lo]):     # "22 % экспорта – против 25 % годом ранее"
        last = next(c for _, _, c in reversed(x.out) if c.metric == x.last_share)
        x.add(start, m.end(), x.last_share, last.partner, qual, n / 100, core=m.start(), claimed=n, unit="%")
        return True
    i = x.mentions_before(start)
    if x.last_share and i and not m.group("sign") and _BRACKET_ITEM.fullmatch(s, x.mentions[i - 1][2], start) and \
            _ITEM_END.match(s, m.end()):
        # "Турция (1-е место, 742,3 млн долл., 19,8 % товарооборота), Китай (2-е, 615,0 млн долл., 16,4 %)": an item
        # of a partner's bracket with no word of its own, in the order of the first, is of the share given there
        x.add(start, m.end(), x.last_share, x.mentions[i - 1][0], qual, n / 100, core=m.start(), claimed=n, unit="%")
        return True
    overtaken = next((iso for iso, _, end in x.references if end < start and _BRACKET.fullmatch(s, end, start)), None) \
        if x.last_share and x.references else None
    if overtaken and x.last_share:   # "…пришлось 7,8 % оборота, опережая Казахстан (6,9 %)": the overtaken one's share
        x.add(start, m.end(), x.last_share, overtaken, qual, n / 100, core=m.start(), claimed=n, unit="%")
        return True
    summed = _sum_before_bracket(x, start, m) if not m.group("sign") else None
    if summed is not None and (follows or x.last_share or _partners_summed(x) > 1):
        # "Турция — 702,5 млн долларов (21 % внешнеторгового оборота); Китай — 612,4 млн (18,3 %)": the share in a
        # bracket right after a partner's sum is that partner's, of the flow it names, of the share before or of
        # the sum's flow in a list of partners' sums ("1) Турция — 612,4 млн долларов (14,1 %); 2) Китай — …"; a
        # sum's bracket alone, "составил 310,2 млн долларов (12 %)", may be a growth as well)
        metric = SHARE[flow_of(follows.group("flow"))] if follows else \
            (x.last_share or SHARE[summed.metric])
        x.add(start, m.end(), metric, summed.partner, qual, n / 100, core=m.start(), claimed=n, unit="%")
        return True
    if x.last_share and i and _BRACKET.fullmatch(s, x.mentions[i - 1][2], start):
        x.add(start, m.end(), x.last_share, x.mentions[i - 1][0], qual, n / 100, core=m.start(), claimed=n, unit="%")
        return True
    told = _SHARE_TOLD.search(s, max(0, x.mentions[i - 1][1] - 120), x.mentions[i - 1][1]) \
        if i and not m.group("sign") and _BRACKET.fullmatch(s, x.mentions[i - 1][2], start) else None
    if told:
        # "Основная доля оборота пришлась на Турцию (19,1 %), Китай (15,6 %) и Казахстан (6,2 %)": the share word
        # before the list, each partner's share in its bracket
        flow = FLOW.search(s, told.start(), x.mentions[i - 1][1])
        x.add(start, m.end(), SHARE[flow_of(flow.group(0))] if flow else "turnover_share", x.mentions[i - 1][0], qual,
              n / 100, core=m.start(), claimed=n, unit="%")
        return True
    if x.last_share and i and _NAMED_DASH.fullmatch(s, x.mentions[i - 1][2], start) and \
            _LIST_BEFORE.search(s, max(0, x.mentions[i - 1][1] - 9), x.mentions[i - 1][1]):
        # "на долю Турции — 14,2 %, Египта — 7,5 %": a partner named before a dash, the share verb given once
        x.add(x.mentions[i - 1][1], m.end(), x.last_share, x.mentions[i - 1][0], qual, n / 100, core=m.start(),
              claimed=n, unit="%")
        return True
    named_item = bool(i) and not m.group("sign") and _NAMED_ITEM.fullmatch(s, x.mentions[i - 1][2], start) is not None
    structure = _STRUCTURE.search(s, 0, x.mentions[i - 1][1]) if named_item else None
    if named_item and (structure or (x.item and x.last_share)):
        # "Структура товарооборота области по странам в январе–июне: Китай — 23,1 %; Турция — 18,7 %" (or a list's
        # items under it, "— Турция (второе) — 9,7 %"): the share of the partner before the dash, of the flow named
        # after the structure's word, else of the share before
        flow = FLOW.search(s, structure.end(), structure.end() + 40) if structure else None
        metric = SHARE[flow_of(flow.group(0))] if flow else (x.last_share or "turnover_share")
        x.add(x.mentions[i - 1][1], m.end(), metric, x.mentions[i - 1][0], qual, n / 100, core=m.start(), claimed=n,
              unit="%")
        return True
    again = _SHARE_ELLIPTIC.search(before[:start - lo]) if x.last_share else None
    if again and x.last_share:     # "…, на Турцию — 8,7 %", "…, в экспорте — 9,8 %": one share verb, two figures
        named_flow = FLOW.search(again.group("what"))
        metric = SHARE[flow_of(named_flow.group(0))] if named_flow else x.last_share
        x.add(lo + again.start("what"), m.end(), metric, x.partner_at(m.start(), False), qual, n / 100,
              core=m.start(), claimed=n, unit="%")
        return True
    return False
