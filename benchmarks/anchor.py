"""The import's physical anchor (issue 17.1): the same end state built in plain DuckDB SQL, with no checks.

    python -m benchmarks.anchor DB FILE... [--json OUT]           # the anchor alone
    python -m benchmarks.anchor --versus --rows 2000000 [--unique-codes] [--runs 3]
                                         # ours and the anchor alternated on generated files, the ratio printed

In a fresh process, on the same FTS files our importer reads: DuckDB's own read_csv of every file at once
(tab-separated, decimal comma, codes as text) into a declarations table of the columns of our `trade`
(the region code cut from "45000 - Г. МОСКВА", year and month from the period, the flow as E/I, the partner's
ISO2 by a join on the partners' codes as our check does, money as exact integer cents), then the three monthly
rollups and the goods page's whole-year one by GROUP BY, sorted by region and year as rollups.sql sorts them, all
in one new DuckDB file, committed and closed. No check of any kind: no duplicate keys, no encodings, no value
ranges, no refusal report. What it costs is what DuckDB costs for that end state; the benchmark runs it beside our
import and reports the ratio.

Prints (or writes) JSON: seconds (connect to close), peak_mb (the process's ru_maxrss), rows, and the time of
each statement.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb

SCHEMA = """
CREATE TABLE partners (iso2 VARCHAR PRIMARY KEY);
CREATE TABLE trade (
    region VARCHAR NOT NULL, year SMALLINT NOT NULL, month TINYINT NOT NULL, flow VARCHAR NOT NULL,
    partner VARCHAR NOT NULL, hs10 VARCHAR NOT NULL, unit VARCHAR, value_cents BIGINT NOT NULL,
    netto_kg DOUBLE, qty DOUBLE, source_id INTEGER NOT NULL
);
CREATE TABLE r_partner_month (
    region VARCHAR, year SMALLINT, month TINYINT, partner VARCHAR, flow VARCHAR, value_cents BIGINT
);
CREATE TABLE r_heading_month (
    region VARCHAR, year SMALLINT, month TINYINT, partner VARCHAR, flow VARCHAR, heading VARCHAR,
    value_cents BIGINT, netto_kg DOUBLE
);
CREATE TABLE r_heading_region (
    region VARCHAR, year SMALLINT, month TINYINT, flow VARCHAR, heading VARCHAR, value_cents BIGINT, netto_kg DOUBLE
);
CREATE TABLE r_heading_year (
    region VARCHAR, year SMALLINT, flow VARCHAR, heading VARCHAR, value_cents BIGINT, netto_kg DOUBLE
);
"""

# The FTS header: napr period nastranapr tnved edizm Stoim Netto Kol Region Region_s
DECLARATIONS = """
INSERT INTO trade
SELECT split_part(f.Region, ' ', 1) AS region,
       CAST(substr(f.period, 4, 4) AS SMALLINT) AS year,
       CAST(substr(f.period, 1, 2) AS TINYINT) AS month,
       CASE f.napr WHEN 'ЭК' THEN 'E' ELSE 'I' END AS flow,
       p.iso2 AS partner,
       f.tnved AS hs10,
       coalesce(f.edizm, '') AS unit,  -- our import keeps an empty unit as ''
       CAST(f.Stoim * 100 AS BIGINT) AS value_cents,
       f.Netto AS netto_kg,
       f.Kol AS qty,
       1 AS source_id
FROM read_csv($files, delim = '\t', header = true, decimal_separator = ',', quote = '', escape = '',
              columns = {'napr': 'VARCHAR', 'period': 'VARCHAR', 'nastranapr': 'VARCHAR', 'tnved': 'VARCHAR',
                         'edizm': 'VARCHAR', 'Stoim': 'DECIMAL(18, 2)', 'Netto': 'DOUBLE', 'Kol': 'DOUBLE',
                         'Region': 'VARCHAR', 'Region_s': 'VARCHAR'}) AS f
JOIN partners AS p ON p.iso2 = f.nastranapr
"""

ROLLUPS = {
    "r_partner_month": """
INSERT INTO r_partner_month
SELECT region, year, month, partner, flow, sum(value_cents) FROM trade GROUP BY ALL ORDER BY region, year
""",
    "r_heading_month": """
INSERT INTO r_heading_month
SELECT region, year, month, partner, flow, substr(hs10, 1, 4), sum(value_cents), sum(netto_kg)
FROM trade GROUP BY ALL ORDER BY region, year
""",
    "r_heading_region": """
INSERT INTO r_heading_region
SELECT region, year, month, flow, substr(hs10, 1, 4), sum(value_cents), sum(netto_kg)
FROM trade GROUP BY ALL ORDER BY region, year
""",
    "r_heading_year": """
INSERT INTO r_heading_year
SELECT region, year, flow, substr(hs10, 1, 4), sum(value_cents), sum(netto_kg)
FROM trade GROUP BY ALL ORDER BY region, year
""",
}


def partner_codes() -> list[str]:
    """The codes our importer accepts (the reference list it checks against)."""
    from dashboard.reference import partners as ref_partners
    return sorted(p.iso2 for p in ref_partners.all_partners())


def build(db: Path, files: list[Path], partners: list[str]) -> dict:
    if db.exists():
        db.unlink()
    db.parent.mkdir(parents=True, exist_ok=True)
    steps: dict[str, float] = {}
    t0 = time.perf_counter()
    con = duckdb.connect(str(db))
    con.execute("BEGIN")
    con.execute(SCHEMA)
    con.executemany("INSERT INTO partners VALUES (?)", [[c] for c in partners])
    t = time.perf_counter()
    con.execute(DECLARATIONS, {"files": [str(f) for f in files]})
    steps["read_csv into trade"] = time.perf_counter() - t
    for name, sql in ROLLUPS.items():
        t = time.perf_counter()
        con.execute(sql)
        steps[name] = time.perf_counter() - t
    t = time.perf_counter()
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    rows = con.execute("SELECT count(*) FROM trade").fetchone()
    con.close()
    steps["commit, checkpoint, close"] = time.perf_counter() - t
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "rows": int(rows[0]) if rows else 0, "steps_s": steps,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "db_mb": db.stat().st_size / 1e6, "threads": duckdb.connect().execute(
                "SELECT current_setting('threads')").fetchone()[0]}  # type: ignore[index]


def _loadavg() -> float:
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def _run(cmd: list[str], code: Path, log: Path) -> float:
    """Run one side in a fresh process; the CPU seconds (user + system, every thread) the process used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(log, "a") as out:
        subprocess.run(cmd, cwd=code, env={**os.environ, "PYTHONPATH": str(code)}, stdout=out,
                       stderr=subprocess.STDOUT, check=True, timeout=3600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def versus(files: list[Path], work: Path, runs: int, code: Path, db: Path | None = None) -> dict:
    """Our import (benchmarks.worker import: import_paths into a fresh store) and the anchor, each `runs` times
    in fresh processes, alternated (ours first), on the same files. Medians, every run, ratio ours/anchor of
    the medians and of each pair, the load average before each run. The last store of ours is left at `db`."""
    work.mkdir(parents=True, exist_ok=True)
    db = db or work / "ours" / "bench.duckdb"
    log = work / "versus.log"
    ours: list[dict] = []
    anchor: list[dict] = []
    for _ in range(max(1, runs)):
        args, res = work / "ours.args.json", work / "ours.result.json"
        args.write_text(json.dumps({"db": str(db), "files": [str(f) for f in files], "runs": 1}))
        load = _loadavg()
        cpu = _run([sys.executable, "-m", "benchmarks.worker", "import", str(args), str(res)], code, log)
        ours.append({**json.loads(res.read_text()), "loadavg": load, "process_cpu_s": cpu})
        load = _loadavg()
        cpu = _run([sys.executable, "-m", "benchmarks.anchor", str(work / "anchor.duckdb"), *map(str, files),
                    "--json", str(res)], code, log)
        anchor.append({**json.loads(res.read_text()), "loadavg": load, "process_cpu_s": cpu})
    (work / "anchor.duckdb").unlink(missing_ok=True)
    med_o = statistics.median(r["seconds"] for r in ours)
    med_a = statistics.median(r["seconds"] for r in anchor)
    median_run = sorted(ours, key=lambda r: r["seconds"])[len(ours) // 2]
    if any(a["rows"] != o["rows"] for o, a in zip(ours, anchor, strict=True)):
        raise ValueError(f"the anchor stored other rows than ours: {[a['rows'] for a in anchor]}")
    return {"rows": ours[0]["rows"], "files": len(files), "mb": sum(f.stat().st_size for f in files) / 1e6,
            "ours_s": [r["seconds"] for r in ours], "anchor_s": [r["seconds"] for r in anchor],
            "ours_median_s": med_o, "anchor_median_s": med_a, "ratio": med_o / med_a,
            "pair_ratios": [o["seconds"] / a["seconds"] for o, a in zip(ours, anchor, strict=True)],
            "ours_peak_mb": max(r["peak_mb"] for r in ours), "anchor_peak_mb": max(r["peak_mb"] for r in anchor),
            "ours_stages_s": median_run.get("stages_s", {}),
            "anchor_steps_s": sorted(anchor, key=lambda r: r["seconds"])[len(anchor) // 2]["steps_s"],
            "loadavg": [r["loadavg"] for pair in zip(ours, anchor, strict=True) for r in pair],
            "ours_db_mb": median_run.get("db_mb"), "anchor_db_mb": anchor[-1].get("db_mb"),
            # CPU of the whole processes (start-up and imports of modules included, which the seconds above
            # leave out): on a machine shared with other work the wall-clock ratio follows the share of the two
            # cores each side got, this one the work each did
            "ours_cpu_s": [r["process_cpu_s"] for r in ours], "anchor_cpu_s": [r["process_cpu_s"] for r in anchor],
            "cpu_ratio": statistics.median(r["process_cpu_s"] for r in ours)
            / statistics.median(r["process_cpu_s"] for r in anchor)}


def summary(v: dict, mix: str) -> str:
    """One line for people: the ratio and the figures behind it."""
    return (f"{mix}: {v['rows']:,} rows, ours {v['ours_median_s']:.2f} s / anchor {v['anchor_median_s']:.2f} s "
            f"= {v['ratio']:.2f}x (pairs " + " ".join(f"{r:.2f}" for r in v["pair_ratios"]) + "); "
            f"peak {v['ours_peak_mb']:,.0f} / {v['anchor_peak_mb']:,.0f} MB; CPU of the processes "
            f"{statistics.median(v['ours_cpu_s']):.2f} / {statistics.median(v['anchor_cpu_s']):.2f} s "
            f"= {v['cpu_ratio']:.2f}x; load "
            + " ".join(f"{x:.1f}" for x in v["loadavg"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.anchor", description=__doc__.split("\n")[0])
    ap.add_argument("db", type=Path, nargs="?")
    ap.add_argument("files", type=Path, nargs="*")
    ap.add_argument("--json", type=Path, help="write the result here (default: print it)")
    ap.add_argument("--versus", action="store_true", help="ours and the anchor alternated on generated files")
    ap.add_argument("--rows", type=int, default=2_000_000)
    ap.add_argument("--unique-codes", action="store_true", help="the mix with a code of its own on every row")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    if args.versus:
        from benchmarks.generate import OUT, generate
        files = generate(args.rows, unique_codes=args.unique_codes)
        mix = "unique-codes" if args.unique_codes else "realistic"
        v = versus(files, OUT / f"versus_{args.rows}_{mix}", args.runs, Path(__file__).resolve().parent.parent)
        print(summary(v, mix))
        print("ours by stage: " + "; ".join(f"{k} {s:.2f} s" for k, s in v["ours_stages_s"].items()))
        print("anchor by step: " + "; ".join(f"{k} {s:.2f} s" for k, s in v["anchor_steps_s"].items()))
        if args.json:
            args.json.write_text(json.dumps(v, ensure_ascii=False, indent=1))
        return 0
    if args.db is None or not args.files:
        ap.error("DB and FILE... are needed without --versus")
    partners = partner_codes()  # before the clock starts, as our import has its modules loaded
    res = build(args.db, args.files, partners)
    text = json.dumps(res)
    if args.json:
        args.json.write_text(text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
