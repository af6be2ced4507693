"""Back, Forward, copied links and downloads in a real browser (issue 16.5 and 16.6).

Back and Forward walk through the views the user saw, each with its whole query and its widgets as they were
(ui/history.py); a copied URL opens the same view in a new page; ten downloads in a row, CSV and XLSX alternating,
each deliver a file, and the server logs no missing file. The `page` fixture fails a test on any request that left
localhost; each test also checks that no error box appeared.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.i18n import t
from tests.e2e.conftest import free_port, settle, start_streamlit, wait_healthy

RU = "ru"


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def select_box(page: Page, label: str):
    """A select box's input: its value is the option shown."""
    return page.get_by_role("combobox", name=label, exact=True)


def choose(page: Page, label: str, option: str) -> None:
    select_box(page, label).click()
    page.keyboard.type(option)  # the list is virtual: a long one shows only its first options until filtered
    page.get_by_role("option", name=option, exact=True).click()
    settle(page)


def nav(page: Page, page_key: str) -> None:
    """Click a page in the sidebar as a user who waits for it: the new page's URL first, then its run finished
    (settle alone can see the previous run's end before the new run starts, and the next click would then
    interrupt a run in progress)."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=t(f"pages.{page_key}", RU)).click()
    expect(page).to_have_url(re.compile(rf"/{page_key}(\?|$)"))
    settle(page)
    expect(heading(page)).to_be_visible()
    settle(page)


def no_error_box(page: Page) -> None:
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)


def query(page: Page) -> str:
    return page.url.split("?", 1)[1] if "?" in page.url else ""


def test_back_and_forward_walk_through_the_views_seen(page: Page, app_url: str) -> None:
    """Обзор -> Партнёры -> Товары (all in 2022), 2023 chosen on Товары; Back twice, Forward once."""
    page.goto(f"{app_url}/?year=2022")
    settle(page)
    expect(heading(page)).to_have_text(t("overview.title", RU))
    nav(page, "partners")
    expect(page).to_have_url(f"{app_url}/partners?year=2022")
    nav(page, "goods")
    expect(page).to_have_url(re.compile(r"/goods\?year=2022&flow=E&depth=2&chapter=\d+$"))
    goods_2022 = page.url
    choose(page, t("controls.year", RU), "2023")
    expect(page).to_have_url(re.compile(r"/goods\?year=2023&"))
    assert page.evaluate("history.length") <= 5  # about:blank, Обзор, Партнёры, Товары 2022, Товары 2023

    page.go_back()
    settle(page)
    expect(page).to_have_url(goods_2022)
    expect(heading(page)).to_have_text(t("goods.title", RU))
    expect(select_box(page, t("controls.year", RU))).to_have_value("2022")  # as seen, not the session's 2023

    page.go_back()
    settle(page)
    expect(page).to_have_url(f"{app_url}/partners?year=2022")  # the page with its query, not a bare /partners
    expect(heading(page)).to_have_text(t("partners.title", RU))
    expect(select_box(page, t("controls.year", RU))).to_have_value("2022")

    page.go_forward()
    settle(page)
    expect(page).to_have_url(goods_2022)
    expect(heading(page)).to_have_text(t("goods.title", RU))
    expect(select_box(page, t("controls.year", RU))).to_have_value("2022")
    no_error_box(page)


def test_back_after_a_partner_change_restores_the_previous_partner(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/partner?partner=KZ&year=2022")
    settle(page)
    expect(heading(page)).to_contain_text("Казахстан")
    choose(page, t("partner.choose", RU), "Китай")
    expect(page).to_have_url(re.compile(r"[?&]partner=CN(&|$)"))
    expect(heading(page)).to_contain_text("Китай")

    page.go_back()
    settle(page)
    expect(page).to_have_url(re.compile(r"[?&]partner=KZ(&|$)"))
    expect(heading(page)).to_contain_text("Казахстан")
    expect(select_box(page, t("partner.choose", RU))).to_have_value("Казахстан")
    assert "year=2022" in query(page)

    page.go_forward()
    settle(page)
    expect(page).to_have_url(re.compile(r"[?&]partner=CN(&|$)"))
    expect(heading(page)).to_contain_text("Китай")
    no_error_box(page)


def test_back_from_a_presenter_link_leaves_it_rather_than_opening_it_again(page: Page, app_url: str) -> None:
    """?present=1 on a partner link redirects to the slides; that redirect replaces the link's entry."""
    page.goto(f"{app_url}/?year=2022")
    settle(page)
    page.goto(f"{app_url}/partner?partner=KZ&year=2022&present=1")
    settle(page)
    expect(page).to_have_url(re.compile(r"/present\?"))
    page.go_back()
    settle(page)
    expect(page).to_have_url(f"{app_url}/?year=2022")
    expect(heading(page)).to_have_text(t("overview.title", RU))
    no_error_box(page)


def test_a_copied_link_opens_the_same_view_in_a_new_page(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/goods?year=2022")
    settle(page)
    page.locator(".st-key-flow").get_by_role("radio", name=t("flows.I", RU), exact=True).click()
    settle(page)
    expect(page).to_have_url(re.compile(r"flow=I"))
    chapter = select_box(page, t("goods.chapter", RU)).input_value()
    copied = page.url

    other = page.context.new_page()  # a new page: a new session that knows only the URL
    other.goto(copied)
    settle(other)
    expect(other).to_have_url(copied)
    expect(heading(other)).to_have_text(t("goods.title", RU))
    expect(select_box(other, t("controls.year", RU))).to_have_value("2022")
    expect(select_box(other, t("goods.chapter", RU))).to_have_value(chapter)
    expect(other.locator(".st-key-flow [role=radio][aria-checked=true]")).to_have_text(t("flows.I", RU))
    no_error_box(other)
    other.close()


class Log(list):
    """Lines of a server's stderr, drained by a thread so the pipe never fills."""


@pytest.fixture(scope="module")
def logged_app(demo_db: Path) -> Iterator[tuple[str, Log]]:
    port = free_port()
    proc = start_streamlit(demo_db, port)
    log = Log()
    drain = threading.Thread(target=lambda: log.extend(line.decode(errors="replace") for line in proc.stderr),
                             daemon=True)
    drain.start()
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url, log
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        drain.join(timeout=5)


def test_ten_downloads_in_a_row_each_deliver_a_file(page: Page, logged_app: tuple[str, Log]) -> None:
    """CSV and XLSX alternating, each pressed as soon as the previous download has started."""
    url, log = logged_app
    sizes: list[tuple[str, int]] = []
    for path in ("partners?year=2022", "goods?year=2022"):
        page.goto(f"{url}/{path}")
        settle(page)
        for i in range(5):
            label = t("partners.download_csv" if i % 2 == 0 else "partners.download_xlsx", RU)
            with page.expect_download(timeout=15_000) as info:
                page.get_by_role("button", name=label).click()
            download = info.value
            sizes.append((download.suggested_filename, Path(download.path()).stat().st_size))
        expect(page.get_by_test_id("stDownloadButtonError")).to_have_count(0)
        no_error_box(page)
    assert len(sizes) == 10 and all(size > 0 for _, size in sizes), sizes
    assert {name.rsplit(".", 1)[1] for name, _ in sizes} == {"csv", "xlsx"}
    assert not [line for line in log if "not found" in line.lower()], log[-20:]
