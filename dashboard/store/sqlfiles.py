"""The one loader of the store's SQL: every .sql file under dashboard/store/, found by its name alone.

Read queries live in sql/ (one a file, named after its result), write statements in sql/write/ (named after
what they do), and the schema, the rollups' definition and the metric macros beside the code that applies
them. A name is unique across these folders (checked when they are first listed) and always comes from code,
never from user input.
"""
from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb

HERE = Path(__file__).parent
PARAM = re.compile(r"\$([A-Za-z_]\w*)")
COMMENT = re.compile(r"--[^\n]*")


@functools.cache
def _files() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(HERE.rglob("*.sql")):
        if path.stem in found:
            raise RuntimeError(f"two SQL files named {path.stem}: {found[path.stem]} and {path}")
        found[path.stem] = path
    return found


@functools.cache
def sql(name: str) -> str:
    """The text of the SQL file `name` (without its folder and .sql)."""
    path = _files().get(name)
    if path is None:
        raise ValueError(f"no SQL file named {name!r}")
    return path.read_text(encoding="utf-8")


@functools.cache
def statements(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The file's statements with the parameters each takes: DuckDB binds parameters only in a statement
    prepared alone, and refuses a value the statement does not use. A file without parameters is one
    script (DDL, macros), run as it is."""
    text = sql(name)
    if not PARAM.search(COMMENT.sub("", text)):
        return ((text, ()),)
    parts = [s.strip() for s in COMMENT.sub("", text).split(";")]
    return tuple((s, tuple(dict.fromkeys(PARAM.findall(s)))) for s in parts if s)


def run(con: duckdb.DuckDBPyConnection, name: str, /, **params: object) -> duckdb.DuckDBPyConnection:
    """Execute every statement of the file with the parameters it names; the connection holds the result
    of the last one."""
    for text, names in statements(name):
        missing = set(names) - set(params)
        if missing:
            raise TypeError(f"{name}.sql needs {sorted(missing)}")
        con.execute(text, {n: params[n] for n in names} if names else None)
    return con


@contextlib.contextmanager
def registered(con: duckdb.DuckDBPyConnection, **frames: object) -> Iterator[None]:
    """Frames (pandas or Arrow) visible to SQL under the given names for the length of a `with` block."""
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        yield
    finally:
        for name in frames:
            con.unregister(name)
