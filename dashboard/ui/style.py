"""The app's own CSS, sent first in each run (app.py); imports nothing heavy."""
import streamlit as st

# Screen: KPI values shrink with the window and wrap rather than end in "…", so "200,8 тыс. $" stays whole in a
# fifth of a 1280-px page as well as at 1920 px; labels break between words only.
# Print (a partner page on A4 as a fact sheet): no sidebar, toolbar, header or buttons; the main column takes
# the page; charts are scaled to its width; a KPI card, a chart or a table is never split across two sheets.
_CSS = """<style>
[data-testid="stMetricValue"] { font-size: clamp(1.3rem, 1.9vw, 2.25rem); }
[data-testid="stMetricValue"] > div { white-space: normal; overflow: visible; text-overflow: clip;
  overflow-wrap: normal; word-break: keep-all; }
[data-testid="stMetricLabel"] p { font-size: 0.95rem; word-break: normal; overflow-wrap: normal;
  hyphens: none; white-space: normal; }
@media (max-width: 640px) {
  [data-testid="stMetricValue"] { font-size: 1.6rem; }
}
@page { size: A4 portrait; margin: 12mm; }
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stElementToolbar"], .modebar-container, [data-testid="stDownloadButton"],
  [data-testid="stBaseButton-secondary"], [data-testid="stPageLink"], [data-testid="stSelectbox"],
  [data-testid="stSegmentedControl"], [data-testid="stTextInput"] { display: none !important; }
  [data-testid="stAppViewContainer"], [data-testid="stMain"], .main, section.main {
    margin: 0 !important; padding: 0 !important; overflow: visible !important; }
  [data-testid="stMainBlockContainer"], .block-container { max-width: 100% !important; width: 100% !important;
    padding: 0 !important; }
  [data-testid="stMetric"], [data-testid="stPlotlyChart"], [data-testid="stDataFrame"], [data-testid="stTable"] {
    break-inside: avoid; page-break-inside: avoid; }
  [data-testid="stPlotlyChart"], [data-testid="stPlotlyChart"] .js-plotly-plot, .plot-container, .svg-container {
    max-width: 100% !important; overflow: hidden !important; }
  [data-testid="stPlotlyChart"] .main-svg { max-width: 100% !important; height: auto; }
  [data-testid="stMetricValue"] { font-size: 15pt !important; }
  [data-testid="stMetricLabel"] p { font-size: 9pt !important; }
  h1 { font-size: 20pt !important; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>"""


def page() -> None:
    st.html(_CSS)
