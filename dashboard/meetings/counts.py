"""Counts: of partner countries ("со 114 странами") and of firms, with their kind (exporters, importers, any,
foreign capital) from the noun, the words after it or the clause's verb."""
from __future__ import annotations

import re

from dashboard.meetings import countries, flows, morphology, periods
from dashboard.meetings.numerals import AHEAD, NUM, more_after, number, qual_at, qualifier
from dashboard.meetings.sentence import Sentence

_COUNT_PARTNERS = re.compile(rf"(?<![\w-]){NUM}\s+(?:[а-яё]+(?:ых|их|ми|ами)\s+){{0,2}}"
                             r"(?:стран\w*|государств\w*|партн[её]р\w*)", re.I)
_COUNT_OF = re.compile(r"(?<![\w-])(?:количеств|числ)(?:о|а)\s+(?:участник|организаци|предприяти|компани)\w*[^.;]*?,",
                       re.I)
_PLACES_AND = re.compile(r"(?<![\w-])(?:район|город|регион|област|муниципалитет)\w*\s+и\s+$", re.I)
_FIRST_TIME = re.compile(r"(?<![\w-])(?:впервые|новы[хе]|нов\w+\s+рынк)", re.I)
_REPRESENTING = re.compile(r"(?<![\w-])представител\w*\s+(?:(?:более|около|свыше|порядка)\s+)?$", re.I)
_WHERE_IN = re.compile(r"(?<![\w-])в\s+$", re.I)
_HELD_IN = re.compile(r"(?:мисси|выставк|форум|ярмарк|конференци|семинар|опыт\w*\s+работ)\w*", re.I)
# "десять крупнейших стран-партнёров" is a top group, not the count of partners
_TOP_GROUP = re.compile(r"\s(?:крупнейш|ведущ|основн|главн|перв)\w*\s", re.I)
# the count after a group of partners: "на десять крупнейших стран-партнёров из 96 пришлось 78 %"
_PARTNERS_OF = re.compile(rf"(?:стран|партн[её]р|государств)[\w-]*\s+из\s+{NUM}(?![\w-]|[.,]\d|\s*(?:%|млн|млрд|тыс|"
                          r"год|стран|партн|государств))", re.I)
_FIRMS = re.compile(rf"(?<![\w-]){NUM}(?P<more>\s+с\s+(?:небольшим|лишним|гаком))?\s+"
                    r"(?:[а-яё]+(?:ых|их|ые|ие)\s+){0,2}(?P<noun>(?:предприяти|компани|фирм|организаци)\w*"
                    r"(?:-(?:экспорт|импорт)[её]р\w*)?|экспорт[её]р\w*|импорт[её]р\w*|участник\w*\s+(?:ВЭД|внешнеэкономическ\w*)|"
                    r"хозяйствующ\w+\s+субъект\w*|поставщик\w*)", re.I)
# the kind named before a dash, the noun after the count: "Экспортёров — 398 компаний"
_KIND_LEAD = re.compile(r"(?<![\w-])(?P<k>экспорт|импорт)[её]р\w*\s*[—–]\s*"
                        r"(?:(?:более|свыше|около|порядка|почти)\s+)?$", re.I)
# suppliers counted are the region's exporters when they are the region's: "25 волгоградских поставщиков"
_OWN_SUPPLIERS = re.compile(r"волгоградск|местн|регионал|^\S+\s+поставщик\w*\s+(?:региона|области)", re.I)
# the foreign-capital noun of the patterns below: "с участием китайского капитала", "с капиталом из Турции"
_WITH_CAPITAL = r"с\s+(?:участием\s+)?(?:[а-яё]+\s+){0,2}капитал\w*"
# the firms' capital named further on, before the next figure: "ещё 23 компании, действующие в регионе, созданы с
# участием турецкого капитала"
_CAPITAL_LATER = re.compile(_WITH_CAPITAL, re.I)
_NEXT_FIGURE = re.compile(rf"\d|,\s+а\s|;|(?<![\w-]){NUM}\s", re.I)
_CAPITAL = re.compile(r"^\s*(?:[а-яё]+\s+){0,2}?с\s+(?:участием\s+)?(?:[а-яё]+\s+){0,1}капитал\w*", re.I)
# more firms after a count of them, told by their verb: "ещё 40 закупают", "164 из них экспортируют …, 71 — ввозит …"
_MORE_FIRMS = re.compile(rf"(?<![\w-])(?:(?:ещё|еще)\s+)?{NUM}\s+(?:из\s+них\s+)?(?:[—–]\s*)?"
                         r"(?P<verb>[а-яё]+)(?![\w-])", re.I)
# (firms that went out to a partner's market export to it: "на ливанский рынок вышли 6 компаний")
_EXPORTING = re.compile(r"экспортир|экспортн|экспортом|поставля|поставк|поставок|отгружа|отгрузк|отгрузи|"
                        r"(?:выш(?:ли|ел|ла|ло)|выход\w*|выйти|выйдут)\s+на\s+(?:[а-яё]+\s+){0,2}рын|"
                        r"на\s+(?:[а-яё]+\s+){0,2}рын(?:ок|ки)\s+(?:[а-яё]+\s+)?(?:выш|выход|выйд)", re.I)
_IMPORTING = re.compile(r"импортир|импортн|импортом|закуп|ввоз", re.I)
# supplies turned to imports by their adjective or by "из" and the partner, before the verbs of supplying are read as
# exports: "импортные поставки из республики осуществляли 86 организаций региона"
_SUPPLIED_FROM = re.compile(r"импортн\w*\s+(?:поставк|поставок|закуп)|(?:поставк|поставок|поставля)\w*\s+"
                            r"(?:[а-яё]+\s+)?из\s+(?!(?:нашего\s+)?(?:регион|област|Волгоград))", re.I)
_NUM_WORDS = morphology.number_words_pattern()
# the words of a qualifier before a count: "около", "не менее", "чуть больше"
_Q = (r"(?:(?:(?:не|чуть|немногим|несколько)\s+)?(?:более|свыше|около|порядка|почти|примерно|приблизительно|больше|"
      r"меньше|менее)\s+)?")
# the count after its noun: "число экспортёров достигло 128", "количество компаний-импортёров составило около 90"
_FIRMS_NUMBER = re.compile(r"(?<![\w-])(?:числ[оа]|количеств[оа])\s+(?:[а-яё]+(?:ых|их)\s+){0,2}"
                           r"(?P<noun>(?:предприяти|компани|фирм|организаци)\w*(?:-(?:экспорт|импорт)[её]р\w*)?|"
                           r"экспорт[её]р\w*|"
                           # (the region's suppliers of a market: "число волгоградских поставщиков таджикского рынка")
                           r"импорт[её]р\w*|поставщик\w*|участник\w*\s+(?:ВЭД|внешнеэкономическ\w+\s+деятельност\w*)|"
                           # (or told by the trade they did: "число участников, осуществлявших экспортные операции")
                           r"участник\w*(?=\s*,\s*(?:осуществля|вед|занима|работа)\w*))"
                           r"(?:[\w\s,.–—-]{0,90}?)\s+"
                           r"(?:достиг\w*|составил\w*|составля\w*|"
                           # (a dash for the verb, after a participle clause or a period: "число экспортёров,
                           # работающих с Ираном, — 41", "число импортёров за полугодие – 12")
                           r"[—–]|"
                           # (from a count before: "выросло со 110 до 134", "сократилось с 40 до 31")
                           r"превысил\w*|превысит|(?:увеличил|увеличен|выросл|сократил|снизил|уменьшил|упал)\w*\s+"
                           r"(?:со?\s+\d+\s+)?до)\s+"
                           # (a number next: "за январь — октябрь 2023 года достигло 57" is read past the dash)
                           rf"(?={_Q}(?:\d|{_NUM_WORDS}))", re.I)
# the count before a dash and the noun it counts, as a digest writes it: "34 — число волгоградских компаний,
# поставляющих продукцию узбекским покупателям;" (the kind from the words after the noun, to the clause's end)
# (or the noun alone: "286 — компаний-экспортёров за этот период", "1 158 — участников ВЭД")
_NUMBER_OF_FIRMS = re.compile(rf"(?:^|(?<=[\n:;.•]))\s*(?:(?:более|свыше|около|порядка|почти)\s+)?{NUM}\s*[—–]\s*"
                              r"(?:(?:числ[оа]|количеств[оа])\s+)?(?:[а-яё]+(?:ых|их)\s+){0,2}"
                              r"(?P<noun>(?:предприяти|компани|фирм|организаци)\w*(?:-(?:экспорт|импорт)[её]р\w*)?|"
                              r"экспорт[её]р\w*|импорт[её]р\w*|участник\w*\s+(?:ВЭД|внешнеэкономическ\w+))"
                              r"(?P<rest>[^;.\n]{0,120})", re.I)
# the count of partners before a dash and its noun, as a digest writes it: "94 — число стран-партнёров", "103 —
# страны-партнёра", "96 — государств, с которыми торгует область" (not "19 — столько стран-новичков")
_NUMBER_OF_PARTNERS = re.compile(rf"(?:^|(?<=[\n:;.•]))\s*(?:(?:более|свыше|около|порядка|почти)\s+)?{NUM}\s*[—–]\s*"
                                 r"(?:(?:числ[оа]|количеств[оа])\s+)?(?:(?:стран|государств)\w*(?:[\s-]*[—–]?\s*"
                                 r"(?:торгов\w+\s+)?партн[её]р\w*)?(?![\w-])|(?:торгов\w+\s+)?партн[её]р\w*)", re.I)
# the count of partners told from the one before to the one now: "число стран-партнёров сократилось со 98 до 94",
# "…выросло со 103 в 2023 году до 108 в 2024 году"
_PARTNERS_FROM_TO = re.compile(r"(?<![\w-])(?:числ[оа]|количеств[оа])\s+(?:стран|государств|партн[её]р)"
                               r"[\w\s,—–-]{0,80}?"
                               r"(?:увеличил|выросл|возросл|сократил|снизил|уменьшил)\w*\s+со?\s+(?P<a>\d{1,3})"
                               r"(?P<ya>\s+в\s+(?P<y1>\d{4})\s+г(?:оду|\.))?\s+до\s+(?P<b>\d{1,3})(?![\d,.]\d)", re.I)
# the count of partners after its noun: "число стран-партнёров — 108", "число стран-партнёров региона выросло до 118"
_PARTNERS_NUMBER = re.compile(r"(?<![\w-])(?:"
                              # a digest's item: "• страны-партнёры — 87", "число стран — торговых партнёров — 98"
                              r"стран\w*-партн[её]р\w*\s*[—–]\s*|(?:числ[оа]|количеств[оа])\s+стран\s*[—–]\s*"
                              r"(?:торгов\w+\s+)?партн[её]р\w*(?:\s+[а-яё0-9]+){0,5}?\s*(?:[—–]|достиг\w*|"
                              r"составил\w*|превысил\w*|(?:увеличил|выросл|сократил|снизил|уменьшил)\w*\s+до)\s*|"
                              r"(?:числ[оа]|количеств[оа])\s+(?:стран|государств|партн[её]р)[\w-]*"
                              # (a clause after the noun: "Количество стран, с которыми торгуем, — 96")
                              r"(?:\s+[а-яё]+){0,2}?(?:,[^,.;:]{1,60},)?\s*(?:[—–]|достиг\w*|составил\w*|составля\w*|превысил\w*|"
                              r"(?:увеличил|выросл|сократил|снизил|уменьшил)\w*\s+до)\s*)", re.I)
# a part of the firms counted before, its kind after a dash: "…154 компании, из них 89 — импортёры"
_FIRMS_PART = re.compile(rf"(?<![\w-])(?:из\s+них|в\s+том\s+числе|среди\s+них|ещё|еще)\s+"
                         rf"(?:(?:более|свыше|около|порядка|почти|менее)\s+)?{NUM}\s*[—–]\s*"
                         rf"(?P<noun>экспорт[её]р\w*|импорт[её]р\w*|{_WITH_CAPITAL})",
                         re.I)
# a digest's item: "Участников ВЭД — 1 214", "экспортёров — 612"
_FIRMS_DASH = re.compile(rf"(?:^|(?<=[.;:•]\s)|(?<=[.;:•]))\s*(?P<noun>участник\w*\s+(?:ВЭД|внешнеэкономическ\w+\s+"
                         rf"деятельност\w*)|экспорт[её]р\w*|импорт[её]р\w*)\s*[—–]\s*{NUM}(?![\w-]|[.,]\d|\s*(?:%|млн|млрд|тыс))",
                         re.I)
# the count of another partner's firms after a comma, its noun left out: "…с Египтом, … достигло 57, с Алжиром — 23"
_FIRMS_AGAIN = re.compile(r",\s+(?:а\s+)?(?:с|со|в|во|из)\s+(?P<p>(?-i:[А-ЯЁ])[\w-]+(?:\s+(?-i:[А-ЯЁ])[\w-]+)?)"
                          rf"\s*[—–]\s*{NUM}(?![\w-]|[.,]\d|\s*(?:%|млн|млрд|тыс|т\b|тонн))", re.I)
# the firms of two or more partners paired in order: "Торговлю с Казахстаном и Узбекистаном вели соответственно 298 и
# 141 волгоградская компания"
_FIRMS_LISTED = re.compile(r"(?<![\w-])соответственно\s+(?P<list>\d+(?:\s*,\s*\d+)*\s*,?\s+и\s+\d+)\s+"
                           r"(?:[а-яё]+(?:ых|их|ая|яя|ое|ее|ие|ые)\s+){0,2}(?P<noun>компани|предприяти|фирм|организаци|"
                           r"экспорт[её]р|импорт[её]р)\w*", re.I)
# firms with capital of partners named by adjectives after a count of such firms: "из них 86 — с иностранным
# капиталом, в том числе 14 с турецким и 9 с китайским"
_CAPITALS_LISTED = re.compile(rf"(?<![\w-]){NUM}\s+с\s+(?P<adj>[а-яё]+(?:им|ым))(?:\s+капиталом)?(?![\w-])", re.I)
# (or the kind first, the count after a dash: "Из них импортёров — 241", "экспортёров среди них — свыше тридцати")
_KIND_PART = re.compile(r"(?<![\w-])(?:(?:из|среди)\s+них\s+(?P<n1>экспорт[её]р\w*|импорт[её]р\w*)|"
                        r"(?P<n2>экспорт[её]р\w*|импорт[её]р\w*)\s+(?:из|среди)\s+них)\s*[—–]\s*"
                        rf"(?P<q>(?:более|свыше|около|порядка|почти|менее)\s+)?{NUM}(?![\w-]|[.,]\d)", re.I)
# the next kind of capital after "и" or a comma: "27 предприятий с участием китайского капитала и 11 — с капиталом из
# Турции"
_NEXT_CAPITAL = re.compile(rf"(?:,|\sи)\s+{NUM}\s*[—–]\s*(?P<noun>{_WITH_CAPITAL}|"
                           # (the noun left out: "и 12 — с турецким")
                           r"с\s+[а-яё]+(?:им|ым)(?![\w-]))", re.I)
# a count told by "их" after the firms' noun: "предприятия с казахстанским капиталом — а их в регионе не менее 90 —",
# "компании-импортёры: их 23"
_FIRMS_THEM = re.compile(r"(?<![\w-])(?P<noun>предприяти\w*|компани\w*|фирм\w*|организаци\w*|экспорт[её]р\w*|"
                         r"импорт[её]р\w*)(?:-(?P<kind>экспорт[её]р\w*|импорт[её]р\w*))?"
                         rf"(?P<cap>\s+{_WITH_CAPITAL})?(?:\s+[а-яё]+){{0,2}}?"
                         rf"\s*[—–:,]\s*(?:(?:а|и)\s+)?их\s+(?:[а-яё]+\s+){{0,4}}?{NUM}(?![\w-]|[.,]\d|\s*(?:%|млн|млрд|"
                         r"тыс|т\b|тонн|раз|мест|позиц|долл|\$))", re.I)
# the capital of a country as the clause's subject: "Белорусский капитал присутствует в 9 предприятиях"
_CAPITAL_OF = re.compile(r"(?P<adj>[а-яё]+)\s+капитал\w*", re.I)
# firms a delegation visited are no count of trading firms: "Гости посетили 3 предприятия"
_VISITED = re.compile(r"(?<![\w-])(?:посети\w*|посетят|посещени\w*|осмотре\w*|побывал\w*|"
                      # firms that took part in an event: "в бизнес-миссии приняли участие 18 компаний"
                      r"(?:принял\w*|примут|принима\w*)\s+участие|(?:участвова\w*|участвуют|участвует)\s+в\s+"
                      r"(?:[а-яё-]+\s+)?(?:мисси|выставк|форум|ярмарк|переговор|конференци|семинар|встреч)\w*|"
                      r"зарегистрировал(?:ись|ось|ся|ась)|вошл\w+\s+в\s+состав|"
                      # firms a support centre served: "консультационную поддержку получили 415 компаний",
                      # "услугами центра воспользовались 90 предприятий", "в центр обратились 300 фирм"
                      r"(?:поддержк|консультаци|услуг|помощ|субсиди|грант|льгот|сопровождени|сертификат)\w*\s+"
                      r"(?:[а-яё]+\s+){0,2}?(?:получил\w*|получат|получа\w*|воспользова\w*)|"
                      r"(?:получил\w*|получат|получа\w*|воспользова\w*)\s+(?:[а-яё]+\s+){0,2}?"
                      r"(?:поддержк|консультаци|услуг|помощ|субсиди|грант|льгот|сопровождени|сертификат)\w*|"
                      r"обратил(?:ись|ось)|"
                      # firms a sanction struck: "под ограничения попали 7 предприятий области"
                      r"(?:санкци|ограничени)\w*\s+(?:[а-яё]+\s+)?попал\w*|попал\w*\s+под\s+(?:санкци|ограничени)\w*)",
                      re.I)
# "из 25 стран" after people: where they came from, not the region's partners ("300 делегатов из 25 стран")
_FROM_COUNT = re.compile(r"(?<![\w-])(?P<who>[а-яё]+)\s+из\s+$", re.I)
_PEOPLE = frozenset({"делегат", "участник", "гость", "представитель", "экспонент", "человек", "студент",
                     "специалист", "эксперт", "компания", "предприятие", "фирма", "делегация", "турист"})
_NUM_AFTER = re.compile(rf"{_Q}{NUM}(?![\w-]|\s*(?:%|млн|млрд|тыс))", re.I)
# the kind of firms first, their count after a verb of counting or a dash: "Экспортёров в регионе насчитывалось не
# менее 600", "Импортёров меньше — около 450"
_KIND_COUNT = re.compile(r"(?<![\w-])(?P<noun>экспорт[её]ров|импорт[её]ров|участников\s+ВЭД)"
                         r"(?P<mid>(?:\s+[а-яё]+){0,3}?)\s*(?:[—–]|насчитыва\w*|было|стало|(?:у\s+нас\s+)?работа\w*)\s*"
                         rf"(?P<q>{_Q}){NUM}(?![\w-]|[.,]\d|\s*(?:%|млн|млрд|тыс|раз|мест|позиц|долл|\$))", re.I)


# an event the firms of a clause took part in: they are counted as its participants, not as firms trading
# (a contest's entrants and an exhibition stand's firms too: "37 заявок от 29 компаний" on a contest, "на стенде
# региона были представлены 18 предприятий")
_EVENT = re.compile(r"(?:мисси|выставк|форум|ярмарк|переговор|конференци|семинар|участи[еяю]|конкурс|стенд|"
                    r"экспозици)", re.I)
# the member firms of something: "бизнес-миссия, в составе которой 14 компаний", "в составе делегации — 12 фирм"
_MEMBERS = re.compile(r"(?<![\w-])в\s+состав[еу]\s+(?:котор\w+|делегаци\w*|мисси\w*)", re.I)
_WORD_BEFORE = re.compile(r"(?P<w>[а-яё]+)\s+$", re.I)


_RUSSIAN = re.compile(r"российск|(?<![\w-])ру[сc]ск", re.I)
_FOR_BEFORE = re.compile(r"(?<![\w-])(?:для|без)\s+(?:(?:более|свыше|около|порядка|почти)\s+)?$", re.I)


def _of_noun(s: str, at: int) -> bool:
    """Whether the count at `at` qualifies the noun right before it, a plural genitive ("участников из 40 регионов
    двух стран"): the countries of something else, not the region's partners."""
    m = _WORD_BEFORE.search(s, max(0, at - 30), at)
    if not m:
        return False
    t = morphology.parses(m.group("w").lower())[0].tag      # the likeliest reading: "с" is no noun here
    return t.POS == "NOUN" and t.case == "gent" and t.number == "plur"


_PART_LEAD = re.compile(r"(?:из\s+них|среди\s+них|в\s+том\s+числе|из\s+этого\s+числа|ещё|еще)(?![\w-])", re.I)
# a count of the firms of the other flow after a count, told by the flow noun and a dash: "Поставки во Вьетнам ведут
# 14 фирм, закупки — 22"
_FLOW_FIRMS = re.compile(rf"(?:[,;]|\s[иа])\s+(?P<flow>[а-яё]+)\s*[—–]\s*{NUM}(?![\w-]|[.,]\d|\s*(?:%|млн|млрд|тыс|"
                         r"т\b|тонн|раз|мест|позиц|долл|\$))", re.I)
_FIRMS_YEAR_BEFORE = re.compile(rf"(?:годом\s+ранее|год\s+назад|\(\s*(?:в|за)\s+(?:19|20)\d\d\s+г(?:оду|\.)?)\s*"
                                # ("годом ранее их было 31")
                                r"(?:[—–]|(?:их\s+)?(?:было|насчитывалось|работал[ои]?))\s*"
                                rf"{NUM}(?![\w-]|[.,]\d|\s*(?:%|млн|млрд|тыс|раз|мест|позиц))", re.I)


def _people_from(s: str, at: int) -> bool:
    m = _FROM_COUNT.search(s, max(0, at - 40), at)
    return bool(m and morphology.lemma(m.group("who").lower()) in _PEOPLE)


_FROM_AFTER = re.compile(r"\s+из\s+")


def _capital_partner(x: Sentence, a: int, b: int) -> str | None:
    """The country whose capital the firms have, named in the capital's words s[a:b]: "с турецким капиталом" (its
    adjective), "с капиталом из ОАЭ" (its name after "из"); None when none is named there."""
    found = countries.adjectives(x.s[a:b])
    if found:
        return found[0][0]
    after = _FROM_AFTER.match(x.s, b)
    return x.mention_at(after.end()) if after else None


def _firms_partner(x: Sentence, at: int) -> str | None:
    """The partner of the firms counted at `at`: before the text names any partner, a sentence naming none counts
    the region's ("В 2024 году экспортную деятельность осуществляли 587 участников ВЭД")."""
    return None if x.unnamed_yet and not x.mentions else x.partner_at(at, False)


def _kind_of(x: Sentence, noun: str, clause: tuple[int, int]) -> str:
    """The kind of firms a noun and the flow words of its clause tell."""
    return "exporters" if noun.startswith("экспорт") else "importers" if noun.startswith("импорт") else \
        "exporters" if x.word_in(_EXPORTING, *clause) else "importers" if x.word_in(_IMPORTING, *clause) else "any"


def _verb_later(x: Sentence, end: int, clause: tuple[int, int]) -> str:
    """The kind of firms counted by a clause with no verb of its own, told by the flow verb after it in the sentence
    up to a semicolon: "Около полусотни компаний региона, по данным центра, в прошлом году поставляли продукцию на
    иранский рынок" (exporters); "any" if there is none."""
    if any(p.tag.POS == "VERB" for w in _WORD.finditer(x.s, *clause) for p in morphology.parses(w.group(0).lower())):
        return "any"    # (any reading a verb: "вели 231 организация" is read "ели" first)
    b = x.s.find(";", end)
    b = len(x.s) if b < 0 else b
    ex, im = _EXPORTING.search(x.s, clause[1], b), _IMPORTING.search(x.s, clause[1], b)
    if ex and (im is None or ex.start() < im.start()):
        return "exporters"
    return "importers" if im else "any"


_WORD = re.compile(r"(?<![\w-])[а-яё]+(?![\w-])", re.I)


def counts(x: Sentence) -> None:
    s = x.s
    for m in _COUNT_PARTNERS.finditer(s):
        n = number(m.group("num"))
        # (two or three countries in words are those of a bilateral trade or a few named, no count of the region's
        # partners: "уступив лишь двум странам", "товарооборот двух стран"; countries where something took place
        # neither: "выставки в 19 странах", "с опытом работы в 40 странах")
        # (nor the countries people came from with districts: "из сорока районов и четырёх стран")
        with_places = _PLACES_AND.search(s, max(0, m.start() - 30), m.start()) is not None
        held_in = with_places or _WHERE_IN.search(s, max(0, m.start() - 4), m.start()) and \
            x.word_in(_HELD_IN, max(0, m.start() - 80), m.start())
        # (nor the countries a flow reached for the first time: "впервые поставлялась в 6 стран", "в 5 новых стран")
        first_time = x.word_in(_FIRST_TIME, x.clause_span(m.start())[0], m.end())
        if n and (n[0] >= 4 or m.group("num")[:1].isdigit()) and x.free(*m.span()) and not held_in and \
                not first_time and not periods.stated(m.group(0)) and not _TOP_GROUP.search(m.group(0)) and \
                not _people_from(s, m.start()) and not _of_noun(s, m.start()):
            qual, start = qual_at(s, m.start("num"))
            x.add(start, m.end(), "partners_count", None, qual, n[0])
    for m in _PARTNERS_OF.finditer(s):
        n = number(m.group("num"))
        if n and n[0] <= 250 and x.free(m.start("num"), m.end()):
            x.add(m.start(), m.end(), "partners_count", None, "exact", n[0], core=m.start("num"))
    for m in _PARTNERS_NUMBER.finditer(s):
        after = _NUM_AFTER.match(s, m.end())
        n = number(after.group("num")) if after else None
        if after and n and n[0] <= 250 and x.free(m.start(), after.end()):
            qual = "more_than" if m.group(0).lower().rstrip(" —–").startswith("превыс") else \
                qualifier(s[m.start():after.start("num")])[0]
            x.add(m.start(), after.end(), "partners_count", None, qual, n[0], core=after.start("num"))
    for m in _NUMBER_OF_PARTNERS.finditer(s) if "—" in s or "–" in s else ():
        n = number(m.group("num"))
        if n and n[0] <= 250 and x.free(m.start("num"), m.end()):
            qual, start = qual_at(s, m.start("num"))
            x.add(start, m.end(), "partners_count", None, qual, n[0], core=m.start("num"))
    for m in _PARTNERS_FROM_TO.finditer(s):
        for g in ("a", "b"):
            if x.free(m.start(g), m.end(g)) and int(m.group(g)) <= 250:
                x.add(m.start(g), m.end(g), "partners_count", None, "exact", int(m.group(g)))
    for m in _FIRMS_LISTED.finditer(s) if "соответственно" in s.lower() else ():
        values = [int(v) for v in re.findall(r"\d+", m.group("list"))]
        i = x.mentions_before(m.start())
        listed = [iso for iso, _, _ in x.mentions[max(0, i - len(values)):i]]
        if len(listed) == len(values) and x.free(*m.span()):
            kind = _kind_of(x, m.group("noun").lower(), x.clause_span(m.start()))
            for iso, v in zip(listed, values, strict=True):
                x.add(m.start(), m.end(), "firms", iso, "exact", v, core=m.start("list"), kind=kind)
    for m in _FIRMS.finditer(s):
        n = number(m.group("num"))
        if not n or not x.free(*m.span()):
            continue
        noun, clause, held = m.group("noun").lower(), x.clause_span(m.start()), None
        if x.word_in(_VISITED, clause[0], m.start()) or x.word_in(_MEMBERS, clause[0], m.start()) or \
                _REPRESENTING.search(s, max(0, m.start() - 40), m.start()):
            continue    # ("делегация — 40 человек, представители 25 узбекских компаний": a visit's, not traders)
        if morphology.parses(m.group("noun").split()[0].lower())[0].tag.case in ("datv", "ablt"):
            continue    # firms helped or worked with ("помог 120 компаниям", "с 40 турецкими компаниями"): no count
        if _FOR_BEFORE.search(s, max(0, m.start() - 12), m.start()):
            continue    # firms something was done for ("провёл для 25 компаний семинар"): no count of trading firms
        event = x.word_in(_EVENT, *clause)
        if noun.startswith("поставщик") and not _OWN_SUPPLIERS.search(s, m.start(), min(len(s), m.end() + 20)):
            continue    # "12 китайских поставщиков" are no firms of the region
        led = _KIND_LEAD.search(s, max(0, m.start() - 30), m.start())
        noun = f"{led.group('k').lower()}-{noun}" if led else noun
        kind = ("foreign_capital" if _CAPITAL.match(s[m.end():m.end() + AHEAD]) else "exporters"
                if noun.startswith(("экспорт", "поставщик")) or "-экспорт" in noun else "importers"
                if noun.startswith("импорт") or "-импорт" in noun else
                "importers" if x.word_in(_SUPPLIED_FROM, *clause) else
                "exporters" if x.word_in(_EXPORTING, *clause) else "importers" if x.word_in(_IMPORTING, *clause)
                else "any")
        if kind == "any":
            # (the kind a participle tells after the noun of the count's subject: "Количество участников ВЭД,
            # осуществлявших экспортные поставки в 2023 году, составило 612 организаций")
            subject = _COUNT_OF.search(s, max(0, m.start() - 160), m.start())
            kind = _kind_of(x, "", (subject.end(), m.start())) if subject else "any"
        if kind == "any":
            kind = _verb_later(x, m.end(), clause)
        if kind == "any":
            nxt = _NEXT_FIGURE.search(s, m.end(), m.end() + 120)
            if _CAPITAL_LATER.search(s, m.end(), nxt.start() if nxt else min(len(s), m.end() + 120)):
                kind = "foreign_capital"
        if kind == "any":
            at = x.last_before(_CAPITAL_OF, *clause)     # (found once a sentence: a clause may hold thousands)
            held = _CAPITAL_OF.match(s, at) if at is not None else None
            held = held if held and countries.adjectives(held.group("adj")) else None
            if held:
                kind = "foreign_capital"
        if event and kind == "any":
            continue    # "11 компаний региона провели более 70 переговоров", "организовал участие шести предприятий"
        qual, start = qual_at(s, m.start("num"))
        qual = "more_than" if m.group("more") and qual == "exact" else qual   # "двести с лишним компаний"
        capital = _CAPITAL.match(s[m.end():m.end() + AHEAD]) if kind == "foreign_capital" else None
        if capital and _RUSSIAN.search(capital.group(0)):
            continue    # "В Узбекистане работают 120 предприятий с российским капиталом": firms abroad, none here
        partner = _capital_partner(x, m.end(), m.end() + capital.end()) if capital else None
        if kind == "foreign_capital" and not capital and held:
            partner = countries.adjectives(held.group("adj"))[0][0]
        x.add(start, m.end(), "firms", partner or _firms_partner(x, m.start()), qual, n[0],
              kind=kind)
    for m in _FIRMS_THEM.finditer(s):
        n = number(m.group("num"))
        if not n or not x.free(m.start("num"), m.end()):
            continue
        noun = (m.group("kind") or m.group("noun")).lower()
        kind = "foreign_capital" if m.group("cap") else "exporters" if noun.startswith("экспорт") else \
            "importers" if noun.startswith("импорт") else "any"
        partner = _capital_partner(x, m.start("cap"), m.end("cap")) if m.group("cap") else None
        qual, start = qual_at(s, m.start("num"))
        x.add(start, m.end(), "firms", partner or _firms_partner(x, m.start()), qual, n[0], core=m.start("num"),
              kind=kind)
    for m in _FIRMS_NUMBER.finditer(s):
        after = _NUM_AFTER.match(s, m.end())
        n = number(after.group("num")) if after else None
        if not after or not n or not x.free(m.start(), after.end()):
            continue
        noun = m.group("noun").lower()
        ex, im = x.word_in(_EXPORTING, m.start("noun"), m.end()), x.word_in(_IMPORTING, m.start("noun"), m.end())
        # ("компаний, экспортирующих продукцию"; both flows, "экспортно-импортные операции", are any)
        kind = "exporters" if noun.startswith(("экспорт", "поставщик")) or "-экспорт" in noun else "importers" \
            if noun.startswith("импорт") or "-импорт" in noun else "any" if ex and im else "exporters" if ex else \
            "importers" if im else "any"
        qual = "more_than" if m.group(0).lower().rstrip().endswith(("превысил", "превысило", "превысит")) or \
            more_after(s, after.end()) > after.end() else qualifier(s[m.start():after.start("num")])[0]
        # "число компаний с китайским капиталом выросло до 38": firms with a partner's capital
        capital = _CAPITAL.match(s[m.end("noun"):m.end("noun") + AHEAD])
        partner = _capital_partner(x, m.end("noun"), m.end("noun") + capital.end()) if capital else None
        x.add(m.start(), after.end(), "firms", partner or _firms_partner(x, m.start()), qual, n[0],
              kind="foreign_capital" if capital else kind)
    for m in _NUMBER_OF_FIRMS.finditer(s):
        n = number(m.group("num"))
        if not n or not x.free(m.start("num"), m.end("noun")):
            continue
        noun = m.group("noun").lower()
        kind = "exporters" if "экспорт" in noun else "importers" if "импорт" in noun else \
            "exporters" if x.word_in(_EXPORTING, m.start("rest"), m.end()) else "importers" if \
            x.word_in(_IMPORTING, m.start("rest"), m.end()) else "any"
        capital = _CAPITAL.match(m.group("rest"))
        partner = _capital_partner(x, m.start("rest"), m.start("rest") + capital.end()) if capital else None
        qual, start = qual_at(s, m.start("num"))
        x.add(start, m.end("noun"), "firms", partner or _firms_partner(x, m.start("num")), qual, n[0],
              core=m.start("num"), kind="foreign_capital" if capital else kind)
    capital_counted = any(c.kind == "foreign_capital" for _, _, c in x.out)
    for m in [*_FIRMS_PART.finditer(s), *(_NEXT_CAPITAL.finditer(s) if capital_counted else ())]:
        n = number(m.group("num"))
        if n and x.free(m.start("num"), m.end()):
            noun = m.group("noun").lower()
            kind = "exporters" if noun.startswith("экспорт") else "importers" if noun.startswith("импорт") \
                else "foreign_capital"
            qual, start = qual_at(s, m.start("num"))
            partner = _capital_partner(x, m.start("noun"), m.end()) if kind == "foreign_capital" else None
            x.add(min(start, m.start()), m.end(), "firms", partner or _firms_partner(x, m.start()), qual, n[0],
                  kind=kind)
    for m in _FIRMS_DASH.finditer(s) if "—" in s or "–" in s else ():
        n = number(m.group("num"))
        if n and x.free(m.start("noun"), m.end()):
            kind = _kind_of(x, m.group("noun").lower(), (0, 0))
            # (the region's own, unless the sentence names a partner: "Участников ВЭД — 1 214")
            x.add(m.start("noun"), m.end(), "firms", x.partner_at(m.start("num"), False) if x.mentions else None,
                  "exact", n[0], core=m.start("num"), kind=kind)
    for m in _KIND_COUNT.finditer(s):
        n = number(m.group("num"))
        if n and x.free(m.start(), m.end()) and not x.word_in(_VISITED, m.start(), m.end()):
            qual = qualifier(m.group("q"))[0] if m.group("q") else \
                "more_than" if more_after(s, m.end()) > m.end() else "exact"    # ("четыреста с лишним")
            x.add(m.start(), m.end(), "firms", _firms_partner(x, m.start()), qual, n[0],
                  core=m.start("num"), kind=_kind_of(x, m.group("noun").lower(), (0, 0)))
    firms = [c for _, _, c in x.out if c.metric == "firms"]
    for m in _FIRMS_AGAIN.finditer(s) if firms else ():
        n, p = number(m.group("num")), x.mention_at(m.start("p"))
        before = [c for i, (_, _, c) in enumerate(x.out) if c.metric == "firms" and x.cores[i] < m.start()]
        if n and p and before and x.free(m.start("p"), m.end()):
            x.add(m.start("p"), m.end(), "firms", p, "exact", n[0], core=m.start("num"), kind=before[-1].kind)
    with_capital = any(c.metric == "firms" and c.kind == "foreign_capital" for _, _, c in x.out)
    for m in _CAPITALS_LISTED.finditer(s) if with_capital else ():
        n, by = number(m.group("num")), countries.adjectives(m.group("adj"))
        if n and by and x.free(*m.span()):
            x.add(m.start(), m.end(), "firms", by[0][0], "exact", n[0], core=m.start("num"), kind="foreign_capital")
    firms = [c for _, _, c in x.out if c.metric == "firms"]
    for m in _KIND_PART.finditer(s) if firms or "firms" in x.prev_metrics else ():
        n = number(m.group("num"))
        if n and x.free(m.start("num"), m.end()):
            kind = "importers" if (m.group("n1") or m.group("n2")).lower().startswith("импорт") else "exporters"
            qual = qualifier(m.group("q"))[0] if m.group("q") else "exact"
            before = [c for i, (_, _, c) in enumerate(x.out) if c.metric == "firms" and x.cores[i] < m.start()]
            x.add(m.start(), m.end(), "firms", before[-1].partner if before else _firms_partner(x, m.start()),
                  qual, n[0], core=m.start("num"), kind=kind)
    firms = [c for _, _, c in x.out if c.metric == "firms"]
    for m in _FIRMS_YEAR_BEFORE.finditer(s) if firms else ():     # "17 экспортёров, годом ранее – 11"
        n = number(m.group("num"))
        if n and x.free(*m.span()):
            x.add(m.start(), m.end(), "firms", firms[-1].partner, "exact", n[0], core=m.start("num"),
                  kind=firms[-1].kind)
            c = x.out[-1][2]
            if m.group(0).lower().startswith("год") and c.period is not None and c.period == firms[-1].period:
                # (the year before the firms counted just before: "38 экспортёров, годом ранее их было 31")
                c.period, c.period_how = c.period.previous(), "year_before"
    for m in _FLOW_FIRMS.finditer(s) if firms else ():
        n = number(m.group("num"))
        named = flows.FLOW.search(m.group("flow"))
        if n and named and named.group(0) == m.group("flow") and x.free(*m.span()):
            of = flows.flow_of(named.group(0))
            if of in ("exports", "imports"):
                kind = "importers" if of == "imports" else "exporters"
                x.add(m.start("flow"), m.end(), "firms", firms[-1].partner, "exact", n[0], core=m.start("num"),
                      kind=kind)
    # "… 400 предприятий. Из них 260 экспортировали продукцию, 90 – импортировали"
    if any(c.metric == "firms" for _, _, c in x.out) or ("firms" in x.prev_metrics and _PART_LEAD.match(s)):
        for m in _MORE_FIRMS.finditer(s):
            n = number(m.group("num"))
            flow = flows.flow_of(m.group("verb")) if flows.active(m.group("verb")) else None
            if n and flow in ("exports", "imports") and x.free(*m.span()):
                kind = "importers" if flow == "imports" else "exporters"
                x.add(m.start(), m.end(), "firms", _firms_partner(x, m.start()), "exact", n[0], kind=kind)
