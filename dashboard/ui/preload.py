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
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

import streamlit as st

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
    """What goes at the end of the page's <head>; empty with a Streamlit build that names its chunks
    differently (then the elements load as before, only later)."""
    files = chunks()
    if not files:
        return b""
    links = "".join(f'<link rel="modulepreload" crossorigin href="./static/js/{f}">' for f in files)
    return (links + _SCRIPT.format(files=json.dumps(files))).encode()


def with_tags(html: bytes) -> bytes:
    tags = head_tags()
    return html.replace(b"</head>", tags + b"</head>", 1) if tags and b"</head>" in html else html


def _is_page(path: str) -> bool:
    return not any(p in path for p in _NOT_PAGES) and not path.lower().endswith(_FILES)


class ChunkPreload:
    """ASGI middleware: the HTML page served for a page path, with `head_tags()` added. It asks the server
    behind it for the page uncompressed and unconditional (8 KB; a 304 would bring back a copy without the tags);
    every other request and every websocket passes untouched."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not _is_page(scope["path"]) or not head_tags():
            await self.app(scope, receive, send)
            return
        dropped = (b"accept-encoding", b"if-none-match", b"if-modified-since")
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() not in dropped]}
        start: dict | None = None
        body: list[bytes] = []

        async def send_page(message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers", []))
                if message["status"] == 200 and headers.get(b"content-type", b"").startswith(b"text/html"):
                    start = message  # held until the whole body is in
                    return
            elif message["type"] == "http.response.body" and start is not None:
                body.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                html = with_tags(b"".join(body))
                stale = (b"content-length", b"etag", b"last-modified")
                headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in stale]
                await send({**start, "headers": [*headers, (b"content-length", str(len(html)).encode())]})
                await send({"type": "http.response.body", "body": html})
                return
            await send(message)

        await self.app(scope, receive, send_page)
