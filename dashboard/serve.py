"""The server: `streamlit run dashboard/serve.py` (what `make run` does). Streamlit's own server running the
router app.py, with one addition: the HTML page tells the browser to load the charts' code at once
(ui/preload.py), which brings the first chart of a first visit ~0.4 s sooner."""
import streamlit as st
from starlette.middleware import Middleware

from dashboard.ui import preload

app = st.App("app.py", middleware=[Middleware(preload.ChunkPreload)])
