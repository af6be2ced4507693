"""Targets of the demonstration data, in millions of US dollars (turnover; export share).

They are chosen so that the generated data agrees with the published figures in
data/published_figures.csv: Kazakhstan 5th of 123 partners in 2021 (233 M$, +70 % on 2020; exports +43 %,
imports +276 %), 4th of 114 in 2022, 2nd of 102 in 2023 (+31 %; January–September +60.6 %, exports +78.3 %);
Azerbaijan 18th in 2021 with just over 39 M$; Belarus 335 M$ in 2020, 316.4 M$ in the first half of 2023,
+46 % in 2022 on 2021 and 678.1 M$ in 2024; Uzbekistan 5th of 87 in January–April 2024; the region's exports
650 M$ in the first quarter of 2021, +40.07 % on the first quarter of 2020; 120 partners in 2020, India 12th
(more than ten places above 2019); Armenia 16th in 2022; Turkmenistan just over 14 M$ in 2019; more than 230
firms linked with Belarus in 2022. Everything else is invented to look like the region's trade, and is labelled
as such.
"""
from __future__ import annotations

YEARS = (2019, 2020, 2021, 2022, 2023, 2024)
REGION = ("18000", "ВОЛГОГРАДСКАЯ ОБЛАСТЬ", "Южный федеральный округ")
OTHER_REGION = ("12000", "АСТРАХАНСКАЯ ОБЛАСТЬ", "Южный федеральный округ")

# partners with turnover > 0 in each year (M); 2024: 87 of them trade in January–April
PARTNER_COUNT = {2019: 118, 2020: 120, 2021: 123, 2022: 114, 2023: 102, 2024: 98}
ACTIVE_JAN_APR_2024 = 87

# (exports, imports) in M$ where both are pinned by published figures
PINNED: dict[tuple[str, int], tuple[float, float]] = {
    ("KZ", 2019): (135.0, 24.0),
    ("KZ", 2020): (121.18, 15.88),
    ("KZ", 2021): (173.30, 59.70),
    ("KZ", 2022): (220.0, 80.0),
    ("KZ", 2023): (300.0, 93.0),
    ("KZ", 2024): (318.0, 102.0),
}

# turnover in M$ of the other large partners; the export share is in EXPORT_SHARE
TOP: dict[int, dict[str, float]] = {
    2019: {"TR": 560, "BY": 330, "IT": 290, "CN": 210, "NL": 220, "CH": 180, "EG": 120, "DE": 150, "US": 110,
           "UZ": 50, "IR": 55, "PL": 65, "FI": 60, "BE": 55, "LV": 48, "AZ": 32},
    2020: {"TR": 480, "BY": 335, "IT": 240, "CN": 190, "NL": 185, "CH": 150, "EG": 105, "DE": 125, "US": 95,
           "IN": 60, "UZ": 45, "IR": 65, "PL": 55, "FI": 50, "BE": 45, "LV": 40, "AZ": 28},
    2021: {"TR": 610, "BY": 520 / 1.46, "CN": 300, "IT": 265, "NL": 200, "CH": 180, "EG": 150, "DE": 140, "US": 110,
           "IN": 95, "UZ": 85, "IR": 75, "PL": 65, "FI": 60, "BE": 55, "LV": 48, "AZ": 39.4},
    2022: {"BY": 520, "TR": 480, "CN": 380, "EG": 230, "IN": 200, "IR": 150, "UZ": 140, "IT": 150, "CH": 120,
           "NL": 90, "DE": 70, "AZ": 60, "PL": 40, "AM": 36, "BE": 33, "US": 30, "LV": 25, "FI": 20, "AE": 110},
    2023: {"BY": 640, "TR": 350, "CN": 340, "IN": 260, "EG": 240, "IR": 180, "UZ": 170, "AE": 140, "IT": 110,
           "CH": 90, "AZ": 80, "NL": 60, "DE": 50, "AM": 45},
    2024: {"BY": 678.1, "TR": 380, "CN": 360, "UZ": 250, "IN": 200, "EG": 190, "IR": 160, "AE": 150, "IT": 100,
           "AZ": 90, "CH": 80, "AM": 50, "DE": 45},
}

# turnover in M$ of partners pinned below the top ones, among the long tail (they do not lower its ceiling):
# India far down in 2019 (12th in 2020 was "more than 10 places above 2019"), Turkmenistan just over 14 M$
AMONG_TAIL: dict[int, dict[str, float]] = {2019: {"IN": 12.0, "TM": 14.1}}

EXPORT_SHARE = {"TR": 0.86, "BY": 0.45, "CN": 0.35, "IT": 0.9, "NL": 0.95, "CH": 0.96, "EG": 0.97, "DE": 0.4,
                "US": 0.7, "IN": 0.8, "UZ": 0.62, "IR": 0.85, "PL": 0.6, "FI": 0.7, "BE": 0.8, "LV": 0.9,
                "AZ": 0.82, "AE": 0.75, "AM": 0.7, "TM": 0.8}

# share of a year's value that falls in months 1..k: pins the part-year published figures
PART_YEAR: dict[tuple[str, int, str], tuple[int, float]] = {
    # Kazakhstan: a strong end of 2022, so January–September 2023 grows faster than the full year
    ("KZ", 2022, "E"): (9, 0.62),
    ("KZ", 2022, "I"): (9, 0.77),
    ("KZ", 2023, "E"): (9, 0.81067),
    ("KZ", 2023, "I"): (9, 0.80420),
    # Belarus: 316.4 M$ of 640 M$ in the first half of 2023
    ("BY", 2023, "E"): (6, 316.4 / 640),
    ("BY", 2023, "I"): (6, 316.4 / 640),
}
REGION_Q1_2021_EXPORTS = 650.0
REGION_Q1_2021_EXPORT_GROWTH = 0.4007  # on January–March 2020

# firms of the region trading with a partner (published: 185 exporters to KZ in 2021, more than 200 firms
# linked with KZ in 2022, 65 exporters to AZ in 2021, more than 230 linked with BY in 2022)
FIRMS_PINNED = {("KZ", 2021, "exporters"): 185, ("KZ", 2022, "any"): 212, ("AZ", 2021, "exporters"): 65,
                ("BY", 2022, "any"): 236}
