"""Read access to the published database: one read-only connection per process, a cursor per query.

Queries live one per file in store/sql/<result>.sql and take bound parameters ($name) only.
"""
from __future__ import annotations

import functools
import threading
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.store import versions

SQL_DIR = Path(__file__).with_name("sql")


@functools.cache
def sql(name: str) -> str:
    """The text of store/sql/<name>.sql; names come from code, never from user input."""
    if not name.replace("_", "").isalnum():
        raise ValueError(f"bad query name {name!r}")
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


class NoData(RuntimeError):
    """Nothing is published yet."""


class Store:
    """The published database as the app sees it; reopens by itself when a new version is published."""

    def __init__(self, published: Path):
        self.published = Path(published)
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._file: Path | None = None

    @property
    def file(self) -> Path:
        cur = versions.current(self.published)
        if cur is None:
            raise NoData(f"no published database at {self.published}; run: python -m dashboard init")
        return cur

    @property
    def version(self) -> str:
        """Changes whenever a new version is published; used as the cache key of every query result."""
        return self.file.name

    def _connection(self) -> duckdb.DuckDBPyConnection:
        target = self.file
        with self._lock:
            if self._con is None or target != self._file:
                # The old connection is not closed: a query of another session may still be using it;
                # it goes away with its last cursor.
                self._con = duckdb.connect(str(target), read_only=True)
                self._file = target
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
            self._file = None
