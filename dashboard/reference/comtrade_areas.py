"""UN Comtrade's own reporter and partner areas (comtrade_areas.csv): the codes of a Comtrade file that ISO 3166
does not give, or gives differently.

Source: UN Comtrade's published area lists — the reporter and partner reference lists of Comtrade+ (edition of
2023) and, for EU-28's alphanumeric code EU2, the legacy Comtrade partner list (edition of 2019). Only the
codes the importer needs are here, as facts (code, alphanumeric code, name); every other numeric code is the
country's UN M49 code, read through pycountry's ISO 3166 numeric codes.

Columns: code (numeric, as Comtrade writes it; blank for an alphanumeric code seen without one), alpha (Comtrade's
ISO-like code; blank where the list has none), iso2 (the country it is, for Comtrade's own numbers of a country:
842 USA where M49 has 840, 251 France with Monaco, 699 India, 757 Switzerland, 579 Norway, 381 Italy), kind:
  country  a country under a Comtrade number of its own
  world    all partners together
  nes      areas not elsewhere specified (490 "Other Asia, nes" holds Taiwan's trade as partner)
  group    a reporter group (EU-28)
  special  bunkers, free zones, special categories
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

FILE = Path(__file__).with_name("comtrade_areas.csv")
KINDS = ("country", "world", "nes", "group", "special")


@dataclass(frozen=True)
class Area:
    code: str     # the store's code: ISO alpha-2 for a country, else Comtrade's alphanumeric or numeric code
    kind: str     # one of KINDS
    name_en: str


@cache
def _rows() -> tuple[dict[str, str], ...]:
    with FILE.open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


@cache
def by_alpha() -> dict[str, Area]:
    """Comtrade's alphanumeric codes of its own areas (S19, W00, EU2...) and of its country numbers."""
    return {r["alpha"]: Area(r["iso2"] or r["alpha"], r["kind"], r["name_en"]) for r in _rows() if r["alpha"]}


@cache
def by_number() -> dict[int, Area]:
    """Every numeric code a Comtrade file may hold: Comtrade's own areas over UN M49 (ISO 3166 numeric)."""
    found: dict[int, Area] = {int(c.numeric): Area(c.alpha_2, "country", c.name) for c in pycountry.countries}
    for r in _rows():
        if r["code"]:
            found[int(r["code"])] = Area(r["iso2"] or r["alpha"] or r["code"], r["kind"], r["name_en"])
    return found
