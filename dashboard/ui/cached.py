"""Cached access to the store. One connection per process; answers are cached with the data version as part of
the key, so a newly published version refreshes every page at once. Everything comes from store/answers.py."""
from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import config
from dashboard.i18n.numbers import version_label as version_text
from dashboard.store import answers
from dashboard.store.db import Store
from dashboard.store.national import NationalPicture, national_picture
from dashboard.store.period import Period


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    return Store(Path(path))


# The Store of each path once st.cache_resource has made it: a cache_resource read takes Streamlit's lock of all
# resource caches, and under load every session's thread queued on it (benchmarks/README.md, "The capacity stall").
_stores: dict[str, Store] = {}


def store() -> Store:
    """The process's one Store for the configured database (keyed by path, so tests can switch)."""
    path = str(config.db_path())
    found = _stores.get(path)
    if found is None:
        found = _stores.setdefault(path, _store(path))
    return found


# The version a script run serves, resolved once at its start (pin_version, from frame.ready): resolving it reads
# the pointer from the disk (~15 file system calls), and a page asked for it some 10-25 times a run; each call
# gives up the interpreter lock and, under load, waits for it again behind every other session's thread.
_pinned = threading.local()


def pin_version() -> str:
    """Resolve the served version for the script run on this thread; version() returns it until unpin."""
    _pinned.v = served_now()
    return _pinned.v


def unpin_version() -> None:
    """The run is over (the router calls this last, whatever the run ended with)."""
    _pinned.v = None


def served_now() -> str:
    """The version the store serves at this moment, not the run's pin: it moves mid-run when a query finds the
    served version damaged (frame._served_changed compares the two)."""
    return str(store().served)


def version() -> str:
    """The cache key of every query: the full path of the published file, unique per version (the run's pin)."""
    v = getattr(_pinned, "v", None)
    return v if v is not None else served_now()


@st.cache_data(show_spinner=False, max_entries=16)
def version_label(v: str, lang: str = "ru") -> str:
    return version_text(answers.version_number(store()), answers.published_at(store()), lang)


@st.cache_data(show_spinner=False, max_entries=16)
def version_label_of(path: str, lang: str = "ru") -> str:
    """The label of any published version file: a published file never changes, so its path is the key."""
    return version_text(*answers.version_of(Path(path)), lang)


@st.cache_data(show_spinner=False, max_entries=64)
def coverage(v: str, region: str) -> answers.Coverage:
    return answers.coverage(store(), region)


@st.cache_data(show_spinner=False, max_entries=256)
def ranking(v: str, region: str, year: int, m_from: int, m_to: int) -> pd.DataFrame:
    return answers.ranking(store(), region, Period(year, m_from, m_to))


@st.cache_data(show_spinner=False, max_entries=256)
def region_kpis(v: str, region: str, year: int, m_from: int, m_to: int) -> answers.RegionKpis | None:
    return answers.region_kpis(store(), region, Period(year, m_from, m_to))


@st.cache_data(show_spinner=False, max_entries=256)
def rank_history(v: str, region: str, iso2: str, m_from: int, m_to: int) -> pd.DataFrame:
    return answers.rank_history(store(), region, iso2, m_from, m_to)


@st.cache_data(show_spinner=False, max_entries=256)
def monthly_flows(v: str, region: str, iso2: str | None) -> pd.DataFrame:
    return answers.monthly_flows(store(), region, iso2)


@st.cache_data(show_spinner=False, max_entries=256)
def commodity_structure(v: str, region: str, year: int, m_from: int, m_to: int,
                        iso2: str | None) -> pd.DataFrame:
    return answers.commodity_structure(store(), region, Period(year, m_from, m_to), iso2)


@st.cache_data(show_spinner=False, max_entries=256)
def chapter_partners(v: str, region: str, year: int, m_from: int, m_to: int, chapter: str,
                     flow: str | None) -> pd.DataFrame:
    return answers.chapter_partners(store(), region, Period(year, m_from, m_to), chapter, flow)


@st.cache_data(show_spinner=False, max_entries=256)
def firms_history(v: str, iso2: str) -> pd.DataFrame:
    return answers.firms_history(store(), iso2)


@st.cache_data(show_spinner=False, max_entries=64)
def scope(v: str, region: str, year: int) -> answers.Scope:
    return answers.scope(store(), region, year)


@st.cache_data(show_spinner=False, max_entries=16)
def partner_list(v: str, region: str) -> pd.DataFrame:
    return answers.partner_list(store(), region)


@st.cache_data(show_spinner=False, max_entries=16)
def is_demo(v: str) -> bool:
    return answers.meta(store(), "demo") != "0"


@st.cache_data(show_spinner=False, max_entries=16)
def regions(v: str) -> pd.DataFrame:
    return answers.regions(store())


@st.cache_data(show_spinner=False, max_entries=16)
def official_figures(v: str, region: str) -> list[answers.Official]:
    """Every official figure of the region (ДСП ones too): the pages show them marked."""
    return answers.official_figures(store(), region)


@st.cache_data(show_spinner=False, max_entries=256)
def national(v: str, region: str, year: int, m_from: int, m_to: int, iso2: str) -> NationalPicture:
    """The partner page's national block: six queries (~0.05 s of CPU), the partner page's largest cost before."""
    return national_picture(store(), region, Period(year, m_from, m_to), iso2)
