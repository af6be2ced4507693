"""Each page in a real browser: no error box, the map has country shapes, links keep the view, the ranking
download opens in pandas with the same ranks, and nothing is fetched from outside."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, settle

PAGES = {"overview": "", "partners": "partners", "partner": "partner", "goods": "goods",  # overview is the root
         "meetings": "meetings"}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_opens_without_error(page: Page, app_url: str, name: str) -> None:
    page.goto(f"{app_url}/{PAGES[name]}")
    settle(page)
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    if name != "meetings":  # the meetings page is text; every other page shows a chart or a table
        expect(page.locator("[data-testid='stPlotlyChart'], [data-testid='stDataFrame']").first).to_be_visible()
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    screenshot(page, f"page-{name}-1920x1080")


def test_world_map_draws_country_shapes_offline(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?year=2022")
    settle(page)
    shapes = page.locator("[data-testid='stPlotlyChart'] .choroplethlocation")
    expect(shapes.first).to_be_attached(timeout=30000)
    assert shapes.count() > 100  # one path per partner country, drawn from app/static/world_110m.json


def test_permalink_in_english_opens_the_same_view(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/partner?partner=KZ&year=2022&lang=en")
    settle(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Kazakhstan: 4th of 114 partner countries including EAEU")
    expect(page.get_by_text("Trade turnover").first).to_be_visible()
    expect(page.locator("[data-testid='stMetricValue']").first).to_have_text("300.0\u00a0M $")


def test_ranking_csv_download_opens_in_pandas_with_the_same_ranks(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/partners?year=2022")
    settle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="CSV для Excel").click()
    data = open(info.value.path(), "rb").read()
    assert data.startswith("\ufeff".encode())  # BOM: Excel reads it as UTF-8
    df = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    ranks = dict(zip(df["ISO"], df["Место"], strict=True))
    assert ranks["KZ"] == 4 and ranks["BY"] == 1 and len(df) == 114
    assert df["Оборот, млн $"].is_monotonic_decreasing


def test_bogus_partner_code_shows_a_message_not_an_exception(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/partner?partner=ZZ&year=2022")
    settle(page)
    # the URL's bad value named in a warning of its own (the demo data's staleness notice may come first)
    expect(page.locator("[data-testid='stAlertContentWarning']").filter(has_text="ZZ")).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Казахстан")
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def test_page_html_preloads_the_chart_code_which_the_browser_then_has(page: Page, app_url: str) -> None:
    """serve.py's head start (issue 6): the HTML of any page path names Plotly's chunk, and by the time the first
    chart is drawn the browser has fetched that chunk exactly once (the preload and the chart share one module)."""
    import urllib.request

    from dashboard.ui import preload
    plotly = preload.chunk("PlotlyChart")
    assert plotly
    for path in ("", "partner"):
        with urllib.request.urlopen(f"{app_url}/{path}") as r:
            html = r.read()
        assert f'rel="modulepreload" crossorigin href="./static/js/{plotly}"'.encode() in html
    fetched: list[str] = []
    page.on("request", lambda req: fetched.append(req.url) if plotly in req.url else None)
    page.goto(app_url)
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    assert len(fetched) == 1, fetched
