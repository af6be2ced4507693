"""The benchmark's JSON as Markdown tables (printed, and pasted into the README's Performance section)."""
from __future__ import annotations

from benchmarks.questions import QUESTIONS


def _ok(good: bool | None) -> str:
    return "" if good is None else ("✅" if good else "❌ missed")


def _f(x: float | None, nd: int = 1) -> str:
    return "–" if x is None else f"{x:,.{nd}f}"


def _ratio(ours: float | None, theirs: float | None) -> str:
    """ours/pandas for times (lower is better), with how many times better in brackets."""
    if not ours or not theirs:
        return "–"
    r = ours / theirs
    return f"{r:.3f} ({1 / r:,.0f}× better)" if r < 1 else f"{r:.2f} ({r:.1f}× worse)"


def table(res: dict) -> str:
    t = res.get("targets", {})
    m = res.get("machine", {})
    imp, qs, pdw = res.get("import", {}), res.get("queries", {}), res.get("pandas", {})
    out = [f"Machine: {m.get('cpu')}, {m.get('cores')} cores, {m.get('ram_gb')} GB RAM; "
           f"Python {m.get('python')}, DuckDB {m.get('duckdb')}, pandas {m.get('pandas')}, "
           f"Streamlit {m.get('streamlit')}. Run {res.get('started')}.",
           f"Data: {imp.get('rows', res.get('rows_requested')):,} rows in {imp.get('files', '?')} FTS files "
           f"({_f(imp.get('mb'), 0)} MB), generated in {_f(res.get('generate_s'))} s; "
           f"query parameters {qs.get('params')}.", ""]
    for phase in ("import", "queries", "render", "pandas"):
        if res.get(phase, {}).get("failed"):
            out.append(f"**{phase} phase failed**: {res[phase]['failed']}\n```\n{res[phase]['log_tail']}\n```")

    out += ["| import | ours (import_paths: parse, validate, load, rollups, publish) | pandas read_csv | "
            "target | |", "|---|---|---|---|---|"]
    rps = imp.get("rows_per_s")
    out.append(f"| rows per second | {_f(rps, 0)} ({_f(imp.get('seconds'))} s) | {_f(pdw.get('rows_per_s'), 0)} "
               f"({_f(pdw.get('read_s'))} s) | ≥ {t.get('import_rows_per_s', 0):,.0f} | "
               f"{_ok(rps >= t['import_rows_per_s'] if rps else None)} |")
    out.append(f"| peak memory, MB | {_f(imp.get('peak_mb'), 0)} | {_f(pdw.get('peak_mb'), 0)} | – | |")
    if imp.get("stages_s"):
        out.append("\nImport time by stage: " + "; ".join(f"{k} {v:.1f} s" for k, v in imp["stages_s"].items()))
    out.append("")

    out += ["| page query | page | ours cold median / p95 ms | ours warm median / p95 ms | "
            "pandas warm median / p95 ms | pandas cold ms (read + query) | ours/pandas warm | ours/pandas cold | "
            "warm p95 ≤ 20 ms | same answer |", "|---|---|---|---|---|---|---|---|---|---|"]
    for name, (page, _) in QUESTIONS.items():
        o = qs.get("questions", {}).get(name)
        if not o:
            continue
        p = pdw.get("questions", {}).get(name, {})
        pw = p.get("warm", {})
        same = None if not p else abs(o["fingerprint"] - p["fingerprint"]) <= 1e-6 * max(1, abs(p["fingerprint"]))
        out.append(f"| {name} | {page} | {_f(o['cold']['median_ms'])} / {_f(o['cold']['p95_ms'])} | "
                   f"{_f(o['warm']['median_ms'], 2)} / {_f(o['warm']['p95_ms'], 2)} | "
                   f"{_f(pw.get('median_ms'))} / {_f(pw.get('p95_ms'))} | {_f(p.get('cold_ms'), 0)} | "
                   f"{_ratio(o['warm']['median_ms'], pw.get('median_ms'))} | "
                   f"{_ratio(o['cold']['median_ms'], p.get('cold_ms'))} | "
                   f"{_ok(o['warm']['p95_ms'] <= t['query_p95_ms'])} | {_ok(same)} |")
    out.append("")

    scans = []
    for name, o in qs.get("questions", {}).items():
        for e in o.get("explain", []):
            parts = [f"{x['table']} ({x['filters'] or 'no filter'}): {x['rows']:,} rows" for x in e["scans"]]
            scans.append(f"| {name} | {e['query']}.sql | {'; '.join(parts)} |")
    if scans:
        out += ["| page query | SQL file | tables scanned (EXPLAIN ANALYZE: filters pushed into the scan, rows read) |",
                "|---|---|---|", *scans, ""]

    rd = res.get("render", {})
    if rd.get("pages"):
        out += ["| page render (AppTest, server side) | first render ms (empty caches) | "
                "rerun median / p95 ms | charts | errors | ≤ 300 ms |", "|---|---|---|---|---|---|"]
        for page, r in rd["pages"].items():
            worst = max(r["first_ms"], r["warm"]["p95_ms"])
            out.append(f"| {page} | {_f(r['first_ms'], 0)} | {_f(r['warm']['median_ms'], 0)} / "
                       f"{_f(r['warm']['p95_ms'], 0)} | {r['charts']} | {'; '.join(r['errors']) or 0} | "
                       f"{_ok(worst <= t['render_ms'])} |")
        out.append(f"\n(import of streamlit.testing in the render process: {_f(rd.get('import_streamlit_s'), 2)} s, "
                   "not counted in any render)\n")
    elif rd.get("note"):
        out.append(f"Render: {rd['note']}\n")

    app_mb = rd.get("peak_mb")
    out += ["| peak memory (ru_maxrss of the process) | MB | target |", "|---|---|---|"]
    out.append(f"| ours: app process (Streamlit + every page rendered, AppTest) | {_f(app_mb, 0)} | "
               f"≤ {t.get('app_peak_mb')} {_ok(app_mb <= t['app_peak_mb'] if app_mb else None)} |")
    out.append(f"| ours: query process (DuckDB, all questions) | {_f(qs.get('peak_mb'), 0)} | |")
    out.append(f"| pandas: process holding the DataFrame and answering | {_f(pdw.get('peak_mb'), 0)} | |")
    out.append(f"| pandas: the DataFrame itself (memory_usage deep) | {_f(pdw.get('df_mb'), 0)} | |")
    if app_mb and pdw.get("peak_mb"):
        out.append(f"| ours app / pandas process | {_ratio(app_mb, pdw['peak_mb'])} | "
                   f"≤ {t.get('ratio')} {_ok(app_mb / pdw['peak_mb'] <= t['ratio'])} |")

    ld = res.get("load")
    if ld:
        out += ["", "| browser sessions (Chromium, loopback) | value | target |", "|---|---|---|"]
        if ld.get("failed"):
            out.append(f"| load test | failed: {ld['failed']} | |")
        else:
            out.append(f"| concurrent sessions × pages | {ld['sessions']} × {ld['pages']} | |")
            out.append(f"| time to first chart, p50 / p95 s | {_f(ld.get('p50_s'), 2)} / {_f(ld.get('p95_s'), 2)} | |")
            out.append(f"| errors | {ld['errors']} | 0 {_ok(ld['errors'] == 0)} |")
            out.append(f"| server peak memory under load, MB | {_f(ld.get('server_peak_mb'), 0)} | "
                       f"≤ {t.get('app_peak_mb')} |")
        st = res.get("startup", {})
        if st:
            s = st.get("first_chart_s")
            out.append(f"| `streamlit run` → first chart visible, default data, s | {_f(s, 2)} | "
                       f"≤ {t.get('first_chart_s')} {_ok(s <= t['first_chart_s'] if s else None)} |")
    return "\n".join(out)
