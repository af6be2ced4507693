"""Ranks of a partner: places and ordinals in any case, superlatives, top groups and a rank's movement."""
from __future__ import annotations

import bisect
import re

from dashboard.meetings import countries, morphology
from dashboard.meetings.numerals import AHEAD, NUM, number
from dashboard.meetings.sentence import FLOW, RANK, Sentence, flow_metric, flow_of

# an ordinal: "4-е", "14 место", "седьмым", "двадцать третьем" (the cardinal before it is checked by ordinal())
_ORD = rf"(?P<ord>\d{{1,3}}-?(?:е|ое|й|ой|ий|ый|м|ом|му|ому|го|ого|ю|ую|я|ая)|\d{{1,3}}(?=\s+мест(?:о|е|ом)\b)|" \
    rf"(?:(?:{morphology.ordinal_prefix_pattern()})\s+){{0,2}}[а-яё]+)"
_PLACE = r"(?:мест[оаеу]?|местом|позици\w*|строчк\w*|строк(?:а|е|у|ой|и))"
_BY_FLOW = r"(?:\s*[—–-]?\s*по\s+(?:объ[её]м\w*\s+|величин\w*\s+)?(?P<flow>экспорт\w*|импорт\w*|товарооборот\w*|" \
           r"внешнеторгов\w+\s+оборот\w*|оборот\w*|поставк\w*))?"
_RANK_PLACE = re.compile(rf"(?<![\w-]){_ORD}\s+{_PLACE}(?![\w-]){_BY_FLOW}", re.I)
_RANK_DASH = re.compile(rf"(?<![\w-]){_ORD}\s*[—–]\s*по\s+(?:объ[её]м\w*\s+)?(?P<flow>экспорт\w*|импорт\w*)", re.I)
_RANK_NOUN = re.compile(     # "второй после Китая торговый партнёр"
    # (the measure left out: "Казахстан у нас третий по обороту партнёр")
    rf"(?<![\w-]){_ORD}\s+(?:после\s+[А-ЯЁ][\w-]*\s+)?(?:по\s+(?:(?:объ[её]м\w*|величин\w*|значимост\w*|размер\w*)\s+"
    r"(?:внешнеторгового\s+)?)?"
    r"(?:(?P<flow>товарооборот\w*|оборот\w*|торговл\w*|экспорт\w*|импорт\w*|поставок)\s+)?)?"
    r"(?:(?:крупнейш|(?:внешне)?торгов|экономическ|внешнеэкономическ)\w*\s+)*(?:(?P<adjflow>экспортн|импортн)\w*\s+)?"
    r"(?:партн[её]р\w*|(?P<market>рын(?:ок|ком|ка|ке)\s+сбыт)а|рын(?:ок|ком|ка|ке)|"
    r"(?P<who>покупател|получател|потребител|поставщик)\w*)(?![\w-])"
    # the flow after the noun: "третий по величине партнёр по экспорту"
    r"(?:\s+по\s+(?:объ[её]м\w*\s+)?(?P<flow2>экспорт\w*|импорт\w*))?", re.I)
# a country as the noun: "шестой по объёму оборота страной-партнёром", "вторым государством по объёму торговли",
# "третья страна — покупатель" (a by-phrase or a partner word is needed: "первой страной, подписавшей…" is none)
_BY = r"по\s+(?:объ[её]м\w*|величин\w*|значимост\w*|размер\w*)\s+(?:внешнеторгового\s+|взаимного\s+)?"
_RANK_COUNTRY = re.compile(
    rf"(?<![\w-]){_ORD}\s+(?P<by>{_BY}(?:(?P<flow>товарооборот\w*|оборот\w*|торговл\w*|экспорт\w*|импорт\w*|"
    r"поставок)\s+)?)?(?:(?:крупнейш|(?:внешне)?торгов|экономическ)\w*\s+)*(?:стран|государств)\w*"
    r"(?P<hy>\s*[—–-]\s*(?:партн[её]р|(?P<who>покупател|поставщик))\w*)?(?![\w-])"
    rf"(?P<after>\s+{_BY}(?P<flow2>товарооборот\w*|оборот\w*|торговл\w*|экспорт\w*|импорт\w*|поставок))?", re.I)
# "Беларусь стала шестой среди торговых партнёров", "седьмой в рейтинге 99 стран": the ordinal alone
# (or among buyers or suppliers: "оказался вторым среди поставщиков региона")
_RANK_AMONG = re.compile(rf"(?<![\w-]){_ORD}(?=\s+(?:среди|в\s+рейтинге|в\s+списке|в\s+числе)\s+"
                         r"(?:[а-яё]+\s+){0,2}?(?:\d+\s+)?(?:стран|партн[её]р|государств|"
                         r"(?P<who>покупател|получател|потребител|поставщик)))", re.I)
# a rank by a flow told by the ordinal alone: "страна стала восьмой по объёму экспорта"
# (or by the partner's purchases of the region's goods: "стал вторым по объёму закупок волгоградской продукции")
_RANK_BY = re.compile(rf"(?<![\w-]){_ORD}\s+по\s+(?:объ[её]м\w*\s+|величин\w*\s+)?(?P<flow>экспорт\w*|импорт\w*|"
                      r"товарооборот\w*|внешнеторгов\w+\s+оборот\w*|поставк\w*|поставок|"
                      r"(?P<bought>закупк\w*|закупок)\s+(?:[а-яё]+\s+)?(?:волгоградск|нашей|наших|региональн)\w*)(?![\w-])",
                      re.I)
# the flow a rank is by, named after the group it is among: "третью позицию в рейтинге партнёров области по импорту",
# "седьмым крупнейшим партнёром региона по экспорту"
_FLOW_AFTER = re.compile(r"\s+(?:(?:в\s+рейтинге|среди|в\s+числе|в\s+списке)\s+)?(?:(?:партн[её]р\w*|стран[\w-]*|"
                         r"област\w*|регион\w*|[а-яё]+(?:их|ых))\s+){0,3}?по\s+(?:объ[её]м\w*\s+)?"
                         r"(?P<flow>экспорт\w*|импорт\w*)(?![\w-])", re.I)
# the flow before the rank: "По объёмам импорта Германия заняла четвёртую строчку"
# (or of the structure the rank is a place in: "В структуре импорта вьетнамская продукция заняла одиннадцатую строчку")
# (or the directions of a flow the rank is among: "Среди направлений экспорта региона Саудовская Аравия замкнула …")
# (or the flow in the prepositional: "занимает в импорте региона лишь шестое место")
_FLOW_BEFORE = re.compile(r"(?<![\w-])(?:(?:по|в\s+структуре|(?:среди|в\s+числе)\s+(?:[а-яё]+\s+)?направлени\w*)\s+"
                          r"(?:объ[её]м\w*\s+|величин\w*\s+)?|во?\s+(?=(?:экспорте|импорте)(?![\w-])))"
                          r"(?P<flow>экспорт\w*|импорт\w*|поставк\w*)", re.I)
# the group a rank is among, named before it in its clause: "Среди поставщиков на волгоградский рынок Вьетнам …
# расположился на двенадцатой позиции"
_WHO_BEFORE = re.compile(r"(?<![\w-])(?:среди|в\s+числе|в\s+рейтинге)\s+(?:(?:крупнейш|основн|ведущ)\w*\s+)?"
                         r"(?:стран\w*\s*[—–-]\s*)?(?P<who>покупател|получател|потребител|поставщик)\w*", re.I)
# "..., а по импорту — на первом": a second rank of another flow, the place noun left out
# (or the flow in the prepositional: "…третье место среди партнёров, а в импорте — второе")
_RANK_ELLIPTIC = re.compile(rf"(?<![\w-])(?:по|в)\s+(?:объ[её]м\w*\s+)?(?P<flow>экспорт\w*|импорт\w*|товарооборот\w*)"
                            rf"\s*[—–]\s*(?:на\s+)?{_ORD}(?![\w-])", re.I)
# the same among buyers or suppliers: "…четвёртую строчку в рейтинге покупателей и третью — среди поставщиков",
# "…, а среди поставщиков — на третьей позиции" (the place noun, if any, is the rules' above)
_AMONG_WHO = r"(?:среди|в\s+числе|в\s+рейтинге|в\s+списке)\s+(?:[а-яё]+\s+)?"
_RANK_ELLIPTIC_WHO = re.compile(rf"(?<![\w-])(?:и|а)\s+(?:на\s+)?{_ORD}\s*[—–]\s*(?={_AMONG_WHO}"
                                r"(?:покупател|получател|потребител|поставщик))", re.I)
_RANK_WHO_ELLIPTIC = re.compile(rf"(?<![\w-])(?:и|а)\s+{_AMONG_WHO}(?P<who>покупател|получател|потребител|"
                                rf"поставщик)\w*\s*[—–]\s*(?:на\s+)?{_ORD}(?![\w-])", re.I)
# "крупнейшим импортным партнёром", "крупнейший партнёр по импорту": rank 1 by that flow
_SUPERLATIVE = re.compile(r"(?<![\w-])(?:крупнейш|главн|ведущ|основн)(?:ий|им|его|ему|ем|ой|ый|ым|ого|ому|ом)\s+"
                          r"(?:(?P<adjflow>экспортн|импортн)\w+\s+)?"
                          r"(?:(?:внешне)?торгов\w+\s+|внешнеэкономическ\w+\s+)?партн[её]р(?:ом|а|у|е)?(?![\w-])"
                          r"(?:\s+(?:региона\s+|области\s+)?по\s+(?:объ[её]м\w*\s+)?(?P<flow>экспорт\w*|импорт\w*))?",
                          re.I)
# "крупнейший потребитель волгоградского экспорта" / "… поставщик товаров в регион": rank 1 by flow (the buyer of
# one named good is no rank: the data ranks partners by the whole flow)
_SUPERLATIVE_FLOW = re.compile(r"(?<![\w-])(?:крупнейш|главн|ведущ|основн)\w*\s+(?P<noun>(?:направлени|потребител|"
                               r"покупател|"
                               r"получател|импорт[её]р|рын|поставщик|экспорт[её]р)\w*)(?:\s+(?:сбыта(?![\w-])(?!\s+[а-яё]+(?:ого|ой|"
                               r"ых|их)\s+(?:экспорт|импорт|продукци|товар))|(?:сбыта\s+)?"
                               r"(?:[а-яё]+(?:ого|ой|ых|их)\s+)?(?:экспорт\w*|импорт\w*|продукци\w*|товар\w*)(?![\w-]))"
                               # or a predicate before its verb and the partner: "ведущим поставщиком выступил Китай"
                               r"|(?=\s+[а-яё]+\s+(?-i:[А-ЯЁ])))",
                               re.I)     # ("главным рынком сбыта для волгоградских производителей")
# the first market of the region's exporters or importers: "Турецкий рынок остаётся основным для волгоградских
# экспортёров", "главное направление для наших импортёров — Китай"
_MAIN_FOR = re.compile(r"(?<![\w-])(?:основн|главн|крупнейш|ведущ)\w*\s+(?:(?:рын\w*|направлени\w*)\s+)?для\s+"
                       r"(?:[а-яё]+(?:их|ых)\s+){0,2}(?P<who>экспорт[её]р|импорт[её]р|производител)\w*", re.I)
_VERB_THEN = re.compile(r"\s+[а-яё]+\s+")
_LAST_WORD = re.compile(r"(?<![\w-])([а-яё]+)\s*$", re.I)


def _once_in(s: str, at: int) -> bool:
    """Whether a top group at `at` is told by an imperfective past participle, a place held once and no longer
    ("Польша, некогда входившая в пятёрку, сегодня …"); "вошедшая в пятёрку" holds it still."""
    w = _LAST_WORD.search(s, max(0, at - 30), at)
    if w is None:
        return False
    tag = morphology.parses(w.group(1).lower())[0].tag
    return tag.POS == "PRTF" and tag.tense == "past" and tag.aspect == "impf"
# first place said in other words: "возглавила список внешнеторговых партнёров", "лидирует среди покупателей",
# "стал лидером по объёму импорта", "больше, чем в любой другой стране" (rank 1 of the flow named)
_LEADS = re.compile(r"(?<![\w-])(?:возглави\w*|возглавля\w*|лидир\w*|лидер(?:ом|ами|ы|а)?|лидерств\w*|"
                    r"первенств\w*)\s+(?:[а-яё]+\s+){0,1}?"
                    r"(?:(?:по\s+(?:объ[её]м\w*\s+)?(?P<flow>экспорт\w*|импорт\w*|товарооборот\w*|поставк\w*|"
                    r"поставок))|(?:(?:среди|список|списк[аеу]|рейтинг\w*|перечень|перечн\w*|в\s+числе)\s+)"
                    r"(?:[а-яё]+(?:их|ых)\s+){0,2}(?:стран\w*\s*[—–-]\s*)?(?:партн[её]р|стран|государств|"
                    r"(?P<who>покупател|получател|потребител|поставщик))\w*)(?![\w-])", re.I)
# "по импорту КНР с большим отрывом лидирует": leading, the flow named before it in its clause
_LEADERS = re.compile(r"лидер(?:ами|ы)\b", re.I)
# (or the noun alone as a predicate: "по импорту республика и вовсе лидер", "по экспорту лидером остаётся Турция")
_DASH_BEFORE = re.compile(r"[—–]\s*$")
_MARKET_AFTER = re.compile(r"\s+(?:[а-яё-]+\s+)?рын(?:ок|ком|ка)(?![\w-])", re.I)
_DENIED = re.compile(r"(?<![\w-])не\s+$|\s+не(?![\w-])", re.I)
_LEADS_BARE = re.compile(r"(?<![\w-])(?:лидир\w*|возглавля\w*|лидер(?:ом)?)(?![\w-])", re.I)
_ANY_OTHER = re.compile(r"(?<![\w-])(?:больше|выше|крупнее)\s*,?\s+чем\s+(?:в|у|из|с|со|на)?\s*"
                        r"(?:люб\w+|как\w+-либо)\s+(?:друг\w+\s+)?(?:стран|государств|партн[её]р)\w*", re.I)
# first among the partners of a part of the world is no rank among all partners: "лидер среди партнёров региона в
# Южной Азии", "крупнейший партнёр на Ближнем Востоке"
_IN_AREA = re.compile(r"\s*(?:(?:региона|области)\s+)?(?:в|на)\s+(?!Волгоград)(?-i:[А-ЯЁ])", re.I)
# a rank "by this measure" is by the flow of the figure before it: "пришлось 18,4 % экспорта; по этому показателю
# страна удерживает вторую позицию"
_BY_THIS = re.compile(r"(?<![\w-])по\s+(?:этому|данному|тому\s+же|этому\s+же)\s+(?:показател|параметр|критери)\w*",
                      re.I)
_ONE_OF = re.compile(r"(?:одн\w+\s+из|в\s+числе|среди|в\s+(?:(?:перв|верхн)\w+\s+)?(?:[а-яё]+к[уе]|топ[- ]?\d+))\s*$",
                     re.I)
_OF = re.compile(rf"^[\s,]*(?:[а-яё]+\s+){{0,4}}?(?:среди|из|в\s+числе|в\s+рейтинге)\s+{NUM}"
                 r"(?:\s+(?:[а-яё]+\s+){0,2}?(?:стран\w*|партн[её]р\w*|государств\w*))?", re.I)
_SUBGROUP = re.compile(r"^[\s,]*(?:[а-яё]+\s+){0,3}?(?:среди|из)\s+"
                       # (the region's own partners are all of them: "среди наших партнёров")
                       r"(?:(?!внешне|торгов|всех|экспортн|импортн|наш|волгоградск)[а-яё]+(?:их|ых)\s+"
                       r"(?:стран|партн|государств|рынк)|(?:стран|государств)\w*\s+(?:СНГ|ЕАЭС|ЕС|БРИКС|ШОС|"
                       r"(?!Волгоград)(?-i:[А-ЯЁ][а-яё]))|(?:[а-яё]+(?:их|ых)\s+)?(?:субъект|регион|област)\w*|"
                       # the region's place among Russia's suppliers or regions: "на четвёртое место среди
                       # российских поставщиков"
                       r"(?:[а-яё]+(?:их|ых)\s+)?российск\w+\s+[а-яё]+|"
                       # Russia's buyers or suppliers: "второе место среди покупателей российской нефти"
                       r"(?:покупател|поставщик|импорт[её]р|экспорт[её]р|потребител)\w*\s+(?:[а-яё]+\s+)?"
                       r"российск)", re.I)
# (the place noun after the first: "с шестого места на четвёртое"; "со второго на первое место")
_FROM_TO = re.compile(rf"(?<![\w-])со?\s+(?P<a>\d{{1,3}}-?[а-я]*|[а-яё]+)\s+(?:(?P<noun>{_PLACE})\s+)?на\s+"
                      rf"(?P<b>\d{{1,3}}-?[а-я]*|[а-яё]+)(?(noun)(?![\w-])|\s+{_PLACE})", re.I)
# first among the partners of a group named before: "Среди стран АСЕАН Вьетнам – крупнейший партнёр"
_GROUP_BEFORE = re.compile(r"(?<![\w-])(?:среди|из)\s+(?:стран|государств|партн[её]р)\w*\s+(?!Волгоград|России|РФ)"
                           r"(?-i:[А-ЯЁ])", re.I)
_ONE = "|".join(sorted(morphology.one_forms(), key=len, reverse=True))
_MOVE = re.compile(rf"(?P<verb>подня\w*|подним\w*|улучши\w*|переместил\w*|опусти\w*|спусти\w*|потеря\w*|"
                   rf"ухудши\w*|сместил\w*)\s+(?:[а-яё]+\s+){{0,7}}?на\s+(?:{NUM}|(?P<one>{_ONE}))\s+"
                   r"(?:позици|строч|строк|мест|пункт|ступен)\w*", re.I)
# places gained or lost told by the verb alone: "прибавив сразу шесть позиций", "потеряв две строчки"
_GAINED = re.compile(rf"(?P<verb>прибави\w*|прибавля\w*|отыгра\w*|потеря\w*|теря\w*|уступи\w*)\s+(?:сразу\s+)?"
                     rf"(?:{NUM}|(?P<one>{_ONE}))\s+(?:позици|строч|мест|пункт|ступен)\w*", re.I)
_TOP = re.compile(r"(?:входит|вош[её]л\w*|входя\w*)?\s*в\s+(?:(?:перв|верхн)\w+\s+)?"
                  r"(?:(?P<w>[а-яё]+)|топ[- ]?(?P<d>\d+))(?![\w-])", re.I)
# "замыкает десятку крупнейших партнёров": the last place of the top group, an exact rank
_CLOSES = re.compile(r"(?<![\w-])(?:замыка\w*|замкнул\w*)\s+(?:(?:перв|верхн)\w+\s+)?(?P<w>[а-яё]+)(?![\w-])", re.I)
# a top group told by the verb "составить" and the list after it: "пятёрку ведущих партнёров составили Казахстан,
# Турция, Китай, Египет и Беларусь"
# (a period may stand between: "Первую пятёрку импортёров в 2023 году образовали …")
_TOP_MADE = re.compile(r"(?<![\w-])(?:(?:перв|верхн)\w+\s+)?(?P<w>[а-яё]+)\s+(?P<rest>(?:[а-яё]+\s+){0,4}?)"
                       r"(?:(?:в|за)\s+(?:19|20)\d\d\s+(?:год[ау]?|г\.)\s+)?"
                       r"(?:составил\w*|составля\w*|образовал\w*|образу\w*|сформировал\w*)\s+", re.I)
_CLOSES_AFTER = re.compile(r"(?<![\w-])(?:замыка|замкнул)\w*\s+(?=(?-i:[А-ЯЁ]))", re.I)
_WORD = re.compile(r"(?<![\w-])[а-яё]+(?![\w-])", re.I)
_TOP_NUM = re.compile(rf"в\s+числ[оеа]\s+{NUM}\s+(?:крупнейш|ведущ|основн)\w*", re.I)
# a top group of Russian regions is no rank among partners: "входит в первую пятёрку субъектов РФ"
_REGIONS_AFTER = re.compile(r"^\s*(?:[а-яё]+(?:их|ых)\s+){0,2}(?:субъект|регион|област)\w*", re.I)
# (or by the flow's adjective: "вошла в топ-10 наших экспортных рынков")
_TOP_FLOW = re.compile(r"^\s*(?:[а-яё]+\s+){0,3}?(?:по\s+(?:объ[её]м\w*\s+)?(?P<flow>экспорт\w*|импорт\w*)|"
                       r"(?P<adj>экспортн|импортн)\w*\s+(?:рын|партн|направлени|стран|покупател|поставщик)\w*)", re.I)


# a rank among buyers is one by exports, among suppliers one by imports: "на шестой позиции среди покупателей
# волгоградской продукции", "в топ-15 стран — покупателей", "в двадцатку крупнейших покупателей"
_AMONG_BUYERS = re.compile(r"^\s*(?:[—–]\s*)?(?:(?:среди|в\s+числе|из|в\s+рейтинге|в\s+списке)\s+)?(?:всех\s+)?"
                           r"(?:(?:крупнейш|основн|ведущ)\w*\s+)?"
                           r"(?:стран\w*\s*[—–-]\s*)?(?:(?P<who>покупател|получател|потребител|поставщик|импорт[её]р|"
                           r"экспорт[её]р)\w*|"
                           # "рынков сбыта", "экспортных направлений / рынков", "направлений экспорта"
                           r"(?P<market>рын\w*\s+сбыта)|(?P<adjflow>экспортн|импортн)\w*\s+(?:направлени|рын|партн)\w*|"
                           # (or with the flow's adjectives between: "направлений волгоградского экспорта")
                           r"направлени\w*\s+(?:[а-яё]+(?:ого|его)\s+){0,2}(?P<flow>экспорт|импорт)\w*)", re.I)
# "девятый результат среди всех стран", "11-й результат в рейтинге": a result's place is a rank
_RANK_RESULT = re.compile(rf"(?<![\w-]){_ORD}\s+(?:результат|показател)\w*(?=\s+(?:среди|в\s+рейтинге|в\s+числе)\s)",
                          re.I)
# "второе по значимости направление экспорта": a direction of a flow
_RANK_DIRECTION = re.compile(rf"(?<![\w-]){_ORD}\s+(?:по\s+(?:объ[её]м\w*|величин\w*|значимост\w*|размер\w*)\s+)?"
                             r"(?:[а-яё]+(?:ое|ее)\s+)?направлени\w*\s+(?P<flow>экспорт\w*|импорт\w*|поставок)", re.I)
_ELLIPTIC = (_RANK_ELLIPTIC, _RANK_ELLIPTIC_WHO, _RANK_WHO_ELLIPTIC)
# an ordinal alone as the predicate at the end of its clause, the flow and the partner named before it in the clause:
# "по экспорту Алжир уже седьмой", "По импорту Китай — первый" (see _predicate)
_RANK_PREDICATE = re.compile(rf"(?<![\w-]){_ORD}(?=\s*(?:[.,;:»\x22)]|$))", re.I)
# the partner named after the place: "на втором месте — Китай", "второе место — у Китая"
# (or right after it: "второе место у белорусского — 77,3 млн", "на третьем месте узбекское")
_NAMED_AFTER = re.compile(r"\s*(?:[—–]\s*)?(?:у\s+)?")
# a place given up to another partner, named after it: "уступив третью позицию Египту"
_YIELDED = re.compile(r"(?<![\w-])(?:уступи|уступа|отда|переда)\w*\s+$", re.I)
_BARE_AFTER = re.compile(r"\s+")
_PAIR = re.compile(r"(?<![\w-])(?P<a>[а-яё]+|\d{1,3}-?[а-я]*)\s+и\s+(?P<b>[а-яё]+|\d{1,3}-?[а-я]*)\s+мест\w*", re.I)


# the place noun first, its ordinal after a dash: "место среди партнёров региона — пятое", "позиция в рейтинге
# покупателей — 12-я"
_PLACE_THEN = re.compile(r"(?<![\w-])(?:мест[оа]|позици[яи]|строчк[аи])(?P<mid>(?:\s+[а-яё]+){0,5}?)\s*[—–]\s*"
                         r"(?P<ord>\d{1,3}-?(?:е|я|й)|[а-яё]+(?:ое|ая|ья|ье))(?=\s*(?:[,;.)]|$))", re.I)
# the first place by a flow said by the noun alone: "Крупнейшим поставщиком остаётся Китай", "главный покупатель —
# Турция" (one of a named good, "поставщик зерна", is no rank by the whole flow)
_SUPERLATIVE_WHO = re.compile(r"(?<![\w-])(?:крупнейш|главн|ведущ)\w*\s+(?P<who>поставщик|покупател|рын(?:ок|ком|ка)\s+"
                              # (the region after the noun: "является крупнейшим поставщиком области")
                              r"сбыта)(?:ом|ем|ь|а)?(?:\s+(?:нашего\s+|Волгоградской\s+)?(?:области|региона))?"
                              r"(?=\s*(?:[,:;—–.]|$)|(?:\s+уже)?\s+(?:много|несколько|который|подряд)\s|(?:\s+(?:в|во|за|по\s+итогам)\s+(?:\d{4}|[а-яё]+)"
                              r"(?:\s+(?:года|году|г\.))?)?\s+(?:остаётся|остается|стал\w*|явля\w*|был\w*|оста\w*)\s)",
                              re.I)
_COPULA_AFTER = re.compile(r"(?:\s+(?:в|во|за|по\s+итогам)\s+(?:\d{4}|[а-яё]+)(?:\s+(?:года|году|г\.))?)?\s+"
                           r"(?:остаётся|остается|стал\w*|явля\w*|был\w*|оста\w*)\s+", re.I)
_BOUND = re.compile(r"(?<![\w-])(?:ниже|выше)\s+$", re.I)
# a place told by a copula and the ordinal alone, its noun left out: "а в 2023 году стал третьим", "оказалась
# второй" (in a sentence that speaks of places or partners)
_RANK_BECAME = re.compile(r"(?<![\w-])(?:стал[аио]?|станов\w*|оказал\w*|остал\w*|оста[её]тся|явля\w*)\s+"
                          r"(?:(?:лишь|только|уже|вновь|снова)\s+)?(?P<ord>[а-яё]+(?:ым|ой|ей|им))"
                          r"(?=\s*(?:[,.;:)»]|$))", re.I)
_PLACES_SPOKEN = re.compile(r"мест[оаеу]|позици|строчк|строк[аеиу]|рейтинг|партн[её]р|первенств|лидерств", re.I)
# the place reached told in the nominative after a move: "поднялась на четыре строчки — теперь она седьмая"
_RANK_NOW = re.compile(r"(?<![\w-])(?:теперь|сейчас|ныне)\s+(?:(?:он[аио]?|страна|республика)\s+)?(?:[—–]\s*)?"
                       r"(?P<ord>[а-яё]+(?:ый|ий|ой|ая|ое|ья|ье))(?=\s*(?:[,.;:)»—–]|$))", re.I)
# a partner named only to be yielded to: "уступаем лишь Китаю", "уступает лишь китайскому" (the first place)
_YIELDS_ONLY = re.compile(r"(?<![\w-])(?:уступи|уступа)\w*\s+(?:лишь|только)\s+", re.I)
# the next places of a digest, the place noun left out after the first: "Казахстан — 1-е место, …; Турция — 2-е, …;
# Узбекистан — пятый, …"
_NAMED_PLACE = re.compile(r"\s*[—–]\s*(?P<ord>\d{1,2}-?(?:е|й|я)|[а-яё]+(?:ый|ий|ой|ая|ое|ье|ья))"
                          r"(?=\s*(?:[,;.)(]|$))", re.I)
_PART_START = re.compile(r"(?:^|[;:]\s*|,\s+(?:(?:а|и)\s+)?)$")     # (", а Пакистан — девятое")

# the place of another period in brackets after a rank, its noun left out: "(годом ранее — 17-е)"
_ORD_BRACKET = re.compile(r"\s*\(\s*(?P<ord>[а-яё]+(?:ое|ый|ий|ой|ая|ье)|\d{1,2}-?(?:е|й|я))\s*\)", re.I)
_RANK_BRACKETED = re.compile(r"\(\s*[^()]{0,40}?[—–]\s*(?P<ord>\d{1,3}-?(?:е|й|м|ое|ой|ым|ом))\s*\)", re.I)
# the next places of a digest, an ordinal alone in brackets after a partner's figure: "Турция — 182,4 млн (первое
# место), Казахстан — 151,0 млн (второе)" (or the bracket's first item: "Китай (2-е, 10,4 %)")
_RANK_ALONE = re.compile(rf"\(\s*{_ORD}\s*(?:\)|,(?=[^()]*\)))", re.I)
# (or by a verb, or by the number sign: "Италия — № 7 (годом ранее была № 4)")
_RANK_YEAR_BEFORE = re.compile(rf"(?:годом\s+ранее|год\s+назад)\s*(?:[—–]\s*|(?:был[аио]?|занимал[аио]?)\s+)(?:на\s+)?"
                               rf"(?:№\s*(?P<n>\d{{1,3}})(?!\d)|{_ORD}(?![\w-]))", re.I)


# the next places of a list, each named after a dash: "первое место … заняла Турция (…), второе – Китай, третье –
# Казахстан"
_RANK_NEXT = re.compile(rf"[,;]\s+(?:а\s+)?{_ORD}\s*[—–]\s*(?:у\s+)?", re.I)    # ("третье — у Казахстана")
_LIST_JOIN = re.compile(r"\s*,\s*|\s+и\s+")
# an aside in brackets after a listed partner: "составили Китай (доля 21,4 %, рост на 17 %), Турция (18,2 %) и …"
_ASIDE = re.compile(r"^\s*\([^()]{0,80}\)")
# words of the whole trade: a rank in a sentence with none of them may be by the flow the sentence before ranked by
_OWN_TERMS = re.compile(r"товарооборот|оборот|торгов|партн[её]р", re.I)


# the first places in order, listed after a colon: "первая тройка партнёров региона по импорту выглядит так: Китай,
# Беларусь и Казахстан"
_FIRST_GROUP = re.compile(r"(?<![\w-])(?:перв|верхн)\w+\s+(?P<w>[а-яё]+)(?P<rest>[^:.;]{0,120}?):\s*", re.I)


_PREPOSITION_BEFORE = re.compile(r"(?<![\w-])(?:в|во|из|с|со|на|для|у|к|ко|по|от|до|между|о|об)\s+$", re.I)


def _listed_before(x: Sentence, at: int) -> list[str]:
    """The partners of one list ending with the country named last before `at` in its clause, the first after no
    preposition: the subject of "Казахстан и Узбекистан вошли в пятёрку"; [] unless two or more are joined."""
    i = x.mentions_before(at) - 1
    if x.mentions[i][1] < x.clause_span(at)[0]:
        return []
    out = [x.mentions[i][0]]
    while i and _LIST_JOIN.fullmatch(x.s, x.mentions[i - 1][2], x.mentions[i][1]):
        i -= 1
        out.append(x.mentions[i][0])
    start = x.mentions[i][1]
    if len(out) < 2 or _PREPOSITION_BEFORE.search(x.s, max(0, start - 10), start):
        return []
    return out[::-1]


def _listed_after(x: Sentence, end: int) -> list[str]:
    """The partners listed soon after position `end` ("в пятёрку ведущих партнёров вошли Турция, Китай, Египет,
    Казахстан и Беларусь"), when at least two are named together; else []."""
    i = x.mentions_before(end)
    if i >= len(x.mentions) or x.mentions[i][1] - end > 80:
        return []
    out = [x.mentions[i][0]]
    while i + 1 < len(x.mentions) and _LIST_JOIN.fullmatch(_ASIDE.sub("", x.s[x.mentions[i][2]:x.mentions[i + 1][1]])):
        i += 1
        out.append(x.mentions[i][0])
    return out if len(out) >= 2 else []


# the place of another period after a rank, told by the verb "быть" ("…, а годом ранее был пятым", "был лишь девятым")
_RANK_WAS = re.compile(rf"(?<![\w-])(?:был[аио]?|являл\w*|находил\w*|оста[её]тся|оставал\w*|остал\w*)\s+"
                       rf"(?:(?:лишь|только|всего|уже|ещё|еще)\s+)?{_ORD}"
                       r"(?![\w-])", re.I)
# the first place yielded to a partner named after it: "уступив первенство лишь Казахстану"
_YIELDS_FIRST = re.compile(r"(?<![\w-])(?:уступи|уступа|отда|переда)\w*\s+(?:перв\w+\s+мест\w*|первенств\w*|"
                           r"лидерств\w*|пальму\s+первенства|лидерски\w+\s+позици\w*)\s+"
                           # the flow it is yielded in: "уступив первенство по импорту Китаю"
                           r"(?:по\s+(?:объ[её]м\w*\s+)?(?P<flow>экспорт\w*|импорт\w*|поставк\w*)\s+)?"
                           r"(?:лишь\s+|только\s+)?", re.I)


# the next place after the partners a partner follows: "Следом за Китаем и Турцией идёт Иран" (the third)
_FOLLOWS = re.compile(r"(?<![\w-])(?:следом|вслед)\s+за\s+", re.I)
_FOLLOW_VERB = re.compile(r"\s+(?:ид[её]т|следует|расположил\w*|располага\w*|оказал\w*|находит\w*)\s+", re.I)


def _follows(x: Sentence) -> None:
    named = sorted([*x.references, *x.mentions], key=lambda r: r[1])
    for m in _FOLLOWS.finditer(x.s):
        ahead = [r for r in named if r[1] >= m.end()]
        if not ahead or ahead[0][1] != m.end():
            continue
        led = [ahead[0]]
        for r in ahead[1:]:
            if not _LIST_JOIN.fullmatch(x.s, led[-1][2], r[1]):
                break
            led.append(r)
        verb = _FOLLOW_VERB.match(x.s, led[-1][2])
        p = x.mention_at(verb.end()) if verb else None
        if verb and p and x.free(m.start(), verb.end()):
            x.add(m.start(), verb.end(), "rank", p, "exact", len(led) + 1)


def ranks(x: Sentence) -> None:
    if _FOLLOWS.search(x.s):
        _follows(x)
    _ranks(x)
    _rank_was(x)
    _place_then(x)
    _became(x)
    _digest_places(x)
    low = x.s.lower()
    if "тройк" in low or "пят" in low or "десятк" in low or "четв" in low or "топ" in low:
        _top_listed(x)
    if ")" in x.s or ". " in x.s:
        _numbered_places(x)
    _number_sign(x)
    _number_place(x)
    if "№" in x.s:
        _places_before(x)   # (after a place told by the number sign)
    _yields_only(x)
    flowed = sorted((x.cores[i], c.metric) for i, (_, _, c) in enumerate(x.out)
                    if c.metric in ("export_rank", "import_rank"))
    for i, (_, _, c) in enumerate(x.out) if flowed else ():
        # "Вторым по значимости рынком сбыта стала Турция, а замкнула пятёрку Латвия": a place told after one by a
        # flow, with no word of the whole trade between them, is by that flow
        j = bisect.bisect_left(flowed, (x.cores[i], ""))
        if c.metric == "rank" and j and not x.word_in(_OWN_TERMS, flowed[0][0], x.cores[i] + len(c.quote)):
            c.metric = flowed[j - 1][1]
    yielded = [c for _, _, c in x.out if c.metric == "rank" and _YIELDS_FIRST.match(c.quote + " ")]
    other = next((c.metric for _, _, c in x.out if c.metric in RANK.values() and c.metric != "rank"), None)
    for c in yielded if other else ():      # "вторым по объёму экспорта направлением, уступив первенство Турции"
        c.metric = other or c.metric
    placed = [c for _, _, c in x.out if c.metric in RANK.values()]
    for iso, _, end in x.mentions if placed or x.item else ():
        # an ordinal alone in a bracket after a partner, in a list of places: "— Турция (второе) — 9,7 %"
        m = _ORD_BRACKET.match(x.s, end)
        rank = morphology.ordinal(m.group("ord")) if m else None
        if m and rank and x.free(*m.span()):
            x.add(m.start(), m.end(), placed[-1].metric if placed else "rank", iso, "exact", rank,
                  core=m.start("ord"))
    for m in _RANK_NEXT.finditer(x.s) if placed else ():
        rank, p = morphology.ordinal(m.group("ord")), x.mention_at(m.end())
        if rank and p and x.free(*m.span()):
            x.add(m.start("ord"), m.end(), placed[-1].metric, p, "exact", rank)
    if x.prev_rank in ("export_rank", "import_rank") and not x.word_in(_OWN_TERMS, 0, len(x.s)):
        for _, _, c in x.out:   # "Крупнейшим импортным партнёром стал Китай. Второе и третье места заняли …"
            if c.metric == "rank":
                c.metric = x.prev_rank
    rating = _RATING_OF_FLOW.search(x.s) if "рейтинг" in x.s.lower() else None
    for i, (_, _, c) in enumerate(x.out) if rating else ():
        # "Эмираты поднялись в рейтинге экспортных направлений на 3 позиции и заняли 9-е место": by that flow
        if c.metric == "rank" and rating and rating.start() < x.cores[i]:
            c.metric = "export_rank" if (rating.group("flow") or "").lower().startswith("экспорт") or \
                (rating.group("who") or "").lower().startswith(("покупател", "получател")) else "import_rank"


# a rating of one flow's partners: "в рейтинге экспортных направлений", "в рейтинге стран — покупателей"
_RATING_OF_FLOW = re.compile(r"(?<![\w-])рейтинг\w*\s+(?:(?:стран|партн[её]р\w*)\s*[—–-]?\s*)?"
                             r"(?:(?P<flow>экспортн|импортн)\w*\s+(?:направлени|партн[её]р|рынк|стран)|"
                             r"(?P<who>покупател|получател|поставщик))", re.I)

def _place_then(x: Sentence) -> None:
    for m in _PLACE_THEN.finditer(x.s):
        rank = morphology.ordinal(m.group("ord"))
        mid = m.group("mid")
        if not rank or not x.free(m.start(), m.end()) or _SUBGROUP.match(mid):
            continue
        fl = _FLOW_BEFORE.search(mid)
        metric = RANK[flow_of(fl.group("flow"))] if fl else _buyers(x.s, m.end("mid") - len(mid))
        x.add(m.start(), m.end(), metric, x.partner_at(m.start(), False), "exact", rank, core=m.start("ord"))
    for m in _SUPERLATIVE_WHO.finditer(x.s):
        if x.free(*m.span()) and not _ONE_OF.search(x.s[max(0, m.start() - 40):m.start()]):
            verb = _COPULA_AFTER.match(x.s, m.end())
            p = x.mention_at(verb.end()) if verb else None
            x.add(m.start(), m.end(), _who(m.group("who")), p or x.partner_at(m.start(), False), "exact", 1)


def _became(x: Sentence) -> None:
    """'а в 2023 году стал третьим': a place told by a copula and the ordinal alone, in a sentence of places."""
    for m in _RANK_BECAME.finditer(x.s) if x.word_in(_PLACES_SPOKEN, 0, len(x.s)) else ():
        rank = morphology.ordinal(m.group("ord"))
        # any parse in the instrumental: "стала второй" (the dictionary's first parse of "второй" is a nominative)
        ablt = any(p.tag.POS == "ADJF" and p.tag.case == "ablt" for p in morphology.parses(m.group("ord").lower()))
        if rank and ablt and x.free(*m.span()):
            # "уступила Казахстану первенство … и стала второй": not the partner the first place was yielded to
            firsts = {c.partner for _, _, c in x.out if c.metric in RANK.values() and c.value == 1 and c.partner}
            p = _not_yielded(x, m.start(), firsts) if rank > 1 else x.partner_at(m.start(), False)
            x.add(m.start(), m.end(), "rank", p, "exact", rank, core=m.start("ord"))
    for m in _RANK_NOW.finditer(x.s) if x.word_in(_PLACES_SPOKEN, 0, len(x.s)) else ():
        rank = morphology.ordinal(m.group("ord"))
        nominative = any(p.tag.POS == "ADJF" and p.tag.case == "nomn"
                         for p in morphology.parses(m.group("ord").lower()))
        if rank and nominative and x.free(*m.span()):
            x.add(m.start(), m.end(), "rank", x.partner_at(m.start(), False), "exact", rank, core=m.start("ord"))


# a place told by the number sign after a dash or a copula, in a sentence of places or partners: "Турция — № 1 среди
# наших партнёров", "Ирак в рейтинге партнёров — № 9", "остаётся № 2 по импорту"
_RANK_NO = re.compile(r"(?:[—–]\s*|(?<![\w-])(?:стал[аио]?|явля\w*|остал\w*|оста[её]тся)\s+)"
                      # (the partner's noun between: "Казахстан — партнёр № 3")
                      r"(?:(?:партн[её]р\w*|(?P<who>покупател|поставщик)\w*|рын(?:ок|ком))\s+)?№\s*(?P<n>\d{1,3})"
                      r"(?![\d\w]|[.,]\d)", re.I)


# the flow right before the dash of a place: "Сербия — партнёр № 25, по экспорту — № 19"
_FLOW_JUST_BEFORE = re.compile(r"(?<![\w-])по\s+(?:объ[её]м\w*\s+)?(?P<flow>экспорт\w*|импорт\w*)\s*$", re.I)


# the region's traders a partner is a place for: "партнёр № 3 для волгоградских экспортёров" (by exports)
_FOR_TRADERS = re.compile(r"\s+для\s+(?:(?:[а-яё]+(?:их|ых)|наших|региональных)\s+){0,2}"
                          r"(?P<who>экспорт[её]р|импорт[её]р)\w*", re.I)


# the place told by "номер" after the partner's noun: "Турция для нас снова партнёр номер один"
_NOUN_NUMBER = re.compile(rf"(?<![\w-])(?:партн[её]р\w*|(?P<who>покупател|поставщик)\w*|рын(?:ок|ком))\s+номер\s+"
                          rf"(?P<n>\d{{1,3}}|{morphology.number_words_pattern()})(?![\w-])", re.I)


# a digest's item with the place first: "5 — место Ирана среди покупателей", "3 — позиция Китая по импорту"
_NUMBER_PLACE = re.compile(r"(?:^|(?<=[\n:;.•]))\s*(?:\d{1,2}[.)]\s+)?(?P<n>\d{1,3})\s*[—–]\s*(?:это\s+)?"
                           r"(?:мест[оа]|позици[яи]|строчк[аи])\s+(?=(?-i:[А-ЯЁ]))", re.I)


def _number_place(x: Sentence) -> None:
    for m in _NUMBER_PLACE.finditer(x.s) if "—" in x.s or "–" in x.s else ():
        rank, i = int(m.group("n")), x.mentions_before(m.end())
        if not (0 < rank <= 250) or i >= len(x.mentions) or x.mentions[i][1] != m.end() or \
                not x.free(m.start("n"), x.mentions[i][2]):
            continue
        end = x.mentions[i][2]
        fl = _FLOW_AFTER.match(x.s, end)
        metric = RANK[flow_of(fl.group("flow"))] if fl else _buyers(x.s, end)
        x.add(m.start("n"), end, metric, x.mentions[i][0], "exact", rank, core=m.start("n"))


def _number_sign(x: Sentence) -> None:
    for m in _NOUN_NUMBER.finditer(x.s) if "номер" in x.s else ():
        n = number(m.group("n"))
        if n and 0 < n[0] <= 250 and x.free(m.start("n"), m.end()):
            x.add(m.start(), m.end(), _who(m.group("who")) if m.group("who") else "rank",
                  x.partner_at(m.start(), False), "exact", n[0], core=m.start("n"))
    for m in _RANK_NO.finditer(x.s) if "№" in x.s and x.word_in(_PLACES_SPOKEN, 0, len(x.s)) else ():
        rank = int(m.group("n"))
        if rank and x.free(m.start("n"), m.end()):
            fl = _FLOW_AFTER.match(x.s, m.end()) or _FLOW_JUST_BEFORE.search(x.s, max(0, m.start() - 40), m.start())
            metric = RANK[flow_of(fl.group("flow"))] if fl else _who(m.group("who")) if m.group("who") else "rank"
            if metric == "rank" and x.word_in(_BY_THIS, max(0, x.clause_span(m.start())[0] - 40), m.start()):
                # "экспорт туда вырос в 3,1 раза … По этому показателю Индия — № 6": by the flow before
                metric = RANK[flow_metric(x, m.start())[0]]
            served = _FOR_TRADERS.match(x.s, m.end()) if metric == "rank" else None
            if served:  # "партнёр № 3 для волгоградских экспортёров": the partner the region's exporters sell to
                metric = "export_rank" if served.group("who").lower().startswith("экспорт") else "import_rank"
            x.add(m.start("n") - 1, m.end(), metric, x.partner_at(m.start(), False), "exact", rank, core=m.start("n"))


def _digest_places(x: Sentence) -> None:
    """'Казахстан — 1-е место, …; Турция — 2-е, …; Узбекистан — пятый': after a place stated in the sentence, a
    partner that opens a part and is followed by a dash and an ordinal alone has that place, by the same flow."""
    placed = [(x.cores[i], c.metric) for i, (_, _, c) in enumerate(x.out) if c.metric in RANK.values()]
    if not placed:
        _listed_places(x)
        return
    for iso, start, end in x.mentions:
        m = _NAMED_PLACE.match(x.s, end)
        if m is None or start <= placed[0][0] or not _PART_START.search(x.s, max(0, start - 5), start):
            continue
        rank = morphology.ordinal(m.group("ord"))
        if rank and x.free(m.start("ord"), m.end()):
            x.add(start, m.end(), placed[0][1], iso, "exact", rank, core=m.start("ord"))


def _verb_then_partner(x: Sentence, end: int) -> str | None:
    """The partner named right after a verb that follows a place: "…, вторую позицию занял Китай", "на третьем месте
    находится Египет" (None if there is none)."""
    then = _VERB_THEN.match(x.s, end)
    if then is None:
        return None
    p = x.mention_at(then.end())
    return p if p and morphology.parses(then.group(0).strip().lower())[0].tag.POS == "VERB" else None


def _places_before(x: Sentence) -> None:
    """The place of another period after a rank stated before, its noun left out: "(годом ранее — 17-е)", "(годом
    ранее была № 4)"."""
    placed = [c for _, _, c in x.out if c.metric in RANK.values()]
    for m in [*_RANK_BRACKETED.finditer(x.s), *_RANK_YEAR_BEFORE.finditer(x.s)] if placed else ():
        rank = morphology.ordinal(m.group("ord")) if m.group("ord") else int(m.group("n"))
        if rank and x.free(*m.span()):
            x.add(m.start(), m.end(), placed[-1].metric, placed[-1].partner, "exact", rank,
                  core=m.start("ord") if m.group("ord") else m.start("n"))


def _listed_places(x: Sentence) -> None:
    """'Среди покупателей нашей продукции Турция — первая, Китай — второй, Казахстан — третий': two partners or more,
    each followed by a dash and an ordinal alone, with no place stated before, in a sentence of places or of buyers
    or suppliers; the flow or the group is the one named before the first."""
    items = [(iso, start, m) for iso, start, end in x.mentions if (m := _NAMED_PLACE.match(x.s, end))]
    if len(items) < 2 or not (x.word_in(_PLACES_SPOKEN, 0, len(x.s)) or _WHO_BEFORE.search(x.s, 0, items[0][1])
                              or _FLOW_BEFORE.search(x.s, 0, items[0][1])):
        return
    ahead = list(_FLOW_BEFORE.finditer(x.s, 0, items[0][1]))
    who = _WHO_BEFORE.search(x.s, 0, items[0][1])
    metric = RANK[flow_of(ahead[-1].group("flow"))] if ahead else _who(who.group("who")) if who else "rank"
    for iso, start, m in items:
        rank = morphology.ordinal(m.group("ord"))
        if rank and x.free(m.start("ord"), m.end()):
            x.add(start, m.end(), metric, iso, "exact", rank, core=m.start("ord"))


# an item of a numbered list of places: "выглядит так: 1) Турция — 612,4 млн долларов; 2) Китай — 548 млн"
_NUMBERED = re.compile(r"(?:^|(?<=[:;,.])\s*|\s)(?P<n>\d{1,2})[).]\s+(?=(?-i:[А-ЯЁ]))", re.I)


def _numbered_places(x: Sentence) -> None:
    """The places of a numbered list of partners (two items or more, numbered from one on, each a partner's name
    right after its number) in a sentence of places or top groups."""
    if not x.word_in(_PLACES_SPOKEN, 0, len(x.s)) and not _TOP_GROUP.search(x.s) and \
            not (x.item and _LEAD_LEADERS.search(x.s)):
        return
    items = [(m, p) for m in _NUMBERED.finditer(x.s) if (p := x.mention_at(m.end()))]
    # (one item of a list written a line each, read after its lead: "Тройка лидеров по экспорту:\n2️⃣ Египет")
    if not (x.item and len(items) == 1) and \
            (len(items) < 2 or [int(m.group("n")) for m, _ in items] != list(range(1, len(items) + 1))):
        return
    ahead = list(_FLOW_BEFORE.finditer(x.s, 0, items[0][0].start()))
    who = _WHO_NOUN.search(x.s, 0, items[0][0].start())     # ("Первая пятёрка покупателей: 1) …")
    metric = RANK[flow_of(ahead[-1].group("flow"))] if ahead else _who(who.group("who")) if who else "rank"
    for m, p in items:
        if x.free(*m.span("n")):
            x.add(m.start("n"), m.end("n"), metric, p, "exact", int(m.group("n")))


# the leaders a list's lead names: "Главные поставщики области за первое полугодие:"
_LEAD_LEADERS = re.compile(r"(?<![\w-])(?:главн|основн|крупнейш|ведущ)\w*\s+(?:[а-яё]+\s+)?"
                           r"(?:партн[её]р|покупател|поставщик|получател|рынк)\w*", re.I)
_WHO_NOUN = re.compile(r"(?<![\w-])(?P<who>покупател|получател|потребител|поставщик)\w*", re.I)
_TOP_GROUP = re.compile(r"(?<![\w-])(?:тройк|пят[её]рк|десятк|топ|лидер)\w*", re.I)


def _yields_only(x: Sentence) -> None:
    """'это второе место по экспорту, уступаем лишь Китаю': the partner yielded to holds the first place by the
    same flow; with no place stated, the subject that yields is second ('Турецкое направление … по экспорту …
    уступает лишь китайскому')."""
    named: dict[int, str] | None = None     # where each country or its adjective starts, found once
    for m in _YIELDS_ONLY.finditer(x.s):
        if named is None:
            named = {a: iso for iso, a, _ in (*countries.adjectives(x.s), *x.references, *x.mentions)}
        to = (named[m.end()], m.end()) if m.end() in named else None
        if to is None or not x.free(*m.span()):
            continue
        placed = [c for i, (_, _, c) in enumerate(x.out) if c.metric in RANK.values() and x.cores[i] < m.start()]
        if placed:
            if placed[-1].value == 2:
                x.add(m.start(), m.end(), placed[-1].metric, to[0], "exact", 1)
            continue
        ahead = list(_FLOW_BEFORE.finditer(x.s, max(0, m.start() - 160), m.start()))
        metric = RANK[flow_of(ahead[-1].group("flow"))] if ahead else "rank"
        subject = x.partner_at(m.start(), False)
        if subject and subject != to[0]:
            x.add(m.start(), m.end(), metric, subject, "exact", 2)
            x.add(m.start(), m.end(), metric, to[0], "exact", 1)


def _rank_was(x: Sentence) -> None:
    """'…, а годом ранее был пятым', 'то для области она остаётся вторым': the place the verb gives after a rank
    stated before it in the sentence, of the same partner and metric."""
    placed = [(x.cores[i], c) for i, (_, _, c) in enumerate(x.out) if c.metric in RANK.values()]
    for m in _RANK_WAS.finditer(x.s) if placed else ():
        rank = morphology.ordinal(m.group("ord"))
        last = [c for at, c in placed if at < m.start()]
        if rank and last and x.free(*m.span()):
            x.add(m.start(), m.end(), last[-1].metric, last[-1].partner, "exact", rank, core=m.start("ord"))


def _ranks(x: Sentence) -> None:
    s = x.s
    yielded: set[str] = set()
    for m in _YIELDS_FIRST.finditer(s):
        p = x.mention_at(m.end())
        if p:
            ahead = list(_FLOW_BEFORE.finditer(s, max(x.clause_span(m.start())[0], m.start() - 160), m.start()))
            flow = m.group("flow") or (ahead[-1].group("flow") if ahead else None)
            x.add(m.start(), m.end(), RANK[flow_of(flow)] if flow else "rank", p, "exact", 1)
            yielded.add(p)
    for m in _PAIR.finditer(s):   # "Казахстан и Беларусь заняли соответственно второе и пятое места" (or after)
        ranks = [morphology.ordinal(m.group(g)) for g in ("a", "b")]
        before = [iso for iso, start, _ in x.mentions if start < m.start()]
        after = [iso for iso, start, _ in x.mentions if start >= m.end()]
        # the partners of the pair's own part of the sentence first: "…; четвёртое и пятое места — у Египта и Ирана
        # соответственно" (not the two named before the semicolon)
        lo, hi = x.segment(m.start())
        own = [iso for iso, start, _ in x.mentions if lo <= start < m.start()]
        own_after = [iso for iso, start, _ in x.mentions if m.end() <= start < hi]
        pair = before[-2:] if len(before) >= 2 and (len(own) >= 2 or len(own_after) < 2) else after[:2]
        if None in ranks or len(pair) < 2 or not ("соответственно" in s.lower() or _joined(x, m, pair)):
            continue
        for iso, rank in zip(pair, ranks, strict=True):
            x.add(m.start(), m.end(), "rank", iso, "exact", rank or 0)
    for m in _FROM_TO.finditer(s):     # "с 25-го на 19-е место", "с третьей на пятую позицию"
        a, b = morphology.ordinal(m.group("a")), morphology.ordinal(m.group("b"))
        if not a or not b:
            continue
        p = x.partner_at(m.start(), False)
        # by the flow of the group after it: "с девятого на шестое место среди покупателей" (or before it in its
        # clause: "опустилась в рейтинге поставщиков региона с 11-го на 19-е место")
        by = _top_metric(x, m, _buyers(s, m.end()))
        among = list(_WHO_BEFORE.finditer(s, max(x.clause_span(m.start())[0], m.start() - 80), m.start())) \
            if by == "rank" else []
        by = _who(among[-1].group("who")) if among else by
        x.add(m.start(), m.end(), by, p, "exact", b)
        x.add(m.start(), m.end(), "rank_change", p, "exact", a - b)
        moved = x.out[-1][2]
        if moved.period is not None:     # the place it left is that of the year before the period's
            x.add(m.start(), m.end(), by, p, "exact", a)
            x.out[-1][2].period, x.out[-1][2].period_how = moved.period.previous(), "year_before"
    for m in [*_MOVE.finditer(s), *_GAINED.finditer(s)]:
        n = (1.0, 0) if m.group("one") else number(m.group("num"))
        if n and x.free(*m.span()):
            down = m.group("verb").lower().startswith(("опуст", "спуст", "потеря", "ухудш", "теря", "уступ")) or \
                s[m.end():m.end() + 12].lstrip().lower().startswith("вниз")
            x.add(m.start(), m.end(), "rank_change", x.partner_at(m.start(), False), "exact",
                  -n[0] if down else n[0])
    for m in _CLOSES.finditer(s):
        size = morphology.top_n(m.group("w"))
        if size and x.free(*m.span()) and not _REGIONS_AFTER.match(s[m.end():m.end() + AHEAD]):
            among_buyers = _AMONG_BUYERS.match(s[m.end():m.end() + AHEAD])   # "замкнул пятёрку крупнейших импортёров …"
            end = m.end() + (among_buyers.end() if among_buyers else 0)
            space = _BARE_AFTER.match(s, end)      # "замкнул тройку Китай": the subject after the group
            p = (x.mention_at(space.end()) if space else None) or x.partner_at(m.start(), False)
            metric = _top_metric(x, m, _buyers(s, m.end()))
            verb = morphology.parses(s[m.start():m.end()].split()[0].lower())[0].tag
            several = _listed_after(x, end) if verb.number == "plur" and space and x.mention_at(space.end()) else []
            for q in several:   # "Замыкают первую десятку Армения и Сербия": two in the group's last places
                x.add(m.start(), end, metric, q, "top_n", size)
            if not several:
                x.add(m.start(), end, metric, p, "exact", size)
    for m in _CLOSES_AFTER.finditer(s):
        # "пятёрку ведущих покупателей … замкнула Индия": the group before the verb, the subject after it
        a = x.clause_span(m.start())[0]
        group = [g for g in _WORD.finditer(s, max(a, m.start() - 80), m.start()) if morphology.top_n(g.group(0))]
        p = x.mention_at(m.end())
        if group and p and x.free(group[-1].start(), m.end()) and \
                not _REGIONS_AFTER.match(s[group[-1].end():group[-1].end() + AHEAD]):
            g = group[-1]
            x.add(g.start(), m.end(), _top_metric(x, g, _buyers(s, g.end())), p, "exact",
                  morphology.top_n(g.group(0)) or 0)
    for rx in (_RANK_PLACE, _RANK_DASH, _RANK_NOUN, _RANK_COUNTRY, _RANK_AMONG, _RANK_BY, _RANK_RESULT,
               _RANK_DIRECTION, *_ELLIPTIC, _RANK_PREDICATE):
        if rx in _ELLIPTIC and not any(c.metric in RANK.values() for _, _, c in x.out):
            continue
        for m in rx.finditer(s):
            rank = morphology.ordinal(m.group("ord")) or (int(m.group("ord")) if m.group("ord").isdigit() else None)
            if rank is None or not x.free(*m.span()) or _SUBGROUP.match(s[m.end():m.end() + AHEAD]):
                continue
            told = _predicate(x, m) if rx is _RANK_PREDICATE else None
            if rx is _RANK_PREDICATE and told is None:
                continue
            ahead = [told] if told else \
                list(_FLOW_BEFORE.finditer(s, max(x.clause_span(m.start())[0], m.start() - 160), m.start())) \
                or _lead_flow(x, m.start())
            groups = m.groupdict()
            if rx is _RANK_COUNTRY and not (groups["by"] or groups["hy"] or groups["after"]):
                continue
            if _BOUND.search(s, max(0, m.start() - 12), m.start()):
                continue    # "не опускался ниже пятого места": a bound over years, no place
            if rx is _RANK_BY and morphology.parses(m.group("ord").lower())[0].tag.POS != "ADJF":
                continue
            named_flow = None if groups.get("flow") or groups.get("flow2") or groups.get("adjflow") else \
                _FLOW_AFTER.match(s, m.end())
            flow = groups.get("flow") or groups.get("flow2") or groups.get("adjflow") or \
                (named_flow.group("flow") if named_flow else None) or (ahead[-1].group("flow") if ahead else None)
            if groups.get("bought"):
                flow = "экспорт"    # the partner buys the region's goods
            whos = None if flow else list(_WHO_BEFORE.finditer(s, max(x.segment(m.start())[0], m.start() - 160),
                                                                   m.start()))
            who = groups.get("who") or groups.get("market")
            metric = RANK[flow_of(flow)] if flow else _who(who) if who else _buyers(s, m.end())
            if whos and metric == "rank" and not groups.get("who") and not groups.get("market"):
                metric = _who(whos[-1].group("who"))
            if not flow and not who and x.word_in(_BY_THIS, max(0, m.start() - 120), m.start()):
                metric = RANK[flow_metric(x, m.start())[0]]
            end, of = m.end(), _OF.match(s[m.end():m.end() + AHEAD])
            n = number(of.group("num")) if of else None
            if of and n:
                end = m.end() + of.end()
            named = _NAMED_AFTER.match(s, m.end()) or (_BARE_AFTER.match(s, m.end()) if _YIELDED.search(
                s, max(0, m.start() - 30), m.start()) else None)
            p = (x.named_at(named.end()) if named else None) or _verb_then_partner(x, m.end()) or \
                _not_yielded(x, m.start(), yielded)
            which = _which_before(x, m.start())
            if which:   # "…, опередив Тунис, который оказался на шестом месте": the rank of the country before
                p = which
                placed = [c for _, _, c in x.out if c.metric in RANK.values()]
                metric = placed[-1].metric if placed and not flow and not who and metric == "rank" else metric
            x.add(m.start(), end, metric, p, "exact", rank)
            if n:
                x.add(m.start(), end, "partners_count", None, "exact", n[0])
    _places_before(x)
    placed = [c for _, _, c in x.out if c.metric in RANK.values()]
    for m in _RANK_ALONE.finditer(s) if placed else ():
        rank = morphology.ordinal(m.group("ord"))
        i = x.mentions_before(m.start())
        if rank and i and x.mentions[i - 1][0] != placed[-1].partner and x.free(*m.span()):
            x.add(m.start(), m.end(), placed[-1].metric, x.mentions[i - 1][0], "exact", rank, core=m.start("ord"))
    for m in _LEADS.finditer(s):
        if _LEADERS.match(m.group(0)):
            continue    # "Лидерами по объёму импорта стали Китай, Германия и Турция": a group, no first place
        if x.free(*m.span()) and not _ONE_OF.search(s[max(0, m.start() - 40):m.start()]) \
                and not _SUBGROUP.match(s[m.end():m.end() + AHEAD]) and not _IN_AREA.match(s, m.end()):
            metric = RANK[flow_of(m.group("flow"))] if m.group("flow") else _who(m.group("who")) if m.group("who") \
                else _buyers(s, m.end())
            x.add(m.start(), m.end(), metric, x.partner_at(m.start(), False), "exact", 1)
    for m in _LEADS_BARE.finditer(s):
        a = x.clause_span(m.start())[0]
        if _DASH_BEFORE.search(s, max(0, a - 3), a):     # "По экспорту Турция — бесспорный лидер": the subject's part
            a = x.clause_span(max(0, a - 3))[0]
        ahead = list(_FLOW_BEFORE.finditer(s, max(a, m.start() - 80), m.start()))
        if _DENIED.search(s, max(0, m.start() - 4), m.start()) or _DENIED.match(s, m.end()):
            continue    # "лидером не стала", "не лидирует": no first place
        market = None if ahead else _MARKET_AFTER.match(s, m.end())
        if market and x.free(*m.span()):
            # "традиционно лидирует турецкий рынок": the first market of the region's exports
            i = x.mentions_before(m.end())
            p = x.mentions[i][0] if i < len(x.mentions) and x.mentions[i][1] < market.end() else \
                x.partner_at(m.start(), False)
            x.add(m.start(), market.end(), "export_rank", p, "exact", 1, core=m.start())
            continue
        # the partner right after the verb is its subject: "по импорту лидирует Китай с долей 41 %"
        subject = x.mention_at(m.end() + 1) if x.s[m.end():m.end() + 1] == " " else None
        who = None if ahead else _WHO_BEFORE.search(s, max(a, m.start() - 80), m.start())
        if (ahead or who) and x.free(*m.span()):
            # (or the group before it: "среди поставщиков КНР уверенно лидирует")
            metric = RANK[flow_of(ahead[-1].group("flow"))] if ahead else _who(who.group("who")) if who else "rank"
            lead = ahead[-1].start() if ahead else who.start() if who else m.start()
            x.add(lead, m.end(), metric, subject or x.partner_at(m.start(), False), "exact", 1, core=m.start())
        elif x.word_in(_BY_THIS, max(a, m.start() - 80), m.start()) and x.free(*m.span()):
            # "импорт из Китая вырос до 377 млн долларов, и по этому показателю Поднебесная остаётся лидером": the
            # first place by the flow in effect before
            x.add(m.start(), m.end(), RANK[flow_metric(x, m.start())[0]], x.partner_at(m.start(), False), "exact", 1)
    for m in _ANY_OTHER.finditer(s):
        if x.free(*m.span()):
            x.add(m.start(), m.end(), RANK[flow_metric(x, m.start())[0]], x.partner_at(m.start(), False), "exact", 1)
    for m in _SUPERLATIVE.finditer(s):
        if x.word_in(_GROUP_BEFORE, max(x.clause_span(m.start())[0] - 80, 0), m.start()):
            continue
        if x.free(*m.span()) and not _ONE_OF.search(s[max(0, m.start() - 40):m.start()]) \
                and not _SUBGROUP.match(s[m.end():m.end() + AHEAD]) and not _IN_AREA.match(s, m.end()):
            flow = m.group("flow") or m.group("adjflow")
            x.add(m.start(), m.end(), RANK[flow_of(flow)] if flow else "rank", x.partner_at(m.start(), False),
                  "exact", 1)
    for m in _SUPERLATIVE_FLOW.finditer(s):
        if "plur" in morphology.parses(m.group("noun"))[0].tag:
            continue    # "ведущие поставщики продукции": a group, no first place
        bare = m.end() == m.end("noun")     # "ведущим поставщиком выступил Китай": the role as a predicate
        if bare and (morphology.parses(m.group("noun").lower())[0].tag.case != "ablt" or
                     morphology.parses(s[m.end():].split(None, 1)[0].lower())[0].tag.POS != "VERB"):
            continue
        if x.free(*m.span()) and not _ONE_OF.search(s[max(0, m.start() - 40):m.start()]):
            supplier = m.group("noun").lower().startswith(("поставщик", "экспорт"))
            metric = "import_rank" if supplier else "export_rank"
            if m.group("noun").lower().startswith("направлени"):
                # a direction by the flow after it: "крупнейшим направлением экспорта оставалась Турция"
                of = FLOW.search(s, m.end("noun"), m.end())
                if of is None or flow_of(of.group(0)) == "turnover":
                    continue
                metric = RANK[flow_of(of.group(0))]
            then = _VERB_THEN.match(s, m.end()) if bare else None
            partner = (x.mention_at(then.end()) if then else None) or x.partner_at(m.start(), False)
            if partner is None or not then:     # ("…направлением экспорта оставалась Турция": the subject after)
                copula = _COPULA_AFTER.match(s, m.end())
                partner = (x.mention_at(copula.end()) if copula else None) or partner
            x.add(m.start(), m.end(), metric, partner, "exact", 1)
    for m in _MAIN_FOR.finditer(s):
        if x.free(*m.span()) and not _ONE_OF.search(s[max(0, m.start() - 40):m.start()]):
            named = _NAMED_AFTER.match(s, m.end())
            p = (x.mention_at(named.end()) if named else None) or x.partner_at(m.start(), False)
            x.add(m.start(), m.end(), "import_rank" if m.group("who").lower().startswith("импорт") else "export_rank",
                  p, "exact", 1)
    for m in _FIRST_GROUP.finditer(s):
        size = morphology.top_n(m.group("w"))
        in_order = _listed_after(x, m.end()) if size and x.mentions_before(m.end()) < len(x.mentions) and \
            x.mentions[x.mentions_before(m.end())][1] == m.end() else []
        if size and len(in_order) == size and x.free(*m.span()):
            fl = _FLOW_BEFORE.search(m.group("rest"))
            metric = RANK[flow_of(fl.group("flow"))] if fl else _buyers(s, m.start("rest"))
            for place, p in enumerate(in_order, 1):
                x.add(m.start(), m.end(), metric, p, "exact", place)
    for m in _TOP.finditer(s):
        size = int(m.group("d")) if m.group("d") else morphology.top_n(m.group("w") or "")
        if size and _once_in(s, m.start()):
            continue
        if size and x.free(*m.span()) and not _REGIONS_AFTER.match(s[m.end():m.end() + AHEAD]):
            metric = _top_metric(x, m, _buyers(s, m.end()))
            listed: list[str | None] = [*_listed_before(x, m.start())] if x.mentions_before(m.start()) else \
                [*_listed_after(x, m.end())]
            for p in listed or [x.partner_at(m.start(), False)]:
                x.add(m.start(), m.end(), metric, p, "top_n", size)
    for m in _TOP_MADE.finditer(s):
        # the group's noun is the first collective of the words before the verb ("В 2023 году первую тройку
        # партнёров составили …": the match may open on a word before it)
        words = list(_WORD.finditer(s, m.start(), m.end()))
        gi = next((i for i, w in enumerate(words) if morphology.top_n(w.group(0))), None)
        size = morphology.top_n(words[gi].group(0)) if gi is not None else None
        made = _listed_after(x, m.end()) if size else []
        end_w = words[gi].end() if gi is not None else m.end("w")
        if size and len(made) == size and x.free(*m.span()) and \
                not _REGIONS_AFTER.match(s[end_w:end_w + AHEAD]):
            metric = _top_metric(x, m, _buyers(s, end_w))
            # "первую тройку составили Китай, Турция и Казахстан": the first group listed in full is in its order
            ordered = bool(gi) and words[(gi or 1) - 1].group(0).lower().startswith(("перв", "верхн"))
            # (a place the list states again is one claim: "составили Турция (1-е место, …)")
            stated = {(c.metric, c.partner, c.value) for _, _, c in x.out} if ordered else set()
            for place, p in enumerate(made, 1):
                if (metric, p, place) in stated:
                    continue
                x.add(m.start(), m.end(), metric, p, "exact" if ordered else "top_n", place if ordered else size)
    for m in _TOP_NUM.finditer(s):
        if (n2 := number(m.group("num"))) and x.free(*m.span()):
            x.add(m.start(), m.end(), _top_metric(x, m, _buyers(s, m.end())), x.partner_at(m.start(), False),
                  "top_n", n2[0])


_WHICH = re.compile(r"котор\w*\s", re.I)
_COMMA = re.compile(r"\s*,\s*")


def _which_before(x: Sentence, at: int) -> str | None:
    """The country a 'который' clause holding `at` is said of, named right before its comma."""
    a = x.clause_span(at)[0]
    if not _WHICH.match(x.s, a):
        return None
    for iso, _, end in (*x.mentions, *x.references):
        if end <= a and _COMMA.fullmatch(x.s, end, a):
            return iso
    return None


def _not_yielded(x: Sentence, at: int, yielded: set[str]) -> str | None:
    """The partner of a rank at `at`: the nearest named before it that was not given the first place ("Турция
    уступила первенство Казахстану и стала вторым партнёром")."""
    p = x.partner_at(at, False)
    if p not in yielded:
        return p
    before = [iso for iso, start, _ in x.mentions[:x.mentions_before(at)] if iso not in yielded]
    return before[-1] if before else x.default if x.default not in yielded else None


_PLURAL_PLACES = re.compile(r"мест(?:а|ах|ами)$", re.I)
_AND = re.compile(r"\s+и\s+")


def _joined(x: Sentence, m: re.Match[str], pair: list[str]) -> bool:
    """Two places (plural "места") paired in order with two partners named together: "первое и второе места
    заняли Турция и Казахстан", "Казахстан и Беларусь — на втором и пятом местах"."""
    if not _PLURAL_PLACES.search(m.group(0)):
        return False
    spans = [(a, b) for iso, a, b in x.mentions if iso in pair]
    return any(_AND.fullmatch(x.s, b1, a2) is not None for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))


# a lead before a colon that names the flow of the list after it: "Лидеры по экспорту в 2024 году: Турция — 1-е место,
# Египет — 2-е", "Рейтинг покупателей по импорту: …"
_LEAD = re.compile(r"^[^:;.!?]{0,120}:\s")


def _lead_flow(x: Sentence, at: int) -> list[re.Match[str]]:
    """The flow named in the sentence's lead before a colon, for a place after it ([] if none)."""
    lead = _LEAD.match(x.s)
    if lead is None or lead.end() > at:
        return []
    return list(_FLOW_BEFORE.finditer(x.s, 0, lead.end()))[-1:]


# a top group whose partners are listed after a dash or a colon: "Первая тройка — Турция, Египет, Казахстан"
_TOP_LISTED = re.compile(r"(?<![\w-])(?:(?:перв|верхн)\w+\s+)?(?P<w>(?:тройк|четв[её]рк|пят[её]рк|десятк)\w*|"
                         r"(?i:топ)[- ]?\d{1,2})"
                         r"(?P<rest>(?:\s+[а-яё]+){0,4}?)\s*[—–:]\s*(?=(?-i:[А-ЯЁ]))", re.I)


# (or entered by the partners listed after the verb: "в первую пятёрку также вошли Китай, Казахстан, Египет и Иран")
_TOP_ENTERED = re.compile(r"(?<![\w-])в\s+(?:(?:перв|верхн)\w+\s+)?(?P<w>(?:тройк|четв[её]рк|пят[её]рк|десятк)\w*)"
                          r"(?P<rest>(?:\s+[а-яё]+){0,3}?)\s+(?:также\s+|ещё\s+|еще\s+)?(?:вошл\w*|вош[её]л|входя\w*|входит)\s+"
                          r"(?:также\s+)?(?=(?-i:[А-ЯЁ]))", re.I)


def _top_listed(x: Sentence) -> None:
    for m in [*_TOP_LISTED.finditer(x.s), *_TOP_ENTERED.finditer(x.s)]:
        w = m.group("w")     # ("ТОП-3 покупателей: Турция, Египет, Индия")
        size = int(w[3:].strip(" -")) if w[:3].lower() == "топ" else morphology.top_n(w)
        listed = [m.end()] if x.mention_at(m.end()) else []
        while listed and size and len(listed) < size:
            q = _NEXT_LISTED.match(x.s, _mention_end(x, listed[-1]))
            if q is None or not x.mention_at(q.end()):
                break
            listed.append(q.end())
        if not size or len(listed) < 2 or not x.free(m.start(), m.end()):
            continue
        told = _FLOW_BEFORE.search(m.group("rest"))     # ("первая пятёрка по экспорту — …")
        by = _buyers(x.s, m.end("rest"))
        by = _buyers(x.s, m.end("w")) if by == "rank" else by     # ("ТОП-3 покупателей: …": the role in its rest)
        metric = RANK[flow_of(told.group("flow"))] if told else _top_metric(x, m, by)
        for at in listed:
            x.add(m.start(), m.end(), metric, x.mention_at(at), "top_n", size, core=at)


_NEXT_LISTED = re.compile(r"\s*(?:,|\s+и\s)\s*")


def _mention_end(x: Sentence, start: int) -> int:
    i = x.mentions_before(start + 1)
    return x.mentions[i - 1][2]


def _top_metric(x: Sentence, m: re.Match[str], otherwise: str) -> str:
    """The flow of a top group: named after it ("в десятку по объёму экспорта"), else before it in its clause
    ("а по объёму экспорта вошёл в первую тройку")."""
    s = x.s
    fl = _TOP_FLOW.match(s[m.end():m.end() + AHEAD])
    ahead = None if fl else list(_FLOW_BEFORE.finditer(s, max(x.clause_span(m.start())[0], m.start() - 160),
                                                       m.start())) or _lead_flow(x, m.start())
    flow = (fl.group("flow") or fl.group("adj")) if fl else ahead[-1].group("flow") if ahead else None
    return RANK[flow_of(flow)] if flow else otherwise


def _predicate(x: Sentence, m: re.Match[str]) -> re.Match[str] | None:
    """The flow of an ordinal alone at the end of its clause that is a partner's place (None if it is none): an
    adjective of one word in the nominative, with a flow ("по экспорту") and then a partner named before it in the
    same clause, nothing but an adverb or a dash between the partner and it."""
    words = m.group("ord").split()
    if len(words) != 1 or not m.group("ord").isalpha():
        return None
    if not any(q.tag.POS == "ADJF" and q.tag.case == "nomn" for q in morphology.parses(words[0].lower())):
        return None
    a = x.clause_span(m.start())[0]
    if _DASH_BEFORE.search(x.s, max(0, a - 3), a):    # "По импорту Китай — первый": the subject's part
        a = x.clause_span(max(0, a - 3))[0]
    flow = list(_FLOW_BEFORE.finditer(x.s, max(a, m.start() - 80), m.start()))
    i = x.mentions_before(m.start())
    if not flow or not i or x.mentions[i - 1][1] < flow[-1].end():
        return None
    between = x.s[x.mentions[i - 1][2]:m.start()].split()
    return flow[-1] if len(between) <= 2 and all(w in ("—", "–") or morphology.parses(w.lower())[0].tag.POS == "ADVB"
                                                 for w in between) else None


def _who(noun: str) -> str:
    """A rank among buyers (or as a market, "рынок сбыта") is one by exports, among suppliers one by imports."""
    return "import_rank" if noun.lower().startswith(("поставщик", "экспорт")) else "export_rank"


def _buyers(s: str, end: int) -> str:
    """export_rank after "среди покупателей …", import_rank after "среди поставщиков …", else rank."""
    m = _AMONG_BUYERS.match(s[end:end + AHEAD])
    if not m:
        return "rank"
    flow = m.group("flow") or m.group("adjflow")
    return RANK[flow_of(flow)] if flow else "export_rank" if m.group("market") else _who(m.group("who"))
