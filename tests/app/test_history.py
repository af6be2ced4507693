"""The server's half of Back and Forward (ui/history.py, ui/state.py): a rerun caused by the browser's history takes
the view from the URL, where an ordinary rerun keeps what the widgets hold. (The browser's half, one history entry
per view, is tested in tests/e2e/test_navigation.py.)"""
from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ui import history, preload


def _partner_changed_to_cn(make_app: Callable[..., AppTest]) -> AppTest:
    at = make_app("partner", partner="KZ", year="2022")
    at.selectbox(key="partner").set_value("CN").run()
    assert at.query_params["partner"] == "CN"
    return at


def test_an_ordinary_rerun_keeps_the_widgets_values(make_app: Callable[..., AppTest]) -> None:
    at = _partner_changed_to_cn(make_app)
    at.query_params["partner"] = "KZ"  # a URL the run did not write, yet no history navigation
    at.run()
    assert at.selectbox(key="partner").value == "CN"


def test_back_brings_the_urls_view_back(make_app: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch) -> None:
    at = _partner_changed_to_cn(make_app)
    at.selectbox(key="year").set_value(2023).run()
    monkeypatch.setattr(history, "restoring", lambda: True)  # the run Streamlit starts on Back
    at.query_params.clear()
    at.query_params.update({"partner": "KZ", "year": "2022", "months": "1-6"})
    at.run()
    assert not at.exception
    assert at.selectbox(key="partner").value == "KZ"
    assert at.selectbox(key="year").value == 2022
    assert at.slider(key="months").value == (1, 6)
    assert "Казахстан" in at.title[0].value


def test_a_missing_parameter_on_back_means_its_default(make_app: Callable[..., AppTest],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """write_url leaves defaults out, so an entry without `months` was the whole year."""
    at = make_app("partner", partner="KZ", year="2022", months="1-3")
    assert at.slider(key="months").value == (1, 3)
    monkeypatch.setattr(history, "restoring", lambda: True)
    at.query_params.clear()
    at.query_params.update({"partner": "KZ", "year": "2022"})
    at.run()
    assert at.slider(key="months").value == (1, 12)


def test_no_history_navigation_outside_a_run() -> None:
    assert history.restoring() is False


def test_the_shim_comes_first_in_the_served_head() -> None:
    tags = preload.head_tags().decode()
    assert tags.startswith(history.SCRIPT)  # before Streamlit's module scripts run, which are deferred
    assert "<script>" in history.SCRIPT and 'type="module"' not in history.SCRIPT
