"""The two audiences of the briefing deck, the slide picker, the English meeting fields, and the geometry of
the PPTX: every text fits its box (measured with the real metrics of Liberation Sans, Arial's metric twin that
LibreOffice draws the deck with) and nothing but the footer reaches below the footer's top."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import ImageFont
from pptx import Presentation
from pptx.util import Emu

from dashboard.__main__ import main
from dashboard.export import pptx_deck
from dashboard.export.pptx_deck import deck_bytes
from dashboard.export.slides import build_deck
from dashboard.i18n import t
from dashboard.meetings.model import FollowUp, Meeting
from dashboard.meetings.store_io import list_meetings, save_meeting
from dashboard.slide_model import KINDS, parse_slides
from dashboard.store.db import Store
from dashboard.store.period import Period

TODAY = dt.date(2024, 7, 1)
LONG = ("Подготовить и провести в Ташкенте деловую миссию волгоградских производителей сельскохозяйственной "
        "техники с участием Торгово-промышленной палаты")


@pytest.fixture()
def uz_db(fresh_db: Path) -> Path:
    """A partner with one meeting: five long follow-ups (one overdue), English fields on some of them."""
    followups = [FollowUp(LONG, "комитет экономической политики и развития Волгоградской области",
                          dt.date(2024, 6, 1), text_en="Organise a business mission to Tashkent",
                          owner_en="Committee for Economic Policy"),
                 FollowUp("Направить перечень товаров", None, dt.date(2024, 12, 1)),
                 *(FollowUp(f"{LONG} ({n})", "комитет промышленности и торговли", dt.date(2024, 12, n))
                   for n in range(1, 4))]
    save_meeting(fresh_db, Meeting(
        held_on=dt.date(2024, 5, 6), title="Встреча с торговым представителем Узбекистана", place="Волгоград",
        place_en="Volgograd", summary_md="Обсудили поставки.", summary_en="Supplies were discussed.",
        partners=["UZ"], followups=followups))
    return fresh_db


def _deck(db: Path, lang: str = "ru", **kw):
    store = Store(db)
    try:
        return build_deck(store, "UZ", Period(2022), "18000", lang, today=TODAY, **kw)
    finally:
        store.close()


def test_the_guest_deck_is_the_default_and_shows_agreements_without_owner_or_status(uz_db: Path) -> None:
    guest = _deck(uz_db)
    assert guest.audience == "guest"
    slide = guest.slides[KINDS.index("meetings")]
    assert slide.title == "Встречи и договорённости"
    meetings, agreed = slide.lists
    assert agreed.title.startswith("Договорённости: 5")
    assert all(not i.alert and not i.meta for i in agreed.items)
    text = "\n".join(i.text + i.meta for lst in slide.lists for i in lst.items)
    for internal in ("ПРОСРОЧЕНО", "комитет", "срок"):
        assert internal not in text.lower() and internal.lower() not in text.lower()
    pptx = "\n".join(sh.text_frame.text for s in Presentation(io.BytesIO(deck_bytes(guest))).slides
                     for sh in s.shapes if sh.has_text_frame)
    assert "ПРОСРОЧЕНО" not in pptx and "комитет" not in pptx and "поручени" not in pptx
    assert guest.file_stem.endswith("_ru")

    internal = _deck(uz_db, audience="internal")
    meetings, follow = internal.slides[KINDS.index("meetings")].lists
    assert any(i.alert and "ПРОСРОЧЕНО" in i.meta and "комитет" in i.meta for i in follow.items)
    assert internal.file_stem.endswith("_ru_internal")
    with pytest.raises(ValueError, match="audience"):
        _deck(uz_db, audience="press")


def test_english_slides_take_the_english_fields_and_mark_the_russian_ones(uz_db: Path) -> None:
    m = list_meetings(Store(uz_db), "UZ")[0]  # stored and read back
    assert (m.place_en, m.summary_en) == ("Volgograd", "Supplies were discussed.")
    assert m.followups[0].text_en == "Organise a business mission to Tashkent"
    assert m.followups[0].owner_en == "Committee for Economic Policy"
    meetings, follow = _deck(uz_db, "en", audience="internal").slides[KINDS.index("meetings")].lists
    assert meetings.items[0].text.endswith("(in Russian)")        # no title_en
    assert meetings.items[0].text.startswith("Встреча с торговым")
    assert meetings.items[0].meta.endswith("Volgograd")
    by_text = {i.text: i for i in follow.items}
    first = by_text["Organise a business mission to Tashkent"]
    assert "Committee for Economic Policy" in first.meta and "OVERDUE" in first.meta
    assert "Направить перечень товаров (in Russian)" in by_text
    ru = _deck(uz_db, "ru", audience="internal").slides[KINDS.index("meetings")]
    assert "(по-русски)" not in str(ru) and "in Russian" not in str(ru)


def test_slides_are_picked_and_ordered(uz_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    whole = _deck(uz_db)
    picked = _deck(uz_db, slides=(2, 1, len(KINDS)))
    assert [s.kind for s in picked.slides] == ["headline", "title", "closing"]
    assert picked.slides[0] == whole.slides[1]
    assert parse_slides("1-3,5") == (1, 2, 3, 5) and parse_slides("5,1,5") == (5, 1)
    for bad in ("0", str(len(KINDS) + 1), "a", "", "2-x"):
        with pytest.raises(ValueError):
            parse_slides(bad)
    out = tmp_path / "uz.pptx"
    assert main(["--db", str(uz_db), "deck", "--partner", "UZ", "--year", "2022", "--slides", "1,2,3,5",
                 "-o", str(out)]) == 0
    prs = Presentation(str(out))
    assert len(prs.slides) == 4 and "слайдов — 4" in capsys.readouterr().out  # the CLI speaks Russian by default
    assert main(["--db", str(uz_db), "deck", "--partner", "UZ", "--year", "2022", "--slides", "1,12",
                 "-o", str(out)]) == 2
    # the CLI's language (Russian by default), from the catalogue
    assert t("slides.error.no_slide", "ru", n=12, first=1, last=len(KINDS)) in capsys.readouterr().err
    assert main(["--db", str(uz_db), "deck", "--partner", "UZ", "--year", "2022", "--audience", "internal",
                 "-o", str(out)]) == 0
    text = "\n".join(sh.text_frame.text for s in Presentation(str(out)).slides for sh in s.shapes
                     if sh.has_text_frame)
    assert "ПРОСРОЧЕНО" in text


def _fonts():
    """Liberation Sans regular and bold at 100 px an em: advances scaled to points by the caller."""
    faces = {bold: ImageFont.truetype(f"LiberationSans-{'Bold' if bold else 'Regular'}.ttf", 100)
             for bold in (False, True)}
    return lambda bold: faces[bold]


def _needed_pt(tf, width_pt: float, font) -> float:
    """The height the text frame's paragraphs take, wrapped word by word with the real glyph advances."""
    total = pptx_deck.INSET_PT
    for p in tf.paragraphs:
        runs = p.runs
        if not runs:
            continue
        size = runs[0].font.size.pt
        face = font(bool(runs[0].font.bold))
        lines, cur = 1, ""
        for word in "".join(r.text for r in runs).split():
            trial = f"{cur} {word}" if cur else word
            if face.getlength(trial) * size / 100 <= width_pt or not cur:
                cur = trial
            else:
                lines, cur = lines + 1, word
        total += lines * size * pptx_deck.LINE + (p.space_before.pt if p.space_before is not None else 0)
    return total


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("audience", ["guest", "internal"])
def test_every_text_box_fits_inside_its_slide_and_above_the_footer(uz_db: Path, demo_db: Path, lang: str,
                                                                   audience: str) -> None:
    font = _fonts()
    for db, iso2 in ((uz_db, "UZ"), (demo_db, "KZ")):
        store = Store(db)
        try:
            deck = build_deck(store, iso2, Period(2022), "18000", lang, today=TODAY, audience=audience)
        finally:
            store.close()
        prs = Presentation(io.BytesIO(deck_bytes(deck)))
        W, H, foot = prs.slide_width, prs.slide_height, pptx_deck.FOOTER_TOP
        for n, slide in enumerate(prs.slides, start=1):
            for sh in slide.shapes:
                where = f"{iso2} slide {n} ({lang}, {audience}): {sh.name}"
                assert sh.left >= 0 and sh.top >= 0, where
                assert sh.left + sh.width <= W and sh.top + sh.height <= H, where
                if sh.top < foot:  # everything but the footnote and the slide number stays above the footer
                    assert sh.top + sh.height <= foot, where
                if sh.has_text_frame and sh.text_frame.text.strip():
                    need = _needed_pt(sh.text_frame, Emu(sh.width).pt, font)
                    assert need <= Emu(sh.height).pt + 0.5, f"{where}: {need:.0f} pt of text in a " \
                        f"{Emu(sh.height).pt:.0f} pt box: {sh.text_frame.text[:60]!r}"


def test_front_matter_carries_the_english_fields() -> None:
    from dashboard.meetings.document import from_document
    text = """+++
date = 2023-02-03
title = "Встреча с послом"
place = "Волгоград"
place_en = "Volgograd"
summary_en = "The Governor met the Ambassador."
partners = ["KZ"]
[[followups]]
text = "Провести встречу министерств"
text_en = "Hold a meeting of the ministries"
owner = "комитет экономической политики"
owner_en = "Committee for Economic Policy"
+++
Губернатор встретился с послом.
"""
    m = from_document(text).meeting
    assert (m.place_en, m.summary_en) == ("Volgograd", "The Governor met the Ambassador.")
    f = m.followups[0]
    assert (f.text_en, f.owner_en) == ("Hold a meeting of the ministries", "Committee for Economic Policy")
    assert f.text_in("en") == ("Hold a meeting of the ministries", False) and f.text_in("ru")[0].startswith("Пров")
    assert m.title_marked("en") == ("Встреча с послом", True) and m.title_marked("ru") == ("Встреча с послом", False)
