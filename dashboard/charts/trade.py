"""Charts of trade values: top partners, monthly dynamics, yearly flows, rank history, firms."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.i18n import t
from dashboard.i18n.numbers import MONTHS_SHORT

MLN = 1e6


def _unit(lang: str) -> str:
    return t("units.mln_usd", lang)


def top_partners(df: pd.DataFrame, lang: str, title: str, projector: bool = False) -> go.Figure:
    """Horizontal stacked bars of exports and imports; df: name, exports_usd, imports_usd, share (largest first)."""
    d = df.iloc[::-1]
    fig = go.Figure()
    for flow, col in (("E", "exports_usd"), ("I", "imports_usd")):
        if not d[col].any():
            continue  # a one-flow view shows no empty legend entry
        fig.add_bar(
            y=d["name"], x=d[col] / MLN, orientation="h", name=t(f"flows.{flow}", lang),
            marker_color=theme.FLOW_COLOURS[flow],
            customdata=d[["share"]].to_numpy() * 100,
            hovertemplate="%{y}: %{x:,.1f} " + _unit(lang) + "<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="stack")  # the unit is in the title
    return theme.apply(fig, lang, title, projector, height=max(320, 34 * len(d) + 120))


def monthly(df: pd.DataFrame, lang: str, title: str, projector: bool = False) -> go.Figure:
    """Exports and imports by month; df: year, month, flow, value_usd."""
    fig = go.Figure()
    for flow in ("E", "I"):
        d = df[df["flow"] == flow].sort_values(["year", "month"])
        x = pd.to_datetime({"year": d["year"], "month": d["month"], "day": 1})
        labels = [f"{MONTHS_SHORT[lang][m - 1]} {y}" for y, m in zip(d["year"], d["month"], strict=True)]
        fig.add_scatter(
            x=x, y=d["value_usd"] / MLN, mode="lines+markers", name=t(f"flows.{flow}", lang),
            line={"color": theme.FLOW_COLOURS[flow], "width": 4 if projector else 2.5},
            marker={"size": 5}, text=labels,
            hovertemplate="%{text}: %{y:,.1f} " + _unit(lang) + "<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(yaxis_title=_unit(lang), hovermode="x unified")
    fig.update_xaxes(tickformat="%Y")
    return theme.apply(fig, lang, title, projector, height=380)


def yearly(df: pd.DataFrame, lang: str, title: str, projector: bool = False) -> go.Figure:
    """Exports and imports by year, side by side; df: year, exports_usd, imports_usd."""
    fig = go.Figure()
    for flow, col in (("E", "exports_usd"), ("I", "imports_usd")):
        fig.add_bar(x=df["year"].astype(str), y=df[col] / MLN, name=t(f"flows.{flow}", lang),
                    marker_color=theme.FLOW_COLOURS[flow],
                    hovertemplate="%{x}: %{y:,.1f} " + _unit(lang) + "<extra>%{fullData.name}</extra>")
    fig.update_layout(barmode="group", yaxis_title=_unit(lang))
    return theme.apply(fig, lang, title, projector, height=360)


def rank_history(df: pd.DataFrame, lang: str, title: str, projector: bool = False) -> go.Figure:
    """Place by turnover over the years, 1st at the top; df: year, rank, of."""
    label = t("charts.rank_of", lang)
    fig = go.Figure()
    fig.add_scatter(
        x=df["year"].astype(str), y=df["rank"], mode="lines+markers+text",
        text=[label.format(rank=r, of=o) for r, o in zip(df["rank"], df["of"], strict=True)],
        textposition="top center", line={"color": theme.TURNOVER, "width": 4 if projector else 3},
        marker={"size": 12 if projector else 9}, name=t("charts.rank", lang),
        hovertemplate="%{x}: %{text}<extra></extra>", cliponaxis=False,  # the first and last labels stay whole
    )
    top = max(5, int(df["rank"].max()) + 2) if len(df) else 10
    fig.update_xaxes(type="category", range=[-0.5, len(df) - 0.5])  # room for the end labels
    fig.update_yaxes(autorange=False, range=[top, 0.5], dtick=1 if top <= 12 else None,
                     title=t("charts.rank", lang))
    return theme.apply(fig, lang, title, projector, height=340)


def firms(df: pd.DataFrame, lang: str, title: str, projector: bool = False) -> go.Figure:
    """Firms of the region trading with a partner by year and kind; df: year, kind, firms."""
    colours = {"exporters": theme.EXPORTS, "importers": theme.IMPORTS, "any": theme.TURNOVER}
    fig = go.Figure()
    for kind in ("exporters", "importers", "any"):
        d = df[df["kind"] == kind]
        if d.empty:
            continue
        fig.add_bar(x=d["year"].astype(str), y=d["firms"], name=t(f"firms.{kind}", lang),
                    marker_color=colours[kind], text=d["firms"], textposition="outside",
                    hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>")
    fig.update_layout(barmode="group", yaxis_title=t("firms.unit", lang))
    return theme.apply(fig, lang, title, projector, height=340)
