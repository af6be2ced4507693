"""python -m dashboard meeting add | check | list | done.

`meeting add FILE` reads a .txt / .md / .docx text (front matter optional, see document.py), proposes the
record (date, partners, participants, topics, follow-ups) and the check of its figures. It saves only when
confirmed: with --yes, or by answering "y" when run in a terminal. Not in a terminal and without --yes it
prints the proposal and exits 0 without saving anything, so scripts can preview safely.
Exit codes: 0 ok, 2 the file or the proposal is not usable (unreadable, no date: give --year), 3 the store
cannot be read or written.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.i18n import t
from dashboard.i18n.message import Msg, error_text, render
from dashboard.meetings.document import DocumentError, from_document, read_path
from dashboard.meetings.extract import Proposal

if TYPE_CHECKING:
    from dashboard.meetings.check import CheckedClaim
    from dashboard.meetings.model import Meeting



def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("meeting", help="meeting records: add a text, check its figures, list, close follow-ups")
    msub = p.add_subparsers(dest="meeting_command", required=True)
    add = msub.add_parser("add", help="propose a meeting from a .txt/.md/.docx text; save it with --yes")
    add.add_argument("file")
    add.add_argument("--year", type=int, help="year of a date written without one ('3 февраля')")
    add.add_argument("--date", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="the meeting's date")
    add.add_argument("--yes", action="store_true", help="save the proposal without asking")
    add.add_argument("--json", action="store_true")
    chk = msub.add_parser("check", help="check the figures quoted in a text against the data")
    chk.add_argument("file")
    chk.add_argument("--year", type=int, help="year of a date written without one")
    chk.add_argument("--date", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                     help="the meeting's date: periods such as 'в прошлом году' or 'с начала года' count from it")
    chk.add_argument("--json", action="store_true")
    lst = msub.add_parser("list", help="stored meetings, newest first")
    lst.add_argument("--partner", help="ISO alpha-2 code, e.g. KZ")
    lst.add_argument("--json", action="store_true")
    done = msub.add_parser("done", help="mark a follow-up done")
    done.add_argument("followup_id", type=int)
    done.add_argument("--undo", action="store_true", help="mark it open again")


def _store(db: Path):  # noqa: ANN202 - Store, imported late to keep the CLI start fast
    from dashboard.store.db import Store
    return Store(db)


def _checked(db: Path, proposal: Proposal, lang: str) -> tuple[list[CheckedClaim], str | None]:
    from dashboard.store.db import NoData
    try:
        from dashboard.meetings.check import check_claims  # the answer layer and pandas: only when checking
        return check_claims(_store(db), proposal.claims, proposal.meeting.held_on), None
    except NoData:
        return [], t("frame.no_data", lang, db=db)


def _note_text(n: Msg, lang: str) -> str:
    text = render(n, lang)
    return text + " (--year)" if n.key == "meetings.note.no_year" else text


def _notes_json(notes: list[Msg], lang: str) -> list[dict]:
    return [dict(n.to_json(), text=_note_text(n, lang)) for n in notes]


def _read(path: str, year: int | None, date: dt.date | None = None) -> Proposal:
    """The proposal for a file; a --date given is the meeting's date, and the claims' periods count from it."""
    p = Path(path)
    proposal = from_document(read_path(p), year=year or (date.year if date else None), source=p.name)
    if date is not None:
        from dashboard.meetings.claims import extract_claims
        from dashboard.meetings.document import DATE_NOTES, split_front_matter
        m = proposal.meeting
        m.held_on = date
        proposal.notes = [n for n in proposal.notes if n.key not in DATE_NOTES]
        proposal.claims = extract_claims(split_front_matter(m.full_text)[1] if m.full_text else "",
                                         m.partners[0] if m.partners else None, date)
    return proposal


def _print_checks(checked: list[CheckedClaim], lang: str) -> None:
    from dashboard.export import check_text
    for c in checked:
        d = check_text.as_dict(c, lang)
        metric = t(f"meetings.metric.{d['metric']}", lang)
        print(f"  «{d['quote']}» {metric} {d['partner'] or t('cli.meeting.region', lang)} {d['period'] or '?'}: "
              f"{d['verdict_text']}" + (f" [{d['scope_text']}]" if d["scope_text"] else "")
              + (f" — {d['note_text']}" if d["note_text"] else ""))


def _print_proposal(m: Meeting, lang: str) -> None:
    """The proposed record, a field a line, labelled in the CLI's language (values as the text has them)."""
    print(t("cli.meeting.date", lang, value=m.held_on or "?"))
    print(t("cli.meeting.title", lang, value=m.title))
    print(t("cli.meeting.place", lang, value=m.place or "?"))
    print(t("cli.meeting.partners", lang, value=", ".join(m.partners) or "?"))
    for p in m.participants:
        print(t("cli.meeting.participant", lang, name=p.name, role=p.role or "", side=p.side or "?"))
    print(t("cli.meeting.topics", lang, value=", ".join(m.topics)))
    for f in m.followups:
        print(t("cli.meeting.followup", lang, text=f.text, owner=f.owner or "—", due=f.due_on or "—",
                status=t(f"meetings.status.{f.status}", lang)))


def cmd_add(args: argparse.Namespace, db: Path) -> int:
    from dashboard.export import check_text  # the check's text: pandas and the answer layer
    lang = args.lang
    try:
        proposal = _read(args.file, args.year, args.date)
    except (OSError, DocumentError) as e:
        print(t("cli.cannot_read", lang, error=error_text(e, lang)), file=sys.stderr)
        return 2
    checked, err = _checked(db, proposal, lang)
    m = proposal.meeting
    out: dict = {}
    if args.json:
        out = {"meeting": {k: v for k, v in m.to_dict().items() if k != "full_text"},
               "claims": [check_text.as_dict(c, lang) for c in checked] or [c.to_dict() for c in proposal.claims],
               "notes": _notes_json(proposal.notes, lang) + ([{"key": None, "text": err}] if err else []),
               "saved": False}
    else:
        _print_proposal(m, lang)
        print(t("cli.meeting.figures", lang))
        _print_checks(checked, lang)
        for text in [_note_text(n, lang) for n in proposal.notes] + ([err] if err else []):
            print(f"! {text}")
    confirm = args.yes
    if not confirm and sys.stdin.isatty() and not args.json:
        # y/yes in either language, and да/д for a reader answering in Russian
        confirm = input(t("cli.meeting.confirm", lang)).strip().lower() in ("y", "yes", "д", "да")
    if not confirm:
        if args.json:
            print(json.dumps(out, ensure_ascii=False, indent=1, default=str))
        elif not sys.stdin.isatty():
            print(t("cli.meeting.preview_only", lang))
        return 0
    if not proposal.complete:
        reason = "; ".join(_note_text(n, lang) for n in proposal.notes) or t("cli.meeting.incomplete", lang)
        print(t("cli.not_saved", lang, error=reason), file=sys.stderr)
        return 2
    from dashboard.meetings.store_io import MeetingError, load_meeting_documents
    from dashboard.store.versions import StoreBusy, StoreError
    try:
        saved = load_meeting_documents(db, [(Path(args.file).name, Path(args.file).read_bytes(), m)])
    except (StoreBusy, StoreError, MeetingError, OSError) as e:
        print(t("cli.not_saved", lang, error=error_text(e, lang)), file=sys.stderr)
        return 3
    if args.json:
        out["saved"] = saved[0].loaded
        out["meeting"]["meeting_id"] = saved[0].meeting_id
        out["meeting"]["followups"] = [dict(fd, followup_id=f.followup_id)
                                      for fd, f in zip(out["meeting"]["followups"], m.followups, strict=True)]
        print(json.dumps(out, ensure_ascii=False, indent=1, default=str))
    else:
        print(render(saved[0].message, lang))
    return 0


def cmd_check(args: argparse.Namespace, db: Path) -> int:
    from dashboard.export import check_text  # the check's text: pandas and the answer layer
    lang = args.lang
    try:
        proposal = _read(args.file, args.year, args.date)
    except (OSError, DocumentError) as e:
        print(t("cli.cannot_read", lang, error=error_text(e, lang)), file=sys.stderr)
        return 2
    checked, err = _checked(db, proposal, lang)
    if err:
        print(err, file=sys.stderr)
        return 3
    if args.json:
        held = proposal.meeting.held_on
        print(json.dumps({"meeting_date": held.isoformat() if held else None,
                          "notes": _notes_json(proposal.notes, lang),
                          "claims": [check_text.as_dict(c, lang) for c in checked]}, ensure_ascii=False, indent=1))
    else:
        _print_checks(checked, lang)
    return 0


def cmd_list(args: argparse.Namespace, db: Path) -> int:
    from dashboard.meetings.store_io import list_meetings
    from dashboard.store.db import NoData
    lang = args.lang
    try:
        meetings = list_meetings(_store(db), args.partner)
    except NoData:
        print(t("frame.no_data", lang, db=db), file=sys.stderr)
        return 3
    from dashboard.export import check_text
    from dashboard.meetings import checks
    store = _store(db)
    records = checks.records(store)
    # each saved text re-checked against the version served: a verdict its record no longer holds is flagged
    changed = {m.meeting_id: checks.changes(records.get(m.meeting_id or -1), m,
                                            checks.verdicts(checks.check(store, m))) for m in meetings}
    today = dt.date.today()
    if args.json:
        out = []
        for m in meetings:
            d = {k: v for k, v in m.to_dict(today).items() if k != "full_text"}
            rec = records.get(m.meeting_id or -1)
            d["check"] = None if rec is None else {"checked_at": rec.checked_at.isoformat(timespec="seconds"),
                                                   "checked_by": rec.checked_by, "data_version": rec.data_version}
            d["check_changed"] = [{"quote": c.quote, "metric": c.metric, "old": c.old.verdict,
                                   "old_value": c.old.data_value, "new": c.new.verdict,
                                   "new_value": c.new.data_value} for c in changed[m.meeting_id]]
            out.append(d)
        print(json.dumps(out, ensure_ascii=False, indent=1, default=str))
        return 0
    for m in meetings:
        print(f"{m.meeting_id}\t{m.held_on}\t{','.join(m.partners)}\t{m.title}")
        rec = records.get(m.meeting_id or -1)
        if rec is not None and changed[m.meeting_id]:
            print("\t! " + t("meetings.check_changed", lang, day=rec.checked_at.date().isoformat(),
                              version=rec.data_version, who=rec.checked_by))
        for c in changed[m.meeting_id]:
            was, now = (_verdict(v.verdict, check_text.describe(c.metric, v.data_value, lang), lang)
                        for v in (c.old, c.new))
            print(f"\t!   «{c.quote}» {t(f'meetings.metric.{c.metric}', lang)}: {was} -> {now}")
        for f in m.followups:
            status = t(f"meetings.status.{f.status_on(today)}", lang)
            print(f"\t#{f.followup_id} [{status}] {f.text} | {f.owner or '—'} | {f.due_on or '—'}")
    return 0


def cmd_done(args: argparse.Namespace, db: Path) -> int:
    from dashboard.meetings.store_io import MeetingError, set_followup_done
    from dashboard.store.versions import StoreBusy, StoreError
    lang = args.lang
    try:
        set_followup_done(db, args.followup_id, done=not args.undo)
    except MeetingError as e:
        print(error_text(e, lang), file=sys.stderr)
        return 2
    except (StoreBusy, StoreError) as e:
        print(t("cli.not_changed", lang, error=error_text(e, lang)), file=sys.stderr)
        return 3
    print(t("cli.meeting.reopened" if args.undo else "cli.meeting.done", lang, id=args.followup_id))
    return 0


def _verdict(verdict: str, value: str, lang: str) -> str:
    """'differs (data: 212)' names its value already; the others are followed by it: 'confirmed (4)'."""
    text = t(f"meetings.verdict.{verdict}", lang, value=value)
    return text if verdict == "mismatch" else f"{text} ({value})"


def run(args: argparse.Namespace, db: Path) -> int:
    return {"add": cmd_add, "check": cmd_check, "list": cmd_list, "done": cmd_done}[args.meeting_command](args, db)
