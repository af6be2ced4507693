"""Issue 12, part 2: every page and every slide, in each language, shows only texts of that language's catalogue,
values of named data columns, and numbers, dates and units written for that language (tests/app/visible_text.py
says how each string is accounted for). None comes from the other catalogue, none is unaccounted for."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dashboard import access
from dashboard.export.slides import build_deck
from dashboard.i18n import LANGS, catalog
from dashboard.i18n.columns import name_column
from dashboard.meetings.claims import extract_claims
from dashboard.meetings.model import Participant
from dashboard.reference import regions as regions_ref
from dashboard.store import segments
from dashboard.store.db import Store
from dashboard.store.period import Period
from tests.app.visible_text import (
    Accountant,
    DataValues,
    audit,
    collect_app,
    figure_strings,
    formats,
    md_text,
    slide_strings,
)

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
PASSWORD = "languages test"


def data_values(db: Path, lang: str) -> DataValues:
    """(b): the named data columns a page in `lang` may show, read from the store the app serves."""
    con = segments.connect(db)
    try:
        def column(sql: str) -> list[str]:
            return [str(v) for (v,) in con.execute(sql).fetchall() if v is not None]

        name = name_column(lang)
        d = DataValues()
        # partners: the name in this language, and the ISO code shown beside it (or instead of a missing name)
        d.names |= set(column(f"SELECT {name} FROM partners")) | set(column("SELECT iso2 FROM partners"))
        # regions: the name as the sidebar and the slides write it in this language, and the OKATO code
        for code, raw in con.execute("SELECT code, name FROM regions").fetchall():
            d.names |= {regions_ref.display_name(raw, lang), code}
        # goods: sections, chapters and headings with their codes, named in this language
        for roman, text in con.execute(f"SELECT roman, {name} FROM hs_sections").fetchall():
            d.names.add(f"{roman}. {text}")
        for table, code in (("hs_chapters", "chapter"), ("hs_headings", "heading")):
            for c, text in con.execute(f"SELECT {code}, {name} FROM {table}").fetchall():
                d.names |= {c, f"{c} {text or ''}".strip()}
        # meetings as stored: the title in this language (the Russian one where no English title is given),
        # place, summary lines, participants, topics, follow-ups and the source; quotes of figures in the text
        title = "coalesce(title_en, title)" if lang == "en" else "title"
        d.stored |= set(column(f"SELECT {title} FROM meetings")) | set(column("SELECT place FROM meetings"))
        d.stored |= set(column("SELECT source FROM meetings"))
        for text in column("SELECT summary_md FROM meetings"):
            d.stored |= {line.strip() for line in md_text(text).split("\n")}
        for text in column("SELECT coalesce(full_text, summary_md) FROM meetings"):
            quotes = [c.quote for c in extract_claims(text)]
            assert all(q in text for q in quotes)  # words of the stored text, verbatim
            d.stored |= set(quotes)
        for col in ("name", "role", "side"):
            d.stored |= set(column(f"SELECT {col} FROM meeting_participants"))
        d.stored |= set(column("SELECT topic FROM meeting_topics"))
        d.stored |= set(column("SELECT text FROM followups")) | set(column("SELECT owner FROM followups"))
        if lang == "en":  # the English fields a meeting may have, shown on English pages and slides
            d.stored |= set(column("SELECT place_en FROM meetings"))
            for text in column("SELECT summary_en FROM meetings"):
                d.stored |= {line.strip() for line in md_text(text).split("\n")}
            d.stored |= set(column("SELECT text_en FROM followups")) | set(column("SELECT owner_en FROM followups"))
            for col in ("name_en", "role_en"):
                d.stored |= set(column(f"SELECT {col} FROM meeting_participants"))
            d.stored |= set(column("SELECT topic_en FROM meeting_topics"))
            # a name with no English spelling is written in Latin letters, transliterated
            d.stored |= {Participant(n).name_in("en") for n in column("SELECT name FROM meeting_participants")}
        # sources: the import log the closing slide and the Данные page list (file, its hash, regions, who);
        # versions are named by number and date (frame.version_label), never by their files
        for col in ("file_name", "sha256", "regions", "loaded_by"):
            d.stored |= set(column(f"SELECT {col} FROM sources"))
        return d
    finally:
        con.close()


def _report(where: str, unaccounted: list[str], foreign: list[str]) -> str:
    return (f"{where}\n  from the other language's catalogue: {foreign}\n  unaccounted for: {unaccounted}")


# ------------------------------------------------------------------------------------------- the matcher

@pytest.fixture(scope="module")
def nothing() -> DataValues:
    return DataValues(names={"Kazakhstan", "Казахстан"})


def test_a_string_of_this_catalogue_with_data_and_numbers_is_accounted_for(nothing) -> None:
    en = Accountant("en", nothing)
    assert en.accounted("Kazakhstan: 4th of 114 partner countries including EAEU")  # template, name, rank, scope
    assert en.accounted("2022 · including EAEU · Source: FTS of Russia regional customs statistics, US dollars "
                        "· data version no. 3 of 25 Nov 2026 16:05")
    assert en.accounted("1,234.5 M $")
    assert Accountant("ru", nothing).accounted("январь–сентябрь 2023 · с учётом ЕАЭС")


def test_a_string_from_the_other_catalogue_fails(nothing) -> None:
    unaccounted, foreign = audit(["Товарооборот", "2022 · Kazakhstan · с учётом ЕАЭС"], "en", nothing)
    assert (unaccounted, foreign) == ([], ["Товарооборот", "с учётом ЕАЭС"])
    assert audit(["Trade turnover"], "ru", nothing) == ([], ["Trade turnover"])


def test_an_unknown_string_fails(nothing) -> None:
    assert audit(["Turnover of the fleet", "Kazakhstan · hello"], "en", nothing) == (
        ["Turnover of the fleet", "hello"], [])
    # numbers are written for the language
    assert not Accountant("ru", nothing).accounted("1,234.5 млн $")
    assert not Accountant("en", nothing).accounted("1 234,5 M $")
    assert not Accountant("en", nothing).accounted("4-е место")


def test_a_name_in_the_other_language_is_no_data_value_here(demo_db) -> None:
    assert not Accountant("ru", data_values(demo_db, "ru")).accounted("Kazakhstan")
    assert not Accountant("en", data_values(demo_db, "en")).accounted("Казахстан")
    assert Accountant("en", data_values(demo_db, "en")).accounted("Kazakhstan, Belarus")


# English texts that quote what a Russian customs file holds: its codes are Cyrillic in every language
QUOTES_THE_FILE = {"ingest.reason.flow", "ingest.reason.flow_mis_encoded", "ingest.reason.region_code"}


def test_the_english_catalogue_has_no_cyrillic_and_the_russian_no_english_sentence() -> None:
    assert [k for k, v in catalog("en").items() if CYRILLIC.search(v) and k not in QUOTES_THE_FILE] == []
    assert not [f.pattern for f in formats("en") if CYRILLIC.search(f.pattern)]  # (c) in English is English
    # an English sentence: three English words in a row (names of tools and formats are single words)
    sentence = re.compile(r"\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b")
    code = re.compile(r"`[^`]*`|\S+\.\w+|https?://\S+")  # commands, file names and links are not sentences
    assert [k for k, v in catalog("ru").items() if sentence.search(code.sub("", v))] == []


# ----------------------------------------------------------------------------------------------- the pages

PAGES = ["overview", "partners", "partner", "goods", "meetings", "present"]
QUERIES = {  # the default view, a part year, and a partner with little data (empty states)
    "partner": [{}, {"year": "2023", "months": "1-9"}, {"partner": "AF", "year": "2021"}],
    "present": [{"slide": str(n)} for n in range(1, 9)],
    "partners": [{}, {"group": "EAEU"}],
    "goods": [{}, {"flow": "I", "depth": "3"}],
}


def _check(at, lang: str, data: DataValues, where: str) -> None:
    shown = collect_app(at)
    assert shown, where
    unaccounted, foreign = audit((s for _kind, s in shown), lang, data)
    # with the catalogue test above, this also says: no Cyrillic interface text on an English page (what is
    # Cyrillic there is a data value) and no English interface sentence on a Russian one
    assert not unaccounted and not foreign, _report(where, unaccounted, foreign)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_speaks_the_readers_language(make_app, demo_db, page: str, lang: str) -> None:
    data = data_values(demo_db, lang)
    for query in QUERIES.get(page, [{}]):
        at = make_app(page, lang=lang, **query)
        _check(at, lang, data, f"{page} {query} ({lang})")


@pytest.mark.parametrize("lang", LANGS)
def test_the_login_speaks_the_readers_language(make_app, demo_db, lang: str) -> None:
    from dashboard.ui import auth
    auth.THROTTLE = access.Throttle()
    data = data_values(demo_db, lang)
    at = make_app("data", lang=lang)  # no secrets: the login is not set up
    _check(at, lang, data, f"data, no login set up ({lang})")
    at.secrets["dashboard"] = {"password_hash": access.hash_password(PASSWORD, iterations=1000)}
    at.run()
    _check(at, lang, data, f"data, login form ({lang})")
    at.text_input(key="auth_password").input("wrong")
    at.button[0].click().run()
    _check(at, lang, data, f"data, wrong password ({lang})")


def _log_in(at):
    """The password login of ui/auth.py, as tests/app/test_auth.py drives it."""
    from dashboard.ui import auth
    auth.THROTTLE = access.Throttle()  # AppTest runs in this process: a clean count for each test
    at.secrets["dashboard"] = {"password_hash": access.hash_password(PASSWORD, iterations=1000)}
    at.run()
    at.text_input(key="auth_password").input(PASSWORD)
    next(b for b in at.button if b.proto.is_form_submitter).click().run()
    assert not at.exception
    return at


@pytest.mark.parametrize("lang", LANGS)
def test_the_data_page_speaks_the_readers_language(make_app, demo_db, lang: str) -> None:
    """The version, the import form, the table of loaded sources (formats by name, months and moments written
    for the language, a meeting file's note its title in this language) and the rollback's confirmation."""
    at = _log_in(make_app("data", lang=lang))
    _check(at, lang, data_values(demo_db, lang), f"data, logged in ({lang})")
    assert not [s for _kind, s in collect_app(at) if ".duckdb" in s]  # no version named by its file


@pytest.mark.parametrize("lang", LANGS)
def test_the_meeting_form_speaks_the_readers_language(make_app, demo_db, lang: str) -> None:
    """The form that reads a pasted press release: its notes, the checked figures and the editors."""
    data = data_values(demo_db, lang)
    at = _log_in(make_app("meetings", lang=lang))
    text = ("Губернатор Андрей Бочаров встретился с послом Казахстана 3 февраля. Казахстан занял 4-е место среди "
            "114 внешнеторговых партнеров региона, товарооборот вырос на 31 %.")
    at.text_area(key="mform_text").input(text)
    at.button(key="mform_propose").click().run()
    assert not at.exception
    proposal = at.session_state["mform_proposal"]
    # the proposed record is the meeting as typed: its words are the pasted text's (checked here), and what
    # the notes quote of it too
    m = proposal.meeting
    typed = [m.title, m.place or "", *(x for p in m.participants for x in (p.name, p.role or "")),
             *(str(v) for n in proposal.notes for v in n.params.values() if isinstance(v, str)),
             *(c.quote for c in extract_claims(text))]
    assert all(w in text for w in typed), [w for w in typed if w not in text]
    data.stored |= {text, *typed, *m.topics}  # topics: the record's own column, named from a list of topics
    _check(at, lang, data, f"meeting form ({lang})")


# ---------------------------------------------------------------------------------------------- the slides

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("iso2", "period"), [("KZ", Period(2022, 1, 12)), ("KZ", Period(2023, 1, 9)),
                                              ("AF", Period(2021, 1, 12))])
def test_every_slide_speaks_its_language(demo_db, lang: str, iso2: str, period: Period) -> None:
    from dashboard.charts import slide_charts
    data = data_values(demo_db, lang)
    store = Store(demo_db)
    try:
        deck = build_deck(store, iso2, period, lang=lang, today=dt.date(2026, 11, 30))
    finally:
        store.close()
    for i, slide in enumerate(deck.slides, start=1):
        shown = slide_strings(slide)
        if slide.chart:  # the chart as the presenter draws it (the PPTX takes the same labels)
            shown += figure_strings(slide_charts.figure(slide.chart, lang, 800).to_plotly_json())
        unaccounted, foreign = audit(shown, lang, data)
        assert not unaccounted and not foreign, _report(f"slide {i} {slide.kind} {iso2} {period} ({lang})",
                                                        unaccounted, foreign)


@pytest.mark.parametrize("lang", LANGS)
def test_slides_of_another_region_name_it_in_the_slides_language(demo_db, lang: str) -> None:
    data = data_values(demo_db, lang)
    store = Store(demo_db)
    try:
        deck = build_deck(store, "KZ", Period(2022, 1, 12), region="12000", lang=lang, today=dt.date(2026, 11, 30))
    finally:
        store.close()
    unaccounted, foreign = audit(slide_strings(deck.slides[0]), lang, data)
    assert not unaccounted and not foreign, _report(f"title slide of region 12000 ({lang})", unaccounted, foreign)


# ------------------------------------------------------------------------- refusals from below the edge

@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_docx_in_the_meeting_form_is_refused_in_the_readers_language(make_app, demo_db, lang: str) -> None:
    from dashboard.i18n.message import msg, render
    data = data_values(demo_db, lang)
    at = _log_in(make_app("meetings", lang=lang))
    at.file_uploader(key="mform_file").set_value(("minutes.docx", b"PK\x03\x04 not a document", "application/zip"))
    at.button(key="mform_propose").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [render(msg("meetings.error.not_docx", file="minutes.docx"), lang)]
    assert "mform_proposal" not in at.session_state
    data.stored.add("minutes.docx")  # the file's name, as uploaded
    _check(at, lang, data, f"meeting form, bad .docx ({lang})")


BAD_TEXTS = {  # a meeting text that document.py refuses: (file name, bytes), and the key it says why with
    "not_docx": ("a.docx", b"not a zip"),
    "file_type": ("a.pdf", b"%PDF-1.7"),
    "encoding": ("a.txt", b"\x98 neither UTF-8 nor CP1251"),
    "not_closed": ("a.md", b"+++\ntitle = 'x'\n"),
    "front_matter": ("a.md", b"+++\ntitle = \n+++\ntext"),
    "front_matter_at": ("a.md", b"+++\ntitle = 'x' 'y'\nplace = 'z'\n+++\ntext"),
    "not_a_date": ("a.md", b"+++\ndate = 'the third'\n+++\ntext"),
    "status": ("a.md", b"+++\ndate = 2023-02-03\n[[followups]]\ntext = 'x'\nstatus = 'later'\n+++\ntext"),
    "not_tables": ("a.md", b"+++\nparticipants = ['x']\n+++\ntext"),
    "missing_key": ("a.md", b"+++\n[[participants]]\nrole = 'x'\n+++\ntext"),
    "not_list": ("a.md", b"+++\ntopics = 'x'\n+++\ntext"),
    "topics_en": ("a.md", b"+++\ntopics = ['x']\ntopics_en = ['a', 'b']\n+++\ntext"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", BAD_TEXTS)
def test_every_refusal_of_a_meeting_text_is_in_the_readers_language(demo_db, lang: str, case: str) -> None:
    from dashboard.i18n.message import error_text
    from dashboard.meetings.document import DocumentError, from_document, read_text
    name, data = BAD_TEXTS[case]
    with pytest.raises(DocumentError) as refused:
        from_document(read_text(name, data))
    assert refused.value.message.key == f"meetings.error.{case}"
    values = data_values(demo_db, lang)
    values.stored |= {name, *(str(v) for v in refused.value.message.params.values())}  # what the file holds
    unaccounted, foreign = audit([error_text(refused.value, lang)], lang, values)
    assert not unaccounted and not foreign, _report(f"{case} ({lang})", unaccounted, foreign)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("converter", ["absent", "fails"])
def test_a_pdf_that_cannot_be_made_says_why_in_the_readers_language(make_app, demo_db, tmp_path, monkeypatch, capsys,
                                                                    lang: str, converter: str) -> None:
    """LibreOffice missing (the lookup finds nothing) or failing (a converter that exits 1 and says nothing):
    the CLI's deck --pdf and the pages' PDF button speak the reader's language."""
    from dashboard.__main__ import main
    from dashboard.export import pdf
    monkeypatch.setattr(pdf, "CANDIDATES", () if converter == "absent" else ("false",))
    data = data_values(demo_db, lang)
    out = tmp_path / "kz.pdf"
    assert main(["--db", str(demo_db), "--lang", lang, "deck", "--partner", "KZ", "--year", "2022",
                 "-o", str(out)]) == 4
    said = capsys.readouterr().err.strip()
    assert not out.exists() and said
    key = "present.error.no_converter" if converter == "absent" else "present.error.failed"
    with pytest.raises(pdf.ConverterMissing if converter == "absent" else pdf.ConversionFailed) as refused:
        pdf.pdf_bytes(b"PK", lang)
    assert refused.value.message.key == key
    data.stored.add("libreoffice-impress")  # the Debian package named
    unaccounted, foreign = audit([said], lang, data)
    assert not unaccounted and not foreign, _report(f"deck --pdf, converter {converter} ({lang})", unaccounted,
                                                    foreign)
    if converter == "absent":  # the page's disabled button and its caption
        _check(make_app("present", lang=lang), lang, data, f"present, no LibreOffice ({lang})")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_meetings_cli_refuses_a_bad_file_in_its_language(lang, demo_db, tmp_path, capsys) -> None:
    """`meeting add` and `meeting check` speak the CLI's --lang: the refusal too."""
    from dashboard.__main__ import main
    bad = tmp_path / "minutes.docx"
    bad.write_bytes(b"not a document")
    data = data_values(demo_db, lang)
    data.stored |= {str(bad), bad.name}  # the path as given on the command line, and the file's name
    for command in ("add", "check"):
        assert main(["--db", str(demo_db), "--lang", lang, "meeting", command, str(bad)]) == 2
        said = capsys.readouterr().err.strip()
        unaccounted, foreign = audit([said], lang, data)
        assert said and not unaccounted and not foreign, _report(f"meeting {command}", unaccounted, foreign)
