"""Many officials at once: N concurrent headless Chromium sessions against `streamlit run` on loopback.

    python -m benchmarks.load --db benchmarks/out/run_10000000/db/bench.duckdb --sessions 20

Each session (its own browser context, so its own Streamlit session) opens every page of the app in turn;
session i starts i seconds after the first (ramp 1 s: twenty officials arriving within twenty seconds),
and records the time from navigation to the first chart visible (a page without charts: its first table).
Errors are: a timeout (no chart within 120 s: twenty browsers share two cores with the server), a Streamlit
exception box, a JavaScript error, an HTTP error from the server.
Bounded: loopback only, every wait has a timeout and the whole test a deadline. Also measures the time from
`streamlit run` to the first chart visible with the default data (`startup`).
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import numpy as np

from dashboard import config

ROOT = config.ROOT
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
CONTENT = ".js-plotly-plot, [data-testid=stPlotlyChart], [data-testid=stDataFrame], [data-testid=stTable]"
CHART = ".js-plotly-plot, [data-testid=stPlotlyChart]"
ERROR = "[data-testid=stException]"
# The script run has ended: something is shown in the main area and no run is in progress.
_IDLE = """() => !!document.querySelector("[data-testid=stMain] [data-testid=stElementContainer]")
  && !document.querySelector("[data-testid=stStatusWidget]") && performance.now() > 2000"""


def url_paths(root: Path = ROOT) -> list[str]:
    """Fallback list of the pages' URL paths: the files of app_pages/ (the app names each page after its file)."""
    pages = (root / "dashboard" / "app_pages").glob("*.py")
    return [""] + sorted(p.stem for p in pages if not p.stem.startswith("_"))


async def discover(browser, base: str, timeout_ms: int) -> tuple[list[str], set[str]]:
    """The pages as the running app lists them in its sidebar (default page first), and those of them that
    show no chart or table (found by one sequential visit, so the timed walks wait for the right thing)."""
    page = await browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        await page.goto(base, wait_until="commit", timeout=timeout_ms)
        nav = page.locator("[data-testid=stSidebarNav] a")
        await nav.first.wait_for(state="attached", timeout=timeout_ms)
        hrefs = [await a.get_attribute("href") or "" for a in await nav.all()]
        paths = list(dict.fromkeys([""] + [p for p in (urllib.parse.urlparse(h).path.strip("/") for h in hrefs)
                                           if p]))
    except Exception:  # no sidebar (one page, or an error): fall back to the files
        paths = url_paths()
    chartless = set()
    for path in paths:
        with contextlib.suppress(Exception):
            await page.goto(f"{base}/{path}", wait_until="commit", timeout=timeout_ms)
        try:
            await page.locator(CONTENT).first.wait_for(state="visible", timeout=min(timeout_ms, 20_000))
        except Exception:
            chartless.add(path)
    await page.close()
    return paths, chartless


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run dashboard/app.py` on a free loopback port, stopped (by its own pid) on exit."""

    def __init__(self, db: Path, root: Path = ROOT, log: Path | None = None, port: int | None = None):
        self.port = port or _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "streamlit", "run", str(root / "dashboard" / "serve.py"),
               "--server.port", str(self.port), "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
        self.started = time.perf_counter()
        # the server's log goes to a file: a pipe nobody reads would block the server once it is full
        self.log = log or Path(os.devnull)
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(cmd, cwd=root, stdout=out, stderr=subprocess.STDOUT,
                                         env={**os.environ, "DASHBOARD_DB": str(db), "PYTHONPATH": str(root)})

    def wait_healthy(self, timeout: float = 60) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}: {self.log_tail()}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        return time.perf_counter() - self.started
            time.sleep(0.05)
        raise TimeoutError("streamlit did not become healthy")

    def log_tail(self, n: int = 1500) -> str:
        with contextlib.suppress(OSError):
            return self.log.read_text(errors="replace")[-n:]
        return ""

    def peak_mb(self) -> float | None:
        """VmHWM: the peak resident memory of the server process so far."""
        with contextlib.suppress(OSError, StopIteration):
            line = next(x for x in open(f"/proc/{self.proc.pid}/status") if x.startswith("VmHWM"))
            return int(line.split()[1]) / 1024
        return None

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


async def _session(browser, base: str, paths: list[str], timeout_ms: int, results: list, errors: list,
                   chartless: set[str], delay_s: float = 0.0) -> None:
    await asyncio.sleep(delay_s)  # officials arrive over a few seconds, not within the same millisecond
    ctx = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await ctx.new_page()
    js_errors: list[str] = []
    page.on("pageerror", lambda e: js_errors.append(str(e)[:200]))
    page.on("response", lambda r: errors.append(f"HTTP {r.status} {r.url}") if r.status >= 500 else None)
    try:
        for path in paths:
            t0 = time.perf_counter()
            try:
                await page.goto(f"{base}/{path}", wait_until="commit", timeout=timeout_ms)
                if path in chartless:  # only errors are checked on a page without a chart or table
                    await page.wait_for_function(_IDLE, timeout=timeout_ms, polling=100)
                else:
                    await page.locator(CONTENT).first.wait_for(state="visible", timeout=timeout_ms)
                    results.append((path, time.perf_counter() - t0))
            except Exception as e:  # a timeout or a crash: counted, the walk goes on
                errors.append(f"{path}: {type(e).__name__}: {str(e)[:120]}")
            if await page.locator(ERROR).count():
                errors.append(f"{path}: exception box: {(await page.locator(ERROR).first.inner_text())[:200]}")
    finally:
        errors.extend(js_errors)
        await ctx.close()


async def _load(base: str, pid: int, sessions: int, timeout_ms: int, ramp_s: float = 1.0) -> tuple:
    from playwright.async_api import async_playwright  # lazily: only the load test needs a browser
    results: list = []
    errors: list = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        paths, chartless = await discover(browser, base, timeout_ms)
        t0, cpu0 = time.perf_counter(), _cpu(pid)
        await asyncio.gather(*[_session(browser, base, paths, timeout_ms, results, errors, chartless, i * ramp_s)
                               for i in range(sessions)])
        wall = time.perf_counter() - t0
        cpu = _cpu_used(cpu0, _cpu(pid), wall)
        await browser.close()
    return paths, results, errors, wall, sorted(chartless), cpu


def run(db: Path, sessions: int = 20, timeout_s: float = 120, deadline_s: float = 900, root: Path = ROOT,
        log: Path | None = None, ramp_s: float = 1.0) -> dict:
    """The load test against a server on the given database, running the app found under root."""
    server = Server(db, root, log)
    try:
        ready = server.wait_healthy()
        paths, results, errors, wall, chartless, cpu = asyncio.run(asyncio.wait_for(
            _load(server.url, server.proc.pid, sessions, int(timeout_s * 1000), ramp_s), deadline_s))
        times = np.array([t for _, t in results]) if results else np.array([np.nan])
        per_page = {p or "(default)": float(np.median([t for q, t in results if q == p]))
                    for p in paths if any(q == p for q, _ in results)}
        return {"sessions": sessions, "ramp_s": ramp_s, "pages": len(paths), "walks_s": wall, "server_ready_s": ready,
                "p50_s": float(np.nanpercentile(times, 50)), "p95_s": float(np.nanpercentile(times, 95)),
                "max_s": float(np.nanmax(times)), "loads": len(results), "errors": len(errors),
                "error_list": errors[:20], "per_page_median_s": per_page, "server_peak_mb": server.peak_mb(),
                "pages_without_chart": chartless, **cpu,
                "server_log_tail": server.log_tail() if errors else ""}
    except Exception as e:  # the report says what failed instead of losing the other results
        return {"failed": f"{type(e).__name__}: {e}"[:500], "sessions": sessions}
    finally:
        server.stop()


def _cpu(pid: int) -> tuple[float, float]:
    """(CPU seconds of the server process, CPU seconds of the whole machine) so far."""
    tick = os.sysconf("SC_CLK_TCK")
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    with open("/proc/stat") as f:
        cpu = [int(x) for x in f.readline().split()[1:]]
    busy = sum(cpu[:8]) - cpu[3] - cpu[4]  # user..steal without idle and iowait (guest is inside user)
    return (int(fields[11]) + int(fields[12])) / tick, busy / tick


def _cpu_used(a: tuple[float, float], b: tuple[float, float], wall: float) -> dict:
    """Where the CPU went during the walks: the server, or the browsers (the rest of the machine)."""
    return {"server_cpu_s": b[0] - a[0], "machine_cpu_s": b[1] - a[1],
            "machine_cpu_capacity_s": wall * (os.cpu_count() or 1)}


async def _wait_visible(locator, timeout_s: float, step_ms: int = 100) -> None:
    """locator.wait_for(state="visible") checked every ~20 ms. A single long wait_for checks every 500 ms after its
    first 0.27 s, so the startup time came out up to half a second late, in steps of 0.5 s."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout
    deadline = time.perf_counter() + timeout_s
    while True:
        try:
            await locator.wait_for(state="visible", timeout=step_ms)
            return
        except PlaywrightTimeout:
            if time.perf_counter() > deadline:
                raise


# Recorded in the page: the wall-clock time (ms) of the first animation frame in which a chart has a size, i.e.
# the frame that draws it. Playwright's own visibility check also runs on the page's main thread, which is busy
# drawing the other charts just then, so it sees the chart 0.2-0.3 s after it is on screen.
_FRAME_CLOCK = """(() => {
  const tick = () => {
    for (const el of document.querySelectorAll(SELECTOR)) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) { window.__firstChartMs = performance.timeOrigin + performance.now(); return; }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();""".replace("SELECTOR", json.dumps(CHART))


async def _first_chart(db: Path, timeout_s: float, root: Path, returning: bool = False) -> dict:
    """One server start, timed to the first chart visible. returning=True: the browser has shown the app before
    (a meeting-room screen, an official's bookmark), so Streamlit's and Plotly's code comes from its cache; the
    app is visited once on the same address, that server stopped, and the start is timed on a new one."""
    from playwright.async_api import async_playwright
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = await browser.new_page(viewport={"width": 1400, "height": 900})
        port = None
        if returning:
            earlier = Server(db, root)
            port = earlier.port
            try:
                await asyncio.to_thread(earlier.wait_healthy, timeout_s)
                await page.goto(earlier.url, wait_until="commit", timeout=timeout_s * 1000)
                await _wait_visible(page.locator(CHART).first, timeout_s)
                await page.goto("about:blank")
            finally:
                earlier.stop()
        await page.add_init_script(_FRAME_CLOCK)
        server = Server(db, root, port=port)  # the clock starts here: the browser is already open, as the user's is
        epoch = time.time() - (time.perf_counter() - server.started)  # the wall clock at server.started
        try:
            ready = await asyncio.to_thread(server.wait_healthy, timeout_s)
            await page.goto(server.url, wait_until="commit", timeout=timeout_s * 1000)
            await _wait_visible(page.locator(CHART).first, timeout_s)
            seen = time.perf_counter() - server.started
            drawn_ms = await page.evaluate("window.__firstChartMs || null")
            return {"first_chart_s": (drawn_ms / 1000 - epoch) if drawn_ms else seen, "seen_by_playwright_s": seen,
                    "server_ready_s": ready, "server_peak_mb": server.peak_mb()}
        finally:
            server.stop()
            await browser.close()


def startup(db: Path, timeout_s: float = 60, root: Path = ROOT, runs: int = 5) -> dict:
    """Time from `streamlit run` to the first chart visible, on the default database (built if missing): the
    median of `runs` server starts (one start varies by ±0.4 s on the shared 2-core machine), every run listed;
    for a browser that never showed the app (nothing cached) and, under "returning", for one that did."""
    try:
        if not db.exists():
            subprocess.run([sys.executable, "-m", "dashboard", "init"], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)
        first = [asyncio.run(_first_chart(db, timeout_s, root)) for _ in range(max(1, runs))]
        again = [asyncio.run(_first_chart(db, timeout_s, root, returning=True)) for _ in range(max(1, runs))]
    except Exception as e:
        return {"failed": f"{type(e).__name__}: {e}"[:500]}
    return {**_median(first), "returning": _median(again)}


def _median(done: list[dict]) -> dict:
    median = sorted(done, key=lambda r: r["first_chart_s"])[len(done) // 2]
    return {**median, "runs_s": [r["first_chart_s"] for r in done]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, default=config.db_path())
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--startup", action="store_true", help="only measure streamlit run -> first chart")
    ap.add_argument("--runs", type=int, default=5, help="server starts of --startup (the median is reported)")
    args = ap.parse_args(argv)
    res = startup(args.db, runs=args.runs) if args.startup else run(args.db.absolute(), args.sessions)
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
