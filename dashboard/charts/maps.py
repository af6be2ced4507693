"""The world map, drawn from outlines served by the app itself (dashboard/static/world_110m.json)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.i18n import t


def world(df: pd.DataFrame, lang: str, title: str, projector: bool = False) -> go.Figure:
    """Partners coloured by turnover (log scale, so that small partners still show); df: iso3, name,
    turnover_usd, rank, share."""
    d = df[df["iso3"].notna() & (df["turnover_usd"] > 0)]
    unit = t("units.mln_usd", lang)
    z = np.log10(d["turnover_usd"].to_numpy() / 1e6 + 1e-3)
    ticks = [v for v in (0.1, 1, 10, 100, 1000) if 0.05 <= v <= max(1.0, d["turnover_usd"].max() / 1e6 * 1.5)]
    trace = {
        "type": "choropleth", "locations": d["iso3"].to_numpy(dtype=object), "z": z, "locationmode": "ISO-3",
        "text": d["name"].to_numpy(dtype=object),
        "customdata": np.stack([d["turnover_usd"] / 1e6, d["rank"], d["share"] * 100], axis=-1),
        "hovertemplate": "<b>%{text}</b><br>%{customdata[0]:,.1f} " + unit + "<br>"
        + t("charts.rank", lang) + ": %{customdata[1]:.0f} · %{customdata[2]:.1f}%<extra></extra>",
        "colorscale": [[i / (len(theme.SEQUENTIAL) - 1), c] for i, c in enumerate(theme.SEQUENTIAL)],
        "marker": {"line": {"color": "white", "width": 0.5}},
        "colorbar": {"title": {"text": unit}, "tickvals": np.log10(ticks).tolist(),
                     "ticktext": [f"{v:g}".replace(".", "," if lang == "ru" else ".") for v in ticks],
                     "thickness": 14, "len": 0.7},
    }
    layout = {"geo": {"projection": {"type": "natural earth"}, "showframe": False, "showcoastlines": False,
                      "showcountries": True, "countrycolor": "#CCCCCC", "showland": True, "landcolor": "#F3F4F6",
                      "resolution": 110, "lataxis": {"range": [-58, 85]}},
              "margin": {"l": 0, "r": 0, "t": 50, "b": 0}}
    # built as dicts like the other charts (theme.figure): validating the choropleth took ~0.1 s on a first run
    return theme.figure([trace], layout, lang, title, projector, height=520 if projector else 440)
