"""Every code of the FTS classifiers goes through the real importer: one row for each country code and each
region code, counted as README's definitions say (non-countries in the totals, never ranked), and a region name
that is not its code's refused at its line without renaming the region."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.ingest.pipeline import import_paths
from dashboard.ingest.report import ImportRejected
from dashboard.reference import fts_tables
from dashboard.store import answers, segments
from dashboard.store.db import Store
from dashboard.store.period import Period

HEADER = "napr\tperiod\tnastranapr\ttnved\tedizm\tStoim\tNetto\tKol\tRegion\tRegion_s\n"
COUNTRIES = [r["KOD"] for r in fts_tables.rows("country.csv")]
REGIONS = {r["OKATO_2"]: r["OKATO_2_N"] for r in fts_tables.rows("regions.csv")}  # "18000 - ВОЛГОГРАДСКАЯ ..."
NOT_COUNTRIES = {"NNN", "EU", "YY", "RU"}


def _line(flow: str, partner: str, hs10: str, dollars: int, region: str) -> str:
    return f"{flow}\t03/2022\t{partner}\t{hs10}\t\t{dollars},00\t1\t\t{region}\tЮФО"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int], dict[str, int]]:
    d = tmp_path_factory.mktemp("classifiers")
    # one export row per country code in Volgograd Oblast, each a different value (no ties)...
    by_country = {code: 1000 + 7 * i for i, code in enumerate(COUNTRIES)}
    lines = [_line("ЭК", c, "7304291000", v, REGIONS["18000"]) for c, v in by_country.items()]
    # ...and one import row from Kazakhstan per region code, named as the classifier names it
    by_region = {code: 500 + i for i, code in enumerate(REGIONS)}
    lines += [_line("ИМ", "KZ", "1001990000", by_region[c], name) for c, name in REGIONS.items()]
    (d / "all_codes.csv").write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    outcomes = import_paths(d / "db.duckdb", [d / "all_codes.csv"])
    assert outcomes[0].loaded and outcomes[0].rows == len(COUNTRIES) + len(REGIONS)
    return d / "db.duckdb", by_country, by_region


def test_the_classifiers_are_the_published_ones() -> None:
    assert len(COUNTRIES) == 254 and {"AB", "OS", "NNN", "EU", "YY"} <= set(COUNTRIES)
    assert len(REGIONS) == 92 and REGIONS["NNNNN"].startswith("NNNNN - НЕИЗВЕСТНАЯ")


def test_every_country_code_is_loaded_with_both_names(loaded) -> None:
    db, by_country, _ = loaded
    con = segments.connect(db)
    got = dict(con.execute("SELECT partner, CAST(sum(value_cents) AS BIGINT) FROM trade WHERE region = '18000' "
                           "AND flow = 'E' GROUP BY partner").fetchall())
    names = {r[0]: r[1:] for r in con.execute("SELECT iso2, name_ru, name_en FROM partners").fetchall()}
    con.close()
    assert got == {c: v * 100 for c, v in by_country.items()}
    assert all(names[c][0] and names[c][1] and names[c][1] != c for c in COUNTRIES)


def test_non_countries_count_in_the_totals_but_are_never_ranked(loaded) -> None:
    db, by_country, by_region = loaded
    store = Store(db)
    try:
        period = Period(2022, 3, 3)
        ranking = answers.ranking(store, "18000", period)
        kpis = answers.region_kpis(store, "18000", period)
    finally:
        store.close()
    ranked = set(COUNTRIES) - NOT_COUNTRIES
    assert set(ranking["iso2"]) == ranked
    assert set(ranking["of"]) == {len(ranked)}
    assert kpis is not None and kpis.partners_count == len(ranked)
    total = sum(by_country.values()) + by_region["18000"]  # Volgograd's own import row from KZ
    assert kpis.turnover.cents == total * 100
    assert kpis.unranked.cents == sum(by_country[c] for c in NOT_COUNTRIES) * 100
    # shares are of the whole turnover, so the ranked shares leave out exactly the unranked part
    assert ranking["share"].sum() == pytest.approx(1 - kpis.unranked.cents / kpis.turnover.cents)
    # the largest export value went to the last code of the classifier, ZW: ranked 1st
    assert ranking.set_index("iso2").loc["ZW", "rank"] == 1


def test_every_region_code_is_loaded_under_its_reference_name(loaded) -> None:
    db, _, by_region = loaded
    con = segments.connect(db)
    got = dict(con.execute("SELECT region, CAST(sum(value_cents) AS BIGINT) FROM trade WHERE flow = 'I' "
                           "GROUP BY region").fetchall())
    names = dict(con.execute("SELECT code, name FROM regions").fetchall())
    con.close()
    assert got == {c: v * 100 for c, v in by_region.items()}
    assert names["18000"] == "ВОЛГОГРАДСКАЯ ОБЛАСТЬ"
    assert names["45000"] == "ГОРОД МОСКВА"  # the shorter name of the reference, not the classifier's paragraph
    assert names["NNNNN"] == "НЕИЗВЕСТНАЯ АДМ.-ТЕРРИТОРИАЛЬНАЯ ЕДИНИЦА"


def test_the_english_unload_and_other_spellings_are_the_same_regions(tmp_path: Path) -> None:
    lines = [_line("EXP", "KZ", "7304291000", 10, "46000 - MOSCOW REGION"),
             _line("EXP", "KZ", "7304291000", 20, "45000 - Г. МОСКВА"),
             _line("IMP", "CN", "7304291000", 30, "71100 - ХАНТЫ-МАНСИЙСКИЙ АВТОНОМНЫЙ ОКРУГ - ЮГРА"),
             _line("IMP", "CN", "7304291000", 40, "18000 - VOLGOGRAD REGION"),
             _line("IMP", "CN", "7304291000", 50, "21000 - ДОНЕЦКАЯ НАРОДНАЯ РЕСПУБЛИКА")]
    (tmp_path / "en.csv").write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    assert import_paths(tmp_path / "db.duckdb", [tmp_path / "en.csv"])[0].loaded
    con = segments.connect(tmp_path / "db.duckdb")
    names = dict(con.execute("SELECT code, name FROM regions").fetchall())
    con.close()
    assert names == {"46000": "МОСКОВСКАЯ ОБЛАСТЬ", "45000": "ГОРОД МОСКВА", "18000": "ВОЛГОГРАДСКАЯ ОБЛАСТЬ",
                     "71100": "ХАНТЫ-МАНСИЙСКИЙ АВТОНОМНЫЙ ОКРУГ (ТЮМЕНСКАЯ ОБЛАСТЬ)",
                     "21000": "ДОНЕЦКАЯ НАРОДНАЯ РЕСПУБЛИКА"}


@pytest.mark.parametrize("bad_line", [2, 40])  # a short file (careful path) and a long clean one (fast path first)
def test_a_file_renaming_a_region_is_refused_at_its_lines_and_the_name_stays(tmp_path: Path, bad_line: int) -> None:
    good = [_line("ЭК", "KZ", f"73042910{i:02d}", 100 + i, "18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ") for i in range(60)]
    (tmp_path / "good.csv").write_text(HEADER + "\n".join(good) + "\n", encoding="utf-8")
    db = tmp_path / "db.duckdb"
    import_paths(db, [tmp_path / "good.csv"])
    renamed = [line.replace("ВОЛГОГРАДСКАЯ ОБЛАСТЬ", "ГОРОД МОСКВА") for line in good]
    renamed[bad_line - 2] = renamed[bad_line - 2].replace("18000 - ГОРОД МОСКВА", "99999 - НОВЫЙ РЕГИОН")
    (tmp_path / "moscow.csv").write_text(HEADER + "\n".join(renamed) + "\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as e:
        import_paths(db, [tmp_path / "moscow.csv"])
    problems = [(i.line, i.column, i.reason) for i in e.value.report.issues]
    assert (bad_line, "Region", "ingest.reason.region_unknown") in problems
    named = sorted(line for line, _, reason in problems if reason == "ingest.reason.region_name")
    assert named == [n for n in range(2, 62) if n != bad_line]
    con = segments.connect(db)
    assert con.execute("SELECT name FROM regions WHERE code = '18000'").fetchall() == [("ВОЛГОГРАДСКАЯ ОБЛАСТЬ",)]
    con.close()
