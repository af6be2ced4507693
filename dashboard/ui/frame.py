"""What surrounds every page: the "no data yet" screen, the demo-data notice, the data version footnote, and
"данные на …" (the latest month loaded) with a warning when that month is more than six months old."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard import config
from dashboard.i18n import t
from dashboard.i18n.numbers import period_label
from dashboard.store.db import NoData
from dashboard.store.period import Period
from dashboard.ui import cached, state


def ready(lang: str) -> bool:
    """False (with instructions on screen) when nothing is published yet."""
    try:
        cached.pin_version()  # the version this run serves, resolved once (ui/cached.py)
    except NoData:
        st.error(t("frame.no_data", lang, db=config.get("DASHBOARD_DB")))
        return False
    if cached.store().warning:  # the current version is damaged: an older one is served
        st.warning(t("auth.store_fallback", lang, serving=cached.version_label(cached.version(), lang)),
                   icon=":material/warning:")
    st.session_state["frame_served"] = cached.version()
    return True


def _served_changed() -> None:
    """A damaged data block shows only when a query reads it: the store then serves an older version, mid-page.
    Run the page again, so that it is drawn from that version throughout, under the warning (see ready)."""
    now = cached.served_now()
    moved = st.session_state.get("frame_served", now) != now
    if moved and cached.store().warning:  # not after a publication made in this run: its message stays shown
        st.rerun()


def view() -> state.View:
    return st.session_state["view"]


def sidebar_footer(lang: str) -> None:
    v = cached.version()
    with st.sidebar:
        if cached.is_demo(v):
            # (Material icons come with Streamlit's own font; an emoji needs a font an intranet machine may lack)
            st.info(t("frame.demo_notice", lang), icon=":material/info:")
            with st.expander(t("frame.demo_calibrated", lang)):
                st.markdown(t("frame.demo_figures", lang))
        st.caption(t("frame.version", lang, version=cached.version_label(v, lang)))
        month = as_of(lang, view().region)
        if month:
            st.caption(t("asof.caption", lang, month=month))
            if stale(view().region):
                st.warning(t("asof.stale", lang, month=month), icon=":material/hourglass_empty:")


def as_of(lang: str, region: str) -> str | None:
    """'сентябрь 2023': the latest month loaded for the region; None when none is."""
    latest = cached.coverage(cached.version(), region).latest_month()
    return period_label(latest[0], latest[1], latest[1], lang) if latest else None


def stale(region: str) -> bool:
    """The latest month loaded is more than six months before today (config.today, which tests replace)."""
    return cached.coverage(cached.version(), region).stale(config.today())


def footnote(lang: str, period_text: str, scope_text: str) -> None:
    """Every figure says its period, scope and source. Called last by the analytical pages."""
    _served_changed()
    label = cached.version_label(cached.version(), lang)
    text = t("frame.footnote", lang, period=period_text, scope=scope_text, version=label)
    month = as_of(lang, view().region)
    if month:  # on the page itself too: the sidebar is not printed with a fact sheet
        text += " · " + t("asof.caption", lang, month=month)
        text += f" ({t('asof.stale_short', lang)})" if stale(view().region) else ""
    st.caption(text)


def scope_text(lang: str, region: str, year: int) -> str:
    return t(cached.scope(cached.version(), region, year).label_key, lang)


@dataclass(frozen=True)
class Page:
    """What every analytical page starts from: the view, the period cut to the loaded months, its labels."""
    view: state.View
    lang: str
    region: str
    period: Period
    v: str          # data version: the cache key of every query
    ptext: str      # 'январь–сентябрь 2023'
    short: str      # 'янв–сен 2023', for chart titles
    scope: str      # 'с учётом ЕАЭС'
    caption: str    # period (and a note when cut to the loaded months) · scope


def page() -> Page:
    from dashboard.ui import controls  # controls draws widgets; imported here to keep frame light
    view = st.session_state["view"]
    v = cached.version()
    period = cached.coverage(v, view.region).effective(view.period)
    lang, region = view.lang, view.region
    scope = scope_text(lang, region, period.year)
    return Page(view, lang, region, period, v,
                period_label(period.year, period.m_from, period.m_to, lang),
                period_label(period.year, period.m_from, period.m_to, lang, short=True), scope,
                controls.period_caption(view, period) + " · " + scope)
