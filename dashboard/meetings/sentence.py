"""One sentence of a press release with what every extraction rule asks of it, worked out once: the countries it
names, its clause cuts, its flow words and grow/fall verbs (each found once and looked up by bisect, so a long
sentence stays linear), the spans already claimed, and the claims found so far."""
from __future__ import annotations

import bisect
import datetime as dt
import re

from pymorphy3.tagset import OpencorporaTag

from dashboard.meetings import countries, goods, morphology, periods
from dashboard.meetings.claim import Claim
from dashboard.meetings.flows import FLOW, active, flow_of, other
from dashboard.meetings.numerals import clean
from dashboard.store.period import Period

GROWTH = {"turnover": "turnover_growth", "exports": "export_growth", "imports": "import_growth"}
CHANGE = {"turnover": "turnover_change", "exports": "export_change", "imports": "import_change"}
SHARE = {"turnover": "turnover_share", "exports": "export_share", "imports": "import_share"}
MASS = {"turnover": "exports_mass", "exports": "exports_mass", "imports": "imports_mass"}
RANK = {"turnover": "rank", "exports": "export_rank", "imports": "import_rank"}


def flow_metric(x: Sentence, at: int) -> tuple[str, int | None]:
    """'turnover' / 'exports' / 'imports' from the nearest flow word before `at`, else the first after it in its
    clause, else the flow the paragraph spoke of last ("Товарооборот … составил 355 млн. В 2023 году он вырос до
    401,8 млн"), else turnover."""
    if x.flows is None:     # found once per sentence, in text order
        x.flows = _flows(x)
    i = bisect.bisect_left(x.flows, (at, ""))
    if i and x.flows[i - 1][0] >= at - 160:
        back = _FROM_ELLIPTIC.search(x.s, max(x.flows[i - 1][0], at - 60), at)
        if back and x.flows[i - 1][1] == "exports" and x.mention_at(back.end()):
            # "Поставки в Казахстан выросли в 1,4 раза, а из Казахстана — на 7 %": the other way, the flow word left
            # out
            return "imports", x.flows[i - 1][0]
        return x.flows[i - 1][1], x.flows[i - 1][0]
    a, b = x.clause_span(at)
    if i < len(x.flows) and x.flows[i][0] < b:
        return x.flows[i][1], x.flows[i][0]
    if i < len(x.flows) and b < len(x.s) and x.flows[i][0] - b < 60 and x.gerund_clause(a) and \
            ";" not in x.s[b:x.flows[i][0]]:   # (a part after ";" has a subject of its own)
        # a gerund's clause is told of by its subject in the clause after it: "Достигнув 35,2 млн долларов по итогам
        # I полугодия, экспорт в Армению превысил …"
        return x.flows[i][1], x.flows[i][0]
    if i < len(x.flows) and _LEADS_DASH.fullmatch(x.s, 0, a) is not None and _DASH_AFTER.match(x.s, b) and \
            x.flows[i][0] - b < 120 and ";" not in x.s[b:x.flows[i][0]]:
        # a figure that opens the sentence before a dash is told of by the words after it: "58 млн долларов —
        # такова стоимость продукции, отправленной в Алжир"
        return x.flows[i][1], x.flows[i][0]
    return x.prev_flow or "turnover", None


_FROM_ELLIPTIC = re.compile(r"(?:,\s*(?:а|и)|;)\s+из\s+", re.I)
_LEADS_DASH = re.compile(r"[\s«\"]*")
_DASH_AFTER = re.compile(r"\s[—–]\s")


_PREPOSITION = re.compile(r"(?<![\w-])(?:в|во|из|с|со|на|для|у|к|ко|по|от|до|между|о|об)\s+$", re.I)


# where the flow goes: "поставки в регион" (the accusative: "закупил в регионе" is where it bought), "импорт из
# региона" (the partner's point of view), "закупки волгоградской продукции", "поставки турецких товаров в …" (whose
# goods move)
# (the partner's voice names the region as the listener's: "поставки в ваш регион", "экспортируем к вам", "импорт из
# вашей области", "купили у вас", "покупаем у Волгограда")
_INTO_REGION = re.compile(r"\s+(?:[а-яё]+\s+){0,2}?(?:(?:в|на)\s+(?:наш\s+|ваш\s+)?(?:регион|область|"
                          r"Волгоградскую\s+область|Волгоград)|в\s+вашу\s+область|к\s+вам)(?![\w-])", re.I)
_FROM_REGION = re.compile(r"\s+(?:[а-яё]+\s+){0,2}?(?:из\s+(?:нашего\s+|вашего\s+|вашей\s+)?(?:региона|области|"
                          r"Волгоградской\s+области|Волгограда)|у\s+(?:вас|Волгограда|Волгоградской\s+области))(?![\w-])",
                          re.I)
_FROM_YOU_BEFORE = re.compile(r"(?<![\w-])у\s+(?:вас|Волгограда|Волгоградской\s+области)\s+(?:[а-яё]+\s+){0,2}$", re.I)
_TO_PARTNER = re.compile(r"\s+(?:[а-яё]+\s+){0,2}?(?:в|во|на)\s+", re.I)
_OUTWARD = re.compile(r"(?:экспорт|поставк|отгрузк|вывоз)", re.I)
_FROM_PARTNER = re.compile(r"\s+(?:[а-яё]+\s+){0,2}?из\s+", re.I)
_GOODS_OF = re.compile(r"\s+([а-яё-]+)\s+([а-яё-]+)(?:\s+([а-яё-]+))?", re.I)
_BUYER_NOUN = re.compile(r"(?:компани|покупател|импорт[её]р|фирм|трейдер|переработчик)", re.I)
_GOODS_NOUN = re.compile(r"(?:продукци|товар|сыр[ьц]|зерн|оборудовани|техник)", re.I)
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])([а-яё-]+)\s+$", re.I)
_OWN_ADJECTIVE = re.compile(r"(?:волгоградск|местн|регионал|областн|наш)\w*$", re.I)


def _directed(x: Sentence, m: re.Match[str], flow: str) -> str | None:
    """The flow a flow word's direction or goods say, whoever the sentence's subject: into the region is imports,
    out of it exports ("турецкий импорт из региона" is the region's exports); goods of the region bought are
    exports, the partner's goods supplied imports. None when the words after it say neither."""
    if flow == "turnover":
        return None
    adjective = _ADJECTIVE_BEFORE.search(x.s, max(0, m.start() - 30), m.start())
    if adjective and adjective.group(1).lower() in countries.adjective_forms():
        if m.group(0).lower().startswith("закуп"):
            return other(flow)      # "египетские закупки": the partner's purchases, the region's exports
        if m.group(0).lower().startswith(("поставк", "отгрузк")):
            return "imports"        # "белорусские поставки": the partner's supplies
    if m.group(0).lower().startswith("закуп") and (_owned_by_partner(x, m.start()) or x.mention_at(m.end() + 1)):
        return other(flow)      # "Израиль с объёмом закупок 98,7 млн", "закупки Египта": the partner's purchases
    end = m.end()
    if flow == "imports" and _FROM_YOU_BEFORE.search(x.s, max(0, m.start() - 30), m.start()):
        return "exports"    # "А у вас мы купили около 40 тысяч тонн кукурузы": the partner bought from the region
    if _INTO_REGION.match(x.s, end):
        return "imports"
    if _FROM_REGION.match(x.s, end):
        return "exports"
    to = _TO_PARTNER.match(x.s, end) if flow == "exports" and _OUTWARD.match(m.group(0)) else None
    if to and x.mentions_before(to.end()) < len(x.mentions) and x.mentions[x.mentions_before(to.end())][1] == \
            to.end():
        return "exports"    # "экспорт в Узбекистан": out of the region to the partner, whatever was said before
    src = _FROM_PARTNER.match(x.s, end)
    if src and x.mentions_before(src.end()) < len(x.mentions) and x.mentions[x.mentions_before(src.end())][1] == \
            src.end():
        return "imports"    # "поставки из Германии снизились": from the partner into the region
    g = _GOODS_OF.match(x.s, end)
    words = [w for w in g.groups() if w] if g else []
    for adj, noun in zip(words, words[1:], strict=False):
        # "закупки волгоградского масла" (the region's goods, whatever they are), "поставки турецких товаров"
        if _OWN_ADJECTIVE.match(adj) and (_GOODS_NOUN.match(noun) or goods.named([noun])):
            return "exports"
        if adj.lower() in countries.adjective_forms() and _GOODS_NOUN.match(noun):
            return "imports"
        if adj.lower() in countries.adjective_forms() and _BUYER_NOUN.match(noun) and \
                m.group(0).lower().startswith("закуп"):
            return other(flow)  # "закупки индийских компаний": the partner's purchases, the region's exports
    return None


_WITH_AMOUNT = re.compile(r"\s+с\s+(?:общим\s+)?(?:объ[её]мом|суммой)\s+$", re.I)


def _owned_by_partner(x: Sentence, at: int) -> bool:
    """Whether the flow noun at `at` follows a country named with "с объёмом …" ("Израиль с объёмом закупок")."""
    i = x.mentions_before(at)
    return bool(i) and _WITH_AMOUNT.fullmatch(x.s, x.mentions[i - 1][2], at) is not None


def _flows(x: Sentence) -> list[tuple[int, str]]:
    """The sentence's flow words as (start, flow), each turned by its direction or its subject; a later word of the
    same raw flow with no direction of its own keeps the turn of the first that had one ("узбекского импорта из
    региона … её закуплено 32 тыс. тонн": the region's exports)."""
    out: list[tuple[int, str]] = []
    turned: dict[str, str] = {}
    for m in x.flow_matches():
        raw = flow_of(m.group(0))
        directed = _directed(x, m, raw)
        if directed is not None:
            turned.setdefault(raw, directed)
            out.append((m.start(), directed))
        else:
            if (_POSSESSIVE.search(x.s, max(0, m.start() - 24), m.start()) or _of_partner_noun(x, m) or
                    _REFLEXIVE.search(x.s, max(0, m.start() - 50), m.start())) and \
                    _possessed_by_partner(x, m):
                x.partners_own.add(m.start())   # "Турция …, а её импорт зерна вырос на 30 %": its own imports
            governed = None if active(m.group(0)) or raw == "turnover" else _governing_verb(x, m.start())
            flow = _turned(x, governed, raw, any_verb=True) if governed else _turned(x, m, raw)
            out.append((m.start(), turned.get(raw, flow) if flow == raw else flow))
            tag = morphology.parses(m.group(0).lower())[0]
            if flow != raw and (tag.tag.tense in ("pres", "futr") or
                                # a country that imported or exported, no region as its other side, in any tense:
                                # "в 2024 году Марокко импортировало 5,4 млн т пшеницы" (its own trade)
                                (tag.tag.POS == "VERB" and tag.normal_form in _OWN_TRADE_VERBS and
                                 not x.word_in(_US, *x.clause_span(m.start())))) and \
                    not x.word_in(REGION_WORDS, *x.clause_span(m.start())):
                x.partners_own.add(m.start())
            elif flow == raw and x.mentions and tag.tag.tense in ("pres", "futr") and \
                    tag.normal_form in _OWN_TRADE_VERBS and not x.word_in(REGION_WORDS, 0, len(x.s)) and \
                    not x.word_in(_US, 0, len(x.s)):
                # its subject out of reach, no region in the sentence: "Вьетнам, экономика которого …, ежегодно
                # импортирует свыше 4 млн тонн пшеницы"
                x.partners_own.add(m.start())
    return out


_OWN_TRADE_VERBS = frozenset({"импортировать", "экспортировать"})
_US = re.compile(r"(?<![\w-])(?:у\s+нас|из\s+нас|нам|наш\w*)(?![\w-])", re.I)
# (an adjective between: "её внешнеторговый оборот", "её внешняя торговля")
_POSSESSIVE = re.compile(r"(?<![\w-])(?:её|ее|его|их)\s+(?:[а-яё]+(?:ый|ий|ой|ая|яя|ое|ее|ие|ые)\s+)?$", re.I)
# the reflexive possessive, whose owner is the clause's subject: "Армения увеличила свой внешнеторговый оборот"
_REFLEXIVE = re.compile(r"(?<![\w-])сво(?:й|я|ё|е|и|его|ей|ему|ем|им|их|ю|ими)\s+"
                        r"(?:[а-яё]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ую|юю|ых|их)\s+){0,2}$", re.I)
_NEXT_WORD = re.compile(r"\s+([а-яё]+)", re.I)
# an ordinal standing for a partner named before: "на долю первого", "у второй", "последнему"
_ORDINAL_REF = re.compile(r"(?<![\w-])(?:перв|втор|последн)(?:ого|ой|ому|ая|ый|ым)(?![\w-])", re.I)
# a partner named by a common noun in the genitive after a flow noun: "а экспорт республики вырос на 15 %"
_PARTNER_NOUNS = frozenset({"страна", "республика", "государство", "королевство", "эмират"})


def _of_partner_noun(x: Sentence, m: re.Match[str]) -> bool:
    """Whether the flow noun `m` is followed by a common noun of a partner in the genitive ("экспорт республики")."""
    w = _NEXT_WORD.match(x.s, m.end())
    if w is None:
        return False
    p = morphology.parses(w.group(1).lower())[0]
    return p.tag.POS == "NOUN" and p.tag.case == "gent" and p.normal_form in _PARTNER_NOUNS


def _possessed_by_partner(x: Sentence, m: re.Match[str]) -> bool:
    """Whether a flow noun after a possessive pronoun is the partner's own trade: a country is named before it in the
    sentence, none after it in its clause, and its clause names no region."""
    if morphology.parses(m.group(0).lower())[0].tag.POS != "NOUN":
        return False    # "её закуплено 32 тыс. тонн": the pronoun is the goods moved
    a, b = x.clause_span(m.start())
    i = x.mentions_before(m.start())
    # (or a foreign province or state named before: "Валовой продукт провинции …, а её внешняя торговля выросла")
    return (bool(i) or x.word_in(_FOREIGN_UNIT, 0, m.start())) and not x.word_in(REGION_WORDS, a, b) and \
        (i == len(x.mentions) or x.mentions[i][1] >= b)


_FOREIGN_UNIT = re.compile(r"(?<![\w-])(?:провинци|штат(?:а|е|у|ом)?(?![\w-])|стран[аыеу](?![\w-]))", re.I)


_WORD_BEFORE = re.compile(r"(?<![\w-])[а-яё]+(?=\s+$)", re.I)
_FINITE = re.compile(r"(?<![\w-])[а-яё]+(?![\w-])", re.I)


def _governing_verb(x: Sentence, at: int) -> re.Match[str] | None:
    """The transitive verb or gerund right before a flow noun at `at` whose object the noun is ("нарастив
    закупки", "Египет увеличил закупки"): for a gerund, the finite verb before it in the sentence, whose subject
    is the gerund's; None when there is none."""
    w = _WORD_BEFORE.search(x.s, max(0, at - 30), at)
    if w is None:
        return None
    tag = morphology.parses(w.group(0).lower())[0].tag
    if "tran" not in tag or tag.POS not in ("VERB", "GRND"):
        return None
    if tag.POS == "VERB":
        return w
    # within a few words back (the clause before the gerund's comma), so a long sentence stays linear
    finite = [v for v in _FINITE.finditer(x.s, max(0, w.start() - 160), w.start())
              if morphology.parses(v.group(0).lower())[0].tag.POS == "VERB"]
    return finite[-1] if finite else None


def _turned(x: Sentence, m: re.Match[str], flow: str, any_verb: bool = False) -> str:
    """The flow of a verb whose subject is the partner turned round: "Вьетнам закупил" (the region's exports), "Китай
    …, а поставил в область" (its imports). The partner is the subject when it is named before the verb, after no
    preposition, can be a nominative that agrees with the verb, and no other noun that could be the subject stands
    between them ("предприятия закупили в Турции", "Ливия, куда предприятия поставили" keep their flow)."""
    if not any_verb and not active(m.group(0)):
        return flow
    i = x.mentions_before(m.start())
    if not i:
        return _turned_by_name(x, m, flow)
    _, start, end = x.mentions[i - 1]
    if m.start() - end > 150 or _PREPOSITION.search(x.s, max(0, start - 10), start):
        return flow
    verb = morphology.parses(m.group(0).lower())[0].tag
    words = x.s[start:end].split()
    if start in x._adjective_starts:    # the partner's people or side: "Узбекские компании", "турецкая сторона"
        head = _HEAD_AFTER.match(x.s, end)
        if head is None:
            return flow
        words, end = [head.group("a")], head.end("a")
    if not any(agrees(w, verb) for w in words) and not _listed_subject(x, i - 1, verb):
        return flow     # its noun must agree: "Объединённые Арабские Эмираты"; a list of them takes the plural
    if any(agrees(w.group(0), verb) and not _GOVERNED.search(x.s, max(0, w.start() - 16), w.start())
           for w in _WORD.finditer(x.s, end, m.start())):
        return flow     # (a noun after a preposition is no subject: "Казахстан за 2023 год закупил")
    return other(flow)


_GOVERNED = re.compile(r"(?<![\w-])(?:за|в|во|на|по|с|со|к|от|до|у|из|о|об|при|через|после|перед)\s+"
                       r"(?:(?:19|20)\d\d\s+|\d+\s+|[а-яё]+(?:ый|ий|ой|ом|ем|ую|ее|ое)\s+)?$", re.I)


_WORD = re.compile(r"[а-яё]{3,}", re.I)
# the partner named by a common noun as the subject: "Наша страна закупила в регионе…", "республика приобрела…"
_WHICH = re.compile(r"(?<![\w-])котор\w*", re.I)
# a parenthetical phrase between commas: "по" and a noun with no verb ("по словам посла", "по данным таможни")
_ASIDE = re.compile(r"\s*по\s+[а-яё]+", re.I)


def _verb_first(s: str, a: int) -> bool:
    """Whether the clause at `a` starts with its verb, its subject before the aside in front of it."""
    w = _WORD.search(s, a, a + 40)
    return w is not None and morphology.parses(w.group(0).lower())[0].tag.POS == "VERB"


def _aside(clause: str, words: list[str]) -> bool:
    """Whether a clause is an aside of whose words someone says it, not the subject's clause: "…, по словам посла,
    вырос"."""
    return _ASIDE.match(clause) is not None and not any(
        morphology.parses(w.lower())[0].tag.POS in ("VERB", "PRTF", "GRND") for w in words)
_PARTNER_NOUNS = frozenset({"страна", "республика", "государство", "королевство"})


_JOINED = re.compile(r"\s*,\s*|\s+и\s+")


def _listed_subject(x: Sentence, i: int, verb: OpencorporaTag) -> bool:
    """Whether the country named i-th ends a list of countries, the first after no preposition, that a plural verb
    has for its subject: "Египет, Ливия и Алжир закупили"."""
    if verb.number != "plur" or not i or not _JOINED.fullmatch(x.s, x.mentions[i - 1][2], x.mentions[i][1]):
        return False
    while i and _JOINED.fullmatch(x.s, x.mentions[i - 1][2], x.mentions[i][1]):
        i -= 1
    start = x.mentions[i][1]
    return start not in x._adjective_starts and not _PREPOSITION.search(x.s, max(0, start - 10), start)


def _turned_by_name(x: Sentence, m: re.Match[str], flow: str) -> str:
    """The flow turned round when the verb's subject, in its clause, is the partner called "страна" / "республика"."""
    verb = morphology.parses(m.group(0).lower())[0].tag
    for w in _WORD.finditer(x.s, max(x.clause_span(m.start())[0], m.start() - 60), m.start()):
        word = w.group(0).lower()
        if agrees(word, verb):
            return other(flow) if morphology.lemma(word) in _PARTNER_NOUNS and x.default else flow
    return flow


def agrees(word: str, verb: OpencorporaTag) -> bool:
    """Whether the word can be a nominative noun that the verb form agrees with (number, and gender in the past)."""
    for p in morphology.parses(word.lower()):
        t = p.tag
        if t.POS != "NOUN" or t.case != "nomn":
            continue
        number = "plur" if "Pltm" in t else t.number
        if verb.number and number and verb.number != number:
            continue
        if verb.number == "sing" and verb.gender and t.gender and verb.gender != t.gender and "ms-f" not in t:
            continue
        return True
    return False


# who said a quoted sentence: "…», — отметил министр промышленности и торговли области." (its words name no subject)
ATTRIBUTION = re.compile(r"[»\"]\s*,?\s*[—–]\s*[^«»\"]*$")
# (or a dialogue's answer, its speaker after a comma and a dash: "…больше, чем год назад, — ответил журналистам
# руководитель …": a verb right after the dash)
_SPEAKER_AFTER = re.compile(r",\s*[—–]\s*(?P<verb>[а-яё]+)\s[^«»\"—–]*$", re.I)


def said(s: str) -> str:
    """The sentence without the attribution after its closing quote, or after a comma and a dash and a verb."""
    m = ATTRIBUTION.search(s)
    if m:
        return s[:m.start()]
    m = _SPEAKER_AFTER.search(s) if "," in s else None
    return s[:m.start()] if m and morphology.parses(m.group("verb").lower())[0].tag.POS == "VERB" else s


_SHARE_BASE = re.compile(r"%\s*(?:от\s+)?(?:(?:всего|всей|общего|общей)\s+)?(?:[а-яё]+\s+){1,3}?(?:област|регион)\w*",
                         re.I)
REGION_WORDS = re.compile(r"(?<![\w-])(?:област\w*|регион\w*|волгоградск\w*)", re.I)
_PARTNER_WORDS = re.compile(r"республик\w*|королевств\w*|эмират\w*|стран[аоуые]\w*|двусторонн\w*|взаимн\w*|"
                            r"с\s+ним\b|с\s+ней\b|партн[её]р\w*", re.I)
PARTNER_WORDS = _PARTNER_WORDS    # (claims.py asks whether a sentence names a partner by a common noun)
# a flow of the region as a whole: "оборот региона", "экспорт Волгоградской области" ("совокупный экспорт" alone may
# be the exports to the partner: "В Иран отгружено …, а совокупный экспорт достиг 40 млн долларов")
_REGION_TOTAL = re.compile(r"(?<![\w-])(?:товарооборот|оборот|экспорт|импорт|(?:внешн\w+\s+)?торговл)\w*\s+"
                           r"(?:всего\s+)?(?:региона|области|"
                           r"Волгоградской\s+области)(?![\w-])", re.I)
_SEMICOLON = re.compile(";")
# a list's lead of the region's own results: "Основные итоги внешнеэкономической деятельности региона за 2024 год:"
_REGION_LEAD = re.compile(r"(?<![\w-])(?:итог|показател|результат)\w*\s+(?:[а-яё-]+\s+){0,3}?(?:региона|области)"
                          r"(?![\w-])[^:;]{0,60}:", re.I)
# (and the partner a figure is compared with: "вдвое больше, чем с Турцией")
# (or the partner overtaken: "Турция опередила Египет по объёму товарооборота")
_REFERENCE = re.compile(r"(?<![\w-])(?:после|(?:вслед|следом)\s+за|опережая|опереди\w*|обогна\w*|обгоня\w*|кроме|"
                        r"за\s+исключением|чем(?:\s+(?:с|со|в|во|из|у|для|на))?)\s+$", re.I)
# (a comma may part the reference from the subject: "опережая Казахстан, Турция заняла …")
_LISTED = re.compile(r"\s+и\s+(?:в\s+|во\s+|из\s+|с\s+|со\s+)?")
_DOLLARS_OF = re.compile(r"долл\w*\.?\s+$", re.I)
_CLAUSE = re.compile(r"[,;:]\s|\s[—–]\s")
GROW = re.compile(r"выр[ао]с\w*|возрос\w*|увеличи\w*|увеличени\w*|рост\w*|прирост\w*|подрос\w*|прибави\w*|"
                  r"нарасти\w*|нарастил\w*", re.I)
FALL = re.compile(r"снизи\w*|снижени\w*|сократи\w*|сокращени\w*|уменьши\w*|упа[лв]\w*|падени\w*|просе[лв]\w*|"
                  r"просяд\w*|просад\w*|обвал\w*|рухну\w*|обрушил\w*", re.I)


# where a sentence turns to a figure of its own (its period may differ): see Sentence.segment ("Казахстан,
# занимавший в 2023 году 2-е место, по итогам 2024 года переместился на 3-ю строчку")
_SEGMENT = re.compile(r",\s+(?=(?:в|во|за|по\s+итогам|по\s+результатам)\s+"
                      r"(?:(?:[IV]+|[1-4]-?м|перв\w*|втор\w*|трет\w*|четв[её]рт\w*)(?:\s+"
                      # (the noun left out: "в I квартале …, во II — 112,6 млн")
                      r"(?:квартал|полугоди)|\s*[—–])|(?:19|20)\d\d|январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|"
                      r"октябр|ноябр|декабр|(?:позапрошл|прошл|текущ|минувш|нынешн)\w*\s*(?:год\w*|[—–]))|"
                      # (or a Roman numeral alone: "I квартал — 198 млн долларов, II — 214 млн")
                      r"(?-i:IV|I{1,3})\s*[—–])|[;()]|"
                      r",\s+(?=(?:а|но|то(?!\s+есть)|тогда\s+как|в\s+то\s+время\s+как|однако|что|причём|причем|против)\s)|"
                      r"\s(?=против\s)|\s(?=до\s+\d[^.;]{0,40}?\s(?:в|за)\s+(?:19|20)\d\d)|"
                      r",\s+(?=(?:годом\s+(?:ранее|раньше)|год\s+назад)(?:\s+(?:за|в)\s+(?:т(?:от|ом)\s+же|аналогичн\w+|"
                      r"соответствующ\w+)\s+период\w*)?\s*[—–])|,\s+(?=когда\s)|"
                      # (and after a level of the year before: "против 48 млн годом ранее, импорт — 9 млн")
                      r"(?:(?<=годом\sранее)|(?<=годом\sраньше)|(?<=год\sназад)),\s", re.I)
_WHEN_PART = re.compile(r",\s+когда\s", re.I)
_AGAINST_PART = re.compile(r"\s*против\s", re.I)
_ORDINAL_LEFT_OUT = re.compile(r"\W*(?:(?:а|но|то|тогда\s+как|в\s+то\s+время\s+как)\s+)?(?:(?:в|во|за)\s+"
                               # (or in Roman numerals or digits: "в I квартале …, во II — 112,6 млн, в III — …")
                               r"(?P<ord>[а-яё]+|(?-i:IV|I{1,3})|[1-4]-?(?:м|й))|(?P<roman>(?-i:IV|I{1,3})))\s*[—–]",
                               re.I)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
# a relative year with its noun left out after one named so: "…, а в прошлом поднялся на девятое место"
_YEAR_LEFT_OUT = re.compile(r"\W*(?:(?:а|но|тогда\s+как)\s+)?(?:в|за)\s+(?P<rel>позапрошл\w*|прошл\w*|текущ\w*|"
                            r"нынешн\w*|этом)(?!\s+(?:год|месяц|квартал|полугод|период))(?![\w-])", re.I)
_PART_NOUN = re.compile(r"(?<![\w-])(?:квартал|полугоди)\w*", re.I)
_THAN_NAMED = re.compile(r"(?<![\w-])чем\s+(?:в|во|за)\s+[^,.;:]{0,40}?(?:19|20)\d\d(?:\s*-?м|\s+(?:год\w*|г\.))?",
                         re.I)
_AGAINST_YEAR_BEFORE = re.compile(r"(?<![\w-])против\s[^.;()]{0,40}?(?:годом\s+(?:ранее|раньше)|год\s+назад)", re.I)
_THAN_YEAR_BEFORE = re.compile(r"(?:чем|(?:по\s+сравнению|в\s+сравнении)\s+с)\s+(?:годом\s+(?:ранее|раньше)|"
                               r"год\s+назад|"
                               r"(?:аналогичн|т(?:ем|от)\s+же|соответствующ)\w*\s+период\w*\s+(?:прошлого|"
                               r"предыдущего)\s+года)", re.I)
_PRESENT = re.compile(r"(?<![\w-])(?:сегодня|сейчас|ныне|в\s+настоящее\s+время|на\s+сегодняшний\s+день)(?![\w-])",
                      re.I)
_ANY_PERIOD = re.compile(r"\d{4}|прошл|минувш|текущ|нынешн|квартал|полугоди|месяц|мес\.|январ|феврал|март|апрел|"
                         r"ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|год", re.I)
# a level of the year before: "годом ранее", "год назад", "за аналогичный период прошлого года – 410 млн" (not a
# comparison with it: "больше, чем годом ранее", "по сравнению с аналогичным периодом прошлого года")
_YEAR_BEFORE = re.compile(r"(?<!чем\s)(?<!с\s)(?<!сравнению\sс\s)(?<!сравнении\sс\s)(?:годом\s+(?:ранее|раньше)|"
                          r"год\s+назад|"
                          # (or "в" and the prepositional: "В аналогичном периоде прошлого года Китай закупил …")
                          r"(?<![а-яё])(?:за\s+(?:аналогичный|тот\s+же|соответствующий)\s+период|в\s+(?:аналогичном|"
                          r"том\s+же|соответствующем)\s+периоде)\s+(?:прошлого|предыдущего|минувшего)\s+года)", re.I)
LEAD_YEAR_BEFORE = re.compile(r"\s*(?:для\s+сравнения\s*[:,—–]?\s*)?(?:годом\s+(?:ранее|раньше)|год\s+назад)(?![\w-])",
                               re.I)
_FROM_FIGURE = re.compile(r"(?<![\w-])со?\s+\d", re.I)
# the level a change started from, "с" after a verb of change with "до" and the level reached next: "вырос с 64,1
# млн долларов до 79,5 млн" (the year before's, when no period is named between them)
_CHANGED_FROM = re.compile(r"(?<![\w-])(?:увелич|вырос|выросл|возрос|сократ|снизи|снижа|уменьш|упал|подня|опусти|"
                           r"прибав|нарасти)\w*(?:\s+[а-яё]+){0,2}?\s+со?\s+$", re.I)
_UP_TO_NEXT = re.compile(r"[^;:()]{0,40}?\s+до\s+\d", re.I)
# (or the region named as the listener's: "наши поставки в ваш регион", "мы купили у вас", "закупки … у вас")
PARTNER_VOICE = re.compile(r"(?<![\w-])наш\w*\s+(?:[а-яё]+\s+)?(?:(?:экспорт|импорт|поставк)\w*\s+(?:[а-яё]+\s+)?"
                            r"(?:в|из)|(?:товарооборот|оборот|торговл)\w*\s+с)\s+(?:Волгоград|регион|област)|"
                            r"(?<![\w-])(?:(?:в|из|на)\s+ваш\w*\s+(?:регион|област|город)\w*|у\s+вас|к\s+вам)(?![\w-])",
                            re.I)
_SAME_MONTHS = re.compile(r"(?:за|в)\s+(?:тот\s+же|аналогичн\w+|соответствующ\w+)\s+период\w*", re.I)
_NAMES_YEAR = re.compile(r"(?:19|20)\d\d|прошл|текущ|этого|нынешн|предыдущ|минувш|позапрошл|начала\s+года", re.I)
_CHANGES = frozenset({*GROWTH.values(), *CHANGE.values(), "rank_change"})


# the nouns a partner's adjective names the partner with: its trade, its goods, its market or side
TRADE_NOUNS = frozenset({"продукция", "товар", "направление", "рынок", "сторона", "импортёр", "импортер",
                          "экспортёр", "экспортер", "покупатель", "поставщик", "контрагент", "груз", "партнёр",
                          "партнер", "компания", "предприятие", "бизнес", "оборудование", "техника", "сырьё", "сырье",
                          "продовольствие", "машина", "зерно", "вектор"})
_HEAD_AFTER = re.compile(r"\s+(?P<a>[а-яё-]+)(?:\s+(?P<b>[а-яё-]+))?", re.I)


def _qualifies_trade(s: str, end: int) -> bool:
    """Whether the partner adjective ending at `end` qualifies a flow or a noun of trade, maybe after another
    adjective ("турецкий импорт", "египетское направление", "иранских свежих товаров"), not a people's or a
    place's ("китайской провинции")."""
    m = _HEAD_AFTER.match(s, end)
    if not m:
        return False
    for w in (g.lower() for g in m.groups() if g):
        if FLOW.search(w) is not None or morphology.lemma(w) in TRADE_NOUNS:
            return True
        if morphology.parses(w)[0].tag.POS not in ("ADJF", "PRTF"):
            return False
    return False


_PARALLEL = re.compile(r"(?:,\s*(?:а|но|и)?|\s+(?:а|и))\s+$", re.I)
_VERB_AFTER = re.compile(r"\s+([а-яё]+)", re.I)
# (or after a comma and a preposition, a dash after it: "Товарооборот с итальянской стороной составил 27,4 млн
# долларов, с египетской — 31 млн")
_PARALLEL_PREP = re.compile(r"[,;]\s*(?:а\s+)?(?:[а-яё]+\s+){0,3}?(?:с|со|в|во|из|на|у)\s+$", re.I)
_DASH_AFTER = re.compile(r"\s*[—–(]")
_PARALLEL_WORDS = re.compile(r"[,;]\s*(?:а\s+)?(?:[а-яё]+\s+){1,4}$", re.I)


def _elliptic(s: str, adjectives: list[tuple[str, int, int]],
              qualifying: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Partner adjectives whose noun is left out, told in parallel after one that qualifies trade: "сирийское
    направление выросло в полтора раза, а ливанское сократилось на 12 %" (the same gender and number, after ", а" or
    "и", before a verb)."""
    out = []
    for m in adjectives:
        # (after a comma, a preposition or both, the figure after a dash or in a bracket: "китайское — 496,2 млн",
        # "второе место у белорусского — 77,3 млн", "на третьем месте узбекское (29,5 млн)")
        before = _PARALLEL_PREP.search(s, max(0, m[1] - 40), m[1]) is not None or \
            _PARALLEL.search(s, max(0, m[1] - 6), m[1]) is not None
        dashed = (before or _PARALLEL_WORDS.search(s, max(0, m[1] - 40), m[1]) is not None) and \
            _DASH_AFTER.match(s, m[2]) is not None
        if m in qualifying or not dashed and not before:
            continue
        first = next((q for q in qualifying if q[2] < m[1]), None)
        after = _VERB_AFTER.match(s, m[2])
        if first is None or not dashed and (after is None or morphology.parses(after.group(1).lower())[0].tag.POS
                                            not in ("VERB", "PRTS", "GRND")):
            continue
        b = morphology.parses(s[m[1]:m[2]].lower())[0].tag
        # (any reading of the first: "казахстанского" is read masculine first, "узбекское" neuter)
        if any(a.tag.number == b.number and (a.tag.gender == b.gender or a.tag.number == "plur")
               for a in morphology.parses(s[first[1]:first[2]].lower()) if a.tag.POS in ("ADJF", "PRTF")):
            out.append(m)
    return out


class Sentence:
    """One sentence with what every rule asks of it, worked out once."""

    def __init__(self, s: str, default: str | None, period: Period | None, how: str | None,
                 prev_flow: str | None = None, goods_seen: dict[str, str] | None = None, dollars: bool = False,
                 ref: dt.date | None = None):
        self.s, self.default, self.period, self.how, self.prev_flow = s, default, period, how, prev_flow
        self.unnamed_yet = False    # the text names no partner up to this sentence's end (claims.py sets it)
        self.ref = ref
        self.prev_rank: str | None = None   # the metric of the last rank the paragraph's sentence before gave
        self.topic: str | None = None       # the goods the sentence before spoke of after its flow word
        self.prev_metrics: frozenset[str] = frozenset()     # the metrics the paragraph's sentence before claimed
        self.prev_indexed = False   # the sentence before gave a growth as an index ("94,8 % к уровню 2022 года")
        # flow verbs whose subject is the partner, in the present and with no region in their clause: the partner's
        # own trade ("Египет импортирует ежегодно около 12 млн тонн пшеницы")
        self.partners_own: set[int] = set()
        self._flow_starts: list[int] | None = None
        self._core_index: list[tuple[int, int]] = []     # (core, index in out), sorted, kept up to date lazily
        self._segments: list[int] | None = None
        self._flow_matches: list[re.Match[str]] | None = None
        self.item = False   # an item of a list written a line each, read after its lead
        self.paired = False     # figures were paired in order with as many countries listed, with no "соответственно"
        self._segment_periods: dict[tuple[int, int], tuple[periods.Found | None, bool, bool]] = {}
        # goods named in full earlier in the paragraph, by the head of their name: "подсолнечного масла" makes a
        # later bare "масла" sunflower oil (money.py reads and fills it)
        self.goods_seen: dict[str, str] = {} if goods_seen is None else goods_seen
        # "долларов США" names no partner (looked for a few words back only: a long sentence stays linear)
        # a country named as the point of reference is no partner of the figures: "второй после Турции партнёр"
        found = [m for m in countries.find(s) if not _DOLLARS_OF.search(s, max(0, m[1] - 40), m[1])]
        refs = [bool(_REFERENCE.search(s, max(0, m[1] - 20), m[1])) for m in found]
        for i in range(1, len(found)):  # (and the ones listed with it: "больше, чем в Ливан и Саудовскую Аравию")
            refs[i] = refs[i] or (refs[i - 1] and _LISTED.fullmatch(s, found[i - 1][2], found[i][1]) is not None)
        self.mentions = [m for m, r in zip(found, refs, strict=True) if not r]
        self.references = [m for m, r in zip(found, refs, strict=True) if r]
        adjectives = countries.adjectives(s)
        qualifying = [m for m in adjectives if _qualifies_trade(s, m[2])]
        if qualifying and len(adjectives) > len(qualifying):
            qualifying = sorted(qualifying + _elliptic(s, adjectives, qualifying), key=lambda m: m[1])
        self._adjective_starts = frozenset(start for _, start, _ in qualifying)
        if qualifying:      # "закупки бангладешской продукции", "египетское направление": the partner named so
            self.mentions = sorted(self.mentions + qualifying, key=lambda m: m[1])
        self._mention_starts = [start for _, start, _ in self.mentions]
        own = said(s)
        # (the region a share is of is no subject: "Итого за девять месяцев — 599 млн, или 16,3 % всего оборота
        # области")
        own = _SHARE_BASE.sub(" ", own) if "%" in own else own
        # (the region as the other side in the partner's own voice is no subject: "Наш экспорт в Волгоград — 22,7 млн
        # $, импорт из региона — 73,7 млн $")
        self.region_level = bool(REGION_WORDS.search(own)) and not _PARTNER_WORDS.search(own) and \
            not PARTNER_VOICE.search(own)
        self.out: list[tuple[int, int, Claim]] = []
        self.cores: list[int] = []          # where the figure of each claim in `out` stands
        self.verbs: list[tuple[int, str]] | None = None
        self.flows: list[tuple[int, str]] | None = None
        # a sum in dollars found so far, in this sentence or the paragraph's earlier ones: "…достиг 36,9 млн
        # долларов. Это на 11,2 млн больше…"
        self.dollars = dollars
        self.last_share: str | None = None   # the metric of the last share found so far
        cuts = list(_CLAUSE.finditer(s))     # clause boundaries, found once: every rule asks for them
        self._cut_starts = [c.start() for c in cuts]
        self._cut_ends = [c.end() for c in cuts]
        self.used: dict[int, list[tuple[int, int]]] = {}   # spans kept from other rules, by 64-character bucket
        self._words: dict[re.Pattern[str], list[int]] = {}

    def _ordinal_of(self, at: int, i: int) -> str | None:
        """The partner an ordinal standing for a noun refers back to, right before the figure at `at`: "Казахстан и
        Узбекистан …: на долю первого пришлось 14,8 %, на долю второго — 2,3 %" (the first and the second of the
        partners named before, the mentions before `at` being the first `i`)."""
        found = list(_ORDINAL_REF.finditer(self.s, max(0, at - 30), at))
        m = found[-1] if found else None
        if m is None:
            return None
        nxt = _NEXT_WORD.match(self.s, m.end())
        if nxt and morphology.parses(nxt.group(1).lower())[0].tag.POS in ("NOUN", "ADJF"):
            return None     # "первого квартала": an ordinal of its own noun
        named = list(dict.fromkeys(iso for iso, _, _ in self.mentions[:i]))
        if len(named) < 2:
            return None
        w = m.group(0).lower()
        return named[0] if w.startswith("перв") else named[-1] if w.startswith("последн") else named[1]

    def partner_at(self, at: int, region_ok: bool) -> str | None:
        if region_ok and self.region_total(at):
            return None
        i = bisect.bisect_left(self._mention_starts, at)
        if i > 1:
            # a country in a gerund's aside before the figure's clause is no subject: "Узбекистан, опережая Киргизию и
            # Таджикистан вместе взятые, … стал шестым торговым партнёром" (the one before the aside)
            a = self.clause_span(self._mention_starts[i - 1])[0]
            if a and a < self.clause_span(at)[0] and self.gerund_clause(a) and self._mention_starts[0] < a:
                j = bisect.bisect_left(self._mention_starts, a)
                return self._ordinal_of(at, j) or self.mentions[j - 1][0]
        if i:
            return self._ordinal_of(at, i) or self.mentions[i - 1][0]
        if self.mentions:
            part = self.s.rfind(";", 0, at) + 1
            if region_ok and self.word_in(_SEMICOLON, at, self.mentions[0][1]) and (
                    self.word_in(_REGION_LEAD, 0, at) or (self.word_in(REGION_WORDS, part, at) and
                                                          not self.word_in(_PARTNER_WORDS, part, at))):
                # "Основные итоги … региона за 2024 год: 1) товарооборот — 3,61 млрд долларов; …; 4) доля Турции —
                # 20,4 %": a partner named in a later item of a list the region's results lead is not this one's (nor
                # after the part of a figure of the region: "Экспорт Волгоградской области … — 2,88 млрд; ТОП-3 …")
                return None
            return self.mentions[0][0]
        if region_ok and (self.region_level or self.default is None or self.unnamed_yet):
            return None
        return self.default

    def region_total(self, at: int) -> bool:
        """Whether the figure at `at` is in a clause about the region's own total that names no country: "…, а общий
        внешнеторговый оборот региона составил 4,7 млрд долларов" after a sentence that spoke of a partner."""
        a, b = self.clause_span(at)
        if a and self.gerund_clause(a) and not self.word_in(_REGION_TOTAL, a, b):
            # "оборот области составил 1 млрд 124 млн долларов, снизившись на 6,8 %": the gerund's subject is before
            a = self.clause_span(a - 2)[0]
        if not self.word_in(_REGION_TOTAL, a, b):
            return False
        if a and self.gerund_clause(a):     # "Турецкое направление, достигнув $196 млн по экспорту области, …"
            a = self.clause_span(a - 2)[0]
        i, j = bisect.bisect_left(self._mention_starts, a), bisect.bisect_left(self._mention_starts, b)
        return i == j and not self.word_in(_PARTNER_WORDS, a, b)

    def gerund_clause(self, a: int) -> bool:
        """Whether the clause starting at `a` opens with a gerund ("достигнув", "увеличившись")."""
        w = _WORD.match(self.s, a)
        return w is not None and morphology.parses(w.group(0).lower())[0].tag.POS == "GRND"

    def mentions_before(self, at: int) -> int:
        """How many of the countries named start before position `at`."""
        return bisect.bisect_left(self._mention_starts, at)

    def mention_at(self, at: int) -> str | None:
        """The country named by its name right at position `at`, if one is (its adjective is not its name: "импорт
        иранских товаров" is no trade of Iran's own)."""
        i = bisect.bisect_left(self._mention_starts, at)
        return self.mentions[i][0] if i < len(self.mentions) and self._mention_starts[i] == at \
            and at not in self._adjective_starts else None

    def named_at(self, at: int) -> str | None:
        """The country named right at `at` by its name or by an adjective standing for it ("второе место у
        белорусского — 77,3 млн")."""
        i = bisect.bisect_left(self._mention_starts, at)
        return self.mentions[i][0] if i < len(self.mentions) and self._mention_starts[i] == at else None

    def clause_span(self, at: int) -> tuple[int, int]:
        """Where the clause holding position `at` starts and ends (clauses part at ", ", "; ", ": ", " — ")."""
        i = bisect.bisect_right(self._cut_ends, at)
        start = self._cut_ends[i - 1] if i else 0
        j = bisect.bisect_left(self._cut_starts, at)
        return start, (self._cut_starts[j] if j < len(self._cut_starts) else len(self.s))

    def subject_start(self, a: int) -> int:
        """Where the subject of the clause starting at `a` may stand: before the participle or 'который' clauses
        right before it ("Выручка завода, поставляющего продукцию в Казахстан, выросла", "урожай, значительная часть
        которого пойдёт на экспорт, вырос")."""
        skipped = False
        for _ in range(4):
            j = bisect.bisect_left(self._cut_ends, a)
            if j >= len(self._cut_ends) or self._cut_ends[j] != a or not self.s.startswith(",", self._cut_starts[j]):
                return a
            prev = self._cut_ends[j - 1] if j else 0
            words = _WORD.findall(self.s[prev:self._cut_starts[j]])
            if not words or not (_WHICH.search(self.s, prev, self._cut_starts[j]) or
                                 morphology.parses(words[0].lower())[0].tag.POS == "PRTF" or
                                 (not skipped and _aside(self.s[prev:self._cut_starts[j]], words) and
                                  _verb_first(self.s, a))):
                return prev if skipped else a     # the clause before the participle or 'который' ones
            a, skipped = prev, True
        return a

    def clause(self, at: int) -> str:
        a, b = self.clause_span(at)
        return self.s[a:b]

    def flow_matches(self) -> list[re.Match[str]]:
        """The sentence's flow words (FLOW), found once."""
        if self._flow_matches is None:
            self._flow_matches = list(FLOW.finditer(self.s))
        return self._flow_matches

    def claims_between(self, a: int, b: int) -> list[Claim]:
        """The claims found so far whose figure stands in s[a:b], in text order."""
        for k in range(len(self._core_index), len(self.out)):
            bisect.insort(self._core_index, (self.cores[k], k))
        i = bisect.bisect_left(self._core_index, (a, -1))
        out = []
        while i < len(self._core_index) and self._core_index[i][0] < b:
            out.append(self.out[self._core_index[i][1]][2])
            i += 1
        return out

    def flow_before(self, at: int) -> int | None:
        """Where the last flow word starting before `at` starts (None if none)."""
        if self._flow_starts is None:
            self._flow_starts = [m.start() for m in self.flow_matches()]
        i = bisect.bisect_left(self._flow_starts, at)
        return self._flow_starts[i - 1] if i else None

    def segment(self, at: int) -> tuple[int, int]:
        """The part of the sentence a figure at `at` stands in, parted where it turns to another figure of its own:
        brackets, "; ", ", а", ", то", ", тогда как", ", что", "против" ("94,1 млн долларов против 71,5 млн годом
        ранее", "Если в 2023-м ушло 1,9 млн тонн, то в 2024-м — 660 тыс.")."""
        if self._segments is None:
            self._segments = [m.start() for m in _SEGMENT.finditer(self.s)]
        i = bisect.bisect_right(self._segments, at)
        return (self._segments[i - 1] if i else 0), (self._segments[i] if i < len(self._segments) else len(self.s))

    def period_at(self, at: int, metric: str) -> tuple[Period | None, str | None]:
        """The period of the figure at `at`: one its own part of the sentence states ("(за I квартал 2023 г. — 6,9
        млн)"), the year before the sentence's for a level "годом ранее" ("против 71,5 млн годом ранее", "(годом
        ранее — 17-е)"; a change compared with it keeps the sentence's), else the sentence's."""
        if self.period is None and self.ref is None:
            return self.period, self.how
        if self.period is not None and metric not in _CHANGES and _CHANGED_FROM.search(self.s, max(0, at - 60), at):
            up_to = _UP_TO_NEXT.match(self.s, at)
            if up_to and not _NAMES_YEAR.search(up_to.group(0)):
                return self.period.previous(), "year_before"
        a, b = self.segment(at)
        if (a, b) == (0, len(self.s)):
            if self.how == "carried" and self.period is not None and metric not in _CHANGES and \
                    LEAD_YEAR_BEFORE.match(self.s):    # "Годом ранее за тот же период закупки не превышали …"
                return self.period.previous(), "year_before"
            return self.period, self.how
        if (a, b) not in self._segment_periods:     # worked out once a part: a long one stays linear
            part = self.s[a:b]
            found = periods.stated(part, self.ref) if _ANY_PERIOD.search(part) else None
            lead = _AGAINST_PART.match(part) if found and found.how == "base" else None
            if lead:    # "против 29,6 млн долл. в I квартале 2023 г.": the level compared with names its own period
                found = periods.stated(part[lead.end():], self.ref)
            if found and self.period and found.how == "relative" and found.period.m_from == 1 and \
                    found.period.m_to == 12 and not (self.period.m_from == 1 and self.period.m_to == 12) and \
                    _SAME_MONTHS.search(part):
                # "в позапрошлом году за тот же период — всего 4,6 млн" after "По итогам пяти месяцев 2025 года": the
                # same months of the year named
                found = periods.Found(Period(found.period.year, self.period.m_from, self.period.m_to), "relative")
            if found and self.period and found.how == "relative" and not _NAMES_YEAR.search(part):
                # a part that names months but no year is of the sentence's year: "В I квартале 2024 года …, во II
                # квартале – 74 млн"
                found = periods.Found(Period(self.period.year, found.period.m_from, found.period.m_to), "stated")
            self._segment_periods[a, b] = (found if found and found.how != "base" else None,
                                           bool(_YEAR_BEFORE.search(part)), bool(_FROM_FIGURE.search(part)))
        found, year_before, from_figure = self._segment_periods[a, b]
        if found is None and self.period is not None:
            found = self._part_left_out(a, b)
        if found is None and _WHEN_PART.match(self.s, a):
            # "Это на 18 % ниже уровня 2022 года, когда поставки достигали 79 млн": the year named before "когда"
            named = periods.named(self.s[max(0, a - 60):a], self.ref)
            if named is not None:
                return named, "stated"
        if found is None and self.period is not None and metric not in _CHANGES and \
                _AGAINST_PART.match(self.s, a) and (_THAN_YEAR_BEFORE.search(self.s, 0, a) or
                                                    _AGAINST_YEAR_BEFORE.search(self.s, 0, a)):
            # (or after a level of the year before compared so: "61 млн против 48 млн годом ранее, импорт — 9 млн
            # против 11 млн")
            # "в 2,5 раза меньше, чем годом ранее, — 27,3 млн долларов против 68,2 млн": the level compared with
            return self.period.previous(), "year_before"
        than = _THAN_NAMED.search(self.s, 0, a) if found is None and self.period is not None and \
            metric not in _CHANGES and _AGAINST_PART.match(self.s, a) else None
        named = periods.named(than.group(0), self.ref) if than else None
        if named is not None and named != self.period:
            # "…вдвое меньше, чем в 2022-м: 42,6 млн долларов против 85,1 млн": the level of the period compared with
            return named, "stated"
        if found is None and self.how in ("stated", "relative") and _PRESENT.search(self.s, a, b) and \
                periods.stated(self.s[:b], self.ref) is None:
            # "Сегодня предприятия торгуют со 112 государствами, причём в прошлом году к ним добавилось ещё девять":
            # a part told in the present, before the part that states the period, is of no period
            return None, None
        if found and found.period != self.period and not (year_before and found.how == "relative") and \
                not (metric in _CHANGES and from_figure):   # "вырос на 62 % – с 40 млн в 2022 году": its base
            return found.period, found.how
        if self.period is not None and metric not in _CHANGES and year_before:
            return self.period.previous(), "year_before"
        return self.period, self.how

    def _part_left_out(self, a: int, b: int) -> periods.Found | None:
        """The quarter or half year of a part whose noun is left out after the sentence named one: "Во втором
        квартале 2024 года экспорт составил 31 млн долларов, тогда как в первом — 22 млн"."""
        rel = _YEAR_LEFT_OUT.match(self.s, a, b) if self.how == "relative" and self.period is not None and \
            self.period.m_from == 1 and self.period.m_to == 12 else None
        if rel and self.ref is not None:    # "В позапрошлом году Иран входил …, а в прошлом поднялся на девятое место"
            word = rel.group("rel").lower()
            year = self.ref.year if word.startswith(("текущ", "нынешн", "эт")) else \
                self.ref.year - (2 if word.startswith("позапрошл") else 1)
            return periods.Found(Period(year), "relative")
        m = _ORDINAL_LEFT_OUT.match(self.s, a, b)
        word = (m.group("ord") or m.group("roman")) if m else ""
        n = (_ROMAN.get(word) or morphology.ordinal(word)) if m else None
        if m is None or n is None or self.period is None:
            return None
        noun = _PART_NOUN.search(self.s, max(0, a - 160), a)
        if noun is None:
            return None
        if noun.group(0).lower().startswith("квартал") and n <= 4:
            return periods.Found(Period(self.period.year, 3 * n - 2, 3 * n), "stated")
        if noun.group(0).lower().startswith("полугоди") and n <= 2:
            return periods.Found(Period(self.period.year, 6 * n - 5, 6 * n), "stated")
        return None

    def free(self, a: int, b: int) -> bool:
        return not any(a < y and x < b for k in range(a // 64, (b - 1) // 64 + 1) for x, y in self.used.get(k, ()))

    def last_before(self, rx: re.Pattern[str], a: int, b: int) -> int | None:
        """Where the last match of `rx` starting in s[a:b] starts (the matches found once per sentence)."""
        if rx not in self._words:
            self._words[rx] = [m.start() for m in rx.finditer(self.s)]
        starts = self._words[rx]
        i = bisect.bisect_left(starts, b)
        return starts[i - 1] if i and starts[i - 1] >= a else None

    def word_in(self, rx: re.Pattern[str], a: int, b: int) -> bool:
        """Whether a match of `rx` starts in s[a:b] (the matches found once per sentence)."""
        if rx not in self._words:
            self._words[rx] = [m.start() for m in rx.finditer(self.s)]
        starts = self._words[rx]
        i = bisect.bisect_left(starts, a)
        return i < len(starts) and starts[i] < b

    def add(self, start: int, end: int, metric: str, partner: str | None, qual: str, value: float,
            core: int | None = None, claimed: float | None = None, *, kind: str | None = None,
            step: float | None = None, goods: str | None = None, unit: str = "", scale: str = "") -> None:
        """A claim quoting s[start:end]; only s[core:end] (the figure itself) is kept from other rules."""
        quote = self.s[start:end].strip(" ,—–-").rstrip(".")
        period, how = self.period_at(start if core is None else core, metric)
        c = Claim(quote, metric, partner, period, qual, clean(value), sentence=self.s,
                  claimed_value=clean(claimed if claimed is not None else value), period_how=how,
                  kind=kind, step=step, goods=goods, unit=unit, scale=scale)
        self.out.append((start, len(self.out), c))
        self.cores.append(start if core is None else core)
        self.dollars = self.dollars or c.unit == "$"
        self.last_share = metric if metric in SHARE.values() else self.last_share
        a = start if core is None else core
        for k in range(a // 64, (max(a, end - 1)) // 64 + 1):
            self.used.setdefault(k, []).append((a, end))


def verb_before(x: Sentence, at: int) -> str | None:
    """'grow' / 'fall' from the nearest such word before `at` in the sentence (else the first after)."""
    if x.verbs is None:     # found once per sentence, in text order
        x.verbs = sorted((m.start(), kind) for rx, kind in ((GROW, "grow"), (FALL, "fall")) for m in rx.finditer(x.s))
    if not x.verbs:
        return None
    i = bisect.bisect_left(x.verbs, (at, ""))
    return x.verbs[i - 1][1] if i else x.verbs[0][1]
