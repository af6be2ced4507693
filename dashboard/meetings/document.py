"""Meeting documents: reading .txt / .md / .docx to text, and the front-matter format.

Front matter is TOML between two lines of `+++` at the very top of a .md or .txt file; everything after it is
the summary (Markdown). Every key is optional; what is missing is proposed from the text.

    +++
    date = 2023-02-03                      # TOML date
    title = "Встреча с послом Казахстана"
    title_en = "Meeting with the Ambassador of Kazakhstan"   # *_en: on English pages and slides; a missing one
    place = "Волгоград"                                       # shows the Russian text, marked as Russian
    place_en = "Volgograd"
    summary_en = "The Governor met the Ambassador…"           # the English summary (Markdown)
    partners = ["KZ"]                      # ISO alpha-2, main partner first
    source = "https://…"                   # link or file name
    topics = ["промышленная кооперация"]
    topics_en = ["industrial cooperation"] # by position in topics
    [[participants]]
    name = "Андрей Бочаров"
    role = "глава Волгоградской области"
    side = "region"                        # region | partner | other
    name_en = "Andrey Bocharov"            # without it the name is transliterated on English pages
    role_en = "Governor of Volgograd Oblast"
    [[followups]]
    text = "Встречи министерств Казахстана с волгоградскими предпринимателями"
    owner = "комитет экономической политики"
    text_en = "Meetings of Kazakhstan's ministries with Volgograd businesses"
    owner_en = "Committee for Economic Policy"
    due = 2023-06-30
    status = "open"                        # open | done ("overdue" is computed from the due date)
    +++
    Summary in Markdown…
"""
from __future__ import annotations

import datetime as dt
import io
import re
import tomllib
from pathlib import Path

from dashboard.i18n.message import Msg, MsgError, msg
from dashboard.meetings.claims import extract_claims
from dashboard.meetings.extract import Proposal, propose
from dashboard.meetings.model import FollowUp, Participant

# Notes that ask for what front matter can give: dropped when it gives it.
DATE_NOTES = frozenset({"meetings.note.no_date", "meetings.note.no_year", "meetings.note.no_such_date",
                        "meetings.note.year_from_text"})
PARTNER_NOTES = frozenset({"meetings.note.no_partner"})

EXTENSIONS = (".txt", ".md", ".docx")
FENCE = "+++"


class DocumentError(MsgError, ValueError):
    """The file cannot be read as a meeting text (wrong type, bad encoding, bad front matter); `message` says why
    (a key of meetings.error.*)."""


def read_text(name: str, data: bytes) -> str:
    """Text of an uploaded or local file: UTF-8 (with or without BOM) or CP1251 text, or a .docx document."""
    ext = Path(name).suffix.lower()
    if ext == ".docx":
        try:
            import docx  # python-docx
            doc = docx.Document(io.BytesIO(data))
        except Exception as e:  # a broken or non-docx file: python-docx's own words stay in the traceback
            raise DocumentError(msg("meetings.error.not_docx", file=name)) from e
        parts = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            parts.extend(" | ".join(c.text for c in row.cells) for row in table.rows)
        return "\n".join(parts)
    if ext not in EXTENSIONS:
        raise DocumentError(msg("meetings.error.file_type", file=name))
    for enc in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(enc).replace("\r\n", "\n")
        except UnicodeDecodeError:
            continue
    raise DocumentError(msg("meetings.error.encoding", file=name))


def read_path(path: Path) -> str:
    return read_text(path.name, Path(path).read_bytes())


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """(front matter, body); (None, text) when the text has none."""
    stripped = text.lstrip("\ufeff")
    lines = stripped.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return None, text
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise DocumentError(msg("meetings.error.not_closed")) from None
    try:
        front = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as e:
        raise DocumentError(_toml_error(e)) from e
    return front, "\n".join(lines[end + 1:]).strip("\n")


# tomllib ends its message with where it stopped (Python 3.14 gives it as attributes): the line is what a
# person can act on, the rest of its English sentence stays in the traceback
_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)$")


def _toml_error(e: tomllib.TOMLDecodeError) -> Msg:
    at = _AT_LINE.search(str(e))
    if at is None:
        return msg("meetings.error.front_matter")
    return msg("meetings.error.front_matter_at", line=int(at.group(1)) + 1, column=int(at.group(2)))  # after +++


def _date(v: object, key: str) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        raise DocumentError(msg("meetings.error.not_a_date", field=key, value=str(v))) from None


def _text(v: object) -> str | None:
    return (str(v).strip() or None) if v is not None else None


def _line_of(text: str, key: str, nth: int = 0) -> int:
    """The line of the text (1-based) where the front matter's `nth` `key = ` or `[[key]]` starts: where an
    error about it points (tomllib keeps no positions of what it parsed)."""
    at = re.compile(rf"^\s*(?:\[\[\s*{re.escape(key)}\s*\]\]|{re.escape(key)}\s*=)")
    lines = [i for i, line in enumerate(text.lstrip("\ufeff").split("\n"), 1) if at.match(line)]
    return lines[min(nth, len(lines) - 1)] if lines else 1


def _tables(front: dict, key: str, needs: str, text: str) -> list[dict]:
    """front[key] as a list of TOML tables ([[key]]), each with the text `needs`; a sentence with the line
    otherwise."""
    items = front[key]
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise DocumentError(msg("meetings.error.not_tables", field=key, line=_line_of(text, key)))
    for n, item in enumerate(items):
        if not _text(item.get(needs)):
            raise DocumentError(msg("meetings.error.missing_key", field=key, name=needs,
                                    line=_line_of(text, key, n)))
    return items


def _texts(front: dict, key: str, text: str) -> list[str]:
    """front[key] as a list of texts (["a", "b"]); a sentence with the line otherwise."""
    items = front[key]
    if not isinstance(items, list) or any(isinstance(x, (dict, list)) for x in items):
        raise DocumentError(msg("meetings.error.not_list", field=key, line=_line_of(text, key)))
    return [str(x).strip() for x in items]


def from_document(text: str, year: int | None = None, source: str | None = None,
                  held_on: dt.date | None = None) -> Proposal:
    """A proposal from a document: front-matter values win, the rest is extracted from the body. `held_on`, the
    meeting's date as the user gives it (`--date`, the form's date field), wins over both: relative and
    year-less periods of the claims count from it."""
    front, body = split_front_matter(text)
    proposal = propose(body, year=year or (held_on.year if held_on else None), source=source)
    m = proposal.meeting
    if held_on is None and front is not None:
        held_on = _date(front.get("date"), "date")
    if held_on is not None:
        m.held_on = held_on
        proposal.notes = [n for n in proposal.notes if n.key not in DATE_NOTES]
        partners = (front or {}).get("partners") or m.partners or [None]
        proposal.claims = extract_claims(body, str(partners[0]).upper() if partners[0] else None, held_on)
    if front is None:
        return proposal
    m.title = str(front.get("title") or m.title)
    if front.get("title_en"):
        m.title_en = str(front["title_en"]).strip() or None
    m.place = front.get("place", m.place)
    for key in ("place_en", "summary_en"):
        if front.get(key):
            setattr(m, key, str(front[key]).strip() or None)
    if front.get("partners"):
        m.partners = [str(p).upper() for p in front["partners"]]
        proposal.notes = [n for n in proposal.notes if n.key not in PARTNER_NOTES]
    m.source = front.get("source", m.source)
    if "topics" in front:
        m.topics = [t for t in _texts(front, "topics", text) if t]
    if "topics_en" in front:
        m.topics_en = [t or None for t in _texts(front, "topics_en", text)]
        if len(m.topics_en) > len(m.topics):
            raise DocumentError(msg("meetings.error.topics_en", topics=len(m.topics), english=len(m.topics_en),
                                    line=_line_of(text, "topics_en")))
    if "participants" in front:
        m.participants = [Participant(str(p["name"]).strip(), _text(p.get("role")), _text(p.get("side")),
                                      name_en=_text(p.get("name_en")), role_en=_text(p.get("role_en")))
                          for p in _tables(front, "participants", "name", text)]
    if "followups" in front:
        fus = []
        for f in _tables(front, "followups", "text", text):
            status = f.get("status", "open")
            if status not in ("open", "done"):
                raise DocumentError(msg("meetings.error.status", status=str(status)))
            fus.append(FollowUp(str(f["text"]), f.get("owner"), _date(f.get("due"), "due"), status == "done",
                                text_en=_text(f.get("text_en")), owner_en=_text(f.get("owner_en"))))
        m.followups = fus
    m.summary_md = body.strip()
    return proposal
