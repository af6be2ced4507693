"""Meeting texts render as text: no raw HTML or script reaches the page."""
from __future__ import annotations

import ast
from pathlib import Path

from dashboard.meetings.render import escape_markdown, safe_markdown

PKG = Path(__file__).resolve().parents[2] / "dashboard"


def test_script_and_html_are_shown_as_text() -> None:
    out = safe_markdown('Итоги <script>alert("x")</script> & <b onclick="f()">жирный</b>\n'
                        '<img src="http://evil.example/x.png" onerror="alert(1)">')
    assert "<" not in out and ">" not in out
    assert "&lt;script&gt;alert(\"x\")&lt;/script&gt;" in out and "&amp;" in out


def test_markdown_still_works_but_links_and_images_are_tamed() -> None:
    out = safe_markdown("**жирный**\n> цитата <i>\n- пункт [ok](https://x.ru) [bad](javascript:alert(1)) "
                        "![pic](http://evil.example/a.png)\n`<code>`")
    assert "**жирный**" in out and "> цитата &lt;i&gt;" in out and "[ok](https://x.ru)" in out
    assert "javascript" not in out and "evil.example" not in out and "`<code>`" in out


def test_plain_text_escape() -> None:
    assert escape_markdown("<b>*x*</b>") == "&lt;b&gt;\\*x\\*&lt;/b&gt;"


def test_meetings_package_has_no_streamlit_and_the_view_no_unsafe_html() -> None:
    for path in (PKG / "meetings").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names} | \
                {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not any(str(x).startswith("streamlit") for x in names), path
    view = ast.parse((PKG / "ui" / "meetings_view.py").read_text(encoding="utf-8"))
    assert not any(k.arg == "unsafe_allow_html" for n in ast.walk(view) if isinstance(n, ast.Call) for k in n.keywords)
