"""Issue 14.6: official figures that arrive by letter — the letters format (parse, refusals by line and column,
load), the ДСП figures kept off the guest deck and its files, "данные на …" with its warning, and the figure check
against an official figure when the unload lacks the period."""
from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation

from dashboard.export.pptx_deck import deck_bytes
from dashboard.export.slides import build_deck
from dashboard.i18n import t
from dashboard.i18n.numbers import period_label
from dashboard.ingest import formats, letters
from dashboard.ingest.pipeline import import_paths, parse_file
from dashboard.ingest.report import ImportRejected
from dashboard.meetings.check import check_claims
from dashboard.meetings.claim import Claim
from dashboard.store import answers, segments
from dashboard.store.db import Store
from dashboard.store.period import Period

TODAY = dt.date(2026, 12, 1)
HEAD = "period;partner;metric;value;unit;document;document date;restricted\n"
SECRET = "письмо Южного таможенного управления № 12-34/5678"
OPEN = "письмо Волгоградстата № 7-01/99"


def _parse(text: str) -> letters.LettersData:
    return parse_file("letter.csv", text.encode("utf-8"), "auto", today=TODAY).data


def _refused(text: str) -> set[tuple[int, str, str]]:
    with pytest.raises(ImportRejected) as e:
        parse_file("letter.csv", text.encode("utf-8"), "auto", today=TODAY)
    return {(i.line, i.column, i.reason) for i in e.value.report.issues}


def test_a_letter_is_recognised_and_its_values_kept_exact_and_normalised():
    f = _parse(HEAD + f"2025-01..2025-09;KZ;turnover;1 234,56;млн долл. США;{SECRET};15.10.2025;да\n"
               f"2025;region;partner_countries;97;;{OPEN};2026-02-01;нет\n"
               f"2025;KZ;turnover_growth;-3,5;%;{OPEN};2026-02-01;\n").figures
    assert formats.detect(HEAD.strip().split(";")) is letters
    rows = {(r.metric, None if pd.isna(r.partner) else r.partner): r for r in f.itertuples()}
    kz = rows[("turnover", "KZ")]
    assert (kz.year, kz.m_from, kz.m_to) == (2025, 1, 9)
    assert Decimal(kz.value) == Decimal("1234560000.00") and kz.restricted and kz.document == SECRET
    assert kz.document_date == "2025-10-15"
    region = rows[("partner_countries", None)]
    assert Decimal(region.value) == 97 and not region.restricted and (region.m_from, region.m_to) == (1, 12)
    assert Decimal(rows[("turnover_growth", "KZ")].value) == Decimal("-0.035")


def test_russian_headers_and_metric_names():
    f = _parse("период;страна;показатель;значение;единица;документ;дата документа\n"
               f"2025;регион;товарооборот;2,5;млрд USD;{OPEN};01.02.2026\n").figures
    assert list(f["metric"]) == ["turnover"] and f["partner"].isna().all()
    assert Decimal(f["value"].iloc[0]) == Decimal("2500000000") and not f["restricted"].iloc[0]


def test_every_bad_field_is_reported_with_its_line_and_column():
    found = _refused(HEAD
                     + f"2025-13;KZ;turnover;1;USD;{OPEN};01.02.2026;нет\n"          # line 2: no such month
                     + f"2025;XX;turnover;1;USD;{OPEN};01.02.2026;нет\n"             # line 3: unknown partner
                     + f"2025;KZ;size;1;USD;{OPEN};01.02.2026;нет\n"                 # line 4: unknown metric
                     + f"2025;KZ;exports;1;рублей;{OPEN};01.02.2026;нет\n"           # line 5: not a money unit
                     + f"2025;KZ;imports;много;USD;{OPEN};01.02.2026;нет\n"          # line 6: not a number
                     + f"2025;KZ;firms;2,5;;{OPEN};01.02.2026;нет\n"                 # line 7: not whole
                     + f"2025;KZ;turnover;1;USD;{OPEN};01.02.2027;нет\n"             # line 8: dated in the future
                     + "2025;KZ;turnover_growth;5;%;;01.02.2026;нет\n"              # line 9: no document
                     + f"2025;KZ;rank_by_turnover;2;;{OPEN};01.02.2026;может\n"      # line 10: restricted?
                     + f"2027;KZ;export_growth;5;раз;{OPEN};1 февраля;нет\n")        # line 11: three at once
    assert found == {
        (2, "period", "ingest.reason.official_period"),
        (3, "partner", "ingest.reason.unknown_partner"),
        (4, "metric", "ingest.reason.official_metric"),
        (5, "unit", "ingest.reason.official_money_unit"),
        (6, "value", "ingest.reason.not_number"),
        (7, "value", "ingest.reason.official_whole"),
        (8, "document date", "ingest.reason.official_date_future"),
        (9, "document", "ingest.reason.missing_value"),
        (10, "restricted", "ingest.reason.official_restricted"),
        (11, "period", "ingest.reason.future_period"),
        (11, "unit", "ingest.reason.official_percent_unit"),
        (11, "document date", "ingest.reason.official_date"),
    }


def test_missing_columns_and_a_figure_given_twice_are_refused():
    assert _refused("period;partner;metric;value;document\n2025;KZ;turnover;1;x\n") == {
        (1, "unit", "ingest.reason.missing_column"), (1, "document_date", "ingest.reason.missing_column")}
    assert _refused(HEAD + f"2025;KZ;turnover;1;USD;{OPEN};01.02.2026;нет\n"
                    f"2025;KZ;turnover;2;USD;{SECRET};02.02.2026;нет\n") == {
        (3, "metric", "ingest.reason.conflicting_duplicate")}
    # a letter dated before its period began cannot report it
    assert _refused(HEAD + f"2025;KZ;turnover;1;USD;{OPEN};01.12.2024;нет\n") == {
        (2, "document date", "ingest.reason.official_date_before")}


def _letter(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(HEAD + body, encoding="utf-8")
    return p


def test_loaded_figures_are_answered_with_their_source_and_a_later_letter_replaces(fresh_db: Path, tmp_path: Path):
    first = _letter(tmp_path / "in", "first.csv", f"2025;KZ;turnover;100;млн USD;{OPEN};01.02.2026;нет\n"
                    f"2025;KZ;firms;230;;{SECRET};01.02.2026;да\n")
    out = import_paths(fresh_db, [first], loaded_by="analyst")
    assert [(o.format, o.rows) for o in out] == [("letters", 2)]
    store = Store(fresh_db)
    got = {o.metric: o for o in answers.official_figures(store, "18000", "KZ")}
    assert got["turnover"].money == answers.Money(100_000_000_00) and got["turnover"].document == OPEN
    assert got["firms"].restricted and got["firms"].entered_by == "analyst"
    assert [o.metric for o in answers.official_figures(store, "18000", "KZ", restricted=False)] == ["turnover"]
    store.close()
    second = _letter(tmp_path / "in", "second.csv", f"2025;KZ;turnover;120;млн USD;{SECRET};01.03.2026;нет\n")
    import_paths(fresh_db, [second], loaded_by="analyst")
    con = segments.connect(fresh_db)
    rows = con.execute("SELECT metric, value, document FROM official_figures WHERE partner = 'KZ' "
                       "ORDER BY metric").fetchall()
    con.close()
    assert rows == [("firms", Decimal("230"), SECRET), ("turnover", Decimal("120000000"), SECRET)]


@pytest.fixture()
def with_letters(fresh_db: Path, tmp_path: Path) -> Path:
    """The demo store (trade to December 2024) with two figures for Kazakhstan in 2025, one of them ДСП."""
    p = _letter(tmp_path / "in", "kz.csv", f"2025;KZ;turnover;1,5;млрд USD;{SECRET};01.02.2026;да\n"
                f"2025;KZ;rank_by_turnover;2;;{OPEN};01.02.2026;нет\n"
                f"2024;KZ;turnover;1;USD;{OPEN};01.02.2025;нет\n")
    import_paths(fresh_db, [p], loaded_by="analyst")
    return fresh_db


def _closing_texts(deck) -> str:
    closing = next(s for s in deck.slides if s.kind == "closing")
    return " ".join(f"{i.text} {i.meta}" for lst in closing.lists for i in lst.items)


def test_the_guest_deck_and_its_file_leave_out_the_restricted_figures(with_letters: Path):
    store = Store(with_letters)
    guest = build_deck(store, "KZ", Period(2024), lang="ru", today=TODAY, audience="guest")
    internal = build_deck(store, "KZ", Period(2024), lang="ru", today=TODAY, audience="internal")
    assert OPEN in _closing_texts(guest) and SECRET not in _closing_texts(guest)
    assert SECRET in _closing_texts(internal) and t("official.restricted", "ru") in _closing_texts(internal)
    texts = " ".join(sh.text_frame.text for slide in Presentation(io.BytesIO(deck_bytes(guest))).slides
                     for sh in slide.shapes if sh.has_text_frame)
    assert OPEN in texts and SECRET not in texts
    store.close()


@pytest.mark.parametrize(("today", "stale"), [(dt.date(2025, 6, 30), False), (dt.date(2025, 7, 1), True)])
def test_every_slide_says_the_latest_month_and_warns_when_it_is_old(demo_store: Store, today: dt.date, stale: bool):
    cov = answers.coverage(demo_store, "18000")
    year, month = cov.latest_month()
    assert (year, month) == max(cov.last_months)
    assert cov.stale(today) is stale  # December 2024 + 6 months = June 2025: still fresh; July: stale
    deck = build_deck(demo_store, "KZ", Period(2024), lang="en", today=today)
    said = t("asof.caption", "en", month=period_label(year, month, month, "en"))
    for s in deck.slides:
        assert said in s.footnote
        assert (t("asof.stale_short", "en") in s.footnote) is stale


def _claim(metric: str, value: float, period: Period, partner: str | None = "KZ") -> Claim:
    return Claim("…", metric, partner, period, "exact", value)


def test_a_claim_on_a_period_the_unload_lacks_is_checked_against_the_letter(with_letters: Path):
    store = Store(with_letters)
    ok, wrong, rank, none = check_claims(store, [
        _claim("turnover", 1.5e9, Period(2025)), _claim("turnover", 2.0e9, Period(2025)),
        _claim("rank", 2, Period(2025)), _claim("exports", 1e9, Period(2025))], None)
    assert (ok.verdict, ok.data_value) == ("confirmed", 1.5e9)
    assert [n.key for n in ok.notes] == ["meetings.note.official_restricted"]
    assert ok.notes[0].params["document"] == SECRET and ok.notes[0].params["date"] == "2026-02-01"
    assert (wrong.verdict, wrong.data_value) == ("mismatch", 1.5e9)
    assert rank.verdict == "confirmed" and [n.key for n in rank.notes] == ["meetings.note.official"]
    assert none.verdict == "no_data" and [n.key for n in none.notes] == ["meetings.note.not_loaded"]
    store.close()


def test_the_unload_takes_precedence_over_a_letter_for_a_period_it_covers(with_letters: Path):
    store = Store(with_letters)
    pos = answers.position(store, "18000", Period(2024), "KZ")
    assert pos is not None and pos.turnover.usd != 1  # the letter's 1 USD for 2024 disagrees with the unload
    (c,) = check_claims(store, [_claim("turnover", pos.turnover.usd, Period(2024))], None)
    assert c.verdict == "confirmed" and c.data_value == pos.turnover.usd
    assert not any(n.key.startswith("meetings.note.official") for n in c.notes)
    store.close()
