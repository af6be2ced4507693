"""Meeting texts render as safe HTML: no raw HTML, no script, nothing the browser would fetch from anywhere."""
from __future__ import annotations

import ast
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from dashboard.meetings.render import LINK_REL, TAGS, escape_markdown, meeting_html

PKG = Path(__file__).resolve().parents[2] / "dashboard"
# attributes through which a browser loads something or runs something
FETCHING = {"src", "srcset", "style", "background", "poster", "data", "action", "formaction", "xlink:href",
            "cite", "longdesc", "lowsrc", "dynsrc", "ping", "manifest", "codebase", "archive"}


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(markdown: str) -> Tags:
    p = Tags()
    p.feed(meeting_html(markdown))
    p.close()
    return p


def assert_inert(markdown: str) -> Tags:
    """Only the allowed tags; no attribute that fetches or runs; links absolute http(s)/mailto with our rel."""
    p = parsed(markdown)
    for tag, attrs in p.tags:
        assert tag in TAGS, (markdown, tag)
        assert not FETCHING & set(attrs), (markdown, tag, attrs)
        assert not any(k.startswith("on") for k in attrs), (markdown, tag, attrs)
        if tag == "a":
            assert attrs.get("rel") == LINK_REL
            href = attrs.get("href")
            if href is not None:
                u = urlparse(href)
                assert u.scheme.lower() in ("http", "https", "mailto"), (markdown, href)
                assert u.scheme.lower() == "mailto" or u.netloc, (markdown, href)
    out = meeting_html(markdown).lower()
    assert "<script" not in out and "<img" not in out and "<iframe" not in out and "<style" not in out
    assert not any("url(" in (v or "") for _, attrs in p.tags for v in attrs.values())
    return p


HOSTILE = [
    "![a[b]c](http://evil.example/x.png)",                              # brackets in the alt text
    "![a [b [c]] d](http://evil.example/x.png \"t\")",
    "![x][r]\n\n[r]: http://evil.example/x.png",                        # reference-style image
    "![x]\n\n[x]: http://evil.example/x.png",                           # shortcut reference image
    "![x][]\n\n[x]: <http://evil.example/x.png>",                       # collapsed reference, angle URL
    "<img src=https://evil.example/x.png>",                             # raw HTML image
    "<img src=x onerror=alert(1)>",
    "<picture><source srcset=http://evil.example/a.png></picture>",
    "<script>alert(1)</script>",
    "<div style=\"background:url(http://evil.example/b.png)\">x</div>",
    "<svg><image href=http://evil.example/s.png /></svg>",
    "<iframe src=http://evil.example/></iframe>",
    "<link rel=stylesheet href=http://evil.example/c.css>",
    "<style>@import 'http://evil.example/c.css';</style>",
    "<video poster=http://evil.example/p.png></video>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](jav&#x61;script:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "![pic](data:image/svg+xml;base64,PHN2Zz4=)",
    "[rel](/etc/passwd) [dot](./x.png) [bare](x.png) [hash](#top)",
    "[proto-relative](//evil.example/x)",
    "[ws](ws://evil.example/) [file](file:///etc/passwd) [ftp](ftp://evil.example/)",
    "<http://evil.example/auto> <javascript:alert(1)>",
    "[ok](https://ok.example/\" onerror=\"alert(1))",
    "[![inner](http://evil.example/i.png)](https://ok.example/)",      # an image inside a link
    "**<img src=http://evil.example/x.png>**",
    "***a _b **c** d_ e*** ~~s~~ `<img src=http://evil.example/c.png>`",
    "```html\n<img src=http://evil.example/f.png>\n```",
    "    <img src=http://evil.example/indented.png>",
    "> ![quoted](http://evil.example/q.png)\n> <script>x</script>",
    "- ![li](http://evil.example/l.png)\n  1. <img src=//evil.example/n.png>",
    "| a | ![t](http://evil.example/t.png) |\n|---|---|\n| <img src=x> | [x](javascript:1) |",
    "&lt;img src=http://evil.example/e.png&gt; &#60;script&#62;alert(1)&#60;/script&#62;",
    "<!-- <img src=http://evil.example/comment.png> -->",
    "<a href=\"http://evil.example/\" style=\"background:url(http://evil.example/a.png)\">a</a>",
    "[a]: http://evil.example/def.png\n\n![a]\n![A]\n[a]",
    "\\![escaped](http://evil.example/x.png)",
    "<https://ok.example/a.png>",  # a link to an image is a link, not an image
]


@pytest.mark.parametrize("markdown", HOSTILE)
def test_hostile_text_yields_nothing_that_fetches_or_runs(markdown: str) -> None:
    assert_inert(markdown)


def test_images_become_their_alt_text() -> None:
    assert "".join(parsed("![a[b]c](http://evil.example/x.png)").text).strip() == "a[b]c"
    assert "".join(parsed("![план *работ*][r]\n\n[r]: http://evil.example/x").text).strip() == "план работ"
    assert "evil.example" not in meeting_html("![x][r]\n\n[r]: http://evil.example/x.png")


def test_raw_html_is_shown_as_text() -> None:
    p = parsed('Итоги <script>alert("x")</script> & <b onclick="f()">жирный</b>')
    assert "".join(p.text).strip() == 'Итоги <script>alert("x")</script> & <b onclick="f()">жирный</b>'
    assert [t for t, _ in p.tags] == ["p"]


def test_entities_stay_text() -> None:
    assert "".join(parsed("&lt;img src=x&gt; &amp; &#60;b&#62; &copy;").text).strip() == "<img src=x> & <b> ©"


def test_markdown_still_formats() -> None:
    p = assert_inert("# Итоги\n\n**жирный** и *курсив*, ~~старое~~\n\n> цитата\n\n- пункт\n- [сайт](https://x.ru)"
                     "\n\n3. третий\n\n`код`")
    tags = [t for t, _ in p.tags]
    for tag in ("h1", "strong", "em", "s", "blockquote", "ul", "li", "a", "ol", "code"):
        assert tag in tags, tag
    link = next(a for t, a in p.tags if t == "a")
    assert link["href"] == "https://x.ru" and link["target"] == "_blank" and link["rel"] == LINK_REL
    assert next(a for t, a in p.tags if t == "ol").get("start") == "3"


def test_only_absolute_http_and_mailto_links_keep_a_target() -> None:
    p = parsed("[a](https://ok.ru/x) [b](mailto:press@volgograd.ru) [c](/local) [d](//evil.example/) "
               "[e](javascript:alert(1)) <http://ok.ru/auto>")
    hrefs = [a.get("href") for t, a in p.tags if t == "a"]
    assert hrefs == ["https://ok.ru/x", "mailto:press@volgograd.ru", None, None, "http://ok.ru/auto"]
    assert "<a" not in meeting_html("[e](javascript:alert(1))")  # not a link at all: the text as written


def test_nested_emphasis_and_tables() -> None:
    p = assert_inert("***a _b **c** d_ e***\n\n| a | b |\n|--:|:-|\n| 1 | 2 |")
    assert [t for t, _ in p.tags].count("strong") == 2 and "table" in [t for t, _ in p.tags]
    assert not any(a for t, a in p.tags if t in ("th", "td"))  # alignment styles dropped with style itself


def test_empty_text_gives_empty_html() -> None:
    assert meeting_html(None) == meeting_html("") == meeting_html(" \n ") == ""


def test_plain_text_escapes() -> None:
    assert escape_markdown("<b>*x*</b>") == "&lt;b&gt;\\*x\\*&lt;/b&gt;"
    assert escape_markdown("![x](http://evil.example/a.png)") == "\\!\\[x\\]\\(http\\://evil\\.example/a\\.png\\)"


def test_meetings_package_has_no_streamlit_and_the_views_no_unsafe_html() -> None:
    for path in (PKG / "meetings").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names} | \
                {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not any(str(x).startswith("streamlit") for x in names), path
    for view in ("ui/meetings_view.py", "ui/partner_view.py", "app_pages/meetings.py", "app_pages/partner.py"):
        tree = ast.parse((PKG / view).read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
        assert not any(k.arg in ("unsafe_allow_html", "unsafe_allow_javascript") for n in calls for k in n.keywords)
