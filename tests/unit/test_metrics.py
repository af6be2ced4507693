"""The metrics of the README's "Definitions" on a hand-computed example: turnover, M, rank with ties, share,
growth on the same months, and the period cut to the loaded months."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.ingest.pipeline import import_paths
from dashboard.store import answers
from dashboard.store.answers import Money
from dashboard.store.db import Store
from dashboard.store.period import Period

HEADER = "napr\tperiod\tnastranapr\ttnved\tedizm\tStoim\tNetto\tKol\tRegion\tRegion_s\n"

# 2021: KZ 100 (Jan) + 50 (Jul); BY 60; TR 40.    2022 (Jan–Mar loaded only): KZ 30 exp + 10 imp (Jan),
# BY 40 (Feb), TR 40 (Mar), CN 0 (a zero line: not a partner), IT 5 (Mar)
ROWS = [
    ("ЭК", "01/2021", "KZ", 100), ("ЭК", "07/2021", "KZ", 50), ("ИМ", "02/2021", "BY", 60),
    ("ЭК", "03/2021", "TR", 40),
    ("ЭК", "01/2022", "KZ", 30), ("ИМ", "01/2022", "KZ", 10), ("ЭК", "02/2022", "BY", 40),
    ("ЭК", "03/2022", "TR", 40), ("ЭК", "03/2022", "CN", 0), ("ИМ", "03/2022", "IT", 5),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    d = tmp_path_factory.mktemp("m")
    lines = [f"{f}\t{p}\t{c}\t7304291000\t\t{v}\t1\t\t18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ\tЮФО" for f, p, c, v in ROWS]
    (d / "f.csv").write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    import_paths(d / "db.duckdb", [d / "f.csv"])
    s = Store(d / "db.duckdb")
    yield s
    s.close()


def test_rank_ties_share_the_better_place_and_m_counts_positive_turnover(store: Store) -> None:
    r = answers.ranking(store, "18000", Period(2022, 1, 3)).set_index("iso2")
    # KZ 40, BY 40, TR 40 tie for 1st; IT 5 is 4th; CN traded nothing
    assert r["rank"].to_dict() == {"BY": 1, "KZ": 1, "TR": 1, "IT": 4}
    assert set(r["of"]) == {4}
    assert r.loc["KZ", "turnover_usd"] == 40 and r.loc["KZ", "imports_usd"] == 10
    assert r.loc["IT", "share"] == pytest.approx(5 / 125)


def test_growth_is_on_the_same_months(store: Store) -> None:
    r = answers.ranking(store, "18000", Period(2022, 1, 3)).set_index("iso2")
    # KZ Jan–Mar 2021 = 100 (July is outside): 40 / 100 - 1
    assert r.loc["KZ", "growth"] == pytest.approx(-0.6)
    assert r.loc["BY", "growth"] == pytest.approx(40 / 60 - 1)
    assert r.loc["TR", "growth"] == pytest.approx(0.0)
    assert r["growth"].isna()["IT"]  # nothing to compare with
    assert r.loc["KZ", "prev_rank"] == 1 and r.loc["TR", "prev_rank"] == 3


def test_a_full_year_request_is_cut_to_the_loaded_months(store: Store) -> None:
    cov = answers.coverage(store, "18000")
    p = cov.effective(Period(2022))
    assert p == Period(2022, 1, 3)
    assert not cov.covers(Period(2022)) and cov.covers(Period(2022, 2, 3)) and cov.covers(Period(2021, 1, 7))
    assert not cov.covers(Period(2021)) and not cov.covers(Period(2020, 1, 1))
    # no year is loaded through December: the latest year loaded
    assert cov.years == [2021, 2022] and cov.latest_full_year() == 2022
    assert answers.Coverage("18000", ((2020, 12), (2021, 12), (2022, 3))).latest_full_year() == 2021
    k = answers.region_kpis(store, "18000", p)
    assert k is not None and k.turnover == Money(125_00) and k.partners_count == 4
    assert k.growth == pytest.approx(125 / 200 - 1)  # Jan–Mar 2021 = 100 + 60 + 40
    assert k.balance == Money(110_00 - 15_00)


def test_rank_history_uses_the_same_months_each_year(store: Store) -> None:
    h = answers.rank_history(store, "18000", "KZ", 1, 3).set_index("year")
    assert h.loc[2021, "rank"] == 1 and h.loc[2021, "of"] == 3 and h.loc[2021, "turnover_usd"] == 100
    assert h.loc[2022, "rank"] == 1 and h.loc[2022, "of"] == 4


def test_period_parsing() -> None:
    assert Period.parse("2023-01..2023-09") == Period(2023, 1, 9)
    assert Period.parse("2023:1-9") == Period(2023, 1, 9)
    assert Period.parse("2022").full_year
    with pytest.raises(ValueError):
        Period.parse("2023-01..2024-02")
    with pytest.raises(ValueError):
        Period(2022, 5, 3)


def test_demo_kazakhstan_2022_is_fourth_of_114(demo_store: Store) -> None:
    pos = answers.position(demo_store, "18000", Period(2022), "KZ")
    assert pos is not None and (pos.rank, pos.of) == (4, 114)
    scope = answers.scope(demo_store, "18000", 2022)
    assert (scope.eaeu_included, scope.demo) == (True, True)
    assert scope.label_parts == ("scope.with_eaeu", "scope.demo")


def test_other_regions_are_kept_apart(demo_store: Store) -> None:
    codes = set(answers.regions(demo_store)["code"])
    # the demo's unloads hold every region (dashboard/demo/national.py), each kept apart from the others
    assert {"18000", "12000"} <= codes and len(codes) == 85
    other = answers.ranking(demo_store, "12000", Period(2022))
    assert len(other) == 10 and set(other["iso2"]) >= {"KZ", "IR"}




def _store_of(folder: Path, rows: list[tuple[str, str, str, str]], firms: str | None = None) -> Store:
    lines = [f"{f}\t{p}\t{c}\t7304291000\t\t{v}\t1\t\t18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ\tЮФО" for f, p, c, v in rows]
    paths = [folder / "f.csv"]
    paths[0].write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    if firms:
        paths.append(folder / "firms.csv")
        paths[1].write_text(firms, encoding="utf-8")
    import_paths(folder / "db.duckdb", paths)
    return Store(folder / "db.duckdb")


# Twelve monthly values whose float sum (5708921.739999998) misses their exact sum, 5,708,921.74, in the 9th decimal
MONTHLY = ("315666,02", "810651,63", "959802,57", "656046,63", "181658,30", "778405,19", "739768,49", "139955,54",
           "430471,10", "52529,87", "545727,85", "98238,55")


def test_partners_equal_to_the_cent_share_a_place_whatever_their_float_sums(tmp_path: Path) -> None:
    """KZ: the twelve values above; BY: 5,708,921.74 in one month; IT one cent less. KZ and BY are equal to
    the cent, so both are first and IT is third, as the definition of rank says."""
    floats = [float(v.replace(",", ".")) for v in MONTHLY]
    total = 0.0
    for v in floats:
        total += v
    assert total != 5708921.74 and abs(total - 5708921.74) < 1e-8  # the trap is real
    rows = [("ЭК", f"{m:02d}/2021", "KZ", v) for m, v in enumerate(MONTHLY, 1)]
    rows += [("ЭК", "01/2021", "BY", "5708921,74"), ("ИМ", "03/2021", "IT", "5708921,73")]
    store = _store_of(tmp_path, rows)
    ranking = answers.ranking(store, "18000", Period(2021))
    r = ranking.set_index("iso2")
    assert r["rank"].to_dict() == {"KZ": 1, "BY": 1, "IT": 3}
    assert r.loc["KZ", "turnover_cents"] == r.loc["BY", "turnover_cents"] == 570_892_174
    assert r.loc["KZ", "share"] == r.loc["BY", "share"]
    pos = answers.positions(ranking)
    assert pos["KZ"].turnover == pos["BY"].turnover == Money(570_892_174) and pos["KZ"].of == 3
    assert pos["KZ"].turnover.json() == 5708921.74
    store.close()


def test_firms_total_is_any_else_exporters_plus_importers(tmp_path: Path) -> None:
    firms = "year;partner;firms;kind\n2021;KZ;212;any\n2021;KZ;150;exporters\n2021;BY;40;exporters\n" \
            "2021;BY;25;importers\n2021;TR;7;exporters\n"
    store = _store_of(tmp_path, [("ЭК", "01/2021", c, "10") for c in ("KZ", "BY", "TR")], firms)
    pos = answers.positions(answers.ranking(store, "18000", Period(2021)))
    assert {c: p.firms for c, p in pos.items()} == {"KZ": 212, "BY": 65, "TR": None}
    by = answers.firms(store, "BY", 2021)
    assert by is not None and (by.total, by.of_kind("any"), by.of_kind("importers")) == (65, 65, 25)
    assert answers.firms(store, "BY", 2020) is None
    store.close()


def test_positions_hold_none_for_missing_values_never_nan(store: Store) -> None:
    it = answers.position(store, "18000", Period(2022, 1, 3), "IT")
    assert it is not None and it.growth is None and it.prev_rank is None and it.firms is None
    assert (it.rank, it.of, it.turnover, it.imports.usd) == (4, 4, Money(5_00), 5.0)
    assert answers.position(store, "18000", Period(2022, 1, 3), "CN") is None  # a zero line is no partner


def test_the_cli_prints_money_exact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from dashboard.__main__ import main
    _store_of(tmp_path, [("ЭК", f"{m:02d}/2021", "KZ", "19500000,01") for m in range(1, 13)]).close()
    assert main(["--db", str(tmp_path / "db.duckdb"), "partners", "--year", "2021", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"turnover_usd": 234000000.12' in out
    assert json.loads(out)["partners"][0]["turnover_usd"] == 234000000.12
