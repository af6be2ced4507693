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

MLN = 1e6


def _unit(lang: str) -> str:
    return t("units.mln_usd", lang)


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


def monthly(df: pd.DataFrame, lang: str, title: str, projector: bool = False) -> go.Figure:
    """Exports and imports by month; df: year, month, flow, value_usd."""
    traces = []
    df = df.sort_values(["year", "month"])
    for flow in ("E", "I"):
        d = df[df["flow"] == flow]
        years, months = d["year"].to_numpy(dtype=np.int64), d["month"].to_numpy(dtype=np.int64)
        # the first of each month, computed in numpy (pd.to_datetime of a year/month/day frame took ~5 ms)
        x = ((years - 1970) * 12 + months - 1).astype("datetime64[M]").astype("datetime64[us]")
        short = MONTHS_SHORT[lang]
        traces.append({
            "type": "scatter", "x": x, "y": (d["value_usd"] / MLN).to_numpy(), "mode": "lines+markers",
            "name": t(f"flows.{flow}", lang),
            "line": {"color": theme.FLOW_COLOURS[flow], "width": 4 if projector else 2.5}, "marker": {"size": 5},
            "text": [f"{short[m - 1]} {y}" for y, m in zip(years.tolist(), months.tolist(), strict=True)],
            "hovertemplate": "%{text}: %{y:,.1f} " + _unit(lang) + "<extra>%{fullData.name}</extra>",
        })
    layout = {"yaxis": {"title": {"text": _unit(lang)}}, "hovermode": "x unified", "xaxis": {"tickformat": "%Y"}}
    return theme.figure(traces, layout, lang, title, projector, height=380)


def yearly(df: pd.DataFrame, lang: str, title: str, projector: bool = False) -> go.Figure:
    """Exports and imports by year, side by side; df: year, exports_usd, imports_usd."""
    x = _years(df["year"])
    traces = [{"type": "bar", "x": x, "y": (df[col] / MLN).to_numpy(), "name": t(f"flows.{flow}", lang),
               "marker": {"color": theme.FLOW_COLOURS[flow]},
               "hovertemplate": "%{x}: %{y:,.1f} " + _unit(lang) + "<extra>%{fullData.name}</extra>"}
              for flow, col in (("E", "exports_usd"), ("I", "imports_usd"))]
    layout = {"barmode": "group", "yaxis": {"title": {"text": _unit(lang)}}}
    return theme.figure(traces, layout, lang, title, projector, height=360)


def rank_history(df: pd.DataFrame, lang: str, title: str, projector: bool = False) -> go.Figure:
    """Place by turnover over the years, 1st at the top; df: year, rank, of."""
    label = t("charts.rank_of", lang)
    trace = {
        "type": "scatter", "x": _years(df["year"]), "y": df["rank"].to_numpy(), "mode": "lines+markers+text",
        "text": [label.format(rank=r, of=o) for r, o in zip(df["rank"], df["of"], strict=True)],
        "textposition": "top center", "line": {"color": theme.TURNOVER, "width": 4 if projector else 3},
        "marker": {"size": 12 if projector else 9}, "name": t("charts.rank", lang),
        "hovertemplate": "%{x}: %{text}<extra></extra>", "cliponaxis": False,  # the first and last labels stay whole
    }
    top = max(5, int(df["rank"].max()) + 2) if len(df) else 10
    yaxis: dict = {"autorange": False, "range": [top, 0.5], "title": {"text": t("charts.rank", lang)}}
    if top <= 12:
        yaxis["dtick"] = 1
    layout = {"xaxis": {"type": "category", "range": [-0.5, len(df) - 0.5]},  # room for the end labels
              "yaxis": yaxis}
    return theme.figure([trace], layout, lang, title, projector, height=340)


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
    layout = {"barmode": "group", "yaxis": {"title": {"text": t("firms.unit", lang)}}}
    return theme.figure(traces, layout, lang, title, projector, height=340)
