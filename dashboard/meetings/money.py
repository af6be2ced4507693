"""Sums in US dollars (and their differences, "на 12,4 млн меньше") and quantities in tonnes, with the goods
when they are named."""
from __future__ import annotations

import bisect
import re

from dashboard.meetings import goods, morphology
from dashboard.meetings.claim import Claim
from dashboard.meetings.growth import other_subject as growth_subject_other
from dashboard.meetings.growth import subject_other
from dashboard.meetings.numerals import AHEAD, NUM, more_after, number, qual_at
from dashboard.meetings.sentence import (
    CHANGE,
    FLOW,
    MASS,
    PARTNER_WORDS,
    REGION_WORDS,
    Sentence,
    flow_metric,
    flow_of,
    verb_before,
)

_SCALES = (("тыс", 1e3, "тыс"), ("млн", 1e6, "млн"), ("млрд", 1e9, "млрд"), ("трлн", 1e12, "трлн"),
           ("миллиард", 1e9, "млрд"), ("миллион", 1e6, "млн"), ("тысяч", 1e3, "тыс"),
           ("mln", 1e6, "млн"), ("bln", 1e9, "млрд"), ("bn", 1e9, "млрд"))    # "US$ 148,3 mln"
# the words first: "тыс" is "тысяч" cut
_SCALE = r"(?P<scale>миллиард\w*|миллион\w*|тысяч\w*|млрд|млн|тыс|трлн|mln|bln|bn(?![a-z]))"
# a composite number, its smaller part after the larger: "1 млрд 124 млн", "58 млн 300 тыс."
# or in words: "сто сорок два миллиона восемьсот тысяч"
_PART = rf"(?:\.?\s+(?P<num2>\d{{1,3}}(?:[.,]\d+)?|(?<![а-яё]){morphology.number_words_pattern()}(?![а-яё]))\s*" \
    r"(?P<scale2>миллион\w*|тысяч\w*|млн|тыс))?"
# a scale word that is the number itself: "полмиллиарда" (or "полумиллиарда"), "полтора миллиона", "превысил миллиард
# долларов"
# "четверть миллиарда", "три четверти миллиона": a fraction of it
_SCALE_WORD = r"(?:(?P<half>полу?)(?=миллиард|миллион)|(?P<oneandhalf>полтор[аы]|полутора)\s+|" \
    r"(?P<frac>(?:(?:две|три)\s+)?(?:четверт|трет)[ьиюей]+)\s+)?(?P<wscale>миллиард\w*|миллион\w*)" \
    rf"(?:\s+(?P<wnum2>(?<![а-яё]){morphology.number_words_pattern()}(?![а-яё]))\s+(?P<wscale2>миллион\w*|тысяч\w*))?"
# (its smaller part after it in words: "миллиард сто миллионов долларов")
# a whole number and a half before its scale word: "три с половиной миллиарда", "2 с половиной млн"
_AND_HALF = r"(?:(?P<andhalf>\s+с\s+половиной)(?=\s+(?:миллиард|миллион|млрд|млн)))?"
# a decimal in words before its scale word: "три и шесть десятых миллиарда", "две целых пять десятых миллиона"
_NUMW = morphology.number_words_pattern()
_DECIMAL_WORDS = rf"(?P<wint>(?<![а-яё]){_NUMW})\s+(?:и|цел(?:ых|ая))\s+(?P<wfrac>{_NUMW})\s+" \
    r"(?P<wden>десят|сот)\w+\s+(?P<wscale3>миллиард\w*|миллион\w*|тысяч\w*)"
# (a bit more told between the number and its scale: "сто восемьдесят с небольшим миллионов долларов")
_LITTLE = r"(?P<little>\s+с\s+(?:небольшим|лишним|гаком))?"
_HEAD = rf"(?:(?<![\w-]){_DECIMAL_WORDS}|(?<![\w-]){_SCALE_WORD}|" \
    rf"(?<![\w-]){NUM}{_AND_HALF}{_LITTLE}\s*{_SCALE}?{_PART})"   # "три четверти миллиарда" whole
_MONEY = re.compile(rf"(?P<cur1>(?:US)?\$\s*)?{_HEAD}\.?(?:\s*(?P<cur>долл\w*\.?(?:\s+США)?|\$|USD|"
                    r"американских\s+долларов|руб\w*\.?|евро|€))?", re.I)
# "тонн", "т." and "т" alone before the next word ("126 тыс. т стальных труб")
# (and before a dash: "из них 120 тыс. т — пшеница")
_TONNES = re.compile(rf"{_HEAD}\.?\s*(?:тонн\w*|т\.|т(?=\s+[а-яё]|\s*[(),;—–]|\s*$))(?![а-яё])", re.I)
# the level of the year before compared with this year's, stated before the figure and not as its base after "чем"
_THEN_LEVEL = re.compile(r"(?<![\w-])(?<!чем\s)(?:годом\s+(?:ранее|раньше)|год\s+назад)(?![\w-])", re.I)
_AGAINST_BEFORE = re.compile(r"(?<![\w-])против\s+(?:(?:US)?\$\s*)?$", re.I)
_CMP_AFTER = re.compile(r"\s*(больше|выше|меньше|ниже)", re.I)
# another flow after "чем": a difference of two flows, no change ("на 88,3 млн больше, чем импорт")
_THAN_FLOW = re.compile(r"\s*,?\s*чем\s+(?:[а-яё]+\s+)?(?:экспорт|импорт|ввоз|вывоз|закупк|поставк)\w*", re.I)
_EXCEEDS_AFTER = re.compile(r"\s*(?:долл\w*\.?\s+(?:США\s+)?)?(?:превысил|превыша|опередил|обогнал)\w*\s+"
                            r"(?:[а-яё]+\s+)?(?:экспорт|импорт|ввоз|вывоз|поставк|закупк)", re.I)
_THAN_FLOW_GEN = re.compile(r"\s+(?:[а-яё]+\s+)?(?:экспорт|импорт|ввоз|вывоз|закуп|поставок)\w*", re.I)
_SIGNED = re.compile(r"[(,]\s*(?:или\s+)?([+\u2212–-])\s?$")
_BY_AMOUNT = re.compile(r"(?<![\w-])на\s+(?:(?:US)?\$\s*)?$", re.I)
# the words between the verb and its amount may hold the base ("увеличившись по сравнению с аналогичным периодом
# прошлого года на 88,3 млн долларов")
_MOVED_BY = re.compile(r"(?:выр[ао]с|увеличи|сократи|снизи|уменьши|возрос|нарасти|нарастил|прибави|подрос|упал)\w*\s+"
                       r"(?:(?:(?:по\s+сравнению|в\s+сравнении)\s+с|относительно|к)\s+(?:[\w-]+\s+){1,4}?)?(?:[\w-]+\s+){0,3}?"
                       r"(?:[—–]\s*)?на\s+(?:(?:US)?\$\s*)?$", re.I)    # "сократился — на 4,2 млн долларов"
# a change told by the base a level exceeded or fell short of, by how much: "превысив показатель аналогичного периода
# прошлого года на 5,2 млн", "уступил уровню 2023 года на 4 млн долларов" (a fall)
_EXCEEDED_BASE = re.compile(r"(?<![\w-])(?P<verb>превыси|превыша|превзо|отста|уступи|уступа)\w*\s+"
                            r"(?:показател|уровн|уровен|результат)\w*\s+(?:[\w-]+\s+){0,5}?на\s+(?:(?:US)?\$\s*)?$",
                            re.I)
# a gain or a loss told by its verb alone: "прибавив за год 11,6 млн", "потерял 5 млн долларов"
_GAINED = re.compile(r"(?<![\w-])(?P<verb>прибави\w*|прибавля\w*|нарастив|нарастил\w*|потеря\w*|теря\w*)\s+"
                     r"(?:(?:за|по\s+сравнению\s+с)\s+(?:[\w-]+\s+){1,3}?)?(?:(?:US)?\$\s*)?$", re.I)
# "экспорт вырос на 36,5 %, импорт — на 845 тыс. долларов": the verb said once for two flows
# (or for two partners: "Экспорт в Грузию вырос на 12,6 млн долларов …; в Азербайджан — на 4,3 млн")
_ELLIPTIC_BY = re.compile(r"(?:(?:экспорт|импорт|товарооборот|оборот)\w*|[,;]\s+(?:а\s+)?(?:в|во|из|с|со)\s+"
                          r"[А-ЯЁ][\w-]*(?:\s+[А-ЯЁ][\w-]*)?)\s*[—–]\s*на\s+(?:(?:US)?\$\s*)?$", re.I)
# a bare sum ends at a stop, a closing quote ("…не превышали и 5 миллионов», — сказал"), its base or its year, or a
# short aside in brackets of no other unit ("111,4 млн (минус 3,7 %)", "151,0 млн (второе)")
_BARE_END = re.compile(r"\s*(?:[.;,)»\u201d\x22]|\((?=\s*[+\-\u2212]?\s*\d[\d,.\s]*%\s*\))|"
                       r"\((?![^()]*(?:руб|евро|тонн|\d\s*т\b|человек|штук))(?=[^()]{1,40}\))|$|"
                       r"(?:годом|год)\s+(?:ранее|раньше|назад)|(?:в|за|по\s+итогам)\s+(?:19|20)\d\d|"
                       # (or another period of its own: "против 441,9 млн за девять месяцев 2024 года", "против 52,1
                       # млн в позапрошлом", "против 30 млн в I квартале")
                       r"(?:в|во|за)\s+(?:(?:[а-яё]+|\d{1,2}|I{1,3}|IV)\s+(?:месяц|мес\.|квартал|полугоди)|"
                       r"(?:позапрошл|прошл|предыдущ)\w*(?![\w-])|январ|феврал|март|апрел|ма[йяе]|июн|июл|август|"
                       r"сентябр|октябр|ноябр|декабр)|"
                       r"за\s+(?:т(?:от|о\w*)\s+же|аналогичн\w+|соответствующ\w+)\s+период|"
                       # (or its level compared with: "импорт — 9 млн против 11 млн")
                       r"против\s|"
                       # (or the part it is of a total: "из которых 480 млн пришлось на Турцию")
                       r"(?:пришл|приход|приш[её]л)\w*\s+на\s)",
                       re.I)
# the flow of a bare sum named after it: "товарооборот составил 4,6 млн долларов, из них 4,5 млн — экспорт"
_FLOW_AFTER = re.compile(r"\s*(?:[—–]|(?:пришл|приход)\w*\s+на)\s*(?P<flow>экспорт\w*|импорт\w*)(?=\s*(?:[.;,)]|$))",
                         re.I)
# the flow a figure is, named after its dash, as a list of figures writes it: "3,1 млрд $ — экспорт;", "3,2 млрд
# долларов — оборот области (+5,4 %)", "3,87 млрд долларов — внешнеторговый оборот региона."
_WHAT_AFTER = re.compile(r"\s*[—–]\s*(?P<flow>экспорт\w*|импорт\w*|(?:внешнеторгов\w+\s+)?(?:товарооборот|оборот)\w*)"
                         r"(?:\s+(?:области|региона))?(?=\s*(?:[.;,(]|$))", re.I)
# a sum whose flow and partner follow its dash: "$14,3 млн — экспорт в Пакистан, $9,6 млн — в Бангладеш"
_NAMED_AFTER = re.compile(r"\s*[—–]\s*(?:(?P<flow>экспорт\w*|импорт\w*|товарооборот\w*)\s+)?(?:в|во|из|с|со)\s+(?=\S)",
                          re.I)
# the goods a part of the flow is: "из них на пшеницу пришлось около 640 тыс. тонн"
_FROM_NAMED = re.compile(r"(?<![\w-])[Ии]з\s+[А-ЯЁ]")
_GOODS_SHARE = re.compile(r"(?<![\w-])на\s+((?:[а-яё-]+\s+){1,3}?)(?:приход|пришл)\w*", re.I)
# goods named before their tonnes: "Основная статья — подсолнечный шрот: 54 тыс. тонн", "за счёт сахара: ввезено"
_GOODS_BEFORE = re.compile(r"((?:[а-яё-]+\s+){0,2}[а-яё-]+)\s*[:—–]\s*(?:[а-яё]+\s+)?$", re.I)
_GOODS_AFTER = re.compile(r"^\s*([а-яё-]+)(?:\s+([а-яё-]+))?(?:\s+([а-яё-]+))?", re.I)


def _scale(word: str | None) -> tuple[float, str]:
    if not word:
        return 1.0, ""
    w = word.lower()
    return next((v, name) for k, v, name in _SCALES if w.startswith(k))


def _named(x: Sentence, words: list[str]) -> str | None:
    """The goods the words name; a bare head ("масла") is the goods named in full under it earlier in the paragraph
    ("подсолнечного масла"), which a full name records."""
    found = goods.resolve(words)
    if found is None:
        return None
    code, head, settled = found
    if settled:
        x.goods_seen[head] = code
        return code
    return x.goods_seen.get(head, code)


def _amount(m: re.Match[str]) -> tuple[float, float, str, float] | None:
    """The figure a sum or a quantity writes, as (number as written, scale, scale name, step of its last digit):
    "233 млн" (233, 1e6, "млн", 1e6), "1 млрд 124 млн" (1124, 1e6, "млн", 1e6), "полмиллиарда" (0.5, 1e9, "млрд",
    5e8), "27 845,3 тыс." (27845.3, 1e3, "тыс", 100)."""
    if m.group("wint"):
        whole, part = number(m.group("wint")), number(m.group("wfrac"))
        scale, name = _scale(m.group("wscale3"))
        if not whole or not part:
            return None
        den = 10 if m.group("wden").lower().startswith("десят") else 100
        return whole[0] + part[0] / den, scale, name, scale / den
    if m.group("wscale"):
        scale, name = _scale(m.group("wscale"))
        if m.group("frac"):
            frac = morphology.fraction(m.group("frac").split())
            return (frac, scale, name, scale * frac) if frac else None
        value = 0.5 if m.group("half") else 1.5 if m.group("oneandhalf") else 1.0
        part = number(m.group("wnum2")) if m.group("wnum2") and value == 1.0 else None
        scale2, name2 = _scale(m.group("wscale2")) if part else (scale, name)
        if part and scale2 < scale and part[0] * scale2 < scale:
            return scale / scale2 + part[0], scale2, name2, scale2
        return value, scale, name, scale * (0.5 if value != 1.0 else 1.0)
    n = number(m.group("num"))
    if not n:
        return None
    scale, name = _scale(m.group("scale"))
    if m.group("andhalf"):
        return n[0] + 0.5, scale, name, scale / 2
    if m.group("num2") and m.group("scale"):
        part = number(m.group("num2"))
        scale2, name2 = _scale(m.group("scale2"))
        if part and scale2 < scale and part[0] * scale2 < scale:
            return n[0] * scale / scale2 + part[0], scale2, name2, scale2 / 10 ** part[1]
    return n[0], scale, name, scale / 10 ** n[1]


def _num_start(m: re.Match[str]) -> int:
    if m.group("wint"):
        return m.start("wint")
    return m.start("num") if m.group("num") else m.start("half") if m.group("half") else \
        m.start("oneandhalf") if m.group("oneandhalf") else m.start("frac") if m.group("frac") else \
        m.start("wscale")


_DOLLARS_NEXT = re.compile(r",\s+[а-яё]+\s*[—–]\s*\d[\d\s]*(?:[.,]\d+)?\s*(?:млн|млрд|тыс)\.?\s*(?:долл|\$|USD)", re.I)
_JOINED_GOODS = re.compile(r"\s+([а-яё-]+)", re.I)


def _two_kinds(words: list[str]) -> str | None:
    """"" for two goods of different chapters joined ("томаты и виноград"), else None."""
    if len(words) != 3 or words[1].lower() not in ("и", "или"):
        return None
    first, second = goods.named(words[:1]), goods.named(words[2:])
    return "" if first and second and first[:2] != second[:2] else None


def _goods_after(x: Sentence, at: int) -> str | None:
    """The goods named right after position `at`; "" for goods of two kinds joined ("тонн фруктов и овощей": no
    heading holds both, so no goods the data could check)."""
    m = _GOODS_AFTER.match(x.s[at:at + AHEAD])
    if not m:
        return None
    words = [w for w in m.groups() if w]
    if words[0].lower() in ("и", "а", "или"):
        return None     # "азотных удобрений — 74 тыс. тонн и плоского проката — 41": the next item's goods
    joined = _JOINED_GOODS.match(x.s, at + m.end())
    if len(words) == 3 and words[1].lower() == "и" or (len(words) == 3 and words[2].lower() == "и" and joined):
        # ("поставок составили мука и сахар": the verb before the two)
        i = 0 if words[1].lower() == "и" else 1
        first = goods.named(words[i:i + 1])
        second = goods.named(words[2:]) if i == 0 else goods.named([joined.group(1)]) if joined else None
        if first and second and first != second:
            return ""
    return _named(x, words)


def topic_goods(s: str, flows: list[re.Match[str]]) -> str | None:
    """The goods a sentence's flow is of, named right after its flow word ("Экспорт волгоградской пшеницы в Египет
    … сократился"): tonnes in the next sentence that name no goods are of them."""
    for m in flows:     # the sentence's flow words
        words = _GOODS_AFTER.match(s[m.end():m.end() + AHEAD])
        found = goods.named([w for w in words.groups() if w]) if words else None
        if found:
            return found
    return None


_WORD = re.compile(r"(?<![а-яё-])[а-яё-]+", re.I)


# a flow of the partner's own economy: "внешнеторговый оборот республики превысил 60 млрд долларов", "экспорт Турции"
# (after a possessive too: "внешнеторговый оборот его страны" in an ambassador's words)
_OF_PARTNER = re.compile(r"\s+(?:(?:его|её|ее|их|своей)\s+)?(?:республики|страны|государства)(?![\w-])", re.I)


def _partners_own(x: Sentence, at: int) -> bool:
    """Whether the flow word at `at` is the partner's own trade (its name or "республики" in the genitive right after
    it, no region named in the clause), not the region's with the partner."""
    fm = FLOW.search(x.s, at, at + 80)
    if fm is None or x.word_in(REGION_WORDS, *x.clause_span(at)):
        return False
    end = fm.end()
    if _OF_PARTNER.match(x.s, end) or _RUSSIA_AFTER.match(x.s, end):
        return True
    name = _NEXT_WORD.match(x.s, end)
    return bool(name and x.mention_at(name.start("w")) and any(p.tag.case == "gent"
                                                              for p in morphology.parses(name.group("w").lower())))


_NEXT_WORD = re.compile(r"\s+(?P<w>[\w-]+)")


def _continues_own(x: Sentence, at: int | None) -> bool:
    """Whether the flow word at `at` goes on with the partner's own trade of a clause before: no region nor country
    named in its clause, the flow word before it the partner's own ("внешнеторговый оборот его страны достиг 683 млрд
    долларов, а экспорт риса превысил 8 млн тонн")."""
    if at is None:
        return False
    a, b = x.clause_span(at)
    before = x.flow_before(a)
    if before is None or x.word_in(REGION_WORDS, a, b) or x.mentions_before(b) != x.mentions_before(a):
        return False
    return before in x.partners_own or _partners_own(x, before)


# the partner named right after a figure, as the other side of its trade: "640 тыс. т в Турцию и 295 тыс. т в Египет"
_TO_AFTER = re.compile(r"\s*(?:[а-яё-]+\s+)?(?:в|во|из)\s+", re.I)
# the parts of a total after it: "отгружено 1,36 млн тонн зерна, в том числе 640 тыс. т в Турцию"
# the parts of a total opened in its bracket: "(в том числе Египет — 1 206,3, Турция — 874,0"
_PARTS_OPEN = re.compile(r"\s*\((?:в\s+том\s+числе|в\s+т\.\s*ч\.|из\s+них)\s", re.I)
_PARTS_AFTER = re.compile(r"(?:\s*[а-яё-]+){0,2}?\s*[,:(;]?\s*(?:в\s+том\s+числе|в\s+т\.\s*ч\.|из\s+(?:них|него|неё)|"
                          r"включая)\s|"
                          # (the partners' parts after a colon: "составил 820 тыс. тонн: в Египет — 305 тыс. тонн, …")
                          r"(?:\s*[а-яё-]+){0,2}?\s*:\s*(?:в|во|на|из)\s+(?-i:[А-ЯЁ])", re.I)
# the partner that took most of a total: "экспортировала 74 тыс. тонн, больше всего — в Индию"
_MOST_TO = re.compile(r"\s*[,;]\s*(?:больше|более|львиная\s+доля|основная\s+часть)\s+(?:всего\s+)?(?:[—–]\s*)?"
                      r"(?:[а-яё]+\s+)?(?:в|во|на|из)\s+(?-i:[А-ЯЁ])", re.I)


def _partner_of(x: Sentence, m: re.Match[str], region_ok: bool) -> str | None:
    """The partner of a figure: the one named right after it as its trade's other side, else none for a total whose
    parts name the partners after it with none named before it (the region's total), else the one before it."""
    to = _TO_AFTER.match(x.s, m.end())
    named = x.mention_at(to.end()) if to else None
    if named:
        return named
    item = x.s.rfind(";", 0, m.start()) + 1      # (the item of a list the figure is in: "…; масло — 402,1 тыс. т (в
    # том числе Индия — 151,6)")
    if x.mentions_before(m.start()) == x.mentions_before(item) and len({iso for iso, _, _ in x.mentions}) > 1 and \
            _PARTS_AFTER.match(x.s, m.end()):
        return None     # (the parts of partners: "из них на индийский импорт приходится …" is of a flow)
    if not x.mentions_before(m.start()) and _MOST_TO.match(x.s, m.end()):
        return None
    return x.partner_at(m.start(), region_ok)


def _nearest_goods(x: Sentence, a: int, b: int) -> str | None:
    """The goods named nearest before position `b` in s[a:b], however far in the clause: "формирует продовольственная
    пшеница: в египетские порты её было отправлено свыше 780 тыс. тонн"."""
    words = [w.group(0) for w in _WORD.finditer(x.s, a, b)]
    for i in range(len(words) - 1, -1, -1):
        found = goods.resolve(words[i:i + 1])
        if found:
            # goods of two kinds joined ("мука и сахар — в общей сложности 28 тыс. тонн"): no one heading's
            before = goods.resolve(words[i - 2:i - 1]) if i >= 2 and words[i - 1].lower() in ("и", "или") else None
            if before and before[0][:2] != found[0][:2]:
                return ""
            return _named(x, words[max(0, i - 2):i + 1]) or found[0]
    return None


# a quantity or a sum that is no trade done: a capacity, a potential, what may or could be, what a side wishes
# ("терминал мощностью 4 млн тонн в год", "может проходить до 20 млн тонн грузов", "заинтересована в увеличении
# закупок до 3 млн тонн", "экспортный потенциал … оценивают в 2,5 млн тонн")
_NOT_DONE = re.compile(r"(?<![\w-])(?:мощност\w*|потенциал\w*|может|могут|сможет|смогут|могл?[аио]?\s+бы|"
                       r"заинтересован\w*|способн\w*|пропускн\w*|вместимост\w*|грузоподъ[её]мност\w*|"
                       # money that is no trade: investments, contracts, loans ("инвесторы вложили 300 млн долларов")
                       r"инвестиц\w*|инвестор\w*|инвестир\w*|влож\w*|вкладыва\w*|капиталовложен\w*|контракт\w*|кредит\w*|"
                       r"грант\w*|субсиди\w*|"
                       # agreements signed for a sum: "подписано 7 соглашений на общую сумму 25 млн долларов"
                       r"соглашени\w*|договор\w*|сделк\w*|меморандум\w*|"
                       # what talks are about: "переговоры о поставках 100 тыс. тонн зерна"
                       r"переговор\w*(?=\s+(?:о|об)\s)|"
                       # what was grown, made or mined, no trade: "республика собрала 1,9 млн тонн зерна"
                       r"собрал[аио]?|намолотил\w*|намолочен\w*|вырастил[аио]?|произв[её]л[аио]?|добыл[аио]?|"
                       r"выплавил[аио]?|"
                       # a tender, no trade done: "объявлен тендер на поставку 15 тыс. т муки"
                       r"тендер\w*)(?![\w-])", re.I)
# a capacity named before the dash of its figure: "мощность — 120 тысяч тонн единовременного хранения"
_CAPACITY_DASH = re.compile(r"(?<![\w-])(?:мощност|вместимост|грузоподъ[её]мност|пропускн\w+\s+способност|"
                            r"потенциал)\w*"
                            r"(?:\s+[а-яё«»\"-]+){0,4}?\s*[—–:]\s*(?:(?:около|порядка|до|более|свыше)\s+)?$", re.I)
_CARGO_AFTER = re.compile(r"\s+(?:[а-яё]+(?:ых|их)\s+)?груз(?:ов|а)(?![\w-])", re.I)
# (or what a port held, took in or let through, a harvest, a batch: "на складах находилось 212 тыс. тонн зерна",
# "Урожай же в области — 5,3 млн тонн", "первую партию муки — двадцать тонн", "транзитных грузов — 33 тыс. т")
_THROUGHPUT = re.compile(r"(?<![\w-])(?:грузооборот|грузопоток|грузопереработк|перевалк|обработал|переработал|"
                         r"пропустил|урожа[йяюе]|на\s+склад|хранени|транзит|судозаход|парти[юяи](?![\w-]))\w*", re.I)
# (told after the figure's dash: "340 тыс. тонн — перевалка на новом терминале")
_DASH_AFTER = re.compile(r"\s*[—–]\s", re.I)
# a rate, no total of a period: "пекут 60 тонн хлеба в день"
_RATE_AFTER = re.compile(r"(?:\s+[а-яё]+){0,2}?\s+в\s+(?:день|сутки|смену|час)(?![\w-])", re.I)
# a yearly amount in the present is a capacity, a market or a need, no trade of a period: "потребляет около 400
# тысяч тонн металла в год", "рынок масел оценивается в 25 млн тонн в год", "собирают более 150 млн т сои в год"
_PER_YEAR_AFTER = re.compile(r"(?:\s+[а-яё-]+){0,2}?\s+в\s+год(?![\w-])", re.I)
_PRESENT_AMOUNT = re.compile(r"(?<![\w-])(?:потребля|оценива|собира|выпуска|производ|перерабатыва|нужда|требу|"
                             r"ввозят|ввозит|закупают|закупает|импортирует|импортируют)\w*", re.I)
# what was made, a quota or a need, opening its part, no trade: "Производство сахара … — 180 тыс. т", "Квота на
# 2025 год — 100 тыс. т"
_MADE_OR_ALLOWED = re.compile(r"\s*(?:производств|выпуск|квот|потреблени)\w*", re.I)
# the trade of the partner's own economy or of Russia: "объём внешней торговли страны", "товарооборота России и Китая"
_OWN_TRADE = re.compile(r"(?<![\w-])(?:торговл|оборот|товарооборот|экспорт|импорт)\w*\s+(?:страны|республики|"
                        r"государства|России|РФ|Российской\s+Федерации)(?![\w-])", re.I)
_RUSSIA_AFTER = re.compile(r"\s+(?:России|РФ|Российской\s+Федерации)(?![\w-])")


# one flow ahead of another by a sum is a balance, no flow's figure: "Импорт из Китая превысил экспорт на 400 млн"
_DASH_GOODS = re.compile(r"\s*[—–]\s*(?!(?:и|а|или)\s)([а-яё-]+(?:\s+[а-яё-]+)?)(?=\s*[,.;)]|$)", re.I)
_DASH_BEFORE = re.compile(r"[—–]\s*$")
# (or the gap to a partner ahead: "уступив Турции 114 млн долл.", "отставая от Китая на 40 млн")
_BALANCE = re.compile(r"(?:превыси|превыша|опереди|обогна)\w*\s+(?:[\w-]+\s+){0,4}на\s+(?:(?:US)?\$\s*)?$|"
                      r"(?:уступи|уступа|отстав|отста)\w*\s+(?:от\s+)?(?-i:[А-ЯЁ])[\w-]+(?:\s+[\w-]+)?\s+"
                      r"(?:(?:лишь|всего|только)\s+)?(?:на\s+)?(?:(?:около|почти|более)\s+)?$|"
                      # the balance of trade is no flow: "сальдо — 346 млн долларов", "профицит составил 80 млн"
                      r"(?<![\w-])(?:сальдо|профицит\w*|дефицит\w*)(?:\s+[\w-]+){0,3}?\s*(?:[—–:]\s*)?"
                      r"(?:(?:составил\w*|достиг\w*|превысил\w*)\s+)?(?:[а-яё]+\s+)?(?:(?:US)?\$\s*)?$", re.I)


_FROM_REGION_AFTER = re.compile(r"\s*(?:[—–]\s*)?(?:из|с)\s+(?:Волгоградской\s+области|нашего\s+региона|региона|"
                                r"области)(?![\w-])", re.I)


# the verbs that state a level: their subject says what it is of
_LEVEL = re.compile(r"(?<![\w-])(?:составля\w*|состав(?:ил|ит|ят)\w*|достиг\w*|превысил\w*|превыша\w*|превысит|"
                    r"насчитыва\w*)", re.I)


# one firm is no region: "волгоградский завод поставил в Турцию продукции на 24 млн долларов"
_ONE_FIRM = frozenset({"завод", "компания", "предприятие", "фирма", "комбинат", "холдинг", "агрохолдинг", "фабрика",
                       "производитель", "экспортер", "импортер", "элеватор", "порт"})
_SUBJECT_WORD = re.compile(r"(?<![а-яё-])[а-яё-]{3,}", re.I)


# a part of the region is no region either: "Котельниковский район", "предприятия района отправили …"
_PART_OF_REGION = frozenset({"район", "муниципалитет", "округ"})


def _one_firm(x: Sentence, at: int) -> bool:
    """Whether the clause of the figure at `at` is said of one firm or of a part of the region: its first noun in the
    nominative before the figure is a firm's or a district's in the singular, or firms of one in the genitive after
    it ("предприятия района")."""
    a = x.subject_start(x.clause_span(at)[0])
    words = list(_SUBJECT_WORD.finditer(x.s, max(a, at - 120), at))
    for i, w in enumerate(words):
        t = next((p for p in morphology.parses(w.group(0).lower()) if p.tag.POS == "NOUN" and p.tag.case == "nomn"),
                 None)
        if t is not None and w.group(0)[0].isupper() and ("Geox" in t.tag or "Orgn" in t.tag or "Surn" in t.tag):
            continue    # "в Египет предприятие отгрузило …": a place named before the subject ("Калачёвский": no name)
        if t is not None:
            lemma = t.normal_form.replace("ё", "е")
            if t.tag.number == "sing":
                return lemma in _ONE_FIRM or lemma in _PART_OF_REGION
            nxt = morphology.parses(words[i + 1].group(0).lower())[0] if i + 1 < len(words) and \
                words[i + 1].start() - w.end() == 1 else None
            return lemma in _ONE_FIRM and nxt is not None and nxt.tag.case == "gent" and \
                nxt.tag.number == "sing" and nxt.normal_form.replace("ё", "е") in _ONE_FIRM | _PART_OF_REGION
    return False


def one_firm(x: Sentence, at: int) -> bool:
    """_one_firm for the other rules: a figure of one firm's or one district's, no region's."""
    return _one_firm(x, at)


# a table's total row, the sum of the rows above it: "…; Тунис — 6,4. Итого — 209,0"
_TOTAL_ROW = re.compile(r"(?:^|[.;:\n]\s*)(?:Итого|В\s+сумме)\s*[:—–]?\s*$", re.I)


def _not_done(x: Sentence, at: int) -> bool:
    """Whether the figure at `at` is in a clause of what is not trade done (a capacity, a potential, a wish), or of
    trade of no region's (the partner's own, Russia's), or after a growth of something else ("урожай вырос на 10 % и
    составил 5,1 млн тонн"), or a table's total row."""
    if _TOTAL_ROW.search(x.s, max(0, at - 16), at):
        return True
    a, b = x.clause_span(at)
    if x.word_in(_NOT_DONE, a, b) or _CAPACITY_DASH.search(x.s, max(0, at - 60), at):
        return True
    if x.word_in(_OWN_TRADE, a, b) and not x.word_in(REGION_WORDS, a, b):
        return True
    verb = x.last_before(_LEVEL, a, at)
    if verb is not None:    # "Минимальная партия для поставок … составляет 20 тонн": the verb's subject says
        return subject_other(x, verb, x.subject_start(a))
    return growth_subject_other(x, at)


_RESPECTIVELY = re.compile(r"\s*(?:тонн\w*|т\.?)?\s*соответственно", re.I)


def _respectively(x: Sentence, tonnes: list[tuple[int, bool, Claim]]) -> None:
    """Tonnes of no goods of their own listed before "соответственно" pair in order with the goods of as many
    tonnes before them: "1,6 млн тонн пшеницы и 210 тыс. тонн ячменя, годом ранее — 1,3 млн тонн и 190 тыс. тонн
    соответственно"."""
    ends = [i for i, (end, _, _) in enumerate(tonnes) if _RESPECTIVELY.match(x.s, end)]
    for i in ends:
        k = i
        while k >= 0 and not tonnes[k][1]:
            k -= 1
        bare = tonnes[k + 1:i + 1]
        named = tonnes[k + 1 - len(bare):k + 1] if k + 1 >= len(bare) else []
        if len(bare) < 2 or len(named) != len(bare) or not all(own for _, own, _ in named):
            continue
        for (_, _, c), (_, _, n) in zip(bare, named, strict=True):
            c.goods = n.goods


# sums of two or more partners in one list: "экспорт в Казахстан, Узбекистан и Киргизию составил 96,4 млн, 41,2 млн
# и 8,7 млн долларов соответственно"
_ONE_SUM = r"\d+(?:[.,]\d+)?\s*(?:млрд|млн|тыс)\.?"
# (the scale said once, with the last: "на 40 и 25 млн долларов соответственно")
_SOME_SUM = r"\d+(?:[.,]\d+)?(?:\s*(?:млрд|млн|тыс)\.?)?"
_SUM_LIST = re.compile(rf"(?<![\w-])(?P<list>{_SOME_SUM}(?:\s*,\s*{_SOME_SUM})*\s*,?\s+и\s+{_ONE_SUM})\s*"
                       r"(?:долл\w*\.?(?:\s+США)?|\$)\s+соответственно", re.I)
_SUM_ONE = re.compile(r"(?P<num>\d+(?:[.,]\d+)?)(?:\s*(?P<scale>млрд|млн|тыс))?")


# tonnes of two or more partners in one list, the scale said once or with each: "в Египет, Ливию и Алжир отправлено
# 700, 150 и 90 тыс. тонн пшеницы соответственно"
# (the unit with each: "в Ливан и Сирию 118 тыс. т и 76 тыс. т пшеницы соответственно"; no "соответственно" when as
# many countries are listed right before: "в Саудовскую Аравию и Иорданию в I квартале составили 58 тыс. и 21 тыс.
# тонн")
_ONE_MASS = r"\d+(?:[.,]\d+)?(?:\s*(?:млн|тыс)\.?)?(?:\s*(?:тонн|т\.?)(?=\s+и\s|\s*,))?"
_MASS_LIST = re.compile(rf"(?<![\w-])(?P<list>{_ONE_MASS}(?:\s*,\s*{_ONE_MASS})*\s*,?\s+и\s+{_ONE_MASS})\s*"
                        r"(?P<t>тонн\w*|т\.?)(?P<goods>(?:\s+[а-яё-]+){0,3}?)(?P<resp>\s+соответственно)?(?![\w-])",
                        re.I)
_MASS_ONE = re.compile(r"(?P<num>\d+(?:[.,]\d+)?)(?:\s*(?P<scale>млн|тыс))?")


def _listed(x: Sentence, m: re.Match[str], n: int) -> list[str]:
    """The n countries of the one enumeration ("в Казахстан, Узбекистан и Киргизию") right before a list, else []."""
    i = x.mentions_before(m.start())
    named = x.mentions[max(0, i - n):i]
    if len(named) < n or not x.free(*m.span()) or any(
            not _JOINED.fullmatch(s_between) for s_between in (x.s[a[2]:b[1]] for a, b in zip(named, named[1:],
                                                                                              strict=False))):
        return []
    return [iso for iso, _, _ in named]


_JOINED = re.compile(r"\s*,\s*|\s+и\s+")


def _take(x: Sentence, m: re.Match[str]) -> None:
    for k in range(m.start() // 64, (m.end() - 1) // 64 + 1):     # the unit and its list are taken
        x.used.setdefault(k, []).append((m.start(), m.end()))


def listed_sums(x: Sentence) -> None:
    """Sums of two or more partners in one list before "соответственно", paired in order with as many countries
    named right before it in one enumeration ("в Казахстан, Узбекистан и Киргизию")."""
    s = x.s
    respectively = "соответственно" in s.lower()
    for m in _SUM_LIST.finditer(s) if respectively else ():
        items = list(_SUM_ONE.finditer(m.group("list")))
        i = x.mentions_before(m.start())
        named = x.mentions[max(0, i - len(items)):i]
        if len(named) < len(items) or not x.free(*m.span()) or any(
                not re.fullmatch(r"\s*,\s*|\s+и\s+", s[a[2]:b[1]]) for a, b in zip(named, named[1:], strict=False)):
            continue
        flow, _ = flow_metric(x, m.start())
        if _not_done(x, m.start()):
            continue
        for (iso, _, _), v in zip(named, items, strict=True):
            n = number(v.group("num"))
            if n:
                scale, name = _scale(v.group("scale") or items[-1].group("scale"))
                x.add(m.start() + v.start(), m.start() + v.end(), flow, iso, "exact", n[0] * scale,
                      core=m.start() + v.start(), claimed=n[0], unit="$", scale=name, step=scale / 10 ** n[1])
        _take(x, m)
    for m in _MASS_LIST.finditer(s) if " и " in s else ():
        items = list(_MASS_ONE.finditer(m.group("list")))
        partners = _listed(x, m, len(items))
        if not m.group("resp") and len(partners) != x.mentions_before(m.start()) - x.mentions_before(
                max(0, m.start() - 120)):
            continue    # (no "соответственно": only as many countries as figures named just before)
        if not partners or _not_done(x, m.start()):
            continue
        flow, _ = flow_metric(x, m.start())
        # (or the goods of the flow word before: "Поставки ячменя … составили 58 тыс. и 21 тыс. тонн")
        g = _goods_after(x, m.end("t")) or next((g for f in x.flow_matches() if f.start() < m.start()
                                                  and (g := _goods_after(x, f.end()))), None)
        x.paired = x.paired or not m.group("resp")
        last_scale = items[-1].group("scale")
        for iso, v in zip(partners, items, strict=True):
            n = number(v.group("num"))
            if n:
                scale, name = _scale(v.group("scale") or last_scale)
                x.add(m.start() + v.start(), m.start() + v.end(), MASS[flow], iso, "exact", n[0] * scale,
                      core=m.start() + v.start(), claimed=n[0], unit="т", scale=name, step=scale / 10 ** n[1],
                      goods=g)
        _take(x, m)


def sums(x: Sentence) -> None:
    s = x.s
    flow_goods = [(m.start(), _goods_after(x, m.end())) for m in x.flow_matches()]
    named = next((g for _, g in flow_goods if g), None)
    placed = [(at, g) for at, g in flow_goods if g]     # where goods are named: a sum takes those of its clause
    # "из Бразилии" (a country, not "из Волгоградской области"): tonnes after it are imports, and so is a sum near
    # it that no flow word names ("из Шри-Ланки поступило 412 тонн чая на сумму 1,9 млн долларов")
    from_named = next((f for f in _FROM_NAMED.finditer(s) if x.mention_at(f.end() - 1)), None)
    last = 0    # where the tonnes before end: goods named before them are theirs
    listed: str | None = None   # the goods of the tonnes before
    parts_goods, parts_end = None, 0    # the goods of a total whose parts its bracket opens, and where it closes
    tonnes: list[tuple[int, bool, Claim]] = []  # (end, goods named right after, claim) of each tonnes claim
    for m in _TONNES.finditer(s):
        amount = _amount(m)
        if not amount or not x.free(*m.span()):
            continue
        claimed, scale, scale_name, step = amount
        if (_CARGO_AFTER.match(s, m.end()) and not x.mentions and not PARTNER_WORDS.search(s)) or \
                _RATE_AFTER.match(s, m.end()) or x.word_in(_THROUGHPUT, *x.clause_span(m.start())) or \
                (_DASH_AFTER.match(s, m.end()) and _THROUGHPUT.search(s, m.end(), m.end() + 30)) or \
                (_PER_YEAR_AFTER.match(s, m.end()) and x.word_in(_PRESENT_AMOUNT, *x.clause_span(m.start()))) or \
                _MADE_OR_ALLOWED.match(s, max(s.rfind(".", 0, m.start()), s.rfind(";", 0, m.start())) + 1) or \
                x.word_in(_THROUGHPUT, max(s.rfind(",", 0, m.start()), s.rfind(";", 0, m.start())) + 1, m.start()):
            continue    # "порт обработал 3,9 млн тонн грузов", "грузооборот составил 5,3 млн тонн": a port's or a
            # railway's throughput, no export (of other regions' goods too)
        flow, at = flow_metric(x, m.start())
        if _FROM_REGION_AFTER.match(s, m.end()):
            flow, at = "exports", None      # "из них 2 млн тонн – из Волгоградской области"
        elif at in x.partners_own or _continues_own(x, at):
            continue
        if from_named and from_named.start() < m.start() and (at is None or at < from_named.start()):
            flow = "imports"    # "из Ирана ввезено 26 тыс. тонн" (not "…, а экспортировала 143 тыс. тонн")
        num_at = _num_start(m)
        if _BY_AMOUNT.search(s, max(0, num_at - 10), num_at) and _CMP_AFTER.match(s, m.end()):
            continue    # "— на 200 тыс. тонн больше, чем в 2022 году": a difference of tonnes, no level
        g = _goods_after(x, m.end())
        dash = _DASH_GOODS.match(s, m.end()) if g is None and not _DASH_BEFORE.search(s, max(0, m.start() - 4),
                                                                                     m.start()) else None
        if dash:    # "из них 300 тыс. тонн — пшеница": the goods named after a dash
            g = _named(x, dash.group(1).split()) or None
        words = _GOODS_AFTER.match(s[m.end():m.end() + AHEAD])
        unknown = g is None and words is not None and goods.names_goods(words.group(1))
        # goods named right before, after a dash or colon ("…ячменя, подсолнечного масла — 214,6 тыс. тонн") are
        # nearer than those named after a flow word elsewhere in the sentence; two kinds there ("томаты и виноград —
        # около 9 тыс. т") are no one code
        before = None if unknown or g is not None else _GOODS_BEFORE.search(s, max(last, m.start() - 80), m.start())
        if unknown or (before and _two_kinds(before.group(1).split()) == ""):
            g = ""      # "и около 3 тыс. тонн мороженого": goods the reference lacks, not those named before
        else:
            g = g or (_named(x, before.group(1).split()) if before else None)
            # the goods after the nearest flow word before the tonnes that names some ("закупки пшеницы до 356
            # тыс. т, а поставки чечевицы … превысили 60 тыс. т"), else the first the sentence names
            g = g or next((fg for at_, fg in reversed(flow_goods) if fg and at_ < m.start()), None) or named
            named = named or g
            share_of = _GOODS_SHARE.search(s, max(x.clause_span(m.start())[0], m.start() - 120), m.start())
            g = g or (_named(x, share_of.group(1).split()) if share_of else None)
            g = g or _nearest_goods(x, max(last, m.start() - 160), m.start())
            if g is None and listed and m.start() - last < 60 and \
                    x.mentions_before(m.start()) > x.mentions_before(last):
                g = listed      # (the goods of the tonnes before in a list of partners, before the sentence's topic)
            if g is None and x.topic and not (words and goods.generic(words.group(1))):
                g = x.topic     # "Экспорт пшеницы в Египет сократился. Если в 2023-м ушло 1,9 млн тонн, …"
        if not g and listed and m.start() - last < 60 and x.mentions_before(m.start()) > x.mentions_before(last):
            g = listed      # "покупателями пшеницы стали Египет (810 тыс. т), Турция (455 тыс. т)": the same goods
        elif parts_goods and m.start() < parts_end and _goods_after(x, m.end()) is None:
            g = parts_goods     # "масло подсолнечное — 402,1 тыс. т (в том числе Индия — 151,6 тыс. т)": the total's
        listed = g
        last = m.end()
        if g and _PARTS_OPEN.match(s, m.end()):
            parts_goods, parts_end = g, s.find(")", m.end()) % (len(s) + 1)
        if g:
            placed.append((m.start(), g))
        if _not_done(x, m.start()):
            continue
        qual, start = qual_at(s, _num_start(m))
        qual = "more_than" if m.group("little") and qual == "exact" else qual
        # (before the text names any partner, the region's: "Слайд 3: «Экспорт продукции АПК …». Пшеница — 3,9 млн т.
        # … Слайд 4: «Основные покупатели зерна»: Турция, Египет, Иран.")
        x.add(start, m.end(), MASS[flow], _partner_of(x, m, x.unnamed_yet), qual, claimed * scale, core=m.start(),
              claimed=claimed, unit="т", scale=scale_name, step=step, goods=g)
        tonnes.append((m.end(), _goods_after(x, m.end()) is not None, x.out[-1][2]))
    _respectively(x, tonnes)
    placed.sort()
    for m in _MONEY.finditer(s):
        amount = _amount(m) if m.group("scale") or m.group("wscale") or m.group("wscale3") else None
        cur = (m.group("cur") or "").lower()
        dollars = bool(m.group("cur1")) or cur.startswith(("долл", "$", "usd", "американ"))
        after = s[m.end():m.end() + 12]
        cmp = _CMP_AFTER.match(after)
        if not amount or not x.free(*m.span()):
            continue
        claimed, scale, scale_name, step = amount
        num_at = _num_start(m)
        tail = s[max(0, num_at - 80):num_at]
        # (the elliptic "— на 35 млн" is a change only after a verb of change: "В Египет отгружено продукции на 120
        # млн долларов, в Ливию — на 35 млн, причём …прибавило 14 %" is a sum)
        exceeded = _EXCEEDED_BASE.search(tail)
        change = bool(_BY_AMOUNT.search(tail)) and (bool(cmp) or bool(_MOVED_BY.search(tail)) or bool(exceeded) or (
            bool(_ELLIPTIC_BY.search(tail)) and verb_before(x, m.start()) is not None and
            x.verbs is not None and bool(x.verbs) and x.verbs[0][0] < m.start()))
        if change and cmp and _THAN_FLOW_GEN.match(s, m.end() + cmp.end()):
            continue    # "экспорт оказался на 88,3 млн долларов больше импорта": two flows compared
        gained = None if change else _GAINED.search(tail)
        # a sum signed in a bracket is a change: "660,3 млн долл. (+9,7 %, или +58,4 млн долл.)"
        signed = None if change or gained else _SIGNED.search(tail)
        change = change or gained is not None or signed is not None
        if change and cmp and _THAN_FLOW.match(s, m.end() + cmp.end()):
            continue    # "экспорт оказался на 88,3 млн долларов больше, чем импорт из неё": two flows compared
        # no currency after a sum in dollars: the same currency ("на 12 млн меньше", "из них экспорт — 1,86 млрд.")
        # (or before a sum in dollars of the same list: "экспорт — 210 млн, импорт — 45 млн долларов")
        same = cur == "" and (x.dollars or _DOLLARS_NEXT.match(s, m.end()) is not None)
        named_after = _FLOW_AFTER.match(s, m.end()) if same else None
        named_after = named_after or (_WHAT_AFTER.match(s, m.end()) if dollars else None)
        if not dollars and not (same and (change or named_after or _BARE_END.match(s, m.end()))):
            continue
        # the currency said holds for the bare sums after it though this one is no claim of the region's ("Товарооборот
        # России и Турции составил 57 млрд долларов, а у Волгоградской области — 900 млн")
        x.dollars = True
        flow, at = flow_metric(x, m.start())
        # (a flow of Russia's or the partner's own in another part of the sentence, "Если товарооборот России и
        # Египта вырос на 12 %, то у Волгоградской области — на 31,6 %, до 88,4 млн", leaves this part's sum alone)
        own = at is not None and x.segment(at)[0] == x.segment(m.start())[0] and _partners_own(x, at)
        own = own or at in x.partners_own or _continues_own(x, at)
        if at is not None and own or _not_done(x, m.start()) or _BALANCE.search(tail) \
                or _one_firm(x, m.start()) or (_BY_AMOUNT.search(tail) and _EXCEEDS_AFTER.match(s, m.end())):
            # ("Импорт из Китая на 120 млн долларов превысил экспорт в КНР": a balance, the verb after the sum)
            continue
        if at is None and from_named and 0 < m.start() - from_named.start() <= 160:
            flow = "imports"
        if named_after:
            flow, at = flow_of(named_after.group("flow")), None
        partner = _partner_of(x, m, True)
        against = _AGAINST_BEFORE.search(s, max(0, num_at - 12), num_at)
        if against and x.references and x.references[-1][1] < m.start() and \
                x.mentions_before(m.start()) == x.mentions_before(x.references[-1][1]):
            # "Турция опередила Египет по объёму товарооборота: 540 млн долларов против 310 млн": the level compared
            # with is the partner's overtaken
            partner = x.references[-1][0]
        told = _NAMED_AFTER.match(s, m.end())
        if told and x.mention_at(told.end()):   # the partner (and flow) its dash names are the sum's own
            partner = x.mention_at(told.end())
            if told.group("flow"):
                flow, at = flow_of(told.group("flow")), None
        qual, start = qual_at(s, num_at)
        if m.group("cur1"):
            start = min(start, m.start("cur1"))
        if at is not None and 0 <= start - at <= 60:
            start = at
        value = claimed * scale
        metric = CHANGE[flow] if change else flow
        if change:
            down = (cmp and cmp.group(1).lower() in ("меньше", "ниже")) or \
                (gained is not None and gained.group("verb").lower().startswith(("потер", "теря"))) or \
                (exceeded is not None and exceeded.group("verb").lower().startswith(("отста", "уступ"))) or \
                (signed is not None and signed.group(1) != "+") or \
                (not cmp and gained is None and exceeded is None and signed is None and
                 verb_before(x, m.start()) == "fall")
            if cmp and _THEN_LEVEL.search(s, x.clause_span(m.start())[0], m.start()):
                down = not down     # "годом ранее показатель был на 7,1 млн ниже": this year's is higher
            value = -value if down else value
        end = named_after.end() if named_after else m.end() + (cmp.end() if cmp else 0)
        if not change and qual == "exact" and more_after(s, end) > end:
            qual, end = "more_than", more_after(s, end)
        if not change and qual in ("exact", "about") and m.group("little"):
            qual = "more_than"
        i = bisect.bisect_left(placed, (m.start(), ""))
        of = placed[i - 1][1] if i and not change and placed[i - 1][0] >= x.clause_span(m.start())[0] else None
        if of is None and not change:   # goods named right before a dash: "в т. ч. масла – $180 млн"
            before = _GOODS_BEFORE.search(s, max(0, m.start() - 60), m.start())
            of = _named(x, before.group(1).split()) if before else None
        x.add(start, end, metric, partner, qual, value, core=m.start(), claimed=claimed,
              unit="$", scale=scale_name, step=step, goods=of)
