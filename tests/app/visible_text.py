"""What a reader sees, and where each piece of it comes from (issue 12, part 2; used by test_languages.py).

collect_app(at) / figure_strings(spec) / slide_strings(slide) gather every visible string of an AppTest run,
a Plotly figure or a slide. Accountant(lang, data) then says, for each string, whether it is made only of
(a) texts of the catalogue of `lang` (a template's {params} filled with pieces that are accounted for in turn),
(b) values of named data columns (DataValues: names of partners, regions and goods in `lang`, meetings as
stored, file names of sources), or (c) numbers, dates, codes and units as i18n/numbers.py writes them in
`lang`, joined by separators (' · ', ', ', ': ', ...). Nothing else is accepted, so a text hard-coded in
the code, or taken from the other language's catalogue, is reported.
"""
from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyarrow as pa

from dashboard.i18n import catalog
from dashboard.i18n.numbers import MONTHS, MONTHS_GEN_RU, MONTHS_SHORT
from dashboard.slide_model import Slide

# ---------------------------------------------------------------------------------------------- normalising

_BADGE = re.compile(r":[a-z]+-badge\[((?:\\.|[^\]\\])*)\]")
_ICON = re.compile(r":material/[a-z_]+:")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\([^)]*\)")
_HEADING = re.compile(r"^\s*#{1,6}\s+", re.M)
_BULLET = re.compile(r"^\s*[-*]\s+", re.M)
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w\\])_|(?<!\\)_(?!\w)|`")
_ESCAPE = re.compile(r"\\(.)")


def md_text(text: str) -> str:
    """The text a reader sees of Streamlit markdown: badges, links, headings, bullets and emphasis reduced to
    their words, escapes undone, HTML entities decoded (the markdown of the page and the catalogue alike)."""
    s = _BADGE.sub(r"\1\n", text)  # a badge is a pill of its own, not part of the words after it
    s = _ICON.sub("", s)
    s = _LINK.sub(r"\1", s)
    s = _HEADING.sub("", s)
    s = _BULLET.sub("", s)
    s = _EMPHASIS.sub("", s)
    s = _ESCAPE.sub(r"\1", s)
    return html.unescape(s)


_STYLE = re.compile(r"<(style|script)\b.*?</\1>", re.S | re.I)
# emphasis and links run on in the words around them; any other tag may start a block of its own (the slides'
# spans are blocks by their CSS, Plotly's <extra> is a box beside the hover label), so it starts a line
_INLINE_TAG = re.compile(r"</?(?:b|strong|i|em|a|code|u|s|small|sup|sub|mark)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")


def html_text(body: str) -> str:
    """The visible text of an st.html block: no CSS or script, a line for each block."""
    return html.unescape(_TAG.sub("\n", _INLINE_TAG.sub("", _STYLE.sub("", body))))


# ------------------------------------------------------------------------------------------------ collecting

# Proto fields that never reach the reader as text: ids and keys, icons (a Material name or an emoji),
# links and their targets, file ids, MIME types, formats of numbers (printf / d3 patterns), styling.
SKIP_FIELDS = frozenset({
    "id", "form_id", "icon", "page", "page_script_hash", "query_string", "url", "deferred_file_id", "type",
    "tag", "format", "theme", "mime", "file_name", "raw_value", "raw_values", "default", "value", "step",
    "styles", "css", "color", "anchor", "columns", "column_order", "selection_mode", "data_testid",
    "kind", "component_name", "js_content", "css_content", "html_content", "js_source_path",
    "css_source_path", "js", "json_args", "serialized_args", "config", "json",
    "autocomplete",
})
# raw_value(s) / value: the chosen option again, already collected among the options (or a number);
# columns: the column config as JSON (number formats, widths); the headers shown are the frame's own;
# config: a chart's toolbar options (the PNG file name, the locale); json: the data a component's script is
# handed (the presenter's key listener gets the slide number and the screen size); autocomplete: a hint to
# the browser's password manager.


def _arrow_frame(data: bytes, columns: str = "") -> Iterator[str]:
    """Headers and text cells of a table; a header given a label by the column config shows the label, and a
    hidden column shows nothing."""
    config = json.loads(columns) if columns else {}
    table = pa.ipc.open_stream(data).read_all()
    for name, col in zip(table.column_names, table.columns, strict=True):
        cfg = config.get(str(name), {})
        if str(name).startswith("__") or cfg.get("hidden"):
            continue
        yield str(cfg.get("label") or name)
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            yield from (v for v in col.to_pylist() if isinstance(v, str))


def _proto_strings(msg: object, kind: str) -> Iterator[str]:
    for fd, value in msg.ListFields():  # type: ignore[attr-defined]
        name = fd.name
        if name in SKIP_FIELDS:
            continue
        values = value if fd.is_repeated else [value]
        if name == "spec":                                      # a Plotly figure as JSON
            yield from figure_strings(json.loads(value))
        elif name == "arrow_data" or (name == "data" and fd.type == fd.TYPE_BYTES):
            for v in values:
                raw = v if isinstance(v, bytes) else getattr(v, "data", b"")
                if raw:
                    yield from _arrow_frame(raw, getattr(msg, "columns", ""))
        elif fd.type == fd.TYPE_MESSAGE:
            for v in values:
                yield from _proto_strings(v, kind)
        elif fd.type == fd.TYPE_STRING:
            for v in values:
                yield html_text(v) if kind == "html" else md_text(v)


def collect_app(at: object) -> list[tuple[str, str]]:
    """(element type, text) for every string of every element and block of the run, main area and sidebar."""
    out: list[tuple[str, str]] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        kind = str(getattr(node, "type", ""))
        if proto is not None and hasattr(proto, "ListFields"):
            out.extend((kind, s) for s in _proto_strings(proto, kind) if s.strip())
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)  # type: ignore[attr-defined]
    return out


# Keys of a Plotly figure whose strings a reader sees: titles, tick and legend texts, trace names, labels and
# categories, texts drawn on the chart and the hover templates (with their %{...} values as numbers).
_VISIBLE_KEYS = frozenset({"text", "name", "ticktext", "labels", "hovertemplate", "texttemplate", "customdata",
                           "x", "y", "hovertext"})
_PLACEHOLDER = re.compile(r"%\{[^}]*\}")


def _plotly_text(s: str, title: bool) -> str:
    # theme.wrap_title breaks a long title with <br> where it had a space: the reader sees one title
    s = _PLACEHOLDER.sub("0", s)
    return html_text(s.replace("<br>", " ") if title else s)


_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+)?$")


def _figure_values(node: object, path: tuple[str, ...]) -> Iterator[str]:
    key = path[-1] if path else None
    if isinstance(node, dict):
        if "bdata" in node:  # a typed numeric array
            return
        template = str(node.get("texttemplate", ""))
        for k, v in node.items():
            if k == "text" and template and "%{text}" not in template:
                continue  # a texttemplate is drawn instead of the text
            yield from _figure_values(v, (*path, k))
    elif isinstance(node, list):
        for v in node:
            yield from _figure_values(v, path)
    elif isinstance(node, str) and key in _VISIBLE_KEYS:
        if key in ("x", "y") and _ISO_TIME.match(node):
            return  # a date axis: Plotly writes its ticks by the axis' tickformat
        yield _plotly_text(node, title="title" in path)


def figure_strings(spec: dict) -> list[str]:
    """Visible strings of a figure given as Plotly JSON (a dict with data and layout)."""
    out = list(_figure_values(spec.get("data", []), ()))
    out += list(_figure_values(spec.get("layout", {}), ()))
    return [s for s in out if s.strip()]


def slide_strings(s: Slide) -> list[str]:
    """Every text of a slide of the deck: headings, KPIs, lists, notes, and its chart's labels."""
    out = [s.title, s.subtitle, s.big, s.note, s.footnote]
    for k in s.kpis:
        out += [k.label, k.value, k.note]
    for lst in s.lists:
        out += [lst.title, lst.empty] + [x for i in lst.items for x in (i.text, i.meta)]
    if s.chart:
        out += [s.chart.title, s.chart.unit, *s.chart.categories, *(x.name for x in s.chart.series)]
    return [x for x in out if x.strip()]


# ------------------------------------------------------------------------------------------------ accounting

@dataclass
class DataValues:
    """Values of named data columns, as a page or slide in one language may show them."""
    names: set[str] = field(default_factory=set)          # partners, regions, goods: this language's column
    stored: set[str] = field(default_factory=set)         # meetings and sources as stored (any language)

    def all(self) -> set[str]:
        return self.names | self.stored


_N = r"[+−-]?\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?|[+−-]?\d+(?:,\d+)?"   # ru: 1 234,5 · −3 · 2024
_N_EN = r"[+−-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+−-]?\d+(?:\.\d+)?"             # en: 1,234.5
NUMBER = {"ru": _N, "en": _N_EN}


def _alt(words: Iterable[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


@functools.cache
def formats(lang: str) -> tuple[re.Pattern[str], ...]:
    """(c): what dashboard/i18n/numbers.py writes in `lang`, and nothing written in the other language.
    Each alternative names the function of numbers.py that makes it."""
    n = f"(?:{NUMBER[lang]})"
    sp = r"[ \u00a0]"
    months, short = _alt(MONTHS[lang]), _alt(MONTHS_SHORT[lang])
    month_any = f"(?:{months}|{short})"
    if lang == "ru":
        units = _alt(["млрд $", "млн $", "тыс. $", "$", "%"])               # money(), percent()
        dates = [r"\d{2}\.\d{2}\.\d{4}(?: \d{2}:\d{2})?",                     # day(), moment()
                 rf"\d{{1,2}} {_alt(MONTHS_GEN_RU)} \d{{4}} г\.",               # day_long()
                 r"\d{4} год"]                                                 # period_label(), full year
        ranks = [r"\d+-е место(?: из \d+ (?:страны-партнёра|стран-партнёров))?"]  # ordinal_place(), rank_phrase()
    else:
        units = _alt(["bn $", "M $", "k $", "$", "%"])
        dates = [rf"\d{{1,2}} {short} \d{{4}}(?: \d{{2}}:\d{{2}})?",           # day(), moment()
                 rf"\d{{1,2}} {months} \d{{4}}"]                               # day_long()
        ranks = [r"\d+(?:st|nd|rd|th)(?: place| of \d+ partner countries)?"]   # ordinal_place(), rank_phrase()
    periods = [rf"{month_any}(?:–{month_any})?(?: \d{{4}})?"]                  # period_label(), months alone
    alts = [rf"{n}(?:{sp}?{units})?", *dates, *ranks, *periods]
    return tuple(re.compile(a) for a in alts)


# Separators between pieces of a composed string (a caption 'period · scope', a list 'a, b', 'label: value').
SEPARATORS = ("\n", " · ", "; ", ", ", ": ", " — ", " – ", " / ", " (", ") ", "“", "” ", "”")
# A text in brackets or quotation marks is accounted for by what is inside.
BRACKETS = {"()", "«»", "“”", '""', "[]"}
# Codes shown as they are in every language: the language switch (its labels are codes, see ui/controls.py).
CODES = frozenset(code.upper() for code in ("ru", "en"))
# Strings with no letter that are still text, and the same in both languages: signs and marks.
SIGNS = re.compile(r"^[\s#=—–·…%$+()\[\]«»“”\"'/:;,.!?▲▼−-]*(?:[▲▼]\d+)?[\s%)]*$")


def _template(text: str) -> tuple[str | None, ...]:
    """'{name}: {rank}' -> (None, ': ', None): literals and parameters (None)."""
    parts: list[str | None] = []
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", text):
        if m.start() > pos:
            parts.append(text[pos:m.start()])
        parts.append(None)
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    return tuple(parts)


@functools.cache
def templates(lang: str) -> tuple[frozenset[str], tuple[tuple[str | None, ...], ...]]:
    """(a): the catalogue of `lang` as its literal lines and its templates with parameters, compiled once.
    A text is split into lines as the page shows it (a Markdown list is one line an item)."""
    literal: set[str] = set()
    with_params: set[tuple[str | None, ...]] = set()
    for text in catalog(lang).values():
        for line in md_text(text).split("\n"):
            line = line.strip()
            if not line:
                continue
            parts = _template(line)
            if any(p is None for p in parts):
                with_params.add(parts)
            else:
                literal.add(line)
    return frozenset(literal), tuple(sorted(with_params, key=str))


class Accountant:
    """Says whether a visible string is made only of pieces of (a), (b) and (c) for one language."""

    def __init__(self, lang: str, data: DataValues, catalogue_lang: str | None = None):
        self.lang = lang
        self.literal, self.params = templates(catalogue_lang or lang)
        self.data = {v.strip() for v in data.all() if v and v.strip()}
        self.prefixes = sorted(self.data)
        self.formats = formats(lang)
        self.number_run = re.compile(r"\d[\d.,\u00a0\u202f]*\d|\d")
        self.numbers = re.compile(f"(?:{NUMBER[lang]})")
        self._memo: dict[str, bool] = {}

    # -- (b) and (c)
    def _plain(self, s: str) -> bool:
        if s in self.literal or s in self.data or s in CODES or self._format(s):
            return True
        # a figure and what it is against ('+28.8 % on 2021'), a date and a title ('3 Feb 2023 Visit of ...')
        lead = max((m.end() for f in self.formats if (m := f.match(s))), default=0)
        if 0 < lead < len(s) and s[lead] == " " and self.accounted(s[lead:]):
            return True
        if s[0] + s[-1] in BRACKETS:
            return self.accounted(s[1:-1])
        if not re.search(r"[^\W\d_]", s):  # no letter: signs, and numbers written as `lang` writes them
            runs = self.number_run.findall(s)
            rest = self.number_run.sub("", s)
            return all(self.numbers.fullmatch(r) or self._format(r) for r in runs) and bool(
                SIGNS.match(rest))
        if s.endswith("…"):  # a name cut to fit a bar or a slide (charts/structure.py, export/slides.py)
            head = s[:-1].rstrip()
            return len(head) >= 3 and any(v.startswith(head) for v in self.data)
        return False

    def _format(self, s: str) -> bool:
        return any(f.fullmatch(s) for f in self.formats)

    # -- (a): a template whose parameters are accounted for in turn
    def _fits(self, s: str, parts: tuple[str | None, ...], i: int = 0, k: int = 0) -> bool:
        if k == len(parts):
            return i == len(s)
        p = parts[k]
        if p is not None:
            return s.startswith(p, i) and self._fits(s, parts, i + len(p), k + 1)
        if k + 1 == len(parts):
            ends: Iterable[int] = [len(s)]
        elif parts[k + 1] is None:
            ends = range(i, len(s) + 1)
        else:
            nxt = parts[k + 1]
            assert nxt is not None
            ends = [m.start() for m in re.finditer(f"(?={re.escape(nxt)})", s[i:])]
            ends = [i + e for e in ends]
        return any(self.accounted(s[i:j]) and self._fits(s, parts, j, k + 1) for j in ends)

    def accounted(self, s: str) -> bool:
        s = s.strip()
        if not s:
            return True
        if s in self._memo:
            return self._memo[s]
        self._memo[s] = False  # a string is never its own parameter
        ok = self._plain(s) or any(
            all(p is None or p in s for p in parts) and self._fits(s, parts) for parts in self.params)
        if not ok:
            for sep in SEPARATORS:
                start = 0
                while (pos := s.find(sep, start)) >= 0:
                    # an opening bracket stays with what follows it: '… (in Russian)' is a text and its mark
                    right = s[pos + len(sep) - 1:] if sep.endswith("(") else s[pos + len(sep):]
                    if self.accounted(s[:pos]) and self.accounted(right):
                        ok = True
                        break
                    start = pos + 1
                if ok:
                    break
        self._memo[s] = ok
        return ok

    def pieces(self, s: str) -> list[str]:
        """The smallest unaccounted pieces of a string: split at the first separator it holds, and so on."""
        s = s.strip()
        if not s or self.accounted(s):
            return []
        for sep in SEPARATORS:
            if sep in s:
                return [q for p in s.split(sep) for q in self.pieces(p)] or [s]
        return [s]


def audit(strings: Iterable[str], lang: str, data: DataValues) -> tuple[list[str], list[str]]:
    """(unaccounted pieces, pieces that only the other language's catalogue accounts for)."""
    other = "en" if lang == "ru" else "ru"
    mine = Accountant(lang, data)
    theirs = Accountant(lang, data, catalogue_lang=other)
    unaccounted: list[str] = []
    foreign: list[str] = []
    for s in dict.fromkeys(strings):
        if mine.accounted(s):
            continue
        for piece in mine.pieces(s):
            (foreign if theirs.accounted(piece) else unaccounted).append(piece)
    return sorted(set(unaccounted)), sorted(set(foreign))
