"""Reference data: partners, the commodity nomenclature and the offline world outlines."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import duckdb
import pycountry
import pytest

from benchmarks.regions import REGIONS as BENCHMARK_REGIONS
from dashboard.reference import fts_tables, hs, map_outlines, partners, regions
from dashboard.store import sqlfiles

TOPOJSON = Path(__file__).resolve().parents[2] / "dashboard" / "static" / "world_110m.json"

REQUIRED_HEADINGS = (
    "0702 0713 0805 0806 0808 1001 1003 1005 1206 1512 1704 1905 2202 2302 2306 2601 2701 2710 2713 "
    "2815 2818 2836 3004 3102 3105 3824 3901 3904 3907 4001 4002 4011 4410 6110 6403 7202 7208 7228 "
    "7304 7305 7306 7318 7601 8419 8429 8431 8479 8481 8483 8501 8504 8537 8701 8704 8708 9403"
).split()

SIMFEROPOL = (34.10, 44.95)
SEVASTOPOL = (33.52, 44.60)


# --- partners ---------------------------------------------------------------


def test_every_partner_has_both_names_without_inversions():
    all_partners = partners.all_partners()
    assert len(all_partners) >= 240
    assert [p.iso2 for p in all_partners] == sorted(p.iso2 for p in all_partners)
    for p in all_partners:
        for name in (p.name_ru, p.name_en):
            assert name.strip() == name and name, p
            assert ", " not in name, p
        if p.iso2 not in FTS_ONLY:
            assert len(p.iso2) == 2 and len(p.iso3) == 3
        else:
            assert p.iso3 == "" and not p.groups  # outside ISO 3166, and in no integration group


FTS_ONLY = {"AB": ("Абхазия", "Abkhazia"), "OS": ("Южная Осетия", "South Ossetia"),
            "NNN": ("Неизвестная страна", "Country unknown"),
            "EU": ("Страны ЕС (страна не указана)", "EU countries (country not given)"),
            "YY": ("Грузия (вне СНГ)", "Georgia (outside the CIS)")}


def test_every_code_of_the_fts_classifier_is_known_with_both_names():
    classifier = {r["KOD"]: r["NAME"] for r in fts_tables.rows("country.csv")}  # as the FTS publishes it
    assert len(classifier) == 254 and classifier["NNN"] == "НЕИЗВЕСТНАЯ СТРАНА"
    assert {p.iso2 for p in partners.all_partners()} == set(classifier)
    assert {c for c in classifier if pycountry.countries.get(alpha_2=c) is None} == set(FTS_ONLY)
    for code, (ru, en) in FTS_ONLY.items():
        assert (partners.name(code), partners.name(code, "en")) == (ru, en)


def test_only_partner_countries_are_ranked_and_the_sql_says_the_same():
    unranked = {p.iso2 for p in partners.all_partners() if not p.ranked}
    assert unranked == {"NNN", "EU", "YY", "RU"} == set(partners.UNRANKED)
    assert {p.iso2 for p in partners.countries()} == {p.iso2 for p in partners.all_partners()} - unranked
    con = duckdb.connect()
    sqlfiles.run(con, "schema")
    sqlfiles.run(con, "metrics")
    codes = [p.iso2 for p in partners.all_partners()]
    sql_ranked = dict(con.execute("SELECT code, ranked_partner(code) FROM unnest($codes) AS t(code)",
                                  {"codes": codes}).fetchall())
    assert sql_ranked == {p.iso2: p.ranked for p in partners.all_partners()}


def test_kazakhstan_and_belarus():
    kz = partners.get("kz")
    assert kz is not None
    assert (kz.name_ru, kz.name_en, kz.iso3) == ("Казахстан", "Kazakhstan", "KAZ")
    assert {"EAEU", "CIS", "SCO"} <= kz.groups
    assert partners.in_group("BY", "EAEU")
    assert partners.in_group("BY", "SCO")


@pytest.mark.parametrize(
    ("iso2", "ru", "en"),
    [
        ("IR", "Иран", "Iran"),
        ("KP", "КНДР", "North Korea"),
        ("KR", "Республика Корея", "South Korea"),
        ("US", "США", "United States"),
        ("GB", "Великобритания", "United Kingdom"),
        ("CN", "Китай", "China"),
        ("RU", "Россия", "Russia"),
        ("TR", "Турция", "Türkiye"),
        ("AE", "ОАЭ", "United Arab Emirates"),
        ("CD", "ДР Конго", "DR Congo"),
        ("TW", "Тайвань (Китай)", "Taiwan"),
        ("MD", "Молдова", "Moldova"),
    ],
)
def test_short_names(iso2, ru, en):
    assert partners.name(iso2) == ru
    assert partners.name(iso2, "en") == en


def test_groups():
    assert set(partners.GROUPS) == {"EAEU", "CIS", "EU", "BRICS", "SCO"}
    eu = [p.iso2 for p in partners.all_partners() if "EU" in p.groups]
    assert len(eu) == 27 and "GB" not in eu
    for iso2 in ("EG", "ET", "IR", "AE"):
        assert partners.in_group(iso2, "BRICS")
    assert not partners.in_group("SA", "BRICS")
    assert partners.in_group("MD", "CIS") and not partners.in_group("UA", "CIS")
    assert partners.in_group("IR", "SCO")


def test_unknown_code():
    assert not partners.is_known("XX")
    assert partners.get("XX") is None
    assert partners.name("XX") == "XX"
    assert not partners.in_group("XX", "EU")


# --- commodity nomenclature -------------------------------------------------


def test_every_chapter_has_a_section():
    assert len(hs.SECTIONS) == 21
    assert [s.roman for s in hs.SECTIONS][-1] == "XXI"
    for n in range(1, 98):
        code = f"{n:02d}"
        chapter = hs.CHAPTERS[code]
        assert chapter.name_ru and chapter.name_en
        assert code in hs.SECTIONS[chapter.section - 1].chapters
    assert hs.CHAPTERS["77"].name_ru == "Зарезервирована"
    listed = [c for s in hs.SECTIONS for c in s.chapters]
    assert listed == sorted(hs.CHAPTERS)


def test_names_are_short():
    names = [(s.name_ru, s.name_en) for s in hs.SECTIONS]
    names += [(c.name_ru, c.name_en) for c in hs.CHAPTERS.values()]
    names += list(hs.HEADINGS.values())
    for ru, en in names:
        assert 0 < len(ru) <= 75 and 0 < len(en) <= 75, (ru, en)


def test_names_of_codes():
    assert hs.CHAPTERS["10"].section == 2 and hs.SECTIONS[1].number == 2
    assert hs.SECTIONS[4].name_ru == "Минеральные продукты" and hs.SECTIONS[4].name_en == "Mineral products"
    assert hs.HEADINGS["1001"] == ("Пшеница и меслин", "Wheat and meslin")
    assert hs.CHAPTERS["27"].name_ru.startswith("Топливо минеральное, нефть")


@pytest.mark.parametrize("code", REQUIRED_HEADINGS)
def test_required_heading(code):
    ru, en = hs.HEADINGS[code]
    assert ru and en


# --- world outlines ---------------------------------------------------------


@pytest.fixture(scope="module")
def topo():
    return json.loads(TOPOJSON.read_text(encoding="utf-8"))


def test_topojson_has_the_countries(topo):
    assert topo["type"] == "Topology"
    ids = {g.get("id") for g in topo["objects"]["countries"]["geometries"]}
    assert {"RUS", "UKR", "KAZ", "BLR", "CHN", "TUR"} <= ids
    for layer in ("land", "ocean", "coastlines", "lakes", "rivers", "countries"):
        assert layer in topo["objects"]


def test_crimea_is_drawn_within_russia(topo):
    for lon, lat in (SIMFEROPOL, SEVASTOPOL):
        assert map_outlines.contains(topo, "RUS", lon, lat)
        assert not map_outlines.contains(topo, "UKR", lon, lat)
    assert map_outlines.contains(topo, "UKR", 30.52, 50.45)  # Kyiv
    assert map_outlines.fix_point_of_view(topo) == topo


def _ukrainian_point_of_view(topo: dict) -> dict:
    """The same file with the Crimean polygon merged into Ukraine's outline."""
    other = copy.deepcopy(topo)
    ukr = map_outlines._country(other, "UKR")
    rus = map_outlines._country(other, "RUS")
    point = map_outlines._to_grid(other, SIMFEROPOL)
    crimea = [p for p in rus["arcs"] if map_outlines._polygon_contains(other, p, point)]
    assert len(crimea) == 1
    (ring,) = crimea[0]
    # The shared border arc runs along the isthmus; replace it by the peninsula's coast.
    border = next(a for a in ring if ~a in ukr["arcs"][0])
    outer = ukr["arcs"][0]
    k = outer.index(~border)
    start = ring.index(border)
    coast = ring[start + 1 :] + ring[:start]
    ukr["arcs"][0] = outer[:k] + coast + outer[k + 1 :]
    rus["arcs"].remove(crimea[0])
    return other


def _signed_area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))


def test_fix_moves_crimea_from_ukraine_to_russia(topo):
    other = _ukrainian_point_of_view(topo)
    snapshot = copy.deepcopy(other)
    assert map_outlines.contains(other, "UKR", *SIMFEROPOL)
    assert not map_outlines.contains(other, "RUS", *SIMFEROPOL)

    fixed = map_outlines.fix_point_of_view(other)
    for lon, lat in (SIMFEROPOL, SEVASTOPOL, (36.47, 45.36)):  # ... and Kerch
        assert map_outlines.contains(fixed, "RUS", lon, lat)
        assert not map_outlines.contains(fixed, "UKR", lon, lat)
    for lon, lat in ((30.52, 50.45), (32.62, 46.64), (30.5, 47.0)):  # Kyiv, Kherson, Mykolaiv region
        assert map_outlines.contains(fixed, "UKR", lon, lat)
        assert not map_outlines.contains(fixed, "RUS", lon, lat)
    assert map_outlines.contains(fixed, "RUS", 37.62, 55.75)  # Moscow

    # d3-geo reads ring orientation: the new rings must wind like the original one.
    before = _signed_area(map_outlines._decode_ring(other, map_outlines._country(other, "UKR")["arcs"][0]))
    new_rus = map_outlines._country(fixed, "RUS")["arcs"][-1][0]
    new_ukr = map_outlines._country(fixed, "UKR")["arcs"][0]
    for ring in (new_rus, new_ukr):
        assert _signed_area(map_outlines._decode_ring(fixed, ring)) * before > 0

    assert map_outlines.fix_point_of_view(fixed) == fixed
    assert other == snapshot  # the input is not modified in place


# --- regions ----------------------------------------------------------------


def test_every_region_of_the_classifier_and_of_2022_is_known():
    codes = {r.code for r in regions.all_regions()}
    classifier = {r["OKATO_2"]: r["OKATO_2_N"] for r in fts_tables.rows("regions.csv")}
    assert len(classifier) == 92 and set(classifier) < codes
    assert codes - set(classifier) == {"21000", "23000", "39000", "43000"}  # DNR, Zaporozhye, Kherson, LNR
    for r in regions.all_regions():
        assert r.name_ru and r.name_en and not re.search("[а-яА-ЯёЁ]", r.name_en), r
        if r.code in classifier:
            assert regions.name_matches(r.code, classifier[r.code].split(" - ", 1)[1])


def test_no_name_belongs_to_two_regions():
    seen: dict[str, str] = {}
    for r in regions.all_regions():
        for alias in r.aliases:
            assert seen.setdefault(alias, r.code) == r.code, alias


@pytest.mark.parametrize(("code", "name", "ok"), [
    ("45000", "Г. МОСКВА", True), ("45000", "ГОРОД МОСКВА", True), ("45000", "Moscow", True),
    ("46000", "MOSCOW REGION", True), ("46000", "Московская обл.", True), ("46000", "ГОРОД МОСКВА", False),
    ("18000", "ГОРОД МОСКВА", False), ("18000", "VOLGOGRAD REGION", True), ("18000", "Волгоградская область", True),
    ("32000", "КЕМЕРОВСКАЯ ОБЛАСТЬ - КУЗБАСС", True), ("03000", "KRASNODAR TERRITORY", True),
    ("11100", "НЕНЕЦКИЙ АВТОНОМНЫЙ ОКРУГ", True), ("43000", "ЛУГАНСКАЯ НАРОДНАЯ РЕСПУБЛИКА", True),
    ("18000", "", True), ("99999", "", True), ("99999", "НОВЫЙ РЕГИОН", False),
])
def test_a_region_name_matches_only_its_own_code(code, name, ok):
    assert regions.name_matches(code, name) is ok


def test_region_problems_are_keys_and_a_wrong_name_is_no_unknown_code():
    assert regions.problem("18000", "ВОЛГОГРАДСКАЯ ОБЛАСТЬ") is None
    assert regions.problem("18000", "ГОРОД МОСКВА") == "ingest.reason.region_name"
    assert regions.problem("99999", "") == "ingest.reason.region_unknown"


def test_every_spelling_of_the_benchmark_unload_is_an_alias():
    assert [r for r in BENCHMARK_REGIONS if not regions.name_matches(r[0], r[1])] == []


def test_region_names_for_display():
    assert regions.display_name("ВОЛГОГРАДСКАЯ ОБЛАСТЬ", "en") == "Volgograd Oblast"
    assert regions.display_name("Г. МОСКВА", "en") == "Moscow"
    assert regions.display_name("ВОЛГОГРАДСКАЯ ОБЛАСТЬ", "ru") == "Волгоградская область"
    assert regions.stored_name("45000") == "ГОРОД МОСКВА"
    # a name the table does not know is transliterated rather than lost
    assert regions.name_en("ДРУГАЯ ОБЛАСТЬ") == "Drugaya Oblast"
