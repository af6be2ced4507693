"""The briefing deck as a PowerPoint file: the slides of slide_model.py, 16:9, with native charts (their data
is embedded, so they stay editable in PowerPoint and LibreOffice Impress).

Text is set in Arial, a standard font of every office machine (LibreOffice substitutes the metric-compatible
Liberation Sans): Cyrillic shows without embedding anything.
"""
from __future__ import annotations

import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from dashboard.slide_model import Chart, Deck, ItemList, Slide

FONT = "Arial"
INK = RGBColor(0x11, 0x18, 0x27)
MUTED = RGBColor(0x4B, 0x55, 0x63)
BRAND = RGBColor(0x0B, 0x3A, 0x66)
ACCENT = RGBColor(0x0B, 0x4F, 0x8A)
ALERT = RGBColor(0xB4, 0x23, 0x18)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
W, H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
FOOTER_TOP = H - Inches(0.55)     # the footnote and the slide number; nothing else reaches below it
EM_WIDTH = 0.6    # average advance of Arial / Liberation Sans in em, with room for capitals (measured: ~0.52)
LINE = 1.2        # line height in em, as PowerPoint and Impress set single spacing
INSET_PT = 7.2    # a text box's default top and bottom insets (0.05 in each)

_CHART_TYPES = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked_column": XL_CHART_TYPE.COLUMN_STACKED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "rank_line": XL_CHART_TYPE.LINE_MARKERS,
}


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _lines(text: str, size: float, width: int) -> int:
    """Lines that `text` takes at `size` points in a box `width` EMU wide: a greedy word wrap on a character
    budget of EM_WIDTH per character (no font file is read; the unit test measures with the real font)."""
    per_line = max(1, int(Emu(width).pt / (size * EM_WIDTH)))
    count = 0
    for para in text.split("\n"):
        n, cur = 1, 0
        for word in para.split():
            need = len(word) if cur == 0 else cur + 1 + len(word)
            if need <= per_line:
                cur = need
                continue
            n, cur = (n + 1 if cur else n), len(word)
            while cur > per_line:   # a word longer than a line is broken
                n, cur = n + 1, cur - per_line
        count += n
    return count


def _height(blocks: list[tuple[str, float, float]], width: int) -> float:
    """Points that paragraphs (text, size, space before) take in a box `width` EMU wide, insets included."""
    return INSET_PT + sum(_lines(text, size, width) * size * LINE + before for text, size, before in blocks)


def _fitted(text: str, size: int, w: int, h: int) -> int:
    """The largest size up to `size` at which the text fits its box (never under 60 % of it)."""
    floor = max(8, int(size * 0.6))
    while size > floor and _height([(text, size, 0)], w) > Emu(h).pt:
        size -= 1
    return size


def _text(slide, x, y, w, h, text: str, size: int, *, bold: bool = False, colour: RGBColor = INK,
          align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP, wrap: bool = True):
    box = slide.shapes.add_textbox(x, y, w, h)
    tf = box.text_frame
    tf.word_wrap = wrap
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.vertical_anchor = anchor
    tf.margin_left = tf.margin_right = Emu(0)
    size = _fitted(text, size, w, h) if wrap else size
    for i, line in enumerate(text.split("\n")):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.alignment = align
        run = p.add_run()
        run.text = line
        _font(run.font, size, bold, colour)
    return box


def _font(font, size: float, bold: bool = False, colour: RGBColor = INK) -> None:
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = colour


def _frame(slide, s: Slide, number: int, total: int, dark: bool = False) -> None:
    """Title, subtitle, footnote and slide number: what every content slide has."""
    colour = WHITE if dark else MUTED
    if not dark:
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, W, Inches(0.12))
        bar.fill.solid()
        bar.fill.fore_color.rgb = BRAND
        bar.line.fill.background()
        _text(slide, MARGIN, Inches(0.35), W - 2 * MARGIN, Inches(0.8), s.title, 36, bold=True)
        if s.subtitle:
            _text(slide, MARGIN, Inches(1.1), W - 2 * MARGIN, Inches(0.6), s.subtitle, 20, colour=MUTED)
    _text(slide, MARGIN, FOOTER_TOP, W - 2 * MARGIN - Inches(1.2), Inches(0.45), s.footnote, 11,
          colour=colour, anchor=MSO_ANCHOR.BOTTOM)
    _text(slide, W - MARGIN - Inches(1.0), FOOTER_TOP, Inches(1.0), Inches(0.45), f"{number} / {total}",
          14, colour=colour, align=PP_ALIGN.RIGHT, anchor=MSO_ANCHOR.BOTTOM)


def _chart(slide, c: Chart, x, y, w, h) -> None:
    data = CategoryChartData(number_format="0" if c.decimals == 0 else "#,##0.0")
    data.categories = list(c.categories)
    for s in c.series:
        data.add_series(s.name, list(s.values))
    frame = slide.shapes.add_chart(_CHART_TYPES[c.kind], x, y, w, h, data)
    chart = frame.chart
    chart.font.name = FONT
    chart.font.size = Pt(16)
    chart.font.color.rgb = INK
    if c.title:
        chart.has_title = True
        chart.chart_title.text_frame.text = c.title
        _font(chart.chart_title.text_frame.paragraphs[0].runs[0].font, 18, True)
    else:
        chart.has_title = False
    multi = len(c.series) > 1
    chart.has_legend = multi
    if multi:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(16)
    plot = chart.plots[0]
    if c.kind in ("column", "stacked_column", "bar"):
        plot.gap_width = 60 if c.kind != "bar" else 40
        if c.kind == "stacked_column":
            plot.overlap = 100
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = "0" if c.decimals == 0 else "#,##0.0"
    labels.number_format_is_linked = False
    labels.font.size = Pt(14 if c.kind != "bar" else 16)
    if c.kind == "bar":
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
    elif c.kind == "rank_line":
        labels.position = XL_LABEL_POSITION.ABOVE
        labels.font.size = Pt(18)
        labels.font.bold = True
    elif c.kind == "stacked_column":
        labels.position = XL_LABEL_POSITION.CENTER
        labels.font.color.rgb = WHITE
    else:
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
    for series, spec in zip(plot.series, c.series, strict=True):
        if c.kind == "rank_line":
            series.format.line.color.rgb = _rgb(spec.colour)
            series.format.line.width = Pt(4)
            series.smooth = False
            series.marker.size = 12
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = _rgb(spec.colour)
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(spec.colour)
    va = chart.value_axis
    va.has_major_gridlines = c.kind != "rank_line"
    if va.has_major_gridlines:
        va.major_gridlines.format.line.color.rgb = RGBColor(0xE5, 0xE7, 0xEB)
    va.tick_labels.font.size = Pt(14)
    va.has_title = c.kind != "rank_line"
    if va.has_title:
        va.axis_title.text_frame.text = c.unit
        _font(va.axis_title.text_frame.paragraphs[0].runs[0].font, 14, colour=MUTED)
    if c.kind == "rank_line":
        # first place at the top; the axis itself is hidden, the labels carry the places
        worst = max((v for s in c.series for v in s.values if v is not None), default=5)
        va.reverse_order = True
        va.minimum_scale = 0.5
        va.maximum_scale = float(int(worst) + 2)
        va.crosses = XL_AXIS_CROSSES.MAXIMUM     # years along the bottom
        va.visible = False
    ca = chart.category_axis
    ca.tick_labels.font.size = Pt(16 if c.kind != "bar" else 15)
    ca.has_major_gridlines = False


def _kpis(slide, s: Slide, x, y, w) -> None:
    col_w = (w - Inches(0.3)) / 2
    for i, k in enumerate(s.kpis):
        cx = x + (i % 2) * (col_w + Inches(0.3))
        cy = y + (i // 2) * Inches(1.2)
        _text(slide, cx, cy, col_w, Inches(0.35), k.label, 16, colour=MUTED)
        _text(slide, cx, cy + Inches(0.3), col_w, Inches(0.55), k.value, 28, bold=True)
        if k.note:
            _text(slide, cx, cy + Inches(0.8), col_w, Inches(0.35), k.note, 14, colour=MUTED)


def _list_blocks(lst: ItemList, scale: float) -> list[tuple[str, float, float]]:
    """The paragraphs of a list as (text, size, space before), at `scale` of the full sizes."""
    blocks = [(lst.title, 22 * scale, 0.0)]
    if not lst.items:
        blocks.append((lst.empty, 18 * scale, 8 * scale))
    for item in lst.items:
        blocks.append(("• " + item.text, 18 * scale, (8 if len(blocks) == 1 else 10) * scale))
        if item.meta:
            blocks.append(("   " + item.meta, 14 * scale, 0.0))
    return blocks


def _lists(slide, lists: tuple[ItemList, ...], x, y, w, h) -> None:
    n = max(1, len(lists))
    gap = Inches(0.5)
    col_w = int((w - gap * (n - 1)) / n)
    # one scale for every column, the largest at which the longest one ends above the footer
    scale = 1.0
    while scale > 0.6 and max(_height(_list_blocks(lst, scale), col_w) for lst in lists) > Emu(h).pt:
        scale -= 0.05
    for i, lst in enumerate(lists):
        box = slide.shapes.add_textbox(x + i * (col_w + gap), y, col_w, h)
        tf = box.text_frame
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.margin_left = tf.margin_right = Emu(0)
        items = iter(lst.items)
        for j, (text, size, before) in enumerate(_list_blocks(lst, scale)):
            p = tf.paragraphs[0] if j == 0 else tf.add_paragraph()
            p.space_before = Pt(before)
            r = p.add_run()
            r.text = text
            if j == 0:
                _font(r.font, size, True, ACCENT)
            elif not lst.items:
                _font(r.font, size, colour=MUTED)
            elif text.startswith("• "):
                item = next(items)
                _font(r.font, size, False, INK)
            else:
                _font(r.font, size, item.alert, ALERT if item.alert else MUTED)


def _title_slide(slide, s: Slide) -> None:
    bg = slide.background.fill
    bg.solid()
    bg.fore_color.rgb = BRAND
    _text(slide, MARGIN, Inches(1.2), W - 2 * MARGIN, Inches(0.7), s.subtitle, 26, colour=WHITE)
    _text(slide, MARGIN, Inches(2.0), W - 2 * MARGIN, Inches(1.6), s.title, 66, bold=True, colour=WHITE)
    _text(slide, MARGIN, Inches(3.7), W - 2 * MARGIN, Inches(0.9), s.big, 36, colour=WHITE)
    _text(slide, MARGIN, Inches(4.8), W - 2 * MARGIN, Inches(0.6), s.note, 20, colour=WHITE)


def _body(slide, s: Slide) -> None:
    top = Inches(1.8) if s.subtitle else Inches(1.35)
    body_h = H - top - Inches(0.75)
    if s.kind == "title":
        _title_slide(slide, s)
        return
    if s.kind == "headline":
        left_w = Inches(6.6)
        if s.big:
            _text(slide, MARGIN, top, W - 2 * MARGIN, Inches(0.85), s.big, 44, bold=True, colour=ACCENT)
            _kpis(slide, s, MARGIN, top + Inches(1.0), left_w)
        if s.chart:
            _chart(slide, s.chart, MARGIN + left_w + Inches(0.4), top + Inches(1.0),
                   W - 2 * MARGIN - left_w - Inches(0.4), body_h - Inches(1.0))
    elif s.chart:
        _chart(slide, s.chart, MARGIN, top, W - 2 * MARGIN, body_h)
    elif s.lists:
        _lists(slide, s.lists, MARGIN, top + Inches(0.1), W - 2 * MARGIN, body_h)
    if s.note and not s.chart and s.kind != "title":
        _text(slide, MARGIN, top + Inches(1.0), W - 2 * MARGIN, Inches(1.0), s.note, 28, colour=MUTED)


def deck_bytes(deck: Deck) -> bytes:
    """The deck as a .pptx file."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    core = prs.core_properties
    core.title = f"{deck.partner_name} · {deck.slides[0].big}" if deck.slides else deck.partner_name
    core.subject = deck.slides[0].subtitle if deck.slides else ""
    core.keywords = f"{deck.iso2}; {deck.period.code()}; {deck.version}"
    core.language = deck.lang
    blank = prs.slide_layouts[6]
    total = len(deck.slides)
    for i, s in enumerate(deck.slides, start=1):
        slide = prs.slides.add_slide(blank)
        _body(slide, s)
        _frame(slide, s, i, total, dark=s.kind == "title")
        slide.notes_slide.notes_text_frame.text = s.footnote
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
