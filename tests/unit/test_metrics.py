"""The metrics of DESIGN.md on a hand-computed example: turnover, M, rank with ties, share, growth on the
same months, and the period cut to the loaded months."""
from __future__ import annotations

import pytest

from dashboard.ingest.pipeline import import_paths
from dashboard.store import metrics
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
    r = metrics.ranking(store, "18000", Period(2022, 1, 3)).set_index("iso2")
    # KZ 40, BY 40, TR 40 tie for 1st; IT 5 is 4th; CN traded nothing
    assert r["rank"].to_dict() == {"BY": 1, "KZ": 1, "TR": 1, "IT": 4}
    assert set(r["of"]) == {4}
    assert r.loc["KZ", "turnover_usd"] == 40 and r.loc["KZ", "imports_usd"] == 10
    assert r.loc["IT", "share"] == pytest.approx(5 / 125)


def test_growth_is_on_the_same_months(store: Store) -> None:
    r = metrics.ranking(store, "18000", Period(2022, 1, 3)).set_index("iso2")
    # KZ Jan–Mar 2021 = 100 (July is outside): 40 / 100 - 1
    assert r.loc["KZ", "growth"] == pytest.approx(-0.6)
    assert r.loc["BY", "growth"] == pytest.approx(40 / 60 - 1)
    assert r.loc["TR", "growth"] == pytest.approx(0.0)
    assert r["growth"].isna()["IT"]  # nothing to compare with
    assert r.loc["KZ", "prev_rank"] == 1 and r.loc["TR", "prev_rank"] == 3


def test_a_full_year_request_is_cut_to_the_loaded_months(store: Store) -> None:
    p = metrics.effective_period(store, "18000", Period(2022))
    assert p == Period(2022, 1, 3)
    k = metrics.region_kpis(store, "18000", p)
    assert k["turnover_usd"] == 125 and k["partners_count"] == 4
    assert k["growth"] == pytest.approx(125 / 200 - 1)  # Jan–Mar 2021 = 100 + 60 + 40


def test_rank_history_uses_the_same_months_each_year(store: Store) -> None:
    h = metrics.rank_history(store, "18000", "KZ", 1, 3).set_index("year")
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
    pos = metrics.partner_position(demo_store, "18000", Period(2022), "KZ")
    assert (pos["rank"], pos["of"]) == (4, 114)
    assert metrics.scope(demo_store, "18000", 2022).eaeu_included is True
    assert metrics.scope(demo_store, "18000", 2022).demo is True


def test_other_regions_are_kept_apart(demo_store: Store) -> None:
    codes = set(metrics.regions(demo_store)["code"])
    assert codes == {"18000", "12000"}
    other = metrics.ranking(demo_store, "12000", Period(2022))
    assert len(other) == 10 and set(other["iso2"]) >= {"KZ", "IR"}


