"""Writing side of the store: schema, reference tables and rollups, applied inside a new version."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from dashboard.reference import hs as ref_hs
from dashboard.reference import partners as ref_partners

HERE = Path(__file__).parent
SCHEMA_VERSION = "1"


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute((HERE / "schema.sql").read_text(encoding="utf-8"))
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])


def refresh_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Partners and HS names come from the code's reference package, so a new release updates them."""
    parts = pd.DataFrame([{
        "iso2": p.iso2, "iso3": p.iso3, "name_ru": p.name_ru, "name_en": p.name_en,
        "eaeu": "EAEU" in p.groups, "cis": "CIS" in p.groups, "eu": "EU" in p.groups,
        "brics": "BRICS" in p.groups, "sco": "SCO" in p.groups,
    } for p in ref_partners.all_partners()])
    sections = pd.DataFrame([{"section": s.number, "roman": s.roman, "name_ru": s.name_ru, "name_en": s.name_en}
                             for s in ref_hs.SECTIONS])
    chapters = pd.DataFrame([{"chapter": c.code, "section": c.section, "name_ru": c.name_ru,
                              "name_en": c.name_en} for c in ref_hs.CHAPTERS.values()])
    headings = pd.DataFrame([{"heading": k, "name_ru": v[0], "name_en": v[1]} for k, v in ref_hs.HEADINGS.items()])
    for table, df in (("partners", parts), ("hs_sections", sections), ("hs_chapters", chapters),
                      ("hs_headings", headings)):
        con.execute(f"DELETE FROM {table}")  # table names are the constants above, never user input
        con.register("_ref", df)
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _ref")
        con.unregister("_ref")


def define_metrics(con: duckdb.DuckDBPyConnection) -> None:
    """The metric macros (they read the rollups, which apply_schema creates)."""
    con.execute((HERE / "metrics.sql").read_text(encoding="utf-8"))


def next_id(con: duckdb.DuckDBPyConnection, table: str, column: str) -> int:
    row = con.execute(f"SELECT coalesce(max({column}), 0) + 1 FROM {table}").fetchone()
    return int(row[0]) if row else 1


def loaded_hashes(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT sha256 FROM sources").fetchall()}


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])
