"""Sums in US dollars (and their differences, "на 12,4 млн меньше") and quantities in tonnes, with the goods
when they are named."""
from __future__ import annotations

import bisect
import re

from dashboard.meetings import goods
from dashboard.meetings.numerals import AHEAD, NUM, number, qual_at
from dashboard.meetings.sentence import CHANGE, FLOW, MASS, Sentence, flow_metric, flow_of, verb_before

_SCALES = (("тыс", 1e3, "тыс"), ("млн", 1e6, "млн"), ("млрд", 1e9, "млрд"), ("трлн", 1e12, "трлн"),
           ("миллиард", 1e9, "млрд"), ("миллион", 1e6, "млн"), ("тысяч", 1e3, "тыс"))
_SCALE = r"(?P<scale>млрд|млн|тыс|трлн|миллиард\w*|миллион\w*|тысяч\w*)"
_MONEY = re.compile(rf"(?P<cur1>\$\s*)?(?<![\w-]){NUM}\s*{_SCALE}?\.?(?:\s*(?P<cur>долл\w*\.?(?:\s+США)?|\$|USD|"
                    r"американских\s+долларов|руб\w*\.?|евро|€))?", re.I)
_TONNES = re.compile(rf"(?<![\w-]){NUM}\s*{_SCALE}?\.?\s*(?:тонн\w*|т\.)(?![а-яё])", re.I)
_CMP_AFTER = re.compile(r"\s*(больше|выше|меньше|ниже)", re.I)
_BY_AMOUNT = re.compile(r"(?<![\w-])на\s+(?:\$\s*)?$", re.I)
_MOVED_BY = re.compile(r"(?:выр[ао]с|увеличи|сократи|снизи|уменьши|возрос|нарасти|нарастил|прибави|подрос|упал)\w*\s+"
                       r"(?:[\w-]+\s+){0,3}?на\s+(?:\$\s*)?$", re.I)
# "экспорт вырос на 36,5 %, импорт — на 845 тыс. долларов": the verb said once for two flows
_ELLIPTIC_BY = re.compile(r"(?:экспорт|импорт|товарооборот|оборот)\w*\s*[—–]\s*на\s+(?:\$\s*)?$", re.I)
_BARE_END = re.compile(r"\s*(?:[.;,)]|$)")
# the flow of a bare sum named after it: "товарооборот составил 4,6 млн долларов, из них 4,5 млн — экспорт"
_FLOW_AFTER = re.compile(r"\s*[—–]\s*(?P<flow>экспорт\w*|импорт\w*)(?=\s*(?:[.;,)]|$))", re.I)
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


def _goods_after(x: Sentence, at: int) -> str | None:
    m = _GOODS_AFTER.match(x.s[at:at + AHEAD])
    return _named(x, [w for w in m.groups() if w]) if m else None


def sums(x: Sentence) -> None:
    s = x.s
    flow_goods = [(m.start(), _goods_after(x, m.end())) for m in FLOW.finditer(s)]
    named = next((g for _, g in flow_goods if g), None)
    placed = [(at, g) for at, g in flow_goods if g]     # where goods are named: a sum takes those of its clause
    # "из Бразилии" (a country, not "из Волгоградской области"): tonnes after it are imports, and so is a sum near
    # it that no flow word names ("из Шри-Ланки поступило 412 тонн чая на сумму 1,9 млн долларов")
    from_named = next((f for f in _FROM_NAMED.finditer(s) if x.mention_at(f.end() - 1)), None)
    for m in _TONNES.finditer(s):
        n = number(m.group("num"))
        if not n or not x.free(*m.span()):
            continue
        scale, scale_name = _scale(m.group("scale"))
        flow, at = flow_metric(x, m.start())
        if from_named and from_named.start() < m.start():
            flow = "imports"
        g = _goods_after(x, m.end())
        words = _GOODS_AFTER.match(s[m.end():m.end() + AHEAD])
        unknown = g is None and words is not None and goods.names_goods(words.group(1))
        if unknown:     # "и около 3 тыс. тонн фиников": goods the reference lacks, not those named before
            g = ""
        else:
            g = g or named
            named = named or g
            share_of = _GOODS_SHARE.search(s, max(x.clause_span(m.start())[0], m.start() - 120), m.start())
            g = g or (_named(x, share_of.group(1).split()) if share_of else None)
            before = _GOODS_BEFORE.search(s, max(0, m.start() - 80), m.start())
            g = g or (_named(x, before.group(1).split()) if before else None)
        if g:
            placed.append((m.start(), g))
        qual, start = qual_at(s, m.start("num"))
        x.add(start, m.end(), MASS[flow], x.partner_at(m.start(), False), qual, n[0] * scale, core=m.start(),
              claimed=n[0], unit="т", scale=scale_name, step=scale / 10 ** n[1], goods=g)
    placed.sort()
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
            bool(_ELLIPTIC_BY.search(tail)) and verb_before(x, m.start()) is not None))
        # no currency after a sum in dollars: the same currency ("на 12 млн меньше", "из них экспорт — 1,86 млрд.")
        same = cur == "" and x.dollars
        named_after = _FLOW_AFTER.match(s, m.end()) if same else None
        if not dollars and not (same and (change or named_after or _BARE_END.match(s, m.end()))):
            continue
        scale, scale_name = _scale(m.group("scale"))
        flow, at = flow_metric(x, m.start())
        if at is None and from_named and 0 < m.start() - from_named.start() <= 160:
            flow = "imports"
        if named_after:
            flow, at = flow_of(named_after.group("flow")), None
        qual, start = qual_at(s, m.start("num"))
        if m.group("cur1"):
            start = min(start, m.start("cur1"))
        if at is not None and 0 <= start - at <= 60:
            start = at
        value = n[0] * scale
        metric = CHANGE[flow] if change else flow
        if change:
            down = (cmp and cmp.group(1).lower() in ("меньше", "ниже")) or \
                (not cmp and verb_before(x, m.start()) == "fall")
            value = -value if down else value
        end = named_after.end() if named_after else m.end() + (cmp.end() if cmp else 0)
        i = bisect.bisect_left(placed, (m.start(), ""))
        of = placed[i - 1][1] if i and not change and placed[i - 1][0] >= x.clause_span(m.start())[0] else None
        x.add(start, end, metric, x.partner_at(m.start(), True), qual, value, core=m.start(), claimed=n[0],
              unit="$", scale=scale_name, step=scale / 10 ** n[1], goods=of)
