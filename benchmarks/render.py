"""Server-side render of every page with Streamlit's AppTest: the whole script run, queries and figures built,
without a browser. The pages are the st.Page entries of dashboard/app.py, read at run time (or, failing that,
every file in app_pages/), so new pages are timed as soon as they are listed.

The first render of a page runs with empty caches of data, after what the server does at its start (ui/warm.py:
the pages' modules imported, the figure check's indexes built; timed apart as `server_warm_up_s`) and the imports
of the pages before it; the following ones are what a rerun costs (widget change, second visitor): caches warm, the
script still runs top to bottom.

Streamlit's server scans the installed packages for custom components once, when it starts (Runtime: its component
registry); AppTest does it again for every new instance (~45 ms on this machine, in every render timed here before
this was noticed). The renders here share one scan, made before the timings (`component_scan_s`), as the server does.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np


def pages(app: Path) -> list[str]:
    text = app.read_text(encoding="utf-8") if app.exists() else ""
    listed = re.findall(r"st\.Page\(\s*[\"']([^\"']+\.py)[\"']", text)
    if listed:
        return listed
    return sorted(f"app_pages/{p.name}" for p in (app.parent / "app_pages").glob("*.py")
                  if not p.name.startswith("_"))


def _ms(samples: list[float]) -> dict:
    a = np.asarray(samples) * 1000
    return {"median_ms": float(np.median(a)), "p95_ms": float(np.percentile(a, 95)), "n": len(a)}


_components: list = []  # the one component registry of the process (a server's, made at its start)


def component_registry() -> float:
    """Scan the installed packages for components once, as Streamlit's server does at its start; the seconds."""
    from streamlit.components.v2.component_manager import BidiComponentManager
    t0 = time.perf_counter()
    registry = BidiComponentManager()
    registry.discover_and_register_components(start_file_watching=False)
    _components[:] = [registry]
    return time.perf_counter() - t0


def _render(app: Path, page: str, timeout: float) -> tuple[float, list[str], int]:
    from streamlit.testing.v1 import AppTest  # lazily: only this phase needs streamlit
    at = AppTest.from_file(str(app), default_timeout=timeout)
    if _components and hasattr(at, "_bidi_component_manager"):  # AppTest would scan again (Streamlit 1.67)
        at._bidi_component_manager = _components[0]
    at.switch_page(page)
    t0 = time.perf_counter()
    at.run()
    dt = time.perf_counter() - t0
    errors = [str(e.value)[:200] for e in at.exception] + [str(e.value)[:200] for e in at.error]
    charts = len(at.get("plotly_chart"))
    return dt, errors, charts


def run(app: Path, reps: int, timeout: float = 60) -> dict:
    t0 = time.perf_counter()
    from streamlit.testing.v1 import AppTest  # noqa: F401  (import cost reported apart from the renders)
    out: dict = {"import_streamlit_s": time.perf_counter() - t0, "pages": {}}
    if not app.exists():
        out["note"] = f"{app} does not exist"
        return out
    found = pages(app)
    from dashboard.ui import warm as server_start  # what serve.py does before its first connection
    out["server_warm_up_s"] = server_start.warm_up()
    out["component_scan_s"] = component_registry()
    # The process's first run imports the app's modules (plotly, charts, i18n): reported apart, so that each
    # page's "first render" is its own cold caches, not whichever page happens to come first.
    warmup, errors, _ = _render(app, found[0], timeout)
    out["process_first_render_ms"] = warmup * 1000
    out["process_first_render_errors"] = errors
    for page in found:
        first, errors, charts = _render(app, page, timeout)
        warm = []
        for _ in range(reps):
            dt, errs, _ = _render(app, page, timeout)
            warm.append(dt)
            errors += errs
        out["pages"][page] = {"first_ms": first * 1000, "warm": _ms(warm), "charts": charts,
                              "errors": sorted(set(errors))}
    return out
