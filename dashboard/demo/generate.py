"""Deterministic generator of the demonstration data, written as real FTS unload files.

Same code, same files: it uses only Python's own `random.Random` with fixed seeds (stable across versions).
Output: one ZIP a year (DATTSVT.csv inside, tab-separated UTF-8, decimal comma, the FTS header) and a firm
count table. The default database is built from these files by the real importer.
"""
from __future__ import annotations

import io
import math
import random
import zipfile
from pathlib import Path

from dashboard.demo import calibration as cal
from dashboard.demo import national
from dashboard.demo.products import EXPORT_WEIGHTS, GOODS, IMPORT_WEIGHTS, LEAN

HEADER = ["napr", "period", "nastranapr", "tnved", "edizm", "Stoim", "Netto", "Kol", "Region", "Region_s"]
# Countries that may appear in the long tail, most frequent partners first.
TAIL = ("UA GE MD KG TJ TM MN AM AE SA IL LB SY JO IQ KW QA OM BH YE DZ MA TN LY SD ET KE TZ NG GH CI SN ZA AO "
        "VN TH MY ID PH SG KR JP TW HK PK BD LK NP AF MM KH LA GB FR ES PT GR CY MT AT CZ SK HU SI HR RS BA ME "
        "MK AL BG RO LT EE SE NO DK IS IE LU CA MX BR AR CL PE CO EC VE UY PY BO CU PA CR DO GT NI HN SV JM TT "
        "AU NZ MU SC MG MZ ZW ZM UG RW CM GA CG CD BJ TG BF ML NE GN SL LR MR GM GW CV ER DJ SO KM BI MW NA BW "
        "LS SZ BN TL PG FJ VU WS TO SB KI MV BT CF TD GQ ST HT BZ GY SR BS BB LC VC GD DM AG KN MC LI SM AD").split()
FLOW_CODE = {"E": "ЭК", "I": "ИМ"}


def _season(rng: random.Random) -> list[float]:
    base = [0.072, 0.075, 0.085, 0.08, 0.084, 0.083, 0.08, 0.085, 0.086, 0.09, 0.088, 0.102]
    w = [b * rng.uniform(0.9, 1.1) for b in base]
    s = sum(w)
    return [x / s for x in w]


def _spread(total: float, weights: list[float], months: list[int], split: tuple[int, float] | None) -> list[float]:
    """Monthly values summing to total over `months`; `split` = (k, share) pins the share of months 1..k."""
    out = [0.0] * 12
    if split is None:
        s = sum(weights[m - 1] for m in months)
        for m in months:
            out[m - 1] = total * weights[m - 1] / s
        return out
    k, share = split
    for part, frac in (([m for m in months if m <= k], share), ([m for m in months if m > k], 1 - share)):
        s = sum(weights[m - 1] for m in part)
        for m in part:
            out[m - 1] = total * frac * weights[m - 1] / s
    return out


def _targets(year: int, rng: random.Random) -> dict[str, tuple[float, float]]:
    """(exports, imports) in M$ for every partner active in the year."""
    out: dict[str, tuple[float, float]] = {}
    for (iso, y), ei in cal.PINNED.items():
        if y == year:
            out[iso] = ei
    for iso, t in cal.TOP[year].items():
        e = cal.EXPORT_SHARE[iso]
        out[iso] = (t * e, t * (1 - e))
    ceiling = min(e + i for e, i in out.values()) / 1.2
    for iso, t in cal.AMONG_TAIL.get(year, {}).items():
        e = cal.EXPORT_SHARE[iso]
        out[iso] = (t * e, t * (1 - e))
    n_tail = cal.PARTNER_COUNT[year] - len(out)
    pool = [c for c in TAIL if c not in out]
    # partners persist from year to year: a stable score with a little yearly noise picks the tail
    scored = sorted(pool, key=lambda c: -(1.0 / (1 + TAIL.index(c)) ** 0.7) * rng.uniform(0.6, 1.4))
    for k, iso in enumerate(scored[:n_tail]):
        t = ceiling * 0.955 ** k * rng.uniform(0.85, 1.0)
        e = rng.uniform(0.3, 1.0)
        out[iso] = (t * e, t * (1 - e))
    return out


def _months(year: int, iso: str, rank_in_tail: int | None, rng: random.Random, late_only: bool) -> list[int]:
    if rank_in_tail is None or rank_in_tail < 25:
        return list(range(1, 13))
    if late_only:
        return sorted(rng.sample(range(5, 13), rng.randint(1, 4)))
    n = max(1, 12 - rank_in_tail // 8)
    months = set(rng.sample(range(1, 13), n))
    if year == 2024:
        months.add(rng.randint(1, 4))  # these partners must trade in January–April
    return sorted(months)


def _goods(iso: str, flow: str, total: float, rng: random.Random) -> list[tuple[str, float]]:
    """Codes and their shares of the partner's flow; more codes for bigger partners."""
    weights = dict(EXPORT_WEIGHTS if flow == "E" else IMPORT_WEIGHTS)
    for h, f in LEAN.get(iso, {}).items():
        if h in weights:
            weights[h] *= f
    n = max(1, min(len(weights), int(2 + 2.2 * math.log10(max(total, 1e-3) * 1000))))
    chosen: list[str] = []
    heads = list(weights)
    while len(chosen) < n:
        h = rng.choices(heads, [weights[x] for x in heads])[0]
        heads.remove(h)
        chosen.append(h)
    shares = [weights[h] * rng.gammavariate(2.0, 1.0) for h in chosen]
    codes = [(rng.choice(GOODS[h][0]), s) for h, s in zip(chosen, shares, strict=True)]
    merged: dict[str, float] = {}
    for c, s in codes:
        merged[c] = merged.get(c, 0) + s
    tot = sum(merged.values())
    return [(c, s / tot) for c, s in sorted(merged.items())]


def _plan(year: int) -> dict[tuple[str, str], list[float]]:
    """Monthly value in USD of every partner and flow of the region in a year."""
    rng = random.Random(f"volgograd-{year}")
    targets = _targets(year, rng)
    season = _season(rng)
    fixed = set(cal.TOP[year]) | set(cal.AMONG_TAIL.get(year, {})) | {iso for (iso, y) in cal.PINNED if y == year}
    tail = [iso for iso in sorted(targets, key=lambda c: -sum(targets[c])) if iso not in fixed]
    late = set(tail[-(cal.PARTNER_COUNT[2024] - cal.ACTIVE_JAN_APR_2024):]) if year == 2024 else set()
    plan: dict[tuple[str, str], list[float]] = {}
    for iso, (e, i) in sorted(targets.items()):
        rank = tail.index(iso) if iso in tail else None
        months = _months(year, iso, rank, rng, iso in late)
        w = [s * rng.uniform(0.92, 1.08) for s in season]
        for flow, value in (("E", e), ("I", i)):
            if value * 1e6 < 500:
                continue
            plan[(iso, flow)] = _spread(value * 1e6, w, months, cal.PART_YEAR.get((iso, year, flow)))
    if year == 2021:
        _pin_q1_exports(plan, cal.REGION_Q1_2021_EXPORTS * 1e6)
    if year == 2020:  # the growth of Q1 2021 on the plan of 2021 as it is, not on the round 650 M$
        _pin_q1_exports(plan, _q1_exports(_plan(2021)) / (1 + cal.REGION_Q1_2021_EXPORT_GROWTH))
    return plan


def _q1_exports(plan: dict[tuple[str, str], list[float]]) -> float:
    return sum(sum(v[:3]) for (_, f), v in plan.items() if f == "E")


def _pin_q1_exports(plan: dict[tuple[str, str], list[float]], target: float) -> None:
    """Move Turkey's exports between quarters (its year unchanged) so the region's Q1 exports are `target`."""
    q1 = _q1_exports(plan)
    months = plan[("TR", "E")]
    gap = target - q1
    first, rest = sum(months[:3]), sum(months[3:])  # both taken before any month moves, so the sums are exact
    for m in range(3):
        months[m] += gap * months[m] / first
    for m in range(3, 12):
        months[m] -= gap * months[m] / rest


def _rows(year: int, region: tuple[str, str, str], plan: dict[tuple[str, str], list[float]],
          rng: random.Random) -> list[list[str]]:
    rows = []
    for (iso, flow), months in sorted(plan.items()):
        goods = _goods(iso, flow, sum(months) / 1e6, rng)
        for m, total in enumerate(months, start=1):
            if total <= 0:
                continue
            jitter = [s * rng.uniform(0.8, 1.2) for _, s in goods]
            js = sum(jitter)
            for (code, _), j in zip(goods, jitter, strict=True):
                value = total * j / js
                if value < 50 and len(goods) > 1:
                    continue  # tiny lines are folded away, as in a real unload
                unit, price = GOODS[code[:4]][1], GOODS[code[:4]][2]
                netto = value / (price * rng.uniform(0.85, 1.15))
                qty = f"{netto / 1000 * rng.uniform(0.5, 2):.0f}" if unit else ""
                rows.append([FLOW_CODE[flow], f"{m:02d}/{year}", iso, code, unit, _num(value), _num(netto), qty,
                             f"{region[0]} - {region[1]}", region[2]])
    return rows


def _num(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def _other_region_plan(year: int) -> dict[tuple[str, str], list[float]]:
    """A small neighbour, so the store holds more than one region as a real unload does."""
    rng = random.Random(f"astrakhan-{year}")
    season = _season(rng)
    plan = {}
    for k, iso in enumerate(["KZ", "IR", "TR", "AZ", "TM", "CN", "UZ", "IN", "EG", "BY"]):
        for flow in ("E", "I"):
            plan[(iso, flow)] = _spread(60e6 * 0.8 ** k * rng.uniform(0.3, 1.0), season, list(range(1, 13)), None)
    return plan


def fts_file(year: int) -> bytes:
    """The DATTSVT.csv of one year, as bytes."""
    rng = random.Random(f"rows-{year}")
    rows = _rows(year, cal.REGION, _plan(year), rng)
    other = _other_region_plan(year)
    rows += _rows(year, cal.OTHER_REGION, other, rng)
    rows += national.fts_rows(year, {}, {})[0]  # the rest of Russia (demo/national.py): after the region's lines
    text = "\n".join("\t".join(r) for r in [HEADER] + rows) + "\n"
    return text.encode("utf-8")


def firms_file() -> bytes:
    """Firm counts by year, partner and kind, derived from the trade plan and pinned where published."""
    lines = ["year;partner;firms;kind"]
    for year in cal.YEARS:
        rng = random.Random(f"firms-{year}")
        plan = _plan(year)
        for iso in sorted({iso for iso, _ in plan}):
            e = sum(plan.get((iso, "E"), [0.0])) / 1e6
            i = sum(plan.get((iso, "I"), [0.0])) / 1e6
            exp = round(3 + 14 * e ** 0.45 * rng.uniform(0.8, 1.2)) if e else 0
            imp = round(2 + 9 * i ** 0.45 * rng.uniform(0.8, 1.2)) if i else 0
            exp = cal.FIRMS_PINNED.get((iso, year, "exporters"), exp)
            both = round(min(exp, imp) * rng.uniform(0.2, 0.4))
            anyf = cal.FIRMS_PINNED.get((iso, year, "any"), exp + imp - both)
            for kind, n in (("exporters", exp), ("importers", imp), ("any", max(anyf, exp, imp))):
                lines.append(f"{year};{iso};{n};{kind}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def write(out_dir: Path) -> list[Path]:
    """Write the default inputs into out_dir; the same bytes every time (ZIP timestamps are fixed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for year in cal.YEARS:
        path = out_dir / f"fts_{cal.REGION[0]}_{year}.zip"
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            info = zipfile.ZipInfo("DATTSVT.csv", date_time=(year + 1, 1, 31, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, fts_file(year))
        path.write_bytes(buf.getvalue())
        paths.append(path)
    firms = out_dir / "firms.csv"
    firms.write_bytes(firms_file())
    paths.append(firms)
    return paths + _write_national(out_dir)


def _write_national(out_dir: Path) -> list[Path]:
    """The Comtrade context files (demo/national.py), made from every region's trade of the unloads."""
    sums = {year: national.fts_rows(year, _plan(year), _other_region_plan(year))[1] for year in cal.YEARS}
    paths = []
    for name, data in national.comtrade_files(sums).items():
        (out_dir / name).write_bytes(data)
        paths.append(out_dir / name)
    return paths
