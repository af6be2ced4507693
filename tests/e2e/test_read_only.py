"""A viewing deployment (DASHBOARD_READ_ONLY=1): the pages that change data do not exist at all."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import running_app, settle


@pytest.fixture(scope="module")
def read_only_url(demo_db: Path) -> Iterator[str]:
    with running_app(demo_db, {"DASHBOARD_READ_ONLY": "1"}) as url:
        yield url


def test_no_data_page_and_no_meeting_form(page: Page, read_only_url: str) -> None:
    page.goto(read_only_url)
    settle(page)
    nav = page.locator("[data-testid='stSidebarNav']")
    expect(nav.get_by_text("Обзор")).to_be_visible()
    expect(nav.get_by_text("Презентация")).to_be_visible()
    expect(nav.get_by_text("Данные")).to_have_count(0)
    page.goto(f"{read_only_url}/data")
    settle(page)
    expect(page.get_by_text("Page not found")).to_be_visible()  # Streamlit's own notice; the overview runs
    expect(page.locator("[data-testid='stFileUploader']")).to_have_count(0)
    page.goto(f"{read_only_url}/meetings")
    settle(page)
    page.get_by_role("tab", name="Добавить встречу").click()
    expect(page.get_by_text("только для просмотра")).to_be_visible()
    expect(page.locator("[data-testid='stFileUploader']")).to_have_count(0)
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
