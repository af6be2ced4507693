"""The server: `streamlit run dashboard/serve.py` (what `make run` does). Streamlit's own server running the
router app.py, with two additions. The HTML page (ui/preload.py) tells the browser to load the charts' code at
once, which brings the first chart of a first visit ~0.4 s sooner, and comes with a Content-Security-Policy that
allows nothing from another origin. And the start imports the code every page needs and builds the figure check's
indexes (ui/warm.py) before the first connection."""
import streamlit as st
from starlette.middleware import Middleware
from streamlit import config as streamlit_config

from dashboard import config
from dashboard.ui import config_reads, preload, warm

# One source for the upload limit: DASHBOARD_MAX_UPLOAD_MB. Streamlit's uploader and its upload route read
# server.maxUploadSize when they run, after this module is imported, so .streamlit/config.toml does not set it.
streamlit_config.set_option("server.maxUploadSize", config.max_upload_mb(), where_defined="DASHBOARD_MAX_UPLOAD_MB")
# No forced full garbage collection after every script run (Streamlit's runner.postScriptGC, on by default): with
# pandas, Plotly and DuckDB loaded the heap holds ~140,000 objects, and gc.collect(2) over them took ~0.11 s of the
# 0.26 s of CPU a page view cost the server (measured with py-spy, benchmarks/README.md "Capacity"), under the
# interpreter lock, so every other session waited. Python's own collector still runs, by its allocation thresholds.
streamlit_config.set_option("runner.postScriptGC", False, where_defined="dashboard/serve.py")
# Streamlit's settings read without its process-wide lock (ui/config_reads.py): every message of every run read one
# under that lock, and under load the sessions' threads and the event loop queued on it (the capacity stall).
config_reads.install(streamlit_config)

# The modules of the pages imported and the figure check's indexes built at the start (ui/warm.py), not in the first
# visitor's view of the Встречи page.
app = st.App("app.py", lifespan=warm.lifespan, middleware=[Middleware(preload.ServedPage)])
