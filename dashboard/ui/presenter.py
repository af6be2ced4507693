"""Presenter mode on screen: the Streamlit chrome hidden, a slide (dashboard/slide_model.py) drawn in large type that
scales with the screen (sizes in vh), and keyboard navigation for presentation clickers.

Keys: Right / PageDown / Down / Space = next, Left / PageUp / Up = previous, Home / End = first / last,
F = full screen. They are caught by a small local component (st.components.v2, no iframe, no network) that turns
the slides in the browser: the page draws every slide once (draw() in a container keyed pz_slide_N, slide_css()
for which one shows), and a key press only changes an attribute, so it costs no rerun. The component tells the
server the slide on screen (and the screen's size) when the settings are about to be used or the size changes.
"""
from __future__ import annotations

import html

import streamlit as st

from dashboard.charts import slide_charts
from dashboard.slide_model import Chart, ItemList, Kpi, Slide
from dashboard.ui import widgets

KEYS = "present_keys"   # the keyboard component's key; its state "view" carries the slide shown and the screen
SLIDE = "present_slide"  # 0-based slide index in the session
VIEWPORT = "_present_viewport"
MAX_SLIDES = 16          # CSS rules for this many positions (a deck has 8 slides; a pick cannot add any)
_SHOWN = ("position: relative !important; height: auto !important; overflow: visible !important; "
          "visibility: visible !important; pointer-events: auto !important;")

_CSS = """
<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stMainMenu"], [data-testid="stAppDeployButton"], [data-testid="stStatusWidget"],
footer, .stDeployButton { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 2.6vh 3.2vw 0 3.2vw !important; max-width: 100% !important;
                                      position: relative; }
[data-testid="stLayoutWrapper"]:has(> [class*="st-key-pz_slide_"]) {
  position: absolute; top: 0; left: 0; right: 0; height: 0; overflow: hidden; visibility: hidden; pointer-events: none;
}
[data-testid="stMain"], [data-testid="stAppViewContainer"] { background: #FFFFFF; }
[data-testid="stElementContainer"][data-stale="true"] { opacity: 1 !important; transition: none !important; }
.pz { font-family: "DejaVu Sans", Arial, sans-serif; color: #111827; }
.pz-title { font-size: 5.6vh; font-weight: 700; line-height: 1.1; margin: 0; }
.pz-sub { font-size: 2.9vh; color: #374151; margin-top: 0.8vh; line-height: 1.25; }
.pz-bar { position: fixed; top: 0; left: 0; right: 0; height: 0.8vh; background: #0B3A66; z-index: 40; }
.pz-big { font-size: 7.2vh; font-weight: 700; color: #0B4F8A; line-height: 1.1; margin: 1.5vh 0 2.5vh 0; }
.pz-kpis { display: grid; grid-template-columns: 1fr 1fr; gap: 2.6vh 2.5vw; }
.pz-kpi-label { font-size: 2.4vh; color: #374151; }
.pz-kpi-value { font-size: 5.0vh; font-weight: 700; line-height: 1.15; }
.pz-kpi-note { font-size: 2.3vh; color: #374151; }
.pz-note { font-size: 3.4vh; color: #374151; margin-top: 6vh; }
.pz-list h3 { font-size: 3.3vh; color: #0B4F8A; margin: 1vh 0 1.4vh 0; padding: 0; font-weight: 700; }
.pz-list ul { list-style: none; padding: 0; margin: 0; }
.pz-list li { font-size: 2.9vh; margin: 0 0 1.8vh 0; line-height: 1.25; }
.pz-list li .pz-meta { display: block; font-size: 2.2vh; color: #4B5563; margin-top: 0.4vh; }
.pz-list li.pz-alert .pz-meta { color: #B42318; font-weight: 700; }
.pz-empty { font-size: 2.8vh; color: #4B5563; }
.pz-cover { position: fixed; inset: 0; z-index: 30; background: #0B3A66; color: #FFFFFF; padding: 16vh 6vw 0 6vw;
            box-sizing: border-box; }
.pz-cover .pz-sub { color: #FFFFFF; font-size: 3.6vh; }
.pz-cover .pz-title { font-size: 11vh; margin-top: 2vh; }
.pz-cover .pz-big { color: #FFFFFF; font-weight: 400; font-size: 6vh; margin-top: 3vh; }
.pz-cover .pz-note { color: #E5E7EB; font-size: 3vh; margin-top: 4vh; }
.pz-foot { position: fixed; left: 3.2vw; bottom: 1.6vh; max-width: 62vw; font-size: 1.55vh; color: #4B5563;
           line-height: 1.3; z-index: 50; }
.pz-foot.pz-dark { color: #E5E7EB; }
#pz-counter { font-size: 2.4vh; font-weight: 600; color: #111827; padding: 0 0.6vw; white-space: nowrap; }
.st-key-present_bar { position: fixed; right: 2vw; bottom: 1vh; z-index: 60; width: auto !important;
                      align-items: center; background: rgba(255, 255, 255, 0.85); border-radius: 8px; padding: 2px; }
.st-key-present_bar button { opacity: 0.45; }
[data-testid="stPopoverBody"] { max-height: 86vh; overflow-y: auto; }
.st-key-present_bar:hover button, .st-key-present_bar button:focus-visible { opacity: 1; }
</style>
"""

_KEYS_JS = """
export default function (component) {
  const { data, setStateValue } = component;
  if (window.__pzCleanup) { window.__pzCleanup(); }
  const total = data.total, root = document.documentElement;
  // every slide is on the page already (hidden ones laid out at full size, so charts have their width):
  // turning one is a change of an attribute, no message to the server. The server learns the slide when it
  // is about to run anyway (the settings are touched, the screen resized), and the URL is replaced, not pushed.
  const prior = window.__pz;
  let cur = prior && prior.deck === data.deck && prior.sent === data.slide ? prior.cur : data.slide;
  let sent = data.slide;
  const counter = () => document.getElementById("pz-counter");
  const buttons = () => [document.querySelector(".st-key-present_prev button"),
                         document.querySelector(".st-key-present_next button")];
  const show = (n) => {
    root.setAttribute("data-pz", String(n));
    const c = counter();
    if (c) { c.textContent = (n + 1) + " / " + total; c.setAttribute("data-slide", String(n + 1)); }
    const [prev, next] = buttons();
    if (prev) { prev.disabled = n === 0; }
    if (next) { next.disabled = n === total - 1; }
    const url = new URL(window.location.href);
    if (url.searchParams.get("slide") !== String(n + 1)) {
      url.searchParams.set("slide", String(n + 1));
      window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
    }
    window.__pz = { deck: data.deck, cur: n, sent: sent };
  };
  const go = (n) => {
    n = Math.max(0, Math.min(total - 1, n));
    if (n !== cur) { cur = n; show(n); }
  };
  const size = () => [window.innerWidth, window.innerHeight];
  const sync = (force) => {
    const known = data.viewport || [0, 0], [w, h] = size();
    if (force || cur !== sent || w !== known[0] || h !== known[1]) {
      sent = cur;
      window.__pz = { deck: data.deck, cur: cur, sent: sent };
      setStateValue("view", { slide: cur, width: w, height: h });
    }
  };
  const onKey = (e) => {
    const t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (document.querySelector("[data-testid='stPopoverBody']")) { return; }  // keys for the open settings
    const k = e.key;
    if (k === "ArrowRight" || k === "PageDown" || k === "ArrowDown" || k === " ") { go(cur + 1); }
    else if (k === "ArrowLeft" || k === "PageUp" || k === "ArrowUp") { go(cur - 1); }
    else if (k === "Home") { go(0); }
    else if (k === "End") { go(total - 1); }
    else if (k === "f" || k === "F") {
      if (document.fullscreenElement) { document.exitFullscreen(); }
      else if (root.requestFullscreen) { root.requestFullscreen(); }
    } else { return; }
    e.preventDefault();
    e.stopPropagation();
  };
  const onClick = (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const step = !el ? 0 : el.closest(".st-key-present_prev") ? -1 : el.closest(".st-key-present_next") ? 1 : 0;
    if (step) { e.preventDefault(); e.stopPropagation(); go(cur + step); }
  };
  const onPointer = (e) => {
    const el = e.target instanceof Element ? e.target : null;
    // the settings are about to rerun the page: the server hears of the slide first
    if (el && el.closest(".st-key-present_settings, [data-testid='stPopoverBody']")) { sync(false); }
  };
  document.addEventListener("keydown", onKey, true);
  document.addEventListener("click", onClick, true);
  document.addEventListener("pointerdown", onPointer, true);
  let timer = null;
  if (data.auto > 0) {
    timer = setInterval(() => { if (cur < total - 1) { go(cur + 1); } }, data.auto * 1000);
  }
  let resizeTimer = null;
  const onResize = () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(() => sync(false), 250); };
  window.addEventListener("resize", onResize);
  show(cur);
  const known = data.viewport || [0, 0];
  root.setAttribute("data-pz-known", known.join("x"));   // the screen size the slides were drawn for
  if (size()[0] !== known[0] || size()[1] !== known[1]) { sync(true); }
  const cleanup = () => {
    document.removeEventListener("keydown", onKey, true);
    document.removeEventListener("click", onClick, true);
    document.removeEventListener("pointerdown", onPointer, true);
    window.removeEventListener("resize", onResize);
    if (timer) { clearInterval(timer); }
    clearTimeout(resizeTimer);
    window.__pzCleanup = null;
  };
  window.__pzCleanup = cleanup;
  return cleanup;
}
"""

_keys_component = st.components.v2.component("dashboard_presenter_keys", js=_KEYS_JS)


def hide_chrome() -> None:
    """No sidebar, header, toolbar, main menu, deploy button or status widget for the audience."""
    st.html(_CSS)


def _on_view() -> None:
    value = st.session_state.get(KEYS)
    view = value.get("view") if isinstance(value, dict) else getattr(value, "view", None)
    if not isinstance(view, dict):
        return
    if isinstance(view.get("slide"), int):
        st.session_state[SLIDE] = view["slide"]
    size = [view.get("width"), view.get("height")]
    if all(isinstance(v, int) and v > 0 for v in size):
        st.session_state[VIEWPORT] = size


def keyboard(deck_id: str, total: int, auto_seconds: int) -> tuple[int, int]:
    """Mount the key listener; returns the screen size it reported (1920x1080 until it has). It reports (and so
    reruns the page) only when the screen's size changes or the settings are about to be used."""
    slide = int(st.session_state.get(SLIDE, 0))
    _keys_component(key=KEYS, data={"slide": slide, "total": total, "auto": auto_seconds, "deck": deck_id,
                                    "viewport": st.session_state.get(VIEWPORT)},
                    default={"view": None}, on_view_change=_on_view, height=0)
    size = st.session_state.get(VIEWPORT)
    if isinstance(size, list) and len(size) == 2:
        return int(size[0]), int(size[1])
    return 1920, 1080


def slide_css(current: int) -> None:
    """Which slide shows before the key listener has run (then data-pz on <html>, set in the browser, decides).
    The hidden slides are laid out at full width (hidden, not display:none), so their charts are drawn at size."""
    def shown(selector: str, i: int) -> str:
        return f'{selector} [data-testid="stLayoutWrapper"]:has(> .st-key-pz_slide_{i}) {{ {_SHOWN} }}'
    rules = [shown("html:not([data-pz])", current)] + [shown(f"html[data-pz='{i}']", i) for i in range(MAX_SLIDES)]
    st.html("<style>" + "\n".join(rules) + "</style>")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _kpis_html(kpis: tuple[Kpi, ...]) -> str:
    cells = "".join(
        f'<div><div class="pz-kpi-label">{_e(k.label)}</div><div class="pz-kpi-value">{_e(k.value)}</div>'
        + (f'<div class="pz-kpi-note">{_e(k.note)}</div>' if k.note else "") + "</div>" for k in kpis)
    return f'<div class="pz pz-kpis">{cells}</div>'


def _list_html(lst: ItemList) -> str:
    items = "".join(
        f'<li class="{"pz-alert" if i.alert else ""}">{_e(i.text)}'
        + (f'<span class="pz-meta">{_e(i.meta)}</span>' if i.meta else "") + "</li>" for i in lst.items)
    body = f"<ul>{items}</ul>" if lst.items else f'<div class="pz-empty">{_e(lst.empty)}</div>'
    return f'<div class="pz pz-list"><h3>{_e(lst.title)}</h3>{body}</div>'


@st.cache_data(show_spinner=False, max_entries=256)
def _figure(chart: Chart, lang: str, height: int, scale: float) -> dict:
    """A slide chart's figure dict, built once per chart content (the key: the chart's values, language and
    screen size, so a new data version is a new chart): building and validating the Plotly figures of a deck's
    slides cost ~0.1 s of CPU at every run of the page."""
    return slide_charts.figure(chart, lang, height, scale).to_dict()


def _chart(s: Slide, lang: str, height: int, scale: float, number: int) -> None:
    assert s.chart is not None
    fig = widgets.CachedFigure(_figure(s.chart, lang, height, scale))  # shown as it is, as widgets.chart does
    # theme=None: the figure's own projector sizes, not Streamlit's chart theme
    st.plotly_chart(fig, key=f"present_chart_{number}", width="stretch", theme=None,
                    config={"displayModeBar": False, "locale": lang})


def draw(s: Slide, lang: str, number: int, total: int, screen: tuple[int, int]) -> None:
    """One slide, filling a 16:9 (or any) screen of the given size in CSS pixels."""
    _w, h = screen
    scale = h / 1080
    foot_cls = "pz-foot pz-dark" if s.kind == "title" else "pz-foot"
    if s.kind == "title":
        st.html(f'<div class="pz pz-cover" data-slide-kind="title"><div class="pz-sub">{_e(s.subtitle)}</div>'
                f'<div class="pz-title">{_e(s.title)}</div><div class="pz-big">{_e(s.big)}</div>'
                f'<div class="pz-note">{_e(s.note)}</div></div>')
    else:
        head = f'<div class="pz-bar"></div><div class="pz-title">{_e(s.title)}</div>'
        if s.subtitle:
            head += f'<div class="pz-sub">{_e(s.subtitle)}</div>'
        st.html(f'<div class="pz" data-slide-kind="{_e(s.kind)}">{head}</div>')
        # what is left of the screen under the heading and above the footnote
        body_h = int(h * (0.70 if s.subtitle else 0.76))
        if s.kind == "headline" and s.big:
            st.html(f'<div class="pz pz-big">{_e(s.big)}</div>')
            left, right = st.columns([11, 9], gap="large")
            with left:
                st.html(_kpis_html(s.kpis))
            if s.chart:
                with right:
                    _chart(s, lang, int(body_h - 0.13 * h), scale, number)
        elif s.chart:
            _chart(s, lang, body_h, scale, number)
        elif s.lists:
            cols = st.columns(len(s.lists), gap="large")
            for col, lst in zip(cols, s.lists, strict=True):
                with col:
                    st.html(_list_html(lst))
        if s.note and not s.chart:
            st.html(f'<div class="pz pz-note">{_e(s.note)}</div>')
    st.html(f'<div class="pz {foot_cls}">{_e(s.footnote)}</div>')


def counter(number: int, total: int) -> None:
    st.html(f'<span class="pz" id="pz-counter" data-slide="{number}" data-total="{total}">'
            f"{number} / {total}</span>")
