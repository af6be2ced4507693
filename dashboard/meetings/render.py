"""Meeting texts on a page: Markdown parsed by markdown-it-py, the HTML it makes cleaned by nh3, and that HTML
shown as it is (st.html), so the browser never parses the text as Markdown a second time.

Nothing in a text can make a viewer's browser fetch from anywhere or run anything:
- raw HTML in the text is not HTML (markdown-it's "html" option off): `<img …>` or `<script>` show as text;
- an image (inline or reference-style, whatever its alt text holds) is rendered as its alt text, never an <img>;
- nh3 then keeps only the tags of plain formatted text (no img, no style, no attributes but a link's href and a
  list's start), links only to absolute http(s) and mailto URLs (relative and `//host` URLs dropped), each link
  with rel="noopener noreferrer nofollow" and opened in a new tab.
The server's Content-Security-Policy (ui/preload.py) is the second wall. Titles and names are never Markdown:
`escape_markdown` for st.markdown.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

TAGS = frozenset({"p", "br", "hr", "strong", "em", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a",
                  "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"})
ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~:$])")


def _image_as_text(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    # markdown-it's own renderer of an image's alt text, then escaped: the text the image stood for
    return html.escape(self.renderInlineAsText(tokens[idx].children or [], options, env), quote=False)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.add_render_rule("image", _image_as_text)
    return md


_MD = _parser()


def clean_html(fragment: str) -> str:
    """An HTML fragment reduced to TAGS and ATTRIBUTES, with absolute http(s)/mailto links only."""
    return nh3.clean(fragment, tags=set(TAGS), attributes={k: set(v) for k, v in ATTRIBUTES.items()},
                     url_schemes=set(URL_SCHEMES), url_relative="deny", link_rel=LINK_REL,
                     set_tag_attribute_values={"a": {"target": "_blank"}}, strip_comments=True)


def meeting_html(text: str | None) -> str:
    """The safe HTML of a meeting's Markdown text ('' for no text), for st.html."""
    if not text or not text.strip():
        return ""
    return clean_html(_MD.render(text.replace("\r\n", "\n")))


def escape_markdown(text: str | None) -> str:
    """Plain text (a name, a title, an owner) that shows exactly as written inside Markdown."""
    if not text:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
