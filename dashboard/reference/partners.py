"""Trade partners: every country code of the FTS statistics, Russian and English names, integration groups.

The codes are those of the FTS country classifier (fts/country.csv, as published): ISO 3166-1 alpha-2 plus five
of its own, AB (Abkhazia), OS (South Ossetia), NNN (country unknown), EU (EU countries, no country given) and YY
(Georgia under a code kept apart from GE). Names of ISO codes come from pycountry (ISO 3166-1 and its Russian
translation); the overrides below replace official long or comma-inverted forms with the short names used in
Russian customs statistics (ОКСМ short names) and in everyday English; the FTS-only codes have the project's own.

Not every code is a partner country: `ranked` is False for NNN, EU, YY and RU (goods returned to Russia). Their
trade stays in the region's totals, but they are left out of the ranking and of M (README, "Definitions").
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache

import pycountry

GROUPS = ("EAEU", "CIS", "EU", "BRICS", "SCO")


# Memberships as of 2024.
# EAEU: the five member states (observers such as Uzbekistan, Cuba, Iran are not members).
# CIS: the current participants, including Moldova (withdrawing, but still a member) and
#   Turkmenistan (associate member, counted in Russian CIS trade statistics);
#   Georgia (left 2009) and Ukraine (left its bodies 2018) are not included.
# EU: the 27 members after Brexit.
# BRICS: the five founders plus Egypt, Ethiopia, Iran and the UAE (joined 1 January 2024);
#   Saudi Arabia never confirmed, Indonesia joined only in 2025.
# SCO: including Iran (2023) and Belarus (2024); observers and dialogue partners excluded.
_MEMBERS: dict[str, frozenset[str]] = {
    "EAEU": frozenset({"AM", "BY", "KG", "KZ", "RU"}),
    "CIS": frozenset({"AM", "AZ", "BY", "KG", "KZ", "MD", "RU", "TJ", "TM", "UZ"}),
    "EU": frozenset(
        "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
    ),
    "BRICS": frozenset({"BR", "RU", "IN", "CN", "ZA", "EG", "ET", "IR", "AE"}),
    "SCO": frozenset({"CN", "IN", "KZ", "KG", "PK", "RU", "TJ", "UZ", "IR", "BY"}),
}

_NAMES_RU: dict[str, str] = {
    "AE": "ОАЭ",
    "AI": "Ангилья",
    "AQ": "Антарктида",
    "AS": "Американское Самоа",
    "BN": "Бруней-Даруссалам",
    "BO": "Боливия",
    "BQ": "Карибские Нидерланды",  # the collective name avoids a comma-separated list
    "CD": "ДР Конго",
    "CF": "Центрально-Африканская Республика",
    "DO": "Доминиканская Республика",
    "FK": "Фолклендские острова (Мальвинские)",
    "FM": "Микронезия",
    "GB": "Великобритания",
    "GS": "Южная Георгия и Южные Сандвичевы острова",
    "HM": "Остров Херд и острова Макдональд",
    "IO": "Британская территория в Индийском океане",
    "IR": "Иран",
    "KP": "КНДР",
    "KR": "Республика Корея",
    "KY": "Острова Кайман",
    "LA": "Лаос",
    "MD": "Молдова",
    "MF": "Сен-Мартен",
    "MP": "Северные Марианские острова",
    "NL": "Нидерланды",
    "PN": "Питкерн",
    "PS": "Палестина",
    "RU": "Россия",
    "SB": "Соломоновы острова",
    "SH": "Остров Святой Елены",
    "SV": "Эль-Сальвадор",
    "SX": "Синт-Мартен",
    "SY": "Сирия",
    "TC": "Острова Теркс и Кайкос",
    "TF": "Французские Южные территории",
    "TL": "Тимор-Лесте",
    "TR": "Турция",
    "TW": "Тайвань (Китай)",
    "TZ": "Танзания",
    "UM": "Малые отдаленные острова США",
    "US": "США",
    "VA": "Ватикан",
    "VE": "Венесуэла",
    "VG": "Виргинские острова (Великобритания)",
    "VN": "Вьетнам",
    "WF": "Уоллис и Футуна",
    "YT": "Майотта",
    "ZA": "ЮАР",
}
_NAMES_EN: dict[str, str] = {
    "BN": "Brunei",
    "BQ": "Caribbean Netherlands",
    "CD": "DR Congo",
    "CZ": "Czechia",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "MF": "Saint Martin",
    "PS": "Palestine",
    "RU": "Russia",
    "SH": "Saint Helena",
    "SX": "Sint Maarten",
    "SY": "Syria",
    "TR": "Türkiye",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "US": "United States",
    "GB": "United Kingdom",
    "VA": "Vatican City",
    "VE": "Venezuela",
    "VG": "British Virgin Islands",
    "VI": "US Virgin Islands",
    "VN": "Vietnam",
    "BO": "Bolivia",
}


# The FTS-only codes: (Russian, English name, ranked as a partner). Abkhazia and South Ossetia are countries of
# the classifier like any other; the other three say only that the country is not known or not given.
_FTS_ONLY: dict[str, tuple[str, str, bool]] = {
    "AB": ("Абхазия", "Abkhazia", True),
    "OS": ("Южная Осетия", "South Ossetia", True),
    "NNN": ("Неизвестная страна", "Country unknown", False),
    "EU": ("Страны ЕС (страна не указана)", "EU countries (country not given)", False),
    # trade of Georgia that the FTS keeps apart from GE: ranking it would show Georgia twice, adding it to GE
    # would assume what the classifier does not say
    "YY": ("Грузия (вне СНГ)", "Georgia (outside the CIS)", False),
}
# Trade with these is counted in the region's totals, never ranked: RU is goods returned to Russia
UNRANKED = frozenset({"NNN", "EU", "YY", "RU"})


@dataclass(frozen=True)
class Partner:
    iso2: str                 # the FTS code: ISO alpha-2, or one of the FTS's own (NNN has three letters)
    iso3: str                 # ISO alpha-3; "" for a code outside ISO 3166
    name_ru: str
    name_en: str
    groups: frozenset[str]
    ranked: bool = True       # a partner country: in the ranking and in M


def all_partners() -> list[Partner]:
    """Every code of the FTS country classifier (ISO 3166-1 and the FTS's own), sorted by code."""
    return list(_partners())


def countries() -> list[Partner]:
    """The codes that are partner countries (ranked), sorted by code: for pickers and rankings."""
    return [p for p in _partners() if p.ranked]


@cache
def _partners() -> tuple[Partner, ...]:
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    partners = []
    for country in pycountry.countries:
        iso2 = country.alpha_2
        name_en = _NAMES_EN.get(iso2) or getattr(country, "common_name", None) or country.name
        name_ru = _NAMES_RU.get(iso2) or translation.gettext(country.name)
        groups = frozenset(g for g in GROUPS if iso2 in _MEMBERS[g])
        partners.append(Partner(iso2, country.alpha_3, name_ru, name_en, groups, iso2 not in UNRANKED))
    partners += [Partner(code, "", ru, en, frozenset(), ranked) for code, (ru, en, ranked) in _FTS_ONLY.items()]
    return tuple(sorted(partners, key=lambda p: p.iso2))


@cache
def _by_iso2() -> dict[str, Partner]:
    return {p.iso2: p for p in _partners()}


def get(iso2: str) -> Partner | None:
    # Data frames hand over NaN/None for empty cells: treat them as unknown, not as errors.
    if not isinstance(iso2, str):
        return None
    return _by_iso2().get(iso2.strip().upper())


def is_known(iso2: str) -> bool:
    return get(iso2) is not None


def name(iso2: str, lang: str = "ru") -> str:
    """Display name; an unknown code is shown as is so that no row silently disappears."""
    partner = get(iso2)
    if partner is None:
        return iso2
    return partner.name_en if lang == "en" else partner.name_ru


def in_group(iso2: str, group: str) -> bool:
    partner = get(iso2)
    return partner is not None and group.upper() in partner.groups
