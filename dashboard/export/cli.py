"""`python -m dashboard deck`: the briefing deck on one partner as a PPTX (native charts) or a PDF file, or the
briefing paper (справка) as a DOCX."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard import config
from dashboard.slide_model import AUDIENCES, SlideError, parse_slides


def add_parser(sub) -> None:
    deck = sub.add_parser("deck", help="the briefing deck on one partner: PPTX with native charts, PDF, or the "
                          "briefing paper as DOCX",
                          description="Writes the slides of the presenter mode to a file, or the briefing paper "
                          "(справка, A4) on the same figures. The format follows the file name (.pptx, .pdf or "
                          ".docx); a PDF needs LibreOffice (soffice) installed.")
    deck.add_argument("--partner", required=True, help="ISO alpha-2 code, e.g. KZ")
    deck.add_argument("--year", type=int, required=True)
    deck.add_argument("--months", help="range of months within the year, e.g. 1-9 (default: the whole year)")
    # no default of its own: without it the slides speak the global --lang (DASHBOARD_LANG, else Russian)
    deck.add_argument("--lang", choices=["ru", "en"], default=argparse.SUPPRESS,
                      help="language of the slides (default: the global --lang)")
    deck.add_argument("--region", default=config.region())
    deck.add_argument("--audience", choices=list(AUDIENCES), default="guest",
                      help="guest (default): meetings and agreements without owners, due dates or status; "
                      "internal: the open follow-ups with owners, due dates and overdue marks")
    deck.add_argument("--slides", help="which slides, in which order, e.g. 1,2,3,5 or 1-3,7 (default: all)")
    deck.add_argument("-o", "--output", required=True, help="FILE.pptx, FILE.pdf or FILE.docx")


def cmd_deck(args: argparse.Namespace, db: Path) -> int:
    from dashboard.export import pdf
    from dashboard.export.pptx_deck import deck_bytes
    from dashboard.export.slides import build_deck
    from dashboard.i18n import t
    from dashboard.i18n.message import error_text
    from dashboard.reference import partners
    from dashboard.store.db import NoData, Store
    from dashboard.store.period import Period, PeriodError, parse_months

    out = Path(args.output)
    kind = out.suffix.lower()
    if kind not in (".pptx", ".pdf", ".docx"):
        print(t("cli.deck.bad_output", args.lang, suffix=out.suffix), file=sys.stderr)
        return 2
    iso2 = args.partner.strip().upper()
    if not partners.is_known(iso2):
        print(t("cli.deck.unknown_partner", args.lang, code=args.partner), file=sys.stderr)
        return 2
    try:
        m_from, m_to = parse_months(args.months) if args.months else (1, 12)
        period = Period(args.year, m_from, m_to)
        order = parse_slides(args.slides) if args.slides else None
    except (PeriodError, SlideError) as e:  # keys (period.error.*, slides.error.*) in the CLI's language
        print(error_text(e, args.lang), file=sys.stderr)
        return 2
    try:
        if kind == ".docx":
            from dashboard.export.docx_brief import brief_bytes
            data = brief_bytes(Store(db), iso2, period, args.region, args.lang)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)
            print(t("cli.deck.written_brief", args.lang, out=out, partner=iso2, period=period.code(),
                    language=args.lang))
            return 0
        deck = build_deck(Store(db), iso2, period, args.region, args.lang, audience=args.audience, slides=order)
    except SlideError as e:  # a slide the pick names that this deck does not have
        print(error_text(e, args.lang), file=sys.stderr)
        return 2
    except NoData:
        print(t("frame.no_data", args.lang, db=db), file=sys.stderr)
        return 3
    data = deck_bytes(deck)
    if kind == ".pdf":
        try:
            data = pdf.pdf_bytes(data, args.lang, deck.file_stem)
        except (pdf.ConverterMissing, pdf.ConversionFailed) as e:
            print(t("cli.no_pdf", args.lang, error=error_text(e, args.lang)), file=sys.stderr)
            return 4
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(t("cli.deck.written_deck", args.lang, out=out, slides=len(deck.slides), partner=deck.partner_name,
            period=deck.period.code(), language=deck.lang,
            audience=t(f"cli.deck.audience_{deck.audience}", args.lang), version=deck.version))
    return 0
