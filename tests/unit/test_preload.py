"""The first visit's head start (issue 6): the HTML page names Streamlit chunks that exist in the installed
Streamlit (an upgrade that renames them would otherwise quietly bring back the slower first chart), and the
middleware adds them to every page path's HTML, with its Content-Security-Policy, while leaving every other
response as it was."""
from __future__ import annotations

import asyncio
import base64
import hashlib
import re
from pathlib import Path

import pytest
import streamlit

from dashboard.ui import preload

PAGE = b"<!DOCTYPE html><html><head><title>Streamlit</title><script>\n  window.prerenderReady = false\n</script>" \
       b'<script type="module" crossorigin src="./static/js/index.abc.js"></script></head><body></body></html>'


def test_every_chunk_exists_once_in_the_installed_streamlit():
    found = preload.chunks()
    assert len(found) == len(preload.CHUNKS), found
    assert found[-1].startswith("PlotlyChart.") and all(f.endswith(".js") for f in found)
    tags = preload.head_tags().decode()
    for f in found:
        assert f'<link rel="modulepreload" crossorigin href="./static/js/{f}">' in tags
        assert f'"{f}"' in tags  # imported by the module script too


def _call(path: str, status: int = 200, ctype: bytes = b"text/html", body: bytes = PAGE,
          chunks: int = 1, method: str = "GET", headers: list | None = None) -> tuple[dict, bytes, dict]:
    """Run the middleware around a fake inner app; returns the response start, the body, and the scope the
    inner app saw."""
    seen: dict = {}

    async def inner(scope, receive, send):
        seen.update(scope)
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()),
                                (b"etag", b'"abc"')]})
        step = max(1, len(body) // chunks)
        parts = [body[i:i + step] for i in range(0, len(body), step)] or [b""]
        for i, part in enumerate(parts):
            await send({"type": "http.response.body", "body": part, "more_body": i < len(parts) - 1})

    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path,
             "headers": headers or [(b"accept-encoding", b"gzip, br"), (b"if-none-match", b'"abc"'),
                                    (b"user-agent", b"test")]}
    asyncio.run(preload.ServedPage(inner)(scope, None, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body"), seen


@pytest.mark.parametrize("path", ["/", "/partner", "/goods", "/trade/partners"])
@pytest.mark.parametrize("chunks", [1, 5])
def test_page_html_gets_the_tags_and_a_true_length(path: str, chunks: int):
    start, body, seen = _call(path, chunks=chunks)
    assert body == PAGE.replace(b"</head>", preload.head_tags() + b"</head>")
    headers = dict(start["headers"])
    assert int(headers[b"content-length"]) == len(body)
    assert b"etag" not in headers  # the page changed: the inner server's validator no longer describes it
    names = {k for k, _ in seen["headers"]}
    assert b"accept-encoding" not in names and b"if-none-match" not in names and b"user-agent" in names


@pytest.mark.parametrize("path", ["/static/js/index.abc.js", "/_stcore/health", "/app/static/world_110m.json",
                                  "/favicon.png", "/media/x.png", "/component/foo/index.html"])
def test_files_and_endpoints_pass_untouched(path: str):
    start, body, seen = _call(path)
    assert body == PAGE and dict(start["headers"])[b"etag"] == b'"abc"'
    assert (b"accept-encoding", b"gzip, br") in seen["headers"]


def test_other_responses_pass_untouched():
    for kwargs in ({"status": 404}, {"ctype": b"application/json"}, {"method": "POST"}, {"method": "HEAD"}):
        start, body, _ = _call("/", **kwargs)
        assert body == PAGE and dict(start["headers"])[b"etag"] == b'"abc"', kwargs


def test_websocket_passes_untouched():
    calls = []

    async def inner(scope, receive, send):
        calls.append(scope)

    scope = {"type": "websocket", "path": "/_stcore/stream", "headers": [(b"accept-encoding", b"gzip")]}
    asyncio.run(preload.ServedPage(inner)(scope, None, None))
    assert calls == [scope]


def test_a_page_without_head_is_left_as_it_is():
    assert preload.with_tags(b"<html><body>x</body></html>") == b"<html><body>x</body></html>"


def test_the_script_imports_relative_to_streamlits_own_bundle():
    script = re.search(rb"<script type=\"module\">(.*?)</script>", preload.head_tags(), re.S)
    assert script and b"new URL(file, index.src)" in script.group(1)


def _sha256(text: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text).digest()).decode() + "'"


def _directives(csp: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}


def test_the_page_comes_with_a_policy_allowing_nothing_from_elsewhere():
    start, body, _ = _call("/partner")
    csp = _directives(dict(start["headers"])[b"content-security-policy"].decode())
    for name in ("default-src", "connect-src", "frame-ancestors", "base-uri", "form-action"):
        assert csp[name] == ["'self'"], name
    assert csp["object-src"] == ["'none'"]
    assert csp["img-src"] == ["'self'", "data:", "blob:"] and csp["font-src"] == ["'self'", "data:"]
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    inline = [_sha256(b"\n  window.prerenderReady = false\n")]
    # ours: the history shim (a classic script) and the preloads' module script
    inline += [_sha256(m.group(1)) for m in re.finditer(rb"<script(?: type=\"module\")?>(.*?)</script>",
                                                        preload.head_tags(), re.S)]
    # exactly the inline scripts served, nothing else; WebAssembly may compile, JavaScript text may not
    assert csp["script-src"] == ["'self'", "blob:", "'wasm-unsafe-eval'", *inline]
    assert not any(v == "'unsafe-eval'" or "*" in v or "http" in v for vals in csp.values() for v in vals)


def test_the_hashes_follow_the_html_served():
    other = PAGE.replace(b"window.prerenderReady = false", b"window.prerenderReady = 0")
    first = dict(_call("/", body=PAGE)[0]["headers"])[b"content-security-policy"]
    second = dict(_call("/", body=other)[0]["headers"])[b"content-security-policy"]
    assert first != second and _sha256(b"\n  window.prerenderReady = 0\n").encode() in second


def test_script_hashes_skip_scripts_with_a_src_and_read_the_real_index():
    assert preload.script_hashes(b'<script src="a.js"></script><SCRIPT type="module" SRC=b.js></SCRIPT>') == []
    assert preload.script_hashes(b"<script data-x='src=no'>a()</script>") == [_sha256(b"a()")]
    index = (Path(streamlit.__file__).parent / "static" / "index.html").read_bytes()
    assert len(preload.script_hashes(index)) == index.count(b"<script>")  # Streamlit's own inline scripts


def test_a_streamlit_without_the_chunks_still_gets_the_policy(monkeypatch):
    monkeypatch.setattr(preload, "head_tags", lambda: b"")
    start, body, _ = _call("/")
    assert body == PAGE and b"content-security-policy" in dict(start["headers"])
