"""Browser tests: Debian's Chromium driven by Playwright against `streamlit run` on a free loopback port.

Shared fixtures: `app_url` (the app on the demo database, one per test session), `browser`, and `page`,
which records every request that leaves localhost so each test can assert there was none.
"""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "artifacts"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", None}
# a shared 2-core machine renders a first page slowly: assertions wait up to 30 s (they return as soon as true)
expect.set_options(timeout=30_000)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_streamlit(db: Path, port: int, extra_env: dict[str, str] | None = None,
                    script: Path | None = None, args: tuple[str, ...] = ()) -> subprocess.Popen:
    env = {**os.environ, "DASHBOARD_DB": str(db), **(extra_env or {})}
    cmd = [sys.executable, "-m", "streamlit", "run", str(script or ROOT / "dashboard" / "serve.py"),
           "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true", *args]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} not healthy after {timeout} s")


@contextlib.contextmanager
def running_app(db: Path, extra_env: dict[str, str] | None = None, script: Path | None = None,
                args: tuple[str, ...] = ()) -> Iterator[str]:
    """`streamlit run` on a free loopback port until the block ends; yields the base URL."""
    port = free_port()
    proc = start_streamlit(db, port, extra_env, script, args)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def app_url(demo_db: Path) -> Iterator[str]:
    with running_app(demo_db) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run make test, which installs it"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def is_local(url: str) -> bool:
    """blob: and data: URLs are made inside the page (downloads, images); the rest must be loopback."""
    if url.startswith(("data:", "about:")):
        return True
    return urlparse(url.removeprefix("blob:")).hostname in LOCAL_HOSTS


class OutsideRequests(list):
    """URLs of requests that left localhost during a test."""


@pytest.fixture()
def outside() -> OutsideRequests:
    return OutsideRequests()


@pytest.fixture()
def page(browser: Browser, outside: OutsideRequests) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, accept_downloads=True,
                                  locale="ru-RU")
    pg = context.new_page()
    pg.on("request", lambda r: outside.append(r.url) if not is_local(r.url) else None)
    pg.set_default_timeout(30000)
    yield pg
    context.close()
    assert not outside, f"requests left localhost: {outside[:5]}"


def settle(pg: Page) -> None:
    """Wait until Streamlit has finished running the script for the current view."""
    pg.wait_for_selector("[data-testid='stApp']")
    pg.wait_for_function("""() => {
        const app = document.querySelector("[data-testid='stApp']");
        return app && app.getAttribute('data-test-script-state') === 'notRunning';
    }""", timeout=60000)


def screenshot(pg: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path
