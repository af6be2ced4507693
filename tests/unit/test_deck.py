"""The briefing deck: the slide model, the PPTX with native charts whose data is the store's, the CLI; the PDF
conversion's refusal without LibreOffice (the PDF itself: tests/integration/test_deck_pdf.py)."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pptx import Presentation

from dashboard.__main__ import main
from dashboard.export import pdf
from dashboard.export.pptx_deck import deck_bytes
from dashboard.export.slides import build_deck
from dashboard.i18n.numbers import version_label
from dashboard.meetings.model import FollowUp, Meeting
from dashboard.meetings.store_io import save_meeting
from dashboard.slide_model import KINDS
from dashboard.store import answers
from dashboard.store.db import Store
from dashboard.store.period import Period

TODAY = dt.date(2023, 3, 1)
KZ_2022 = Period(2022)


def _texts(slide) -> str:
    return "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


def _charts(slide) -> list:
    return [sh.chart for sh in slide.shapes if sh.has_chart]


@pytest.fixture()
def prs(demo_store: Store):
    deck = build_deck(demo_store, "KZ", KZ_2022, "18000", "ru", today=TODAY)
    return Presentation(io.BytesIO(deck_bytes(deck)))


def test_deck_for_kazakhstan_2022_has_every_slide_in_order(demo_store: Store) -> None:
    deck = build_deck(demo_store, "KZ", KZ_2022, "18000", "ru", today=TODAY)
    assert [s.kind for s in deck.slides] == list(KINDS)
    assert deck.slides[1].big == "4-е место из 114 стран-партнёров"
    label = version_label(answers.version_number(demo_store), answers.published_at(demo_store), "ru")
    assert label.startswith("№ ")
    for s in deck.slides:  # every slide says its period, scope, source and data version
        assert "2022 год" in s.footnote and "с учётом ЕАЭС" in s.footnote
        assert "Источник" in s.footnote and label in s.footnote


def test_pptx_opens_with_the_headline_and_16_9_slides(prs) -> None:
    assert len(prs.slides) == len(KINDS)
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01
    assert "4-е место из 114" in _texts(prs.slides[1])
    assert "Казахстан" in _texts(prs.slides[0])
    for i, slide in enumerate(prs.slides, start=1):
        assert f"{i} / {len(KINDS)}" in _texts(slide)
        assert "версия данных" in _texts(slide)  # the footnote is on the slide, not only in the notes


def test_native_charts_hold_the_stores_figures(prs, demo_store: Store) -> None:
    pos = answers.position(demo_store, "18000", KZ_2022, "KZ")
    assert pos is not None
    history = answers.rank_history(demo_store, "18000", "KZ")
    history = history[history["year"] <= 2022]

    (rank_chart,) = _charts(prs.slides[1])
    assert list(rank_chart.plots[0].categories) == [str(y) for y in history["year"]]
    assert list(rank_chart.series[0].values) == [float(r) for r in history["rank"]]
    assert rank_chart.series[0].values[-1] == pos.rank == 4

    (dyn,) = _charts(prs.slides[2])
    exports, imports = dyn.series
    assert exports.values == pytest.approx([v / 1e6 for v in history["exports_usd"]])
    assert imports.values == pytest.approx([v / 1e6 for v in history["imports_usd"]])
    assert exports.values[-1] + imports.values[-1] == pytest.approx(pos.turnover.usd / 1e6)

    cs = answers.commodity_structure(demo_store, "18000", KZ_2022, "KZ")
    for slide, flow, total in ((prs.slides[3], "E", pos.exports.usd), (prs.slides[4], "I", pos.imports.usd)):
        (chart,) = _charts(slide)
        values = chart.series[0].values
        assert sum(values) == pytest.approx(total / 1e6)  # top chapters + "other" = the whole flow
        top = cs[cs["flow"] == flow].groupby("chapter")["value_usd"].sum().max()
        assert max(values) == pytest.approx(top / 1e6)
        assert values[-1] == max(values)  # largest bar drawn at the top

    (firms,) = _charts(prs.slides[5])
    fh = answers.firms_history(demo_store, "KZ")
    total_2022 = int(fh[(fh["year"] == 2022) & (fh["kind"] == "any")]["firms"].iloc[0])
    assert firms.series[0].values[-1] == total_2022 > 200
    assert "212 компаний" in _texts(prs.slides[5])


def test_chart_data_is_embedded_so_the_chart_stays_editable(prs) -> None:
    for slide in prs.slides:
        for chart in _charts(slide):
            blob = chart.part.chart_workbook.xlsx_part.blob
            assert blob[:2] == b"PK"  # an embedded workbook with the series


def test_english_deck(demo_store: Store) -> None:
    deck = build_deck(demo_store, "KZ", Period(2023, 1, 9), "18000", "en", today=TODAY)
    assert deck.slides[0].title == "Kazakhstan"
    assert deck.slides[1].big == "2nd of 102 partner countries"
    assert "January–September 2023" in deck.slides[1].footnote
    text = "\n".join(_texts(s) for s in Presentation(io.BytesIO(deck_bytes(deck))).slides)
    assert "Place among partner countries" in text and "место" not in text


def test_english_meetings_slide_uses_the_english_title_where_there_is_one(demo_store: Store) -> None:
    en = build_deck(demo_store, "KZ", KZ_2022, "18000", "en", today=TODAY).slides[6]
    ru = build_deck(demo_store, "KZ", KZ_2022, "18000", "ru", today=TODAY).slides[6]
    assert en.lists[0].items[0].text.startswith("Governor Andrey Bocharov")  # title_en of the bundled meeting
    assert ru.lists[0].items[0].text.startswith("Рабочая встреча губернатора")


def test_internal_meetings_slide_lists_meetings_and_open_followups(fresh_db: Path) -> None:
    save_meeting(fresh_db, Meeting(
        held_on=dt.date(2024, 5, 6), title="Встреча с торговым представителем Узбекистана", place="Волгоград",
        partners=["UZ"], followups=[FollowUp("Подготовить бизнес-миссию в Астану", "комитет экономики",
                                             dt.date(2024, 6, 1)),
                                    FollowUp("Направить перечень товаров", None, dt.date(2024, 12, 1)),
                                    FollowUp("Выполненное поручение", None, None, done=True)]))
    store = Store(fresh_db)
    try:
        slide = build_deck(store, "UZ", KZ_2022, "18000", "ru", today=dt.date(2024, 7, 1),
                           audience="internal").slides[6]
    finally:
        store.close()
    meetings, followups = slide.lists
    assert meetings.items[0].text == "Встреча с торговым представителем Узбекистана"
    assert meetings.items[0].meta == "06.05.2024 · Волгоград"
    by_text = {i.text: i for i in followups.items}
    assert by_text["Подготовить бизнес-миссию в Астану"].alert  # due 1 June, shown on 1 July: overdue
    assert "ПРОСРОЧЕНО" in by_text["Подготовить бизнес-миссию в Астану"].meta
    assert "комитет экономики" in by_text["Подготовить бизнес-миссию в Астану"].meta
    assert not by_text["Направить перечень товаров"].alert
    assert "Выполненное поручение" not in by_text
    assert followups.title == "Открытые поручения: 2"
    assert "Встречи и поручения" == slide.title


def test_partner_without_trade_gets_a_message_not_a_crash(demo_store: Store) -> None:
    deck = build_deck(demo_store, "AQ", KZ_2022, "18000", "ru", today=TODAY)
    assert len(deck.slides) == len(KINDS)
    assert "не было" in deck.slides[1].note
    assert deck_bytes(deck)[:2] == b"PK"


def test_cli_writes_the_deck(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kz.pptx"
    assert main(["--db", str(demo_db), "deck", "--partner", "KZ", "--year", "2022", "-o", str(out)]) == 0
    assert len(Presentation(str(out)).slides) == len(KINDS)
    assert f"слайдов — {len(KINDS)}" in capsys.readouterr().out
    assert main(["--db", str(demo_db), "deck", "--partner", "ZZ", "--year", "2022", "-o", str(out)]) == 2
    assert main(["--db", str(demo_db), "deck", "--partner", "KZ", "--year", "2022", "-o", str(tmp_path / "x.doc")]) == 2


def test_the_slides_speak_the_global_language_unless_deck_says(demo_db: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kz.pptx"
    base = ["--db", str(demo_db)]
    deck = ["deck", "--partner", "KZ", "--year", "2022", "-o", str(out)]
    assert main([*base, "--lang", "en", *deck]) == 0
    said = capsys.readouterr().out
    assert ", Kazakhstan, 2022, en," in said
    assert main([*base, "--lang", "en", *deck, "--lang", "ru"]) == 0
    assert ", Казахстан, 2022, ru," in capsys.readouterr().out


def test_pdf_without_libreoffice_says_so(monkeypatch: pytest.MonkeyPatch, demo_db: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(pdf, "converter", lambda: None)
    with pytest.raises(pdf.ConverterMissing) as refused:
        pdf.pdf_bytes(b"PK")
    assert refused.value.message.key == "present.error.no_converter"  # rendered where it is shown
    out = tmp_path / "kz.pdf"
    assert main(["--db", str(demo_db), "deck", "--partner", "KZ", "--year", "2022", "-o", str(out)]) == 4
    assert not out.exists() and "LibreOffice" in capsys.readouterr().err


def _label(value: float, decimals: int) -> str:
    """A data label as the chart's number format prints it ("0" or "#,##0.0"), decimal sign aside."""
    return f"{value:,.{decimals}f}"


@pytest.mark.parametrize(("iso2", "lang", "unit"), [("NA", "ru", "тыс. $"), ("AF", "ru", "тыс. $"),
                                                    ("NA", "en", "k $"), ("AF", "en", "k $")])
def test_a_small_partners_money_charts_are_in_thousands_and_no_label_reads_zero(
        demo_store: Store, iso2: str, lang: str, unit: str) -> None:
    deck = build_deck(demo_store, iso2, KZ_2022, "18000", lang, today=TODAY)
    prs = Presentation(io.BytesIO(deck_bytes(deck)))
    money_units, labels = [], []
    for spec, slide in zip(deck.slides, prs.slides, strict=True):
        for chart in _charts(slide):
            decimals = 0 if chart.plots[0].data_labels.number_format == "0" else 1
            labels += [_label(v, decimals) for s in chart.series for v in s.values if v is not None]
            if spec.kind in ("dynamics", "exports", "imports"):
                money_units.append(chart.value_axis.axis_title.text_frame.text)
    assert labels and "0.0" not in labels and "-0.0" not in labels
    # Namibia trades under a million a year; Afghanistan's exports hold a chapter of ~15 000 $ (its dynamics,
    # up to 4 million, stay in millions)
    assert money_units and unit in money_units


def test_a_large_partners_money_charts_stay_in_millions(demo_store: Store) -> None:
    deck = build_deck(demo_store, "KZ", KZ_2022, "18000", "ru", today=TODAY)
    assert {s.chart.unit for s in deck.slides if s.kind in ("dynamics", "exports", "imports") and s.chart} == {"млн $"}
