"""The region in the national picture (issue 14.4): `context --json` against SQL written here on the tables
themselves (trade and comtrade, not the rollups or the metric macros), the scope rule of a share, mirror flows
reversed, and periods that annual Comtrade figures cannot serve."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.ingest.pipeline import import_paths
from dashboard.store import national, segments
from dashboard.store.db import Store
from dashboard.store.period import Period
from dashboard.store.versions import current

FTS_HEADER = "napr\tperiod\tnastranapr\ttnved\tedizm\tStoim\tNetto\tKol\tRegion\tRegion_s\n"
CT_HEADER = "typeCode,freqCode,refYear,period,reporterISO,flowCode,partnerISO,partner2ISO,classificationCode,cmdCode," \
            "netWgt,primaryValue\n"


def _context(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["--db", str(db), "context", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _sql(db: Path, query: str, *params: object) -> list[tuple]:
    con = segments.connect(current(db))
    try:
        return con.execute(query, list(params)).fetchall()
    finally:
        con.close()


def test_context_json_agrees_with_sql_on_the_tables(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _context(demo_db, capsys, "--partner", "KZ", "--year", "2021")
    by_region = dict(_sql(demo_db, "SELECT region, sum(value_cents) FROM trade WHERE partner = 'KZ' AND year = 2021 "
                                   "GROUP BY region HAVING sum(value_cents) > 0"))
    own = by_region["18000"]
    assert out["place"]["rank"] == 1 + sum(v > own for v in by_region.values())
    assert out["place"]["of"] == len(by_region) and out["place"]["of"] > 1
    assert out["place"]["turnover_usd"] == own / 100 == out["region_trade"]["turnover_usd"]
    assert out["place"]["regions_total_usd"] == sum(by_region.values()) / 100
    flows = dict(_sql(demo_db, "SELECT reporter || partner || flow, sum(value_cents) FROM comtrade "
                               "WHERE year = 2021 AND hs = 'TOTAL' AND month = 0 GROUP BY ALL"))
    nat = out["national"]
    assert (nat["exports_usd"], nat["imports_usd"]) == (flows["RUKZE"] / 100, flows["RUKZI"] / 100)
    assert out["share_of_national"] == pytest.approx(own / (flows["RUKZE"] + flows["RUKZI"]))
    assert out["share_scope"] == "scope.with_eaeu" == nat["scope"]["eaeu"] == out["region_trade"]["scope"]["eaeu"]
    mir = out["mirror"]  # the partner reports: its imports from Russia are Russia's exports
    assert (mir["reporter"], mir["partner"]) == ("KZ", "RU")
    assert (mir["russia_exports_usd"], mir["russia_imports_usd"]) == (flows["KZRUI"] / 100, flows["KZRUE"] / 100)
    assert (mir["russia_exports_valued"], mir["russia_imports_valued"]) == ("CIF", "FOB")
    files = dict(_sql(demo_db, "SELECT DISTINCT c.reporter, s.file_name FROM comtrade c "
                               "JOIN sources s USING (source_id) WHERE c.year = 2021"))
    assert nat["scope"]["files"] == [files["RU"]] and mir["scope"]["files"] == [files["KZ"]]


def test_the_published_place_among_regions_of_the_demo(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The demo is built to put the region 12th of 85 with Kazakhstan; after 2021 Russia has no Comtrade figures,
    the mirror figures stay."""
    out = _context(demo_db, capsys, "--partner", "KZ", "--year", "2022")
    assert (out["place"]["rank"], out["place"]["of"]) == (12, 85)
    assert out["national"] is None and out["share_of_national"] is None and out["mirror"] is not None


def test_a_part_year_gets_no_annual_comtrade_figure(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _context(demo_db, capsys, "--partner", "KZ", "--year", "2021", "--months", "1-9")
    assert out["period"] == "2021-01..2021-09"
    assert out["national"] is None and out["mirror"] is None
    assert out["place"] is not None  # the regions' own months are there


def _store(tmp_path: Path, eaeu: bool, other_region: bool = True) -> Path:
    lines = ["ЭК\t01/2021\tKZ\t7304291000\t\t1000\t1\t\t18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ\tЮФО"]
    if other_region:
        lines.append("ЭК\t01/2021\tKZ\t7304291000\t\t3000\t1\t\t12000 - АСТРАХАНСКАЯ ОБЛАСТЬ\tЮФО")
    fts = tmp_path / "fts.csv"
    fts.write_text(FTS_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    ct = tmp_path / "ct.csv"
    # monthly figures (period 202101): the region's file holds January only, so its year is cut to January
    ct.write_text(CT_HEADER + "C,M,2021,202101,RUS,X,KAZ,W00,H5,TOTAL,,9000\n"
                  "C,M,2021,202101,RUS,M,KAZ,W00,H5,TOTAL,,1000\n", encoding="utf-8")
    db = tmp_path / "db.duckdb"
    import_paths(db, [fts], eaeu=eaeu)
    import_paths(db, [ct])
    return db


def test_a_share_of_russia_only_on_the_same_scope(tmp_path: Path) -> None:
    """A region file without EAEU trade against Russia's national figures (which count it): no share, and the
    reason said; with EAEU trade on both sides the share is the region's turnover over Russia's."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    apart = national.national_picture(Store(_store(tmp_path / "a", eaeu=False)), "18000", Period(2021), "KZ")
    assert apart.national is not None and apart.position is not None
    assert apart.share_of_national is None and apart.share_scope_key == "national.scope_differs"
    # the place among regions is on the regions' own rows: the same scope by construction, so it stays
    assert apart.place is not None and (apart.place.rank, apart.place.of, apart.place.share) == (2, 2, 0.25)
    same = national.national_picture(Store(_store(tmp_path / "b", eaeu=True)), "18000", Period(2021), "KZ")
    assert same.period == Period(2021, 1, 1)
    assert same.share_of_national == 1000 / 10000 and same.share_scope_key == "scope.with_eaeu"


def test_no_place_among_one_region(tmp_path: Path) -> None:
    db = _store(tmp_path, eaeu=True, other_region=False)
    assert national.region_place(Store(db), "18000", Period(2021), "KZ") is None
