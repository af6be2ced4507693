"""`python -m dashboard deck`: the briefing deck on one partner as a PPTX (native charts) or a PDF file."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard import config


def add_parser(sub) -> None:
    deck = sub.add_parser("deck", help="the briefing deck on one partner: PPTX with native charts, or PDF",
                          description="Writes the slides of the presenter mode to a file. The format follows "
                          "the file name (.pptx or .pdf); a PDF needs LibreOffice (soffice) installed.")
    deck.add_argument("--partner", required=True, help="ISO alpha-2 code, e.g. KZ")
    deck.add_argument("--year", type=int, required=True)
    deck.add_argument("--months", help="range of months within the year, e.g. 1-9 (default: the whole year)")
    # no default of its own: without it the slides speak the global --lang (DASHBOARD_LANG, else Russian)
    deck.add_argument("--lang", choices=["ru", "en"], default=argparse.SUPPRESS,
                      help="language of the slides (default: the global --lang)")
    deck.add_argument("--region", default=config.region())
    deck.add_argument("-o", "--output", required=True, help="FILE.pptx or FILE.pdf")


def cmd_deck(args: argparse.Namespace, db: Path) -> int:
    from dashboard.export import pdf
    from dashboard.export.pptx_deck import deck_bytes
    from dashboard.export.slides import build_deck
    from dashboard.i18n import t
    from dashboard.i18n.message import error_text
    from dashboard.reference import partners
    from dashboard.store.db import NoData, Store
    from dashboard.store.period import Period, parse_months

    out = Path(args.output)
    if out.suffix.lower() not in (".pptx", ".pdf"):
        print(f"unknown output format {out.suffix!r}: use .pptx or .pdf", file=sys.stderr)
        return 2
    iso2 = args.partner.strip().upper()
    if not partners.is_known(iso2):
        print(f"unknown partner code {args.partner!r} (ISO alpha-2, e.g. KZ)", file=sys.stderr)
        return 2
    try:
        m_from, m_to = parse_months(args.months) if args.months else (1, 12)
        period = Period(args.year, m_from, m_to)
    except ValueError as e:
        print(str(e), file=sys.stderr)
        return 2
    try:
        deck = build_deck(Store(db), iso2, period, args.region, args.lang)
    except NoData:
        print(t("frame.no_data", args.lang, db=db), file=sys.stderr)
        return 3
    data = deck_bytes(deck)
    if out.suffix.lower() == ".pdf":
        try:
            data = pdf.pdf_bytes(data, args.lang, deck.file_stem)
        except (pdf.ConverterMissing, pdf.ConversionFailed) as e:
            print(t("cli.no_pdf", args.lang, error=error_text(e, args.lang)), file=sys.stderr)
            return 4
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(f"{out}: {len(deck.slides)} slides, {deck.partner_name}, {deck.period.code()}, {deck.lang}, "
          f"data version {deck.version}")
    return 0
