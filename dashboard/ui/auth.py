"""Login for the pages and actions that change data (Данные, import, rollback, meeting edits).

With an OpenID Connect provider in `.streamlit/secrets.toml` ([auth] section) Streamlit's own st.login is
used; otherwise named accounts: `[dashboard.users]`, one login and PBKDF2 hash a person
(`python -m dashboard hash-password --user NAME`), and, only while it is still configured, the old shared
`[dashboard] password_hash` (the audit trail then says "shared password"). Failed attempts slow down per session
and per client address (dashboard/access.py); a browser that has logged in before carries a signed device cookie
and is counted on its own, so other people's failures at its address never delay it.
"""
from __future__ import annotations

import math
import secrets
from collections.abc import Mapping

import streamlit as st

from dashboard import access, config
from dashboard.i18n import t

# one per server process: the counts survive a reload of the page (which starts a new session)
THROTTLE = access.Throttle(access.policies(config.login_delay_s()))
DEVICE_KEY_FILE = "device-cookie.key"  # beside the published database, shared by the app processes

# Sets the device cookie in the browser: Python cannot set a cookie on Streamlit's websocket, so a small
# component (st.components.v2: in the page, no iframe, no network) writes document.cookie once it is mounted.
_COOKIE_JS = """
export default function (component) {
  const { data } = component;
  if (!data || !data.name || !data.value) { return; }
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = data.name + "=" + data.value + "; Max-Age=" + data.max_age + "; Path=/; SameSite=Strict" + secure;
}
"""
_cookie_component = st.components.v2.component("dashboard_device_cookie", js=_COOKIE_JS)


def _secret(section: str, key: str | None = None) -> object:
    try:
        value = st.secrets.get(section)
        return value.get(key) if key is not None and value is not None else value
    except (FileNotFoundError, KeyError, AttributeError):  # no secrets.toml at all
        return None


def oidc_configured() -> bool:
    auth = _secret("auth")  # st.login needs at least redirect_uri and cookie_secret, plus a provider
    return isinstance(auth, Mapping) and "redirect_uri" in auth


def user_name() -> str:
    """Who is logged in, for the audit trail (sources.loaded_by, meetings.created_by, the publication log)."""
    if oidc_configured() and st.user.is_logged_in:
        return str(st.user.get("email") or st.user.get("name") or "oidc-user")
    if st.session_state.get("auth_ok"):
        return str(st.session_state.get("auth_user") or access.SHARED)
    return "anonymous"


def _accounts() -> access.Accounts:
    users = _secret("dashboard", "users")
    return access.accounts(users if isinstance(users, Mapping) else None, _secret("dashboard", "password_hash"))


def _device_cookies(create: bool) -> access.DeviceCookie | None:
    configured = _secret("dashboard", "device_secret")
    if configured:
        return access.DeviceCookie(str(configured).encode())
    key = access.device_secret(config.db_path().parent / DEVICE_KEY_FILE, create=create)
    return access.DeviceCookie(key) if key else None


def _known_device() -> str | None:
    """The device id of this browser's cookie, when it is one of ours."""
    token = st.context.cookies.get(access.DEVICE_COOKIE)
    signer = _device_cookies(create=False) if token else None
    return signer.device(token) if signer else None


def _address() -> str:
    headers = {k.lower(): ", ".join(st.context.headers.get_all(k)) for k in st.context.headers}
    peer = st.context.ip_address  # None for loopback; AppTest's stand-in client is not a str: loopback too
    return access.client_address(peer if isinstance(peer, str) else None, headers, config.trusted_proxies())


def _keys() -> list[str]:
    if "auth_sid" not in st.session_state:
        st.session_state["auth_sid"] = secrets.token_hex(8)
    return access.attempt_keys(str(st.session_state["auth_sid"]), _address(), _known_device())


def _wait_text(seconds: float, lang: str) -> str:
    if seconds < 90:
        return t("auth.wait_s", lang, seconds=max(1, math.ceil(seconds)))
    return t("auth.wait_min", lang, minutes=math.ceil(seconds / 60))


def _logged_in_extras(lang: str) -> None:
    token = st.session_state.get("auth_device_new")
    if token:  # mounted on every run of the session: it sets the cookie whenever the browser gets it
        _cookie_component(key="auth_device_cookie", height=0,
                          data={"name": access.DEVICE_COOKIE, "value": token, "max_age": access.DEVICE_MAX_AGE_S})
    if st.sidebar.button(t("auth.logout", lang), key="auth_logout"):
        if oidc_configured():
            st.logout()
        st.session_state["auth_ok"] = False
        st.session_state.pop("auth_user", None)
        st.rerun()


def is_logged_in() -> bool:
    """Logged in already (draws nothing): for secondary actions on a page whose login form is elsewhere."""
    if oidc_configured():
        return bool(st.user.is_logged_in)
    return bool(st.session_state.get("auth_ok"))


def _succeeded(who: str, keys: list[str]) -> None:
    THROTTLE.success(keys)
    st.session_state["auth_ok"] = True
    st.session_state["auth_user"] = who
    if _known_device() is None:
        signer = _device_cookies(create=True)
        if signer is not None:
            st.session_state["auth_device_new"] = signer.issue()
    st.rerun()


def require_login(lang: str) -> bool:
    """True when the user may change data; otherwise shows the login and returns False (caller stops)."""
    if oidc_configured():
        if st.user.is_logged_in:
            _logged_in_extras(lang)
            return True
        st.info(t("auth.need_login", lang))
        st.button(t("auth.login_oidc", lang), key="auth_oidc", on_click=st.login)
        return False
    if st.session_state.get("auth_ok"):
        _logged_in_extras(lang)
        return True
    accounts = _accounts()
    if not accounts:
        st.warning(t("auth.not_configured", lang))  # a setup step, not a failure
        return False
    keys = _keys()
    wait = THROTTLE.wait(keys)
    if wait > 0:  # the form is not even read while the wait lasts
        st.error(_wait_text(wait, lang))
        st.button(t("auth.retry", lang), key="auth_retry")
        return False
    st.info(t("auth.need_login", lang))
    with st.form("auth_form"):
        login = st.text_input(t("auth.user", lang), key="auth_user_name") if accounts.users else ""
        password = st.text_input(t("auth.password", lang), type="password", key="auth_password")
        submitted = st.form_submit_button(t("auth.login", lang))
    if submitted:
        who = accounts.authenticate(login, password or "")
        if who:
            _succeeded(who, keys)
        wait = THROTTLE.failure(keys)
        wrong = t("auth.wrong_user" if accounts.users else "auth.wrong", lang)
        st.error(f"{wrong} {_wait_text(wait, lang)}" if wait > 0 else wrong)
    return False
