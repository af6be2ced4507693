"""The national block of the partner page and the national slide, in Russian and English: the figures of the
store's answer (national.national_picture), each captioned with its period, scope and source."""
from __future__ import annotations

import html
from pathlib import Path

import pytest

from dashboard.i18n import t
from dashboard.i18n.numbers import money, percent
from dashboard.slide_model import KINDS
from dashboard.store import national
from dashboard.store.db import Store
from dashboard.store.period import Period


def _picture(demo_db: Path, year: int) -> national.NationalPicture:
    return national.national_picture(Store(demo_db), "18000", Period(year), "KZ")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_partner_page_shows_the_region_in_russias_trade(make_app, demo_db: Path, lang: str) -> None:
    n = _picture(demo_db, 2021)
    assert n.place and n.national and n.mirror
    at = make_app("partner", partner="KZ", year="2021", lang=lang)
    assert t("national.title", lang) in [h.value for h in at.subheader]
    shown = {m.label: m.value for m in at.metric}
    assert shown[t("national.place", lang)] == t("national.place_value", lang, rank=n.place.rank, of=n.place.of)
    assert shown[t("national.russia", lang)] == money(n.national.turnover.usd, lang)
    assert shown[t("national.share_of_russia", lang)] == percent(n.share_of_national, lang)
    assert shown[t("national.mirror", lang)] == money(n.mirror.turnover.usd, lang)
    captions = " ".join(c.value for c in at.caption)
    # the mirror figures name their reporter and are turned to Russia's side, CIF against FOB
    assert money(n.mirror.russia_exports.usd, lang) in captions and "comtrade_mirror.csv" in captions
    assert "comtrade_russia.csv" in captions and t("scope.with_eaeu", lang) in captions
    other = {"ru": "en", "en": "ru"}[lang]
    assert t("national.title", other) not in [h.value for h in at.subheader]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_after_2021_the_page_says_russia_has_no_comtrade_figures(make_app, lang: str) -> None:
    at = make_app("partner", partner="KZ", year="2022", lang=lang)
    captions = [c.value for c in at.caption]
    assert t("national.no_russia", lang, year=2022) in captions
    assert t("national.share_of_russia", lang) not in {m.label for m in at.metric}
    assert t("national.mirror", lang) in {m.label for m in at.metric}


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_national_slide(make_app, demo_db: Path, lang: str) -> None:
    n = _picture(demo_db, 2021)
    assert n.place is not None
    number = KINDS.index("national") + 1
    at = make_app("present", partner="KZ", year="2021", slang=lang, slide=str(number))
    body = next(h.body for h in at.get("html") if 'data-slide-kind="national"' in h.body)
    assert html.escape(t("national.slide_title", lang)) in body
    shown = html.unescape(" ".join(h.body for h in at.get("html")))
    assert t("national.place_value", lang, rank=n.place.rank, of=n.place.of) in shown
    assert "comtrade_mirror.csv" in shown
