"""The first visit's head start (issue 6: `streamlit run` -> first chart <= 3 s): the HTML page itself tells
the browser to load Streamlit's element code.

Left to itself, Streamlit's front end fetches the code of most elements only when the first such element arrives:
its Plotly component (a 4.7 MB chunk, ~0.8 s to evaluate on the 2-core server) after the script has imported
pandas and DuckDB and run the page's queries. `ChunkPreload` adds to the HTML page a `modulepreload` of each chunk
the pages' first screens use and a small module script importing them, so the browser downloads them with the
rest of the front end and evaluates Plotly while it connects and the server runs the page; the components' own
lazy imports then find the modules loaded (same URLs, one module map). Everything comes from the app's own
server, so this also works offline on the intranet.

Importing pandas and DuckDB in the server before the first visit was tried (a thread started with the server,
or once the page was served): on two cores it slowed the serving of the front end's files more than it saved,
and the first chart came ~0.1-0.3 s later, so the first run still imports them.

The same middleware sends the page's Content-Security-Policy (`policy`): nothing from another origin — no image,
script, style, font, frame or connection — so even a text that slipped past the meetings' sanitiser could make
no browser fetch from elsewhere. Streamlit needs inline styles, data:/blob: images and fonts, and blob: scripts
(components v2 load their code from blob URLs); its inline scripts (its own index page's and ours) are allowed by
their sha256 hashes, computed from the HTML as it is served, so a Streamlit upgrade cannot leave them stale; no
'unsafe-eval' (only 'wasm-unsafe-eval', for WebAssembly). connect-src 'self' covers the websocket (CSP Level 3:
'self' matches ws: and wss: of the same host; tests/e2e/test_csp.py shows Chromium agrees).
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from pathlib import Path

import streamlit as st

from dashboard.ui import history

# Streamlit's chunk of each element the first screen of a page draws ("<name>.<build hash>.js"): the sidebar's
# segmented control, select boxes and month slider, the KPI cards, the charts. Small ones first, Plotly last.
CHUNKS = ("ButtonGroup", "Selectbox", "Slider", "Metric", "PlotlyChart")
# Streamlit's endpoints and static files: every other GET is a page of the app, answered with index.html
_NOT_PAGES = ("/_stcore/", "/static/", "/media/", "/component/")
_FILES = (".js", ".css", ".json", ".png", ".ico", ".woff2", ".svg", ".txt")

_SCRIPT = """<script type="module">{{
const index = document.querySelector('script[type=module][src*="/static/js/index."]');
if (index) for (const file of {files}) import(new URL(file, index.src).href).catch(() => {{}});
}}</script>"""


@functools.cache
def chunk(name: str) -> str | None:
    """File name of one of Streamlit's element chunks; None unless exactly one file matches."""
    found = list((Path(st.__file__).parent / "static" / "static" / "js").glob(f"{name}.*.js"))
    return found[0].name if len(found) == 1 else None


def chunks() -> list[str]:
    return [f for f in (chunk(n) for n in CHUNKS) if f]


@functools.cache
def head_tags() -> bytes:
    """What goes at the end of the page's <head>: the history shim (ui/history.py: it must run before Streamlit's
    own code), then the preloads, which are left out with a Streamlit build that names its chunks differently (then
    the elements load as before, only later)."""
    files = chunks()
    if not files:
        return history.SCRIPT.encode()
    links = "".join(f'<link rel="modulepreload" crossorigin href="./static/js/{f}">' for f in files)
    return (history.SCRIPT + links + _SCRIPT.format(files=json.dumps(files))).encode()


def with_tags(html: bytes) -> bytes:
    tags = head_tags()
    return html.replace(b"</head>", tags + b"</head>", 1) if tags and b"</head>" in html else html


_INLINE_SCRIPT = re.compile(rb"<script\b(?![^>]*\ssrc\s*=)[^>]*>(.*?)</script\s*>", re.S | re.I)


def script_hashes(html: bytes) -> list[str]:
    """CSP source expressions of the page's inline scripts (their text between the tags, as the browser hashes)."""
    return [f"'sha256-{base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode()}'"
            for m in _INLINE_SCRIPT.finditer(html)]


@functools.lru_cache(maxsize=8)
def policy(html: bytes) -> str:
    """The Content-Security-Policy of one served page."""
    directives = {
        "default-src": ["'self'"],
        # 'wasm-unsafe-eval' compiles WebAssembly only (never JavaScript from text): the 64-bit integer library
        # of Streamlit's protobuf decoder tries a tiny built-in module at start and reports a violation without it
        "script-src": ["'self'", "blob:", "'wasm-unsafe-eval'", *dict.fromkeys(script_hashes(html))],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def _is_page(path: str) -> bool:
    return not any(p in path for p in _NOT_PAGES) and not path.lower().endswith(_FILES)


class ServedPage:
    """ASGI middleware: the HTML page served for a page path, with `head_tags()` added and its
    Content-Security-Policy. It asks the server behind it for the page uncompressed and unconditional (8 KB; a 304
    would bring back a copy without the tags); every other request and every websocket passes untouched."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not _is_page(scope["path"]):
            await self.app(scope, receive, send)
            return
        dropped = (b"accept-encoding", b"if-none-match", b"if-modified-since")
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() not in dropped]}
        start: dict | None = None
        body: list[bytes] = []

        async def send_page(message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                sent = dict(message.get("headers", []))
                if message["status"] == 200 and sent.get(b"content-type", b"").startswith(b"text/html"):
                    start = message  # held until the whole body is in
                    return
            elif message["type"] == "http.response.body" and start is not None:
                body.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                html = with_tags(b"".join(body))
                stale = (b"content-length", b"etag", b"last-modified", b"content-security-policy")
                headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in stale]
                headers += [(b"content-length", str(len(html)).encode()),
                            (b"content-security-policy", policy(html).encode())]
                await send({**start, "headers": headers})
                await send({"type": "http.response.body", "body": html})
                return
            await send(message)

        await self.app(scope, receive, send_page)
