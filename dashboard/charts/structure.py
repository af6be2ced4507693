"""Charts of the commodity structure (HS section -> chapter -> heading) and top goods."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.i18n import t

MLN = 1e6


def _names(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    sfx = "ru" if lang == "ru" else "en"
    d = df.copy()
    d["section_name"] = d["roman"].fillna("?") + ". " + d[f"section_{sfx}"].fillna("")
    d["chapter_name"] = d["chapter"] + " " + d[f"chapter_{sfx}"].fillna("")
    fallback = t("goods.heading_fallback", lang)
    d["heading_name"] = d["heading"] + " " + d[f"heading_{sfx}"].fillna(fallback)
    return d


def treemap(df: pd.DataFrame, lang: str, title: str, projector: bool = False, depth: int = 2) -> go.Figure:
    """Sections containing chapters (and headings when depth=3), sized by value; df from commodity_structure."""
    d = _names(df, lang)
    levels = ["section_name", "chapter_name", "heading_name"][:depth]
    ids, labels, parents, values = [], [], [], []
    for level, col in enumerate(levels):
        g = d.groupby(levels[: level + 1], dropna=False)["value_usd"].sum().reset_index()
        for _, r in g.iterrows():
            path = " / ".join(str(r[c]) for c in levels[: level + 1])
            ids.append(path)
            labels.append(str(r[col]))
            parents.append(" / ".join(str(r[c]) for c in levels[:level]) if level else "")
            values.append(r["value_usd"] / MLN)
    unit = t("units.mln_usd", lang)
    fig = go.Figure(go.Treemap(
        ids=ids, labels=labels, parents=parents, values=values, branchvalues="total",
        texttemplate="%{label}<br>%{value:,.1f} " + unit + " · %{percentRoot:.0%}",
        hovertemplate="%{label}<br>%{value:,.1f} " + unit + "<br>%{percentRoot:.1%}<extra></extra>",
        maxdepth=depth + 1, pathbar={"visible": True},
    ))
    fig.update_traces(root_color="white")
    return theme.apply(fig, lang, title, projector, height=460)


def top_goods(df: pd.DataFrame, flow: str, lang: str, title: str, n: int = 10,
              projector: bool = False) -> go.Figure:
    """The n largest headings of one flow; df from commodity_structure."""
    d = _names(df[df["flow"] == flow], lang)
    g = d.groupby("heading_name")["value_usd"].sum().nlargest(n).iloc[::-1]
    unit = t("units.mln_usd", lang)
    labels = [name if len(name) <= 48 else name[:46] + "…" for name in g.index]
    fig = go.Figure(go.Bar(
        y=labels, x=g.to_numpy() / MLN, orientation="h", marker_color=theme.FLOW_COLOURS[flow],
        customdata=list(g.index), hovertemplate="%{customdata}: %{x:,.1f} " + unit + "<extra></extra>",
    ))
    fig.update_layout(xaxis_title=unit, showlegend=False)
    return theme.apply(fig, lang, title, projector, height=max(300, 30 * len(g) + 110))
