"""The presenter page server-side: it runs without the sidebar controls, opens the slide of the link, and the
next/previous buttons move through the slides."""
from __future__ import annotations

from dashboard.i18n import t


def test_presenter_opens_the_linked_slide_without_sidebar_controls(make_app) -> None:
    at = make_app("present", partner="KZ", year="2022", slide="2")
    assert at.session_state["present_slide"] == 1
    assert len(at.sidebar.selectbox) == 0  # no controls for the audience
    assert any("4-е место из 114" in h.body for h in at.get("html"))
    at.button(key="present_next").click().run()
    assert not at.exception
    assert at.session_state["present_slide"] == 2
    assert at.query_params["slide"] == "3"


def test_slides_in_english_under_a_russian_interface(make_app) -> None:
    at = make_app("present", partner="KZ", year="2022", slang="en", slide="2")
    assert any("4th of 114 partner countries" in h.body for h in at.get("html"))
    assert at.session_state["lang"] == "ru"


def test_a_partner_without_trade_or_an_unknown_code_is_warned_about(make_app) -> None:
    at = make_app("present", partner="AQ", year="2022")
    said = t("partner.not_traded", "ru", name="Антарктида", period="2022 год")
    assert [w.value for w in at.warning] == [said]  # what the partner page says for it
    at = make_app("present", partner="ZZ", year="2022")
    assert any("ZZ" in w.value for w in at.warning)  # the bad value is named, the default partner shown
    assert not any("не было" in w.value for w in at.warning)
    at = make_app("present", partner="KZ", year="2022")
    assert not at.warning


def test_the_guest_deck_by_default_the_internal_one_and_a_pick_from_the_link(make_app) -> None:
    at = make_app("present", partner="KZ", year="2022", slide="7")
    meetings = next(h.body for h in at.get("html") if 'data-slide-kind="meetings"' in h.body)
    assert "Встречи и договорённости" in meetings
    assert not any("ПРОСРОЧЕНО" in h.body or "Открытые поручения" in h.body for h in at.get("html"))
    at = make_app("present", partner="KZ", year="2022", audience="internal", slides="7,2")
    assert at.session_state["audience"] == "internal" and at.session_state["slides"] == [7, 2]
    kinds = [h.body.split('data-slide-kind="')[1].split('"')[0] for h in at.get("html")
             if 'data-slide-kind="' in h.body]
    assert kinds == ["meetings", "headline"]  # the whole pick drawn once, in its order
    assert any("Открытые поручения" in h.body for h in at.get("html"))
    assert at.query_params["slides"] == "7,2" and at.query_params["audience"] == "internal"
    at.multiselect(key="present_pick").set_value([1, 2, 3]).run()
    assert not at.exception
    assert at.query_params["slides"] == "1,2,3"


def test_a_partner_link_with_present_opens_the_same_pick_in_presenter_mode(make_app) -> None:
    at = make_app("partner", partner="KZ", year="2022", present="1", audience="internal", slides="2,7")
    assert not at.exception
    assert at.session_state["audience"] == "internal" and at.session_state["slides"] == [2, 7]
