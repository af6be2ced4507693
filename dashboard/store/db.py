"""Read access to the published database: one read-only connection per process, a cursor per query.

Queries live one per file in store/sql/<result>.sql (read by store/sqlfiles.py, the loader of every SQL file)
and take bound parameters ($name) only.
"""
from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.i18n.message import Msg
from dashboard.store import versions
from dashboard.store.sqlfiles import sql


class NoData(RuntimeError):
    """Nothing is published yet."""


class Store:
    """The published database as the app sees it; reopens by itself when a new version is published."""

    def __init__(self, published: Path):
        self.published = Path(published)
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._file: Path | None = None     # the file served (an older one if the current is damaged)
        self._target: Path | None = None   # the file the pointer named when _file was chosen
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
                # Checked once per version: a damaged file is detected here, and the newest sound older
                # version is served instead, with a warning, until a good version is published.
                serve, self.warning = versions.healthy_current(self.published)
                if serve is None:
                    raise NoData(f"no published database at {self.published}")
                # The old connection is not closed: a query of another session may still be using it;
                # it goes away with its last cursor.
                self._con = duckdb.connect(str(serve), read_only=True)
                self._file, self._target = serve, target
            return self._con

    def df(self, name: str, **params: object) -> pd.DataFrame:
        cur = self._connection().cursor()
        try:
            return cur.execute(sql(name), params or None).df()
        finally:
            cur.close()

    def rows(self, name: str, **params: object) -> list[tuple]:
        cur = self._connection().cursor()
        try:
            return cur.execute(sql(name), params or None).fetchall()
        finally:
            cur.close()

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
            self._con = None
            self._file = self._target = None
