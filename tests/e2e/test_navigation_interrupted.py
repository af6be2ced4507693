"""Sidebar clicks that interrupt a page's run keep the sidebar's view (region, year), in a real browser.

A user who clicks Партнёры, Товары, Обзор... without waiting for each page stops the run in progress every time;
the region and year they chose must survive that, and then a reload and Back. (ui/state.py keeps the sidebar's
choices under keys no widget owns, since Streamlit drops the state of widgets a run did not draw.) Each test also
checks that no error box appeared; the `page` fixture fails a test on any request that left localhost.
"""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from dashboard.i18n import t
from tests.e2e.conftest import settle
from tests.e2e.test_navigation import choose, heading, no_error_box, select_box

RU = "ru"
REGION = "Краснодарский край (03000)"  # neither the default region (18000) nor the first option (01000)
YEAR = "2022"                          # neither the default year nor the first option (2024)


def link(page: Page, page_key: str):
    return page.get_by_test_id("stSidebarNav").get_by_role("link", name=t(f"pages.{page_key}", RU))


def script_state(page: Page) -> str | None:
    return page.get_by_test_id("stApp").get_attribute("data-test-script-state")


PATHS = {"overview": "/", "partners": "/partners", "goods": "/goods"}  # the overview lives at the root


def chosen_view(page: Page, app_url: str) -> None:
    """Обзор with the region and year chosen in the sidebar, as a user does."""
    page.goto(f"{app_url}/")
    settle(page)
    choose(page, t("controls.region", RU), REGION)
    choose(page, t("controls.year", RU), YEAR)
    expect(page).to_have_url(re.compile(r"[?&]region=03000(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]year=2022(&|$)"))


def assert_view_kept(page: Page, page_key: str) -> None:
    expect(page).to_have_url(re.compile(rf"{PATHS[page_key]}\?"))
    settle(page)
    expect(heading(page)).to_be_visible()
    settle(page)
    expect(select_box(page, t("controls.region", RU))).to_have_value(REGION)
    expect(select_box(page, t("controls.year", RU))).to_have_value(YEAR)
    expect(page).to_have_url(re.compile(r"[?&]region=03000(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]year=2022(&|$)"))
    no_error_box(page)


def test_fast_sidebar_clicks_keep_the_region_and_year(page: Page, app_url: str) -> None:
    """Five pages clicked one after another, none waited for."""
    chosen_view(page, app_url)
    for key in ("partners", "goods", "overview", "partners", "goods"):
        link(page, key).click()
    assert_view_kept(page, "goods")


def test_clicks_into_runs_in_progress_keep_the_view_through_reload_and_back(page: Page, app_url: str) -> None:
    """Each click lands while the previous page's run is still going (the app says it is running), a dozen times;
    then a reload and Back still show the chosen region and year."""
    chosen_view(page, app_url)
    into_a_run = []
    for key in ("partners", "goods", "overview", "goods", "partners", "overview") * 2:
        into_a_run.append(script_state(page) == "running")
        link(page, key).click()
        # the next click once this page's run has begun: seen running, or (a run too short for the poll to see)
        # already at this page's address
        page.wait_for_function("""path => document.querySelector("[data-testid='stApp']")
            ?.getAttribute('data-test-script-state') === 'running' || location.pathname === path""",
                               arg=PATHS[key], timeout=60000)
    assert sum(into_a_run) >= 6, into_a_run  # most clicks did land in a run that had not finished
    assert_view_kept(page, "overview")

    page.reload()
    assert_view_kept(page, "overview")
    page.go_back()
    settle(page)
    expect(select_box(page, t("controls.region", RU))).to_have_value(REGION)
    expect(select_box(page, t("controls.year", RU))).to_have_value(YEAR)
    no_error_box(page)
