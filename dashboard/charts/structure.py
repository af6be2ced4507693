"""Charts of the commodity structure (HS section -> chapter -> heading) and top goods.

Built as plain dicts by theme.figure, without Plotly's validation (see there)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.i18n import t
from dashboard.i18n.columns import name_column

MLN = 1e6
LEVELS = ("section_name", "chapter_name", "heading_name")


def _names(df: pd.DataFrame, lang: str, levels: tuple[str, ...] = LEVELS) -> pd.DataFrame:
    """value_usd with the display names of the levels asked for (only those: each costs a string column)."""
    d = pd.DataFrame({"value_usd": df["value_usd"]}, index=df.index)
    if "section_name" in levels:
        d["section_name"] = df["roman"].fillna("?") + ". " + df[name_column(lang, "section")].fillna("")
    if "chapter_name" in levels:
        d["chapter_name"] = df["chapter"] + " " + df[name_column(lang, "chapter")].fillna("")
    if "heading_name" in levels:
        fallback = t("goods.heading_fallback", lang)
        d["heading_name"] = df["heading"] + " " + df[name_column(lang, "heading")].fillna(fallback)
    return d


def treemap(df: pd.DataFrame, lang: str, title: str, projector: bool = False, depth: int = 2) -> go.Figure:
    """Sections containing chapters (and headings when depth=3), sized by value; df from commodity_structure."""
    levels = LEVELS[:depth]
    d = _names(df, lang, levels)
    ids: list[str] = []
    labels: list[str] = []
    parents: list[str] = []
    values: list[float] = []
    for level in range(depth):
        g = d.groupby(list(levels[: level + 1]), dropna=False)["value_usd"].sum()
        # each node's path from the root, e.g. 'XVI. Machinery / 84 Reactors'; its parent's path is one step less
        paths = [(k,) if level == 0 else k for k in g.index.tolist()]
        ids += [" / ".join(p) for p in paths]
        labels += [p[-1] for p in paths]
        parents += [" / ".join(p[:-1]) for p in paths]
        values += (g / MLN).tolist()
    unit = t("units.mln_usd", lang)
    trace = {
        "type": "treemap", "ids": ids, "labels": labels, "parents": parents, "values": values,
        "branchvalues": "total",
        "texttemplate": "%{label}<br>%{value:,.1f} " + unit + " · %{percentRoot:.0%}",
        "hovertemplate": "%{label}<br>%{value:,.1f} " + unit + "<br>%{percentRoot:.1%}<extra></extra>",
        "maxdepth": depth + 1, "pathbar": {"visible": True}, "root": {"color": "white"},
    }
    return theme.figure([trace], {}, lang, title, projector, height=460)


def top_goods(df: pd.DataFrame, flow: str, lang: str, title: str, n: int = 10,
              projector: bool = False) -> go.Figure:
    """The n largest headings of one flow; df from commodity_structure."""
    d = _names(df[df["flow"] == flow], lang, ("heading_name",))
    g = d.groupby("heading_name")["value_usd"].sum().nlargest(n).iloc[::-1]
    unit = t("units.mln_usd", lang)
    names = g.index.tolist()
    trace = {
        "type": "bar", "y": [name if len(name) <= 48 else name[:46] + "…" for name in names],
        "x": g.to_numpy() / MLN, "orientation": "h", "marker": {"color": theme.FLOW_COLOURS[flow]},
        "customdata": names, "hovertemplate": "%{customdata}: %{x:,.1f} " + unit + "<extra></extra>",
    }
    layout = {"xaxis": {"title": {"text": unit}}, "showlegend": False}
    return theme.figure([trace], layout, lang, title, projector, height=max(300, 30 * len(g) + 110))
