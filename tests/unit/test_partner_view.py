"""The partner page's yearly series: a year loaded only in part is not drawn beside full years."""
from __future__ import annotations

import pandas as pd

from dashboard.store.answers import Coverage
from dashboard.ui.partner_view import covered_years


def _hist(years: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"year": years, "rank": range(1, len(years) + 1), "of": [100] * len(years)})


def test_a_part_year_is_left_out_of_a_full_year_series() -> None:
    cov = Coverage("18000", ((2023, 12), (2024, 12), (2025, 3)))
    assert covered_years(_hist([2023, 2024, 2025]), cov, 1, 12)["year"].tolist() == [2023, 2024]


def test_on_the_loaded_months_every_year_compares() -> None:
    cov = Coverage("18000", ((2023, 12), (2024, 12), (2025, 3)))
    assert covered_years(_hist([2023, 2024, 2025]), cov, 1, 3)["year"].tolist() == [2023, 2024, 2025]
    assert covered_years(_hist([2023, 2024, 2025]), cov, 1, 4)["year"].tolist() == [2023, 2024]
