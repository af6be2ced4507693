"""Login for the pages and actions that change data (Данные, import, rollback, meeting edits).

With an OpenID Connect provider in `.streamlit/secrets.toml` ([auth] section) Streamlit's own st.login is
used; otherwise a password whose PBKDF2 hash is `[dashboard] password_hash` (.streamlit/secrets.toml.example,
`python -m dashboard hash-password`). Failed attempts are limited per session and per process.
"""
from __future__ import annotations

import secrets

import streamlit as st

from dashboard import access
from dashboard.i18n import t

# one per server process: a lockout survives a reload of the page (which starts a new session)
THROTTLE = access.Throttle()


def _secret(section: str, key: str | None = None) -> object:
    try:
        value = st.secrets.get(section)
        return value.get(key) if key is not None and value is not None else value
    except (FileNotFoundError, KeyError, AttributeError):  # no secrets.toml at all
        return None


def oidc_configured() -> bool:
    auth = _secret("auth")  # st.login needs at least redirect_uri and cookie_secret, plus a provider
    return bool(auth) and "redirect_uri" in auth  # type: ignore[operator]


def user_name() -> str:
    """Who is logged in, for the import log (loaded_by) and meeting records."""
    if oidc_configured() and st.user.is_logged_in:
        return str(st.user.get("email") or st.user.get("name") or "oidc-user")
    return "password-user" if st.session_state.get("auth_ok") else "anonymous"


def _session_key() -> str:
    if "auth_sid" not in st.session_state:
        st.session_state["auth_sid"] = secrets.token_hex(8)
    return str(st.session_state["auth_sid"])


def _logout_button(lang: str) -> None:
    if st.sidebar.button(t("auth.logout", lang), key="auth_logout"):
        if oidc_configured():
            st.logout()
        st.session_state["auth_ok"] = False
        st.rerun()


def is_logged_in() -> bool:
    """Logged in already (draws nothing): for secondary actions on a page whose login form is elsewhere."""
    if oidc_configured():
        return bool(st.user.is_logged_in)
    return bool(st.session_state.get("auth_ok"))


def require_login(lang: str) -> bool:
    """True when the user may change data; otherwise shows the login and returns False (caller stops)."""
    if oidc_configured():
        if st.user.is_logged_in:
            _logout_button(lang)
            return True
        st.info(t("auth.need_login", lang))
        st.button(t("auth.login_oidc", lang), key="auth_oidc", on_click=st.login)
        return False
    if st.session_state.get("auth_ok"):
        _logout_button(lang)
        return True
    stored = _secret("dashboard", "password_hash")
    if not stored:
        st.warning(t("auth.not_configured", lang))  # a setup step, not a failure
        return False
    key = _session_key()
    wait = THROTTLE.locked_for(key)
    if wait > 0:
        st.error(t("auth.locked", lang, minutes=max(1, round(wait / 60))))
        return False
    st.info(t("auth.need_login", lang))
    with st.form("auth_form"):
        password = st.text_input(t("auth.password", lang), type="password", key="auth_password")
        submitted = st.form_submit_button(t("auth.login", lang))
    if submitted:
        if access.verify_password(password or "", str(stored)):
            THROTTLE.success(key)
            st.session_state["auth_ok"] = True
            st.rerun()
        left = THROTTLE.failure(key)
        st.error(t("auth.wrong", lang, left=left) if left else
                 t("auth.locked", lang, minutes=round(THROTTLE.lockout_s / 60)))
    return False
