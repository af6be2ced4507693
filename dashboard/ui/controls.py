"""The controls every page shares (language, region, year, months), drawn once in the sidebar by app.py so
their values survive page changes, and mirrored into the URL."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import config
from dashboard.i18n import t
from dashboard.i18n.numbers import period_label
from dashboard.reference import regions as regions_ref
from dashboard.store.period import Period
from dashboard.ui import cached, state


def lang_label(code: str) -> str:
    """"RU", "EN": a label with a non-Latin letter makes Streamlit look for a leading emoji, and its emoji
    pattern takes ~0.4 s to compile on a process's first run, on the first screen an official sees."""
    return code.upper()


def _init_state() -> tuple[pd.DataFrame, list[str], list[int]]:
    """Region, year and months from the URL (validated) or their defaults, kept under state.kept(key); returns the
    regions table, their codes and the years loaded for the chosen region."""
    v = cached.version()
    regions = cached.regions(v)
    codes = list(regions["code"]) or [config.region()]
    default_region = config.region() if config.region() in codes else codes[0]
    region, year = state.kept("region"), state.kept("year")
    state.init_from_url("region", state.parse_choice(codes), default_region)
    if st.session_state[region] not in codes:
        st.session_state[region] = default_region
    cov = cached.coverage(v, st.session_state[region])
    if not cov.years:
        st.session_state[region] = default_region
        cov = cached.coverage(v, default_region)
    years = cov.years
    state.init_from_url("year", state.parse_year(years), cov.latest_full_year())
    state.init_from_url("months", state.parse_months_text, (1, 12))
    if st.session_state[year] not in years:
        st.session_state[year] = cov.latest_full_year()
    return regions, codes, years


def _view(lang: str) -> state.View:
    m_from, m_to = st.session_state[state.kept("months")]
    return state.View(lang=lang, region=st.session_state[state.kept("region")],
                      period=Period(int(st.session_state[state.kept("year")]), int(m_from), int(m_to)),
                      partner=st.session_state.get("partner", "KZ"))


def sidebar(lang: str) -> state.View:
    """Draw the shared controls and mirror them into the URL. Each widget is handed its kept value first and
    keeps the user's change through its callback (ui/state.py says why)."""
    regions, codes, years = _init_state()
    for key in state.SHARED:
        state.hand_to_widget(key)
    with st.sidebar:
        st.segmented_control(t("controls.lang", lang), ["ru", "en"], key="lang",
                             format_func=lang_label, on_change=state.keep, args=("lang",))
        names: dict[str, str] = dict(zip(regions["code"], regions["name"], strict=True))

        def region_label(code: str) -> str:
            return f"{regions_ref.display_name(names.get(code, code), lang)} ({code})"
        st.selectbox(t("controls.region", lang), codes, key="region", format_func=region_label,
                     on_change=state.keep, args=("region",))
        st.selectbox(t("controls.year", lang), sorted(years, reverse=True), key="year",
                     on_change=state.keep, args=("year",))
        # st.slider rather than a select_slider of month names: the latter loses its range on reruns
        # in AppTest; the chosen months are spelled out right below it.
        st.slider(t("controls.months", lang), 1, 12, key="months", help=t("controls.months_help", lang),
                  on_change=state.keep, args=("months",))
        m_from, m_to = st.session_state[state.kept("months")]
        st.caption(period_label(int(st.session_state[state.kept("year")]), m_from, m_to, lang))
    view = _view(lang)
    chosen_lang = st.session_state[state.kept("lang")]
    state.write_url(lang=chosen_lang if chosen_lang != "ru" else None,
                    region=view.region if view.region != config.region() else None,
                    year=view.period.year, months=state.months_text((view.period.m_from, view.period.m_to)))
    return view


def view_without_widgets(lang: str) -> state.View:
    """The shared view from the session or the URL, drawing no control: for the presenter page, which shows
    no sidebar. The sidebar's choices are kept under keys no widget owns; they are handed to the widget keys too
    (the presenter reads some there), and the partner is re-assigned so that Streamlit keeps it although its
    widget is not drawn on this page (the partner page finds it again)."""
    _init_state()
    state.init_from_url("partner", state.parse_partner, "KZ")
    for key in state.SHARED:
        state.hand_to_widget(key)
    if "partner" in st.session_state:
        st.session_state["partner"] = st.session_state["partner"]
    return _view(lang)


def period_caption(view: state.View, period: Period) -> str:
    text = period_label(period.year, period.m_from, period.m_to, view.lang)
    if period != view.period:
        text += " · " + t("controls.cut_to_loaded", view.lang)
    return text
