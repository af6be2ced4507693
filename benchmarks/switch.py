"""Sidebar click -> first chart of the next page, in a warm browser (issue 17.6: p95 <= 1 s).

One `streamlit run` and Debian's Chromium (Playwright) at 1400x900. The app is opened and every page visited
once (the browser has Streamlit's and Plotly's code, the server has compiled every page), then the sidebar's links
are clicked in turn, ROUNDS times round. Each sample is timed in the page, from the click event's own timestamp
to the first animation frame in which the next page's first chart (a page without charts: its first table) has a
size and is not stale, after every element of the page left behind has gone or turned stale (Streamlit keeps
the old elements, faded, until the new run replaces them). The presenter page is left out: it has no sidebar.

    python -m benchmarks.switch --db data/dashboard.duckdb [--rounds 5]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from playwright.sync_api import ViewportSize, sync_playwright

from benchmarks.load import ARGS, CHROMIUM, CONTENT, ROOT, Server

TARGET_P95_S = 1.0
VIEWPORT: ViewportSize = {"width": 1400, "height": 900}
SKIP = {"present", "data"}  # no sidebar there / behind a login

# Armed before the click: the click (capture phase) keeps its timestamp; then, frame by frame, first every
# element of the old page must be gone or stale, then a fresh chart or table must have a size.
_ARM = """(selector) => {
  const fresh = (el) => {
    const box = el.closest("[data-testid=stElementContainer]");
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && (!box || box.getAttribute("data-stale") !== "true");
  };
  const old = [...document.querySelectorAll(selector)];
  window.__switchMs = null;
  let t0 = null, left = false;
  const tick = () => {
    if (!left) { left = old.every((el) => !el.isConnected || !fresh(el)); }
    if (left && [...document.querySelectorAll(selector)].some(fresh)) {
      window.__switchMs = performance.now() - t0; return;
    }
    requestAnimationFrame(tick);
  };
  window.addEventListener("click", (e) => { t0 = e.timeStamp; requestAnimationFrame(tick); },
                          { capture: true, once: true });
}"""


def run(db: Path, rounds: int = 5, root: Path = ROOT, log: Path | None = None, timeout_s: float = 60) -> dict:
    server = Server(db, root=root, log=log)
    try:
        server.wait_healthy(timeout_s * 2)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page(viewport=VIEWPORT)
            page.set_default_timeout(timeout_s * 1000)
            page.goto(server.url)
            nav = page.locator("[data-testid=stSidebarNav] a")
            nav.first.wait_for(state="attached")
            hrefs = [a.get_attribute("href") or "" for a in nav.all()]
            names = [h.rstrip("/").rsplit("/", 1)[-1] if h.rstrip("/") != server.url else "" for h in hrefs]
            order = [i for i, n in enumerate(names) if n not in SKIP]
            for i in order:  # warm: every page once
                nav.nth(i).click()
                page.locator(CONTENT).first.wait_for(state="visible")
                page.wait_for_selector("[data-testid=stStatusWidget]", state="detached")
            samples: dict[str, list[float]] = {}
            errors: list[str] = []
            for _ in range(rounds):
                for i in order:
                    page.evaluate(_ARM, CONTENT)
                    nav.nth(i).click()
                    try:
                        page.wait_for_function("() => window.__switchMs !== null", polling=50)
                        samples.setdefault(names[i] or "(default)", []).append(
                            page.evaluate("window.__switchMs") / 1000)
                    except Exception as e:  # a switch that never drew: counted, the loop goes on
                        errors.append(f"{names[i] or '/'}: {type(e).__name__}: {str(e)[:120]}")
                    page.wait_for_selector("[data-testid=stStatusWidget]", state="detached")
                    if page.locator("[data-testid=stException]").count():
                        errors.append(f"{names[i] or '/'}: exception box")
            browser.close()
        every = [s for v in samples.values() for s in v]
        return {"rounds": rounds, "target_p95_s": TARGET_P95_S, "errors": len(errors), "error_list": errors[:10],
                **(_stats(every) if every else {}), "per_page": {k: _stats(v) for k, v in samples.items()}}
    finally:
        server.stop()


def _stats(samples: list[float]) -> dict:
    a = np.asarray(samples)
    return {"p50_s": float(np.percentile(a, 50)), "p95_s": float(np.percentile(a, 95)), "max_s": float(a.max()),
            "n": len(a)}


def table_rows(res: dict) -> list[str]:
    """The Markdown rows the benchmark report prints for this phase (nothing when it did not run)."""
    if not res:
        return []
    if "failed" in res:
        return [f"\nPage switch: failed ({res['failed']})"]
    if "p50_s" not in res:
        return [f"\nPage switch: no sample ({res.get('error_list')})"]
    ok = "yes" if res["p95_s"] <= TARGET_P95_S and not res["errors"] else "**no**"
    return ["\n| sidebar click -> first chart of the next page (warm browser) | p50 | p95 | target p95 | met |",
            "|---|---|---|---|---|",
            f"| {res['n']} switches, {len(res['per_page'])} pages, {res['errors']} errors | {res['p50_s']:.2f} s | "
            f"{res['p95_s']:.2f} s | {TARGET_P95_S:g} s | {ok} |"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.switch", description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    print(json.dumps(run(args.db.absolute(), args.rounds), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
