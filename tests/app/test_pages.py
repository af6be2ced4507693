"""Every page runs server-side; the views answer what the fixture database says, computed here by hand."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.i18n import t
from tests.app.conftest import turnover_by_partner

PAGES = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "dashboard" / "app_pages").glob("*.py"))
LOGIN_PAGES = {"data"}  # behind a login: the smoke test only checks they ask for it


def rank_of(turnover: dict[str, float], iso2: str) -> int:
    return 1 + sum(v > turnover[iso2] for v in turnover.values())


# the first heading of each page in its default view (Kazakhstan, the latest year); the partner page's title
# goes on with the rank, and the presenter's first slide is HTML drawn for the big screen
HEADINGS = {"overview": "overview.title", "partners": "partners.title", "goods": "goods.title",
            "meetings": "pages.meetings", "data": "pages.data"}
DEFAULT_PARTNER = "Казахстан"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_error_under_its_heading(make_app, page: str) -> None:
    at = make_app(page)
    assert not at.error, [e.value for e in at.error]
    if page == "present":
        slide = next(h.body for h in at.get("html") if 'data-slide-kind="title"' in h.body)
        assert f'<div class="pz-title">{DEFAULT_PARTNER}</div>' in slide
    elif page == "partner":
        assert at.title[0].value.startswith(f"{DEFAULT_PARTNER}: ")
    else:
        assert at.title[0].value == t(HEADINGS[page], "ru")


def test_overview_kpis_match_the_data(make_app, sql) -> None:
    at = make_app(year="2022")
    expected = sum(turnover_by_partner(sql, 2022).values())
    turnover = next(m for m in at.metric if m.label == "Товарооборот")
    assert turnover.value == f"{expected / 1e9:.1f}".replace(".", ",") + "\u00a0млрд $"
    partners = next(m for m in at.metric if m.label == "Партнёров")
    assert partners.value == str(len(turnover_by_partner(sql, 2022))) == "114"


def test_kazakhstan_2022_is_fourth_of_114(make_app, sql) -> None:
    at = make_app("partner", year="2022")
    t = turnover_by_partner(sql, 2022)
    assert (rank_of(t, "KZ"), len(t)) == (4, 114)
    assert at.title[0].value == "Казахстан: 4-е место из 114 стран-партнёров с учётом ЕАЭС"


def test_changing_the_period_changes_the_answer(make_app, sql) -> None:
    at = make_app("partner", year="2022")
    at.selectbox(key="year").set_value(2023).run()
    at.slider(key="months").set_range(1, 9).run()
    t = turnover_by_partner(sql, 2023, 1, 9)
    assert at.title[0].value.startswith(f"Казахстан: {rank_of(t, 'KZ')}-е место из {len(t)} ")
    prev = turnover_by_partner(sql, 2022, 1, 9)["KZ"]
    growth = t["KZ"] / prev - 1
    metric = next(m for m in at.metric if m.label == "Товарооборот")
    assert metric.delta == f"+{growth * 100:.1f}".replace(".", ",") + "\u00a0%"  # +60,6 %
    assert at.query_params["months"] == "1-9" and at.query_params["year"] == "2023"


def test_group_filter_shows_only_eaeu_members(make_app, sql) -> None:
    at = make_app("partners", year="2022")
    at.segmented_control(key="group").set_value("EAEU").run()
    shown = set(at.dataframe[0].value["ISO"])
    traded = set(turnover_by_partner(sql, 2022))
    assert shown == traded & {"AM", "BY", "KZ", "KG"}
    assert at.query_params["group"] == "EAEU"


def test_search_by_name(make_app) -> None:
    at = make_app("partners", year="2022")
    at.text_input(key="q").input("казах").run()
    assert list(at.dataframe[0].value["ISO"]) == ["KZ"]


def test_picking_a_partner(make_app, sql) -> None:
    at = make_app("partner", year="2021")
    at.selectbox(key="partner").set_value("AZ").run()
    t = turnover_by_partner(sql, 2021)
    assert at.title[0].value.startswith(f"Азербайджан: {rank_of(t, 'AZ')}-е место из {len(t)}")
    assert rank_of(t, "AZ") == 18
    assert at.query_params["partner"] == "AZ"


def test_english_for_a_foreign_delegation(make_app) -> None:
    at = make_app("partner", year="2022", lang="en")
    assert at.title[0].value == "Kazakhstan: 4th of 114 partner countries including EAEU"
    assert any(m.label == "Trade turnover" for m in at.metric)
    # the meeting's English title, in the note under the headline and in the timeline
    assert any("Governor Andrey Bocharov" in i.value for i in at.info), [i.value for i in at.info]
    assert any("Governor Andrey Bocharov" in s.value for s in at.subheader)
    at.segmented_control(key="lang").set_value("ru").run()
    assert at.title[0].value.startswith("Казахстан")


@pytest.mark.parametrize(("param", "value"), [("partner", "XX"), ("year", "1800"), ("months", "9-3"),
                                              ("region", "99999"), ("lang", "de")])
def test_a_bad_link_gives_a_message_and_the_default_view(make_app, param: str, value: str) -> None:
    at = make_app("partner", **{param: value})
    assert any(value in w.value for w in at.warning), [w.value for w in at.warning]
    assert at.title[0].value.startswith("Казахстан")


def test_goods_drill_down_to_a_chapter(make_app, sql) -> None:
    at = make_app("goods", year="2022")
    at.segmented_control(key="flow").set_value("I").run()
    at.selectbox(key="chapter").set_value("84").run()
    table = at.dataframe[0].value
    expected = dict(sql("SELECT substr(hs10, 1, 4), sum(value_cents) / 100 FROM trade WHERE region = '18000' "
                        "AND year = 2022 AND flow = 'I' AND hs10 LIKE '84%' GROUP BY 1"))
    shown = {h.split()[0]: v for h, v in zip(table["Товарная позиция"], table["Стоимость, млн $"], strict=True)}
    assert shown.keys() == expected.keys()
    assert all(abs(shown[h] - expected[h] / 1e6) < 0.001 for h in expected)
    assert at.query_params["chapter"] == "84" and at.query_params["flow"] == "I"


def test_without_a_database_the_app_says_how_to_build_it(tmp_path, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "missing.duckdb"))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert "python -m dashboard init" in at.error[0].value
