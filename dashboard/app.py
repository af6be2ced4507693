"""The router: page config, the shared sidebar controls, and the navigation. Pages live in app_pages/."""
from __future__ import annotations

import streamlit as st

from dashboard import config
from dashboard.i18n import LANGS, t
from dashboard.ui import controls, frame, state

st.set_page_config(page_title="Внешняя торговля Волгоградской области", page_icon=":material/public:", layout="wide",
                   initial_sidebar_state="expanded")
state.init_from_url("lang", state.parse_choice(LANGS), config.get("DASHBOARD_LANG"))
lang = state.lang()

PAGES = [
    st.Page("app_pages/overview.py", title=t("pages.overview", lang), icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("app_pages/partners.py", title=t("pages.partners", lang), icon=":material/leaderboard:", url_path="partners"),
    st.Page("app_pages/partner.py", title=t("pages.partner", lang), icon=":material/handshake:", url_path="partner"),
    st.Page("app_pages/goods.py", title=t("pages.goods", lang), icon=":material/inventory_2:", url_path="goods"),
]
page = st.navigation(PAGES)
if frame.ready(lang):
    st.session_state["view"] = controls.sidebar(lang)
    frame.sidebar_footer(lang)
    page.run()
