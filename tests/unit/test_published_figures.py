"""The demonstration data agree with every published figure they cover (data/published_figures.csv)."""
from __future__ import annotations

import pytest

from dashboard import config
from dashboard.store import answers, figures
from dashboard.store.period import Period

FIGS = figures.load(config.ROOT / "data" / "published_figures.csv")
COVERED = [f for f in FIGS if f.period[:4] >= "2019"]


def test_the_table_is_the_shared_one_with_sources() -> None:
    assert len(FIGS) >= 25
    assert all(f.source.startswith("http") for f in FIGS)


@pytest.mark.parametrize("fig", COVERED, ids=lambda f: f"{f.period}-{f.subject}-{f.metric}")
def test_demo_data_agree_with_published_figure(demo_store, fig: figures.Figure) -> None:
    value = figures.compute(demo_store, fig, "18000")
    assert figures.agrees(fig, value), f"{fig}: data give {value}"


def test_figures_outside_the_data_are_not_invented(demo_store) -> None:
    old = [f for f in FIGS if f.period[:4] < "2019"]
    assert old, "the table has figures before 2019 (China 2018, region 2014)"
    assert all(figures.compute(demo_store, f, "18000") is None for f in old)


def test_agreement_rules_can_fail() -> None:
    rank = figures.Figure("2022", "KZ", "rank_by_turnover", 4, "position", "", "x")
    assert figures.agrees(rank, 4.0) and not figures.agrees(rank, 5.0)
    more = figures.Figure("2022", "KZ", "linked_firms", 200, "firms", '"more than 200" firms', "x")
    assert figures.agrees(more, 212) and not figures.agrees(more, 200) and not figures.agrees(more, 199)
    ratio = figures.Figure("2023", "KZ", "turnover_growth_vs_2022", 0.31, "ratio", "", "x")
    assert figures.agrees(ratio, 0.3149) and not figures.agrees(ratio, 0.316)


def test_a_more_than_about_something_else_is_no_bound_and_exceeded_is_one() -> None:
    rank = figures.Figure("2020", "IN", "rank_by_turnover", 12, "position", "more than 10 places above 2019", "x")
    assert figures.agrees(rank, 12.0) and not figures.agrees(rank, 13.0)
    over = figures.Figure("2019", "TM", "turnover", 14_000_000, "USD", "exceeded", "x")
    assert figures.agrees(over, 14_100_000) and not figures.agrees(over, 13_990_000)


def test_india_2020_was_more_than_ten_places_above_2019(demo_store) -> None:
    # the second half of the published 2020 figure's note, which the table's value alone does not hold
    ranks = [answers.position(demo_store, "18000", Period(y), "IN") for y in (2019, 2020)]
    assert ranks[0] is not None and ranks[1] is not None
    assert ranks[0].rank - ranks[1].rank > 10
