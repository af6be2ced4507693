"""Issue 7.5: two app processes behind nginx (deploy/nginx.conf) on loopback, reading the same published
versions; the CLI imports while both serve, and both then serve the new version. Sticky sessions (ip_hash)
and the websocket upgrade are checked through nginx itself."""
from __future__ import annotations

import base64
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from dashboard.ingest.pipeline import import_paths
from tests.e2e.conftest import free_port, settle, start_streamlit, wait_healthy
from tests.fixtures.make_bad import good_rows, table, write_base

ROOT = Path(__file__).resolve().parents[2]
NGINX = Path("/usr/sbin/nginx")
pytestmark = pytest.mark.e2e  # nginx (nginx-light) is installed by make test (.ci/system-packages)


def _nginx_config(tmp: Path, port: int, backends: list[int]) -> Path:
    """deploy/nginx.conf as shipped, with loopback ports, inside a minimal main config of its own."""
    site = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    site = site.replace("127.0.0.1:8501", f"127.0.0.1:{backends[0]}")
    site = site.replace("127.0.0.1:8502", f"127.0.0.1:{backends[1]}")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};")
    assert f"listen 127.0.0.1:{port};" in site and str(backends[1]) in site
    (tmp / "site.conf").write_text(site, encoding="utf-8")
    temps = "\n".join(f"    {name}_temp_path {tmp / name};" for name in
                      ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    main = f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {tmp / "nginx.pid"};
error_log {tmp / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    log_format up '$remote_addr "$request" $status $upstream_addr';
    access_log {tmp / "access.log"} up;
{temps}
    include {tmp / "site.conf"};
}}
"""
    conf = tmp / "nginx.conf"
    conf.write_text(main, encoding="utf-8")
    return conf


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[dict]:
    """Two `streamlit run dashboard/serve.py` and nginx in front, on a database built by the real importer."""
    assert (ROOT / "dashboard" / "serve.py").exists()
    db = tmp_path / "db" / "t.duckdb"
    import_paths(db, write_base(tmp_path / "in"), loaded_by="test")
    ports = [free_port(), free_port()]
    # one cookie secret for both, so the XSRF cookie one process set is valid in the other after a failover
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": "test-only-shared-secret"}
    apps = [start_streamlit(db, p, env) for p in ports]
    nginx_dir = tmp_path / "nginx"
    nginx_dir.mkdir()
    nginx_port = free_port()
    conf = _nginx_config(nginx_dir, nginx_port, ports)
    nginx = None
    try:
        for port, proc in zip(ports, apps, strict=True):
            wait_healthy(f"http://127.0.0.1:{port}", proc)
        test = subprocess.run([str(NGINX), "-t", "-c", str(conf), "-e", str(nginx_dir / "error.log")],
                              capture_output=True, text=True)
        assert test.returncode == 0, test.stderr
        nginx = subprocess.Popen([str(NGINX), "-c", str(conf), "-e", str(nginx_dir / "error.log"),
                                  "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        url = f"http://127.0.0.1:{nginx_port}"
        wait_healthy(url, nginx)
        yield {"db": db, "url": url, "backends": [f"http://127.0.0.1:{p}" for p in ports], "ports": ports,
               "nginx_dir": nginx_dir, "tmp": tmp_path, "apps": dict(zip(ports, apps, strict=True))}
    finally:
        if nginx is not None:
            _stop(nginx)
        for proc in apps:
            _stop(proc)


def _websocket_handshake(port: int) -> str:
    """The status line nginx answers to a websocket upgrade of Streamlit's stream."""
    key = base64.b64encode(os.urandom(16)).decode()
    request = (f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
               f"Sec-WebSocket-Protocol: streamlit\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(request.encode())
        return s.recv(4096).decode(errors="replace").split("\r\n")[0]


def _data_version(browser: Browser, url: str) -> int:
    """The data version number the app shows in its sidebar ("Версия данных: № 2 · ...")."""
    context = browser.new_context(locale="ru-RU")
    try:
        page = context.new_page()
        page.set_default_timeout(60000)
        page.goto(f"{url}/overview")
        settle(page)
        caption = page.get_by_text(re.compile(r"Версия данных"))
        expect(caption.first).to_be_visible()
        expect(page.locator("[data-testid='stException']")).to_have_count(0)
        m = re.search(r"№\s*(\d+)", caption.first.inner_text())
        assert m, caption.first.inner_text()
        return int(m.group(1))
    finally:
        context.close()


def test_two_processes_behind_nginx_serve_the_new_version_after_an_import(cluster, browser: Browser):
    url = cluster["url"]
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as r:
        assert r.status == 200 and r.read().strip() == b"ok"
    port = int(url.rsplit(":", 1)[1])
    assert _websocket_handshake(port).startswith("HTTP/1.1 101")

    # the page renders through nginx (its content arrives over the websocket), and from each process
    assert _data_version(browser, url) == 1
    for backend in cluster["backends"]:
        assert _data_version(browser, backend) == 1

    # import with the CLI while both processes serve
    new = cluster["tmp"] / "fts_2021_h2.csv"
    new.write_text(table(good_rows(months=(7, 8, 9))), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "dashboard", "--db", str(cluster["db"]), "import", str(new)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    sources = subprocess.run([sys.executable, "-m", "dashboard", "--db", str(cluster["db"]), "sources",
                              "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert new.name in [s["file_name"] for s in json.loads(sources.stdout)]

    # both processes, and nginx in front of them, now serve version 2, without a restart
    assert _data_version(browser, url) == 2
    for backend in cluster["backends"]:
        assert _data_version(browser, backend) == 2

    # sticky sessions: everything this client asked of nginx went to one process
    log = (cluster["nginx_dir"] / "access.log").read_text(encoding="utf-8")
    upstreams = {line.rsplit(" ", 1)[-1] for line in log.splitlines() if line.startswith("127.0.0.1 ")}
    upstreams.discard("-")
    assert len(upstreams) == 1, upstreams
    assert upstreams <= {f"127.0.0.1:{p}" for p in cluster["ports"]}


def _lines_after(access: Path, seen: int, timeout: float = 10) -> list[str]:
    """The access log once it has more than `seen` lines: nginx writes a request's line after its answer has gone
    out, so a client that reads the log at once can find the line of its last request not there yet."""
    deadline = time.monotonic() + timeout
    while True:
        lines = access.read_text(encoding="utf-8").splitlines() if access.exists() else []
        if len(lines) > seen or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


def test_nginx_fails_over_when_the_sticky_process_dies(cluster):
    """With the chosen process gone, nginx sends the client to the other one (a new session there)."""
    url = cluster["url"]
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10):
        pass
    access = cluster["nginx_dir"] / "access.log"
    log = _lines_after(access, 0)
    chosen = log[-1].rsplit(" ", 1)[-1]
    _stop(cluster["apps"][int(chosen.rsplit(":", 1)[1])])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.2)
    last = _lines_after(access, len(log))[-1]
    assert last.split('"')[2].split()[0] == "200"
    assert chosen not in last.rsplit(" ", 1)[-1].split(", ")[-1]
