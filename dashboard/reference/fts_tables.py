"""Reading the FTS classifiers bundled in reference/fts/ (copied as the FTS published them; see fts/README.md)."""
from __future__ import annotations

import csv
from pathlib import Path

DIR = Path(__file__).with_name("fts")


def rows(name: str) -> list[dict[str, str]]:
    """The rows of one classifier file. The FTS writes a line of dots above the header, and the files end in
    blank lines: both are skipped, nothing else is."""
    lines = (DIR / name).read_text(encoding="utf-8").splitlines()
    if lines and set(lines[0].strip()) == {"."}:
        lines = lines[1:]
    return list(csv.DictReader(line for line in lines if line.strip()))
