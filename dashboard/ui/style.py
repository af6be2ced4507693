"""The app's own CSS, sent first in each run (app.py); imports nothing heavy."""
import streamlit as st

# Screen: KPI values shrink with the window and wrap rather than end in "…", so "200,8 тыс. $" stays whole in a
# fifth of a 1280-px page as well as at 1920 px; labels break between words only.
# Print (a partner page on A4 as a fact sheet): no sidebar, toolbar, header or buttons; a KPI card, a chart or a
# table is never split across two sheets. Plotly draws a chart at the screen's width and does not redraw it for
# the paper, so the page keeps the screen's layout width and is zoomed to the sheet (print_fit measures it).
_CSS = """<style>
[data-testid="stMetricValue"] { font-size: clamp(1.3rem, 1.9vw, 2.25rem); }
[data-testid="stMetricValue"] > div { white-space: normal; overflow: visible; text-overflow: clip;
  overflow-wrap: normal; word-break: keep-all; }
[data-testid="stMetricLabel"] p { font-size: 0.95rem; word-break: normal; overflow-wrap: normal;
  hyphens: none; white-space: normal; }
/* a segmented control wider than its column (the country groups on a phone) wraps instead of running off */
[data-testid="stButtonGroup"] div:has(> button) { flex-wrap: wrap; row-gap: 0.25rem; }
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
  [data-testid="stMainBlockContainer"], .block-container { max-width: none !important; padding: 0 !important;
    width: var(--screen-width, 100%) !important; zoom: var(--print-zoom, 1); }
  [data-testid="stMetric"], [data-testid="stPlotlyChart"], [data-testid="stDataFrame"], [data-testid="stTable"] {
    break-inside: avoid; page-break-inside: avoid; }
  [data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * { word-break: keep-all !important;
    overflow-wrap: normal !important; hyphens: none !important; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>"""


def page() -> None:
    st.html(_CSS)


# Measures the main column on the screen for the print stylesheet: --screen-width (the width the charts were
# drawn at) and --print-zoom (what fits it on an A4 sheet, 186 mm = 703 CSS px inside the 12-mm margins).
# A small local component (st.components.v2: in the page, no iframe, no network), like the presenter's keys.
_PRINT_FIT_JS = """
export default function () {
  const measure = () => {
    const main = document.querySelector('[data-testid="stMainBlockContainer"]');
    if (!main || window.matchMedia("print").matches) { return; }
    const css = getComputedStyle(main);
    const width = main.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight);
    if (width > 0) {
      document.documentElement.style.setProperty("--screen-width", width + "px");
      document.documentElement.style.setProperty("--print-zoom", String(Math.min(1, 703 / width)));
    }
  };
  measure();
  window.addEventListener("resize", measure);
  window.addEventListener("beforeprint", measure);
  return () => {
    window.removeEventListener("resize", measure);
    window.removeEventListener("beforeprint", measure);
  };
}
"""
_print_fit = None


def print_fit() -> None:
    """On a page meant to be printed (the partner's fact sheet): lets the print stylesheet fit it to A4."""
    global _print_fit
    if _print_fit is None:  # made on first use: the other pages never import the components machinery
        _print_fit = st.components.v2.component("dashboard_print_fit", js=_PRINT_FIT_JS)
    _print_fit(key="print_fit", height=0)
