"""Import outcomes and validation reasons are keys with parameters, rendered at the edge: every key the
importer uses is in both catalogues, and a real refusal report reads in Russian without an English sentence."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dashboard.__main__ import report_text
from dashboard.i18n import catalog
from dashboard.i18n.message import Msg, dumps, loads, msg, render, render_stored
from dashboard.ingest.pipeline import parse_file
from dashboard.ingest.report import ImportRejected
from tests.fixtures import make_bad

PKG = Path(__file__).resolve().parents[2] / "dashboard"
KEY = re.compile(r"^ingest\.[a-z_]+\.[a-z_0-9]+$")
LATIN_SENTENCE = re.compile(r"[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}")
NAMES = ("UN Comtrade",)  # a proper name, written so in Russian too


def _keys_in(path: Path) -> set[str]:
    return {n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and KEY.match(n.value)}


def test_every_key_the_importer_uses_is_in_both_catalogues():
    used = set().union(*(_keys_in(p) for p in [*(PKG / "ingest").glob("*.py"), PKG / "meetings" / "store_io.py"]))
    assert len(used) >= 50  # every reason, note and outcome: the walk found them
    for lang in ("ru", "en"):
        assert not used - set(catalog(lang)), lang


def _refusals() -> list[tuple[str, ImportRejected]]:
    out = []
    for case, (name, build) in make_bad.CASES.items():
        try:
            parse_file(name, build(), limit=1 << 20)
        except ImportRejected as e:
            out.append((case, e))
    return out


def test_a_real_refusal_report_reads_in_russian():
    refusals = _refusals()
    assert len(refusals) >= 30
    for case, err in refusals:
        text = report_text(err.report, "ru")
        # what comes from the file (its name, its columns, its cells) is shown as written; the rest is Russian
        for i in err.report.issues:
            text = text.replace(repr(i.value), "").replace(i.column, "")
        text = text.replace(err.report.file_name, "")
        for name in NAMES:
            text = text.replace(name, "")
        assert not LATIN_SENTENCE.search(text), (case, text)
        assert re.search("[а-яё]{4,}", text), (case, text)
    negative = dict(refusals)["negative_value"]
    assert report_text(negative.report, "ru").splitlines() == [
        "DATTSVT.csv: найдено ошибок: 1, ничего не загружено",
        "  строка 15, столбец Stoim: '-5,00' — отрицательное значение"]


def test_every_reason_of_the_corpus_renders_in_both_languages_with_its_parameters():
    for _, err in _refusals():
        for i in err.report.issues:
            for lang in ("ru", "en"):
                text = render(i.message, lang)
                assert text != i.reason and "{" not in text, (lang, i)


def test_stored_notes_are_messages_shown_in_the_readers_language():
    notes = (msg("ingest.note.ignored_columns", columns="Comment"), msg("ingest.note.replaced", n=3))
    stored = dumps(notes)
    assert stored is not None and loads(stored) == list(notes)
    assert render_stored(stored, "ru") == "пропущены столбцы: Comment; заменено прежних строк тех же месяцев: 3"
    assert render_stored(stored, "en") == "ignored columns: Comment; replaced 3 earlier rows of the same months"
    # a meeting's title (data), or a note of an older version, is shown as it is; nothing for NULL
    assert render_stored("Встреча с послом", "en") == "Встреча с послом"
    assert render_stored(None, "ru") == render_stored(float("nan"), "ru") == ""


def test_a_message_in_a_message_is_rendered_in_the_same_language():
    m = msg("ingest.reason.unknown_format", formats=(msg("data.formats.fts"), msg("data.formats.firms")))
    assert Msg.from_json(m.to_json()) == m
    assert "выгрузка ФТС, число предприятий" in render(m, "ru")
    assert "FTS unload, firm counts" in render(m, "en")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_outcome_lines_render_without_a_missing_key(lang, tmp_path):
    from dashboard.ingest.pipeline import import_paths
    path = tmp_path / "DATTSVT.csv"
    path.write_bytes(make_bad.CASES["extra_columns"][1]())
    published = tmp_path / "db" / "t.duckdb"
    for outcome in import_paths(published, [path]) + import_paths(published, [path]):
        for m in outcome.messages:
            assert m.key in catalog(lang) and "{" not in render(m, lang)
