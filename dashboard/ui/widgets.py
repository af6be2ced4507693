"""Widgets the pages share: KPI cards, charts with offline map outlines and PNG export, table downloads."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from pandas.io.formats.style import Styler

from dashboard.charts import theme
from dashboard.export import tables
from dashboard.i18n import t
from dashboard.i18n.numbers import column_formatter, money, number, percent

# relative, so it also works behind a reverse proxy with a path prefix; Streamlit serves dashboard/static here
STATIC_URL = "app/static/"


class CachedFigure(go.Figure):
    """A figure already built and kept as its dict (fig.to_dict(), cached), handed to st.plotly_chart as it is.

    st.plotly_chart validates a plain dict property by property (plotly.tools.return_figure_from_figure_or_data),
    and of a Figure it only takes fig.to_dict(); but even `go.Figure(spec, _validate=False)` builds an object for
    every trace and property again, ~3 ms a chart and ~10 % of a page view's server CPU on the chart pages. This
    Figure is its dict and nothing more: BaseFigure's own __init__, the cost it avoids, is not called, so use it
    only to show a spec (tests/unit/test_charts.py: the cached dict draws the same figure)."""

    def __init__(self, spec: dict):  # go.Figure.__init__ deliberately not called
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec

    def __repr__(self) -> str:
        return f"CachedFigure({len(self._spec.get('data', []))} traces)"


def chart(fig: go.Figure | dict, lang: str, key: str, file_name: str) -> None:
    """fig: a figure, or a cached figure dict (fig.to_dict()), shown as it is (CachedFigure)."""
    if isinstance(fig, dict):
        fig = CachedFigure(fig)
    st.plotly_chart(fig, width="stretch", key=key,
                    config=theme.plot_config(lang, file_name, STATIC_URL))


def kpis(items: list[tuple[str, str, str | None, str | None]]) -> None:
    """items: (label, value, delta text or None, help or None)."""
    cols = st.columns(len(items))
    for col, (label, value, delta, help_) in zip(cols, items, strict=True):
        col.metric(label, value, delta=delta, help=help_, border=True)


def kpi_money(lang: str, key: str, value: float | None, growth: float | None) -> tuple[str, str, str | None, str]:
    return (t(f"kpi.{key}", lang), money(value, lang),
            delta_text(percent(growth, lang, signed=True)) if growth is not None else None,
            t("kpi.growth_help", lang))


def kpi_count(lang: str, key: str, value: int | None, prev: int | None) -> tuple[str, str, str | None, str]:
    delta = None
    if value is not None and prev is not None:
        delta = delta_text(("+" if value >= prev else "") + number(value - prev, 0, lang))
    return (t(f"kpi.{key}", lang), number(value, 0, lang), delta, t("kpi.growth_help", lang))


def delta_text(text: str) -> str:
    """st.metric decides the arrow from a leading ASCII '-', so the typographic minus is swapped back."""
    return text.replace("\u2212", "-")


@st.cache_data(show_spinner=False, max_entries=32)
def table_files(df: pd.DataFrame, file_stem: str, note: str) -> tuple[bytes, bytes]:
    """The CSV and XLSX bytes of a table, made once per table content (the DataFrame is hashed by value, so a new
    data version or another filter is another entry) and reused by every rerun and session."""
    return tables.csv_bytes(df), tables.xlsx_bytes(df, file_stem, note)


def downloads(df: pd.DataFrame, lang: str, key: str, file_stem: str, note: str = "") -> None:
    """CSV for Excel and XLSX, as files whose URL outlives a rerun (issue 16.6).

    Not `data=lambda: ...`: Streamlit gives a deferred download a new id on every run and revokes the old one as
    soon as the run reaches the button again, and by default a download click starts such a run; so XLSX pressed
    right after CSV could send an id already revoked ("Deferred file ... not found" in the server log, no file).
    Bytes are named by their content: each run registers the same URL again, and a URL a run has dropped is kept
    for one more run before it is deleted. A click changes nothing on the page, so it starts no run either."""
    csv, xlsx = table_files(df, file_stem, note)
    # a row as wide as the buttons' texts (fixed column fractions cut "CSV для Excel" in a narrow column);
    # it wraps when even that does not fit
    row = st.container(horizontal=True)
    row.download_button(t("partners.download_csv", lang), csv, f"{file_stem}.csv", mime="text/csv",
                        key=f"{key}_csv", icon=":material/download:", width="content", on_click="ignore")
    row.download_button(t("partners.download_xlsx", lang), xlsx, f"{file_stem}.xlsx", key=f"{key}_xlsx",
                        icon=":material/download:", width="content", on_click="ignore",
                        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def number_style(df: pd.DataFrame, lang: str, signed: tuple[str, ...] = ()) -> Styler:
    """The table with every number column shown in the language's format whatever the browser's locale
    (column_config's "localized" follows the browser, printf formats always print a point), one number of
    decimals per column (the unit, "%" too, is in the header). The values stay numbers: st.dataframe shows a
    Styler's display text in a number column that has no format of its own, and sorts it by the value
    (checked in Streamlit 1.67's grid and by tests/e2e/test_layout.py); so no such column gets a format."""
    fmt = {}
    for col in df.columns:
        if pd.api.types.is_float_dtype(df[col]):
            fmt[col] = column_formatter(df[col], lang, signed=col in signed)
        elif pd.api.types.is_integer_dtype(df[col]):
            fmt[col] = column_formatter(df[col], lang, decimals=0)
    return df.style.format(fmt)


def growth_colour(value: float | None) -> str:
    """Green for growth, red for decline; the sign is printed too, so colour is never the only cue."""
    if value is None or pd.isna(value):
        return ""
    return "color: #1a7f37" if float(value) > 0 else ("color: #b42318" if float(value) < 0 else "")
