"""Adding a meeting by pasting its text: propose, confirm, and see it on the partner page with its verdicts."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.access import hash_password

TEXT = ("Сегодня, 14 марта, губернатор Волгоградской области Андрей Бочаров провёл встречу с делегацией "
        "Республики Узбекистан. Узбекистан занимает 7-е место среди 102 внешнеторговых партнёров региона. "
        "Более 150 предприятий области работают с узбекскими партнёрами. Стороны договорились о том, что "
        "в ближайшее время состоятся переговоры по поставкам сельхозтехники. <script>alert(1)</script>")


@pytest.fixture()
def private_db(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Saving publishes a new version: work on a copy of the demo database."""
    target = tmp_path / "db"
    shutil.copytree(demo_db.parent, target, symlinks=True)
    db = target / demo_db.name
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    return db


def test_meetings_page_lists_the_bundled_meeting(make_app) -> None:
    at = make_app("meetings")
    subheaders = [s.value for s in at.subheader]
    assert any(s.startswith("03.02.2023") for s in subheaders), subheaders
    assert any("подтверждено" in m.value for m in at.markdown)
    # the main partner's figures as of the meeting date, as on the partner page (was "Данных за 2022 год нет.")
    assert any("место из 114" in m.value and "товарооборот 300,0" in m.value for m in at.markdown)
    assert not any("Данных за 2022" in c.value for c in at.caption)
    assert not any(": any," in m.value for m in at.markdown)  # the firm kind in words, not its code


def test_adding_needs_a_login(make_app) -> None:
    at = make_app("meetings")
    assert not [w for w in at.get("text_area") if w.key == "mform_text"]  # no form before logging in


def test_add_a_meeting_by_pasting_text(make_app, private_db: Path) -> None:
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py"), default_timeout=60)
    at.secrets["dashboard"] = {"password_hash": hash_password("s3cret", iterations=1000)}
    at.switch_page("app_pages/meetings.py")
    at.run()
    at.text_input(key="auth_password").input("s3cret")
    at.get("form_submit_button")[0].click().run()
    at.text_area(key="mform_text").input(TEXT)
    at.number_input(key="mform_year").set_value(2024)
    at.button(key="mform_propose").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.text_input(key="mform_title").value
    assert at.multiselect(key="mform_partners").value == ["UZ"]
    assert str(at.date_input(key="mform_date").value) == "2024-03-14"
    save = [b for b in at.get("form_submit_button") if "Сохранить" in b.label][0]
    save.click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Встреча сохранена" in s.value for s in at.success), [e.value for e in at.error]

    page = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py"), default_timeout=60)
    page.query_params["partner"] = "UZ"
    page.query_params["year"] = "2023"
    page.switch_page("app_pages/partner.py")
    page.run()
    assert not page.exception
    assert any(s.value.startswith("14.03.2024") for s in page.subheader)
    text = " ".join(m.value for m in page.markdown).replace("\\", "")  # drop Markdown escapes
    summary = " ".join(h.body for h in page.get("html"))  # the summary: sanitised HTML (meetings/render.py)
    assert "<script>" not in summary and "&lt;script&gt;" in summary  # shown as text, never run
    # no period in the text: checked against 2023, the last full year before the meeting
    assert "подтверждено" in text  # 102 partner countries in 2023
    assert "расходится (в данных: 8" in text  # Uzbekistan was 8th in 2023, not 7th


def test_checked_figures_and_dates_in_english(make_app) -> None:
    """Verdicts, scopes and dates come from the English catalogue: no Russian sentence of the check leaks."""
    at = make_app("meetings", lang="en")
    subheaders = [s.value for s in at.subheader]
    assert any(s.startswith("3 Feb 2023") for s in subheaders), subheaders
    lines = [m.value for m in at.markdown]
    assert any("confirmed" in v and "including EAEU, demonstration data" in v for v in lines), lines
    assert any("all firms, 2022" in v for v in lines), lines
    shown = " ".join(lines + [c.value for c in at.caption])
    for russian in ("подтверждено", "с учётом ЕАЭС", "демонстрационные данные", "всего компаний", "период"):
        assert russian not in shown


def test_the_meeting_date_field_is_where_periods_count_from(private_db: Path) -> None:
    """A text without a date: the date the user gives is the meeting's, and "прошлого года" is the year before it
    (2023 for a meeting in March 2024: Uzbekistan 8th of 102), as `meeting check --date` does."""
    import datetime as dt

    from streamlit.testing.v1 import AppTest
    text = "По итогам прошлого года Узбекистан занял 8-е место среди 102 внешнеторговых партнёров региона."
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py"), default_timeout=60)
    at.secrets["dashboard"] = {"password_hash": hash_password("s3cret", iterations=1000)}
    at.switch_page("app_pages/meetings.py")
    at.run()
    at.text_input(key="auth_password").input("s3cret")
    at.get("form_submit_button")[0].click().run()
    at.text_area(key="mform_text").input(text)
    at.date_input(key="mform_held_on").set_value(dt.date(2024, 3, 14))
    at.button(key="mform_propose").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert str(at.date_input(key="mform_date").value) == "2024-03-14"
    # no "the text gives no date" on the page (the sidebar may warn that the data are old: frame.sidebar_footer)
    assert not at.main.warning, [w.value for w in at.main.warning]
    (claims,) = [d.value for d in at.dataframe if "Проверка" in d.value.columns]
    assert list(claims["Проверка"]) == ["подтверждено", "подтверждено"]


def test_the_figures_of_meetings_in_one_year_are_read_once(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page shows each meeting's partner figures as of its date: the last full year before it. Meetings with a
    partner in one year share them, so they are read once (a ranking query each, ~25 ms at 100M rows)."""
    import datetime as dt

    from dashboard.meetings import check
    from dashboard.meetings.model import Meeting
    from dashboard.store.db import Store
    from dashboard.ui import meetings_view
    store = Store(demo_db)
    early, late = dt.date(2023, 2, 3), dt.date(2023, 11, 30)
    assert check.figures_as_of(store, "KZ", early) == check.figures_as_of(store, "KZ", late)  # what the key assumes
    calls: list[tuple] = []

    def counted(*args: object) -> check.Figures | None:
        calls.append(args)
        return check.figures_as_of(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(meetings_view, "figures_as_of", counted)
    meetings_view._figures.clear()
    shown = [meetings_view.figures_of(store, Meeting(held_on=d, title="t", partners=["KZ"])) for d in (early, late)]
    assert len(calls) == 1 and shown[0] == shown[1] == check.figures_as_of(store, "KZ", early)
    store.close()
