"""Growth as a ratio (0.31 = +31 %): a percent after a grow/fall verb, "131 % к уровню", "на 5 % больше", a factor
("в 3,1 раза", "вдвое"), a fraction ("почти на четверть"). A percent that states a share is left to shares.py."""
from __future__ import annotations

import bisect
import re

from dashboard.meetings import goods, morphology, shares
from dashboard.meetings.numerals import NUM, number, qual_at
from dashboard.meetings.sentence import FALL, FLOW, GROW, GROWTH, Sentence, agrees, flow_metric, verb_before
from dashboard.meetings.sentence import TRADE_NOUNS as _TRADE_NOUNS

# a signed percent is a change: "составил 2,9 млн долларов (+41 %)", "(-8 %)", "(–7,2 % к …)" (a hyphen or a dash
# after a bracket, or joined to the number after a comma, is a minus; "минус 3,7 %", "плюс 4,1 %" are signed in words)
_PCT = re.compile(rf"(?<![\w-])(?P<sign>[+\u2212]\s?|(?<=\()[-–]\s?|(?<=\(\s)[-–]\s?|(?<=,\s)[-–](?=\d)|"
                  rf"(?:минус|плюс)\s+)?{NUM}\s*"
                  r"(?:%|процент(?!\w*\s+пункт)\w*|проц(?:\.|(?![\w-]))(?!\s*пункт|\s*п\.))"    # ("17 проц.")
                  # (an index to a period named: "92,7 % к уровню января–мая 2023 г.", "96,1 % к 2023 году", "108,6 %
                  # к январю — апрелю 2022 года", "в % к соответствующему периоду")
                  r"(?P<rel>\s+(?:к|от)\s+(?:уровн\w*|аналогичному|показател\w+|прошл\w+|предыдущ\w+|соответствующ\w+|"
                  r"(?:19|20)\d\d(?=\s*(?:год|г\.))|(?:январ|феврал|март|апрел|ма[юя]|июн|июл|август|сентябр|октябр|"
                  r"ноябр|декабр)\w*|(?:IV|I{1,3}|[1-4]-?м?|перв\w+|втор\w+|трет\w+|четв[её]рт\w+)\s+"
                  r"(?:квартал\w*|кв\.|полугоди\w*)))?"
                  r"(?P<cmp>\s+(?:больше|выше|меньше|ниже|превыша\w*|превысил\w*|превысив|превзош\w*))?", re.I)
# a percent gained, told by its verb right before it, is a change even "к уровню" of a base: "прибавив 11,2 % к уровню
# 2023 года" (a level "к уровню" is a ratio: "составил 88 % к уровню 2023 года")
_GAINED_BY = re.compile(r"(?<![\w-])(?:прибави|прибавля|добави|добавля|нарасти|нараща)\w*\s+(?:[а-яё]+\s+)?$", re.I)
# "в 2,1 раза превышает показатель": a factor over the base is a growth too; "в два с половиной раза"
_TIMES = re.compile(rf"(?:в\s+{NUM}(?P<andhalf>\s+с\s+половиной)?\s+(?:раза?|р\.)|в\s+(?P<half>полтора|полторы)\s+раза|"
                    r"(?P<word>вдвое|втрое|вчетверо|впятеро|вдесятеро)|(?P<verbal>удво|утро)(?:ил|ит|ен|я)\w*)"
                    r"(?P<cmp>\s+(?:больше|выше|меньше|ниже|превыша\w*|превысил\w*|превысив|превзош\w*))?", re.I)
# a change given as a fraction: "сократился почти на четверть", "вырос более чем на треть", "на пятую часть",
# "наполовину"
_FRACTION_WORDS = "|".join(sorted(morphology.fraction_forms(), key=len, reverse=True))
_FRACTION = re.compile(rf"(?<![\w-])(?:на\s+(?P<frac>(?:(?:две|три)\s+)?(?:{_FRACTION_WORDS})|"
                       r"[а-яё]+(?:ую|ью)\s+часть)|(?P<half>наполовину))"
                       r"(?![\w-])(?!\s+(?:[а-яё]+\s+)?(?:мест|позици|строчк|ступен|мест))", re.I)
_FRACTION_CMP = re.compile(r"\s+(больше|выше|меньше|ниже)(?![\w-])", re.I)
# what a factor "превышает" when it is a growth: the same figure of a base period
_OVER_BASE = re.compile(r"\s+(?:[а-яё]+\s+){0,2}?(?:показател|уровен|уровн|значени|аналогичн|прошл|предыдущ|"
                        r"(?:19|20)\d\d)", re.I)
_SHARE_ANY = re.compile(r"(?<![\w-])(?:приход\w*|пришл\w*|дол[яиюе])(?![\w-])", re.I)
_UP_TO = re.compile(r"(?:до|дол\w+)\s+$", re.I)
_AFTER_NA = re.compile(r"\bна\s+(?:\w+\s+){0,2}$", re.I)
# the level of the year before compared with this year's, stated before the figure and not as its base after "чем"
_THEN_LEVEL = re.compile(r"(?<![\w-])(?<!чем\s)(?:годом\s+(?:ранее|раньше)|год\s+назад)(?![\w-])", re.I)


# what a growth of trade may be said of: flows, their amounts, the region, a partner (the countries are found apart)
_TRADE_SUBJECTS = frozenset({"товарооборот", "оборот", "экспорт", "импорт", "поставка", "закупка", "отгрузка", "ввоз",
                             "вывоз", "торговля", "объём", "объем", "показатель", "сумма", "стоимость", "значение",
                             "величина", "область", "регион", "республика", "страна", "государство", "партнёр",
                             "партнер", "доля"})
_OBJECT = re.compile(r"\s+([а-яё-]+)(?:\s+([а-яё-]+))?", re.I)
_AMOUNTS = frozenset({"стоимость", "объём", "объем", "сумма", "показатель", "значение", "величина"})
# words of a period, never the subject ("За январь — июнь 2023 года товарооборот вырос", "с начала года закупки …")
_TIME = frozenset({"год", "месяц", "квартал", "полугодие", "период", "неделя", "начало", "конец", "январь", "февраль",
                   "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"})
_WORDS = re.compile(r"(?<![А-ЯЁа-яё-])[А-ЯЁа-яё-]{2,}")
# a figure's scale is no subject ("812,4 млн долларов … и уменьшился")
_SCALES = frozenset({"млн", "млрд", "тыс", "долл"})
_PREPOSITIONS = frozenset({"в", "во", "на", "с", "со", "из", "по", "за", "к", "от", "до", "для", "у", "при", "о", "об"})


def other_subject(x: Sentence, at: int) -> bool:
    """Whether the growth at `at` is said of something other than trade: the first word of its clause before the
    verb that can be the verb's subject (a nominative that agrees with it, after no preposition) is no flow, amount,
    region or partner ("Урожай зерновых в области вырос на 11 %", "Цены на пшеницу выросли"). A clause without
    one ("он вырос", "…, увеличившись на 62 %") is of trade."""
    a = x.clause_span(at)[0]
    verb_before(x, at)      # finds the sentence's grow and fall words once
    found = x.verbs or []
    i = bisect.bisect_left(found, (at, ""))
    if not i or found[i - 1][0] < a:
        return False
    verb = found[i - 1][0]
    if x.s[max(0, verb - 2):verb].strip() == "(":
        return False    # a bracket opened by the change after a sum: "— 132,4 млн долл. США (рост на 7,7 %)"
    shown = _VERB_OF_NOUN.search(x.s, max(a, verb - 30), verb)
    if shown and morphology.parses(shown.group("v").lower())[0].tag.POS == "VERB" and \
            morphology.parses(x.s[verb:verb + 20].split()[0].lower())[0].tag.POS == "NOUN":
        verb = shown.start("v")     # "экспорт … показал увеличение на 52 %": the subject is the verb's, not the noun's
    return subject_other(x, verb, x.subject_start(a))


_VERB_OF_NOUN = re.compile(r"(?<![\w-])(?P<v>[а-яё]+)\s+$", re.I)


def subject_other(x: Sentence, verb: int, a: int) -> bool:
    """Whether the subject of the verb at `verb` (its clause starting at `a`) is something other than trade: the
    first word before it that can be its subject (a nominative that agrees with it, after no preposition) is no
    flow, amount, region or partner, or an amount of something else ("Стоимость доставки контейнера снизилась",
    "Минимальная партия … составляет 20 тонн")."""
    word = _WORDS.match(x.s, verb)
    obj = _OBJECT.match(x.s, word.end()) if word else None
    if obj and any(FLOW.search(w) for w in obj.groups() if w):
        return False    # the flow is the verb's object: "предприятия на треть нарастили экспорт"
    tag = morphology.parses(word.group(0).lower())[0].tag if word else None
    prev = ""
    for m in _WORDS.finditer(x.s, max(a, verb - 160), verb):     # a few words back: a long clause stays linear
        i = x.mentions_before(m.start() + 1)
        if m.group(0).lower() in _PREPOSITIONS or morphology.lemma(m.group(0).lower()) in _TIME or \
                (m.group(0) == "США" and prev.startswith("долл")) or m.group(0).lower() in _SCALES:
            pass        # "По" is also an abbreviation the dictionary knows as a noun ("долларов США": the currency)
        elif i and x.mentions[i - 1][2] > m.start():      # a word of a country's name
            if prev not in _PREPOSITIONS:
                return False            # the partner is the subject
        elif tag is not None and prev not in _PREPOSITIONS and agrees(m.group(0), tag):
            lemma = morphology.lemma(m.group(0).lower())
            if lemma in _AMOUNTS:   # "стоимость доставки", "объём торговли": an amount is of what follows it
                of = _WORDS.match(x.s, m.end() + 1)
                if of is None:
                    return False
                w = of.group(0).lower()
                if _moved(x, of, verb):
                    return False    # "стоимость продукции, отправленной в Алжир": goods a flow moved are trade
                return morphology.parses(w)[0].tag.POS == "NOUN" and not FLOW.search(w) and \
                    morphology.lemma(w) not in _TRADE_SUBJECTS and x.mentions_before(of.start() + 1) == \
                    x.mentions_before(of.start())
            return lemma not in _TRADE_SUBJECTS and not FLOW.search(m.group(0))
        prev = m.group(0).lower()
    return False


def _other_own_verb(x: Sentence, at: int) -> bool:
    """Whether a percent whose grow or fall word stands in a clause before its own has a verb of its own clause whose
    subject is something other than trade ("ВВП Казахстана вырос на 5,1 %, а инфляция составила 9,8 %")."""
    a = x.clause_span(at)[0]
    verb_before(x, at)
    found = x.verbs or []
    i = bisect.bisect_left(found, (at, ""))
    if i and found[i - 1][0] >= a:
        return False    # the grow or fall word is the clause's own: other_subject tells
    for w in _WORDS.finditer(x.s, a, at):
        if morphology.parses(w.group(0).lower())[0].tag.POS == "VERB":
            return subject_other(x, w.start(), x.subject_start(a))
    return False


def _moved(x: Sentence, noun: re.Match[str], verb: int) -> bool:
    """Whether the noun after an amount ("стоимость продукции") is said, before the verb at `verb`, to be moved by
    a flow participle that agrees with it in case and number ("продукции, отправленной в Алжир", "товаров,
    поставленных в Турцию")."""
    tag = morphology.parses(noun.group(0).lower())[0].tag
    for w in _WORDS.finditer(x.s, noun.end(), min(verb, noun.end() + 60)):
        p = morphology.parses(w.group(0).lower())[0]
        if p.tag.POS == "PRTF" and FLOW.search(w.group(0)) and p.tag.case == tag.case and \
                (p.tag.number == tag.number or tag.number is None):
            return True
    return False


# the base a comparison names: a period ("чем годом ранее", "к уровню 2022 года")
_BASE_AFTER = re.compile(r"\s*,?\s*(?:чем|(?:по|в)\s+сравнени[юи]|против|относительно|к\s+уровн|от\s+уровн|"
                         r"к\s+аналогичн|показател)", re.I)


_THAN_PARTNER = re.compile(r"\s*,?\s*чем\s+(?:(?:с|со|в|во|из|у|для|на)\s+)?", re.I)


def _of_another_partner(x: Sentence, m: re.Match[str]) -> bool:
    """Whether a comparison with no base ("…, с Алжиром – в три раза меньше") compares another partner with the
    figure before it: a comparison of partners, no growth."""
    than = _THAN_PARTNER.match(x.s, m.end())
    if than and any(start == than.end() for _, start, _ in x.references):
        return True     # "вдвое больше, чем с Турцией": the partner compared with is named after "чем"
    if _BASE_AFTER.match(x.s, m.end()) or not x.out:
        return False
    p = x.partner_at(m.start(), True)
    return p is not None and p != x.out[-1][2].partner


# the base a comparison names right after it ("ниже уровня 2022 года", "выше показателя прошлого года")
_BASES = frozenset({"уровень", "показатель", "значение", "результат", "отметка", "объём", "объем", "период", "год",
                    "месяц", "квартал", "полугодие"})
# firms compared are a count of firms, no flow ("в 2 раза больше иранских компаний, чем в прошлом")
_COUNTED_TRADE = (_TRADE_SUBJECTS | _TRADE_NOUNS | _BASES) - {"компания", "предприятие", "бизнес", "партнёр", "партнер",
                                                            "импортёр", "импортер", "экспортёр", "экспортер",
                                                            "покупатель", "поставщик", "контрагент"}
_THAT = re.compile(r",\s+что\s+(?:[а-яё]+\s+){0,2}$", re.I)


def compared_other(x: Sentence, m: re.Match[str]) -> bool:
    """Whether a comparison ("на 15 % больше", "в 2 раза выше") is of something other than trade: a count of other
    things it names right after ("на 15 % больше туристов из Китая"), or the level of the clause before its "что"
    whose subject is no trade ("цена … составила 228 долларов за тонну, что на 6 % выше сентябрьской")."""
    after = _WORDS.match(x.s, m.end() + 1)
    for _ in range(2):  # the noun after its adjectives: "в 2 раза больше иранских компаний"
        if after is None or morphology.parses(after.group(0).lower())[0].tag.POS != "ADJF":
            break
        after = _WORDS.match(x.s, after.end() + 1)
    if after is not None:
        p = morphology.parses(after.group(0).lower())[0]
        if p.tag.POS == "NOUN" and p.tag.case == "gent" and p.normal_form not in _COUNTED_TRADE and \
                not FLOW.search(after.group(0)) and not goods.named([after.group(0).lower()]) and \
                x.mentions_before(after.start() + 1) == x.mentions_before(after.start()):
            return True
    that = _THAT.search(x.s, max(0, m.start() - 40), m.start())
    if that is None:
        return False
    a = x.subject_start(x.clause_span(that.start())[0])
    # "компании отгрузили продукции на 9,4 млн долларов, что вдвое больше …": a sum of trade (the last claims only:
    # a long sentence stays linear)
    if any(x.out[i][2].unit in ("$", "т") and a <= x.cores[i] < that.start()
           for i in range(len(x.out) - 1, max(-1, len(x.out) - 40), -1)):
        return False
    for w in _WORDS.finditer(x.s, a, that.start()):
        if morphology.parses(w.group(0).lower())[0].tag.POS == "VERB":
            return subject_other(x, w.start(), a)
    return False


# a percent alone in a bracket after a sum, in a sentence that gave an index before: "экспорт — 3 801,4 млн долларов
# (94,3 %), импорт — 711,3 млн долларов (106,9 %)"
_BRACKET_ALONE = re.compile(r"\(\s*$")
_BRACKET_SHUT = re.compile(r"\s*\)")


# a statistics office's index with no percent sign: "и в % к соответствующему периоду предыдущего года — 93,7", "(в %
# к январю–июлю 2022 г. — 127,3)", and the bare one in a bracket after a sum: "импорт — 166,2 млн долларов (84,8)"
_INDEX_DASH = re.compile(r"(?<![\w-])в\s*%\s*к\s+[^—();%]{2,70}?\s*[—–]\s*(?P<num>\d{1,3}(?:[.,]\d+)?)"
                         r"(?![\d%]|[.,]\d)", re.I)
_INDEX_BARE = re.compile(r"(?:млн|млрд|тыс)\.?\s*(?:долл\w*\.?(?:\s+США)?|\$)?\s*\(\s*(?P<num>\d{2,3}[.,]\d)\s*\)",
                         re.I)
# (or a factor in a bracket after a sum: "61,4 млн долларов (в 1,3 р.)", "33,5 млн долл. (рост в 2,4 раза)")
_TIMES_BARE = re.compile(r"(?:млн|млрд|тыс)\.?\s*(?:долл\w*\.?(?:\s+США)?|\$)?\s*\(\s*(?:рост\s+|увеличение\s+)?в\s+"
                         r"(?P<num>\d(?:[.,]\d+)?)\s*"
                         r"(?:раза?|р\.)\s*\)", re.I)


_THROUGHPUT = re.compile(r"(?<![\w-])(?:грузооборот|грузопоток|грузопереработк|перевалк|судозаход|пропускн)\w*", re.I)
_IN_PERCENT_TO = re.compile(r"(?<![\w-])в\s*%\s*к\s", re.I)


def indices(x: Sentence) -> None:
    """Growth told as an index with no percent sign (_INDEX_DASH, _INDEX_BARE): 93,7 -> -0.063."""
    s = x.s
    for m in [*_INDEX_DASH.finditer(s), *_INDEX_BARE.finditer(s), *_TIMES_BARE.finditer(s)] \
            if "(" in s or "%" in s else ():
        n = number(m.group("num"))
        times = m.re is _TIMES_BARE
        if not n or not (1 < n[0] <= 20 if times else 30 <= n[0] <= 500) or not x.free(m.start("num"), m.end("num")):
            continue
        flow, at = flow_metric(x, m.start())
        if at is not None and at in x.partners_own:
            continue
        x.add(m.start(), m.end(), GROWTH[flow], x.partner_at(m.start(), True), "exact",
              n[0] - 1 if times else n[0] / 100 - 1, core=m.start("num"), claimed=n[0], unit="раза" if times else "%")


def growth(x: Sentence) -> None:
    s = x.s
    indices(x)
    # an index to a period was given before in the sentence (or in the one before, or a list's lead says its brackets
    # are: "…, январь — март 2025 г. в % к январю — марту 2024 г.:\nТурция — 158,3 млн долл. (89,8 %)")
    indexed = x.prev_indexed or _IN_PERCENT_TO.search(s) is not None
    for m in _PCT.finditer(s):
        n = number(m.group("num"))
        if not n or not x.free(*m.span()):
            continue
        if _THROUGHPUT.search(s, max(0, m.start() - 40), m.start()) and "тонн" in s[max(0, m.start() - 40):m.start()]:
            continue    # "Грузооборот — 6,8 млн тонн (+9 %)": a port's throughput grew, no trade
        lo = max(0, m.start("num") - 300)     # the rules below read at most a few words back
        before = s[lo:m.start("num")]
        qual, start = qual_at(s, m.start("num"))
        # (a bracket after an index was given is an index too, no share: "…131,5 % к соответствующему периоду; с
        # Тунисом — 6,1 млн долларов США (78,2 %)")
        index_bracket = indexed and 50 <= n[0] <= 400 and not m.group("sign") and \
            _BRACKET_ALONE.search(before[-3:]) is not None and _BRACKET_SHUT.match(s, m.end()) is not None
        if not index_bracket and shares.share(x, m, n[0], qual, start):
            continue
        after_na = _AFTER_NA.search(before[-40:])
        verb = verb_before(x, m.start())
        # "…достиг 3,6 млрд долларов, что на 5,3 % выше уровня прошлого года": the growth of the sum before, its
        # partner's (a country named earlier in the sentence is not this one's)
        of_sum = x.out[-1][2] if x.out and x.out[-1][2].unit == "$" and \
            _THAT.search(s, max(0, start - 40), start) else None
        if m.group("sign"):
            value = (1 if m.group("sign").strip().lower() in ("+", "плюс") else -1) * n[0] / 100
        elif m.group("cmp"):
            if (of_sum is None and _of_another_partner(x, m)) or compared_other(x, m):
                continue
            if m.group("cmp").strip().lower().startswith("прев") and not _OVER_BASE.match(s, m.end(), m.end() + 60):
                continue    # "на 20 % превышает импорт": a ratio of two flows, no growth
            if not x.out and not x.dollars and x.prev_flow is None and FLOW.search(s) is None:
                continue    # "Среднее время выпуска … 2 часа 40 минут, что на 15 % меньше": no trade compared
            down = m.group("cmp").strip().lower() in ("меньше", "ниже")
            if _THEN_LEVEL.search(s, x.clause_span(m.start())[0], m.start()):
                down = not down     # "годом ранее показатель был на 7,1 % ниже": this year's is higher
            value = (-1 if down else 1) * n[0] / 100
        elif m.group("rel") and not after_na and not _GAINED_BY.search(before[-40:]):
            value = n[0] / 100 - 1
            indexed = True
        elif indexed and 50 <= n[0] <= 400 and _BRACKET_ALONE.search(before[-3:]) and _BRACKET_SHUT.match(s, m.end()):
            value = n[0] / 100 - 1
        elif verb and not _UP_TO.search(before[-20:]) and not x.word_in(_SHARE_ANY, *x.clause_span(m.start())):
            value = -n[0] / 100 if verb == "fall" else n[0] / 100
        else:
            continue
        if other_subject(x, m.start()) or _other_own_verb(x, m.start()):
            continue
        flow, at = flow_metric(x, m.start())
        if at is not None and at in x.partners_own:
            continue    # "а её импорт зерна вырос на 30 %": the partner's own trade
        verbs = [v.start() for rx in (GROW, FALL) for v in rx.finditer(s, max(0, start - 60), start)]
        start = min([start, *verbs, *([at] if at is not None and 0 <= start - at <= 60 else [])])
        partner = of_sum.partner if of_sum is not None and m.group("cmp") else x.partner_at(m.start(), True)
        x.add(start, m.end(), GROWTH[flow], partner, qual, value, core=m.start(), claimed=n[0], unit="%")
    for m in _FRACTION.finditer(s):
        verb = verb_before(x, m.start())
        cmp = _FRACTION_CMP.match(s, m.end())   # "что на треть больше, чем в 2022 году"
        if cmp:
            verb = "fall" if cmp.group(1).lower() in ("меньше", "ниже") else "grow"
        part = 0.5 if m.group("half") else morphology.fraction(m.group("frac").split())
        if not verb or not part or not x.free(*m.span()) or other_subject(x, m.start()):
            continue
        flow, at = flow_metric(x, m.start())
        starts = [m.start()] + [v.start() for rx in (GROW, FALL) for v in rx.finditer(s, max(0, m.start() - 60),
                                                                                    m.start())]
        x.add(min(starts), m.end(), GROWTH[flow], x.partner_at(m.start(), True), qual_at(s, m.start())[0],
              -part if verb == "fall" else part, core=m.start(), claimed=part, unit="")
    for m in _TIMES.finditer(s):
        verb = verb_before(x, m.start())
        if not x.free(*m.span()) or not (verb or m.group("cmp") or m.group("verbal")) or other_subject(x, m.start()):
            continue
        if m.group("cmp") and m.group("cmp").strip().lower().startswith("прев") and \
                not _OVER_BASE.match(s, m.end(), m.end() + 60):
            continue    # "Импорт почти в полтора раза превышает экспорт": a ratio of two flows, no growth
        times = 1.5 if m.group("half") else morphology.factor_adverb(m.group("word") or "") or \
            ({"удво": 2.0, "утро": 3.0}.get(m.group("verbal").lower()) if m.group("verbal") else None)
        if times is None:
            n = number(m.group("num"))
            times = n[0] + (0.5 if m.group("andhalf") else 0) if n else None
        if not times:
            continue
        down = (m.group("cmp") or "").strip().lower() in ("меньше", "ниже") or (not m.group("cmp") and verb == "fall")
        if m.group("cmp") and _THEN_LEVEL.search(s, x.clause_span(m.start())[0], m.start()):
            down = not down     # "годом ранее экспорт был в 2 раза меньше": this year's is twice as high
        if m.group("cmp") and (_of_another_partner(x, m) or compared_other(x, m)):
            continue
        if m.group("cmp") and not verb and not x.out and not x.dollars and x.prev_flow is None and \
                FLOW.search(s) is None:
            continue    # "350 человек, что в 2 раза больше, чем годом ранее": no trade compared
        value = (1 / times - 1) if down else (times - 1)
        flow, at = flow_metric(x, m.start())
        starts = [m.start()] + [v.start() for rx in (GROW, FALL)
                                for v in rx.finditer(s, max(0, m.start() - 60), m.start())]
        if at is not None and 0 <= m.start() - at <= 60:
            starts.append(at)
        x.add(min(starts), m.end(), GROWTH[flow], x.partner_at(m.start(), True), qual_at(s, m.start())[0],
              value, core=m.start(), claimed=times, unit="раза")
