"""A figure told first and pointed back to by the sentence after it, as a column's teaser writes it:

    Цифра недели: 118. Со столькими странами торговала Волгоградская область в 2023 году.
    Цифра недели: 2,4. Именно во столько раз вырос в 2023 году экспорт волгоградской продукции в Узбекистан.
    Цифра недели: 31 %. Такова доля Китая во внешнеторговом обороте области по итогам января — апреля 2023 года.

or as a digest's item, the figure before a dash:

    8. 2,5 раза — во столько вырос экспорт в Китай.

The text is read with the figure put where the word pointing back to it stands ("со 118 странами", "в 2,4 раза", "доля
Китая … — 31 %") and taken out of the teaser, which then states nothing of its own.
"""
from __future__ import annotations

import re

_TEASER = re.compile(r"(?P<head>(?:[Цц]ифр[аы]|ЦИФР[АЫ])\s+(?:недели|дня|месяца|года|НЕДЕЛИ|ДНЯ|МЕСЯЦА|ГОДА)\s*)"
                     r"(?P<sep>[:—–-])\s*(?P<fig>(?:минус\s+|плюс\s+|[−-]\s?)?\d[^.]{0,28}?|(?:минус|плюс)\s+[а-яё]+)"
                     r"\.(?P<gap>\s+)(?P<next>[^.!?\n]{0,240})", re.I)
# the words pointing back to the figure, and how the figure stands in their place
_POINTERS = ((re.compile(r"(?<![\w-])во\s+столько\s+раз(?![\w-])", re.I), "в {fig} раза"),
             (re.compile(r"(?<![\w-])во\s+столько(?![\w-])", re.I), "в {fig} раза"),
             (re.compile(r"(?<![\w-])со\s+столькими(?![\w-])", re.I), "с {fig}"),
             (re.compile(r"(?<![\w-])на\s+столько(?![\w-])", re.I), "на {fig}"),
             (re.compile(r"(?<![\w-])столько(?![\w-])", re.I), "{fig}"))
# an item's figure before a dash and the words pointing back to it after ("столько" alone is left: "19 — столько
# стран-новичков появилось" counts no partners)
_INLINE = re.compile(r"(?P<head>(?:^|(?<=[\n:;.•]))\s*(?:\d{1,2}[.)]\s+)?)(?P<fig>(?:минус\s+|плюс\s+|[−+-]\s?)?\d"
                     r"[\d\s,.]*(?:\s*(?:%|раза?|млн|млрд|тыс\.?)(?![\w-]))?)\s*[—–]\s*"
                     r"(?P<next>(?:именно\s+)?(?:во\s+столько|со\s+столькими|на\s+столько|такова?|такой|такая)"
                     r"(?![\w-])[^.;\n]{0,240})", re.I)
_TIMES = re.compile(r"\s*раза?$", re.I)
_SUCH = re.compile(r"^\s*(?:Именно\s+)?(?:такова|таков|такой|такая)\s+", re.I)
_SIGN = re.compile(r"^(?:минус|плюс|[−-])\s*", re.I)


def resolved(text: str) -> str:
    """The text with each teaser's figure put in the sentence after it (unchanged where none points back)."""
    if "столько" in text or "таков" in text.lower():
        text = _INLINE.sub(_put_inline, text)
    if "ифр" not in text and "ИФР" not in text:
        return text
    return _TEASER.sub(_put, text)


def _put_inline(m: re.Match[str]) -> str:
    told = _told(m.group("fig").strip(), m.group("next"))
    return m.group(0) if told is None else f"{m.group('head')}{told}"


def _put(m: re.Match[str]) -> str:
    told = _told(m.group("fig").strip(), m.group("next"))
    return m.group(0) if told is None else f"{m.group('head')}.{m.group('gap')}{told}"


def _told(fig: str, nxt: str) -> str | None:
    """The sentence `nxt` with the figure in place of the words pointing back to it; None if none do."""
    bare = _SIGN.sub("", fig)
    such = _SUCH.match(nxt)
    if such:    # "Такова доля Китая … 2023 года" -> "Доля Китая … 2023 года — 31 %"
        rest = nxt[such.end():]
        return f"{rest[:1].upper()}{rest[1:]} — {fig}"
    for rx, form in _POINTERS:
        p = rx.search(nxt)
        if p:
            # (a fall told by its verb keeps the figure unsigned: "Цифра недели — минус 12,5 %. На столько
            # сократился товарооборот"; "2,5 раза" is the figure of "во столько раз")
            value = _TIMES.sub("", bare) if "раз" in form else bare
            return nxt[:p.start()] + form.format(fig=value) + nxt[p.end():]
    return None
