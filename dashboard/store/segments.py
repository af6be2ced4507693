"""The big tables live in segments shared by versions, so that a publication costs what its own rows cost.

    data/dashboard.v000007.duckdb          a version: every small table, and the list of its segments
    data/dashboard.segments/000031.duckdb  a segment: rows of trade and the rollups (TABLES) that one publication
                                           brought (or a merge of earlier segments); never changed

A version lists its segments in `segments` and, in `withdrawn`, the region-months of a segment that a newer file
replaced (the rows stay in the immutable file and are hidden). Readers attach the listed segments read-only and
see each of the tables as one view over them (define_views), so every query reads `trade` or
`r_heading_month` as before. A publication copies only the version file (meetings, sources, reference tables,
coverage; no declarations), writes its new rows into one new segment and, at the end, merges segments of about
the same size, four at a time (a tiered merge: each row is rewritten about log4(files) times over its life, and a
version never lists more than a dozen segments, so a page query unions a few small scans); a merge writes the
rollups sorted by region, year and partner (ORDER), so that a page's filters skip most row groups. Segments no
kept version lists are deleted after a prune (collect).

A segment (or a version's own tables) written before the region's heading rollup existed lacks r_heading_region:
its branch of that view sums its r_heading_month instead (DERIVED: the same rows), and the first merge that
rewrites the segment stores the table.

The whole-year rollup of the goods page (YEARLY: r_heading_year, the region's headings summed over the months)
cannot be withdrawn month by month, so a segment holds it whole for the region-years it covers: each publication
writes into its new segment the complete rows of every region-year it touched (summed over all its segments, the
withdrawn months hidden: rollups.keep_years) and lists them in the segment's r_heading_year_cover; readers take
each region-year's rows from the newest listed segment covering it (older rows passed over; a merge keeps only
the rows its newest parts cover). So the version file holds none of them, and a rollback serves the older
version's list, with its own rows. A version whose segments cover nothing (made before the segments held the
rollup) is read through its own table, or, lacking it, a view summing its monthly rollup, and its next
publication writes every region-year into its new segment.

A transaction of DuckDB writes to one database only: a publication therefore runs in auto-commit mode; it is
atomic because nothing it writes is reachable before its version file is renamed into place (versions.py).

The view definitions are built here because they name attached databases, which SQL cannot take as bound
parameters; every name in them comes from this module (segment numbers), never from input.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dashboard.store import sqlfiles

TABLES = ("trade", "r_partner_month", "r_heading_month", "r_heading_region")  # the tables kept in segments
# A table of segments written before it existed, as a query over the tables they have (the same rows: rollups.sql)
DERIVED = {"r_heading_region": "SELECT region, year, month, flow, heading, CAST(sum(value_cents) AS BIGINT) AS "
                               "value_cents, sum(netto_kg) AS netto_kg FROM {db}.r_heading_month GROUP BY ALL"}
# The rollup summed over the months (the page's grain when it asks for a whole year), its rows in the segments,
# complete for each region-year a segment covers (<table>_cover); a version whose segments cover nothing and that
# lacks the table of its own reads this query over the monthly rollup instead (the same sums)
YEARLY = {"r_heading_year": "SELECT region, year, flow, heading, CAST(sum(value_cents) AS BIGINT) AS value_cents, "
                            "sum(netto_kg) AS netto_kg FROM r_heading_region GROUP BY ALL"}
# The order of a rollup's rows inside a segment a merge writes: region and year first, so that DuckDB's zone maps
# skip other regions' and years' row groups, then the partner, so that a partner's page skips most of the rest
ORDER = {"r_partner_month": "region, year, partner", "r_heading_month": "region, year, partner",
         "r_heading_region": "region, year"}
KEY = ("region", "year", "month", "flow")                 # what a newer file replaces (replace_months.sql)
FANOUT = 4        # segments of one size tier merged together
MAX_SEGMENTS = 12  # and the newest FANOUT merged whenever a version would list more than this
NEW = "seg"        # the alias of the segment a publication writes (the write SQL names it)
_NAME = "{:06d}.duckdb"
_VERSION = re.compile(r"^(.+)\.v\d{6}\.duckdb$")  # versions.VERSION_RE, whose module imports this one


@dataclass(frozen=True)
class Segment:
    id: int
    rows: int  # rows of trade stored in the file (withdrawn ones included)


@dataclass(frozen=True)
class Layout:
    """The segments a version lists, those with withdrawn rows (their scans filter them out), and the tables of
    DERIVED that a segment (by number; 0 = the version's own tables) lacks, known once they are attached, and the
    tables of YEARLY the version (0) lacks; the TABLES a segment or the version holds no row of (a meeting save's
    segment has whole-year rows only, a version with segments no rows of its own: readers' views pass over them);
    the segments with a cover of YEARLY (oldest first), and of those the ones readers read, each with the newer
    ones covering some of its region-years (pruned: Covers)."""
    folder: Path
    segments: tuple[Segment, ...] = ()
    withdrawn: frozenset[int] = frozenset()
    lacking: frozenset[tuple[int, str]] = frozenset()
    empty: frozenset[tuple[int, str]] = frozenset()
    covering: tuple[int, ...] = ()
    read: tuple[tuple[int, tuple[int, ...]], ...] = ()


def folder(version_file: Path) -> Path:
    """The segments folder of the store a version file belongs to (dashboard.v000007.duckdb -> dashboard.segments)."""
    m = _VERSION.match(version_file.name)
    return version_file.with_name(f"{m.group(1) if m else version_file.stem}.segments")


def path(folder_: Path, segment_id: int) -> Path:
    return folder_ / _NAME.format(segment_id)


def alias(segment_id: int) -> str:
    return f"seg_{segment_id:06d}"


def layout(con: duckdb.DuckDBPyConnection, folder_: Path) -> Layout:
    """What the version open on `con` lists; an empty layout for a version made before segments."""
    if not sqlfiles.run(con, "segments_present").fetchall()[0][0]:
        return Layout(folder_)
    segs = tuple(Segment(int(i), int(r)) for i, r in sqlfiles.run(con, "segments_listed").fetchall())
    hidden = frozenset(int(r[0]) for r in sqlfiles.run(con, "segments_withdrawn").fetchall())
    return Layout(folder_, segs, hidden)


def store_folder(published: Path) -> Path:
    """The segments folder of the store whose pointer is `published` (data/dashboard.duckdb)."""
    return published.with_name(f"{published.stem}.segments")


def attach(con: duckdb.DuckDBPyConnection, folder_: Path) -> Layout:
    """Attach the segments of the version open on `con`, read-only, from `folder_`; its layout. A missing or
    unreadable segment raises duckdb.IOException (the version is then not sound: versions.is_healthy)."""
    lay = layout(con, folder_)
    attached = {r[0] for r in con.execute("SELECT database_name FROM duckdb_databases()").fetchall()}
    for s in lay.segments:
        if alias(s.id) not in attached:
            p = path(lay.folder, s.id)
            if not p.exists():
                raise duckdb.IOException(f"segment {p.name} of {folder_.name} is missing")
            _attach(con, p, alias(s.id))
    return _lacking(con, lay)


def _lacking(con: duckdb.DuckDBPyConnection, lay: Layout) -> Layout:
    """The layout with the DERIVED tables each attached segment, and the version itself (0), lacks, the YEARLY
    tables the version lacks, and the segments with a cover of YEARLY (made by this release)."""
    own = str(con.execute("SELECT current_database()").fetchall()[0][0])
    sizes = {(r[0], r[1]): int(r[2]) for r in con.execute(
        "SELECT database_name, table_name, estimated_size FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()}
    have = set(sizes)
    names = {0: own} | {s.id: alias(s.id) for s in lay.segments}
    lacking = frozenset((i, t) for i, db in names.items() for t in DERIVED if (db, t) not in have)
    # the rows a table stores (those deleted since still counted): 0 only when it holds none; a DERIVED table
    # lacked is as empty as the monthly rollup it is summed from
    empty = frozenset((i, t) for i, db in names.items() for t in TABLES
                      if sizes.get((db, "r_heading_month" if (i, t) in lacking else t), 0) == 0)
    lacking |= frozenset((0, t) for t in YEARLY if (own, t) not in have)
    covering = tuple(s.id for s in lay.segments if all((alias(s.id), cover(t)) in have for t in YEARLY))
    return dataclasses.replace(lay, lacking=lacking, empty=empty, covering=covering, read=_pruned(con, covering))


def _pruned(con: duckdb.DuckDBPyConnection, covering: tuple[int, ...]) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """The covering segments a reader reads, each with newer ones that together cover every region-year of it that
    any newer one covers: a segment whose every region-year a newer one covers is not read at all, and one that
    shares none with the newer ones is read without a filter. Each branch and each filter costs a query ~0.5-1 ms;
    the covers are small (a row a region-year), read once when the version is opened."""
    if len(covering) < 2:
        return tuple((sid, ()) for sid in covering)
    union = " UNION ALL ".join(f"SELECT {sid} AS segment_id, region, year FROM {_ident(alias(sid))}.{cover(t)}"
                               for sid in covering for t in YEARLY)
    held: dict[int, set[tuple[str, int]]] = {sid: set() for sid in covering}
    for sid, region, year in con.execute(union).fetchall():
        held[int(sid)].add((region, int(year)))
    read = []
    for i, sid in enumerate(covering):
        passed: set[tuple[str, int]] = set()  # its region-years a newer segment covers
        by = []  # the fewest newer segments that cover them, newest first
        for n in reversed(covering[i + 1:]):
            if more := (held[n] & held[sid]) - passed:
                by.append(n)
                passed |= more
        if passed != held[sid]:
            read.append((sid, tuple(sorted(by))))
    return tuple(read)


def cover(table: str) -> str:
    """The table of the region-years whose rows of a YEARLY table a segment holds."""
    return f"{table}_cover"


def _yearly(table: str, read: list[tuple[int, tuple[int, ...]]] | tuple[tuple[int, tuple[int, ...]], ...],
            ) -> list[str]:
    """The parts of a YEARLY table: each region-year's rows from the newest segment covering it; `read`: (segment,
    the newer segments whose covers are passed over in it), oldest first."""
    parts = []
    for sid, newer in read:
        rows = f"{_ident(alias(sid))}.{table}"
        covers = [f"SELECT region, year FROM {_ident(alias(n))}.{cover(table)}" for n in newer]
        parts.append(f"SELECT * FROM {rows}" if not covers else
                     f"SELECT * FROM {rows} t WHERE NOT EXISTS (SELECT 1 FROM ({' UNION ALL '.join(covers)}) n "
                     "WHERE n.region = t.region AND n.year = t.year)")
    return parts


def _ident(name: str) -> str:
    """An identifier this module made (a segment's alias, a catalog name read from DuckDB), quoted."""
    return '"' + name.replace('"', '""') + '"'


def _attach(con: duckdb.DuckDBPyConnection, p: Path, name: str, read_only: bool = True) -> None:
    mode = " (READ_ONLY)" if read_only else ""
    where = {"path": str(p.resolve())}
    con.execute(f"ATTACH $path AS {_ident(name)}" + mode, where)


def _detach(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Close a segment just written, its rows on disk, not in a log. Its checkpoint does not vacuum: DuckDB would
    merge the partly filled row group each insert ends with into its neighbours, rewriting some 40 % of a new
    segment's rows, serially, at the end of an import (0.2-0.3 s of 2M rows); the row groups stay as the
    inserts wrote them (a file's rows, or several small files' held together: rollups.Held), and a merge
    rewrites them sorted anyway. A row a publication
    deleted from its own segment (a month replaced twice in one import) stays hidden in the file until a merge."""
    con.execute("SET max_vacuum_tasks = 0")
    try:
        con.execute(f"CHECKPOINT {_ident(name)}")
    finally:
        con.execute("RESET max_vacuum_tasks")
    con.execute(f"DETACH {_ident(name)}")


def _source(table: str, db: str, derived: bool) -> str:
    """A table of one attached database, or (a table it lacks) the query of DERIVED over its other tables."""
    return f"({DERIVED[table].format(db=db)})" if derived else f"{db}.{table}"


def _branch(table: str, segment_id: int, filtered: bool, tag: bool, source: str | None = None,
            derived: bool = False) -> str:
    """One segment's rows of a table; `filtered`: without its withdrawn region-months; `tag`: with its number;
    `derived`: the segment lacks the table (DERIVED)."""
    source = _source(table, _ident(source or alias(segment_id)), derived)
    cols = f"*, {segment_id} AS segment_id" if tag else "*"
    if not filtered:
        return f"SELECT {cols} FROM {source}"
    # an ANTI JOIN said as one (the same rows as NOT EXISTS with these equalities): DuckDB plans it ~0.5 ms faster
    # than the correlated subquery it would first have to flatten into one
    match = " AND ".join(f"w.{k} = t.{k}" for k in KEY)
    return (f"SELECT t.{cols} FROM {source} t ANTI JOIN (SELECT {', '.join(KEY)} FROM main.withdrawn "
            f"WHERE segment_id = {segment_id}) w ON {match}")


def define_views(cur: duckdb.DuckDBPyConnection, lay: Layout) -> None:
    """Each segmented table as one TEMP view over the version's own (legacy) table and its segments: the temp
    view shadows the table of that name, so queries are unchanged. A version without segments keeps its tables
    (a view only for a DERIVED table it lacks)."""
    # the version's own table by its catalog: a bare main.<table> would be the temp view itself
    own = _ident(str(cur.execute("SELECT current_database()").fetchall()[0][0])) + ".main"
    for table in TABLES:
        mine = f"SELECT * FROM {_source(table, own, (0, table) in lay.lacking)}"
        # each branch costs DuckDB's planner of every query ~0.3-0.5 ms (one with withdrawn rows, its anti-join,
        # more): the tables that hold no row are left out, the version's own one kept when nothing else is left
        parts = [mine] if (0, table) not in lay.empty else []
        parts += [_branch(table, s.id, s.id in lay.withdrawn, False, derived=(s.id, table) in lay.lacking)
                  for s in lay.segments if (s.id, table) not in lay.empty]
        if lay.segments or (0, table) in lay.lacking:  # else the version's own table is the table
            cur.execute(_view(table, parts or [mine]))
    for table, query in YEARLY.items():  # over the views just defined (a temp view shadows the table)
        if lay.read:
            cur.execute(_view(table, _yearly(table, lay.read)))
        elif (0, table) in lay.lacking:
            cur.execute(_view(table, [query]))


def _view(name: str, parts: list[str]) -> str:
    return f"CREATE OR REPLACE TEMP VIEW {name} AS " + " UNION ALL BY NAME ".join(parts)


def connect(version_file: Path | str, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection to one version with its segments attached and the views defined on it (tools and tests that
    read a version file directly; the app reads through store/db.py)."""
    version_file = Path(version_file)
    con = duckdb.connect(str(version_file), read_only=read_only)
    try:
        define_views(con, attach(con, folder(version_file)))
    except BaseException:
        con.close()
        raise
    return con


# --- writing ------------------------------------------------------------------------------------------------


@dataclass
class Writing:
    """The segments of a publication: the version's old ones (attached read-only) and the new one it writes."""
    layout: Layout
    new_id: int
    made: list[Path]  # files this publication created (the new segment, merges): fsynced before publishing
    adopted: bool     # the version's own rows moved into the new segment (a store made before segments)


def _next_id(folder_: Path, lay: Layout) -> int:
    """A number no file in the folder and no segment of the version has (leftovers of a killed writer too)."""
    taken = [s.id for s in lay.segments]
    with contextlib.suppress(FileNotFoundError):
        taken += [int(p.name.split(".")[0]) for p in folder_.iterdir() if p.name.split(".")[0].isdigit()]
    return max(taken + [0]) + 1


def open_for_write(con: duckdb.DuckDBPyConnection, folder_: Path) -> Writing:
    """Before a publication's function runs (on the copy of the version, schema applied): attach the old
    segments, create the new one as `seg`, move a version's own rows of the segmented tables (a store made before
    segments) into it, and define the writer's views: each table, and `<table>_seg` with each row's segment_id,
    the withdrawal filter read live (this publication withdraws as it goes)."""
    lay = attach(con, folder_)
    lay.folder.mkdir(parents=True, exist_ok=True)
    new_id = _next_id(lay.folder, lay)
    new = path(lay.folder, new_id)
    _attach(con, new, NEW, read_only=False)
    sqlfiles.run(con, "segment_tables")
    adopted = bool(sqlfiles.run(con, "segment_own_rows").fetchall()[0][0])
    if adopted:
        sqlfiles.run(con, "segment_adopt")
    con.execute("CREATE OR REPLACE TEMP TABLE _new_segment AS SELECT $id AS segment_id", {"id": new_id})
    for table in TABLES:
        parts = [_branch(table, s.id, True, True, derived=(s.id, table) in lay.lacking) for s in lay.segments] + [
            _branch(table, new_id, False, True, source=NEW)]
        con.execute(_view(f"{table}_seg", parts))
        con.execute(_view(table, [f"SELECT * EXCLUDE (segment_id) FROM {table}_seg"]))
    return Writing(lay, new_id, [new], adopted)


def close_for_write(con: duckdb.DuckDBPyConnection, w: Writing) -> None:
    """After the function: list the new segment (or drop it if it got no row), merge by size tier, and make every
    file this publication wrote durable. Views are dropped first: they name the files about to be detached."""
    rows, years = (int(n) for n in sqlfiles.run(con, "segment_new_rows").fetchall()[0])
    kept = bool(rows or years)
    for table in TABLES:
        con.execute(f"DROP VIEW IF EXISTS {table}")
        con.execute(f"DROP VIEW IF EXISTS {table}_seg")
    segs = list(w.layout.segments)
    covering = set(w.layout.covering)
    if kept:
        sqlfiles.run(con, "segment_list", segment_id=w.new_id, rows=rows, made_at=dt.datetime.now())
        segs.append(Segment(w.new_id, rows))
        covering.add(w.new_id)
    _detach(con, NEW)
    if kept:
        _attach(con, path(w.layout.folder, w.new_id), alias(w.new_id))
    else:
        _remove(w.made.pop())
    hidden = set(w.layout.withdrawn) | {int(r[0]) for r in sqlfiles.run(con, "segments_withdrawn").fetchall()}
    while (run := merge_run(segs)) is not None:
        segs = _merge(con, w, segs, run, hidden, covering)
    for p in w.made:
        fsync(p)
    if w.made:
        fsync(w.layout.folder)


def tier(rows: int) -> int:
    return int(math.log(max(rows, 1), FANOUT))


def merge_run(segs: list[Segment]) -> slice | None:
    """Which newest segments to merge: the last FANOUT when they share a size tier, or when the version would
    list more than MAX_SEGMENTS; None when the layout stands."""
    if len(segs) < FANOUT:
        return None
    last = segs[-FANOUT:]
    if len({tier(s.rows) for s in last}) == 1 or len(segs) > MAX_SEGMENTS:
        return slice(len(segs) - FANOUT, len(segs))
    return None


def _merge(con: duckdb.DuckDBPyConnection, w: Writing, segs: list[Segment], run: slice,
           hidden: set[int], covering: set[int]) -> list[Segment]:
    """One new segment holding the visible rows of segs[run] (withdrawn rows dropped; of YEARLY, each region-year's
    rows of the newest part covering it), listed in their place (they are the newest: it covers what they did)."""
    parts = segs[run]
    merged_id = _next_id(w.layout.folder, Layout(w.layout.folder, tuple(segs)))
    out = path(w.layout.folder, merged_id)
    w.made.append(out)
    _attach(con, out, NEW, read_only=False)
    sqlfiles.run(con, "segment_tables")
    for table in TABLES:
        union = " UNION ALL BY NAME ".join(
            _branch(table, s.id, s.id in hidden, False, derived=(s.id, table) in w.layout.lacking) for s in parts)
        order = f" ORDER BY {ORDER[table]}" if table in ORDER else ""  # zone maps of the rollups pages read
        con.execute(_insert_merged(table, union, order))
    covers = [s.id for s in parts if s.id in covering]
    for table in YEARLY if covers else ():
        every = [(sid, tuple(covers[i + 1:])) for i, sid in enumerate(covers)]  # no pruning: a merge runs once
        con.execute(_insert_merged(table, " UNION ALL BY NAME ".join(_yearly(table, every)), " ORDER BY region, year"))
        each = " UNION ".join(f"SELECT region, year FROM {_ident(alias(n))}.{cover(table)}" for n in covers)
        con.execute(_insert_merged(cover(table), each, " ORDER BY region, year"))
    rows = int(sqlfiles.run(con, "segment_new_rows").fetchall()[0][0])
    _detach(con, NEW)
    ids = [s.id for s in parts]
    sqlfiles.run(con, "segment_unlist", ids=ids)
    sqlfiles.run(con, "segment_list", segment_id=merged_id, rows=rows, made_at=dt.datetime.now())
    _attach(con, out, alias(merged_id))
    hidden.difference_update(ids)
    covering.difference_update(ids)
    covering.add(merged_id)
    return [*segs[:run.start], Segment(merged_id, rows), *segs[run.stop:]]


def _insert_merged(table: str, union: str, order: str) -> str:
    return f"INSERT INTO {_ident(NEW)}.{table} BY NAME SELECT * FROM ({union}){order}"


def fsync(p: Path) -> None:
    """A file's or a folder's content on disk (versions.py uses it too: it imports this module, not the reverse)."""
    fd = os.open(p, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(p: Path) -> None:
    for f in (p, p.with_name(p.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            f.unlink()


def discard(w: Writing | None) -> None:
    """A publication that failed: the files it made are nobody's (collect would find them too)."""
    for p in (w.made if w else []):
        _remove(p)


def listed_by(version_file: Path) -> set[int] | None:
    """The segment numbers a kept version lists; None if it cannot be read (then nothing is collected)."""
    try:
        con = duckdb.connect(str(version_file), read_only=True)
    except (duckdb.Error, OSError):
        return None
    try:
        return {s.id for s in layout(con, folder(version_file)).segments}
    except (duckdb.Error, OSError):
        return None
    finally:
        con.close()


def collect(version_files: list[Path]) -> list[int]:
    """Delete the segments no kept version lists (merged away, pruned with their versions, left by a killed
    writer); the numbers deleted. Called under the writer's lock, after a prune."""
    if not version_files:
        return []
    folder_ = folder(version_files[0])
    keep: set[int] = set()
    for v in version_files:
        ids = listed_by(v)
        if ids is None:
            return []  # a version that cannot be read might list anything: keep everything
        keep |= ids
    gone = []
    with contextlib.suppress(FileNotFoundError):
        for p in folder_.iterdir():
            number = p.name.split(".")[0]
            if number.isdigit() and int(number) not in keep:
                _remove(p)
                gone.append(int(number))
    return sorted(set(gone))


@contextlib.contextmanager
def writing(con: duckdb.DuckDBPyConnection, folder_: Path) -> Iterator[Writing]:
    """open_for_write ... close_for_write, the files discarded on any exception."""
    w: Writing | None = None
    try:
        w = open_for_write(con, folder_)
        yield w
        close_for_write(con, w)
    except BaseException:
        discard(w)
        raise
