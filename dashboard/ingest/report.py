"""What was wrong in a file: every bad row with its line, column, value and reason.

A reason is a key of the data catalogue (dashboard/i18n/*.data.toml, section ingest.reason) with its
parameters, never a sentence: the Данные page and the CLI render it in their reader's language.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from dashboard.i18n.message import Msg

MAX_LISTED = 1000  # a report lists this many problems and counts the rest


@dataclass(frozen=True)
class Issue:
    line: int          # 1-based line of the file (1 = header); 0 = the file as a whole
    column: str        # column name as written in the file, or "" for the whole line/file
    value: str
    reason: str        # key, e.g. "ingest.reason.negative"
    params: Mapping[str, object] = field(default_factory=dict)
    file: str = ""     # the file, in a report of several

    @property
    def message(self) -> Msg:
        return Msg(self.reason, self.params)

    def __str__(self) -> str:
        """For logs and tracebacks, not for people: the key, not its text."""
        where = f"line {self.line}" if self.line else "file"
        col = f", column {self.column}" if self.column else ""
        val = f": {self.value!r}" if self.value != "" else ""
        params = f" {dict(self.params)}" if self.params else ""
        return f"{f'[{self.file}] ' if self.file else ''}{where}{col}{val} — {self.reason}{params}"


@dataclass
class Report:
    file_name: str
    issues: list[Issue] = field(default_factory=list)
    total: int = 0

    def add(self, line: int, column: str, value: object, reason: str, /, **params: object) -> None:
        self.total += 1
        if len(self.issues) < MAX_LISTED:
            text = "" if value is None else str(value)
            self.issues.append(Issue(line, column, text[:80], reason, params))

    @property
    def ok(self) -> bool:
        return self.total == 0

    def sorted_issues(self) -> list[Issue]:
        return sorted(self.issues, key=lambda i: (i.file, i.line, i.column))

    def __str__(self) -> str:
        lines = [f"{self.file_name}: {self.total} problem(s)"] + [f"  {i}" for i in self.sorted_issues()]
        if self.total > len(self.issues):
            lines.append(f"  … {self.total - len(self.issues)} more")
        return "\n".join(lines)


class ImportRejected(Exception):
    """The file has problems; nothing of it was loaded."""

    def __init__(self, report: Report):
        super().__init__(str(report))
        self.report = report
