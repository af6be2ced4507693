"""A press officer adds a meeting in the browser: logs in, pastes the text, confirms the proposal, and finds
the meeting on the partner page with the verdicts of its figures."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard import access
from tests.e2e.conftest import running_app, settle

PASSWORD = "press-office"
TEXT = ("Сегодня, 12 апреля, губернатор Волгоградской области провёл встречу с делегацией Республики Беларусь. "
        "Беларусь занимает первое место среди 102 внешнеторговых партнеров региона. Товарооборот вырос на 50%. "
        "Стороны договорились о том, что в ближайшее время состоятся встречи производителей техники. "
        "<b>жирный</b> <script>alert('x')</script>")


@pytest.fixture(scope="module")
def editable_app(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The whole app on a private copy of the demo database, with a password in a secrets file."""
    root = tmp_path_factory.mktemp("meet")
    shutil.copytree(demo_db.parent, root / "db", symlinks=True)
    secrets = root / "secrets.toml"
    secrets.write_text(access.secrets_lines(access.hash_password(PASSWORD, iterations=1000)), encoding="utf-8")
    with running_app(root / "db" / demo_db.name, args=("--secrets.files", str(secrets))) as url:
        yield url


def test_paste_confirm_and_see_it_on_the_partner_page(page: Page, editable_app: str) -> None:
    page.goto(f"{editable_app}/meetings")
    settle(page)
    page.get_by_role("tab", name="Добавить встречу").click()
    page.get_by_label("Пароль").fill(PASSWORD)
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_role("tab", name="Добавить встречу").click()
    page.get_by_label("…или вставьте текст пресс-релиза").fill(TEXT)
    page.locator(".st-key-mform_year input").fill("2024")
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Разобрать текст").click()
    settle(page)
    page.get_by_role("tab", name="Добавить встречу").click()
    expect(page.get_by_label("Заголовок", exact=True)).not_to_be_empty()
    page.get_by_role("button", name="Сохранить встречу").click()
    settle(page)
    expect(page.get_by_text("Встреча сохранена")).to_be_visible()

    page.goto(f"{editable_app}/partner?partner=BY&year=2023")
    settle(page)
    meeting = page.get_by_text("12.04.2024", exact=False).first
    expect(meeting).to_be_visible()
    expect(page.get_by_text("подтверждено").first).to_be_visible()  # 1st of 102 in 2023
    expect(page.get_by_text("расходится").first).to_be_visible()    # turnover grew 23 %, not 50 %
    expect(page.get_by_text("<script>alert('x')</script>", exact=False).first).to_be_visible()  # shown, not run
    expect(page.locator("script", has_text="alert('x')")).to_have_count(0)
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
