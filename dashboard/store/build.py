"""What every publication writes besides its own rows: the schema, the reference tables and the meta values
(applied by store/publication.py, inside a new version). The metric macros are not stored: every reader
defines them (store/db.py)."""
from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.reference import hs as ref_hs
from dashboard.reference import partners as ref_partners
from dashboard.store import rollups, sqlfiles

SCHEMA_VERSION = "2"  # 2: money in integer cents (value_cents BIGINT); 1 held float dollars (value_usd DOUBLE)


def apply_schema(con: duckdb.DuckDBPyConnection) -> bool:
    """The schema of this release; whether an older one was converted. A copy of a version of schema 1 is
    converted here, so an upgrade keeps its data: money to cents (money_to_cents.sql), then the rollups summed
    again from the cents."""
    sqlfiles.run(con, "schema")
    sqlfiles.run(con, "drop_stored_macros")
    converted = bool(sqlfiles.run(con, "float_money_tables").fetchall())
    if converted:
        sqlfiles.run(con, "money_to_cents")
        sqlfiles.run(con, "schema")
        rollups.rebuild(con)
    if sqlfiles.run(con, "firms_int32").fetchall()[0][0]:  # 32-bit firm counts: 64-bit, values kept
        sqlfiles.run(con, "firms_to_bigint")
    set_meta(con, "schema_version", SCHEMA_VERSION)
    return converted


def refresh_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Partners and HS names come from the code's reference package, so a new release updates them."""
    frames = {
        "_partners": pd.DataFrame([{
            "iso2": p.iso2, "iso3": p.iso3, "name_ru": p.name_ru, "name_en": p.name_en,
            "eaeu": "EAEU" in p.groups, "cis": "CIS" in p.groups, "eu": "EU" in p.groups,
            "brics": "BRICS" in p.groups, "sco": "SCO" in p.groups,
        } for p in ref_partners.all_partners()]),
        "_sections": pd.DataFrame([{"section": s.number, "roman": s.roman, "name_ru": s.name_ru,
                                    "name_en": s.name_en} for s in ref_hs.SECTIONS]),
        "_chapters": pd.DataFrame([{"chapter": c.code, "section": c.section, "name_ru": c.name_ru,
                                    "name_en": c.name_en} for c in ref_hs.CHAPTERS.values()]),
        "_headings": pd.DataFrame([{"heading": k, "name_ru": v[0], "name_en": v[1]}
                                   for k, v in ref_hs.HEADINGS.items()]),
    }
    with sqlfiles.registered(con, **frames):
        sqlfiles.run(con, "replace_reference")


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    sqlfiles.run(con, "set_meta", key=key, value=value)
