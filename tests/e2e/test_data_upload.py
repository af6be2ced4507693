"""Issue 7.4 in a real browser: the Данные page asks for the password, shows a bad file's problems by line
and column before anything is published (XSRF protection on, as configured), and publishes a good file."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard import access
from dashboard.i18n import t
from dashboard.ingest.pipeline import import_paths
from dashboard.store import versions
from tests.e2e.conftest import running_app, settle
from tests.fixtures.make_bad import good_rows, table, with_row, write_base

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "an officer's long password"
pytestmark = pytest.mark.e2e


@pytest.fixture
def data_page(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The page on its own (`streamlit run dashboard/app_pages/data.py`) with a secrets file in tmp_path."""
    db = tmp_path / "db" / "t.duckdb"
    import_paths(db, write_base(tmp_path / "in"), loaded_by="test")
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(access.secrets_lines(access.hash_password(PASSWORD, iterations=1000)), encoding="utf-8")
    script = ROOT / "dashboard" / "app_pages" / "data.py"
    with running_app(db, script=script, args=("--server.enableXsrfProtection", "true", "--secrets.files",
                                              str(secrets))) as url:
        yield url, db


def test_login_then_bad_file_report_then_publish(page: Page, data_page, tmp_path: Path) -> None:
    url, db = data_page
    page.goto(f"{url}/?lang=en")
    settle(page)
    expect(page.get_by_text("Only authorised staff can change data")).to_be_visible()
    expect(page.get_by_text("Loaded files")).to_have_count(0)
    page.get_by_label("Password", exact=True).fill("wrong password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Wrong password.", exact=True)).to_be_visible()
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Loaded files")).to_be_visible()

    bad = tmp_path / "bad.csv"
    bad.write_bytes(with_row(13, "Stoim", "-5,00"))
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(bad))
    expect(page.get_by_text("bad.csv: 1 problem(s) found")).to_be_visible()
    expect(page.get_by_role("button", name="Publish a new version")).to_be_disabled()
    assert versions.current_number(db) == 1

    page.get_by_role("button", name="Remove bad.csv").click()
    # the removal's rerun must finish before the next upload, or the uploader can lose the new file
    expect(page.get_by_text("bad.csv: 1 problem(s) found")).to_have_count(0)
    settle(page)
    good = tmp_path / "good.csv"
    good.write_text(table(good_rows(months=(7, 8))), encoding="utf-8")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(good))
    # the format is named as the catalogue names it, in the page's language
    checked = t("data.valid", "en", file="good.csv", rows=48, format=t("data.formats.fts", "en"))
    expect(page.get_by_text(checked, exact=True)).to_be_visible()
    page.get_by_role("button", name="Publish a new version").click()
    expect(page.get_by_text("good.csv: loaded 48 rows")).to_be_visible()
    assert versions.current_number(db) == 2
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
