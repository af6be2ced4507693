"""The view's state lives in the URL, so a copied link opens the same view.

Every widget that is part of the state has a key named after its query parameter. On a session's first run,
and on a run caused by the browser's Back or Forward (ui/history.py), the widget's value comes from the URL
(validated: a bad value gives a message and the default; a missing one, the default, since write_url leaves
defaults out); after each run the current values are written back to the URL.

The sidebar's choices (SHARED) are kept under a key of their own, `kept(key)`, that no widget owns: Streamlit
drops the state of a widget that a run did not draw, and a sidebar click into a page run in progress can make it
do so for the sidebar's widgets (the browser reports only the widgets it holds at the click), after which the
browser shows the widget's first option and sends it back as the user's choice. The kept value is handed to the
widget before every run draws it (`hand_to_widget`), and the widget's change callback (`keep`) takes the user's
choice back.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from dashboard import config
from dashboard.i18n import LANGS, t
from dashboard.reference import partners as ref_partners
from dashboard.store.period import Period, parse_months
from dashboard.ui import history

GROUPS = ("all",) + ref_partners.GROUPS


@dataclass(frozen=True)
class View:
    lang: str
    region: str
    period: Period        # as chosen
    partner: str


SHARED = ("lang", "region", "year", "months")


def kept(key: str) -> str:
    """The session key, owned by no widget, that holds a sidebar choice between runs."""
    return f"kept.{key}"


def _store_key(key: str) -> str:
    return kept(key) if key in SHARED else key


def hand_to_widget(key: str) -> None:
    """Before the widget is drawn: give it the kept choice (every run, so no cleanup of widget state loses it)."""
    st.session_state[key] = st.session_state[kept(key)]


def keep(key: str) -> None:
    """The widget's change callback: the user's choice becomes the kept one (a cleared value keeps the old)."""
    value = st.session_state.get(key)
    if value is not None:
        st.session_state[kept(key)] = value


def lang() -> str:
    value = (st.session_state.get(kept("lang")) or st.session_state.get("lang") or st.query_params.get("lang")
             or config.get("DASHBOARD_LANG"))
    return value if value in LANGS else "ru"


def _warn(name: str, value: str) -> None:
    st.session_state.setdefault("_url_problems", []).append((name, value))


def init_from_url(key: str, parse: Callable[[str], object], default: object) -> None:
    """Put the URL's value (or the default) into the widget's state before the widget is drawn: once a session,
    and again when Back or Forward brings a view back. A sidebar choice (SHARED) goes to its kept key."""
    store = _store_key(key)
    if store in st.session_state and not history.restoring():
        return
    raw = st.query_params.get(key)
    if raw is None:
        st.session_state[store] = default
        return
    try:
        st.session_state[store] = parse(raw)
    except (ValueError, KeyError, TypeError):
        _warn(key, raw)
        st.session_state[store] = default


def show_url_problems() -> None:
    """One clear message per bad URL value; the default view is shown instead."""
    for name, value in st.session_state.pop("_url_problems", []):
        st.warning(t("url.bad_value", lang(), name=name, value=value[:40]), icon=":material/warning:")


def write_url(**values: object) -> None:
    """Mirror the state into the URL, leaving out empty values."""
    for k, v in values.items():
        text = "" if v is None else str(v)
        if text:
            if st.query_params.get(k) != text:
                st.query_params[k] = text
        elif k in st.query_params:
            del st.query_params[k]


def parse_partner(raw: str) -> str:
    code = raw.strip().upper()
    if not ref_partners.is_known(code):
        raise ValueError(raw)
    return code


def parse_months_text(raw: str) -> tuple[int, int]:
    return parse_months(raw)


def months_text(m: tuple[int, int]) -> str:
    return "" if m == (1, 12) else f"{m[0]}-{m[1]}"


def parse_year(years: list[int]) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        y = int(raw)
        if y not in years:
            raise ValueError(raw)
        return y
    return parse


def parse_choice(options: tuple[str, ...] | list[str]) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if raw not in options:
            raise ValueError(raw)
        return raw
    return parse
