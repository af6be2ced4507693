"""The briefing deck as PDF, converted by LibreOffice: its text must still be Cyrillic, one page a slide.
LibreOffice and pdftotext are Debian packages that `make test` installs (.ci/system-packages)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from dashboard.__main__ import main
from dashboard.export import pdf
from dashboard.slide_model import KINDS
from dashboard.store import answers
from dashboard.store.db import Store
from dashboard.store.period import Period


def test_pdf_keeps_cyrillic_and_has_one_page_a_slide(demo_db: Path, tmp_path: Path) -> None:
    assert pdf.converter() is not None, "LibreOffice (soffice) is missing: run make test, which installs it"
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is missing: run make test, which installs it"
    out = tmp_path / "kz.pdf"
    assert main(["--db", str(demo_db), "deck", "--partner", "KZ", "--year", "2022", "-o", str(out)]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, check=True,
                          text=True).stdout
    assert "место из 114" in text and "Казахстан" in text and "□" not in text
    assert text.count("\f") == len(KINDS)  # one page a slide
    # chart labels with the Russian decimal comma: the largest export chapter's value, as the store has it
    store = Store(demo_db)
    try:
        cs = answers.commodity_structure(store, "18000", Period(2022), "KZ")
    finally:
        store.close()
    top = cs[cs["flow"] == "E"].groupby("chapter")["value_usd"].sum().max() / 1e6
    assert f"{top:.1f}".replace(".", ",") in text
    if shutil.which("pdftoppm"):  # a picture of each page for a person to look at
        art = Path(__file__).resolve().parents[2] / "artifacts"
        art.mkdir(exist_ok=True)
        subprocess.run(["pdftoppm", "-r", "50", "-png", str(out), str(art / "deck-pdf")], check=True)
