"""Issue 17.3: the goods page's whole year from its own rollup (r_heading_year: the region's headings summed over the
months, in the segments: test_heading_year_segments.py), and the names of the codes added in Python
(store/structure.py) rather than by SQL.
The answers are the ones the monthly rollup and the joins in SQL gave; a version made before the rollup is read
through a view summing its monthly rollup, and its next publication builds the table."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard.demo.generate import fts_file
from dashboard.store import answers, publication, segments, versions
from dashboard.store.db import Store
from dashboard.store.period import Period
from tests.fixtures.demo_months import import_bytes, month_file

KEY = ["region", "year", "flow", "heading"]
DEFINITION = ("SELECT region, year, flow, heading, CAST(sum(value_cents) AS BIGINT) AS value_cents, "
              "sum(netto_kg) AS netto_kg FROM r_heading_region GROUP BY ALL")
# The goods structure as SQL gave it before the names moved to store/structure.py: the reference of the answers.
NAMED_BY_SQL = """
WITH t AS (
    SELECT flow, heading, CAST(sum(value_cents) AS BIGINT) AS value_cents, sum(netto_kg) AS netto_kg
    FROM {table} WHERE region = $region AND year = $year AND month BETWEEN $m_from AND $m_to {partner}
    GROUP BY flow, heading
)
SELECT t.flow, c.section, s.roman, s.name_ru AS section_ru, s.name_en AS section_en,
       substr(t.heading, 1, 2) AS chapter, c.name_ru AS chapter_ru, c.name_en AS chapter_en,
       t.heading, h.name_ru AS heading_ru, h.name_en AS heading_en, t.value_cents, t.value_cents / 100 AS value_usd,
       t.netto_kg
FROM t
LEFT JOIN hs_chapters c ON c.chapter = substr(t.heading, 1, 2)
LEFT JOIN hs_sections s ON s.section = c.section
LEFT JOIN hs_headings h ON h.heading = t.heading
ORDER BY t.value_cents DESC, t.flow, t.heading
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    published = tmp_path / "db" / "t.duckdb"
    import_bytes(published, tmp_path, "y2022.csv", fts_file(2022))
    for month in (1, 2, 3):
        import_bytes(published, tmp_path, f"m{month}.csv", month_file(2023, month))
    import_bytes(published, tmp_path, "fix.csv", month_file(2023, 2, 2.0))  # February withdrawn from its segment
    return published


def _seen(db: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """r_heading_year as readers see it, and its definition over r_heading_region as they see it."""
    current = versions.current(db)
    assert current is not None
    con = segments.connect(current)
    try:
        return tuple(con.execute(q).df().sort_values(KEY).reset_index(drop=True)  # type: ignore[return-value]
                     for q in ("SELECT * FROM r_heading_year", DEFINITION))
    finally:
        con.close()


def _equal(got: pd.DataFrame, want: pd.DataFrame) -> None:
    assert len(got) == len(want) > 0
    assert got["value_cents"].tolist() == want["value_cents"].tolist()  # money exact
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-12)  # net mass: sums in another order


def _own_tables(db: Path) -> set[str]:
    current = versions.current(db)
    assert current is not None
    con = duckdb.connect(str(current), read_only=True)
    try:
        rows = con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()
        return {r[0] for r in rows}
    finally:
        con.close()


def _sql_named(store: Store, period: Period, partner: str | None) -> pd.DataFrame:
    text = NAMED_BY_SQL.format(table="r_heading_month" if partner else "r_heading_region",
                               partner="AND partner = $partner" if partner else "")
    params = {"region": "18000", **period.params} | ({"partner": partner} if partner else {})
    with store._cursor() as (cur, _):
        return cur.execute(text, params).df()


def _answers(db: Path) -> dict[tuple, pd.DataFrame]:
    store = Store(db)
    try:
        return {(p, iso2): answers.commodity_structure(store, "18000", p, iso2)
                for p in (Period(2022), Period(2023), Period(2023, 1, 2), Period(2023, 2, 2)) for iso2 in (None, "KZ")}
    finally:
        store.close()


def test_every_import_keeps_the_whole_year_equal_to_its_months_summed(db: Path, tmp_path: Path) -> None:
    _equal(*_seen(db))
    import_bytes(db, tmp_path, "fix2.csv", month_file(2023, 3, 0.5))  # another correction, of the same region-year
    _equal(*_seen(db))


def test_the_goods_structure_is_what_the_monthly_rollup_and_the_joins_in_sql_gave(db: Path) -> None:
    store = Store(db)
    try:
        for period in (Period(2022), Period(2023), Period(2023, 1, 2), Period(2023, 2, 2)):
            for iso2 in (None, "KZ"):
                got = answers.commodity_structure(store, "18000", period, iso2)
                want = _sql_named(store, period, iso2)
                assert len(got) > 0 and got["value_cents"].tolist() == want["value_cents"].tolist()
                assert got.drop(columns="netto_kg").equals(want.drop(columns="netto_kg")), (period, iso2)
                pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-12)
    finally:
        store.close()


def test_a_heading_without_a_name_and_a_chapter_without_a_section_give_none(db: Path) -> None:
    current = versions.current(db)
    assert current is not None
    con = segments.connect(current)
    heading = con.execute("SELECT heading FROM r_heading_year WHERE region = '18000' AND year = 2022 "
                          "ORDER BY value_cents DESC LIMIT 1").fetchall()[0][0]
    con.close()
    con = duckdb.connect(str(current))  # as a reference table of another release might leave it
    con.execute("DELETE FROM hs_headings WHERE heading = $h", {"h": heading})
    con.execute("DELETE FROM hs_sections WHERE section = (SELECT section FROM hs_chapters WHERE chapter = $c)",
                {"c": heading[:2]})
    con.close()
    store = Store(db)
    try:
        got = answers.commodity_structure(store, "18000", Period(2022))
        want = _sql_named(store, Period(2022), None)
    finally:
        store.close()
    row = got[got["heading"] == heading].iloc[0]
    assert pd.isna(row["heading_ru"]) and pd.isna(row["section_ru"]) and pd.isna(row["roman"])
    assert not pd.isna(row["chapter_ru"])
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-12)


def test_a_version_made_before_it_is_read_through_its_months_and_its_next_publication_builds_it(db: Path) -> None:
    before = _answers(db)
    for _, p in versions.versions(db):  # as a release before the whole-year rollup left the store
        con = duckdb.connect(str(p))
        con.execute("DROP TABLE IF EXISTS r_heading_year")
        con.execute("CHECKPOINT")
        con.close()
    assert "r_heading_year" not in _own_tables(db)
    _equal(*_seen(db))  # the view over the monthly rollup: the same sums
    for key, frame in _answers(db).items():
        assert frame.drop(columns="netto_kg").equals(before[key].drop(columns="netto_kg")), key
    publication.publish(db, lambda w: w.run("set_meta", key="note", value="a save with no declarations"), who="t")
    assert "r_heading_year" in _own_tables(db)
    _equal(*_seen(db))
    for key, frame in _answers(db).items():
        assert frame.drop(columns="netto_kg").equals(before[key].drop(columns="netto_kg")), key
        pd.testing.assert_frame_equal(frame, before[key], check_exact=False, rtol=1e-12)
