"""Meetings in the store. Every change (a new meeting, a follow-up marked done) goes through
dashboard.store.publication.publish, so it publishes a new version exactly like an import does; readers use
the queries in store/sql (meetings_all, meetings_for_partner, meeting_details, followups_open).

A meeting file is logged in `sources` (format 'meetings', its sha256): loading the same file twice changes
nothing. A meeting with the same date and title as a stored one replaces it (a corrected text)."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from dashboard.i18n.message import Msg, MsgError, msg
from dashboard.meetings import checks
from dashboard.meetings.document import from_document, read_path
from dashboard.meetings.model import FollowUp, Meeting, Participant
from dashboard.store.db import Store
from dashboard.store.publication import Writer, publish


class MeetingError(MsgError, ValueError):
    """A meeting cannot be saved as it is (no date, no title) or a follow-up does not exist; `message` says
    which (meetings.error.*)."""


@dataclass
class Saved:
    name: str
    meeting_id: int | None
    loaded: bool          # False: this exact file was loaded before, nothing changed

    @property
    def message(self) -> Msg:
        """What happened to the file, as a key of the data catalogue: rendered where it is shown."""
        if not self.loaded:
            return msg("ingest.outcome.unchanged", file=self.name)
        return msg("ingest.outcome.meeting", file=self.name, meeting=self.meeting_id)


def _en(text: str | None) -> str | None:
    """An optional English field as stored: NULL when blank."""
    return (text or "").strip() or None


def _insert(w: Writer, m: Meeting, source_id: int | None,
            checked: tuple[str, tuple[checks.Verdict, ...]] | None = None) -> int:
    if m.held_on is None or not m.title.strip():
        raise MeetingError(msg("meetings.error.no_date_or_title"))
    old = w.value("meeting_by_date_title", held_on=m.held_on, title=m.title)
    if isinstance(old, int):  # the id (an INTEGER column) of the meeting of that date and title
        mid = old
        w.run("delete_meeting", meeting_id=mid)
    else:
        mid = w.next_id("meetings")
    w.run("insert_meeting", meeting_id=mid, held_on=m.held_on, title=m.title.strip(), place=m.place,
          summary_md=m.summary_md, source=m.source, full_text=m.full_text or m.summary_md,
          created_at=dt.datetime.now(), created_by=w.who, source_id=source_id,
          title_en=_en(m.title_en), summary_en=_en(m.summary_en), place_en=_en(m.place_en))
    for p in dict.fromkeys(x.upper() for x in m.partners):
        w.run("insert_meeting_partner", meeting_id=mid, partner=p)
    for i, person in enumerate(m.participants, 1):
        w.run("insert_meeting_participant", meeting_id=mid, position=i, name=person.name, role=person.role,
              side=person.side, name_en=_en(person.name_en), role_en=_en(person.role_en))
    english_topics = dict(zip(m.topics, m.topics_en, strict=False))
    for topic in dict.fromkeys(m.topics):
        w.run("insert_meeting_topic", meeting_id=mid, topic=topic, topic_en=_en(english_topics.get(topic)))
    for f in m.followups:
        fid = w.next_id("followups")
        w.run("insert_followup", followup_id=fid, meeting_id=mid, text=f.text, owner=f.owner, due_on=f.due_on,
              done=f.done, text_en=_en(f.text_en), owner_en=_en(f.owner_en))
        f.followup_id = fid
    m.meeting_id = mid
    checks.write(w, mid, m, checked)     # the check record: against the data the meeting is saved with
    return mid


def save_meeting(published: Path, meeting: Meeting, loaded_by: str | None = None,
                 keep: int | None = None) -> int:
    """Store a confirmed meeting (typed or edited in the app) in a new published version; its id."""
    checked = checks.check_before_saving(published, meeting)
    return publish(published, lambda w: _insert(w, meeting, None, checked), who=loaded_by, keep=keep)


def load_meeting_documents(published: Path, docs: list[tuple[str, bytes, Meeting]], demo: bool = False,
                           loaded_by: str | None = None, keep: int | None = None) -> list[Saved]:
    """Store meetings read from files (name, bytes, confirmed meeting) in one new version, logging each file
    in `sources`; files loaded before (same sha256) are skipped, and if all were, nothing is published."""
    if not docs:
        return []

    checked = {name: checks.check_before_saving(published, m) for name, _, m in docs}

    def load(w: Writer) -> list[Saved]:
        out: list[Saved] = []
        known = w.loaded_hashes()
        for name, data, m in docs:
            sha = hashlib.sha256(data).hexdigest()
            if sha in known:
                out.append(Saved(name, None, False))
                continue
            if m.held_on is None:
                raise MeetingError(msg("meetings.error.no_date", file=name))
            day = m.held_on.strftime("%Y-%m")
            # the note of a meeting file is its title: data, shown as it is
            sid = w.add_source(name, sha, "meetings", 1, (day, day), demo, note=m.title[:200])
            out.append(Saved(name, _insert(w, m, sid, checked[name]), True))
            known.add(sha)
        return out

    return publish(published, load, who=loaded_by, keep=keep)


def load_meeting_files(published: Path, paths: list[Path], demo: bool = False, loaded_by: str | None = None,
                       year: int | None = None) -> list[Saved]:
    """Load front-matter meeting files (the bundled default, or files confirmed beforehand) as they are."""
    docs = []
    for path in paths:
        data = Path(path).read_bytes()
        proposal = from_document(read_path(Path(path)), year=year, source=Path(path).name)
        docs.append((Path(path).name, data, proposal.meeting))
    return load_meeting_documents(published, docs, demo=demo, loaded_by=loaded_by)


def set_followup_done(published: Path, followup_id: int, done: bool = True, loaded_by: str | None = None) -> None:
    """Mark a follow-up done (or open again) in a new published version; the publication log names loaded_by."""
    def mark(w: Writer) -> None:
        if not w.rows("followup_done", followup_id=followup_id):
            raise MeetingError(msg("meetings.error.no_followup", id=followup_id))
        w.run("set_followup_done", done=done, followup_id=followup_id)

    publish(published, mark, who=loaded_by)


# --- reading -----------------------------------------------------------------------------------------------
def _english(rows: list[tuple]) -> dict[int, tuple[str | None, str | None]]:
    """followups_en rows as {followup_id: (text_en, owner_en)}; empty for a version without those columns."""
    return {int(r[0]): (r[1], r[2]) for r in rows if len(r) > 2}


def _assemble(store: Store, rows: list[tuple]) -> list[Meeting]:
    # r[7:10], title_en, summary_en and place_en, are there only in versions published since the columns were
    # added (see the SQL files); an older version's meetings read with None
    def en(r: tuple, i: int) -> str | None:
        return r[i] if len(r) > i else None
    meetings = {int(r[0]): Meeting(held_on=r[1], title=r[2], place=r[3], summary_md=r[4] or "", source=r[5],
                                   full_text=r[6] or "", meeting_id=int(r[0]), title_en=en(r, 7),
                                   summary_en=en(r, 8), place_en=en(r, 9))
                for r in rows}
    if not meetings:
        return []
    english = _english(store.rows("followups_en"))
    # the *_en columns of participants and topics: only in versions published since they were added
    people_en = {(int(r[0]), int(r[1])): (r[2], r[3]) for r in store.rows("participants_en") if len(r) > 3}
    topics_en = {(int(r[0]), r[1]): r[2] for r in store.rows("topics_en") if len(r) > 2}
    for mid, kind, pos, a, b, c, due_on, done, fid in store.rows("meeting_details"):
        m = meetings.get(int(mid))
        if m is None:
            continue
        if kind == "partner":
            m.partners.append(a)
        elif kind == "participant":
            m.participants.append(Participant(a, b, c, *people_en.get((int(mid), int(pos)), (None, None))))
        elif kind == "topic":
            m.topics.append(a)
            m.topics_en.append(topics_en.get((int(mid), a)))
        else:
            m.followups.append(FollowUp(a, b, due_on, bool(done), int(fid), *english.get(int(fid), (None, None))))
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
    english = _english(store.rows("followups_en")) if rows else {}
    return [(FollowUp(text, owner, due, bool(done), int(fid), *english.get(int(fid), (None, None))), int(mid),
             held_on, title)
            for fid, mid, text, owner, due, done, held_on, title in rows]
