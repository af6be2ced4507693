"""The briefing paper (справка, DOCX): A4, Times New Roman 14, and the figures of the store (the same answers as
the slides); its rendering by LibreOffice is tests/integration/test_docx_pdf.py."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from dashboard.__main__ import main
from dashboard.export.docx_brief import brief_bytes
from dashboard.i18n import t
from dashboard.i18n.numbers import money, number, percent, rank_phrase
from dashboard.meetings.model import FollowUp, Meeting
from dashboard.meetings.store_io import save_meeting
from dashboard.store import answers
from dashboard.store.db import Store
from dashboard.store.period import Period

TODAY = dt.date(2026, 11, 30)


def _read(data: bytes) -> tuple[docx.document.Document, str]:
    d = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in d.paragraphs)
    cells = "\n".join(" | ".join(c.text for c in row.cells) for tbl in d.tables for row in tbl.rows)
    return d, text + "\n" + cells


def test_the_paper_holds_the_stores_figures(demo_store: Store) -> None:
    d, text = _read(brief_bytes(demo_store, "KZ", Period(2022), "18000", "ru", today=TODAY))
    pos = answers.position(demo_store, "18000", Period(2022), "KZ")
    assert pos is not None
    assert rank_phrase(pos.rank, pos.of, "ru") == "4-е место из 114 стран-партнёров"
    assert f"Казахстан — {rank_phrase(pos.rank, pos.of, 'ru')}" in text
    for usd in (pos.turnover.usd, pos.exports.usd, pos.imports.usd):
        assert money(usd, "ru") in text
    assert percent(pos.share, "ru") in text
    # the table of trade by year: every year's exports, imports and turnover in millions, as the store has them
    history = answers.rank_history(demo_store, "18000", "KZ")
    history = history[history["year"] <= 2022].tail(6)
    rows = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in d.tables[0].rows[1:]}
    assert list(rows) == [str(y) for y in history["year"]]
    for year, e_usd, i_usd in zip(history["year"], history["exports_usd"], history["imports_usd"], strict=True):
        e, i = e_usd / 1e6, i_usd / 1e6
        assert rows[str(year)] == [number(e, 1, "ru"), number(i, 1, "ru"), number(e + i, 1, "ru")]
    # top goods each way, firms, the meetings with the state of each agreement, sources and the data version
    cs = answers.commodity_structure(demo_store, "18000", Period(2022), "KZ")
    top_e = cs[cs["flow"] == "E"].groupby("chapter")["value_usd"].sum().idxmax()
    assert d.tables[1].rows[1].cells[0].text.startswith(str(top_e))
    assert "212" in text
    assert "Встречи и состояние договорённостей" in text
    assert answers.version_number(demo_store) in text
    assert "Источник" in text or "Источники" in text


def test_the_paper_is_a4_in_times_new_roman_14(demo_store: Store) -> None:
    d, _ = _read(brief_bytes(demo_store, "KZ", Period(2022), "18000", "ru", today=TODAY))
    sec = d.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)
    assert round(sec.left_margin.mm) >= 20 and round(sec.right_margin.mm) >= 10
    assert (round(sec.left_margin.mm), round(sec.top_margin.mm), round(sec.bottom_margin.mm)) == (30, 20, 20)
    normal = d.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    assert d.paragraphs[1].text == "Справка" and d.paragraphs[1].runs[0].font.all_caps
    assert sec.different_first_page_header_footer  # the page number from the second page on
    assert "PAGE" in sec.header.paragraphs[0]._p.xml


def test_agreements_with_their_state_and_english_marks(fresh_db: Path, tmp_path: Path) -> None:
    save_meeting(fresh_db, Meeting(
        held_on=dt.date(2024, 5, 6), title="Встреча с торговым представителем Узбекистана", place="Волгоград",
        partners=["UZ"], followups=[FollowUp("Подготовить бизнес-миссию", "комитет экономики", dt.date(2024, 6, 1),
                                             text_en="Prepare a business mission"),
                                    FollowUp("Выполненное поручение", None, None, done=True)]))
    store = Store(fresh_db)
    try:
        _, ru = _read(brief_bytes(store, "UZ", Period(2022), "18000", "ru", today=dt.date(2024, 7, 1)))
        _, en = _read(brief_bytes(store, "UZ", Period(2022), "18000", "en", today=dt.date(2024, 7, 1)))
    finally:
        store.close()
    overdue, done = t("meetings.status.overdue", "ru"), t("meetings.status.done", "ru")
    assert f"Подготовить бизнес-миссию ({overdue}; комитет экономики; срок 01.06.2024)" in ru
    assert f"Выполненное поручение ({done})" in ru
    assert "Prepare a business mission (overdue; комитет экономики (in Russian); due 1 Jun 2024)" in en
    assert "Выполненное поручение (in Russian) (done)" in en
    assert "Встреча с торговым представителем Узбекистана (in Russian)" in en


def test_cli_writes_the_paper(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kz.docx"
    assert main(["--db", str(demo_db), "deck", "--partner", "KZ", "--year", "2022", "-o", str(out)]) == 0
    assert ": справка, " in capsys.readouterr().out
    _, text = _read(out.read_bytes())
    assert "4-е место из 114" in text
