"""Meetings in the store. Every change (a new meeting, a follow-up marked done) goes through
dashboard.store.versions.new_version, so it publishes a new version exactly like an import does; readers use
the queries in store/sql (meetings_all, meetings_for_partner, meeting_details, followups_open).

A meeting file is logged in `sources` (format 'meetings', its sha256): loading the same file twice changes
nothing. A meeting with the same date and title as a stored one replaces it (a corrected text)."""
from __future__ import annotations

import datetime as dt
import getpass
import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dashboard import config
from dashboard.meetings.document import from_document, read_path
from dashboard.meetings.model import FollowUp, Meeting, Participant
from dashboard.store import build, versions
from dashboard.store.db import Store


class MeetingError(ValueError):
    """A meeting cannot be saved as it is (no date, no title) or a follow-up does not exist."""


@dataclass
class Saved:
    name: str
    meeting_id: int | None
    loaded: bool          # False: this exact file was loaded before, nothing changed

    def line(self) -> str:
        if not self.loaded:
            return f"{self.name}: already loaded (same sha256), nothing changed"
        return f"{self.name}: loaded meeting {self.meeting_id}"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def _prepare(con: duckdb.DuckDBPyConnection, published: Path) -> None:
    build.apply_schema(con)
    if versions.current(published) is None:      # a store that starts with a meeting still gets its macros
        build.refresh_reference(con)
        build.define_metrics(con)


def _insert(con: duckdb.DuckDBPyConnection, m: Meeting, who: str, source_id: int | None) -> int:
    if m.held_on is None or not m.title.strip():
        raise MeetingError("a meeting needs a date and a title")
    old = con.execute("SELECT meeting_id FROM meetings WHERE held_on = ? AND title = ?",
                      [m.held_on, m.title]).fetchone()
    if old:
        mid = int(old[0])
        for table in ("meetings", "meeting_partners", "meeting_participants", "meeting_topics", "followups"):
            con.execute(f"DELETE FROM {table} WHERE meeting_id = ?", [mid])  # table names: the constants above
    else:
        mid = build.next_id(con, "meetings", "meeting_id")
    con.execute("INSERT INTO meetings (meeting_id, held_on, title, place, summary_md, source, full_text, created_at,"
                " created_by, source_id, title_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [mid, m.held_on, m.title.strip(), m.place, m.summary_md, m.source, m.full_text or m.summary_md,
                 dt.datetime.now(), who, source_id, (m.title_en or "").strip() or None])
    for p in dict.fromkeys(x.upper() for x in m.partners):
        con.execute("INSERT INTO meeting_partners VALUES (?, ?)", [mid, p])
    for i, person in enumerate(m.participants, 1):
        con.execute("INSERT INTO meeting_participants VALUES (?, ?, ?, ?, ?)",
                    [mid, i, person.name, person.role, person.side])
    for topic in dict.fromkeys(m.topics):
        con.execute("INSERT INTO meeting_topics VALUES (?, ?)", [mid, topic])
    for f in m.followups:
        fid = build.next_id(con, "followups", "followup_id")
        con.execute("INSERT INTO followups VALUES (?, ?, ?, ?, ?, ?)", [fid, mid, f.text, f.owner, f.due_on, f.done])
        f.followup_id = fid
    m.meeting_id = mid
    return mid


def save_meeting(published: Path, meeting: Meeting, loaded_by: str | None = None,
                 keep: int | None = None) -> int:
    """Store a confirmed meeting (typed or edited in the app) in a new published version; its id."""
    with versions.new_version(published, keep or config.keep_versions()) as con:
        _prepare(con, published)
        mid = _insert(con, meeting, loaded_by or _user(), None)
        build.set_meta(con, "published_at", dt.datetime.now().isoformat(timespec="seconds"))
    return mid


def load_meeting_documents(published: Path, docs: list[tuple[str, bytes, Meeting]], demo: bool = False,
                           loaded_by: str | None = None, keep: int | None = None) -> list[Saved]:
    """Store meetings read from files (name, bytes, confirmed meeting) in one new version, logging each file
    in `sources`; files loaded before (same sha256) are skipped, and if all were, nothing is published."""
    who = loaded_by or _user()
    out: list[Saved] = []
    if not docs:
        return out
    try:
        _load(published, docs, demo, who, keep, out)
    except _Unchanged:
        pass
    return out


def _load(published: Path, docs: list[tuple[str, bytes, Meeting]], demo: bool, who: str, keep: int | None,
          out: list[Saved]) -> None:
    with versions.new_version(published, keep or config.keep_versions()) as con:
        _prepare(con, published)
        known = build.loaded_hashes(con)
        for name, data, m in docs:
            sha = hashlib.sha256(data).hexdigest()
            if sha in known:
                out.append(Saved(name, None, False))
                continue
            if m.held_on is None:
                raise MeetingError(f"{name}: a meeting needs a date")
            sid = build.next_id(con, "sources", "source_id")
            day = m.held_on.strftime("%Y-%m")
            con.execute("INSERT INTO sources VALUES (?, ?, ?, 'meetings', 1, NULL, '', ?, ?, ?, ?, ?, ?)",
                        [sid, Path(name).name, sha, day, day, demo, who, dt.datetime.now(), m.title[:200]])
            out.append(Saved(name, _insert(con, m, who, sid), True))
            known.add(sha)
        if not any(s.loaded for s in out) and versions.current(published) is not None:
            raise _Unchanged
        build.set_meta(con, "published_at", dt.datetime.now().isoformat(timespec="seconds"))


class _Unchanged(Exception):
    pass


def load_meeting_files(published: Path, paths: list[Path], demo: bool = False, loaded_by: str | None = None,
                       year: int | None = None) -> list[Saved]:
    """Load front-matter meeting files (the bundled default, or files confirmed beforehand) as they are."""
    docs = []
    for path in paths:
        data = Path(path).read_bytes()
        proposal = from_document(read_path(Path(path)), year=year, source=Path(path).name)
        docs.append((Path(path).name, data, proposal.meeting))
    return load_meeting_documents(published, docs, demo=demo, loaded_by=loaded_by)


def set_followup_done(published: Path, followup_id: int, done: bool = True) -> None:
    """Mark a follow-up done (or open again) in a new published version."""
    with versions.new_version(published, config.keep_versions()) as con:
        _prepare(con, published)
        row = con.execute("SELECT done FROM followups WHERE followup_id = ?", [followup_id]).fetchone()
        if row is None:
            raise MeetingError(f"no follow-up {followup_id}")
        con.execute("UPDATE followups SET done = ? WHERE followup_id = ?", [done, followup_id])
        build.set_meta(con, "published_at", dt.datetime.now().isoformat(timespec="seconds"))


# --- reading -----------------------------------------------------------------------------------------------
def _assemble(store: Store, rows: list[tuple]) -> list[Meeting]:
    # r[7], title_en, is there only in versions published since the column was added (see the SQL files)
    meetings = {int(r[0]): Meeting(held_on=r[1], title=r[2], place=r[3], summary_md=r[4] or "", source=r[5],
                                   full_text=r[6] or "", meeting_id=int(r[0]), title_en=r[7] if len(r) > 7 else None)
                for r in rows}
    if not meetings:
        return []
    for mid, kind, _pos, a, b, c, due_on, done, fid in store.rows("meeting_details"):
        m = meetings.get(int(mid))
        if m is None:
            continue
        if kind == "partner":
            m.partners.append(a)
        elif kind == "participant":
            m.participants.append(Participant(a, b, c))
        elif kind == "topic":
            m.topics.append(a)
        else:
            m.followups.append(FollowUp(a, b, due_on, bool(done), int(fid)))
    return list(meetings.values())


def list_meetings(store: Store, partner: str | None = None) -> list[Meeting]:
    """Meetings, newest first; only those with `partner` if given."""
    if partner:
        return _assemble(store, store.rows("meetings_for_partner", partner=partner.upper()))
    return _assemble(store, store.rows("meetings_all"))


def open_followups(store: Store, partner: str | None = None,
                   today: dt.date | None = None) -> list[tuple[FollowUp, int, dt.date, str]]:
    """Follow-ups not done, as (follow-up, meeting id, meeting date, meeting title), earliest due first;
    FollowUp.status_on(today) tells open from overdue."""
    rows = store.rows("followups_open", partner=partner.upper() if partner else None)
    return [(FollowUp(text, owner, due, bool(done), int(fid)), int(mid), held_on, title)
            for fid, mid, text, owner, due, done, held_on, title in rows]
