"""Import files into a new published version: every file is read and validated first; if any is bad,
nothing is loaded and the published version stays exactly as it was."""
from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd
import pyarrow as pa

from dashboard import config
from dashboard.ingest import comtrade, firms, fts
from dashboard.ingest.rawfile import load_text_table, sha256
from dashboard.ingest.report import ImportRejected, Report
from dashboard.reference.partners import in_group
from dashboard.store import build, versions

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


@dataclass
class Outcome:
    name: str
    format: str
    rows: int
    loaded: bool          # False: this exact file was loaded before, nothing changed
    eaeu_included: bool | None
    period: str
    note: str

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


def parse_file(name: str, data: bytes, fmt: str = "auto", today: dt.date | None = None,
               limit: int | None = None) -> Parsed:
    """Read and validate one file; raises ImportRejected with every problem found."""
    report = Report(name)
    raw = load_text_table(name, data, limit or config.max_upload_bytes(), report, quoted=True)
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
    if isinstance(parsed, fts.FtsData):
        rows, note = len(parsed.trade), (f"ignored columns: {', '.join(parsed.ignored_columns)}"
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
    return Parsed(name, sha256(data), kind, parsed, rows, note)


def _eaeu(parsed: Parsed, eaeu: bool | None) -> bool | None:
    """Whether a source counts EAEU trade: as told, else whether any EAEU partner appears in it."""
    if parsed.format != "fts":
        return None
    if eaeu is not None:
        return eaeu
    assert isinstance(parsed.data, fts.FtsData)
    return any(in_group(c, "EAEU") for c in parsed.data.trade["partner"].unique())


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
        period = fts.period_bounds(data.trade)
        scope = _eaeu(p, eaeu)
        sid = _insert_source(con, p, scope, ",".join(sorted(data.regions["code"])), period, demo, who)
        # handed over as Arrow: DuckDB reads the Arrow-backed text columns without a copy per value
        con.register("_new", pa.Table.from_pandas(data.trade, preserve_index=False))
        # A newer file of the same region, month and flow replaces the older one (corrected releases).
        replaced = con.execute("""
            DELETE FROM trade t WHERE EXISTS (
                SELECT 1 FROM (SELECT DISTINCT region, year, month, flow FROM _new) k
                WHERE k.region = t.region AND k.year = t.year AND k.month = t.month AND k.flow = t.flow)
        """).fetchone()
        con.execute("INSERT INTO trade BY NAME SELECT *, ? AS source_id FROM _new", [sid])
        con.unregister("_new")
        con.register("_reg", data.regions)
        con.execute("INSERT OR REPLACE INTO regions SELECT code, name, district FROM _reg")
        con.unregister("_reg")
        n_old = int(replaced[0]) if replaced else 0
        note = p.note + (f"; replaced {n_old} earlier rows of the same months" if n_old else "")
        return Outcome(p.name, p.format, p.rows, True, scope, f"{period[0]}..{period[1]}", note.strip("; "))
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


def publish(published: Path, parsed: list[Parsed], eaeu: bool | None = None, demo: bool = False,
            loaded_by: str | None = None, keep: int | None = None) -> list[Outcome]:
    """Load already validated files into one new version and publish it (or nothing, if all are known)."""
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
            build.rebuild_rollups(con)
            has_real = con.execute("SELECT count(*) FROM sources WHERE NOT is_demo AND format = 'fts'").fetchone()
            build.set_meta(con, "demo", "0" if has_real and has_real[0] else "1")
            build.set_meta(con, "published_at", dt.datetime.now().isoformat(timespec="seconds"))
    except _Unchanged:
        pass
    return outcomes


def import_paths(published: Path, paths: list[Path], fmt: str = "auto", eaeu: bool | None = None,
                 demo: bool = False, loaded_by: str | None = None) -> list[Outcome]:
    """Validate every file, then load them all in one new version. Raises ImportRejected listing every
    problem of every bad file; then nothing is loaded."""
    parsed, reports = [], []
    for path in paths:
        try:
            parsed.append(parse_file(Path(path).name, Path(path).read_bytes(), fmt))
        except ImportRejected as e:
            reports.append(e.report)
    if reports:
        merged = Report(", ".join(r.file_name for r in reports))
        for r in reports:
            for i in r.issues:
                merged.add(i.line, i.column, i.value, f"[{r.file_name}] {i.reason}")
            merged.total += r.total - len(r.issues)
        raise ImportRejected(merged)
    return publish(published, parsed, eaeu=eaeu, demo=demo, loaded_by=loaded_by)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def frame_summary(df: pd.DataFrame) -> str:
    return f"{len(df)} rows"
