"""Password hashes, named accounts, constant-time verification, the delays after failed attempts (per session,
per address, per device; never for the whole process), the client address and the device cookie."""
from __future__ import annotations

import ast
import importlib
import re
import tomllib
from pathlib import Path

import pytest
from streamlit import config as streamlit_config
from streamlit.web import bootstrap

from dashboard import access, config
from dashboard.__main__ import main as cli

ROOT = Path(__file__).resolve().parents[2]
FAST = 1000  # iterations in tests; the default is 600,000


def test_hash_round_trip_and_salt():
    h = access.hash_password("correct horse", iterations=FAST)
    assert h.startswith(f"pbkdf2_sha256${FAST}$")
    assert access.verify_password("correct horse", h)
    assert not access.verify_password("correct horsf", h)
    assert not access.verify_password("", h)
    assert access.hash_password("correct horse", iterations=FAST) != h  # a new salt each time


def test_known_vector_is_stable():
    """The stored form must not change between releases, or every deployed hash stops working."""
    h = access.hash_password("пароль", iterations=FAST, salt=b"0123456789abcdef")
    assert h == access.hash_password("пароль", iterations=FAST, salt=b"0123456789abcdef")
    assert access.verify_password("пароль", h)


@pytest.mark.parametrize("stored", ["", "plain-text-password", "md5$1$a$b", "pbkdf2_sha256$x$a$b",
                                    "pbkdf2_sha256$1000$!!$??", "pbkdf2_sha256$0$YQ$YQ",
                                    "pbkdf2_sha256$1000$YQ$"])
def test_malformed_stored_hash_never_matches(stored):
    assert not access.verify_password("anything", stored)
    assert not access.verify_password("plain-text-password", stored)


def test_comparison_is_constant_time():
    src = (ROOT / "dashboard" / "access.py").read_text(encoding="utf-8")
    assert "hmac.compare_digest(" in src
    tree = ast.parse(src)
    verify = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "verify_password")
    assert not any(isinstance(n, ast.Compare) and any(isinstance(op, ast.Eq) for op in n.ops)
                   and any(isinstance(x, ast.Name) and x.id in ("digest", "candidate") for x in
                           [n.left, *n.comparators]) for n in ast.walk(verify))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


OFFICER = access.attempt_keys("officer-session", "10.1.2.3")


def test_named_accounts_name_the_person_and_unknown_logins_fail():
    acc = access.accounts({"Ivanova": access.hash_password("her-password", iterations=FAST),
                           "petrov": access.hash_password("his-password", iterations=FAST)}, None)
    assert acc.authenticate(" IVANOVA ", "her-password") == "ivanova"
    assert acc.authenticate("petrov", "his-password") == "petrov"
    assert acc.authenticate("petrov", "her-password") is None  # another person's password
    assert acc.authenticate("sidorov", "her-password") is None
    assert acc.authenticate("", "her-password") is None        # no shared password configured
    assert acc and not access.accounts({}, None)


def test_the_shared_password_works_only_while_configured_and_names_nobody():
    shared = access.hash_password("old-shared", iterations=FAST)
    acc = access.accounts({"ivanova": access.hash_password("her-password", iterations=FAST)}, shared)
    assert acc.authenticate("", "old-shared") == access.SHARED == "shared password"
    assert acc.authenticate("ivanova", "old-shared") is None  # a login given: only that person's password
    assert access.accounts(None, shared).authenticate(None, "old-shared") == access.SHARED


def test_backoff_grows_and_caps():
    b = access.Backoff(free=3, first_s=5, max_s=300, forget_s=3600)
    assert [b.wait(n) for n in range(1, 11)] == [0, 0, 0, 5, 10, 20, 40, 80, 160, 300]
    assert b.wait(10_000) == 300


def test_a_session_waits_longer_after_each_failure():
    clock = Clock()
    th = access.Throttle(clock=clock)
    keys = access.attempt_keys("s1", "10.0.0.1")
    assert [th.failure(keys) for _ in range(3)] == [0, 0, 0]  # a few typing errors cost nothing
    assert th.failure(keys) == access.SESSION.first_s
    assert th.wait(keys) == pytest.approx(access.SESSION.first_s)
    assert th.wait(access.attempt_keys("s2", "10.0.0.2")) == 0  # another session at another address
    clock.now += access.SESSION.first_s
    assert th.wait(keys) == 0
    assert th.failure(keys) == 2 * access.SESSION.first_s


def test_a_new_session_does_not_escape_the_address():
    """A reload gives a new session for free, so the address counts too."""
    clock = Clock()
    th = access.Throttle(clock=clock)
    for i in range(access.ADDRESS.free + 1):
        th.failure(access.attempt_keys(f"s{i}", "203.0.113.9"))
    assert th.wait(access.attempt_keys("brand-new", "203.0.113.9")) == pytest.approx(access.ADDRESS.first_s)
    assert th.wait(access.attempt_keys("brand-new", "203.0.113.10")) == 0


def test_no_global_lock_100_failures_elsewhere_do_not_delay_the_officer():
    clock = Clock()
    th = access.Throttle(clock=clock)
    for i in range(100):
        th.failure(access.attempt_keys(f"attacker-{i}", f"198.51.100.{i % 50}"))
    for i in range(100):  # one address, a hundred sessions
        th.failure(access.attempt_keys(f"attacker-b{i}", "198.51.100.200"))
    assert th.wait(OFFICER) == 0
    assert th.wait(access.attempt_keys("attacker-b99", "198.51.100.200")) > 0


def test_a_known_device_is_not_delayed_by_failures_at_its_address():
    """The officer's browser carries a device cookie: an attacker behind the same NAT address cannot delay it."""
    clock = Clock()
    th = access.Throttle(clock=clock)
    for i in range(100):
        th.failure(access.attempt_keys(f"attacker-{i}", "10.1.2.3"))
    assert th.wait(access.attempt_keys("new-officer-session", "10.1.2.3")) > 0  # a browser never logged in
    with_device = access.attempt_keys("new-officer-session", "10.1.2.3", device="d" * 24)
    assert th.wait(with_device) == 0
    at_address = th.failures("address:10.1.2.3")
    for _ in range(access.DEVICE.free + 1):  # the device's own failures do count, against the device
        th.failure(with_device)
    assert th.wait(access.attempt_keys("another-session", "10.1.2.3", device="d" * 24)) > 0
    assert th.failures("address:10.1.2.3") == at_address  # and not against the address


def test_success_clears_session_and_device_but_not_the_address():
    clock = Clock()
    th = access.Throttle(clock=clock)
    keys = access.attempt_keys("s", "10.0.0.5", device="e" * 24)
    for _ in range(4):
        th.failure(keys)
        th.failure(access.attempt_keys(f"x{_}", "10.0.0.5"))
    th.success([*keys, "address:10.0.0.5"])
    assert th.failures("session:s") == 0 and th.failures("device:" + "e" * 24) == 0
    assert th.failures("address:10.0.0.5") == 4


def test_old_failures_are_forgotten():
    clock = Clock()
    th = access.Throttle(clock=clock)
    keys = access.attempt_keys("s", "10.0.0.1")
    for _ in range(6):
        th.failure(keys)
    assert th.wait(keys) > 0
    clock.now += access.SESSION.forget_s + 1
    assert th.wait(keys) == 0 and th.failures("session:s") == 0


def test_the_table_of_keys_stays_bounded():
    clock = Clock()
    th = access.Throttle(clock=clock, max_keys=50)
    for i in range(500):
        clock.now += 1
        th.failure(access.attempt_keys(f"s{i}", f"10.9.{i // 250}.{i % 250}"))
    assert len(th._failures) <= 50
    assert th.failures("session:s499") == 1  # the newest are kept


TRUSTED = ["127.0.0.1", "::1"]


@pytest.mark.parametrize(("peer", "headers", "expected"), [
    (None, {}, "127.0.0.1"),                                                    # loopback, as Streamlit says it
    ("192.0.2.7", {}, "192.0.2.7"),
    ("192.0.2.7", {"x-forwarded-for": "127.0.0.1"}, "192.0.2.7"),               # spoofed from a non-proxy peer
    ("192.0.2.7", {"x-forwarded-for": "203.0.113.1", "x-real-ip": "203.0.113.2"}, "192.0.2.7"),
    (None, {"x-forwarded-for": "203.0.113.1"}, "203.0.113.1"),                  # through nginx on loopback
    ("127.0.0.1", {"x-forwarded-for": "6.6.6.6, 203.0.113.1"}, "203.0.113.1"),  # the client's own prefix ignored
    ("127.0.0.1", {"x-forwarded-for": "203.0.113.1, 127.0.0.1"}, "203.0.113.1"),  # a second proxy on loopback
    ("127.0.0.1", {"x-forwarded-for": "garbage"}, "127.0.0.1"),
    ("127.0.0.1", {"x-real-ip": "203.0.113.3"}, "203.0.113.3"),
    ("::ffff:192.0.2.8", {}, "192.0.2.8"),
    ("2001:db8:1:2:3:4:5:6", {}, "2001:db8:1:2::/64"),                          # one machine, one /64
    ("not-an-ip", {}, "unparsed:not-an-ip"),
])
def test_client_address_believes_forwarded_headers_only_from_a_trusted_proxy(peer, headers, expected):
    assert access.client_address(peer, headers, TRUSTED) == expected


def test_a_configured_proxy_network_is_trusted():
    assert access.client_address("10.0.0.2", {"x-forwarded-for": "203.0.113.4"}, ["10.0.0.0/24"]) == "203.0.113.4"
    assert access.client_address("10.0.1.2", {"x-forwarded-for": "203.0.113.4"}, ["10.0.0.0/24"]) == "10.0.1.2"
    assert access.client_address(None, {"x-forwarded-for": "203.0.113.4"}, ["none"]) == "127.0.0.1"


def test_device_cookie_is_signed_and_expires():
    clock = Clock()
    cookies = access.DeviceCookie(b"k" * 32, clock=clock, max_age_s=100)
    token = cookies.issue()
    device = cookies.device(token)
    assert device and len(device) == 24
    assert cookies.issue() != token and cookies.device(cookies.issue()) != device  # one id a browser
    assert access.DeviceCookie(b"x" * 32, clock=clock).device(token) is None     # another server's key
    head, ident, issued, sig = token.split(".")
    assert cookies.device(f"{head}.{'0' * 24}.{issued}.{sig}") is None            # another id, same signature
    assert cookies.device(f"{head}.{ident}.{int(issued) + 50}.{sig}") is None     # a forged date
    for bad in (None, "", "v1", "v1.a.b.c", token + "x", token.replace("v1.", "v2.")):
        assert cookies.device(bad) is None
    clock.now += 101
    assert cookies.device(token) is None
    with pytest.raises(ValueError):
        access.DeviceCookie(b"short")


def test_device_secret_is_made_once_owner_only_and_kept(tmp_path):
    path = tmp_path / "device-cookie.key"
    assert access.device_secret(path, create=False) is None and not path.exists()  # reading makes nothing
    key = access.device_secret(path, create=True)
    assert key and len(key) == 32 and (path.stat().st_mode & 0o777) == 0o600
    assert access.device_secret(path, create=True) == key == access.device_secret(path, create=False)
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    assert access.device_secret(not_a_folder / "device-cookie.key", create=True) is None  # cannot be made: none


def test_hash_password_cli_prints_a_named_users_line(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("a-long-password\n"))
    monkeypatch.setattr(access.hash_password, "__defaults__", (FAST, None))
    assert cli(["hash-password", "--user", "Ivanova", "--stdin"]) == 0
    out = capsys.readouterr().out
    users = tomllib.loads(out)["dashboard"]["users"]
    assert list(users) == ["ivanova"]
    assert access.accounts(users, None).authenticate("ivanova", "a-long-password") == "ivanova"


@pytest.mark.parametrize("user", ["", "a b", "x" * 65, "иванова", "-lead", 'q"uote'])
def test_hash_password_cli_refuses_a_bad_login(monkeypatch, user):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("a-long-password\n"))
    assert cli(["hash-password", f"--user={user}", "--stdin"]) == 2


def test_hash_password_cli_refuses_a_short_password(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("short\n"))
    assert cli(["hash-password", "--user", "ivanova", "--stdin"]) == 2


def test_the_throttle_has_no_process_wide_lock():
    src = (ROOT / "dashboard" / "access.py").read_text(encoding="utf-8")
    assert "PROCESS" not in src


def test_secrets_example_is_valid_toml_and_the_real_file_is_ignored():
    example = tomllib.loads((ROOT / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8"))
    assert all(h.startswith("pbkdf2_sha256$") for h in example["dashboard"]["users"].values())
    assert all(access.LOGIN.fullmatch(u) for u in example["dashboard"]["users"])
    assert ".streamlit/secrets.toml" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_streamlit_config_keeps_xsrf_on():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert cfg["server"]["enableXsrfProtection"] is True


def test_the_upload_limit_has_one_source(monkeypatch):
    """DASHBOARD_MAX_UPLOAD_MB sets Streamlit's limit too: serve.py, imported after Streamlit has read its config
    files (as `streamlit run` does), sets server.maxUploadSize, which config.toml leaves alone; nginx in front lets
    an upload of the default limit through."""
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert "maxUploadSize" not in cfg["server"]
    default = next(s.default for s in config.SETTINGS if s.name == "DASHBOARD_MAX_UPLOAD_MB")
    nginx = re.search(r"client_max_body_size (\d+)m;", (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8"))
    assert nginx and nginx.group(1) == default
    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_MB", "2.5")  # Streamlit counts whole megabytes: rounded up
    try:
        bootstrap.load_config_options({})
        importlib.reload(importlib.import_module("dashboard.serve"))
        assert streamlit_config.get_option("server.maxUploadSize") == 3
        assert config.max_upload_bytes() == int(2.5 * 1024 * 1024)  # what the importer itself refuses above
    finally:
        bootstrap.load_config_options({})  # Streamlit's options as its files say again


def test_nginx_writes_the_address_it_saw_and_the_app_trusts_loopback_by_default(monkeypatch):
    """deploy/nginx.conf replaces the client's X-Forwarded-For (appending would keep the client's own text in
    front); the default trusted proxy is the loopback where that nginx runs."""
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    code = "\n".join(line.split("#")[0] for line in conf.splitlines())
    assert "$proxy_add_x_forwarded_for" not in code
    assert code.count("proxy_set_header X-Forwarded-For $remote_addr;") == 2  # the stream and the pages
    assert code.count("proxy_set_header X-Real-IP $remote_addr;") == 2
    monkeypatch.delenv("DASHBOARD_TRUSTED_PROXIES", raising=False)
    assert set(config.trusted_proxies()) == {"127.0.0.1", "::1"}


def test_the_first_wait_is_a_setting_and_the_doubling_stays() -> None:
    slow = access.policies(first_s=60)
    assert {k: p.first_s for k, p in slow.items()} == {"session": 60, "address": 60, "device": 60}
    assert slow["address"].wait(access.ADDRESS.free + 1) == 60
    assert slow["address"].wait(access.ADDRESS.free + 2) == 120
    assert slow["session"].max_s == access.SESSION.max_s
