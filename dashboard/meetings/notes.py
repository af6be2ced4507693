"""A note for a person about a meeting text or a check (a date to supply, a period assumed...), as an i18n key
with its parameters: the page, the slide or the CLI renders it with t(note.key, lang, **note.kw)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    key: str                                   # e.g. "meetings.note.no_date"
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, **params: object) -> Note:
        return cls(key, tuple(params.items()))

    @property
    def kw(self) -> dict[str, object]:
        return dict(self.params)

    def to_dict(self) -> dict:
        return {"key": self.key, "params": self.kw}
