"""Server capacity (issue 17.5): N officials walking the pages, played by one Python process that speaks
Streamlit's websocket protocol (benchmarks/wsclient.py), so the client costs a few per cent of a core instead of
20 browsers taking the machine.

    python -m benchmarks.capacity --db data/dashboard.duckdb [--sessions 20 50 100] [--servers 1 2] [--page-cpu 10]

The arrival model: sessions arrive one every 1/RATE seconds (RATE sessions a second, default 2); each opens its
own websocket (its own Streamlit session), walks the pages in the sidebar's order with their query strings
(overview, partners, partner, goods, meetings, present) WALKS times, and waits a think time drawn uniformly from
THINK seconds (default 2-5 s, seeded) between two page views, as an official reading a page does; then it leaves.
A page view is timed from the rerun request to the script_finished of that run (the server's work for the page,
not the browser's drawing). Reported per level: page views a second while every session is on (the steady
window: from the last arrival to the first departure) and over the whole level, p50/p95 per page, and errors
(an exception element, a page not found, a run that did not finish within the timeout, a dropped socket).
Against one server, and against two behind nginx (deploy/nginx.conf with ip_hash replaced by a hash of a cookie
the client sets per session: every loopback session has the same address). The CPU seconds of each server, of
the client and of the whole machine are recorded, so the report can say what a second process (a second core)
buys. Traffic goes to 127.0.0.1 only; every wait has a timeout and every level a deadline.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from benchmarks import wsclient
from benchmarks.load import ROOT, Server, _cpu, _free_port

NGINX = Path("/usr/sbin/nginx")
STICKY_COOKIE = "bench_session"
RATE = 2.0          # sessions arriving a second
THINK = (2.0, 5.0)  # seconds an official reads a page before the next click
WALKS = 2           # walks of all the pages by each session
TARGETS = {"sessions": 50, "p95_s": 2.0, "errors": 0}


def pages(partner: str = "KZ", year: int | None = None) -> list[tuple[str, str]]:
    """(URL path, query string) of each page in the sidebar's order; the data page is behind a login."""
    y = f"year={year}" if year else ""
    both = "&".join(x for x in (f"partner={partner}", y) if x)
    return [("", y), ("partners", y), ("partner", both), ("goods", y), ("meetings", ""), ("present", both)]


async def _official(i: int, base: str, walk: list[tuple[str, str]], arrive_s: float, walks: int,
                    think: tuple[float, float], rng: random.Random, timeout_s: float, t0: float,
                    views: list[dict], errors: list[str], spans: list[tuple[float, float]]) -> None:
    await asyncio.sleep(max(0.0, t0 + arrive_s - time.perf_counter()))
    start = time.perf_counter() - t0
    try:
        async with wsclient.Session(base, timeout_s, cookie=f"{STICKY_COOKIE}={i:04d}-{rng.getrandbits(32):08x}") as s:
            for n in range(walks * len(walk)):
                if n:
                    await asyncio.sleep(rng.uniform(*think))
                page, query = walk[n % len(walk)]
                asked = time.time()
                run = await s.run(page, query)
                views.append({"page": page or "(default)", "s": run.seconds, "end": time.perf_counter() - t0,
                              "ok": not run.errors, "session": i, "asked": asked})
                errors.extend(f"session {i} {page or '/'}: {e}" for e in run.errors)
    except Exception as e:  # a refused or dropped socket: counted, the other sessions go on
        errors.append(f"session {i}: {type(e).__name__}: {str(e)[:160]}")
    spans.append((start, time.perf_counter() - t0))


async def _loop_lag(lags: list[tuple[float, float]], step_s: float = 0.01) -> None:
    """The client's own event loop delay: how late a short sleep wakes (a stalled client would time the server's
    answers late). Kept: every wake-up later than 50 ms, as (wall time, seconds late)."""
    while True:
        t = time.perf_counter()
        await asyncio.sleep(step_s)
        late = time.perf_counter() - t - step_s
        if late > 0.05:
            lags.append((time.time(), late))


def _ms_stats(times: list[float]) -> dict:
    a = np.asarray(times)
    return {"p50_s": float(np.percentile(a, 50)), "p95_s": float(np.percentile(a, 95)), "max_s": float(a.max()),
            "n": len(a)}


async def level(base: str, sessions: int, walk: list[tuple[str, str]], rate: float = RATE, walks: int = WALKS,
                think: tuple[float, float] = THINK, seed: int = 17, timeout_s: float = 60,
                deadline_s: float = 900, timeline: bool = False) -> dict:
    """One load level: `sessions` officials arriving at `rate` a second, each walking the pages `walks` times."""
    rng = random.Random(seed)
    views: list[dict] = []
    errors: list[str] = []
    spans: list[tuple[float, float]] = []
    lags: list[tuple[float, float]] = []
    lag_task = asyncio.create_task(_loop_lag(lags))
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(_official(i, base, walk, i / rate, walks, think, random.Random(rng.random()),
                                           timeout_s, t0, views, errors, spans)) for i in range(sessions)]
    done, pending = await asyncio.wait(tasks, timeout=deadline_s)
    for task in pending:  # past the deadline: stopped, and said
        task.cancel()
    if pending:
        errors.append(f"{len(pending)} sessions stopped at the deadline of {deadline_s:.0f} s")
    wall = time.perf_counter() - t0
    lag_task.cancel()
    steady = (max((a for a, _ in spans), default=0.0), min((b for _, b in spans), default=0.0))
    in_steady = [v for v in views if steady[0] <= v["end"] <= steady[1]]
    ok = [v for v in views if v["ok"]]
    per_page = {p: _ms_stats([v["s"] for v in ok if v["page"] == p]) for p in dict.fromkeys(v["page"] for v in ok)}
    return {"sessions": sessions, "arrival_per_s": rate, "walks": walks, "think_s": list(think),
            "views": len(views), "wall_s": wall,
            "views_per_s": len(views) / wall if wall else 0.0,
            "steady_window_s": max(0.0, steady[1] - steady[0]),
            "steady_views_per_s": (len(in_steady) / (steady[1] - steady[0])) if steady[1] > steady[0] else None,
            **({"all_pages": _ms_stats([v["s"] for v in ok])} if ok else {}), "per_page": per_page,
            "errors": len(errors), "error_list": errors[:20],
            "client_loop_lag": {"max_s": max((x for _, x in lags), default=0.0), "over_50ms": len(lags)},
            **({"timeline": views} if timeline else {})}


def nginx_conf(work: Path, port: int, backends: list[int]) -> Path:
    """deploy/nginx.conf with loopback ports, ip_hash replaced by a hash of the client's session cookie (every
    session of the load client comes from 127.0.0.1, so ip_hash would send all of them to one process)."""
    site = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for old, new in (("ip_hash;", f"hash $cookie_{STICKY_COOKIE};"), ("127.0.0.1:8501", f"127.0.0.1:{backends[0]}"),
                     ("127.0.0.1:8502", f"127.0.0.1:{backends[1]}"), ("listen 80;", f"listen 127.0.0.1:{port};")):
        if old not in site:
            raise ValueError(f"deploy/nginx.conf has changed: {old!r} not found")
        site = site.replace(old, new)
    (work / "site.conf").write_text(site, encoding="utf-8")
    temps = "\n".join(f"    {name}_temp_path {work / name};" for name in
                      ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = work / "nginx.conf"
    conf.write_text(f"""{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {work / "nginx.pid"};
error_log {work / "error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    log_format up '$remote_addr "$request" $status $upstream_addr';
    access_log {work / "access.log"} up;
{temps}
    include {work / "site.conf"};
}}
""", encoding="utf-8")
    return conf


class Nginx:
    """nginx in front of the given loopback ports, stopped (by its own pid) on exit."""

    def __init__(self, work: Path, backends: list[int]):
        work.mkdir(parents=True, exist_ok=True)
        self.work = work
        (work / "access.log").unlink(missing_ok=True)  # upstreams() counts this run's sessions only
        self.port = _free_port()
        conf = nginx_conf(work, self.port, backends)
        err = str(work / "error.log")
        subprocess.run([str(NGINX), "-t", "-q", "-c", str(conf), "-e", err], check=True, capture_output=True,
                       timeout=30)
        self.proc = subprocess.Popen([str(NGINX), "-c", str(conf), "-e", err, "-g", "daemon off;"])
        self.url = f"http://127.0.0.1:{self.port}"

    def upstreams(self) -> dict[str, int]:
        """Websocket sessions per upstream, from the access log (one line per closed socket)."""
        counts: dict[str, int] = {}
        with contextlib.suppress(OSError):
            for line in (self.work / "access.log").read_text(encoding="utf-8").splitlines():
                if wsclient.STREAM_PATH in line:
                    up = line.rsplit(" ", 1)[-1]
                    counts[up] = counts.get(up, 0) + 1
        return counts

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _machine_busy() -> float:
    return _cpu(os.getpid())[1]


def _steal_s() -> float:
    """CPU seconds the hypervisor gave to others while this machine (a VM) wanted them, so far (/proc/stat): a
    host that is busy elsewhere slows every process here at once, which no change of the app can help."""
    with open("/proc/stat") as f:
        fields = f.readline().split()
    return int(fields[8]) / os.sysconf("SC_CLK_TCK") if len(fields) > 8 else 0.0


def _measure(base: str, servers: list[Server], sessions: list[int], walk: list[tuple[str, str]], rate: float,
             think: tuple[float, float], walks: int) -> list:
    out = []
    for n in sessions:
        before = [_cpu(s.proc.pid)[0] for s in servers]
        client0, busy0, steal0 = time.process_time(), _machine_busy(), _steal_s()
        res = asyncio.run(level(base, n, walk, rate=rate, walks=walks, think=think))
        res["steal_s"] = round(_steal_s() - steal0, 1)
        after = [_cpu(s.proc.pid)[0] for s in servers]
        res["server_cpu_s"] = [round(b - a, 1) for a, b in zip(before, after, strict=True)]
        res["client_cpu_s"] = round(time.process_time() - client0, 1)
        res["machine_cpu_s"] = round(_machine_busy() - busy0, 1)
        res["machine_cpu_capacity_s"] = round(res["wall_s"] * (os.cpu_count() or 1), 1)
        res["loadavg_1m_at_end"] = os.getloadavg()[0]
        out.append(res)
        print(f"[capacity] {len(servers)} server(s), {n} sessions: {res['views_per_s']:.1f} views/s, "
              f"p95 {res.get('all_pages', {}).get('p95_s', float('nan')):.2f} s, {res['errors']} errors",
              file=sys.stderr, flush=True)
    return out


def run(db: Path, sessions: tuple[int, ...] = (20, 50, 100), servers: tuple[int, ...] = (1, 2), root: Path = ROOT,
        work: Path | None = None, partner: str = "KZ", year: int | None = None, rate: float = RATE,
        think: tuple[float, float] = THINK, walks: int = WALKS) -> dict:
    """Every level against one server and against two behind nginx; each configuration on fresh processes,
    warmed by one walk (the first visit of a page compiles it and fills the caches)."""
    work = work or ROOT / "benchmarks" / "out" / "capacity"
    work.mkdir(parents=True, exist_ok=True)
    walk = pages(partner, year)
    res: dict = {"model": {"arrival_per_s": rate, "think_s": list(think), "walks": walks,
                           "pages": [p or "(default)" for p, _ in walk]},
                 "targets": TARGETS, "cores": os.cpu_count(), "runs": {}}
    for count in servers:
        procs = [Server(db, root, work / f"server{count}_{i}.log") for i in range(count)]
        proxy = None
        try:
            for s in procs:
                s.wait_healthy(120)
            if count > 1:
                proxy = Nginx(work / f"nginx{count}", [s.port for s in procs])
            base = proxy.url if proxy else procs[0].url
            for s in procs:  # warmed directly, each process once (through nginx the hash might pick one)
                asyncio.run(level(s.url, 1, walk, walks=1, think=(0.0, 0.0)))
            levels = _measure(base, procs, list(sessions), walk, rate, think, walks)
            res["runs"][str(count)] = {"levels": levels, "server_peak_mb": [s.peak_mb() for s in procs],
                                       **({"sessions_per_upstream": proxy.upstreams()} if proxy else {})}
        except Exception as e:  # reported; the other configuration still runs
            res["runs"][str(count)] = {"failed": f"{type(e).__name__}: {e}"[:500],
                                       "log_tail": procs[0].log_tail() if procs else ""}
        finally:
            if proxy:
                proxy.stop()
            for s in procs:
                s.stop()
    return res


async def _page_cpu_walks(server: Server, walk: list[tuple[str, str]], reps: int, pause_s: float) -> dict:
    # one session stays open throughout: Streamlit drops its compiled scripts when its last session closes, which
    # a server under load never sees
    keep = wsclient.Session(server.url)
    await keep.__aenter__()
    cpu: dict[str, list[float]] = {p or "(default)": [] for p, _ in walk}
    try:
        for n in range(reps + 1):  # the first walk warms the caches and is not counted
            async with wsclient.Session(server.url) as s:  # a new visitor each walk
                for page, query in walk:
                    await asyncio.sleep(pause_s)
                    before = _cpu(server.proc.pid)[0]
                    run = await s.run(page, query)
                    await asyncio.sleep(pause_s)  # the last frames sent, the server idle again
                    if run.errors:
                        raise RuntimeError(f"{page or '/'}: {run.errors[0]}")
                    if n:
                        cpu[page or "(default)"].append(_cpu(server.proc.pid)[0] - before)
    finally:
        await keep.__aexit__()
    return cpu


def page_cpu(db: Path, reps: int = 10, root: Path = ROOT, partner: str = "KZ", year: int | None = None,
             pause_s: float = 0.15) -> dict:
    """The server's CPU seconds for one warm view of each page: one server, one view at a time (REPS walks, each
    a new session, after one uncounted walk), the process's user+system time around each view (/proc, in clock
    ticks of 10 ms: the mean of many views is the figure to read)."""
    work = ROOT / "benchmarks" / "out" / "capacity"
    work.mkdir(parents=True, exist_ok=True)
    server = Server(db, root, work / "page_cpu.log")
    try:
        server.wait_healthy(120)
        cpu = asyncio.run(_page_cpu_walks(server, pages(partner, year), reps, pause_s))
    finally:
        server.stop()
    per_page = {p: {"mean_s": float(np.mean(v)), "median_s": float(np.median(v)), "n": len(v)} for p, v in cpu.items()}
    return {"per_page": per_page, "mean_s": float(np.mean([x for v in cpu.values() for x in v])),
            "loadavg_1m_at_end": os.getloadavg()[0]}


def page_cpu_rows(res: dict) -> list[str]:
    rows = ["\nServer CPU of one warm page view (one view at a time; mean / median of the views):",
            "| page | CPU s mean | median | views |", "|---|---|---|---|"]
    rows += [f"| {p} | {x['mean_s']:.3f} | {x['median_s']:.3f} | {x['n']} |" for p, x in res["per_page"].items()]
    rows.append(f"| all pages | {res['mean_s']:.3f} | | load {res['loadavg_1m_at_end']:.1f} |")
    return rows


def table_rows(res: dict) -> list[str]:
    """Markdown rows of the capacity run: one a configuration and level."""
    if not res.get("runs"):
        return []
    m = res["model"]
    rows = [f"\nServer capacity (websocket protocol client; sessions arrive {m['arrival_per_s']}/s, think "
            f"{m['think_s'][0]:g}-{m['think_s'][1]:g} s, {m['walks']} walks of {len(m['pages'])} pages):",
            "| servers | sessions | views/s steady (all) | p50 s | p95 s | worst page p95 | errors | "
            "server CPU s | client CPU s | client lag max s | steal s | load |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for count, run_ in res["runs"].items():
        if "failed" in run_:
            rows.append(f"| {count} | failed: {run_['failed'][:80]} | | | | | | | | | | |")
            continue
        for lv in run_["levels"]:
            allp = lv.get("all_pages", {})
            worst = max(lv["per_page"].items(), key=lambda kv: kv[1]["p95_s"], default=("-", {"p95_s": 0.0}))
            steady = lv["steady_views_per_s"]
            rows.append(f"| {count} | {lv['sessions']} | {steady if steady is None else round(steady, 1)} "
                        f"({lv['views_per_s']:.1f}) | {allp.get('p50_s', float('nan')):.2f} | "
                        f"{allp.get('p95_s', float('nan')):.2f} | {worst[0]} {worst[1]['p95_s']:.2f} | "
                        f"{lv['errors']} | {'+'.join(str(c) for c in lv['server_cpu_s'])} | {lv['client_cpu_s']} | "
                        f"{lv.get('client_loop_lag', {}).get('max_s', 0.0):.2f} | {lv.get('steal_s', '-')} | "
                        f"{lv['loadavg_1m_at_end']:.1f} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.capacity", description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--sessions", type=int, nargs="*", default=[20, 50, 100], help="none: only --page-cpu")
    ap.add_argument("--servers", type=int, nargs="+", default=[1, 2], choices=[1, 2])
    ap.add_argument("--rate", type=float, default=RATE, help="sessions arriving a second")
    ap.add_argument("--think", type=float, nargs=2, default=list(THINK), help="think time range, seconds")
    ap.add_argument("--walks", type=int, default=WALKS)
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--page-cpu", type=int, default=0, metavar="REPS",
                    help="first measure the server CPU of one view of each page, REPS walks one view at a time")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a `timeout` or kill still stops servers and nginx
    res: dict = {}
    if args.page_cpu:
        res["page_cpu"] = page_cpu(args.db.absolute(), args.page_cpu)
        print("\n".join(page_cpu_rows(res["page_cpu"])), flush=True)
    if args.sessions:
        res.update(run(args.db.absolute(), tuple(args.sessions), tuple(args.servers), rate=args.rate,
                       think=(args.think[0], args.think[1]), walks=args.walks))
        print("\n".join(table_rows(res)))
    if args.json:
        args.json.write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
