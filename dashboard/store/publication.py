"""The one door for writes: a publication lends the connection of a new version to a function and owns what
every publication does around it (Datasette's `execute_write_fn` is the model).

    def add(w: Writer) -> int: ...
    publish(published, add, who="ivanova")

Around the function: the writer's lock, a copy of the current version (its small tables: declarations and
rollups live in segments shared by versions, store/segments.py, and the function's new rows go into a new one),
the schema, the reference tables, then (after the function) the whole-year rows of what it touched, into its new
segment (rollups.keep_years), the meta values `demo` and `published_at` and the entry of the publication log
(store/history.py: who, when, what changed, from the statements the function ran); the version is
published atomically or, on any exception, not at all (store/versions.py). A publication in which the
function ran no write statement publishes nothing, unless nothing is published yet (the first version is
the schema itself) or the schema of the current version was converted (store/build.py).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb

from dashboard import config
from dashboard.store import build, history, rollups, segments, sqlfiles, versions

T = TypeVar("T")


class Writer:
    """What the function is lent: the write statements of store/sql/write, by name."""

    def __init__(self, con: duckdb.DuckDBPyConnection, who: str):
        self.con = con
        self.who = who
        self.changed = False
        self.statements: list[tuple[str, dict]] = []  # what ran, for the publication log (history.change_of)
        self.held = rollups.Held()  # rows of the new segment waiting to fill a row group (fts.load, rollups.finish)

    def run(self, name: str, /, **params: object) -> None:
        """Execute the write statements of the file `name` with bound parameters."""
        self.changed = True
        self.statements.append((name, params))
        sqlfiles.run(self.con, name, **params)

    def beside(self, name: str, /, frames: dict[str, object], **params: object) -> Beside:
        """Start the write statements of the file `name` (reading the pandas or Arrow `frames` by name) on a
        second connection to this version, in a thread of their own, so that DuckDB runs them while this
        connection runs others; join() waits for them. The two connections must not write the same table: each
        statement commits on its own (auto-commit), and the publication is all-or-nothing by its rename
        (versions.py), not by a transaction, so nothing is lost by the second connection."""
        self.changed = True
        self.statements.append((name, params))
        return Beside(self.con.cursor(), name, frames, params)

    def rows(self, name: str, /, **params: object) -> list[tuple]:
        """The rows of a query read inside the publication (what this version holds so far)."""
        return sqlfiles.run(self.con, name, **params).fetchall()

    def value(self, name: str, /, **params: object) -> object:
        """The first column of the query's first row, or None when it has no row."""
        rows = self.rows(name, **params)
        return rows[0][0] if rows else None

    def frames(self, **frames: object) -> contextlib.AbstractContextManager[None]:
        """`with w.frames(_new=table): w.run(...)`: pandas or Arrow tables the statements read by name."""
        return sqlfiles.registered(self.con, **frames)

    def next_id(self, table: str) -> int:
        """The next free number of `sources`, `meetings` or `followups`."""
        cur = sqlfiles.run(self.con, "next_ids")
        names = [d[0] for d in cur.description]
        row = cur.fetchone()
        assert row is not None
        return int(row[names.index(table)])

    def loaded_hashes(self) -> set[str]:
        return {r[0] for r in self.rows("loaded_hashes")}

    def add_source(self, file_name: str, sha256: str, format: str, rows: int, period: tuple[str, str],
                   demo: bool, note: str | None = None, eaeu: bool | None = None, regions: str = "") -> int:
        """Log one loaded file in `sources` (the import log); its source_id."""
        sid = self.next_id("sources")
        self.run("insert_source", source_id=sid, file_name=Path(file_name).name, sha256=sha256, format=format,
                 rows_loaded=rows, eaeu_included=eaeu, regions=regions, period_from=period[0],
                 period_to=period[1], is_demo=demo, loaded_by=self.who, loaded_at=dt.datetime.now(),
                 note=note or None)
        return sid


class Beside:
    """Write statements running on a connection of their own (Writer.beside); join() before anything reads what
    they write, and before the publication ends (an open connection would keep the version's file open)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, name: str, frames: dict[str, object], params: dict):
        self._con = con
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(name, frames, params), name=f"write-{name}",
                                        daemon=True)
        self._thread.start()

    def _run(self, name: str, frames: dict[str, object], params: dict) -> None:
        try:
            with sqlfiles.registered(self._con, **frames):
                sqlfiles.run(self._con, name, **params)
        except BaseException as e:  # raised by join(), in the publication's thread
            self._error = e
        finally:
            self._con.close()

    def join(self, raise_error: bool = True) -> None:
        """Wait for the statements; raise their error (unless told not to: the caller is raising its own)."""
        self._thread.join()
        if raise_error and self._error is not None:
            raise self._error


class _Unchanged(Exception):
    """The function wrote nothing: the new version is dropped."""


def publish(published: Path, fn: Callable[[Writer], T], who: str | None = None, keep: int | None = None) -> T:
    """Run fn inside one new version of the store and publish it; fn's result."""
    result: list[T] = []
    who = who or user()
    record: dict = {"by": who}  # what the publication log says of this version (store/history.py)
    try:
        with versions.new_version(published, keep or config.keep_versions(), record) as con:
            converted = build.apply_schema(con)
            build.refresh_reference(con)
            with segments.writing(con, segments.store_folder(published)) as seg:
                w = Writer(con, who)
                # a store of an older schema or layout made current is published, even with no new rows
                w.changed = converted or seg.adopted
                result.append(fn(w))
                if not w.changed and versions.current(published) is not None:
                    raise _Unchanged
                # the whole-year rows of what fn touched
                rollups.keep_years(con, bool(seg.layout.covering),
                                   any(t == "r_heading_region" for _, t in seg.layout.lacking))
                real = w.value("real_fts_sources")
                build.set_meta(con, "demo", "0" if real else "1")
                record["at"] = dt.datetime.now().isoformat(timespec="seconds")
                record["change"] = history.change_of(w.statements)
                build.set_meta(con, "published_at", record["at"])
    except _Unchanged:
        pass
    return result[0]


def user() -> str:
    """Who loads, when the caller does not say: the login name of the process."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"
