"""Colours and layout shared by every chart.

The palette is Okabe–Ito (distinguishable with the common colour-vision deficiencies); exports are always
blue and imports always orange, on every page, slide and deck. The projector theme has larger type and
thicker lines for the back of a meeting room.
"""
from __future__ import annotations

import functools
import textwrap

import plotly.graph_objects as go

from dashboard.i18n import t

EXPORTS = "#0072B2"
IMPORTS = "#E69F00"
TURNOVER = "#009E73"
ACCENT = "#D55E00"
INK = "#1F2937"
SEQUENTIAL = ["#EAF2FA", "#B9D3EC", "#7FB0DC", "#3F87C4", "#0B5EA8", "#083D77"]
QUALITATIVE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#7F7F7F"]
FONT = "DejaVu Sans, Arial, sans-serif"  # a font that ships with Debian and Windows alike: no web fonts

FLOW_COLOURS = {"E": EXPORTS, "I": IMPORTS}
MLN = 1e6


def money_scale(largest_usd: float, lang: str, smallest_usd: float = 0.0) -> tuple[float, str]:
    """Dollars per unit of a chart, and the unit's name: millions, unless the chart's largest value is below a
    million (a small partner), where every label would read 0,0 млн $; then thousands. A chart that prints
    every value (a slide's data labels) passes its smallest non-zero one too: under 50 000 $ it would read
    0,0 млн $, so that chart is in thousands as well."""
    if (largest_usd and abs(largest_usd) < MLN) or (smallest_usd and abs(smallest_usd) < MLN / 20):
        return 1e3, t("units.thousand_usd", lang)
    return MLN, t("units.mln_usd", lang)


def separators(lang: str) -> str:
    """Plotly's decimal and thousands signs: 1 234,5 in Russian, 1,234.5 in English."""
    return ", " if lang == "ru" else ".,"


@functools.cache
def _base_layout(lang: str, projector: bool) -> dict:
    """The theme as a plain layout dict, validated by Plotly once per language and screen."""
    size = 22 if projector else 13
    fig = go.Figure()
    fig.update_layout(
        font={"family": FONT, "size": size, "color": INK},
        separators=separators(lang),
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"l": 10, "r": 10, "t": 70 if projector else 50, "b": 10},
        # the legend sits under the plot, so a long title never runs into it in a narrow column
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "xanchor": "left", "x": 0,
                "traceorder": "normal"},
        hoverlabel={"font": {"family": FONT, "size": size}},
        colorway=QUALITATIVE,
        xaxis={"showgrid": False, "linecolor": "#BBBBBB", "automargin": True},
        yaxis={"gridcolor": "#E5E7EB", "zeroline": False, "automargin": True},
    )
    return fig.layout.to_plotly_json()


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def wrap_title(title: str, width: int = 36) -> str:
    """Plotly never wraps a title: a long one is cut in a half-width column at 1280 px, a two-fifths one or on
    a phone (about 36 characters of the screen theme fit there). Break it after the subject ('Казахстан: …'),
    then between words."""
    if len(title) <= width or "<br>" in title:
        return title
    head, sep, rest = title.partition(": ")
    if sep and len(head) < width:
        return f"{head}:<br>" + "<br>".join(_balanced(rest, width))
    return "<br>".join(_balanced(title, width))


def _balanced(text: str, width: int) -> list[str]:
    """The text in as few lines of at most `width` characters as it needs, and those lines as even as they can be:
    a greedy wrap leaves a word alone on the last line ('… 2024, M' / '$')."""
    def wrap(w: int) -> list[str]:
        return textwrap.wrap(text, w, break_long_words=False, break_on_hyphens=False)
    lines = wrap(width)
    narrowest = width
    while narrowest > 1 and len(wrap(narrowest - 1)) == len(lines):
        narrowest -= 1
    return wrap(narrowest)


def _layout(over: dict, lang: str, title: str, projector: bool, height: int | None) -> dict:
    """The theme, then the chart's own layout, then the title and height: a plain dict."""
    size = 22 if projector else 13
    title = wrap_title(title, 45 if projector else 36)  # a slide's chart has the screen's width
    own: dict = {"title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": size + (8 if projector else 3)}}}
    lines = title.count("<br>")
    if lines:  # room for the further lines
        own["margin"] = {"t": (100 if projector else 75) + (lines - 1) * (32 if projector else 21)}
    if height:
        own["height"] = height + ((lines - 1) * 21 if lines > 1 and not projector else 0)
    return _merge(_merge(_base_layout(lang, projector), over), own)


def apply(fig: go.Figure, lang: str, title: str, projector: bool = False, height: int | None = None) -> go.Figure:
    """The figure in the house theme, as a new figure: use the returned one.

    Plotly validates every layout property it is given, which cost ~7 ms a chart (7 charts on the partner
    page); the theme is validated once (_base_layout) and the merged layout is not validated again."""
    return go.Figure(data=fig.data, layout=_layout(fig.layout.to_plotly_json(), lang, title, projector, height),
                     _validate=False)


def figure(traces: list[dict], layout: dict, lang: str, title: str, projector: bool = False,
           height: int | None = None) -> go.Figure:
    """A themed figure from traces given as plain dicts (each with its "type") and the chart's own layout.

    Nothing is validated: building the charts through graph_objects (add_bar, update_layout, ...) validated
    every property and took most of the partner page's render. The dicts hold exactly what Plotly's validators
    would have made of them (numpy arrays where they coerce a column, lists of plain values otherwise);
    tests/unit/test_charts.py checks that validating each chart again changes nothing."""
    return go.Figure(data=traces, layout=_layout(layout, lang, title, projector, height), _validate=False)


def plot_config(lang: str, file_name: str, static_url: str | None = None) -> dict:
    """Options of the Plotly toolbar: PNG download named after the chart, no Plotly logo, local map outlines."""
    cfg: dict = {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
        "toImageButtonOptions": {"format": "png", "filename": file_name, "scale": 2},
        "locale": lang,
    }
    if static_url:
        cfg["topojsonURL"] = static_url
    return cfg
