"""The briefing paper (DOCX) opens in LibreOffice: converted to PDF it is A4, its text still holds the store's
figures in Cyrillic, and the Times New Roman it asks for is drawn with a metric twin (Liberation Serif)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from dashboard.__main__ import main
from dashboard.export import pdf
from dashboard.i18n.numbers import money
from dashboard.store import answers
from dashboard.store.db import Store
from dashboard.store.period import Period


def test_the_paper_opens_in_libreoffice_as_a4_with_the_figures(demo_db: Path, tmp_path: Path) -> None:
    exe = pdf.converter()
    assert exe is not None, "LibreOffice (soffice) is missing: run make test, which installs it"
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is missing: run make test, which installs it"
    src = tmp_path / "kz.docx"
    assert main(["--db", str(demo_db), "deck", "--partner", "KZ", "--year", "2022", "-o", str(src)]) == 0
    run = subprocess.run([exe, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                          "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                         env=dict(os.environ, HOME=str(tmp_path)), capture_output=True, timeout=240, check=False)
    out = tmp_path / "kz.pdf"
    assert run.returncode == 0 and out.exists(), run.stderr.decode("utf-8", "replace")[-400:]
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, check=True,
                          text=True).stdout
    store = Store(demo_db)
    try:
        pos = answers.position(store, "18000", Period(2022), "KZ")
    finally:
        store.close()
    assert pos is not None
    flat = re.sub(r"\s+", " ", text.replace("\xa0", " "))
    assert "СПРАВКА" in flat and "4-е место из 114" in flat and "□" not in flat
    assert money(pos.turnover.usd, "ru").replace("\xa0", " ") in flat
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, check=True, text=True).stdout
    assert re.search(r"Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)|Page size:\s+595(\.\d+)? x 842", info), info
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, check=True, text=True).stdout
        assert "LiberationSerif" in fonts or "TimesNewRoman" in fonts, fonts
