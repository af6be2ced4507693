"""Presenter mode in a real browser: arrow keys and clicker keys through every slide, no Streamlit chrome in
front of the audience, the slide in the URL, slides in English under a Russian interface, and the PPTX
download. Screenshots of every slide go to artifacts/ (present-1920x1080-N.png, present-1280x720-N.png)."""
from __future__ import annotations

import re

import docx
from playwright.sync_api import Page, expect
from pptx import Presentation

from tests.e2e.conftest import ARTIFACTS, settle

SLIDES = 9
CHROME = ["stSidebar", "stHeader", "stToolbar", "stMainMenu", "stAppDeployButton", "stStatusWidget",
          "stDecoration", "stExpandSidebarButton", "stSidebarCollapsedControl"]
DECK_BUILD_MS = 60_000  # a deck download is built when asked for: seconds, more on a loaded machine


def _no_chrome(page: Page) -> None:
    for testid in CHROME:
        expect(page.locator(f"[data-testid='{testid}']")).to_be_hidden()


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))  # the screen as the audience sees it


def test_arrow_keys_walk_through_every_slide_without_chrome(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/present?partner=KZ&year=2022")
    settle(page)
    counter = page.locator("#pz-counter")
    expect(counter).to_have_text(f"1 / {SLIDES}")
    expect(page.get_by_text("Казахстан", exact=True)).to_be_visible()
    for n in range(1, SLIDES + 1):
        expect(counter).to_have_text(f"{n} / {SLIDES}")
        settle(page)
        _no_chrome(page)
        expect(page.locator("[data-testid='stException']")).to_have_count(0)
        if n == 2:
            expect(page.get_by_text("4-е место из 114 стран-партнёров")).to_be_visible()
        _shot(page, f"present-1920x1080-{n}")
        page.keyboard.press("ArrowRight")
    expect(counter).to_have_text(f"{SLIDES} / {SLIDES}")  # past the last slide it stays there
    expect(page).to_have_url(re.compile(rf"slide={SLIDES}"))
    page.keyboard.press("PageUp")  # what a presentation clicker sends
    expect(counter).to_have_text(f"{SLIDES - 1} / {SLIDES}")
    page.keyboard.press("Home")
    expect(counter).to_have_text(f"1 / {SLIDES}")
    page.keyboard.press("PageDown")
    expect(counter).to_have_text(f"2 / {SLIDES}")
    expect(page).to_have_url(re.compile(r"slide=2"))


def test_small_screen_english_slides_buttons_and_a_link_to_a_slide(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_url}/present?partner=KZ&year=2022&slang=en&slide=2")
    settle(page)
    counter = page.locator("#pz-counter")
    expect(counter).to_have_text(f"2 / {SLIDES}")  # a link opens its slide
    expect(page.get_by_text("4th of 114 partner countries")).to_be_visible()
    page.locator(".st-key-present_prev button").first.click()
    expect(counter).to_have_text(f"1 / {SLIDES}")
    for n in range(1, SLIDES + 1):
        expect(counter).to_have_text(f"{n} / {SLIDES}")
        settle(page)
        _no_chrome(page)
        _shot(page, f"present-1280x720-{n}")
        if n < SLIDES:
            page.locator(".st-key-present_next button").first.click()
    expect(page.locator(".st-key-present_next button").first).to_be_disabled()
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def test_pptx_download_from_the_settings(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/present?partner=KZ&year=2022")
    settle(page)
    page.locator(".st-key-present_settings button").first.click()
    button = page.locator(".st-key-present_deck_pptx").get_by_role("button", name="PPTX")
    expect(button).to_be_visible()
    with page.expect_download(timeout=DECK_BUILD_MS) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "briefing_KZ_2022_ru.pptx"
    prs = Presentation(download.path())
    assert len(prs.slides) == SLIDES
    with page.expect_download(timeout=DECK_BUILD_MS) as info:  # the справка, one click away too
        page.locator(".st-key-present_deck_docx").get_by_role("button", name="DOCX").click()
    assert info.value.suggested_filename == "brief_KZ_2022_ru.docx"
    paper = docx.Document(info.value.path())
    assert "4-е место из 114" in "\n".join(p.text for p in paper.paragraphs)
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def test_slides_turn_in_the_browser_without_a_rerun_and_the_server_hears_of_it(page: Page, app_url: str) -> None:
    """Ten presses of → at 1280x720: each shows the next slide (the last stays), the URL's slide number is
    replaced (no history entry), and nothing is sent to the server; opening the settings tells it the slide, so a
    setting changed there keeps the slide on screen."""
    page.set_viewport_size({"width": 1280, "height": 720})
    sent: list = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(payload)))
    page.goto(f"{app_url}/present?partner=KZ&year=2022")
    expect(page.locator("html")).to_have_attribute("data-pz-known", "1280x720")  # drawn for this screen
    settle(page)
    counter = page.locator("#pz-counter")
    expect(counter).to_have_text(f"1 / {SLIDES}")
    history, before = page.evaluate("history.length"), len(sent)
    assert before > 0  # the websocket was watched from the start
    for n in range(1, 11):
        page.keyboard.press("ArrowRight")
        shown = min(n + 1, SLIDES)
        expect(counter).to_have_text(f"{shown} / {SLIDES}")
        expect(page.locator(f".st-key-pz_slide_{shown - 1}")).to_be_visible()
        expect(page.locator(f".st-key-pz_slide_{shown - 2}")).to_be_hidden()
        expect(page).to_have_url(re.compile(rf"[?&]slide={shown}(&|$)"))
    last = f".st-key-pz_slide_{SLIDES - 1}"  # the last slide's container (0-based)
    expect(page.locator(f"{last} [data-testid='stPlotlyChart'], {last} .pz-list").first).to_be_visible()
    assert len(sent) == before, f"{len(sent) - before} messages to the server while turning slides"
    assert page.evaluate("history.length") == history  # replaced, not pushed
    expect(page.locator(".st-key-present_next button").first).to_be_disabled()

    page.locator(".st-key-present_settings button").first.click()
    page.get_by_role("radiogroup").first.wait_for()
    settle(page)
    page.locator("[data-testid='stPopoverBody']").get_by_text("EN", exact=True).click()  # slides in English
    settle(page)
    expect(page.get_by_text("Sources and data")).to_be_visible()  # still the last slide, now in English
    expect(counter).to_have_text(f"{SLIDES} / {SLIDES}")
    assert len(sent) > before
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def test_a_partner_without_trade_is_warned_about(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/present?partner=AQ&year=2022")
    settle(page)
    expect(page.get_by_test_id("stAlertContentWarning")).to_contain_text("Антарктида: торговли за 2022 год не было.")
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
