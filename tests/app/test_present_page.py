"""The presenter page server-side: it runs without the sidebar controls, opens the slide of the link, and the
next/previous buttons move through the slides."""
from __future__ import annotations


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
