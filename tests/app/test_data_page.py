"""Issue 7.4: the Данные page is behind the login, shows the loaded files and the version, and rolls back
only after a confirmation; issue 12: formats, months, moments and versions named for people. (The importer's
own tests cover what an upload can hold; here one upload goes through the page.)"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import access
from dashboard.ingest.pipeline import import_paths
from dashboard.store import versions
from tests.fixtures.make_bad import good_rows, table, write_base

PAGE = Path(__file__).resolve().parents[2] / "dashboard" / "app_pages" / "data.py"
PASSWORD = "data officer's password"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    published = tmp_path / "db" / "t.duckdb"
    import_paths(published, write_base(tmp_path / "in"), loaded_by="test")
    extra = tmp_path / "in" / "fts_2021_h2.csv"
    extra.write_text(table(good_rows(months=(7, 8))), encoding="utf-8")
    import_paths(published, [extra], loaded_by="test")
    return published


@pytest.fixture
def page(db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    from dashboard.ui import auth
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setattr(auth, "THROTTLE", access.Throttle())
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    at.secrets["dashboard"] = {"password_hash": access.hash_password(PASSWORD, iterations=1000)}
    at.query_params["lang"] = "en"
    return at.run()


def _login(at: AppTest) -> AppTest:
    at.text_input(key="auth_password").input(PASSWORD)
    return at.button[0].click().run()


def test_nothing_of_the_page_without_login(page: AppTest):
    assert not page.exception
    assert not [e for e in page.dataframe]
    assert not [b for b in page.button if b.key in ("data_publish", "data_rollback")]
    assert page.text_input(key="auth_password")


def test_after_login_the_sources_and_version_are_shown(page: AppTest):
    at = _login(page)
    assert not at.exception, [e.value for e in at.exception]
    assert any("Data version" in h.value for h in at.subheader)
    sources = at.dataframe[0].value
    assert set(sources["File"]) == {"base_fts_2021.zip", "base_firms.csv", "fts_2021_h2.csv"}


def test_rollback_needs_a_confirmation(page: AppTest, db: Path):
    at = _login(page)
    before = versions.current(db)
    assert at.button(key="data_rollback").disabled
    at.checkbox(key="data_rollback_confirm").check().run()
    at.button(key="data_rollback").click().run()
    assert not at.exception
    assert versions.current(db) != before
    assert versions.current_number(db) == 1
    assert any("Now serving" in s.value for s in at.success)


def test_read_only_deployment_refuses_even_when_opened_directly(db: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_READ_ONLY", "1")
    at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    assert not at.exception
    assert not at.text_input  # no login form, no upload: nothing to do here
    assert "viewing deployment" in at.info[0].value or "только для просмотра" in at.info[0].value


def test_the_uploader_and_the_format_choice_come_from_the_formats_list(page: AppTest):
    from dashboard.i18n import t
    from dashboard.ingest import formats
    at = _login(page)
    [uploader] = at.get("file_uploader")
    assert list(uploader.proto.type) == [f".{x}" for x in formats.file_types()]
    choice = at.selectbox(key="data_format")
    assert choice.options == [t(f"data.formats.{c}", "en") for c in formats.CHOICES] and choice.value == "auto"


@pytest.mark.parametrize(("lang", "note"), [("ru", "пропущены столбцы: Comment, Declarant"),
                                            ("en", "ignored columns: Comment, Declarant")])
def test_the_load_log_s_notes_are_in_the_page_s_language(db: Path, tmp_path: Path, page: AppTest, lang: str,
                                                          note: str):
    from tests.fixtures.make_bad import CASES
    extra = tmp_path / "extra" / "DATTSVT.csv"
    extra.parent.mkdir()
    extra.write_bytes(CASES["extra_columns"][1]())
    import_paths(db, [extra], loaded_by="test")
    page.query_params["lang"] = lang
    at = _login(page.run())
    sources = at.dataframe[0].value
    assert note in set(sources[sources.columns[-2]])  # the note column, just before the SHA-256


def test_sources_and_versions_are_named_for_people(page: AppTest):
    at = _login(page)
    sources = at.dataframe[0].value
    assert set(sources["Format"]) == {"FTS unload", "firm counts"}  # data.formats.*, never the codes
    fts = sources[sources["Format"] == "FTS unload"]
    assert set(zip(fts["From"], fts["To"], strict=True)) == {("January 2021", "June 2021"),
                                                             ("July 2021", "August 2021")}
    assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}", w) for w in sources["When"])
    label = at.checkbox(key="data_rollback_confirm").label
    assert re.search(r"\(no\. 1 of \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}\)$", label) and ".duckdb" not in label


def test_an_upload_is_checked_named_by_its_format_and_published_as_a_numbered_version(page: AppTest, db: Path):
    from dashboard.i18n import t
    at = _login(page)
    data = table(good_rows(months=(10, 11))).encode()
    at.file_uploader(key="data_upload").set_value(("fts_2021_q4.csv", data, "text/csv")).run()
    assert not at.exception
    assert [s.value for s in at.success] == [t("data.valid", "en", file="fts_2021_q4.csv", rows=48,
                                               format=t("data.formats.fts", "en"))]
    at.button(key="data_publish").click().run()
    assert not at.exception and versions.current_number(db) == 3
    assert any(c.value.startswith("Now serving version no. 3 of ") for c in at.caption)
    assert not [c.value for c in at.caption if ".duckdb" in c.value]


def test_the_history_shows_publications_and_a_rollback_in_words(page: AppTest, db: Path):
    """Issue 13: the publication log on the page, newest first: what happened, the version current after it by
    number and date, and who; never a file name of a version."""
    at = _login(page)
    at.checkbox(key="data_rollback_confirm").check().run()
    at.button(key="data_rollback").click().run()
    log = at.dataframe[-1].value  # the last table of the page; the rollback above it is already logged
    assert list(log.columns) == ["When", "What happened", "Current version after", "Who"]
    assert list(log["What happened"])[1:] == ["files loaded: fts_2021_h2.csv",
                                              "files loaded: base_fts_2021.zip, base_firms.csv"]
    first = log.iloc[0]
    assert first["What happened"].startswith("rollback: version no. 1 of ")
    assert re.fullmatch(r"no\. 1 of \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}", first["Current version after"])
    assert first["Who"] == t_shared()
    assert not log.apply(lambda c: c.astype(str).str.contains(".duckdb")).any().any()


def t_shared() -> str:
    """The login the page's shared password signs as, in the page's language."""
    from dashboard.i18n import t
    return t("data.shared_password", "en")
