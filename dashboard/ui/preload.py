"""Have the browser load the page's JavaScript while the server is still running the page's script.

Streamlit's front end fetches the code of most elements only when the first such element arrives: its Plotly
component (a 4.7 MB chunk, ~1 s to download and evaluate on the 2-core server) after the script has imported
pandas and DuckDB and run the page's queries, and the sidebar's widgets (select boxes, slider, segmented control)
only after that evaluation. A small script sent at the top of the run imports the same chunks, so the browser
loads them while the server works; the components' own lazy imports then find the modules loaded (same URLs,
one module map). Everything comes from the app's own server, so this also works offline on the intranet.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

import streamlit as st

# Streamlit's chunk of each element the pages draw (file names are "<name>.<build hash>.js")
SIDEBAR = ("ButtonGroup", "Selectbox", "Slider")   # the shared controls: segmented control, select boxes, months
PAGES = {"": ("Metric", "PlotlyChart"),             # overview ("" = the default page): KPI cards and charts
         "partner": ("Metric", "PlotlyChart"), "goods": ("PlotlyChart",), "present": ("PlotlyChart",)}
NO_SIDEBAR = ("present",)

# The element only runs a script and must not add a gap above the page: its container is hidden by CSS, and by
# the script itself in browsers without :has(). Small chunks first, Plotly last.
_HTML = """<style>[data-testid="stElementContainer"]:has(#chunk-preload){{display:none}}</style>
<script id="chunk-preload">(() => {{
  const box = document.getElementById("chunk-preload")?.closest('[data-testid="stElementContainer"]');
  if (box) box.style.display = "none";
  const index = document.querySelector('script[type=module][src*="/static/js/index."]');
  if (index) for (const file of {files}) import(new URL(file, index.src).href).catch(() => {{}});
}})();</script>"""


@functools.cache
def _chunk(name: str) -> str | None:
    """File name of one of Streamlit's element chunks; None unless exactly one file matches."""
    found = list((Path(st.__file__).parent / "static" / "static" / "js").glob(f"{name}.*.js"))
    return found[0].name if len(found) == 1 else None


def chunks_for(url_path: str) -> list[str]:
    names = (() if url_path in NO_SIDEBAR else SIDEBAR) + PAGES.get(url_path, ())
    return [f for f in (_chunk(n) for n in names) if f]


def page(url_path: str) -> None:
    """Start loading the page's element code in the browser (draws nothing). With a Streamlit build that names
    its chunks differently this loads less or nothing, and the elements load as before, only later."""
    files = chunks_for(url_path)
    if files:
        st.html(_HTML.format(files=json.dumps(files)), unsafe_allow_javascript=True)
