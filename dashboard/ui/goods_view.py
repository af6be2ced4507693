"""Shaping of commodity data for the goods page (names in the chosen language, tables for people)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.charts import structure
from dashboard.i18n import t
from dashboard.i18n.columns import name_column
from dashboard.ui import cached

FLOWS = ["E", "I", "EI"]


def chapter_options(df: pd.DataFrame, lang: str) -> dict[str, str]:
    """Chapters of the data, largest first: code -> '27 Топливо минеральное… (1 234,5 млн $)'."""
    col = name_column(lang, "chapter")
    g = df.groupby(["chapter", col], dropna=False)["value_usd"].sum().sort_values(ascending=False)
    return {code: f"{code} {name}" for (code, name) in g.index}


def with_names(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    return df.assign(name=df[name_column(lang)].fillna(df["iso2"]))


def as_flows(df: pd.DataFrame, flow: str) -> pd.DataFrame:
    """The top-partners chart wants exports and imports columns; a one-flow view fills one of them."""
    return df.assign(exports_usd=df["value_usd"] if flow in ("E", "EI") else 0.0,
                     imports_usd=df["value_usd"] if flow == "I" else 0.0, share=0.0)


def headings_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    heading = name_column(lang, "heading")
    g = (df.groupby(["flow", "chapter", "heading", heading], dropna=False)
         .agg(value_usd=("value_usd", "sum"), netto_kg=("netto_kg", "sum")).reset_index()
         .sort_values("value_usd", ascending=False))
    return pd.DataFrame({
        t("goods.flow", lang): g["flow"].map(lambda f: t(f"flows.{f}", lang)),
        t("goods.chapter", lang): g["chapter"],
        t("goods.col_heading", lang): g["heading"] + " " + g[heading].fillna(""),
        # not rounded: the page shows one number of decimals per column (widgets.number_style)
        t("goods.col_value", lang): g["value_usd"] / 1e6,
        t("goods.col_netto", lang): g["netto_kg"] / 1000,
    })


# What the goods page shows of one flow, cached per data version like the queries (a rerun or a second visitor
# regroups nothing): the grouping and the treemap's building took about half of the page's CPU at every run.
def _part(v: str, region: str, year: int, m_from: int, m_to: int, flow: str) -> pd.DataFrame:
    data = cached.commodity_structure(v, region, year, m_from, m_to, None)
    return data if flow == "EI" else data[data["flow"] == flow]


@st.cache_data(show_spinner=False, max_entries=64)
def chapters_of(v: str, region: str, year: int, m_from: int, m_to: int, flow: str, lang: str) -> dict[str, str]:
    """chapter_options of the flow's rows ({} when the flow has none)."""
    return chapter_options(_part(v, region, year, m_from, m_to, flow), lang)


@st.cache_data(show_spinner=False, max_entries=64)
def treemap_of(v: str, region: str, year: int, m_from: int, m_to: int, flow: str, lang: str, title: str,
               depth: int) -> dict:
    """The flow's treemap as a figure dict (widgets.chart makes it a figure again without validation)."""
    return structure.treemap(_part(v, region, year, m_from, m_to, flow), lang, title, depth=depth).to_dict()


@st.cache_data(show_spinner=False, max_entries=128)
def table_of(v: str, region: str, year: int, m_from: int, m_to: int, flow: str, lang: str,
             chapter: str | None) -> pd.DataFrame:
    """headings_table of the flow's rows, of one chapter or (None) of all, for the download."""
    part = _part(v, region, year, m_from, m_to, flow)
    return headings_table(part if chapter is None else part[part["chapter"] == chapter], lang)
