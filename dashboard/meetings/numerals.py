"""Numbers as a press release writes them ("1 234,5", "сто четырнадцать") and the qualifier before one."""
from __future__ import annotations

import re

from dashboard.meetings import morphology

# the rules that read on after a figure look at most this many characters ahead (a long sentence stays linear)
AHEAD = 200

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


def clean(x: float) -> float:
    return int(x) if float(x).is_integer() else round(x, 9)


_QUAL = re.compile(
    # (each word from its start: "в вашем регионе более" holds no "не более")
    r"(?:(?P<neg>(?<![\w-])не\s+)?(?P<slight>(?:чуть|немного|немногим|слегка|несколько)\s+)?(?P<w>более|больше|свыше|превыша\w*|превыс\w*|около|порядка|примерно|приблизительно|"
    r"почти|практически|без\s+малого|менее|меньше|"
    # (as people say it: "где-то 640 миллионов", "ну, где-то миллион восемьсот тысяч тонн")
    r"где-то|плюс-минус)"
    # a bound denied with a particle of emphasis: "не превышали и 5 млн", "не превысил даже 10 тыс. тонн"
    r"(?(neg)(?:\s+(?:и|даже))?)"
    # a mark the figure came near to or went past: "приблизился к отметке в", "вплотную подошёл к", "превысил
    # рубеж в", "перевалил за отметку"
    # a mark not reached is a bound from above: "не достигали даже 5 тыс. тонн"
    # ... unless an adverb of nearness says it came close: "едва не достиг", "чуть не дотянул до"
    r"|(?P<under>(?P<barely>(?:едва|чуть|немного|слегка|совсем\s+немного)\s+)?(?<![\w-])не\s+"
    r"(?:достига\w*|достиг\w*|дотяну\w*\s+до|дотягива\w*\s+до))(?:\s+(?:и|даже))?(?:\s+(?:отметк|уровн|рубеж|значени|планк)\w*)?"
    r"(?:\s+в)?"
    # an upper bound told by "до" after an estimate or a sum, not after a change: "оценивается в сумму до 60 млн"
    r"|(?P<upto>(?:оценива\w*|оценен\w*|(?:в|на)\s+сумм[уе]|в\s+объ[её]ме)(?:\s+в)?(?:\s+сумму)?\s+до)"
    r"|(?P<near>приблизи\w*|приближа\w*|подош[её]л\w*|подошл\w*|подбира\w*)\s+(?:вплотную\s+)?к"
    r"(?:\s+(?:отметк|уровн|рубеж|значени|планк)\w*)?(?:\s+в)?"
    r"|(?P<past>(?:превысил|превыша|перевалил|перешагнул|преодолел|перекрыл)\w*(?:\s+за)?\s+"
    r"(?:отметк|уровень|рубеж|планк|порог)\w*(?:\s+в)?|(?:перевалил|перешагнул)\w*\s+за))"
    # (an estimate with its preposition: "оценивается примерно в 49 млн")
    r"\s+(?:чем\s+)?(?:на\s+)?(?:со?\s+)?(?:в\s+)?(?:(?:US)?\$\s*)?$", re.I)


# a figure told with "a bit more" after it: "миллиард долларов с небольшим", "200 тыс. тонн с лишним"
_MORE_AFTER = re.compile(r"\s*с\s+(?:небольшим|лишним|гаком|хвостиком)\b", re.I)


def more_after(s: str, end: int) -> int:
    """Where a "с небольшим" right after a figure ending at `end` ends (`end` if none)."""
    m = _MORE_AFTER.match(s, end)
    return m.end() if m else end


def qual_at(s: str, at: int) -> tuple[str, int]:
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
    if m.group("under") and m.group("barely"):
        return "almost", start
    if m.group("under") or m.group("upto"):
        return "at_most", start
    if m.group("near"):
        return "almost", start
    if m.group("past"):
        return "more_than", start
    w = m.group("w").lower()
    if m.group("neg"):      # "не более" is an upper bound, "не менее" a lower one
        return ("more_than" if w in ("менее", "меньше") else "at_most"), start
    if w in ("менее", "меньше"):     # "чуть меньше 48 млн" came near to it, "меньше 48 млн" is a bound
        return ("almost" if m.group("slight") else "at_most"), start
    if w.startswith(("более", "больше", "свыше", "превыш", "превыс")):
        return "more_than", start
    if w in ("около", "порядка", "примерно", "приблизительно", "где-то", "плюс-минус"):
        return "about", start
    return "almost", start

