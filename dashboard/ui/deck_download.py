"""Download buttons of the briefing deck (PPTX with native charts, and PDF) and of the briefing paper (справка,
DOCX), for the presenter page and the partner page: deck_buttons(view, iso2, period, lang).

The files are made only when a button is clicked (deferred data), and cached by data version, so a click on a
page that is only being looked at costs nothing. The PDF needs LibreOffice; without it the PDF button is
disabled and says why, the PPTX still works. The deck is the guest's unless the internal version is asked for
(the presenter's switch, or the toggle drawn here on the partner page); the справка is always the internal one.
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.export import pdf
from dashboard.export.docx_brief import DOCX_MIME, brief_bytes
from dashboard.export.slides import build_deck
from dashboard.i18n import t
from dashboard.slide_model import Deck, file_stem
from dashboard.store.period import Period
from dashboard.ui import cached
from dashboard.ui.state import View

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@st.cache_data(show_spinner=False, max_entries=64)
def cached_deck(v: str, iso2: str, year: int, m_from: int, m_to: int, region: str, lang: str,
                audience: str = "guest") -> Deck:
    """Every slide the presenter page can show (made today; a new data version makes them anew)."""
    return build_deck(cached.store(), iso2, Period(year, m_from, m_to), region, lang, audience=audience)


@st.cache_data(show_spinner=False, max_entries=32)
def pptx_file(v: str, iso2: str, year: int, m_from: int, m_to: int, region: str, lang: str, day: str,
              audience: str = "guest", order: tuple[int, ...] = ()) -> bytes:
    from dashboard.export.pptx_deck import deck_bytes  # python-pptx (~0.1 s to import): only when a deck is asked for
    deck = build_deck(cached.store(), iso2, Period(year, m_from, m_to), region, lang,
                      today=dt.date.fromisoformat(day), audience=audience, slides=order or None)
    return deck_bytes(deck)


@st.cache_data(show_spinner=False, max_entries=16)
def pdf_file(v: str, iso2: str, year: int, m_from: int, m_to: int, region: str, lang: str, day: str,
             audience: str = "guest", order: tuple[int, ...] = ()) -> bytes:
    return pdf.pdf_bytes(pptx_file(v, iso2, year, m_from, m_to, region, lang, day, audience, order), lang,
                         file_stem(iso2, Period(year, m_from, m_to), lang, audience))


@st.cache_data(show_spinner=False, max_entries=16)
def docx_file(v: str, iso2: str, year: int, m_from: int, m_to: int, region: str, lang: str, day: str) -> bytes:
    return brief_bytes(cached.store(), iso2, Period(year, m_from, m_to), region, lang,
                       today=dt.date.fromisoformat(day))


def deck_buttons(view: View, iso2: str, period: Period, lang: str, key: str = "deck", audience: str | None = None,
                 order: tuple[int, ...] = ()) -> None:
    """PPTX, PDF and DOCX side by side. view.lang is the interface language, lang the language of the slides;
    period should already be cut to the loaded months (Coverage.effective). Without `audience` a toggle for the
    internal version is drawn above the buttons; `order` picks slides as build_deck's `slides` does."""
    ui = view.lang
    if audience is None:
        internal = st.toggle(t("present.internal_toggle", ui), key=f"{key}_internal",
                             help=t("present.audience_help", ui))
        audience = "internal" if internal else "guest"
    base = (cached.version(), iso2, period.year, period.m_from, period.m_to, view.region, lang,
            dt.date.today().isoformat())
    args = (*base, audience, tuple(order))
    stem = file_stem(iso2, period, lang, audience)
    c1, c2, c3 = st.columns(3)
    # made when pressed (a deck takes seconds); a press starts no rerun, which would revoke the other buttons'
    # deferred ids while the browser still holds them (widgets.downloads)
    c1.download_button(t("present.download_pptx", ui), data=lambda: pptx_file(*args), file_name=f"{stem}.pptx",
                       mime=PPTX_MIME, key=f"{key}_pptx", icon=":material/slideshow:",
                       help=t("present.download_pptx_help", ui), width="stretch", on_click="ignore")
    if pdf.converter() is None:
        c2.button(t("present.download_pdf", ui), key=f"{key}_pdf", disabled=True, icon=":material/picture_as_pdf:",
                  width="stretch")
    else:
        c2.download_button(t("present.download_pdf", ui), data=lambda: pdf_file(*args), file_name=f"{stem}.pdf",
                           mime="application/pdf", key=f"{key}_pdf", icon=":material/picture_as_pdf:",
                           help=t("present.download_pdf_help", ui), width="stretch",
                           on_click="ignore")
    c3.download_button(t("brief.download", ui), data=lambda: docx_file(*base),
                       file_name=f"{file_stem(iso2, period, lang).replace('briefing_', 'brief_')}.docx",
                       mime=DOCX_MIME, key=f"{key}_docx", icon=":material/description:",
                       help=t("brief.download_help", ui), width="stretch", on_click="ignore")
    if pdf.converter() is None:
        st.caption(t("present.pdf_missing", ui))
