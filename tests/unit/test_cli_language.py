"""The command line speaks its --lang: argument errors (periods, months, slides) and the meeting commands' labels
come from the catalogue, in Russian or in English, never as a traceback nor a sentence fixed in one language."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.i18n import t
from dashboard.i18n.message import error_text
from dashboard.slide_model import KINDS, SlideError, parse_slides
from dashboard.store.period import Period, PeriodError, parse_months

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
TEXT = ("Сегодня, 3 февраля, губернатор Андрей Бочаров провёл встречу с послом Казахстана. "
        "Казахстан занимает 4-е место среди 114 внешнеторговых партнёров региона.")


@pytest.mark.parametrize("bad, key", [
    (lambda: Period.parse("2023-01..2024-02"), "period.error.two_years"),
    (lambda: Period.parse("в прошлом году"), "period.error.bad"),
    (lambda: Period(2022, 5, 3), "period.error.months"),
    (lambda: Period(1812), "period.error.year"),
    (lambda: parse_months("13"), "period.error.bad_months"),
    (lambda: parse_months("9-3"), "period.error.bad_months"),
    (lambda: parse_slides("2-x"), "slides.error.not_number"),
    (lambda: parse_slides("0"), "slides.error.no_slide"),
    (lambda: parse_slides(" , "), "slides.error.none"),
])
def test_argument_errors_are_keys_in_both_languages(bad, key: str) -> None:
    with pytest.raises((PeriodError, SlideError)) as e:
        bad()
    assert isinstance(e.value, ValueError)  # a URL's bad value is still replaced by the default (ui/state.py)
    assert e.value.message.key == key
    ru, en = error_text(e.value, "ru"), error_text(e.value, "en")
    assert CYRILLIC.search(ru) and ru != en
    assert not CYRILLIC.search(en.replace("в прошлом году", ""))  # the value as written aside
    assert key not in ru and key not in en  # rendered, not the key shown


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_partners_and_deck_refuse_bad_arguments_in_the_cli_language(lang: str, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(tmp_path / "none.duckdb"), "--lang", lang]  # refused before any store is opened
    assert main([*db, "partners", "--year", "2022", "--months", "13"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == t("period.error.bad_months", lang, text="13")
    assert main([*db, "partners", "--year", "1812"]) == 2
    assert capsys.readouterr().err.strip() == t("period.error.year", lang, year=1812)

    deck = [*db, "deck", "--partner", "KZ", "--year", "2022", "-o", str(tmp_path / "kz.pptx")]
    assert main([*deck, "--months", "9-3"]) == 2
    assert capsys.readouterr().err.strip() == t("period.error.bad_months", lang, text="9-3")
    assert main([*deck, "--slides", "1,x"]) == 2
    assert capsys.readouterr().err.strip() == t("slides.error.not_number", lang, part="x")
    assert main([*deck, "--slides", "1,12"]) == 2
    assert capsys.readouterr().err.strip() == t("slides.error.no_slide", lang, n=12, first=1, last=len(KINDS))
    assert main([*db, "deck", "--partner", "QQ", "--year", "2022", "-o", str(tmp_path / "q.pptx")]) == 2
    assert capsys.readouterr().err.strip() == t("cli.deck.unknown_partner", lang, code="QQ")
    assert main([*db, "deck", "--partner", "KZ", "--year", "2022", "-o", str(tmp_path / "kz.key")]) == 2
    assert capsys.readouterr().err.strip() == t("cli.deck.bad_output", lang, suffix=".key")
    assert not list(tmp_path.glob("*.pptx"))


def test_meeting_preview_is_labelled_in_the_cli_language(fresh_db: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "kz.txt"
    text.write_text(TEXT, encoding="utf-8")
    shown = {}
    for lang in ("ru", "en"):
        # not a terminal and no --yes: a preview, nothing saved
        assert main(["--db", str(fresh_db), "--lang", lang, "meeting", "add", str(text), "--year", "2023"]) == 0
        shown[lang] = capsys.readouterr().out.splitlines()
    ru, en = shown["ru"], shown["en"]
    assert ru[0] == t("cli.meeting.date", "ru", value="2023-02-03") and ru[0].startswith("дата: ")
    assert en[0] == t("cli.meeting.date", "en", value="2023-02-03") and en[0].startswith("date: ")
    assert t("cli.meeting.figures", "en") in en and t("cli.meeting.preview_only", "en") == en[-1]
    assert t("cli.meeting.preview_only", "ru") == ru[-1]
    # the checked rank (4th of 114 in 2022): the English metric and verdict, the quote as the text has it
    line = next(x for x in en if x.startswith("  «"))
    assert f"» {t('meetings.metric.rank', 'en')} KZ 2022: {t('meetings.verdict.confirmed', 'en')}" in line, line
    assert f"» {t('meetings.metric.rank', 'ru')} KZ 2022: {t('meetings.verdict.confirmed', 'ru')}" in \
        next(x for x in ru if x.startswith("  «"))
    label_lines = [x.split(":")[0] for x in en if not x.startswith(("  «", "!"))]
    assert not [x for x in label_lines if CYRILLIC.search(x)], en  # labels English; the title is data


def test_meeting_done_says_so_in_the_cli_language(fresh_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(fresh_db)]
    assert main([*db, "meeting", "list", "--json"]) == 0
    fid = next(f["followup_id"] for m in json.loads(capsys.readouterr().out) for f in m["followups"])
    assert main([*db, "--lang", "en", "meeting", "done", str(fid)]) == 0
    assert capsys.readouterr().out.strip() == t("cli.meeting.done", "en", id=fid) == f"follow-up {fid}: done"
    assert main([*db, "--lang", "ru", "meeting", "done", str(fid), "--undo"]) == 0
    assert capsys.readouterr().out.strip() == t("cli.meeting.reopened", "ru", id=fid)
    assert main([*db, "--lang", "en", "meeting", "list"]) == 0
    listed = capsys.readouterr().out
    assert f"#{fid} [{t('meetings.status.open', 'en')}]" in listed or \
        f"#{fid} [{t('meetings.status.overdue', 'en')}]" in listed
    assert main([*db, "--lang", "ru", "meeting", "done", str(fid)]) == 0
    assert capsys.readouterr().out.strip() == t("cli.meeting.done", "ru", id=fid) == f"поручение {fid}: выполнено"

