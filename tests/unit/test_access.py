"""Issue 7.4: password hashes, constant-time verification and the limit on failed attempts."""
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


def test_five_failures_lock_a_session_for_five_minutes():
    clock = Clock()
    th = access.Throttle(clock=clock)
    assert [th.failure("s1") for _ in range(4)] == [4, 3, 2, 1]
    assert th.locked_for("s1") == 0
    assert th.failure("s1") == 0
    assert th.locked_for("s1") == pytest.approx(300)
    assert th.locked_for("s2") == 0  # another session is not locked by this one
    clock.now += 299
    assert th.locked_for("s1") == pytest.approx(1)
    clock.now += 2
    assert th.locked_for("s1") == 0
    assert th.failure("s1") == 4  # a fresh count after the lockout


def test_success_resets_the_session_count():
    th = access.Throttle(clock=Clock())
    th.failure("s")
    th.failure("s")
    th.success("s")
    assert th.failure("s") == 4


def test_many_sessions_lock_the_whole_process():
    """New sessions are free to open, so failures are also counted per process."""
    clock = Clock()
    th = access.Throttle(clock=clock)
    for i in range(access.PROCESS_FAILURES):
        th.failure(f"session-{i}")
    assert th.locked_for("a-brand-new-session") > 0
    clock.now += access.LOCKOUT_S + 1
    assert th.locked_for("a-brand-new-session") == 0


def test_old_failures_expire():
    clock = Clock()
    th = access.Throttle(clock=clock)
    for _ in range(4):
        th.failure("s")
    clock.now += access.LOCKOUT_S + 1
    assert th.failure("s") == 4


def test_hash_password_cli_prints_a_line_for_secrets(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("a-long-password\n"))
    monkeypatch.setattr(access.hash_password, "__defaults__", (FAST, None))
    assert cli(["hash-password", "--stdin"]) == 0
    out = capsys.readouterr().out
    parsed = tomllib.loads(out)
    assert access.verify_password("a-long-password", parsed["dashboard"]["password_hash"])


def test_hash_password_cli_refuses_a_short_password(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("short\n"))
    assert cli(["hash-password", "--stdin"]) == 2


def test_secrets_example_is_valid_toml_and_the_real_file_is_ignored():
    example = tomllib.loads((ROOT / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8"))
    assert example["dashboard"]["password_hash"].startswith("pbkdf2_sha256$")
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
