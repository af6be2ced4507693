"""Charts of trade values: top partners, monthly dynamics, yearly flows, rank history, firms.

The traces and layouts are plain dicts put together by theme.figure without Plotly's validation (the reason
is in theme.figure): columns go in as numpy arrays, as Plotly's validators would have stored them."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.i18n import t
from dashboard.i18n.numbers import MONTHS_SHORT

MLN = theme.MLN


def _unit(lang: str, scale: float = MLN) -> str:
    return t("units.mln_usd", lang) if scale == MLN else t("units.thousand_usd", lang)


def _years(s: pd.Series) -> np.ndarray:
    """Years as category labels ('2024')."""
    return s.astype(str).to_numpy(dtype=object)


def top_partners(df: pd.DataFrame, lang: str, title: str, projector: bool = False) -> go.Figure:
    """Horizontal stacked bars of exports and imports; df: name, exports_usd, imports_usd, share (largest first)."""
    d = df.iloc[::-1]
    traces = []
    for flow, col in (("E", "exports_usd"), ("I", "imports_usd")):
        if not d[col].any():
            continue  # a one-flow view shows no empty legend entry
        traces.append({
            "type": "bar", "y": d["name"].to_numpy(dtype=object), "x": (d[col] / MLN).to_numpy(),
            "orientation": "h", "name": t(f"flows.{flow}", lang), "marker": {"color": theme.FLOW_COLOURS[flow]},
            "customdata": d[["share"]].to_numpy() * 100,
            "hovertemplate": "%{y}: %{x:,.1f} " + _unit(lang) + "<extra>%{fullData.name}</extra>",
        })
    # the unit is in the title
    return theme.figure(traces, {"barmode": "stack"}, lang, title, projector, height=max(320, 34 * len(d) + 120))


def monthly(df: pd.DataFrame, lang: str, title: str, projector: bool = False, scale: float = MLN) -> go.Figure:
    """Exports and imports by month; df: year, month, flow, value_usd. scale: dollars per unit (theme.money_scale)."""
    traces = []
    df = df.sort_values(["year", "month"])
    for flow in ("E", "I"):
        d = df[df["flow"] == flow]
        years, months = d["year"].to_numpy(dtype=np.int64), d["month"].to_numpy(dtype=np.int64)
        # the first of each month, computed in numpy (pd.to_datetime of a year/month/day frame took ~5 ms)
        x = ((years - 1970) * 12 + months - 1).astype("datetime64[M]").astype("datetime64[us]")
        short = MONTHS_SHORT[lang]
        traces.append({
            "type": "scatter", "x": x, "y": (d["value_usd"] / scale).to_numpy(), "mode": "lines+markers",
            "name": t(f"flows.{flow}", lang),
            "line": {"color": theme.FLOW_COLOURS[flow], "width": 4 if projector else 2.5}, "marker": {"size": 5},
            "text": [f"{short[m - 1]} {y}" for y, m in zip(years.tolist(), months.tolist(), strict=True)],
            "hovertemplate": "%{text}: %{y:,.1f} " + _unit(lang, scale) + "<extra>%{fullData.name}</extra>",
        })
    # one tick a year, the year's label in the middle of its months: with Plotly's own ticks every few
    # months a "%Y" format printed each year two or three times (2022 2022 2023 2023)
    xaxis = {"tickformat": "%Y", "dtick": "M12", "ticklabelmode": "period"}
    layout = {"yaxis": {"title": {"text": _unit(lang, scale)}}, "hovermode": "x unified", "xaxis": xaxis}
    return theme.figure(traces, layout, lang, title, projector, height=380)


def yearly(df: pd.DataFrame, lang: str, title: str, projector: bool = False, scale: float = MLN) -> go.Figure:
    """Exports and imports by year, side by side; df: year, exports_usd, imports_usd."""
    x = _years(df["year"])
    traces = [{"type": "bar", "x": x, "y": (df[col] / scale).to_numpy(), "name": t(f"flows.{flow}", lang),
               "marker": {"color": theme.FLOW_COLOURS[flow]},
               "hovertemplate": "%{x}: %{y:,.1f} " + _unit(lang, scale) + "<extra>%{fullData.name}</extra>"}
              for flow, col in (("E", "exports_usd"), ("I", "imports_usd"))]
    # years as categories: a numeric axis labelled every other year (2020, 2022, 2024)
    layout = {"barmode": "group", "yaxis": {"title": {"text": _unit(lang, scale)}}, "xaxis": {"type": "category"}}
    return theme.figure(traces, layout, lang, title, projector, height=360)


def rank_history(df: pd.DataFrame, lang: str, title: str, projector: bool = False) -> go.Figure:
    """Place by turnover over the years, 1st at the top; df: year, rank, of.

    Each point is labelled with its place, large, and 'из 114' small on a second line: a one-line
    '7 из 118' is wider than a year's share of a half-width chart at 1280 px or of a phone, and the
    neighbours' labels ran into each other ('7 из 1187 из 116')."""
    size = 22 if projector else 13
    of = t("charts.of", lang)
    trace = {
        "type": "scatter", "x": _years(df["year"]), "y": df["rank"].to_numpy(), "mode": "lines+markers+text",
        "text": [f"<b>{r}</b><br><span style='font-size:{round(size * 0.8)}px'>{of.format(of=o)}</span>"
                 for r, o in zip(df["rank"], df["of"], strict=True)],
        "customdata": [t("charts.rank_of", lang, rank=r, of=o) for r, o in zip(df["rank"], df["of"], strict=True)],
        "textposition": "top center", "textfont": {"size": size + 2},
        "line": {"color": theme.TURNOVER, "width": 4 if projector else 3},
        "marker": {"size": 12 if projector else 9}, "name": t("charts.rank", lang),
        "hovertemplate": "%{x}: %{customdata}<extra></extra>", "cliponaxis": False,
    }
    worst = int(df["rank"].max()) if len(df) else 8
    # room above the 1st place for its two-line label, and below the worst place for nothing but the axis
    bottom, top = worst + 0.7, 1 - 0.25 * max(3, worst)
    yaxis: dict = {"autorange": False, "range": [bottom, top], "title": {"text": t("charts.rank", lang)},
                   "tickvals": _rank_ticks(worst)}
    layout = {"xaxis": {"type": "category", "range": [-0.6, len(df) - 0.4]},  # room for the end labels
              "yaxis": yaxis}
    return theme.figure([trace], layout, lang, title, projector, height=340)


def _rank_ticks(worst: int) -> list[int]:
    """Places 1 … worst: every one up to 10 places, else the 1st and round numbers (10, 20 … or 25, 50 …)."""
    if worst <= 10:
        return list(range(1, worst + 1))
    step = next(s for s in (2, 5, 10, 20, 25, 50, 100) if worst / s <= 6)
    return [1] + list(range(step, worst + 1, step))


def firms(df: pd.DataFrame, lang: str, title: str, projector: bool = False) -> go.Figure:
    """Firms of the region trading with a partner by year and kind; df: year, kind, firms."""
    colours = {"exporters": theme.EXPORTS, "importers": theme.IMPORTS, "any": theme.TURNOVER}
    traces = []
    for kind in ("exporters", "importers", "any"):
        d = df[df["kind"] == kind]
        if d.empty:
            continue
        traces.append({"type": "bar", "x": _years(d["year"]), "y": d["firms"].to_numpy(),
                       "name": t(f"firms.{kind}", lang), "marker": {"color": colours[kind]},
                       # as floats: what Plotly's text validator made of the counts (the labels read the same)
                       "text": d["firms"].to_numpy(dtype="f8"), "textposition": "outside",
                       "hovertemplate": "%{x}: %{y}<extra>%{fullData.name}</extra>"})
    top = float(df["firms"].max()) if len(df) else 1.0
    # headroom above the tallest bar for its label (outside labels past the plot area were cut)
    layout = {"barmode": "group", "yaxis": {"title": {"text": t("firms.unit", lang)}, "range": [0, top * 1.18]},
              "xaxis": {"type": "category"}}
    for tr in traces:
        tr["cliponaxis"] = False
    return theme.figure(traces, layout, lang, title, projector, height=340)
