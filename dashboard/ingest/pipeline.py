"""Import files into a new published version: every file is read and validated first; if any is bad,
nothing is loaded and the published version stays exactly as it was."""
from __future__ import annotations

import ctypes
import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from queue import Full, Queue
from typing import Any, Literal

import duckdb
import pyarrow as pa

from dashboard import config
from dashboard.i18n.message import Msg, dumps, msg
from dashboard.ingest import archive, formats
from dashboard.ingest import columns as col
from dashboard.ingest.format import Checked, Format
from dashboard.ingest.rawfile import Data, mapped, read_unpacked, sha256
from dashboard.ingest.report import ImportRejected, Issue, Report
from dashboard.store import rollups
from dashboard.store.publication import Writer
from dashboard.store.publication import publish as publish_with
from dashboard.store.versions import StoreError


@dataclass
class Parsed:
    name: str
    sha256: str
    kind: Format          # the format module (formats.py)
    data: Any             # what its parser returns
    checked: Checked

    @property
    def format(self) -> str:
        return self.kind.NAME

    @property
    def rows(self) -> int:
        return self.checked.rows


@dataclass
class Outcome:
    name: str
    format: str
    rows: int
    loaded: bool          # False: this exact file was loaded before, nothing changed
    eaeu_included: bool | None
    period: str
    notes: tuple[Msg, ...] = ()
    replaced: int = 0     # earlier declarations of the same months that this file replaced

    @property
    def messages(self) -> tuple[Msg, ...]:
        """What happened to the file, as keys of the data catalogue: rendered where it is shown."""
        if not self.loaded:
            return (msg("ingest.outcome.unchanged", file=self.name),)
        head = msg("ingest.outcome.loaded", file=self.name, rows=self.rows,
                   format=msg(f"data.formats.{self.format}"), period=self.period)
        scope = {True: (msg("ingest.scope.with_eaeu"),), False: (msg("ingest.scope.without_eaeu"),),
                 None: ()}[self.eaeu_included]
        return (head, *scope, *self.notes)


def parse_file(name: str, data: Data, fmt: str = "auto", today: dt.date | None = None,
               limit: int | None = None) -> Parsed:
    """Read and validate one file; raises ImportRejected with every problem found. Any other failure of a
    reader (a bug, a file no check foresaw) is a refusal too: a sentence for the reader, never a traceback."""
    name = col.printable(name)  # a newline in a file name never forges a line of the report
    report = Report(name)
    try:
        return _parse(name, data, fmt, today, limit or config.max_upload_bytes(), report)
    except ImportRejected:
        raise
    except Exception as e:  # noqa: BLE001 - every failure ends in the refusal report
        report.add(0, "", name, "ingest.reason.unreadable", error=type(e).__name__,
                   detail=col.printable(str(e))[:200])  # the detail for logs (str(issue)); the type is shown
        raise ImportRejected(report) from e


@dataclass
class _Read:
    kind: Format
    data: Any
    read: int | None  # data lines (records) read; None: a fast reader's, one row per line by construction
    deleted: int   # of them, DBF records marked deleted


def _parse(name: str, data: Data, fmt: str, today: dt.date | None, limit: int, report: Report) -> Parsed:
    found = archive.members(name, data, limit, report)
    if found is None:
        raise ImportRejected(report)
    told = None if fmt == "auto" else formats.by_name(fmt)
    if len(found) == 1:
        return _parsed(name, data, _read_one(*found[0], told, today, report))
    # an archive of several tables (a month a member): each read on its own, then joined into one file's data
    parts: list[_Read] = []
    for member, inner in found:
        sub = Report(member)
        try:
            parts.append(_read_one(member, inner, told, today, sub))
        except ImportRejected:
            inside = member.split(":", 1)[-1]
            report.issues.extend(Issue(i.line, i.column, i.value, i.reason, i.params, file=inside) for i in sub.issues)
            report.total += sub.total
    if not report.ok:
        raise ImportRejected(report)
    kinds = {p.kind.NAME for p in parts}
    if len(kinds) > 1:
        report.add(0, "", ", ".join(sorted(kinds)), "ingest.reason.zip_mixed_formats")
        raise ImportRejected(report)
    kind = parts[0].kind
    joined = kind.combine([p.data for p in parts], [m.split(":", 1)[-1] for m, _ in found], report)
    if joined is None or not report.ok:
        raise ImportRejected(report)
    read = None if any(p.read is None for p in parts) else sum(p.read or 0 for p in parts)
    return _parsed(name, data, _Read(kind, joined, read, sum(p.deleted for p in parts)))


def _read_one(name: str, data: Data, told: Format | None, today: dt.date | None, report: Report) -> _Read:
    # a format's fast reader takes the usual clean file without a pass per row in Python (one row per line:
    # pyarrow reads a blank line as a row of the wrong width, and then the fast reader gives up); anything
    # else is read the careful way
    for f in formats.all_formats() if told is None else (told,):
        read_fast = getattr(f, "read_fast", None)
        fast = read_fast(name, data, today) if read_fast else None
        if fast is not None:
            return _Read(f, fast, None, 0)
    raw = read_unpacked(name, bytes(data), report, quoted=True)  # the careful path: bytes
    if raw is None:
        raise ImportRejected(report)
    col.check_text(report, raw)
    kind = told or formats.detect(raw.header)
    if kind is None:
        report.add(1, "", raw.header[0] if raw.header else "", "ingest.reason.unknown_format",
                   formats=tuple(msg(f"data.formats.{n}") for n in formats.NAMES))
        raise ImportRejected(report)
    parsed = kind.parse(raw, report, today)
    if parsed is None or not report.ok:
        raise ImportRejected(report)
    return _Read(kind, parsed, raw.read, raw.deleted)


def _parsed(name: str, data: Data, r: _Read) -> Parsed:
    checked = r.kind.describe(r.data)
    if r.deleted:
        checked = replace(checked, notes=(*checked.notes, msg("ingest.note.deleted_records", n=r.deleted)),
                          skipped={**checked.skipped, "deleted": r.deleted})
    report = Report(name)
    if r.read is not None and checked.rows + sum(checked.skipped.values()) != r.read:  # nothing read may go unaccounted
        report.add(0, "", "", "ingest.reason.lines_unaccounted", read=r.read, rows=checked.rows,
                   skipped=sum(checked.skipped.values()))
        raise ImportRejected(report)
    if checked.rows == 0:
        report.add(0, "", "", "ingest.reason.no_rows")
        raise ImportRejected(report)
    return Parsed(name, sha256(data), r.kind, r.data, checked)


def _load_one(w: Writer, p: Parsed, eaeu: bool | None, demo: bool) -> Outcome:
    c = p.checked
    # the EAEU question applies to a format that says whether EAEU partners appear; told, or by that
    scope = None if c.eaeu_partners is None else (c.eaeu_partners if eaeu is None else eaeu)
    sid = w.add_source(p.name, p.sha256, p.format, c.rows, c.period, demo, note=dumps(c.notes), eaeu=scope,
                       regions=",".join(c.regions))
    replaced = p.kind.load(w, p.data, sid)
    notes = c.notes + ((msg("ingest.note.replaced", n=replaced),) if replaced else ())
    return Outcome(p.name, p.format, c.rows, True, scope, f"{c.period[0]}..{c.period[1]}", notes,
                   replaced=replaced)


def publish(published: Path, parsed: Iterable[Parsed], eaeu: bool | None = None, demo: bool = False,
            loaded_by: str | None = None, keep: int | None = None) -> list[Outcome]:
    """Load validated files into one new version and publish it (or nothing, if all are known). `parsed` may
    be a generator that raises ImportRejected after its last file: then nothing is published."""

    names: list[str] = []

    def load(w: Writer) -> list[Outcome]:
        outcomes: list[Outcome] = []
        known = w.loaded_hashes()
        for p in parsed:
            names.append(p.name)
            if p.sha256 in known:
                outcomes.append(Outcome(p.name, p.format, 0, False, None, ""))
                continue
            outcomes.append(_load_one(w, p, eaeu, demo))
            known.add(p.sha256)
        if any(o.loaded for o in outcomes):
            rollups.finish(w.con, replaced=any(o.replaced for o in outcomes), held=w.held)
        return outcomes

    try:
        return publish_with(published, load, who=loaded_by, keep=keep)
    except (ImportRejected, StoreError):
        raise
    except Exception as e:  # noqa: BLE001 - every failure while loading ends in a sentence
        if isinstance(e, MACHINE) or any(s in str(e) for s in MACHINE_WORDS):
            # the machine failed (a full disk at the commit or the checkpoint, memory): exit 3, as a StoreError
            reason = next((w for w in MACHINE_WORDS if w in str(e)), None) or col.printable(
                str(e).strip().splitlines()[-1] if str(e).strip() else type(e).__name__)
            raise StoreError(msg("store.error.cannot_publish", folder=str(published.parent), reason=reason)) from e
        report = Report(", ".join(names))
        report.add(0, "", "", "ingest.reason.load_failed", error=type(e).__name__,
                   detail=col.printable(str(e))[:200])
        raise ImportRejected(report) from e


# DuckDB's errors of the machine rather than of the data (a FatalException invalidates the database: the new
# version is dropped by versions.new_version, nothing published)
MACHINE = (OSError, MemoryError, duckdb.IOException, duckdb.FatalException, duckdb.OutOfMemoryException,
           duckdb.PermissionException)
# what DuckDB's other errors say when the disk is full or read-only (a full disk at the commit comes as a
# TransactionException)
MACHINE_WORDS = ("No space left on device", "Read-only file system", "Permission denied", "Disk quota exceeded")


def import_paths(published: Path, paths: list[Path], fmt: str = "auto", eaeu: bool | None = None,
                 demo: bool = False, loaded_by: str | None = None) -> list[Outcome]:
    """Validate every file and load them all in one new version. Raises ImportRejected listing every
    problem of every bad file; then nothing is published."""
    if len(paths) == 1:  # nothing to overlap, and a bad file is refused before the store is touched
        try:
            parsed = [parse_file(Path(paths[0]).name, mapped(Path(paths[0])), fmt)]
        except ImportRejected as e:
            raise ImportRejected(_merged([e.report])) from None
        return publish(published, parsed, eaeu=eaeu, demo=demo, loaded_by=loaded_by)
    reading = _Reading(paths, fmt)  # the first files are read while the publication is set up
    try:
        return publish(published, _read_ahead(paths, fmt, reading), eaeu=eaeu, demo=demo, loaded_by=loaded_by)
    finally:
        reading.stop()  # when the publication failed before it asked for a file


def keep_heap() -> None:
    """Have glibc's malloc serve large blocks from the heap and keep freed memory, for the rest of the process.

    A bulk import allocates and frees the same large buffers for every file (its columns, the rollup sums);
    by default each is a fresh mapping, paid again in page faults: about 5 % of an import at 10M rows. The
    memory kept is what the import used at its peak anyway. pyarrow's own allocations (dictionaries, takes,
    joined chunks) are served from that heap too: its default pool (mimalloc) hands freed pages back to the system
    and faults them in again, zeroed, for the next file (~3 % of an import's CPU at 2M rows, in the kernel). The
    CLI's import calls it (the process ends with the import), the app does not; without glibc it does nothing."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    pa.set_memory_pool(pa.system_memory_pool())
    m_trim_threshold, m_top_pad, m_mmap_threshold = -1, -2, -3  # <malloc.h>
    for option, value in ((m_mmap_threshold, 1 << 30), (m_trim_threshold, 2**31 - 1), (m_top_pad, 1 << 29)):
        libc.mallopt(ctypes.c_int(option), ctypes.c_int(value))


READERS = 2  # files read and checked at once, ahead of the one being stored


# what the reading thread hands over: a parsed file, the reports of the bad files, an exception, or the end
_Handed = (tuple[Literal["file"], Parsed] | tuple[Literal["bad"], list[Report]]
           | tuple[Literal["error"], BaseException] | tuple[Literal["end"], None])


class _Reading:
    """The reading thread of an import: the files parsed and checked READERS at a time in other threads, started
    as soon as the import is asked for, so that the first files are read while the publication is set up (the
    writer's lock, the copy of the version, its schema and reference tables, the new segment) and reading the
    next files overlaps storing this one (pyarrow, numpy and DuckDB release the GIL: both cores work). At most
    READERS files in the reading and one waiting, which bounds the memory. Bad files are reported together after
    the last good one is handed over."""

    def __init__(self, paths: list[Path], fmt: str):
        self.queue: Queue[_Handed] = Queue(maxsize=1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._work, args=(paths, fmt), name="import-read-ahead",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop reading (files being parsed are finished and dropped) and wait for the thread; idempotent."""
        self._stop.set()
        self._thread.join()

    def _put(self, item: _Handed) -> bool:
        while not self._stop.is_set():
            try:
                self.queue.put(item, timeout=0.1)
                return True
            except Full:
                continue
        return False

    def _work(self, paths: list[Path], fmt: str) -> None:
        reports: list[Report] = []
        try:
            with ThreadPoolExecutor(READERS, thread_name_prefix="import-read") as pool:
                ahead: list[Future[Parsed] | None] = []
                for i in range(len(paths)):
                    while len(ahead) < min(len(paths), i + READERS):
                        nxt = Path(paths[len(ahead)])
                        ahead.append(pool.submit(parse_file, nxt.name, mapped(nxt), fmt))
                    current = ahead[i]
                    assert current is not None
                    # let go of file i once handed over: a future keeps its result, and a list of them would
                    # hold every file of the import until its end (11 GB at 100M rows)
                    ahead[i] = None
                    error = current.exception()  # waits for file i
                    while len(ahead) < min(len(paths), i + 1 + READERS):
                        nxt = Path(paths[len(ahead)])
                        ahead.append(pool.submit(parse_file, nxt.name, mapped(nxt), fmt))
                    if isinstance(error, ImportRejected):
                        reports.append(error.report)
                        continue
                    if error is not None:
                        raise error
                    parsed = current.result()
                    del current
                    if not reports and not self._put(("file", parsed)):  # after a bad file only the checks go on
                        for f in ahead[i + 1:]:
                            if f is not None:
                                f.cancel()
                        return
                    del parsed
            self._put(("bad", reports) if reports else ("end", None))
        except BaseException as e:  # handed to the loading thread, which raises it
            self._put(("error", e))


def _read_ahead(paths: list[Path], fmt: str, reading: _Reading | None = None) -> Iterator[Parsed]:
    """The parsed files in order, from `reading` (started by the caller) or from a reading started here."""
    reading = reading or _Reading(paths, fmt)
    try:
        while True:
            handed = reading.queue.get()
            if handed[0] == "file":
                yield handed[1]
            elif handed[0] == "bad":
                raise ImportRejected(_merged(handed[1]))
            elif handed[0] == "error":
                raise handed[1]
            else:
                return
    finally:
        reading.stop()


def _merged(reports: list[Report]) -> Report:
    merged = Report(", ".join(r.file_name for r in reports))
    for r in reports:
        for i in r.issues:
            merged.issues.append(Issue(i.line, i.column, i.value, i.reason, i.params, file=r.file_name))
        merged.total += r.total
    return merged
