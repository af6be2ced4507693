"""Layout on a projector (1280×720) and a phone (390×844): the rank chart's labels neither overlap nor leave the
chart, the tables' numbers are Russian on a Russian page whatever the browser's locale, and still sort by value;
an English page shows no Russian interface text.

Streamlit draws a dataframe on a canvas (glide-data-grid): its accessibility table and its CSV download carry the
raw values, not the text shown. So the test records what the grid draws: an init script wraps the canvas's
fillText before the page's code runs, and every string drawn is kept with the point where it was drawn."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from dashboard.meetings import store_io
from dashboard.store.db import Store
from tests.e2e.conftest import is_local, screenshot, settle

SIZES = [(1280, 720), (390, 844)]

RECORD_CANVAS_TEXT = """(() => {
  const drawn = []; window.__drawn = drawn;
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
    const m = this.getTransform(), r = this.canvas.getBoundingClientRect(), d = window.devicePixelRatio || 1;
    drawn.push({text: String(text), x: r.left + (m.a * x + m.e) / d, y: r.top + (m.d * y + m.f) / d});
    return fill.call(this, text, x, y, ...rest);
  };
})();"""


def _page(browser: Browser, size: tuple[int, int], locale: str, outside: list[str]) -> Page:
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale=locale)
    pg = ctx.new_page()
    pg.on("request", lambda r: outside.append(r.url) if not is_local(r.url) else None)
    pg.add_init_script(RECORD_CANVAS_TEXT)
    return pg


def _boxes(pg: Page, selector: str) -> list[dict]:
    return pg.eval_on_selector_all(selector, """els => els.map(e => {
        const b = e.getBoundingClientRect();
        return {text: e.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom};
    })""")


def _overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_rank_chart_labels_neither_overlap_nor_leave_the_chart(browser: Browser, app_url: str,
                                                               size: tuple[int, int]) -> None:
    outside: list[str] = []
    pg = _page(browser, size, "ru-RU", outside)
    pg.goto(f"{app_url}/partner?partner=KZ&year=2024")
    settle(pg)
    chart = pg.locator("[data-testid='stPlotlyChart']:has(.textpoint)").first  # the only chart with point labels
    chart.scroll_into_view_if_needed()
    labels = chart.locator(".textpoint text")
    expect(labels.first).to_be_attached()
    boxes = _boxes(pg, "[data-testid='stPlotlyChart']:has(.textpoint) .textpoint text")
    frame = chart.locator(".main-svg").first.bounding_box()
    assert frame and len(boxes) >= 4, boxes  # the demo has six years of Kazakhstan's places
    assert all(re.fullmatch(r"\d+из\d+", b["text"].replace(" ", "")) for b in boxes), boxes
    for b in boxes:
        assert b["right"] - b["left"] > 0, b
        assert frame["x"] - 0.5 <= b["left"] and b["right"] <= frame["x"] + frame["width"] + 0.5, (b, frame)
        assert frame["y"] - 0.5 <= b["top"] and b["bottom"] <= frame["y"] + frame["height"] + 0.5, (b, frame)
    clashes = [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:] if _overlap(a, b)]
    assert not clashes, clashes
    screenshot(pg, f"layout-rank-{size[0]}x{size[1]}")
    pg.context.close()
    assert not outside, outside[:5]


def _drawn(pg: Page) -> list[dict]:
    return pg.evaluate("() => window.__drawn")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_russian_tables_show_russian_numbers_with_an_english_browser(browser: Browser, app_url: str,
                                                                      size: tuple[int, int]) -> None:
    outside: list[str] = []
    pg = _page(browser, size, "en-US", outside)  # the browser's locale would make "localized" print 678.1
    for path in ("partners?year=2024", "goods?year=2024&flow=I&chapter=84"):
        pg.goto(f"{app_url}/{path}")
        settle(pg)
        grid = pg.locator("[data-testid='stDataFrame']").first
        grid.scroll_into_view_if_needed()
        expect(grid).to_be_visible()
        box = grid.bounding_box()
        assert box
        pg.mouse.move(box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 150))
        pg.mouse.wheel(1500, 0)  # a phone shows the first columns: scroll to the numbers
        pg.wait_for_function("() => window.__drawn.some(d => /\\d,\\d/.test(d.text))")
        texts = [d["text"] for d in _drawn(pg)]
        numbers = [s for s in texts if re.fullmatch(r"[<>+−-]?\s?[\d\u00a0 ]+([.,]\d+)?", s.strip())]
        assert numbers, texts[:40]
        with_point = [s for s in numbers if re.search(r"\d\.\d", s)]
        assert not with_point, (path, with_point[:10])
        assert any(re.search(r"\d,\d", s) for s in numbers), (path, numbers[:10])
    pg.context.close()
    assert not outside, outside[:5]


def test_partners_table_keeps_every_column_and_sorts_by_value(browser: Browser, app_url: str) -> None:
    outside: list[str] = []
    pg = _page(browser, (1280, 720), "ru-RU", outside)
    pg.goto(f"{app_url}/partners?year=2024")
    settle(pg)
    grid = pg.locator("[data-testid='stDataFrame']").first
    expect(grid).to_be_visible()
    # the grid draws only the columns in view: growth and firms must be among them at 1280 px
    pg.wait_for_function("() => window.__drawn.some(d => d.text === 'Компаний')")
    headers = {d["text"]: d for d in _drawn(pg)}
    box = grid.bounding_box()
    assert box
    for col in ("Рост, %", "Компаний"):
        assert col in headers and headers[col]["x"] < box["x"] + box["width"] - 20, (col, headers.get(col))
    # descending by turnover, twice clicked: a text sort of the shown '90,0' / '678,1' would put 90 first
    head = headers["Оборот, млн $"]
    expect(grid.locator("table th").filter(has_text="Оборот, млн $")).to_be_attached()
    names = pg.eval_on_selector_all("[data-testid='stDataFrame'] table th", "hs => hs.map(h => h.textContent)")
    assert "Оборот, млн $" in names, names
    col = names.index("Оборот, млн $")
    for _ in range(2):
        pg.mouse.click(head["x"] + 5, head["y"])
        pg.wait_for_timeout(300)
    cells = pg.eval_on_selector_all("[data-testid='stDataFrame'] table tr", """rows => rows.slice(1).map(
        r => [...r.querySelectorAll('td')].map(c => c.textContent))""")
    values = [float(r[col]) for r in cells if len(r) > col and r[col]]
    assert len(values) >= 10 and values == sorted(values, reverse=True), values[:12]
    pg.context.close()
    assert not outside, outside[:5]


def test_phone_opens_with_the_sidebar_closed(browser: Browser, app_url: str) -> None:
    outside: list[str] = []
    pg = _page(browser, (390, 844), "ru-RU", outside)
    pg.goto(f"{app_url}/partner")
    settle(pg)
    expect(pg.get_by_role("heading", level=1).first).to_be_in_viewport()
    sidebar = pg.locator("[data-testid='stSidebar']")
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    expect(pg.locator("[data-testid='stException']")).to_have_count(0)
    pg.context.close()
    assert not outside, outside[:5]


def test_partner_page_prints_without_the_sidebar(browser: Browser, app_url: str) -> None:
    outside: list[str] = []
    pg = _page(browser, (1280, 720), "ru-RU", outside)
    pg.goto(f"{app_url}/partner?partner=KZ")
    settle(pg)
    expect(pg.locator("[data-testid='stSidebar']")).to_be_visible()
    pg.emulate_media(media="print")
    expect(pg.locator("[data-testid='stSidebar']")).to_be_hidden()
    expect(pg.locator("[data-testid='stMetric']").first).to_be_visible()
    labels = _boxes(pg, "[data-testid='stMetricLabel'] p")
    assert labels and all(b["bottom"] - b["top"] < 30 for b in labels), labels  # one line: no word split
    pg.context.close()
    assert not outside, outside[:5]


# the rendered text of the sidebar and the page's main block, from a copy without the grids' canvases and their
# fallback tables of raw values (what a grid draws is recorded by RECORD_CANVAS_TEXT and checked apart)
VISIBLE_TEXT = """() => ['stSidebar', 'stMain'].map(id => {
    const root = document.querySelector(`[data-testid='${id}']`);
    if (!root) return '';
    const copy = root.cloneNode(true);
    copy.querySelectorAll("canvas, [data-testid='stDataFrame'] table").forEach(e => e.remove());
    copy.style.position = 'absolute'; copy.style.left = '-10000px'; copy.style.width = root.offsetWidth + 'px';
    document.body.appendChild(copy);
    const text = copy.innerText;
    copy.remove();
    return text;
}).join('\\n')"""
CYRILLIC_WORD = re.compile(r"[\w-]*[А-Яа-яЁё][\w-]*")


def _untranslated_meeting_words(db: Path) -> set[str]:
    """Cyrillic words of the stored meeting texts that have no English field: participants, topics and the text
    whose quoted figures are checked. The partner page's timeline shows them as stored; a title, place, summary
    or follow-up has an English field, and its Russian stand-in is marked, so those are not allowed here."""
    store = Store(db)
    try:
        held = store_io.list_meetings(store)
    finally:
        store.close()
    texts = [m.full_text for m in held] + [w for m in held for w in m.topics]
    texts += [f"{p.name} {p.role or ''}" for m in held for p in m.participants]
    return {w for text in texts for w in CYRILLIC_WORD.findall(text)}


@pytest.mark.parametrize(("path", "tables"), [("?lang=en", 0), ("partners?year=2024&lang=en", 1),
                                             ("partner?partner=KZ&year=2024&lang=en", 0)])
def test_english_page_shows_no_cyrillic_interface_text(browser: Browser, app_url: str, demo_db: Path,
                                                       path: str, tables: int) -> None:
    """Overview, partners and a partner at 1280×720 in English: no Russian word in the sidebar, the main block or
    the tables' drawn cells but the stored meeting texts without an English field (the Встречи page, which is
    mostly such texts, is not tested)."""
    outside: list[str] = []
    pg = _page(browser, (1280, 720), "en-US", outside)
    pg.goto(f"{app_url}/{path}")
    settle(pg)
    expect(pg.get_by_role("heading", level=1).first).to_be_visible()
    grids = pg.locator("[data-testid='stDataFrame']")
    if tables:
        expect(grids.first).to_be_visible()  # a grid is drawn after the script has finished
    for i in range(grids.count()):  # a grid draws its cells once scrolled into view
        grids.nth(i).scroll_into_view_if_needed()
        pg.wait_for_function("() => window.__drawn.length > 0")
    shown = pg.evaluate(VISIBLE_TEXT)
    assert "Partner" in shown, shown[:300]  # an English page with its sidebar, not an empty one
    drawn = [d["text"] for d in _drawn(pg)]
    words = set(CYRILLIC_WORD.findall(shown)) | {w for s in drawn for w in CYRILLIC_WORD.findall(s)}
    assert len(drawn) >= 20 * tables, drawn  # the table's header and cells were read
    russian = sorted(words - _untranslated_meeting_words(demo_db))
    lines = [ln for ln in [*shown.splitlines(), *drawn] if set(CYRILLIC_WORD.findall(ln)) & set(russian)]
    assert not russian, (path, russian[:30], lines[:20])
    pg.context.close()
    assert not outside, outside[:5]
