"""The PDF of the briefing deck: the PPTX converted by LibreOffice (headless), so the PDF is the same deck page
for page, with its fonts embedded.

LibreOffice is not a Python package (Debian: libreoffice-impress). When it is missing, converter() is None
and pdf_bytes() raises ConverterMissing; a conversion that fails raises ConversionFailed. Both carry a Msg
(present.error.*) that the app and the CLI render in the reader's language.
"""
from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from dashboard.i18n.message import MsgError, msg

TIMEOUT_S = 180
CANDIDATES = ("soffice", "libreoffice")
# One LibreOffice profile per process, reused: creating a profile takes most of the first conversion's time.
# The lock keeps two conversions of one process from sharing it at once.
_LOCK = threading.Lock()
_PROFILE = Path(tempfile.gettempdir()) / f"dashboard_soffice_{os.getpid()}"
atexit.register(shutil.rmtree, _PROFILE, True)


class ConverterMissing(MsgError, RuntimeError):
    """No LibreOffice on this machine: the PPTX works, the PDF cannot be made."""


class ConversionFailed(MsgError, RuntimeError):
    """LibreOffice ran but gave no PDF (or did not finish in time)."""


def converter() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _locale(lang: str) -> str:
    # LibreOffice formats chart numbers by its locale: a decimal comma in a Russian deck
    return "ru_RU.UTF-8" if lang == "ru" else "en_US.UTF-8"


def pdf_bytes(pptx: bytes, lang: str = "ru", stem: str = "briefing") -> bytes:
    """Convert a .pptx (as bytes) to PDF. Raises ConverterMissing or ConversionFailed."""
    exe = converter()
    if exe is None:
        raise ConverterMissing(msg("present.error.no_converter", package="libreoffice-impress"))
    with tempfile.TemporaryDirectory(prefix="deck_") as tmp:
        work = Path(tmp)
        src = work / f"{stem}.pptx"
        src.write_bytes(pptx)
        env = dict(os.environ, LC_ALL=_locale(lang), LANG=_locale(lang), HOME=str(work))
        cmd = [exe, f"-env:UserInstallation={_PROFILE.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(work), str(src)]
        try:
            with _LOCK:
                run = subprocess.run(cmd, env=env, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as e:
            raise ConversionFailed(msg("present.error.timeout", seconds=TIMEOUT_S)) from e
        out = work / f"{stem}.pdf"
        if run.returncode != 0 or not out.exists():
            # what LibreOffice said is its own text, in its own language: a parameter, as an OSError's reason is
            detail = (run.stderr or run.stdout).decode("utf-8", "replace").strip()[-400:]
            raise ConversionFailed(msg("present.error.failed_said", code=run.returncode, detail=detail) if detail
                                   else msg("present.error.failed", code=run.returncode))
        return out.read_bytes()
