"""The login form of dashboard/ui/auth.py, driven through Streamlit's AppTest: named accounts, the legacy shared
password, the growing delays, and who the audit trail names."""
from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import access

IVANOVA, PETROV, SHARED = "her-own-password", "his-own-password", "the-old-shared-one"
USERS = {"ivanova": access.hash_password(IVANOVA, iterations=1000),
         "petrov": access.hash_password(PETROV, iterations=1000)}


def _guarded_page():
    import streamlit as st

    from dashboard.ui.auth import require_login, user_name
    if not require_login("en"):
        st.stop()
    st.markdown("PROTECTED CONTENT")
    st.markdown(f"AUDIT NAME: {user_name()}")


@pytest.fixture(autouse=True)
def clean_throttle(tmp_path, monkeypatch):
    from dashboard.ui import auth
    monkeypatch.setattr(auth, "THROTTLE", access.Throttle())  # AppTest runs in this process: a clean count
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "db" / "t.duckdb"))  # the device key goes beside it
    (tmp_path / "db").mkdir()


def _app(users=USERS, shared: str | None = None) -> AppTest:
    at = AppTest.from_function(_guarded_page, default_timeout=60)
    section: dict = {}
    if users:
        section["users"] = dict(users)
    if shared:
        section["password_hash"] = access.hash_password(shared, iterations=1000)
    if section:
        at.secrets["dashboard"] = section
    return at.run()


def _shown(at) -> str:
    return " ".join(m.value for m in at.markdown)


def _try(at, password: str, login: str | None = None):
    if login is not None:
        at.text_input(key="auth_user_name").input(login)
    at.text_input(key="auth_password").input(password)
    return next(b for b in at.button if b.proto.is_form_submitter).click().run()


def test_nothing_protected_before_login_and_the_form_asks_for_the_login():
    at = _app()
    assert not at.exception
    assert "PROTECTED CONTENT" not in _shown(at)
    assert at.text_input(key="auth_user_name").label == "Login"
    pw = at.text_input(key="auth_password")
    assert pw.proto.type == pw.proto.PASSWORD


def test_each_person_logs_in_with_their_own_password_and_is_named():
    at = _try(_app(), IVANOVA, "Ivanova")
    assert not at.exception
    assert "PROTECTED CONTENT" in _shown(at) and "AUDIT NAME: ivanova" in _shown(at)
    at = _try(_app(), PETROV, "petrov")
    assert "AUDIT NAME: petrov" in _shown(at)


@pytest.mark.parametrize(("login", "password"), [("ivanova", PETROV), ("sidorov", IVANOVA), ("", IVANOVA)])
def test_a_wrong_pair_is_refused(login, password):
    at = _try(_app(), password, login)
    assert "PROTECTED CONTENT" not in _shown(at)
    assert at.error[0].value == "Wrong login or password."


def test_the_shared_password_still_works_while_configured_and_names_nobody():
    at = _try(_app(shared=SHARED), SHARED, "")
    assert "PROTECTED CONTENT" in _shown(at) and f"AUDIT NAME: {access.SHARED}" in _shown(at)


def test_only_a_shared_password_keeps_the_old_form():
    at = _app(users=None, shared=SHARED)
    assert "auth_user_name" not in [w.key for w in at.text_input]
    at = _try(at, "wrong")
    assert at.error[0].value == "Wrong password."
    at = _try(at, SHARED)
    assert f"AUDIT NAME: {access.SHARED}" in _shown(at)


def test_failures_bring_a_growing_wait_and_the_form_goes_away():
    at = _app()
    for _ in range(access.SESSION.free):
        at = _try(at, "wrong", "ivanova")
        assert at.error[0].value == "Wrong login or password."
    at = _try(at, "wrong", "ivanova")
    assert "the next one is possible in 5 s" in at.error[0].value
    at = at.run()
    assert "auth_password" not in [w.key for w in at.text_input]  # no form while the wait lasts
    assert "PROTECTED CONTENT" not in _shown(at)
    assert any(b.key == "auth_retry" for b in at.button)


def test_after_the_wait_the_form_is_back_and_the_right_password_works(monkeypatch):
    from dashboard.ui import auth
    clock = [1000.0]
    monkeypatch.setattr(auth, "THROTTLE", access.Throttle(clock=lambda: clock[0]))
    at = _app()
    for _ in range(access.SESSION.free + 1):
        at = _try(at, "wrong", "ivanova")
    at = at.run()
    assert "auth_password" not in [w.key for w in at.text_input]
    assert "PROTECTED CONTENT" not in _shown(at.run())
    clock[0] += access.SESSION.first_s + 0.1
    at = at.run()
    at = _try(at, IVANOVA, "ivanova")  # the wait is over: the form is back and the right password works
    assert "AUDIT NAME: ivanova" in _shown(at)


def test_a_login_issues_a_signed_device_cookie(tmp_path):
    at = _try(_app(), IVANOVA, "ivanova")
    token = at.session_state["auth_device_new"]
    key = access.device_secret(tmp_path / "db" / "device-cookie.key", create=False)
    assert key is not None and access.DeviceCookie(key).device(token)
    cookie = next(e.proto for e in at.get("bidi_component") if e.proto.component_name == "dashboard_device_cookie")
    assert json.loads(cookie.json) == {"name": access.DEVICE_COOKIE, "value": token,
                                       "max_age": access.DEVICE_MAX_AGE_S}


def test_a_browser_with_a_device_cookie_is_not_delayed_by_its_addresss_failures(monkeypatch, tmp_path):
    """Other sessions at the same address (AppTest's: loopback) fail until the address waits; a session whose
    browser carries a valid device cookie still gets the form, and gets no new cookie when it logs in."""
    from dashboard.ui import auth
    for _ in range(access.ADDRESS.free + 1):
        auth.THROTTLE.failure(access.attempt_keys(f"other-{_}", "127.0.0.1"))
    assert "auth_password" not in [w.key for w in _app().text_input]  # a browser never logged in here waits
    key = access.device_secret(tmp_path / "db" / "device-cookie.key", create=True)
    token = access.DeviceCookie(key).issue()
    monkeypatch.setattr(auth, "_known_device", lambda: access.DeviceCookie(key).device(token))
    at = _app()
    assert "auth_password" in [w.key for w in at.text_input]
    at = _try(at, IVANOVA, "ivanova")
    assert "AUDIT NAME: ivanova" in _shown(at) and "auth_device_new" not in at.session_state


def test_logout_forgets_the_person():
    at = _try(_app(), IVANOVA, "ivanova")
    at = at.sidebar.button(key="auth_logout").click().run()
    assert "PROTECTED CONTENT" not in _shown(at)
    assert at.text_input(key="auth_password")


def test_no_secrets_means_no_entry():
    at = _app(users=None)
    assert "Login is not set up" in at.warning[0].value
    assert "PROTECTED CONTENT" not in _shown(at)
