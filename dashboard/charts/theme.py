"""Colours and layout shared by every chart.

The palette is Okabe–Ito (distinguishable with the common colour-vision deficiencies); exports are always
blue and imports always orange, on every page, slide and deck. The projector theme has larger type and
thicker lines for the back of a meeting room.
"""
from __future__ import annotations

import plotly.graph_objects as go

EXPORTS = "#0072B2"
IMPORTS = "#E69F00"
TURNOVER = "#009E73"
ACCENT = "#D55E00"
NEUTRAL = "#7F7F7F"
INK = "#1F2937"
SEQUENTIAL = ["#EAF2FA", "#B9D3EC", "#7FB0DC", "#3F87C4", "#0B5EA8", "#083D77"]
QUALITATIVE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#7F7F7F"]
FONT = "DejaVu Sans, Arial, sans-serif"  # a font that ships with Debian and Windows alike: no web fonts

FLOW_COLOURS = {"E": EXPORTS, "I": IMPORTS}


def separators(lang: str) -> str:
    """Plotly's decimal and thousands signs: 1 234,5 in Russian, 1,234.5 in English."""
    return ", " if lang == "ru" else ".,"


def apply(fig: go.Figure, lang: str, title: str, projector: bool = False, height: int | None = None) -> go.Figure:
    size = 22 if projector else 13
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": size + (8 if projector else 3)}},
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
    )
    if height:
        fig.update_layout(height=height)
    fig.update_xaxes(showgrid=False, linecolor="#BBBBBB", automargin=True)
    fig.update_yaxes(gridcolor="#E5E7EB", zeroline=False, automargin=True)
    return fig


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
