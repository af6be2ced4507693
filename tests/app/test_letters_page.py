"""Issue 14.6 in the app: an official figure entered on the Данные page goes through the importer and is
published; the partner page shows it with its letter; every page says "данные на …" and warns when that month
is more than six months before today (config.today faked)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import access, config
from dashboard.i18n import t
from dashboard.i18n.numbers import day, money
from dashboard.ingest.pipeline import import_paths
from dashboard.store import answers, versions
from dashboard.store.db import Store

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
DATA_PAGE = Path(__file__).resolve().parents[2] / "dashboard" / "app_pages" / "data.py"
PASSWORD = "letters test"
LETTER = "письмо Южного таможенного управления № 12-34/5678"


@pytest.fixture()
def data_page(fresh_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    from dashboard.ui import auth
    monkeypatch.setenv("DASHBOARD_DB", str(fresh_db))
    monkeypatch.setattr(auth, "THROTTLE", access.Throttle())
    monkeypatch.setattr(config, "today", lambda: dt.date(2026, 3, 1))
    at = AppTest.from_file(str(DATA_PAGE), default_timeout=60)
    at.secrets["dashboard"] = {"password_hash": access.hash_password(PASSWORD, iterations=1000)}
    at.query_params["lang"] = "en"
    at.run()
    at.text_input(key="auth_password").input(PASSWORD)
    at = at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _enter(at: AppTest, period: str, value: str, document: str) -> AppTest:
    at.text_input(key="lform_period").input(period)
    at.selectbox(key="lform_partner").select("KZ")
    at.selectbox(key="lform_metric").select("turnover")
    at.text_input(key="lform_value").input(value)
    at.selectbox(key="lform_unit").select("million")
    at.date_input(key="lform_date").set_value(dt.date(2026, 2, 10))
    at.text_input(key="lform_document").input(document)
    at.checkbox(key="lform_restricted").check()
    at = at.button(key="lform_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_figure_entered_in_the_form_is_checked_and_published(data_page: AppTest, fresh_db: Path):
    before = versions.current_number(fresh_db)
    at = _enter(data_page, "2025", "1 480,5", LETTER)
    assert not at.error, [e.value for e in at.error]
    assert any("official figures from letters" in s.value for s in at.success), [s.value for s in at.success]
    assert versions.current_number(fresh_db) == before + 1
    store = Store(fresh_db)
    (o,) = answers.official_figures(store, "18000", "KZ")
    store.close()
    assert (o.period.code(), o.metric, o.document, o.restricted) == ("2025", "turnover", LETTER, True)
    assert o.money == answers.Money(1_480_500_000_00) and o.document_date == dt.date(2026, 2, 10)


def test_a_bad_figure_is_refused_with_its_field_and_nothing_published(data_page: AppTest, fresh_db: Path):
    before = versions.current_number(fresh_db)
    at = _enter(data_page, "2025-14", "много", "")
    assert versions.current_number(fresh_db) == before
    (shown,) = [e.value for e in at.error]
    for field, reason in (("period", "official_period"), ("value", "not_number"), ("document", "missing_value")):
        assert f"{t(f'lform.{field}', 'en')}: {t(f'ingest.reason.{reason}', 'en')}" in shown, shown


@pytest.fixture()
def with_letter(fresh_db: Path, tmp_path: Path) -> Path:
    src = tmp_path / "letter.csv"
    src.write_text("period;partner;metric;value;unit;document;document date;restricted\n"
                   f"2024;KZ;turnover;1,5;млрд USD;{LETTER};01.02.2025;да\n", encoding="utf-8")
    import_paths(fresh_db, [src], loaded_by="analyst")
    return fresh_db


def _app(db: Path, monkeypatch: pytest.MonkeyPatch, today: dt.date, page: str, **query: str) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setattr(config, "today", lambda: today)
    at = AppTest.from_file(str(APP), default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_partner_page_shows_the_letter_s_figure_with_its_source(with_letter: Path,
                                                                    monkeypatch: pytest.MonkeyPatch):
    at = _app(with_letter, monkeypatch, dt.date(2025, 3, 1), "partner", partner="KZ", year="2024", lang="en")
    assert t("official.title", "en") in [h.value for h in at.subheader]
    (table,) = [d.value for d in at.dataframe if LETTER in d.value.to_string()]
    row = table.iloc[0]
    assert row[t("official.col_metric", "en")] == t("official.metric.turnover", "en")
    assert row[t("official.col_value", "en")] == money(1.5e9, "en")
    assert row[t("official.col_access", "en")] == t("official.restricted", "en")
    assert row[t("official.col_date", "en")] == day(dt.date(2025, 2, 1), "en")


@pytest.mark.parametrize(("today", "stale"), [(dt.date(2025, 6, 30), False), (dt.date(2025, 7, 1), True)])
@pytest.mark.parametrize("page", ["overview", "partner", "meetings"])
def test_every_page_says_the_latest_month_and_warns_when_it_is_old(fresh_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    today: dt.date, stale: bool, page: str):
    at = _app(fresh_db, monkeypatch, today, page, lang="ru")
    said = t("asof.caption", "ru", month="декабрь 2024")  # the demo data end in December 2024
    assert said in [c.value for c in at.sidebar.caption]
    assert any(said in c.value for c in at.main.caption)  # the footnote, printed with the page
    warned = t("asof.stale", "ru", month="декабрь 2024")
    assert (warned in [w.value for w in at.sidebar.warning]) is stale
