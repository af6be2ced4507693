"""Text for a person that is not yet in a language: a catalogue key and its parameters.

Code below the edge (ingest, store, meetings) returns a Msg; where it is shown (a page, the CLI) render(msg, lang) turns
it into Russian or English with t(). A parameter is a number, a value from the data (a file or column name,
a cell as written), another Msg or a tuple of them, rendered in the same language first (a tuple as a list
joined by commas) or a datetime (written as the language writes a moment).
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from dashboard.i18n import t


@dataclass(frozen=True)
class Msg:
    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __hash__(self) -> int:  # frozen, but its params are a dict: hashed by their items
        return hash((self.key, tuple(self.params.items())))

    def to_json(self) -> dict:
        return {"key": self.key, "params": {k: _to_json(v) for k, v in self.params.items()}}

    @classmethod
    def from_json(cls, d: dict) -> Msg:
        return cls(d["key"], {k: _from_json(v) for k, v in (d.get("params") or {}).items()})


def _to_json(v: object) -> object:
    if isinstance(v, Msg):
        return v.to_json()
    if isinstance(v, tuple | list):
        return [_to_json(x) for x in v]
    return v


def _from_json(v: object) -> object:
    if isinstance(v, dict) and "key" in v:
        return Msg.from_json(v)
    if isinstance(v, list):
        return tuple(_from_json(x) for x in v)
    return v


def msg(key: str, **params: object) -> Msg:
    return Msg(key, params)


def render(m: Msg, lang: str) -> str:
    return t(m.key, lang, **{k: _rendered(v, lang) for k, v in m.params.items()})


def _rendered(v: object, lang: str) -> object:
    if isinstance(v, Msg):
        return render(v, lang)
    if isinstance(v, tuple):
        return ", ".join(str(_rendered(x, lang)) for x in v)
    if isinstance(v, dt.datetime):  # a moment as the language writes it (the store names a version by its date)
        from dashboard.i18n.numbers import moment
        return moment(v, lang)
    return v


def render_all(msgs: tuple[Msg, ...] | list[Msg], lang: str, sep: str = "; ") -> str:
    return sep.join(render(m, lang) for m in msgs)


def dumps(msgs: tuple[Msg, ...] | list[Msg]) -> str | None:
    """Messages as stored in a text column (the import log's note): JSON, or None when there are none."""
    return json.dumps([m.to_json() for m in msgs], ensure_ascii=False) if msgs else None


def loads(text: object) -> list[Msg] | None:
    """The messages of a stored note; None when the note is not such a list (a meeting's title, a note
    written before notes were keys): it is then shown as it is."""
    if not isinstance(text, str) or not text.startswith("[{"):
        return None
    try:
        items = json.loads(text)
        return [Msg.from_json(i) for i in items]
    except (ValueError, KeyError, TypeError):
        return None


def render_stored(text: object, lang: str) -> str:
    """A stored note in the reader's language: its messages rendered, or the text as it is (see loads);
    "" for none (NULL, or NaN in a DataFrame)."""
    msgs = loads(text)
    if msgs is not None:
        return render_all(msgs, lang)
    return text if isinstance(text, str) else ""


class MsgError(Exception):
    """An error whose reason is a Msg (`message`), rendered where it is shown (error_text); its str() is for logs
    and tracebacks only."""

    def __init__(self, message: Msg):
        super().__init__(f"{message.key} {dict(message.params)}")
        self.message = message


def error_text(e: BaseException, lang: str) -> str:
    """An exception in the reader's language: the Msg it carries as `message` (the store's errors) rendered, else
    its own text (an OSError's, which the system gives)."""
    m = getattr(e, "message", None)
    return render(m, lang) if isinstance(m, Msg) else str(e)
