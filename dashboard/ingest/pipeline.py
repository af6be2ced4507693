"""Import files into a new published version: every file is read and validated first; if any is bad,
nothing is loaded and the published version stays exactly as it was."""
from __future__ import annotations

import ctypes
import datetime as dt
import getpass
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from queue import Full, Queue
from typing import Literal

import duckdb
import pandas as pd

from dashboard import config
from dashboard.ingest import comtrade, dbf, firms, fts, fts_fast
from dashboard.ingest.rawfile import Data, mapped, read_unpacked, sha256, unpack
from dashboard.ingest.report import ImportRejected, Report
from dashboard.reference.partners import in_group
from dashboard.store import build, rollups, versions

Format = Literal["auto", "fts", "comtrade", "firms"]
FORMATS: tuple[str, ...] = ("auto", "fts", "comtrade", "firms")


@dataclass
class Parsed:
    name: str
    sha256: str
    format: str
    data: fts.FtsData | comtrade.ComtradeData | firms.FirmsData
    rows: int
    note: str = ""
    # an FTS file's rollup rows, summed while the file is read (in the reading thread of import_paths)
    rollup: rollups.Delta | None = None


@dataclass
class Outcome:
    name: str
    format: str
    rows: int
    loaded: bool          # False: this exact file was loaded before, nothing changed
    eaeu_included: bool | None
    period: str
    note: str
    replaced: int = 0     # earlier declarations of the same months that this file replaced

    def line(self) -> str:
        if not self.loaded:
            return f"{self.name}: already loaded (same sha256), nothing changed"
        scope = {True: "with EAEU trade", False: "without EAEU trade", None: ""}[self.eaeu_included]
        bits = [f"{self.rows} rows", self.format, self.period, scope, self.note]
        return f"{self.name}: loaded " + ", ".join(b for b in bits if b)


def detect(header: list[str]) -> str | None:
    for name, mod in (("fts", fts), ("comtrade", comtrade), ("firms", firms)):
        if mod.looks_like(header):
            return name
    return None


def parse_file(name: str, data: Data, fmt: str = "auto", today: dt.date | None = None,
               limit: int | None = None) -> Parsed:
    """Read and validate one file; raises ImportRejected with every problem found."""
    report = Report(name)
    unpacked = unpack(name, data, limit or config.max_upload_bytes(), report)
    if unpacked is None:
        raise ImportRejected(report)
    # the usual clean FTS unload is read without a pass per row in Python; anything else the careful way
    if fmt in ("auto", "fts") and not dbf.looks_like_dbf(unpacked[0]):
        fast = fts_fast.read_clean(*unpacked, today)
        if fast is not None:
            return _parsed(name, data, "fts", fast)
    raw = read_unpacked(unpacked[0], bytes(unpacked[1]), report, quoted=True)  # the careful path: bytes
    if raw is None:
        raise ImportRejected(report)
    kind = detect(raw.header) if fmt == "auto" else fmt
    if kind is None:
        report.add(1, "", raw.header[0] if raw.header else "",
                   "unknown format: the header is not an FTS unload, a UN Comtrade file or a firm-count table")
        raise ImportRejected(report)
    parser = {"fts": fts.parse, "comtrade": comtrade.parse, "firms": firms.parse}[kind]
    parsed = parser(raw, report, today)
    if parsed is None or not report.ok:
        raise ImportRejected(report)
    return _parsed(name, data, kind, parsed)


def _parsed(name: str, data: Data, kind: str,
            parsed: fts.FtsData | comtrade.ComtradeData | firms.FirmsData) -> Parsed:
    report = Report(name)
    if isinstance(parsed, fts.FtsData):
        rows, note = parsed.table.num_rows, (f"ignored columns: {', '.join(parsed.ignored_columns)}"
                                             if parsed.ignored_columns else "")
        note = "; ".join(n for n in (note, fts.region_note(parsed, config.region())) if n)
    elif isinstance(parsed, comtrade.ComtradeData):
        rows = len(parsed.trade)
        note = f"{parsed.skipped_aggregates} world/area rows skipped" if parsed.skipped_aggregates else ""
    else:
        rows, note = len(parsed.firms), ""
    if rows == 0:
        report.add(0, "", "", "no data rows left to load")
        raise ImportRejected(report)
    rollup = rollups.deltas(parsed.table) if isinstance(parsed, fts.FtsData) else None
    return Parsed(name, sha256(data), kind, parsed, rows, note, rollup)


def _eaeu(parsed: Parsed, eaeu: bool | None) -> bool | None:
    """Whether a source counts EAEU trade: as told, else whether any EAEU partner appears in it."""
    if parsed.format != "fts":
        return None
    if eaeu is not None:
        return eaeu
    assert isinstance(parsed.data, fts.FtsData)
    return any(in_group(c, "EAEU") for c in parsed.data.distinct("partner"))


def _insert_source(con: duckdb.DuckDBPyConnection, p: Parsed, eaeu: bool | None, regions: str,
                   period: tuple[str, str], demo: bool, who: str) -> int:
    sid = build.next_id(con, "sources", "source_id")
    con.execute("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [sid, Path(p.name).name, p.sha256, p.format, p.rows, eaeu, regions, period[0], period[1],
                 demo, who, dt.datetime.now(), p.note or None])
    return sid


def _load_one(con: duckdb.DuckDBPyConnection, p: Parsed, eaeu: bool | None, demo: bool, who: str) -> Outcome:
    data = p.data
    if isinstance(data, fts.FtsData):
        period = fts.period_bounds(data)
        scope = _eaeu(p, eaeu)
        sid = _insert_source(con, p, scope, ",".join(sorted(data.regions["code"])), period, demo, who)
        delta = p.rollup
        assert delta is not None  # _parsed sums every FTS file's rollup rows as it is read
        n_old = rollups.replace_months(con, delta)  # a newer file of the same months replaces the older one
        # handed over as Arrow: DuckDB reads the dictionary-encoded text columns without a copy per value
        con.register("_new", data.table)
        con.execute("INSERT INTO trade BY NAME SELECT *, ? AS source_id FROM _new", [sid])
        con.unregister("_new")
        rollups.add(con, delta, sid)
        con.register("_reg", data.regions)
        con.execute("INSERT OR REPLACE INTO regions SELECT code, name, district FROM _reg")
        con.unregister("_reg")
        note = p.note + (f"; replaced {n_old} earlier rows of the same months" if n_old else "")
        return Outcome(p.name, p.format, p.rows, True, scope, f"{period[0]}..{period[1]}", note.strip("; "),
                       replaced=n_old)
    if isinstance(data, comtrade.ComtradeData):
        years = (str(data.trade["year"].min()), str(data.trade["year"].max()))
        sid = _insert_source(con, p, None, "", years, demo, who)
        con.register("_new", data.trade)
        con.execute("""DELETE FROM comtrade c WHERE EXISTS (SELECT 1 FROM (SELECT DISTINCT reporter, year, month
                       FROM _new) k WHERE k.reporter = c.reporter AND k.year = c.year AND k.month = c.month)""")
        con.execute("INSERT INTO comtrade BY NAME SELECT *, ? AS source_id FROM _new", [sid])
        con.unregister("_new")
        return Outcome(p.name, p.format, p.rows, True, None, f"{years[0]}..{years[1]}", p.note)
    years = (str(data.firms["year"].min()), str(data.firms["year"].max()))
    sid = _insert_source(con, p, None, "", years, demo, who)
    con.register("_new", data.firms)
    con.execute("DELETE FROM firms f WHERE EXISTS (SELECT 1 FROM _new n WHERE n.year = f.year "
                "AND n.partner = f.partner AND n.kind = f.kind)")
    con.execute("INSERT INTO firms BY NAME SELECT *, ? AS source_id FROM _new", [sid])
    con.unregister("_new")
    return Outcome(p.name, p.format, p.rows, True, None, f"{years[0]}..{years[1]}", p.note)


class _Unchanged(Exception):
    """Every file was loaded before: publish nothing."""


def publish(published: Path, parsed: Iterable[Parsed], eaeu: bool | None = None, demo: bool = False,
            loaded_by: str | None = None, keep: int | None = None) -> list[Outcome]:
    """Load validated files into one new version and publish it (or nothing, if all are known). `parsed` may
    be a generator that raises ImportRejected after its last file: then nothing is published."""
    who = loaded_by or _user()
    outcomes: list[Outcome] = []
    try:
        with versions.new_version(published, keep or config.keep_versions()) as con:
            build.apply_schema(con)
            build.refresh_reference(con)
            known = build.loaded_hashes(con)
            for p in parsed:
                if p.sha256 in known:
                    outcomes.append(Outcome(p.name, p.format, 0, False, None, "", ""))
                    continue
                outcomes.append(_load_one(con, p, eaeu, demo, who))
                known.add(p.sha256)
            if not any(o.loaded for o in outcomes) and versions.current(published) is not None:
                raise _Unchanged
            rollups.finish(con, replaced=any(o.replaced for o in outcomes))
            build.define_metrics(con)
            has_real = con.execute("SELECT count(*) FROM sources WHERE NOT is_demo AND format = 'fts'").fetchone()
            build.set_meta(con, "demo", "0" if has_real and has_real[0] else "1")
            build.set_meta(con, "published_at", dt.datetime.now().isoformat(timespec="seconds"))
    except _Unchanged:
        pass
    return outcomes


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
            merged.add(i.line, i.column, i.value, f"[{r.file_name}] {i.reason}")
        merged.total += r.total - len(r.issues)
    return merged


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def frame_summary(df: pd.DataFrame) -> str:
    return f"{len(df)} rows"
