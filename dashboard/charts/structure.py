"""Charts of the commodity structure (HS section -> chapter -> heading) and top goods.

Built as plain dicts by theme.figure, without Plotly's validation (see there)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.i18n import t
from dashboard.i18n.columns import name_column

MLN = theme.MLN
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


def _fold_small(g: pd.Series, keep: int, floor: float, others: str) -> pd.Series:
    """The keep largest entries of a level that reach floor, and one "others" entry holding the rest (when more
    than one is left: a single small tile is shown under its own name)."""
    g = g.sort_values(ascending=False)
    keep = min(keep, max(1, int((g >= floor).sum())))
    if len(g) <= keep + 1:
        return g
    return pd.concat([g.iloc[:keep], pd.Series({others: g.iloc[keep:].sum()})])


def treemap(df: pd.DataFrame, lang: str, title: str, projector: bool = False, depth: int = 2,
            scale: float = MLN, sections: int = 6, children: int = 3, min_share: float = 0.02) -> go.Figure:
    """Sections containing chapters (and headings when depth=3), sized by value; df from commodity_structure.

    Read from across a meeting room: the sections largest first, their `children` largest chapters (headings)
    each, and the rest of every level, with every tile under min_share of the whole, as one "others" tile, so
    the tiles are few and large enough for a label."""
    levels = LEVELS[:depth]
    d = _names(df, lang, levels)
    others = t("charts.others", lang)
    ids: list[str] = []
    labels: list[str] = []
    parents: list[str] = []
    values: list[float] = []
    hovers: list[str] = []  # the full names; the tiles show them cut to a length that fits a tile

    def add(path: tuple[str, ...], value: float) -> None:
        # each node's id is its path from the root, e.g. 'XVI. Machinery / 84 Reactors'
        ids.append(" / ".join(path))
        labels.append(_short(path[-1]))
        hovers.append(path[-1])
        parents.append(" / ".join(path[:-1]))
        values.append(value / scale)

    floor = float(d["value_usd"].sum()) * min_share

    def walk(part: pd.DataFrame, prefix: tuple[str, ...], level: int, keep: int) -> None:
        g = _fold_small(part.groupby(levels[level], dropna=False)["value_usd"].sum(), keep, floor, others)
        for name, value in g.items():
            path = prefix + (str(name),)
            add(path, float(value))
            if level + 1 < depth and name != others:
                walk(part[part[levels[level]] == name], path, level + 1, children)

    walk(d, (), 0, sections)
    unit = t("units.mln_usd", lang) if scale == MLN else t("units.thousand_usd", lang)
    trace = {
        "type": "treemap", "ids": ids, "labels": labels, "parents": parents, "values": values,
        "branchvalues": "total",
        "texttemplate": "%{label}<br>%{value:,.1f} " + unit + " · %{percentRoot:.0%}",
        "customdata": hovers,
        "hovertemplate": "%{customdata}<br>%{value:,.1f} " + unit + "<br>%{percentRoot:.1%}<extra></extra>",
        "maxdepth": depth + 1, "pathbar": {"visible": True}, "root": {"color": "white"},
        "tiling": {"pad": 2},
    }
    return theme.figure([trace], {}, lang, title, projector, height=460)


def _short(name: str, width: int = 32) -> str:
    """A tile's label: the name cut at a word before `width` characters (Plotly shrinks a label to fit its
    tile, and a chapter's full name shrank to a size nobody reads at 3 m)."""
    if len(name) <= width:
        return name
    cut = name.rfind(" ", 0, width - 1)
    return name[: cut if cut > width // 2 else width - 1].rstrip(",;: ") + "…"


def top_goods(df: pd.DataFrame, flow: str, lang: str, title: str, n: int = 10,
              projector: bool = False, scale: float = MLN) -> go.Figure:
    """The n largest headings of one flow; df from commodity_structure."""
    d = _names(df[df["flow"] == flow], lang, ("heading_name",))
    g = d.groupby("heading_name")["value_usd"].sum().nlargest(n).iloc[::-1]
    unit = t("units.mln_usd", lang) if scale == MLN else t("units.thousand_usd", lang)
    names = g.index.tolist()
    trace = {
        "type": "bar", "y": [name if len(name) <= 48 else name[:46] + "…" for name in names],
        "x": g.to_numpy() / scale, "orientation": "h", "marker": {"color": theme.FLOW_COLOURS[flow]},
        "customdata": names, "hovertemplate": "%{customdata}: %{x:,.1f} " + unit + "<extra></extra>",
    }
    layout = {"xaxis": {"title": {"text": unit}}, "showlegend": False}
    return theme.figure([trace], layout, lang, title, projector, height=max(300, 30 * len(g) + 110))
