"""Back and Forward through the views the user saw (issue 16.5).

Streamlit's front end pushes a browser-history entry for every write to `st.query_params` (one per key, so a
page's first run adds three or four entries) and one for every page change; Back then lands on half-written URLs
that the page completes again, and the user seems stuck. Two halves fix it:

- In the browser, `SCRIPT` wraps `history.pushState`: a push becomes a new entry only for the first URL change
  after the user touched the page (a click, a key, a changed input: a page, a partner, a period, a filter they
  chose); every other push (the page filling in its defaults, a second key of the same change, a redirect such as
  ?present=1, a slide number that the presenter's keys already replaced) replaces the current entry instead. So
  each entry holds one view with its whole query, and Back to /partners gives /partners?year=2022&group=eaeu as
  it was seen. The script goes into the served HTML page ahead of Streamlit's
  own code (ui/preload.py adds it; the page's CSP allows it by its hash): a component would be loaded only after
  the first run had already pushed its entries.
- On the server, a rerun caused by Back or Forward takes the view from the URL (`restoring()`, used by
  ui/state.py), where an ordinary rerun keeps the widgets' values: otherwise the page would write the newer
  view back over the entry the user went back to.
"""
from __future__ import annotations

from streamlit.runtime.scriptrunner import get_script_run_ctx

SCRIPT = """<script>(() => {
  const h = window.history;
  if (h.__dashboardViews) { return; }
  h.__dashboardViews = true;
  const push = h.pushState.bind(h), replace = h.replaceState.bind(h);
  let touched = false;  // the user acted on the page since its current entry was made
  const touch = (e) => { if (e.isTrusted) { touched = true; } };
  for (const type of ["pointerdown", "keydown", "change"]) { window.addEventListener(type, touch, true); }
  window.addEventListener("popstate", () => { touched = false; });
  const view = (u) => {  // the slide shown is part of the presenter's entry, not a view of its own
    const q = new URLSearchParams(u.search);
    q.delete("slide");
    return u.pathname + "?" + q.toString();
  };
  h.pushState = (state, title, url) => {
    const next = url == null ? window.location : new URL(String(url), window.location.href);
    if (touched && view(next) !== view(window.location)) {
      touched = false;
      return push(state, title, url);
    }
    return replace(state, title, url);
  };
})();</script>"""


def restoring() -> bool:
    """True in a run caused by the browser's Back or Forward (Streamlit marks such a rerun)."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and getattr(ctx, "is_history_navigation", False))
