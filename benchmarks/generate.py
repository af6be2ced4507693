"""Deterministic all-regions FTS unload of a given size, for the benchmark.

    python -m benchmarks.generate --rows 10000000      # -> benchmarks/out/rows_10000000/*.csv
    python -m benchmarks.generate --rows 2000000 --unique-codes   # -> benchmarks/out/rows_2000000_unique/

The files are in the real format the importer reads (tab-separated UTF-8, decimal comma, the FTS header),
85 regions with their OKATO codes, ~250 partners, ~6,000 ten-digit codes, 10 years x 12 months, both flows.
Sizes are skewed the way real trade is (Moscow and a few partners and goods dominate), and every key
(region, month, flow, partner, code, unit) appears once, as the importer requires. The same N always gives
the same bytes: numpy's PCG64 seeded per month, formatting done by pyarrow (no locale, no float repr).
A year goes into one file, or into month blocks when a year would exceed MAX_FILE_ROWS, so that every file
stays under the importer's default upload limit.

--unique-codes gives every row a ten-digit code of its own (a real heading and a six-digit serial), the worst
key mix for anything that works on distinct values: the anchor's second mix (issue 17.1).
"""
from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from benchmarks.regions import REGIONS
from dashboard.reference import hs as ref_hs
from dashboard.reference import partners as ref_partners

SEED = 20230203
VERSION = 1                     # bump when the output changes, so cached files are regenerated
YEARS = tuple(range(2015, 2025))
MAX_FILE_ROWS = 1_100_000       # ~165 MB of text: below the default 200 MB upload limit
HEADER = "napr\tperiod\tnastranapr\ttnved\tedizm\tStoim\tNetto\tKol\tRegion\tRegion_s\n"
OUT = Path(__file__).resolve().parent / "out"
UNITS = ("", "", "", "ШТ", "Л", "М2", "ПАР", "М3")
# Partners and regions that lead real trade go first, so they get the largest weights.
TOP_PARTNERS = "CN TR KZ BY DE IN NL IT US UZ EG IR AE KR JP PL FI AZ FR CH".split()
TOP_REGIONS = ("45000", "40000", "46000", "03000", "60000", "92000", "41000", "65000", "18000")


def _zipf(n: int, s: float) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1) ** s
    return w / w.sum()


class Dims:
    """The dimension values and their sampling weights; fixed for every N."""

    def __init__(self) -> None:
        rng = np.random.default_rng([SEED, 0])
        codes = [r[0] for r in REGIONS]
        rest = [c for c in codes if c not in TOP_REGIONS]
        order = list(TOP_REGIONS) + [rest[i] for i in rng.permutation(len(rest))]
        by_code = {r[0]: r for r in REGIONS}
        self.region_col = pa.array([f"{c} - {by_code[c][1]}" for c in order])
        self.district_col = pa.array([by_code[c][2] for c in order])
        self.region_w = _zipf(len(order), 0.9)

        iso = sorted(p.iso2 for p in ref_partners.countries() if p.iso3)  # ISO countries, Russia not
        rest = [c for c in iso if c not in TOP_PARTNERS]
        self.partners = pa.array(TOP_PARTNERS + [rest[i] for i in rng.permutation(len(rest))])
        self.partner_w = _zipf(len(self.partners), 1.1)

        # ~6,000 codes: most under the headings the reference names, the rest anywhere in a real chapter
        headings = sorted(ref_hs.HEADINGS)
        chapters = sorted(ref_hs.CHAPTERS)
        n_codes = 6000
        known = rng.random(n_codes) < 0.6
        head = np.where(known, np.array(headings)[rng.integers(0, len(headings), n_codes)],
                        np.char.add(np.array(chapters)[rng.integers(0, len(chapters), n_codes)],
                                    np.char.zfill(rng.integers(1, 100, n_codes).astype(str), 2)))
        tail = np.char.zfill(rng.integers(0, 1_000_000, n_codes).astype(str), 6)
        code = np.unique(np.char.add(head.astype(str), tail))
        self.codes = pa.array(code[rng.permutation(len(code))])
        self.code_w = _zipf(len(self.codes), 0.8)
        self.code_unit = rng.integers(0, len(UNITS), len(self.codes))
        self.code_price = np.exp(rng.normal(np.log(2.0), 1.0, len(self.codes)))  # USD per kg
        self.units = pa.array(UNITS)


def _month_rows(dims: Dims, year: int, month: int, n: int, first_code: int | None = None) -> pa.Table:
    """n distinct keys of one month, with values; the same (year, month, n) always gives the same rows.
    With first_code, row i of the month has code number first_code + i (see _unique_codes) instead of a
    drawn one."""
    rng = np.random.default_rng([SEED, year, month, n])
    if first_code is not None:
        return _unique_month(dims, rng, year, month, n, first_code)
    P, C = len(dims.partners), len(dims.codes)
    keys = np.empty(0, dtype=np.int64)
    while len(keys) < n:
        m = int((n - len(keys)) * 1.1) + 16
        r = rng.choice(len(dims.region_w), m, p=dims.region_w)
        f = (rng.random(m) < 0.55).astype(np.int64)   # 1 = import
        p = rng.choice(P, m, p=dims.partner_w)
        c = rng.choice(C, m, p=dims.code_w)
        new = ((r * 2 + f) * P + p) * C + c
        both = np.concatenate([keys, new])
        _, first = np.unique(both, return_index=True)  # first occurrence: earlier draws keep their place
        keys = both[np.sort(first)]
    keys = np.sort(keys[:n])  # the unload is ordered by region, flow, partner, code
    c = keys % C
    p = (keys // C) % P
    f = (keys // (C * P)) % 2
    r = keys // (C * P * 2)
    cents = np.clip(np.exp(rng.normal(np.log(2e6), 2.0, n)), 100, 5e13).astype(np.int64)
    netto = (cents / dims.code_price[c] * rng.uniform(0.8, 1.25, n)).astype(np.int64) + 1
    return _table(dims, year, month, r, f, p, dims.codes.take(pa.array(c)), dims.code_unit[c], cents, netto)


def _unique_month(dims: Dims, rng: np.random.Generator, year: int, month: int, n: int,
                  first_code: int) -> pa.Table:
    """As _month_rows, but each row with a code of its own: the keys are distinct by their codes."""
    r = rng.choice(len(dims.region_w), n, p=dims.region_w)
    f = (rng.random(n) < 0.55).astype(np.int64)
    p = rng.choice(len(dims.partners), n, p=dims.partner_w)
    codes = _unique_codes(first_code, n)
    order = np.lexsort((codes, p, f, r))  # the unload's order: region, flow, partner, code
    r, f, p, codes = r[order], f[order], p[order], codes[order]
    price = np.exp(rng.normal(np.log(2.0), 1.0, n))
    cents = np.clip(np.exp(rng.normal(np.log(2e6), 2.0, n)), 100, 5e13).astype(np.int64)
    netto = (cents / price * rng.uniform(0.8, 1.25, n)).astype(np.int64) + 1
    return _table(dims, year, month, r, f, p, pa.array(codes), rng.integers(0, len(UNITS), n), cents, netto)


def _unique_codes(first: int, n: int) -> np.ndarray:
    """Ten-digit codes number first .. first + n - 1: a heading the reference names, then a six-digit serial
    (distinct up to 241 million rows)."""
    headings = np.array(sorted(ref_hs.HEADINGS))
    i = np.arange(first, first + n, dtype=np.int64)
    if first + n > len(headings) * 1_000_000:
        raise ValueError("too many rows for a code each")
    return np.char.add(headings[i % len(headings)], np.char.zfill((i // len(headings)).astype(str), 6))


def _table(dims: Dims, year: int, month: int, r: np.ndarray, f: np.ndarray, p: np.ndarray, codes: pa.Array,
           unit: np.ndarray, cents: np.ndarray, netto: np.ndarray) -> pa.Table:
    n = len(r)
    qty = np.where(unit >= 3, np.maximum(netto // 100 // 5, 1), -1)
    period = pa.array([f"{month:02d}/{year}"]).take(pa.array(np.zeros(n, dtype=np.int32)))
    return pa.table({
        "napr": pa.array(["ЭК", "ИМ"]).take(pa.array(f)),
        "period": period,
        "nastranapr": dims.partners.take(pa.array(p)),
        "tnved": codes,
        "edizm": dims.units.take(pa.array(unit)),
        "Stoim": _decimal_comma(cents),
        "Netto": _decimal_comma(netto),
        "Kol": pc.fill_null(pc.cast(pa.array(qty, mask=qty < 0), pa.string()), ""),
        "Region": dims.region_col.take(pa.array(r)),
        "Region_s": dims.district_col.take(pa.array(r)),
    })


def _decimal_comma(hundredths: np.ndarray) -> pa.Array:
    """12345 -> '123,45', vectorised."""
    whole = pc.cast(pa.array(hundredths // 100), pa.string())
    frac = pc.utf8_lpad(pc.cast(pa.array(hundredths % 100), pa.string()), 2, "0")
    return pc.binary_join_element_wise(whole, frac, ",")


def plan(rows: int) -> list[tuple[int, int, int, list[int]]]:
    """(year, first month, last month, rows of each month) of every file."""
    months = [(y, m) for y in YEARS for m in range(1, 13)]
    base, extra = divmod(rows, len(months))
    counts = {ym: base + (1 if i < extra else 0) for i, ym in enumerate(months)}
    per_year = base * 12 + 12
    blocks = 1 if per_year <= MAX_FILE_ROWS else min(12, math.ceil(per_year / MAX_FILE_ROWS))
    while 12 % blocks:
        blocks += 1
    out = []
    for y in YEARS:
        for b in range(blocks):
            m1, m2 = b * 12 // blocks + 1, (b + 1) * 12 // blocks
            out.append((y, m1, m2, [counts[(y, m)] for m in range(m1, m2 + 1)]))
    return out


def generate(rows: int, out_dir: Path | None = None, force: bool = False, unique_codes: bool = False) -> list[Path]:
    """Write the files (or reuse them when a complete set of the same version is already there)."""
    out_dir = out_dir or OUT / (f"rows_{rows}_unique" if unique_codes else f"rows_{rows}")
    manifest = out_dir / "manifest.json"
    mix = "unique-codes" if unique_codes else "realistic"
    if not force and manifest.exists():
        m = json.loads(manifest.read_text())
        paths = [out_dir / f for f in m["files"]]
        if (m.get("version") == VERSION and m.get("rows") == rows and m.get("mix", "realistic") == mix
                and all(p.exists() for p in paths)):
            return paths
    out_dir.mkdir(parents=True, exist_ok=True)
    dims = Dims()
    opts = pacsv.WriteOptions(include_header=False, delimiter="\t", quoting_style="none")
    paths = []
    first = 0  # the code number of the next row (unique_codes)
    for year, m1, m2, counts in plan(rows):
        path = out_dir / f"DATTSVT_{year}_{m1:02d}-{m2:02d}.csv"
        with pa.OSFile(str(path), "wb") as sink:
            sink.write(HEADER.encode("utf-8"))
            for month, n in zip(range(m1, m2 + 1), counts, strict=True):
                if n:
                    block = _month_rows(dims, year, month, n, first if unique_codes else None)
                    pacsv.write_csv(block, sink, write_options=opts)
                    first += n
        paths.append(path)
    manifest.write_text(json.dumps({"version": VERSION, "rows": rows, "mix": mix, "files": [p.name for p in paths]}))
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--force", action="store_true", help="regenerate even if the files exist")
    ap.add_argument("--unique-codes", action="store_true", help="every row a ten-digit code of its own")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    paths = generate(args.rows, args.out, args.force, args.unique_codes)
    size = sum(p.stat().st_size for p in paths)
    print(f"{args.rows} rows in {len(paths)} files, {size / 1e6:.0f} MB, {time.perf_counter() - t0:.1f} s "
          f"-> {paths[0].parent}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
