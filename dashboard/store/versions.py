"""Published versions of the database: immutable files beside a pointer that is swapped atomically.

Layout, for DASHBOARD_DB=data/dashboard.duckdb:
    data/dashboard.duckdb            symlink -> the current version (the "pointer"; readers open this)
    data/dashboard.v000007.duckdb    published versions, never written again once published
    data/dashboard.lock              held by the single writer while it builds a new version

A writer copies the current version to a temporary file, changes it in one transaction, closes it and only
then renames it into place and swaps the pointer. A crash at any point leaves the pointer on a complete file.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from dashboard.i18n.message import Msg, msg
from dashboard.store import sqlfiles

VERSION_RE = re.compile(r"\.v(\d{6})\.duckdb$")
LOCK_WAIT_S = 30.0  # how long a second writer waits for the first before it is refused


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
    try:
        con = duckdb.connect(str(path), read_only=True)
        try:
            sqlfiles.run(con, "health_check").fetchall()
        finally:
            con.close()
    except (duckdb.Error, OSError) as e:
        return str(e).splitlines()[0][:200] if str(e) else type(e).__name__
    return None


def healthy_current(published: Path) -> tuple[Path | None, Msg | None]:
    """(file to serve, warning): the current version if it is sound, else the newest older sound one and a
    warning naming the damaged file; (None, None) when nothing is published; StoreError if none is sound."""
    cur = current(published)
    if cur is None:
        return None, None
    reason = is_healthy(cur)
    if reason is None:
        return cur, None
    cur_n = current_number(published)
    for n, p in reversed(versions(published)):
        if n < cur_n and is_healthy(p) is None:
            return p, msg("store.fallback", damaged=cur.name, reason=reason, serving=p.name)
    raise StoreError(msg("store.error.none_sound", damaged=cur.name, reason=reason))


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


def current(published: Path) -> Path | None:
    """The file the pointer names, or None when nothing is published yet."""
    if published.is_symlink():
        target = published.parent / os.readlink(published)
        return target if target.exists() else None
    return published if published.exists() else None


def current_number(published: Path) -> int:
    cur = current(published)
    if cur is None:
        return 0
    m = VERSION_RE.search(cur.name)
    return int(m.group(1)) if m else 0


def point_to(published: Path, target: Path) -> None:
    """Swap the pointer atomically: a reader sees either the old or the new version, never neither."""
    tmp = published.with_name(f".{published.name}.{os.getpid()}.link")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(target.name, tmp)
    os.replace(tmp, published)
    _fsync_dir(published.parent)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
    """A plain database file at the pointer's path (made by hand or an old layout) becomes version 1."""
    if published.exists() and not published.is_symlink():
        first = version_path(published, 1)
        os.replace(published, first)
        point_to(published, first)


@contextlib.contextmanager
def new_version(published: Path, keep: int = 5) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a read-write connection to a copy of the current version; publish it if the block succeeds.

    On any exception nothing is published and the temporary copy is removed. Writers go through
    store/publication.publish, which calls this.
    """
    with writer_lock(published):
        _adopt_plain_file(published)
        _remove_leftovers(published)
        number = max([n for n, _ in versions(published)] + [current_number(published)]) + 1
        final = version_path(published, number)
        tmp = final.with_name(f".{final.name}.tmp")
        src, _ = healthy_current(published)  # a damaged current version is not built upon
        con = None
        try:
            if src is not None:
                shutil.copyfile(src, tmp)
            fault_point("copied")
            con = duckdb.connect(str(tmp))
            con.begin()
            yield con
            fault_point("loaded")
            con.commit()
            con.checkpoint()
            con.close()
            con = None
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            fault_point("synced")
            os.replace(tmp, final)
            fault_point("renamed")
            point_to(published, final)
            fault_point("published")
        except (OSError, duckdb.IOException) as e:
            reason = getattr(e, "strerror", None) or str(e).splitlines()[0]
            raise StoreError(msg("store.error.cannot_publish", folder=str(published.parent), reason=reason)) from e
        finally:
            if con is not None:
                with contextlib.suppress(Exception):
                    con.close()
            for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
        prune(published, keep)


def _remove_leftovers(published: Path) -> None:
    """Temporary copies, their logs and pointer links of writers that were killed; called under the lock."""
    for pattern in (f".{published.stem}.v*.duckdb.tmp*", f".{published.name}.*.link"):
        for p in published.parent.glob(pattern):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()


def prune(published: Path, keep: int) -> None:
    """Delete the oldest versions beyond `keep`, never the current one."""
    cur = current(published)
    old = [p for _, p in versions(published) if p != cur]
    for p in old[: max(0, len(old) - (keep - 1))]:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def rollback(published: Path) -> Path:
    """Point back to the newest version older than the current one."""
    with writer_lock(published):
        cur_n = current_number(published)
        older = [(n, p) for n, p in versions(published) if n < cur_n]
        if not older:
            raise StoreError(msg("store.error.no_older"))
        target = older[-1][1]
        point_to(published, target)
        return target
