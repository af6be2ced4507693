"""A slide's chart (slide_model.Chart) as a Plotly figure for the presenter mode: the projector theme, type
scaled to the screen, values labelled on the chart so nobody needs to hover."""
from __future__ import annotations

import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.slide_model import Chart


def _fmt(decimals: int) -> str:
    return f"%{{y:,.{decimals}f}}" if decimals else "%{y:,.0f}"


def figure(c: Chart, lang: str, height: int, scale: float = 1.0) -> go.Figure:
    """scale: 1.0 at 1080 px of screen height (type size 24 px), smaller on smaller screens."""
    size = max(12, round(24 * scale))
    fig = go.Figure()
    if c.kind == "bar":
        for s in c.series:
            fig.add_bar(y=list(c.categories), x=list(s.values), orientation="h", name=s.name,
                        marker_color=s.colour, text=list(s.values), textposition="outside",
                        texttemplate=f"%{{x:,.{c.decimals}f}}", cliponaxis=False,
                        hovertemplate="%{y}: %{x:,.1f} " + c.unit + "<extra></extra>")
        fig.update_layout(xaxis_title=c.unit, showlegend=False)
        fig.update_xaxes(showgrid=True, gridcolor="#E5E7EB")
    elif c.kind == "rank_line":
        s = c.series[0]
        fig.add_scatter(x=list(c.categories), y=list(s.values), mode="lines+markers+text",
                        text=[f"{v:.0f}" if v is not None else "" for v in s.values], textposition="top center",
                        textfont={"size": round(size * 1.3), "color": theme.INK},
                        line={"color": s.colour, "width": 5}, marker={"size": round(16 * scale)},
                        name=s.name, hovertemplate="%{x}: %{y}<extra></extra>", cliponaxis=False)
        worst = max((v for v in s.values if v is not None), default=5)
        fig.update_yaxes(autorange=False, range=[worst + 1.5, 0.3], visible=False)
        fig.update_layout(showlegend=False)
    else:
        for s in c.series:
            fig.add_bar(x=list(c.categories), y=list(s.values), name=s.name, marker_color=s.colour,
                        text=list(s.values), texttemplate=_fmt(c.decimals),
                        textposition="inside" if c.kind == "stacked_column" else "outside",
                        insidetextanchor="middle", cliponaxis=False,
                        hovertemplate="%{x}: %{y:,.1f}<extra>%{fullData.name}</extra>")
        fig.update_layout(barmode="stack" if c.kind == "stacked_column" else "group", yaxis_title=c.unit)
        fig.update_traces(textfont={"size": size}, selector={"type": "bar"})
    fig = theme.apply(fig, lang, c.title, projector=True, height=height)
    if c.kind == "bar":
        fig.update_yaxes(type="category", tickfont={"size": size})
    else:
        fig.update_xaxes(type="category", tickfont={"size": size})
    fig.update_layout(
        font={"size": size},
        title={"font": {"size": round(size * 1.1)}, "y": 0.98, "yanchor": "top"},
        # the title on the left, the legend on the right of the same line above the plot
        legend={"font": {"size": size}, "orientation": "h", "x": 1, "xanchor": "right", "y": 1.0,
                "yanchor": "bottom"},
        margin={"l": 10, "r": 40, "t": round(80 * scale) if c.title else 10, "b": 10},
        uniformtext={"minsize": size, "mode": "hide"},  # a label that does not fit at full size is left out
    )
    return fig
