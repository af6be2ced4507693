"""The app's own CSS, sent first in each run (app.py); imports nothing heavy."""
import streamlit as st

# KPI values shrink with the window, so "944,6 млн $" fits a card at 1280 px as well as at 1920 px
_CSS = """<style>
[data-testid="stMetricValue"] { font-size: clamp(1.3rem, 1.9vw, 2.25rem); }
[data-testid="stMetricLabel"] p { font-size: 0.95rem; }
</style>"""


def page() -> None:
    st.html(_CSS)
