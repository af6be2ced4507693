"""Issue 7.4: the login form of dashboard/ui/auth.py, driven through Streamlit's AppTest."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import access

PASSWORD = "correct horse battery"
HASH = access.hash_password(PASSWORD, iterations=1000)


def _guarded_page():
    import streamlit as st

    from dashboard.ui.auth import require_login
    if not require_login("en"):
        st.stop()
    st.markdown("PROTECTED CONTENT")


@pytest.fixture
def app():
    from dashboard.ui import auth
    auth.THROTTLE = access.Throttle()  # AppTest runs in this process: start each test with a clean count
    at = AppTest.from_function(_guarded_page, default_timeout=60)
    at.secrets["dashboard"] = {"password_hash": HASH}
    return at.run()


def _shown(at) -> str:
    return " ".join(m.value for m in at.markdown)


def _try(at, password: str):
    at.text_input(key="auth_password").input(password)
    return at.button[0].click().run()  # the form's submit button


def test_nothing_protected_before_login(app):
    assert not app.exception
    assert "PROTECTED CONTENT" not in _shown(app)
    assert app.text_input(key="auth_password").proto.type == app.text_input(key="auth_password").proto.PASSWORD


def test_wrong_password_is_refused_and_counted(app):
    at = _try(app, "wrong")
    assert "PROTECTED CONTENT" not in _shown(at)
    assert "Attempts left: 4" in at.error[0].value


def test_right_password_opens_the_page(app):
    at = _try(app, PASSWORD)
    assert not at.exception
    assert "PROTECTED CONTENT" in _shown(at)


def test_five_failures_lock_out_even_the_right_password(app):
    at = app
    for _ in range(access.MAX_FAILURES):
        at = _try(at, "wrong")
    assert "Too many failed attempts" in at.error[0].value
    at = at.run()
    assert not at.text_input  # no form while locked
    assert "PROTECTED CONTENT" not in _shown(at)


def test_no_secrets_means_no_entry():
    at = AppTest.from_function(_guarded_page, default_timeout=60).run()
    assert "Login is not set up" in at.warning[0].value
    assert "PROTECTED CONTENT" not in _shown(at)
