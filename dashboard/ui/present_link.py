"""`?present=1` on a partner link opens the presenter mode with the same partner, period and language.

The partner page calls maybe_switch_to_presenter() at its top (before drawing anything):

    from dashboard.ui.present_link import maybe_switch_to_presenter
    maybe_switch_to_presenter()
"""
from __future__ import annotations

import streamlit as st

PRESENTER_PAGE = "app_pages/present.py"
CARRIED = ("partner", "year", "months", "region", "lang", "slang", "slide", "auto", "audience", "slides")


def maybe_switch_to_presenter() -> None:
    """Switch to the presenter page when the URL has present=1; otherwise do nothing."""
    if st.query_params.get("present") != "1":
        return
    params = {k: st.query_params[k] for k in CARRIED if st.query_params.get(k)}
    st.switch_page(PRESENTER_PAGE, query_params=params)


def presenter_params(partner: str, year: int, months: str | None = None) -> dict[str, str]:
    """Query parameters of a link that opens the presenter on a partner (for st.page_link)."""
    params = {"partner": partner, "year": str(year)}
    if months:
        params["months"] = months
    return params
