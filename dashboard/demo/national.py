"""The national picture of the demonstration data: the other Russian regions' trade with the main partners
(lines of the yearly FTS unload, which then holds every region as the real one does) and the Comtrade context
(Russia as reporter up to 2021, the partners' mirror figures up to 2023).

Invented like the rest of the demo and loaded as demo data. The region's own file is untouched, so every
published figure (data/published_figures.csv) still holds; the other regions only add a place among regions
(Volgograd 12th of 85 with Kazakhstan in 2021 by construction: eleven regions above it, the rest below) and
national totals of which the regions hold a stated part.
"""
from __future__ import annotations

import random

from dashboard.demo import calibration as cal
from dashboard.demo.products import GOODS
from dashboard.reference import partners as ref_partners
from dashboard.reference import regions as ref_regions

# partners of the national picture: the region's main ones
PARTNERS = ("KZ", "BY", "TR", "CN", "UZ", "AZ", "AM", "IN", "EG", "IR")
# autonomous okrugs merged into their krai or oblast in 2005-2008: still in the 2016 classifier, no longer subjects
ABOLISHED = {"04100", "04130", "25100", "30100", "57100", "76100"}
NATIONAL_YEARS = (2019, 2020, 2021)          # Russia reported to Comtrade up to 2021
MIRROR_YEARS = (2019, 2020, 2021, 2022, 2023)
# the part of Russia's trade with a partner that the regions' unloads hold (the rest: no region assigned)
REGIONS_PART = {"E": 0.93, "I": 0.90}
CIF_OVER_FOB = 1.06     # the partner values its imports CIF, Russia its exports FOB
MIRROR_GAP = 0.97       # the partner's exports to Russia against Russia's imports from it (timing, valuation)
# (code, value) of the demo's goods used on other regions' lines: one line a flow and month keeps the file small
CODES = {"E": ("2710194200", "7304291000", "1001990000", "7601103000"),
         "I": ("8479899708", "8704229108", "0808108000", "7202110000")}


def other_regions() -> list[tuple[str, str, str]]:
    """(code, name as the FTS spells it, federal district) of the 83 subjects besides the demo's two."""
    own = {cal.REGION[0], cal.OTHER_REGION[0]}
    return [(r.code, r.fts_name, "") for r in ref_regions.all_regions()
            if r.fts_name and r.code not in own | ABOLISHED | {"NNNNN"}]


def _kz_values(n: int, own: float, rng: random.Random) -> list[float]:
    """Yearly trade with Kazakhstan of n regions in M$: eleven above `own` (the region's), the rest below it."""
    above = [own * 1.07 * 1.3 ** (10 - k) * rng.uniform(0.97, 1.03) for k in range(11)]
    below = [own * 0.94 * 0.93 ** j * rng.uniform(0.9, 1.0) for j in range(n - 11)]
    return above + below


def regions_plan(year: int) -> dict[tuple[str, str, str], list[float]]:
    """(region, partner, flow) -> monthly USD of every other region with the partners of the national picture."""
    rng = random.Random(f"regions-{year}")
    regions = other_regions()
    own = sum(cal.PINNED[("KZ", year)])  # the region's turnover with Kazakhstan, M$
    kz = _kz_values(len(regions), own, rng)
    order = list(regions)
    rng.shuffle(order)  # which region stands where is invented, and the same every run
    plan: dict[tuple[str, str, str], list[float]] = {}
    for (code, _, _), value in zip(order, kz, strict=True):
        trades = ["KZ"] + sorted(rng.sample(PARTNERS[1:], rng.randint(2, 5)))
        for iso in trades:
            total = value if iso == "KZ" else value * rng.uniform(0.1, 1.2)
            export = rng.uniform(0.55, 0.85)
            for flow, part in (("E", export), ("I", 1 - export)):
                weights = [rng.uniform(0.8, 1.2) for _ in range(12)]
                s = sum(weights)
                plan[(code, iso, flow)] = [total * 1e6 * part * w / s for w in weights]
    return plan


def fts_rows(year: int, own: dict[tuple[str, str], list[float]], astrakhan: dict[tuple[str, str], list[float]]
             ) -> tuple[list[list[str]], dict[tuple[str, str], float]]:
    """The other regions' lines of a year's all-regions unload, and every region's yearly USD by (partner, flow),
    the demo's own two regions included (their plans are given), from which the national figures are made."""
    from dashboard.demo.generate import FLOW_CODE, _num
    rng = random.Random(f"regions-rows-{year}")
    rows = []
    sums: dict[tuple[str, str], float] = {}
    names = {code: (name, district) for code, name, district in other_regions()}
    for (code, iso, flow), months in sorted(regions_plan(year).items()):
        for m, value in enumerate(months, start=1):
            hs = rng.choice(CODES[flow])
            price = GOODS[hs[:4]][2]
            cents = round(value * 100)
            rows.append([FLOW_CODE[flow], f"{m:02d}/{year}", iso, hs, GOODS[hs[:4]][1], _num(cents / 100),
                         _num(value / price), "", f"{code} - {names[code][0]}", names[code][1]])
            sums[(iso, flow)] = sums.get((iso, flow), 0.0) + cents / 100
    for plan in (own, astrakhan):
        for (iso, flow), months in plan.items():
            if iso in PARTNERS:
                sums[(iso, flow)] = sums.get((iso, flow), 0.0) + sum(months)
    return rows, sums


HEADER = "typeCode,freqCode,refYear,period,reporterISO,flowCode,partnerISO,partner2ISO,classificationCode,cmdCode," \
         "netWgt,primaryValue"


def _iso3(iso2: str) -> str:
    p = ref_partners.get(iso2)
    assert p is not None and p.iso3, iso2
    return p.iso3


def comtrade_files(sums_by_year: dict[int, dict[tuple[str, str], float]]) -> dict[str, bytes]:
    """Comtrade+ annual downloads (HS totals): Russia as reporter, and the partners' mirror figures (each
    partner as reporter, Russia as partner). Russia's figures are the regions' sums over REGIONS_PART; after 2021
    the mirror grows with the regions' trade."""
    national = [HEADER]
    mirror = [HEADER]
    rng = random.Random("comtrade")
    for year in sorted(set(NATIONAL_YEARS) | set(MIRROR_YEARS)):
        sums = sums_by_year[year]
        for iso in PARTNERS:
            ru_e = sums.get((iso, "E"), 0.0) / REGIONS_PART["E"]
            ru_i = sums.get((iso, "I"), 0.0) / REGIONS_PART["I"]
            if year in NATIONAL_YEARS:
                for flow, v in (("X", ru_e), ("M", ru_i)):
                    national.append(f"C,A,{year},{year},RUS,{flow},{_iso3(iso)},W00,H5,TOTAL,,{v:.2f}")
            if year in MIRROR_YEARS:
                # the partner's imports from Russia are Russia's exports, valued CIF; its exports are Russia's imports
                for flow, v in (("M", ru_e * CIF_OVER_FOB * rng.uniform(0.98, 1.02)),
                                ("X", ru_i * MIRROR_GAP * rng.uniform(0.97, 1.03))):
                    mirror.append(f"C,A,{year},{year},{_iso3(iso)},{flow},RUS,W00,H5,TOTAL,,{v:.2f}")
    return {"comtrade_russia.csv": ("\n".join(national) + "\n").encode("utf-8"),
            "comtrade_mirror.csv": ("\n".join(mirror) + "\n").encode("utf-8")}
