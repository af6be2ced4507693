"""The publication log: which version became current, when, by whom and why, one JSON line per event.

    data/dashboard.history.jsonl     beside the pointer; appended and fsynced before the pointer moves

It is the store's memory: rollback undoes the last publication still in effect (never "the next lower number"),
a lost or dangling pointer is repaired from it, and a version file it never made current (a writer killed
between its rename and its publication) is an orphan that is never served. It names versions by number only,
so a copy of the folder elsewhere keeps a true history, and it is read without opening any version.

Events: "publish" (version, previous, change), "rollback" (version, previous), "repair" (the pointer was set
back to the log's current version; `was` says what was wrong), "adopt" (a store published before this log
existed: its current version starts the history), "prune" (versions deleted by DASHBOARD_KEEP_VERSIONS).
"""
from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.i18n.message import Msg, msg

SETS_CURRENT = ("publish", "rollback", "repair", "adopt")


@dataclass(frozen=True)
class Entry:
    event: str
    at: str                      # ISO 8601, local time, as `published_at` in a version's meta
    by: str = ""
    version: int | None = None   # the version current after the event (None for "prune")
    previous: int | None = None  # the version current before it
    change: dict = field(default_factory=dict)  # publish: {"kind": "files", "files": [...]}, ...; prune: pruned

    def to_json(self) -> dict:
        d = {"event": self.event, "at": self.at, "by": self.by, "version": self.version,
             "previous": self.previous, "change": self.change}
        return {k: v for k, v in d.items() if v not in (None, {}, "")}


def path(published: Path) -> Path:
    return published.with_name(f"{published.stem}.history.jsonl")


def now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def read(published: Path) -> list[Entry]:
    """Every event, oldest first. A line that does not parse (the torn end of a write cut by a crash) is left out:
    the entry it began was never followed by a move of the pointer."""
    try:
        text = path(published).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    out = []
    for line in text.splitlines():
        try:
            d = json.loads(line)
            out.append(Entry(str(d["event"]), str(d["at"]), str(d.get("by", "")), _int(d.get("version")),
                             _int(d.get("previous")), dict(d.get("change") or {})))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return out


def _int(v: int | str | None) -> int | None:
    return None if v is None else int(v)


def append(published: Path, entry: Entry) -> None:
    """Add one event and make it durable (file and folder fsynced) before the caller moves the pointer."""
    p = path(published)
    created = not p.exists()
    line = json.dumps(entry.to_json(), ensure_ascii=False) + "\n"
    fd = os.open(p, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":  # a torn last line: this one starts on its own line
            line = "\n" + line
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        dfd = os.open(p.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def chain(entries: list[Entry]) -> list[int]:
    """The versions served one after another that are still in effect, oldest first; the last is current.
    A publication goes on top, a rollback takes the top off (back to the version it names)."""
    stack: list[int] = []
    for e in entries:
        if e.version is None or e.event not in SETS_CURRENT:
            continue
        if e.event == "publish":
            stack.append(e.version)
        elif e.event == "rollback":
            while stack and stack[-1] != e.version:
                stack.pop()
            if not stack:
                stack.append(e.version)
        elif not stack or stack[-1] != e.version:  # adopt, repair
            stack.append(e.version)
    return stack


def current(entries: list[Entry]) -> int | None:
    c = chain(entries)
    return c[-1] if c else None


def made_current(entries: list[Entry]) -> set[int]:
    """Every version the log ever made current; a version file not among them is an orphan."""
    return {e.version for e in entries if e.event in SETS_CURRENT and e.version is not None}


def pruned(entries: list[Entry]) -> set[int]:
    return {int(n) for e in entries if e.event == "prune" for n in e.change.get("pruned", [])}


def published_at(entries: list[Entry]) -> dict[int, str]:
    """When each version was published (its "publish" or "adopt" event)."""
    return {e.version: e.at for e in entries if e.event in ("publish", "adopt") and e.version is not None}


def orphans(entries: list[Entry], numbers: list[int]) -> list[int]:
    """Version files made after the log began that it never made current: never served, never rolled back to.
    Files older than the log's first event belong to the time before it and are left alone."""
    known = made_current(entries)
    if not known:
        return []
    first = min(known)
    return [n for n in numbers if n > first and n not in known]


def change_of(statements: list[tuple[str, dict]]) -> dict:
    """What a publication changed, from the write statements it ran (publication.Writer records them)."""
    files = [str(p["file_name"]) for name, p in statements if name == "insert_source"]
    if files:
        return {"kind": "files", "files": files}
    meetings = [str(p["title"]) for name, p in statements if name == "insert_meeting"]
    if meetings:
        return {"kind": "meeting", "titles": meetings}
    for name, p in statements:
        if name == "set_followup_done":
            return {"kind": "followup", "id": int(p["followup_id"]), "done": bool(p["done"])}
    return {"kind": "other"} if statements else {"kind": "schema"}



def when(entries: list[Entry], number: int) -> dt.datetime | None:
    """When a version was published, by the log (read without opening the file, which may be damaged)."""
    at = published_at(entries).get(number)
    try:
        return dt.datetime.fromisoformat(at) if at else None
    except ValueError:
        return None


def version_msg(entries: list[Entry], number: int | None) -> Msg | str:
    """A version as people name it: '№ 3 от 25.11.2026 16:05' (store.version); "" for none."""
    if number is None:
        return ""
    return msg("store.version", number=number, published=when(entries, number) or "")


def describe(e: Entry, entries: list[Entry]) -> Msg:
    """What an event did, in words (history.*), for the Данные page and `python -m dashboard history`."""
    c = e.change
    if e.event == "publish":
        kind = c.get("kind", "other")
        if kind == "files":
            return msg("history.files", files=tuple(c.get("files", ())))
        if kind == "meeting":
            return msg("history.meeting", titles=tuple(c.get("titles", ())))
        if kind == "followup":
            return msg("history.followup_done" if c.get("done", True) else "history.followup_open", id=c.get("id"))
        return msg("history.schema" if kind == "schema" else "history.other")
    if e.event == "rollback":
        return msg("history.rollback", version=version_msg(entries, e.version),
                   previous=version_msg(entries, e.previous))
    if e.event == "repair":
        return msg("history.repair", was=msg(f"store.pointer.{c.get('was', 'other')}"))
    if e.event == "prune":
        if not c.get("pruned"):
            return msg("history.orphans", n=len(c.get("orphans", ())))
        return msg("history.prune", versions=tuple(version_msg(entries, int(n)) for n in c["pruned"]))
    return msg("history.adopt")
