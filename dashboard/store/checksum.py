"""A fingerprint of every table of a database file: proof that a refused import or a killed writer changed
nothing, and the body of `python -m dashboard verify`.

Each table's fingerprint is its column list, its row count and the sum of the row hashes; the sum does not
depend on row order (DuckDB does not promise one) but does see a repeated row, unlike XOR.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from dashboard.store import segments, versions


def _ident(name: str) -> str:
    """Quote a table name read from the catalog (never from user input) as an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


LAYOUT = ("segments", "withdrawn")  # where the rows are kept, not what they are: a merge changes them, not the data


def connection_checksums(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The fingerprints of the version open on `con`; a segmented table is read through its view when the
    segments are attached (segments.connect), else as the version's own table."""
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() "
        "AND table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()
        if r[0] not in LAYOUT]
    out: dict[str, str] = {}
    for table in tables:
        cols = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                           "WHERE table_catalog = current_database() AND table_schema = 'main' "
                           "AND table_name = ? ORDER BY ordinal_position",
                           [table]).fetchall()
        row = con.execute(f"SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0) FROM {_ident(table)} t"
                          ).fetchone()
        text = f"{cols!r}|{row[0] if row else 0}|{row[1] if row else 0}"
        out[table] = hashlib.sha256(text.encode()).hexdigest()[:32]
    return out


def table_checksums(path: Path | str) -> dict[str, str]:
    """{table name: fingerprint} of the database at path (a version file or the pointer), opened read-only with
    its segments: the whole of what it holds.

    Reading every row also makes DuckDB verify every block's checksum, so a damaged file raises here.
    """
    con = segments.connect(Path(path).resolve())
    try:
        return connection_checksums(con)
    finally:
        con.close()


def _read_segment_layout(con: duckdb.DuckDBPyConnection) -> None:
    """Read in full what the views of connection_checksums read only in part: each attached segment's lists of the
    region-years it covers and its whole-year rows (small: a few thousand rows a region-year), so that `verify`
    sees a damaged block there too, also in rows a newer segment passes over."""
    names = {f"{t}_cover" for t in segments.YEARLY} | set(segments.YEARLY)
    for db, table in con.execute(
            "SELECT database_name, table_name FROM duckdb_tables() WHERE database_name <> current_database() "
            "AND schema_name = 'main'").fetchall():
        if table in names:
            con.execute(f"SELECT count(*), sum(hash(t)::HUGEINT) FROM {_ident(db)}.{_ident(table)} t").fetchall()


def version_checksums(path: Path | str) -> dict[str, str]:
    """As table_checksums, of the version file alone (not its segments): what a publication copies."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return connection_checksums(con)
    finally:
        con.close()


def verify(published: Path) -> tuple[bool, list[str]]:
    """Read every row of every kept version. (current version sound?, one line per version, newest first)."""
    cur = versions.current(published)
    lines, current_ok = [], cur is not None
    for _, path in reversed(versions.versions(published)):
        mark = " (current)" if path == cur else ""
        try:
            n = len(table_checksums(path))
            con = segments.connect(Path(path).resolve())
            try:
                _read_segment_layout(con)
            finally:
                con.close()
            lines.append(f"{path.name}{mark}: sound, {n} tables read in full")
        except (duckdb.Error, OSError) as e:
            lines.append(f"{path.name}{mark}: DAMAGED — {str(e).splitlines()[0][:160]}")
            current_ok = current_ok and path != cur
    if cur is None:
        lines.append(f"nothing is published at {published}")
    return current_ok, lines
