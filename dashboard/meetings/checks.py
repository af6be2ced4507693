"""A check that stays true: the record of a meeting's checked figures, and what a newer data version changed.

When a meeting is saved (the form, `meeting add`, meeting files), its figures are checked against the data
version it is saved into and the record is stored with it (who, when, which version, every verdict). Every
reader re-checks the saved text against the version it serves (the Встречи page once per text and version)
and compares: a verdict that differs from the record is flagged with the old and the new verdict. A text
changed since its record (another text hash) is not compared: its record is about another text.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from dashboard.meetings.check import CheckedClaim, check_claims
from dashboard.meetings.claims import extract_claims
from dashboard.meetings.model import Meeting
from dashboard.store import answers
from dashboard.store.db import NoData, Store
from dashboard.store.publication import Writer
from dashboard.store.versions import current


@dataclass(frozen=True)
class Verdict:
    position: int
    quote: str
    metric: str
    partner: str | None
    period: str | None
    verdict: str
    data_value: float | None


@dataclass(frozen=True)
class Record:
    text_sha256: str
    data_version: str
    checked_at: dt.datetime
    checked_by: str
    verdicts: tuple[Verdict, ...]


@dataclass(frozen=True)
class Change:
    """A verdict of the record that the served data version no longer gives."""
    quote: str
    metric: str
    old: Verdict
    new: Verdict


def _text(m: Meeting) -> str:
    return m.full_text or m.summary_md


def text_hash(m: Meeting) -> str:
    """What the verdicts depend on besides the data: the text, its main partner and the meeting's date."""
    key = "\x1f".join([_text(m), m.partners[0] if m.partners else "", m.held_on.isoformat() if m.held_on else ""])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def check(store: Store, m: Meeting) -> list[CheckedClaim]:
    partner = m.partners[0] if m.partners else None
    return check_claims(store, extract_claims(_text(m), partner, m.held_on), m.held_on)


def verdicts(checked: list[CheckedClaim]) -> tuple[Verdict, ...]:
    return tuple(Verdict(i, c.claim.quote, c.claim.metric, c.claim.partner, c.period.code() if c.period else None,
                         c.verdict, c.to_dict()["data_value"]) for i, c in enumerate(checked, 1))


def check_before_saving(published: Path, m: Meeting) -> tuple[str, tuple[Verdict, ...]] | None:
    """(data version, verdicts) of the meeting against the version now served, which the save builds upon
    (a meeting changes no trade data); None when nothing is published yet."""
    if current(published) is None:
        return None
    store = Store(published)
    try:
        return answers.version_number(store), verdicts(check(store, m))
    except NoData:
        return None
    finally:
        store.close()


def write(w: Writer, meeting_id: int, m: Meeting, checked: tuple[str, tuple[Verdict, ...]] | None) -> None:
    """Store the check record of a meeting being saved (inside its publication)."""
    if checked is None:
        return
    version, found = checked
    sha, now = text_hash(m), dt.datetime.now()
    for v in found:
        w.run("insert_meeting_check", meeting_id=meeting_id, text_sha256=sha, data_version=version,
              checked_at=now, checked_by=w.who, position=v.position, quote=v.quote, metric=v.metric,
              partner=v.partner, period=v.period, verdict=v.verdict, data_value=v.data_value)


def records(store: Store) -> dict[int, Record]:
    """The latest check record of every meeting of the served version."""
    if not store.rows("meeting_checks_held")[0][0]:
        return {}
    rows: dict[int, list[tuple]] = {}
    for r in store.rows("meeting_checks_latest"):
        rows.setdefault(int(r[0]), []).append(r)
    return {mid: Record(rs[0][1], rs[0][2], rs[0][3], rs[0][4],
                        tuple(Verdict(int(r[5]), r[6], r[7], r[8], r[9], r[10], r[11]) for r in rs))
            for mid, rs in rows.items()}


def _same(a: Verdict, b: Verdict) -> bool:
    """The same verdict as a reader sees it: a mismatch names the data value, so a new value is a new verdict."""
    if a.verdict != b.verdict:
        return False
    if a.verdict != "mismatch" or a.data_value is None or b.data_value is None:
        return a.verdict != "mismatch" or a.data_value == b.data_value
    return abs(a.data_value - b.data_value) <= 1e-9 * max(1.0, abs(a.data_value))


def changes(record: Record | None, m: Meeting, now: tuple[Verdict, ...]) -> list[Change]:
    """The verdicts of the record that the data served now changes (none when the text is another)."""
    if record is None or record.text_sha256 != text_hash(m):
        return []
    then = {(v.position, v.quote, v.metric): v for v in record.verdicts}
    out = []
    for v in now:
        old = then.get((v.position, v.quote, v.metric))
        if old is not None and not _same(old, v):
            out.append(Change(v.quote, v.metric, old, v))
    return out
