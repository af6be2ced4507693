"""Download buttons of the briefing deck (PPTX with native charts, and PDF), for the presenter page and the
partner page: deck_buttons(view, iso2, period, lang).

The files are made only when a button is clicked (deferred data), and cached by data version, so a click on a
page that is only being looked at costs nothing. The PDF needs LibreOffice; without it the PDF button is
disabled and says why, the PPTX still works.
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.export import pdf
from dashboard.export.slides import build_deck
from dashboard.i18n import t
from dashboard.slide_model import Deck, file_stem
from dashboard.store.period import Period
from dashboard.ui import cached
from dashboard.ui.state import View

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@st.cache_data(show_spinner=False, max_entries=64)
def cached_deck(v: str, iso2: str, year: int, m_from: int, m_to: int, region: str, lang: str) -> Deck:
    """The slides the presenter page shows (made today; a new data version makes them anew)."""
    return build_deck(cached.store(), iso2, Period(year, m_from, m_to), region, lang)


@st.cache_data(show_spinner=False, max_entries=32)
def pptx_file(v: str, iso2: str, year: int, m_from: int, m_to: int, region: str, lang: str, day: str) -> bytes:
    from dashboard.export.pptx_deck import deck_bytes  # python-pptx (~0.1 s to import): only when a deck is asked for
    deck = build_deck(cached.store(), iso2, Period(year, m_from, m_to), region, lang,
                      today=dt.date.fromisoformat(day))
    return deck_bytes(deck)


@st.cache_data(show_spinner=False, max_entries=16)
def pdf_file(v: str, iso2: str, year: int, m_from: int, m_to: int, region: str, lang: str, day: str) -> bytes:
    return pdf.pdf_bytes(pptx_file(v, iso2, year, m_from, m_to, region, lang, day), lang,
                         file_stem(iso2, Period(year, m_from, m_to), lang))


def deck_buttons(view: View, iso2: str, period: Period, lang: str, key: str = "deck") -> None:
    """Two buttons side by side. view.lang is the interface language, lang the language of the slides;
    period should already be cut to the loaded months (Coverage.effective)."""
    args = (cached.version(), iso2, period.year, period.m_from, period.m_to, view.region, lang,
            dt.date.today().isoformat())
    stem = file_stem(iso2, period, lang)
    ui = view.lang
    c1, c2 = st.columns(2)
    c1.download_button(t("present.download_pptx", ui), data=lambda: pptx_file(*args), file_name=f"{stem}.pptx",
                       mime=PPTX_MIME, key=f"{key}_pptx", icon=":material/slideshow:",
                       help=t("present.download_pptx_help", ui), width="stretch")
    if pdf.converter() is None:
        c2.button(t("present.download_pdf", ui), key=f"{key}_pdf", disabled=True, icon=":material/picture_as_pdf:",
                  width="stretch")
        st.caption(t("present.pdf_missing", ui))
    else:
        c2.download_button(t("present.download_pdf", ui), data=lambda: pdf_file(*args), file_name=f"{stem}.pdf",
                           mime="application/pdf", key=f"{key}_pdf", icon=":material/picture_as_pdf:",
                           help=t("present.download_pdf_help", ui), width="stretch")
