"""Sidebar clicks that interrupt a page's run keep the sidebar's view (region, year), in a real browser.

A user who clicks Партнёры, Товары, Обзор... without waiting for each page stops the run in progress every time;
the region and year they chose must survive that, and then a reload and Back. (ui/state.py keeps the sidebar's
choices under keys no widget owns, since Streamlit drops the state of widgets a run did not draw.) Each test also
checks that no error box appeared; the `page` fixture fails a test on any request that left localhost.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.i18n import t
from tests.e2e.conftest import ROOT, running_app, settle
from tests.e2e.test_navigation import choose, heading, no_error_box, select_box

RU = "ru"
REGION = "Краснодарский край (03000)"  # neither the default region (18000) nor the first option (01000)
YEAR = "2022"                          # neither the default year nor the first option (2024)


def link(page: Page, page_key: str):
    return page.get_by_test_id("stSidebarNav").get_by_role("link", name=t(f"pages.{page_key}", RU))


def script_state(page: Page) -> str | None:
    return page.get_by_test_id("stApp").get_attribute("data-test-script-state")


# Every run of the slow app is held this long before the router runs, as on a large store, so that clicks land in
# runs in progress whatever the machine: the pages themselves became too quick (cached) for most clicks to find a
# run still going, and the test would then not test what it says.
HOLD_S = 0.6
SLOW_APP = f"""import runpy, time
time.sleep({HOLD_S})
runpy.run_path({str(ROOT / "dashboard" / "app.py")!r}, run_name="__main__")
"""
# the server as dashboard/serve.py makes it (its settings, and the served page with the history script of
# ui/history.py), running the slow app instead of app.py
SLOW_SERVER = """import streamlit as st
from starlette.middleware import Middleware

import dashboard.serve  # noqa: F401  (its Streamlit settings)
from dashboard.ui import preload

app = st.App("slow_app.py", middleware=[Middleware(preload.ServedPage)])
"""


@pytest.fixture(scope="module")
def slow_app_url(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """dashboard/app.py behind a script that holds each run first, served as serve.py serves it; the page and
    static folders are linked beside it, since Streamlit finds them next to the script it runs."""
    folder = tmp_path_factory.mktemp("slow_app")
    (folder / "slow_app.py").write_text(SLOW_APP, encoding="utf-8")
    (folder / "slow_server.py").write_text(SLOW_SERVER, encoding="utf-8")
    for name in ("app_pages", "static"):
        (folder / name).symlink_to(ROOT / "dashboard" / name, target_is_directory=True)
    with running_app(demo_db, script=folder / "slow_server.py") as url:
        yield url


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


def test_clicks_into_runs_in_progress_keep_the_view_through_reload_and_back(page: Page, slow_app_url: str) -> None:
    """Each click lands while the previous page's run is still going (the app says it is running), a dozen times;
    then a reload and Back still show the chosen region and year."""
    chosen_view(page, slow_app_url)
    into_a_run = []
    for key in ("partners", "goods", "overview", "goods", "partners", "overview") * 2:
        into_a_run.append(script_state(page) == "running")
        link(page, key).click()
        # the next click once this page's run has begun: seen running, or (a run too short for the poll to see)
        # already at this page's address
        page.wait_for_function("""path => document.querySelector("[data-testid='stApp']")
            ?.getAttribute('data-test-script-state') === 'running' || location.pathname === path""",
                               arg=PATHS[key], timeout=60000)
    assert sum(into_a_run) >= 9, into_a_run  # most clicks did land in a run that had not finished
    assert_view_kept(page, "overview")

    page.reload()
    assert_view_kept(page, "overview")
    page.go_back()
    settle(page)
    expect(select_box(page, t("controls.region", RU))).to_have_value(REGION)
    expect(select_box(page, t("controls.year", RU))).to_have_value(YEAR)
    no_error_box(page)
