"""Read access to the published database: one read-only connection per process, a cursor per query.

Queries live one per file in store/sql/<result>.sql (read by store/sqlfiles.py, the loader of every SQL file)
and take bound parameters ($name) only. The metric macros they build on (metrics.sql) are defined by this
module on every cursor it reads with, so a version file published by an older release, or served after a
rollback, is read with the current definitions; so are the views over the version's segments (store/segments.py).
"""
from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb

from dashboard.i18n.message import Msg
from dashboard.store import segments, sqlfiles, versions
from dashboard.store.sqlfiles import sql

if TYPE_CHECKING:  # pandas costs ~0.4 s to import: the CLI's JSON answers do without it
    import pandas as pd

T = TypeVar("T")
POOL = 8  # idle cursors kept, each with the macros defined: about the queries a process runs at once
# DuckDB's buffer pool of a reading process: by default 80 % of RAM, which it fills with the blocks the pages read
# (an app process on 100M rows grew to 700 MB); capped, blocks past it are read again from the OS file cache
READER_MEMORY = "256MB"


class NoData(RuntimeError):
    """Nothing is published yet."""


def _prepare(con: duckdb.DuckDBPyConnection) -> None:
    # SET, not a connect option: another connection of this process to the same file with other options would be
    # refused
    sqlfiles.run(con, "memory_limit", limit=READER_MEMORY)


class Store:
    """The published database as the app sees it; reopens by itself when a new version is published."""

    def __init__(self, published: Path):
        self.published = Path(published)
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._file: Path | None = None     # the file served (an older one if the current is damaged)
        self._target: Path | None = None   # the file the pointer named when _file was chosen
        self._idle: list[duckdb.DuckDBPyConnection] = []  # cursors of _con, macros defined, not in use
        self._layout: segments.Layout | None = None  # the segments of the served version, attached to _con
        self._damaged: dict[Path, str] = {}  # files a query found damaged (version files never change): reason
        # Set when the current version is damaged and an older one is served; the app shows it.
        self.warning: Msg | None = None

    @property
    def file(self) -> Path:
        cur = versions.current(self.published)
        if cur is None:
            raise NoData(f"no published database at {self.published}; run: python -m dashboard init")
        return cur

    @property
    def version(self) -> str:
        """Changes whenever a new version is published; used as the cache key of every query result."""
        self._connection()
        assert self._file is not None
        return self._file.name

    @property
    def served(self) -> Path:
        """The file actually queried (an older version while the current one is damaged)."""
        self._connection()
        assert self._file is not None
        return self._file

    def _connection(self) -> duckdb.DuckDBPyConnection:
        target = self.file
        with self._lock:
            if self._con is None or target != self._target:
                # Checked once per version: a damaged catalog is found here (a damaged data block by the query
                # that reads it, see _answer), and the newest sound version served before it (by the log) is
                # served instead, with a warning, until a good version is published.
                # The current version is checked on the connection that will read it (one open, not two);
                # only when it is not sound does versions.serve look for the version to serve instead.
                opened, reason = (None, None) if target in self._damaged else versions.open_sound(target, _prepare)
                if opened is None:
                    damaged = {**self._damaged, target: reason} if reason else self._damaged
                    serve, self.warning = versions.serve(self.published, damaged)
                    if serve is None:
                        raise NoData(f"no published database at {self.published}")
                    opened, reason = versions.open_sound(serve, _prepare)
                    if opened is None:
                        raise duckdb.IOException(reason or f"{serve.name} cannot be opened")
                else:
                    serve, self.warning = target, None
                # The old connection is not closed: a query of another session may still be using it;
                # it goes away with its last cursor.
                self._con, self._layout = opened
                self._file, self._target = serve, target
                self._close_idle()
            return self._con

    @contextlib.contextmanager
    def _cursor(self) -> Iterator[tuple[duckdb.DuckDBPyConnection, Path]]:
        """A cursor of the served version with the metric macros defined, and that version's file. A temporary
        macro lives in the cursor that made it (each cursor is a connection of its own) and defining them costs
        ~2 ms, so a cursor is kept for the next query rather than made anew; one that failed is dropped."""
        con = self._connection()
        with self._lock:
            cur = self._idle.pop() if con is self._con and self._idle else None
            file, lay = self._file, self._layout
        assert file is not None and lay is not None
        if cur is None:
            cur = con.cursor()
            sqlfiles.run(cur, "metrics")
            segments.define_views(cur, lay)  # temp views, like the macros: one set per cursor
        try:
            yield cur, file
        except BaseException:
            cur.close()
            raise
        with self._lock:
            if con is self._con and len(self._idle) < POOL:
                self._idle.append(cur)
                return
        cur.close()

    def df(self, name: str, **params: object) -> pd.DataFrame:
        return self._answer(lambda cur: cur.execute(sql(name), params or None).df())

    def rows(self, name: str, **params: object) -> list[tuple]:
        return self._answer(lambda cur: cur.execute(sql(name), params or None).fetchall())

    def dicts(self, name: str, **params: object) -> list[dict[str, Any]]:
        """Rows as dicts of plain Python values (None for NULL), without pandas."""
        def run(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
            cur.execute(sql(name), params or None)
            names = [d[0] for d in cur.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        return self._answer(run)

    def _answer(self, run: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run a query; a read error of the file (DuckDB checks a block's checksum only when a query reads the
        block, so opening a version cannot find it) moves the readers to the newest sound version served before
        it, by the log, with a warning, and the query is answered from there."""
        while True:
            with self._cursor() as (cur, file):
                try:
                    return run(cur)
                except duckdb.Error as e:
                    if not versions.is_damage(e):
                        raise
                    failed = e
            self._found_damaged(file, failed)

    def _found_damaged(self, file: Path, e: duckdb.Error) -> None:
        """Never serve `file` again. The loop of _answer ends: serve() passes over every damaged file and refuses
        (store.error.none_sound) when none is left."""
        with self._lock:
            self._damaged.setdefault(file, str(e).splitlines()[0][:200])
            if self._file == file:
                self._con = None  # the next query chooses again (the old connection ends with its last cursor)
                self._close_idle()

    def _close_idle(self) -> None:  # under the lock
        for cur in self._idle:
            cur.close()
        self._idle = []

    def close(self) -> None:
        with self._lock:
            self._close_idle()
            if self._con is not None:
                self._con.close()
            self._con = None
            self._file = self._target = None
