"""The Content-Security-Policy in a real browser (ui/preload.py), and meeting texts that try to make the viewer's
browser fetch from another host (meetings/render.py).

Every page and every slide is walked under the policy with no violation reported (the page's
`securitypolicyviolation` events and Chromium's console errors are both recorded). A hostile meeting, saved into
this module's own copy of the store through the real meeting loader, points every kind of image, stylesheet and
link at a listener on another loopback port: the partner page and the Встречи page make no request to it. A
loopback listener stands for "another host" because the machine has no other; the conftest's check that nothing
left localhost covers the rest.
"""
from __future__ import annotations

import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from dashboard import access
from dashboard.meetings.store_io import load_meeting_files
from tests.e2e.conftest import free_port, is_local, running_app, settle

PASSWORD = "csp-officer-password"
RECORD = """() => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__csp.push({directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample});
  });
}"""


class Listener:
    """A tiny HTTP server on another loopback port that counts every request it gets."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        seen = self.paths

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                seen.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = do_HEAD = _answer  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def hostile_meeting(port: int) -> str:
    """A meeting record whose title and summary try every way of loading something from 127.0.0.1:port."""
    h = f"http://127.0.0.1:{port}"
    summary = "\n\n".join([
        "Итоги встречи с партнёром.",
        f"![a[b]c]({h}/brackets.png)",
        f"![x][r]\n\n[r]: {h}/reference.png",
        f"![shortcut]\n\n[shortcut]: {h}/shortcut.png",
        f"<img src={h}/raw.png>",
        f'<img src=x onerror="fetch(\'{h}/onerror\')">',
        f"<picture><source srcset={h}/srcset.png></picture>",
        f'<div style="background:url({h}/style.png)">фон</div>',
        f"<link rel=stylesheet href={h}/sheet.css>",
        f"<script>fetch('{h}/script')</script>",
        f"<iframe src={h}/frame></iframe>",
        f"<svg><image href={h}/svg.png /></svg>",
        f"[ссылка](javascript:fetch('{h}/js'))",
        f"![relative](//127.0.0.1:{port}/protocol-relative.png)",
        f"[![inner]({h}/inner.png)](https://example.invalid/)",
        f"> ![quoted]({h}/quoted.png)",
        f"| a | ![cell]({h}/cell.png) |\n|---|---|\n| 1 | 2 |",
        f"&lt;img src={h}/entity.png&gt;",
    ])
    title = f"Встреча ![t]({h}/title.png) <img src={h}/title-raw.png>"
    return f'+++\ndate = 2024-05-20\ntitle = "{title}"\npartners = ["KZ"]\nplace = "Волгоград"\n+++\n{summary}\n'


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    srv = Listener()
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def hostile_app(demo_db: Path, tmp_path_factory: pytest.TempPathFactory, listener: Listener) -> Iterator[str]:
    """The whole app on a private copy of the demo store holding the hostile meeting, with a named login."""
    root = tmp_path_factory.mktemp("csp")
    shutil.copytree(demo_db.parent, root / "db", symlinks=True)
    published = root / "db" / demo_db.name
    record = root / "2024-05-20-hostile.md"
    record.write_text(hostile_meeting(listener.port), encoding="utf-8")
    load_meeting_files(published, [record], loaded_by="test")
    secrets = root / "secrets.toml"
    secrets.write_text(access.secrets_lines(access.hash_password(PASSWORD, iterations=1000), user="officer"),
                       encoding="utf-8")
    with running_app(published, args=("--secrets.files", str(secrets))) as url:
        yield url


class Watched:
    def __init__(self, page: Page) -> None:
        self.page, self.console, self.outside = page, [], []
        page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: self.outside.append(r.url) if not is_local(r.url) else None)

    def violations(self) -> list:
        return self.page.evaluate("() => window.__csp || []")

    def assert_clean(self, where: str) -> None:
        assert not self.violations(), (where, self.violations())
        assert not [c for c in self.console if "Content Security Policy" in c], (where, self.console)
        assert not self.outside, (where, self.outside)


@pytest.fixture()
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="ru-RU", accept_downloads=True)
    context.add_init_script(f"({RECORD})()")
    w = Watched(context.new_page())
    w.page.set_default_timeout(30000)
    yield w
    context.close()


def _open(w: Watched, url: str) -> None:
    w.page.goto(url)
    settle(w.page)
    expect(w.page.locator("[data-testid='stException']")).to_have_count(0)


def test_the_policy_is_sent_and_allows_nothing_from_elsewhere(watched: Watched, hostile_app: str) -> None:
    response = watched.page.goto(f"{hostile_app}/partner")
    assert response is not None
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp and "'unsafe-eval'" not in csp
    assert not re.search(r"https?:|\*", csp)


@pytest.mark.parametrize("path", ["", "partners?year=2022", "partner?partner=KZ&year=2022", "goods?year=2022",
                                  "meetings", "partner?partner=KZ&year=2022&lang=en"])
def test_every_page_runs_under_the_policy(watched: Watched, hostile_app: str, path: str) -> None:
    _open(watched, f"{hostile_app}/{path}")
    expect(watched.page.get_by_role("heading", level=1).first).to_be_visible()
    if path.startswith(("partner", "goods", "partners")) or not path:
        expect(watched.page.locator("[data-testid='stPlotlyChart'], [data-testid='stDataFrame']").first).to_be_visible()
    watched.page.wait_for_timeout(500)  # late violations (a chart's fonts, a lazily loaded chunk) still counted
    watched.assert_clean(path or "overview")


def test_every_slide_runs_under_the_policy(watched: Watched, hostile_app: str) -> None:
    _open(watched, f"{hostile_app}/present?partner=KZ&year=2022")
    counter = watched.page.locator("#pz-counter")
    expect(counter).to_have_text(re.compile(r"^1 / \d+$"))
    total = int(counter.inner_text().split("/")[1])
    for n in range(1, total + 1):
        expect(counter).to_have_text(f"{n} / {total}")
        settle(watched.page)
        watched.assert_clean(f"slide {n}")
        watched.page.keyboard.press("ArrowRight")


def test_the_data_page_after_a_named_login_runs_under_the_policy(watched: Watched, hostile_app: str) -> None:
    """Also where the login's device-cookie component mounts (a components-v2 script from a blob: URL)."""
    _open(watched, f"{hostile_app}/data?lang=en")
    watched.page.get_by_label("Login", exact=True).fill("officer")
    watched.page.get_by_label("Password", exact=True).fill(PASSWORD)
    watched.page.get_by_role("button", name="Log in").click()
    expect(watched.page.get_by_text("Loaded files")).to_be_visible()
    settle(watched.page)
    watched.page.wait_for_function("() => document.cookie.includes('dashboard_device=')")
    cookie = next(c for c in watched.page.context.cookies() if c["name"] == access.DEVICE_COOKIE)
    assert cookie["sameSite"] == "Strict" and cookie["path"] == "/" and cookie["expires"] > 0
    watched.assert_clean("data, logged in")


@pytest.mark.parametrize("path", ["partner?partner=KZ&year=2023", "meetings"])
def test_a_hostile_meeting_makes_no_request_to_another_host(watched: Watched, hostile_app: str,
                                                              listener: Listener, path: str) -> None:
    before = len(listener.paths)
    _open(watched, f"{hostile_app}/{path}")
    page = watched.page
    expect(page.get_by_text("Итоги встречи с партнёром.").first).to_be_visible()
    expect(page.get_by_text("a[b]c", exact=True).first).to_be_visible()  # the image's alt text, as text
    expect(page.get_by_text(f"<img src=http://127.0.0.1:{listener.port}/raw.png>").first).to_be_visible()
    page.wait_for_timeout(1000)  # time for any request the page would make
    assert listener.paths[before:] == []
    port = listener.port
    # what a browser would load by itself (a link <a href> is followed only when clicked)
    pointing = page.locator(f"[src*='{port}'], [srcset*='{port}'], [style*='{port}'], [background*='{port}'], "
                            f"link[href*='{port}'], image[href*='{port}'], [poster*='{port}'], [data*='{port}']")
    assert pointing.count() == 0, pointing.evaluate_all("els => els.map(e => e.outerHTML.slice(0, 300))")
    watched.assert_clean(path)


def test_the_policy_alone_stops_an_image_from_another_host(watched: Watched, hostile_app: str,
                                                            listener: Listener) -> None:
    """The second wall: an <img> put into the page behind the sanitiser's back is refused by the browser."""
    _open(watched, f"{hostile_app}/partner?partner=KZ&year=2022")
    before = len(listener.paths)
    watched.page.evaluate(f"""() => {{ const i = new Image(); i.src = "http://127.0.0.1:{listener.port}/direct.png";
                                      document.body.appendChild(i); }}""")
    watched.page.wait_for_function("() => (window.__csp || []).length > 0")
    assert [v["directive"] for v in watched.violations()] == ["img-src"]
    assert str(listener.port) in watched.violations()[0]["blocked"]
    assert listener.paths[before:] == []


def test_a_browser_that_logged_in_before_is_not_delayed_by_failures_at_its_address(
        browser: Browser, demo_db: Path, tmp_path: Path) -> None:
    """The device cookie end to end: the officer logs in once (the cookie is set); others at the same address
    (here: every browser is on loopback) fail until the address must wait; the officer's browser, in a new
    session, still gets the login form and logs in, while a browser without the cookie gets the wait."""
    shutil.copytree(demo_db.parent, tmp_path / "db", symlinks=True)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(access.secrets_lines(access.hash_password(PASSWORD, iterations=1000), user="officer"),
                       encoding="utf-8")
    # a first wait far longer than a slow machine takes to load a page again: the address is still waiting
    # when the attacker and then the officer come back
    with running_app(tmp_path / "db" / demo_db.name, extra_env={"DASHBOARD_LOGIN_DELAY_S": "600"},
                     args=("--secrets.files", str(secrets))) as url:
        officer = browser.new_context(locale="en-US")
        other = browser.new_context(locale="en-US")
        try:
            pg = officer.new_page()
            pg.goto(f"{url}/data?lang=en")
            _log_in(pg, PASSWORD)
            expect(pg.get_by_text("Loaded files")).to_be_visible()
            pg.wait_for_function("() => document.cookie.includes('dashboard_device=')")
            attacker = other.new_page()
            failures = 0
            while failures <= access.ADDRESS.free:  # a new session after each session's free failures
                attacker.goto(f"{url}/data?lang=en")
                for _ in range(access.SESSION.free):
                    if failures > access.ADDRESS.free:
                        break
                    _log_in(attacker, "wrong password")
                    expect(attacker.get_by_text("Wrong login or password.", exact=False).first).to_be_visible()
                    failures += 1
            attacker.goto(f"{url}/data?lang=en")
            settle(attacker)
            expect(attacker.get_by_text("the next one is possible in").first).to_be_visible()
            expect(attacker.get_by_label("Password", exact=True)).to_have_count(0)
            again = officer.new_page()  # a new session of the officer's browser, with its cookie
            again.goto(f"{url}/data?lang=en")
            _log_in(again, PASSWORD)
            expect(again.get_by_text("Loaded files")).to_be_visible()
        finally:
            officer.close()
            other.close()


def _log_in(pg: Page, password: str) -> None:
    settle(pg)
    pg.get_by_label("Login", exact=True).fill("officer")
    pg.get_by_label("Password", exact=True).fill(password)
    pg.get_by_role("button", name="Log in").click()
    settle(pg)
