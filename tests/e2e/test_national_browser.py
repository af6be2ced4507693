"""The national block of the partner page and the national slide in a real browser, in Russian and English: the
region's place among Russia's regions, Russia's Comtrade figures and the partner's mirror figures, with no error
box (and, as every browser test here, no request leaving localhost)."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.i18n import t
from dashboard.slide_model import KINDS
from dashboard.store import national
from dashboard.store.db import Store
from dashboard.store.period import Period
from tests.e2e.conftest import screenshot, settle


def _place(demo_db: Path, lang: str) -> str:
    n = national.national_picture(Store(demo_db), "18000", Period(2021), "KZ")
    assert n.place is not None
    return t("national.place_value", lang, rank=n.place.rank, of=n.place.of)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_partner_page_national_block(page: Page, app_url: str, demo_db: Path, lang: str) -> None:
    page.goto(f"{app_url}/partner?partner=KZ&year=2021&lang={lang}")
    settle(page)
    heading = page.get_by_role("heading", name=t("national.title", lang))
    heading.scroll_into_view_if_needed()
    expect(heading).to_be_visible()
    expect(page.locator("[data-testid='stMetricValue']").filter(has_text=_place(demo_db, lang))).to_be_visible()
    expect(page.get_by_text(t("national.mirror", lang), exact=True)).to_be_visible()
    expect(page.get_by_text("comtrade_mirror.csv", exact=False).first).to_be_visible()
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)
    screenshot(page, f"partner-national-{lang}")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_national_slide(page: Page, app_url: str, demo_db: Path, lang: str) -> None:
    number = KINDS.index("national") + 1
    page.goto(f"{app_url}/present?partner=KZ&year=2021&slang={lang}&slide={number}")
    settle(page)
    expect(page.locator("#pz-counter")).to_have_text(f"{number} / {len(KINDS)}")
    expect(page.locator("[data-slide-kind='national']")).to_contain_text(t("national.slide_title", lang))
    expect(page.get_by_text(_place(demo_db, lang), exact=False).first).to_be_visible()
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
