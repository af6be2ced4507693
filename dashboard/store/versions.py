"""Published versions of the database: immutable files beside a pointer that is swapped atomically.

Layout, for DASHBOARD_DB=data/dashboard.duckdb:
    data/dashboard.duckdb            symlink -> the current version (the "pointer"; readers open this)
    data/dashboard.v000007.duckdb    published versions, never written again once published
    data/dashboard.lock              held by the single writer while it builds a new version
    data/dashboard.history.jsonl     the publication log (store/history.py): which version is current, and why

A writer copies the current version to a temporary file (its small tables: the declarations and rollups live in
segments shared by versions, store/segments.py), changes it, closes it and only then renames it into place,
logs the publication and swaps the pointer. A crash at any point leaves the pointer
on a complete file the log made current; the log, not the version numbers, says what rollback returns to.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb

from dashboard.i18n.message import Msg, msg
from dashboard.store import history, segments, sqlfiles

VERSION_RE = re.compile(r"\.v(\d{6})\.duckdb$")
LOCK_WAIT_S = 30.0  # how long a second writer waits for the first before it is refused
# DuckDB's buffer pool of a writer: by default 80 % of RAM, which a bulk import fills with blocks already written
# (12 GB of RSS for 100M rows); capped, it evicts them instead, and sorts of a merge spill to the temporary folder
# beside the new version. What an import holds besides: the files being read (pipeline.READERS + 1).
WRITER_MEMORY = "2GB"
# DuckDB syncs a database's file at every commit and checkpoint, and a publication commits each of its statements
# (auto-commit: see segments.py), some 15 a file of an import, each a wait on the disk that grows when other work
# writes to it. A publication is made durable at its end instead: the new version's file and every segment it
# wrote are fsynced before the version is renamed into place (new_version, segments.close_for_write), and
# nothing it wrote is reachable before that, so a crash in between leaves only leftovers (_remove_leftovers).
WRITER_CONFIG: dict[str, str | bool | int | float | list[str]] = {"fsync_mode": "none"}
# DuckDB never gives a file's free blocks back to the disk, and every publication copies the version file whole: a
# version whose rows moved into a segment (a store made before segments; the whole-year rollup a release kept in the
# version file) is written again without them when more than this and more than half of the file is free.
COMPACT_FREE_BYTES = 8 * 2**20


class StoreError(RuntimeError):
    """The store cannot be written (read-only folder, full disk) or read. `message` says why, as a key of the
    store catalogue rendered where it is shown (i18n.message.error_text)."""

    def __init__(self, message: Msg):
        super().__init__(f"{message.key} {dict(message.params)}")  # for logs; people read the rendered message
        self.message = message


class StoreBusy(StoreError):
    """Another import holds the writer's lock."""


def fault_point(stage: str) -> None:
    """Test hook: DASHBOARD_FAULT_AT=<stage> parks the writer at that stage so a test can SIGKILL it there."""
    if os.environ.get("DASHBOARD_FAULT_AT") == stage:
        print(f"fault point {stage}", file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get("DASHBOARD_FAULT_SLEEP", "600")))


def is_healthy(path: Path) -> str | None:
    """None if the file opens read-only and its catalog and log of sources answer; else the reason."""
    opened, reason = open_sound(path)
    if opened is not None:
        opened[0].close()
    return reason


def open_sound(path: Path, prepare: Callable[[duckdb.DuckDBPyConnection], None] = lambda con: None,
               ) -> tuple[tuple[duckdb.DuckDBPyConnection, segments.Layout] | None, str | None]:
    """((read-only connection with the version's segments attached, their layout), None) if the file is sound as
    is_healthy checks it, else (None, the reason). `prepare` runs on the connection before the segments are attached (a
    reader's SET statements). A reader keeps this connection, so that a version is opened once, not once to check
    it and again to read it (a fresh CLI process spent ~0.06 s of its ~0.35 s doing both)."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except (duckdb.Error, OSError) as e:
        return None, _reason(e)
    try:
        prepare(con)
        lay = segments.attach(con, segments.folder(path))  # a missing segment makes the version unsound
        sqlfiles.run(con, "health_check").fetchall()
    except (duckdb.Error, OSError) as e:
        con.close()
        return None, _reason(e)
    except BaseException:
        con.close()
        raise
    return (con, lay), None


def _reason(e: BaseException) -> str:
    return str(e).splitlines()[0][:200] if str(e) else type(e).__name__


def is_damage(e: BaseException) -> bool:
    """A read error of the file itself (a block's checksum, an I/O failure), not a mistake in a query: DuckDB
    raises the plain duckdb.Error for a corrupt block and IOException when the file cannot be read."""
    if isinstance(e, duckdb.IOException | OSError):
        return True
    text = str(e).lower()
    return isinstance(e, duckdb.Error) and ("corrupt" in text or "checksum" in text)


def healthy_current(published: Path) -> tuple[Path | None, Msg | None]:
    """(file to serve, warning): the current version if it is sound, else the newest sound one served before it
    (by the log) and a warning naming both versions by number and date; (None, None) when nothing is published;
    StoreError if none is sound."""
    return serve(published, {})


def serve(published: Path, damaged: dict[Path, str]) -> tuple[Path | None, Msg | None]:
    """As healthy_current, passing over the files in `damaged` ({file: reason}: a read error seen by a reader)."""
    cur = current(published)
    if cur is None:
        return None, None
    reason = damaged.get(cur) or is_healthy(cur)
    if reason is None:
        return cur, None
    entries = history.read(published)  # versions are named by number and date from the log, never by file
    damaged_v = history.version_msg(entries, _number(cur))
    for p in served_before(published, cur):
        if p not in damaged and is_healthy(p) is None:
            return p, msg("store.fallback", damaged=damaged_v, reason=reason,
                          serving=history.version_msg(entries, _number(p)))
    raise StoreError(msg("store.error.none_sound", damaged=damaged_v, reason=reason))


def served_before(published: Path, cur: Path) -> list[Path]:
    """The kept versions that were current before `cur`, newest first, by the log (never orphans)."""
    numbers = history.chain(history.read(published))
    n = _number(cur)
    if n in numbers:
        numbers = numbers[: numbers.index(n)]
    paths = [version_path(published, k) for k in reversed(numbers) if k != n]
    return [p for p in paths if p.exists()]


def version_path(published: Path, number: int) -> Path:
    return published.with_name(f"{published.stem}.v{number:06d}.duckdb")


def versions(published: Path) -> list[tuple[int, Path]]:
    """All complete versions beside the pointer, oldest first."""
    found = []
    for p in published.parent.glob(f"{published.stem}.v*.duckdb"):
        m = VERSION_RE.search(p.name)
        if m:
            found.append((int(m.group(1)), p))
    return sorted(found)


def pointer_state(published: Path) -> str:
    """"ok" (a link to a version file of this store, in its folder), "plain" (a database file at the pointer's
    path), "missing", "dangling" (a link to nothing) or "outside" (a link to anything else)."""
    if not published.is_symlink():
        return "plain" if published.exists() else "missing"
    target = published.parent / os.readlink(published)
    if not target.exists():
        return "dangling"
    same_folder = target.resolve().parent == published.parent.resolve()
    ours = target.name.startswith(f"{published.stem}.v") and VERSION_RE.search(target.name)
    return "ok" if same_folder and ours and not target.is_symlink() else "outside"


def current(published: Path) -> Path | None:
    """The file readers serve: the one the pointer names; when the pointer is lost, dangling or points outside
    the store's folder, the current version by the log (the next writer repairs the pointer); None when nothing
    is published yet."""
    state = pointer_state(published)
    if state == "ok":
        return published.parent / os.readlink(published)
    if state == "plain":
        return published
    n = history.current(history.read(published))
    if n is not None and version_path(published, n).exists():
        return version_path(published, n)
    return None


def _number(path: Path | None) -> int:
    m = VERSION_RE.search(path.name) if path is not None else None
    return int(m.group(1)) if m else 0


def current_number(published: Path) -> int:
    return _number(current(published))


def point_to(published: Path, target: Path) -> None:
    """Swap the pointer atomically: a reader sees either the old or the new version, never neither."""
    tmp = published.with_name(f".{published.name}.{os.getpid()}.link")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(target.name, tmp)
    os.replace(tmp, published)
    segments.fsync(published.parent)


@contextlib.contextmanager
def writer_lock(published: Path, wait_s: float | None = None) -> Iterator[None]:
    """One writer at a time; a second import waits up to wait_s (LOCK_WAIT_S), then is refused clearly."""
    lock = published.with_name(f"{published.stem}.lock")
    try:
        published.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise StoreError(msg("store.error.cannot_write", folder=str(published.parent), reason=e.strerror)) from e
    try:
        deadline = time.monotonic() + (LOCK_WAIT_S if wait_s is None else wait_s)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusy(msg("store.error.busy")) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _adopt_plain_file(published: Path) -> None:
    """A plain database file at the pointer's path (made by hand or an old layout) becomes the next version."""
    if published.exists() and not published.is_symlink():
        first = version_path(published, max([n for n, _ in versions(published)] + [0]) + 1)
        os.replace(published, first)
        point_to(published, first)


def repair(published: Path, who: str) -> list[history.Entry]:
    """Make the pointer agree with the log before anything is built on it (under the writer's lock); the log.

    A pointer that is lost, dangling, points outside the folder or names another version than the log's current
    is set back to the log's current version, and the repair is logged. Without a log, a sound pointer starts
    one ("adopt"); a broken pointer with versions on disk refuses: a store is never rebuilt from nothing."""
    _adopt_plain_file(published)
    entries = history.read(published)
    state = pointer_state(published)
    logged = history.current(entries)
    if logged is None:
        if state == "ok":
            entries.append(history.Entry("adopt", history.now(), who, current_number(published)))
            history.append(published, entries[-1])
        elif state != "missing" or versions(published):
            raise StoreError(msg("store.error.pointer_lost", state=msg(f"store.pointer.{state}"),
                                 link=published.name))
        return entries
    target = version_path(published, logged)
    if not target.exists():
        raise StoreError(msg("store.error.current_gone", number=logged, published=history.when(entries, logged)))
    if state == "ok" and current(published) == target:
        return entries
    was = state if state != "ok" else "other"
    entries.append(history.Entry("repair", history.now(), who, logged, _number(current(published)) or None,
                                 {"was": was}))
    history.append(published, entries[-1])
    point_to(published, target)
    return entries


def _refuse_damaged(entries: list[history.Entry], src: Path) -> None:
    """Read every row of every table of the version to build on (DuckDB checks a block's checksum only when it
    reads the block), so a damaged version is refused here rather than copied."""
    from dashboard.store.checksum import version_checksums  # checksum imports this module
    try:
        version_checksums(src)  # the version's own tables; its segments are read by the queries that use them
    except (duckdb.Error, OSError) as e:
        # named by number and date; DuckDB's own words name the file, so they stay with the cause (and verify)
        raise StoreError(msg("store.error.damaged", version=history.version_msg(entries, _number(src)))) from e


@contextlib.contextmanager
def new_version(published: Path, keep: int = 5, record: dict | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a read-write connection to a copy of the current version; publish it if the block succeeds.

    On any exception nothing is published and the temporary copy is removed. `record` ({"by", "change", "at"}),
    which the block may fill in, goes into the publication log. Writers go through store/publication.publish,
    which calls this.
    """
    record = {} if record is None else record
    with writer_lock(published):
        entries = repair(published, str(record.get("by", "")))
        _remove_leftovers(published)
        number = max([n for n, _ in versions(published)] + [current_number(published)]) + 1
        final = version_path(published, number)
        tmp = final.with_name(f".{final.name}.tmp")
        src = current(published)
        con = None
        try:
            if src is not None:
                _refuse_damaged(entries, src)
                shutil.copyfile(src, tmp)
            fault_point("copied")
            con = duckdb.connect(str(tmp), config=WRITER_CONFIG)
            sqlfiles.run(con, "memory_limit", limit=WRITER_MEMORY)
            # auto-commit: a DuckDB transaction writes one database, and a publication writes this copy and its
            # segments (store/segments.py); it is all-or-nothing because nothing is reachable before the rename
            yield con
            fault_point("loaded")
            con.checkpoint()
            compact = _mostly_free(con)
            con.close()
            con = None
            if compact:
                _compact(tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            fault_point("synced")
            os.replace(tmp, final)
            fault_point("renamed")
            # the log first: a pointer never names a version the log did not make current
            history.append(published, history.Entry(
                "publish", str(record.get("at") or history.now()), str(record.get("by", "")), number,
                _number(src) or None, dict(record.get("change") or {})))
            point_to(published, final)
            fault_point("published")
        except (OSError, duckdb.IOException) as e:
            reason = getattr(e, "strerror", None) or str(e).splitlines()[0]
            raise StoreError(msg("store.error.cannot_publish", folder=str(published.parent), reason=reason)) from e
        finally:
            if con is not None:
                with contextlib.suppress(Exception):
                    con.close()
            for leftover in (tmp, tmp.with_name(tmp.name + ".wal"), *_compacting(tmp)):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
        prune(published, keep, str(record.get("by", "")))


def _compacting(tmp: Path) -> tuple[Path, Path]:
    """The file a version is compacted into (_compact), and its log."""
    out = tmp.with_name(tmp.name + ".compact")
    return out, out.with_name(out.name + ".wal")


def _mostly_free(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether most of the version open on `con` (checkpointed) is free blocks (COMPACT_FREE_BYTES). Once in a
    store's life: at the publication that moved its rows out."""
    free, total, size = sqlfiles.run(con, "free_space").fetchall()[0]
    return free * size > COMPACT_FREE_BYTES and 2 * free > total


def _compact(tmp: Path) -> None:
    """The closed version file `tmp` written again without its free blocks (every table, constraint and default:
    DuckDB's COPY FROM DATABASE), in its place."""
    out, _ = _compacting(tmp)
    con = duckdb.connect(config=WRITER_CONFIG)
    try:
        sqlfiles.run(con, "compact_version", src=str(tmp), out=str(out))
    finally:
        con.close()
    os.replace(out, tmp)


def _remove_leftovers(published: Path) -> None:
    """Temporary copies, their logs and pointer links of writers that were killed; called under the lock."""
    for pattern in (f".{published.stem}.v*.duckdb.tmp*", f".{published.name}.*.link"):
        for p in published.parent.glob(pattern):
            if p.is_dir() and not p.is_symlink():  # DuckDB's spill folder of a killed writer (<copy>.tmp)
                shutil.rmtree(p, ignore_errors=True)
                continue
            with contextlib.suppress(FileNotFoundError):
                p.unlink()


def prune(published: Path, keep: int, who: str = "") -> None:
    """Delete orphans (made after the log began, never made current) and the oldest versions beyond `keep`,
    never the current one; the log records what went."""
    cur = current(published)
    entries = history.read(published)
    found = versions(published)
    orphans = set(history.orphans(entries, [n for n, _ in found]))
    old = [(n, p) for n, p in found if p != cur and n not in orphans]
    gone = [(n, p) for n, p in found if n in orphans] + old[: max(0, len(old) - (keep - 1))]
    for _, p in gone:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
    segments.collect([p for _, p in versions(published)])  # the segments no kept version lists
    pruned = sorted(n for n, _ in gone if n not in orphans)
    if gone:
        change = {"pruned": pruned, "orphans": sorted(orphans)} if orphans else {"pruned": pruned}
        history.append(published, history.Entry("prune", history.now(), who, change=change))


def rollback(published: Path, who: str = "") -> Path:
    """Go back to the version that was current before the last publication still in effect (by the log, never by
    number); refused when that version was pruned or is damaged."""
    with writer_lock(published):
        entries = repair(published, who)
        chain = history.chain(entries)
        if len(chain) < 2:
            raise StoreError(msg("store.error.no_older"))
        target_n, cur_n = chain[-2], chain[-1]
        target = version_path(published, target_n)
        if not target.exists():
            raise StoreError(msg("store.error.pruned", version=history.version_msg(entries, target_n)))
        reason = is_healthy(target)
        if reason is not None:
            raise StoreError(msg("store.error.target_damaged", version=history.version_msg(entries, target_n)))
        history.append(published, history.Entry("rollback", history.now(), who, target_n, cur_n,
                                                {"kind": "rollback"}))
        point_to(published, target)
        return target


def rollback_target(published: Path) -> Path | None:
    """The version a rollback would go back to, if it is kept (the Данные page names it before asking)."""
    chain = history.chain(history.read(published))
    target = version_path(published, chain[-2]) if len(chain) >= 2 else None
    return target if target is not None and target.exists() else None
