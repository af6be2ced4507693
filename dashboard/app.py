"""The router: page config, the shared sidebar controls, and the navigation. Pages live in app_pages/."""
from __future__ import annotations

import streamlit as st

from dashboard import config
from dashboard.i18n import LANGS, t
from dashboard.ui import state, style

# The language first (it draws nothing), so that the browser's tab is titled in it too.
state.init_from_url("lang", state.parse_choice(LANGS), config.get("DASHBOARD_LANG"))
lang = state.lang()
# The icon is a local file: a Material icon here would be fetched from a font host outside the intranet (and so
# would the page's icon if the navigation came first). Given by its static URL: dashboard/static/ is served at
# app/static/, and a file path would be copied into every session's media store.
st.set_page_config(page_title=t("app.title", lang),
                   page_icon="/app/static/favicon.png", layout="wide",
                   # "auto": open on a desktop, closed on a phone, where it would cover the page (Streamlit
                   # collapses it below its mobile breakpoint)
                   initial_sidebar_state="auto")


def _page(name: str, icon: str, default: bool = False) -> st.Page:
    """A page of app_pages/, titled in the interface language; icons are Material symbols bundled with Streamlit."""
    # the default page lives at the root URL: Streamlit does not answer its url_path
    return st.Page(f"app_pages/{name}.py", title=t(f"pages.{name}", lang), icon=f":material/{icon}:",
                   url_path=None if default else name, default=default)


PAGES = [
    _page("overview", "dashboard", default=True),
    _page("partners", "leaderboard"),
    _page("partner", "handshake"),
    _page("goods", "inventory_2"),
    _page("meetings", "forum"),
    _page("present", "slideshow"),
]
if not config.read_only():  # a viewing deployment has no page that changes data
    PAGES.append(_page("data", "database"))
page = st.navigation(PAGES)
if page.url_path != "present":
    # the first element of the run, before pandas is imported: Streamlit's first element of a process inspects
    # the call stack, which takes longer the more modules are loaded
    style.page()

# imported only now: pandas and DuckDB take ~0.5 s to import in a new process, while the browser loads its code
from dashboard.i18n.message import error_text  # noqa: E402
from dashboard.store.versions import StoreError  # noqa: E402
from dashboard.ui import cached, controls, frame, heap  # noqa: E402

try:
    if frame.ready(lang):
        if page.url_path == "present":  # presenter mode: no sidebar for the audience, the view comes from the URL
            st.session_state["view"] = controls.view_without_widgets(lang)
        else:
            st.session_state["view"] = controls.sidebar(lang)
            frame.sidebar_footer(lang)
        page.run()
except StoreError as e:  # no sound version can answer (a damaged segment every version lists): a sentence
    st.error(error_text(e, lang))
finally:  # a rerun or stop ends a run by an exception: the next run resolves its version afresh all the same
    cached.unpin_version()
# the objects of the process's warm-up (modules, caches) leave the collector's full collections (ui/heap.py)
heap.run_finished()
