"""Import files into a new published version: every file is read and validated first; if any is bad,
nothing is loaded and the published version stays exactly as it was."""
from __future__ import annotations

import ctypes
import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from queue import Full, Queue
from typing import Any

from dashboard import config
from dashboard.i18n.message import Msg, dumps, msg
from dashboard.ingest import formats
from dashboard.ingest.format import Checked, Format
from dashboard.ingest.rawfile import Data, mapped, read_unpacked, sha256, unpack
from dashboard.ingest.report import ImportRejected, Issue, Report
from dashboard.store import rollups
from dashboard.store.publication import Writer
from dashboard.store.publication import publish as publish_with


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
    """Read and validate one file; raises ImportRejected with every problem found."""
    report = Report(name)
    unpacked = unpack(name, data, limit or config.max_upload_bytes(), report)
    if unpacked is None:
        raise ImportRejected(report)
    told = None if fmt == "auto" else formats.by_name(fmt)
    # a format's fast reader takes the usual clean file without a pass per row in Python; anything else is
    # read the careful way
    for f in formats.all_formats() if told is None else (told,):
        read_fast = getattr(f, "read_fast", None)
        fast = read_fast(*unpacked, today) if read_fast else None
        if fast is not None:
            return _parsed(name, data, f, fast)
    raw = read_unpacked(unpacked[0], bytes(unpacked[1]), report, quoted=True)  # the careful path: bytes
    if raw is None:
        raise ImportRejected(report)
    kind = told or formats.detect(raw.header)
    if kind is None:
        report.add(1, "", raw.header[0] if raw.header else "", "ingest.reason.unknown_format",
                   formats=tuple(msg(f"data.formats.{n}") for n in formats.NAMES))
        raise ImportRejected(report)
    parsed = kind.parse(raw, report, today)
    if parsed is None or not report.ok:
        raise ImportRejected(report)
    return _parsed(name, data, kind, parsed)


def _parsed(name: str, data: Data, kind: Format, parsed: object) -> Parsed:
    checked = kind.describe(parsed)
    if checked.rows == 0:
        report = Report(name)
        report.add(0, "", "", "ingest.reason.no_rows")
        raise ImportRejected(report)
    return Parsed(name, sha256(data), kind, parsed, checked)


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

    def load(w: Writer) -> list[Outcome]:
        outcomes: list[Outcome] = []
        known = w.loaded_hashes()
        for p in parsed:
            if p.sha256 in known:
                outcomes.append(Outcome(p.name, p.format, 0, False, None, ""))
                continue
            outcomes.append(_load_one(w, p, eaeu, demo))
            known.add(p.sha256)
        if any(o.loaded for o in outcomes):
            rollups.finish(w.con, replaced=any(o.replaced for o in outcomes))
        return outcomes

    return publish_with(published, load, who=loaded_by, keep=keep)


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
    return publish(published, _read_ahead(paths, fmt), eaeu=eaeu, demo=demo, loaded_by=loaded_by)


def keep_heap() -> None:
    """Have glibc's malloc serve large blocks from the heap and keep freed memory, for the rest of the process.

    A bulk import allocates and frees the same large buffers for every file (its columns, the rollup sums);
    by default each is a fresh mapping, paid again in page faults: about 5 % of an import at 10M rows. The
    memory kept is what the import used at its peak anyway. The CLI's import calls it (the process ends with
    the import), the app does not; without glibc it does nothing."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    m_trim_threshold, m_top_pad, m_mmap_threshold = -1, -2, -3  # <malloc.h>
    for option, value in ((m_mmap_threshold, 1 << 30), (m_trim_threshold, 2**31 - 1), (m_top_pad, 1 << 29)):
        libc.mallopt(ctypes.c_int(option), ctypes.c_int(value))


READERS = 2  # files read and checked at once, ahead of the one being stored


def _read_ahead(paths: list[Path], fmt: str) -> Iterator[Parsed]:
    """The files parsed and checked READERS at a time in other threads (the first alone), so that reading the
    next files overlaps storing this one (pyarrow, numpy and DuckDB release the GIL: both cores work). At most
    READERS files in the reading and one waiting, which bounds the memory. Bad files are reported together
    after the last good one is handed over."""
    queue: Queue[tuple[str, object]] = Queue(maxsize=1)
    stop = threading.Event()

    def put(item: tuple[str, object]) -> bool:
        while not stop.is_set():
            try:
                queue.put(item, timeout=0.1)
                return True
            except Full:
                continue
        return False

    def work() -> None:
        reports: list[Report] = []
        try:
            with ThreadPoolExecutor(READERS, thread_name_prefix="import-read") as pool:
                # the first file alone (nothing can be stored before it is read), then READERS at a time
                ahead = [pool.submit(parse_file, Path(paths[0]).name, mapped(Path(paths[0])), fmt)]
                for i in range(len(paths)):
                    error = ahead[i].exception()  # waits for file i
                    while len(ahead) < min(len(paths), i + 1 + READERS):
                        nxt = Path(paths[len(ahead)])
                        ahead.append(pool.submit(parse_file, nxt.name, mapped(nxt), fmt))
                    if isinstance(error, ImportRejected):
                        reports.append(error.report)
                        continue
                    if error is not None:
                        raise error
                    parsed = ahead[i].result()
                    if not reports and not put(("file", parsed)):  # after a bad file only the checks go on
                        for f in ahead[i + 1:]:
                            f.cancel()
                        return
            put(("bad", reports) if reports else ("end", None))
        except BaseException as e:  # handed to the loading thread, which raises it
            put(("error", e))

    thread = threading.Thread(target=work, name="import-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            kind, item = queue.get()
            if kind == "file":
                yield item  # type: ignore[misc]
            elif kind == "bad":
                raise ImportRejected(_merged(item))  # type: ignore[arg-type]
            elif kind == "error":
                raise item  # type: ignore[misc]
            else:
                return
    finally:
        stop.set()
        thread.join()


def _merged(reports: list[Report]) -> Report:
    merged = Report(", ".join(r.file_name for r in reports))
    for r in reports:
        for i in r.issues:
            merged.issues.append(Issue(i.line, i.column, i.value, i.reason, i.params, file=r.file_name))
        merged.total += r.total
    return merged
