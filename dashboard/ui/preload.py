"""Have the browser load Plotly's JavaScript while the server is still running the page's script.

Streamlit fetches its Plotly component (a 4.7 MB chunk: ~0.5 s to download and ~1 s to evaluate on the 2-core
server) only once the first chart arrives, i.e. after the script has imported pandas and DuckDB and run the
page's queries. A small script sent at the top of the run imports the same chunk, so the two overlap; the
component's own lazy import then finds the module loaded (same URL, one module map). Everything stays on the
app's own server, so this also works offline on the intranet.
"""
from __future__ import annotations

import functools
from pathlib import Path

import streamlit as st

# The element only runs a script and must not add a gap above the page: its container is hidden by CSS, and by
# the script itself in browsers without :has().
_HTML = """<style>[data-testid="stElementContainer"]:has(#plotly-preload){{display:none}}</style>
<script id="plotly-preload">(() => {{
  const box = document.getElementById("plotly-preload")?.closest('[data-testid="stElementContainer"]');
  if (box) box.style.display = "none";
  const index = document.querySelector('script[type=module][src*="/static/js/index."]');
  if (index) import(new URL("{chunk}", index.src).href).catch(() => {{}});
}})();</script>"""


@functools.cache
def _plotly_chunk() -> str | None:
    """File name of Streamlit's Plotly component chunk (it carries a build hash); None if not exactly one."""
    folder = Path(st.__file__).parent / "static" / "static" / "js"
    found = list(folder.glob("PlotlyChart.*.js"))
    return found[0].name if len(found) == 1 else None


def plotly() -> None:
    """Start loading the chart library in the browser (drawn nothing; with another Streamlit build that
    names the chunk differently this does nothing and the charts load as before, only later)."""
    chunk = _plotly_chunk()
    if chunk:
        st.html(_HTML.format(chunk=chunk), unsafe_allow_javascript=True)
