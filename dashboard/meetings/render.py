"""Markdown from meeting texts made safe for st.markdown (which must never get unsafe_allow_html).

Raw HTML in a text is shown as text: `<`, `>` and `&` are escaped everywhere except inside code spans and
fenced code blocks (shown verbatim anyway) and the `>` that opens a quote line. Links other than http(s) and
mailto lose their target (no `javascript:`), and images become their alt text, so a text can neither run a
script nor make the page fetch anything from another address.
"""
from __future__ import annotations

import html
import re

_FENCE = re.compile(r"^(\s{0,3})(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_QUOTE = re.compile(r"^(\s{0,3}(?:>\s?)+)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(\s*((?:[^()\s]|\([^()]*\))*)(?:[^()]|\([^()]*\))*\)")
_SAFE_SCHEME = re.compile(r"^(?:https?://|mailto:|#)", re.I)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~:$])")


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _inline(line: str) -> str:
    out, pos = [], 0
    for m in _CODE_SPAN.finditer(line):
        out.append(_escape(line[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_escape(line[pos:]))
    s = "".join(out)
    s = _IMAGE.sub(lambda m: m.group(1), s)
    return _LINK.sub(lambda m: m.group(0) if _SAFE_SCHEME.match(m.group(2)) else m.group(1), s)


def safe_markdown(text: str | None) -> str:
    """Markdown that renders every HTML tag of `text` as visible text."""
    if not text:
        return ""
    out, fenced = [], None
    for line in text.replace("\r\n", "\n").split("\n"):
        fence = _FENCE.match(line)
        if fenced is not None:
            out.append(line)
            if fence and fence.group(2) == fenced:
                fenced = None
            continue
        if fence:
            fenced = fence.group(2)
            out.append(line)
            continue
        q = _QUOTE.match(line)
        lead = q.group(1) if q else ""
        out.append(lead + _inline(line[len(lead):]))
    return "\n".join(out)


def escape_markdown(text: str | None) -> str:
    """Plain text (a name, a title, an owner) that shows exactly as written inside Markdown."""
    if not text:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", _escape(text))
