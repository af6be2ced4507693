"""The briefing paper (справка) on one partner as a DOCX: A4, Times New Roman 14, laid out as ГОСТ Р 7.0.97-2016
has an administration's documents (margins 30/10/20/20 mm, the document's kind in capitals, its date, a heading
to the text, paragraphs with a 1.25 cm indent, page numbers centred at the top from the second page).

Every figure is read from the slide model of the deck (export/slides.py, the internal version): the paper and
the slides cannot disagree. The agreements and their state come from the meeting records (meetings/store_io).
"""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from dashboard.export.slides import build_deck
from dashboard.i18n import t
from dashboard.i18n.numbers import day, number, percent
from dashboard.meetings import store_io
from dashboard.slide_model import Chart, Deck, Slide
from dashboard.store.db import Store
from dashboard.store.period import Period

FONT = "Times New Roman"     # LibreOffice draws it with Liberation Serif, its metric twin
SIZE = Pt(14)
TABLE_SIZE = Pt(12)          # tables may be set smaller than the text
INDENT = Cm(1.25)
MAX_MEETINGS = 5
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _b(key: str, lang: str, **kw: object) -> str:
    return t(f"brief.{key}", lang, **kw)


def _slide(deck: Deck, kind: str) -> Slide | None:
    return next((s for s in deck.slides if s.kind == kind), None)


class _Paper:
    def __init__(self, lang: str):
        self.lang = lang
        self.doc = Document()
        sec = self.doc.sections[0]
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Mm(30), Mm(10), Mm(20), Mm(20)
        sec.different_first_page_header_footer = True
        self._page_numbers(sec.header.paragraphs[0])
        normal = self.doc.styles["Normal"]
        normal.font.name, normal.font.size = FONT, SIZE
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)   # Cyrillic takes the east-Asian slot in Word
        pf = normal.paragraph_format
        pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(0), 1.0
        self.doc.core_properties.language = lang

    @staticmethod
    def _page_numbers(p) -> None:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run()
        for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
            if tag:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), tag)
            else:
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = text
            run._r.append(el)

    def para(self, text: str, *, bold: bool = False, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True,
             before: int = 0, caps: bool = False) -> None:
        p = self.doc.add_paragraph()
        p.alignment = align
        p.paragraph_format.first_line_indent = INDENT if indent else None
        p.paragraph_format.space_before = Pt(before)
        run = p.add_run(text)
        run.bold = bold
        run.font.all_caps = caps

    def section(self, title: str) -> None:
        self.para(title, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, before=12)

    def table(self, header: list[str], rows: list[list[str]], widths: Sequence[float]) -> None:
        tbl = self.doc.add_table(rows=1, cols=len(header))
        tbl.style = "Table Grid"
        tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
        tbl.autofit = False     # the widths below, not the text's, as LibreOffice reads them from the grid
        for col, width in zip(tbl.columns, widths, strict=True):
            col.width = Cm(width)
        for row_cells, values, bold in [(tbl.rows[0].cells, header, True)] + \
                [(tbl.add_row().cells, r, False) for r in rows]:
            for i, (cell, value) in enumerate(zip(row_cells, values, strict=True)):
                cell.width = Cm(widths[i])
                p = cell.paragraphs[0]
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT if i == 0 else WD_ALIGN_PARAGRAPH.RIGHT
                run = p.add_run(value)
                run.bold = bold
                run.font.size = TABLE_SIZE
        self.doc.add_paragraph()

    def bytes(self) -> bytes:
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


def _num(v: float | None, decimals: int, lang: str) -> str:
    return number(v, decimals, lang) if v is not None else "—"


def _trade_rows(chart: Chart, lang: str) -> list[list[str]]:
    exports, imports = chart.series
    rows = []
    for year, e, i in zip(chart.categories, exports.values, imports.values, strict=True):
        total = (e or 0) + (i or 0) if e is not None or i is not None else None
        rows.append([year, _num(e, chart.decimals, lang), _num(i, chart.decimals, lang),
                     _num(total, chart.decimals, lang)])
    return rows


def _goods_rows(chart: Chart, lang: str) -> list[list[str]]:
    (series,) = chart.series
    total = sum(v or 0 for v in series.values)
    # the slide lists the largest at the top of a horizontal bar chart, that is last: read back largest first
    pairs = list(zip(chart.categories, series.values, strict=True))[::-1]
    return [[name, _num(v, chart.decimals, lang), percent((v or 0) / total, lang) if total else "—"]
            for name, v in pairs]


def brief_bytes(store: Store, iso2: str, period: Period, region: str | None = None, lang: str = "ru",
                today: dt.date | None = None) -> bytes:
    """The справка on partner iso2 for the period (cut to the loaded months) as a .docx file."""
    deck = build_deck(store, iso2, period, region, lang, today=today, audience="internal")
    return paper(deck, store_io.list_meetings(store, deck.iso2))


def paper(deck: Deck, meetings: list) -> bytes:
    """The справка from a deck (any audience; its meetings slide is not used) and the partner's meetings."""
    lang, made = deck.lang, deck.made_on
    title = _slide(deck, "title")
    head, dyn, firms, closing = (_slide(deck, k) for k in ("headline", "dynamics", "firms", "closing"))
    ptext = title.big if title else deck.period.code()
    doc = _Paper(lang)
    if title:
        doc.para(title.subtitle, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    doc.para(_b("kind", lang), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, before=12, caps=True)
    doc.para(_b("date_line", lang, date=day(made, lang)), align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, before=6)
    doc.para(_b("heading", lang, name=deck.partner_name, period=ptext), bold=True,
             align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, before=12)

    doc.section(_b("position", lang))
    if head and head.big:
        doc.para(_b("rank_sentence", lang, name=deck.partner_name, rank=head.big, detail=head.subtitle))
        k = {i: kpi for i, kpi in enumerate(head.kpis)}
        doc.para(_b("turnover_sentence", lang, turnover=k[0].value, growth=k[0].note or "—", exports=k[1].value,
                    imports=k[2].value, share=k[3].value))
        if len(head.kpis) > 4:
            doc.para(_b("prev_rank_sentence", lang, rank=head.kpis[4].value, period=head.kpis[4].note))
    elif head:
        doc.para(head.note)

    if dyn and dyn.chart:
        doc.section(_b("trade_by_year", lang, unit=dyn.chart.unit))
        doc.table([_b("col_year", lang), t("flows.E", lang), t("flows.I", lang), _b("col_turnover", lang)],
                  _trade_rows(dyn.chart, lang), [3, 4, 4, 4])

    for kind in ("exports", "imports"):
        s = _slide(deck, kind)
        if not s:
            continue
        doc.section(s.title)
        if s.chart:
            doc.para(s.subtitle)
            doc.table([_b("col_goods", lang), s.chart.unit, _b("col_share", lang)], _goods_rows(s.chart, lang),
                      [10, 3.5, 2.5])
        else:
            doc.para(s.note)

    if firms:
        doc.section(firms.title)
        if firms.chart:
            doc.para(firms.subtitle or firms.chart.title)
            doc.table([_b("col_year", lang), *(x.name for x in firms.chart.series)],
                      [[year, *(_num(x.values[i], 0, lang) for x in firms.chart.series)]
                       for i, year in enumerate(firms.chart.categories)],
                      [3] + [4] * len(firms.chart.series))
        else:
            doc.para(firms.note)

    doc.section(_b("meetings", lang))
    if not meetings:
        doc.para(_b("no_meetings", lang, name=deck.partner_name))
    for m in meetings[:MAX_MEETINGS]:
        title_text, ru = m.title_marked(lang)
        place, place_ru = m.place_in(lang)
        mark = " " + t("present.in_russian", lang)
        bits = [day(m.held_on, lang) if m.held_on else "", title_text + (mark if ru else ""),
                (place + (mark if place_ru else "")) if place else ""]
        doc.para(" — ".join(b for b in bits if b))
        for f in m.followups:
            text, f_ru = f.text_in(lang)
            owner, o_ru = f.owner_in(lang)
            state = t(f"meetings.status.{f.status_on(made)}", lang)
            extra = [state, (owner + (mark if o_ru else "")) if f.owner else "",
                     _b("due", lang, date=day(f.due_on, lang)) if f.due_on else ""]
            doc.para(f"– {text}{mark if f_ru else ''} ({'; '.join(x for x in extra if x)})")

    if closing:
        doc.section(closing.title)
        for lst in closing.lists:
            for item in lst.items:
                doc.para(item.text + (f": {item.meta}" if item.meta else ""))
    return doc.bytes()
