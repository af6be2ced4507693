"""What was wrong in a file: every bad row with its line, column, value and reason."""
from __future__ import annotations

from dataclasses import dataclass, field

MAX_LISTED = 1000  # a report lists this many problems and counts the rest


@dataclass(frozen=True)
class Issue:
    line: int          # 1-based line of the file (1 = header); 0 = the file as a whole
    column: str        # column name as written in the file, or "" for the whole line/file
    value: str
    reason: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        col = f", column {self.column}" if self.column else ""
        val = f": {self.value!r}" if self.value != "" else ""
        return f"{where}{col}{val} — {self.reason}"


@dataclass
class Report:
    file_name: str
    issues: list[Issue] = field(default_factory=list)
    total: int = 0

    def add(self, line: int, column: str, value: object, reason: str) -> None:
        self.total += 1
        if len(self.issues) < MAX_LISTED:
            text = "" if value is None else str(value)
            self.issues.append(Issue(line, column, text[:80], reason))

    @property
    def ok(self) -> bool:
        return self.total == 0

    def text(self) -> str:
        head = f"{self.file_name}: {self.total} problem(s), nothing was loaded"
        lines = [head] + [f"  {i}" for i in sorted(self.issues, key=lambda i: (i.line, i.column))]
        if self.total > len(self.issues):
            lines.append(f"  … and {self.total - len(self.issues)} more")
        return "\n".join(lines)


class ImportRejected(Exception):
    """The file has problems; nothing of it was loaded."""

    def __init__(self, report: Report):
        super().__init__(report.text())
        self.report = report
