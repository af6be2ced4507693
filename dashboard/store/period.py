"""A period of the dashboard: months m_from..m_to of one year, compared with the same months a year before."""
from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.i18n.message import MsgError, msg

_RANGE = re.compile(r"^\s*(\d{1,2})\s*(?:[-–.]{1,2}\s*(\d{1,2}))?\s*$")


class PeriodError(MsgError, ValueError):
    """A period or a range of months that cannot be read (period.error.*): a ValueError, so a URL's bad value is
    still replaced by the default, and a sentence in the reader's language where it is shown (the CLI)."""


@dataclass(frozen=True)
class Period:
    year: int
    m_from: int = 1
    m_to: int = 12

    def __post_init__(self) -> None:
        if not (1 <= self.m_from <= self.m_to <= 12):
            raise PeriodError(msg("period.error.months", m_from=self.m_from, m_to=self.m_to))
        if not (1900 < self.year < 2200):
            raise PeriodError(msg("period.error.year", year=self.year))

    @property
    def full_year(self) -> bool:
        return self.m_from == 1 and self.m_to == 12

    @property
    def params(self) -> dict[str, int]:
        return {"year": self.year, "m_from": self.m_from, "m_to": self.m_to}

    def previous(self) -> Period:
        return Period(self.year - 1, self.m_from, self.m_to)

    def clamp(self, last_month: int | None) -> Period:
        """The same period cut to the months that are loaded, so growth never compares a part with a whole."""
        if last_month is None or last_month >= self.m_to:
            return self
        return Period(self.year, self.m_from, max(self.m_from, last_month))

    def code(self) -> str:
        """Compact form used in URLs and published figures: 2022 or 2023-01..2023-09."""
        if self.full_year:
            return str(self.year)
        return f"{self.year}-{self.m_from:02d}..{self.year}-{self.m_to:02d}"

    @classmethod
    def parse(cls, text: str) -> Period:
        """Accepts 2022, 2023-01..2023-09 and 2023:1-9."""
        text = text.strip()
        m = re.fullmatch(r"(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})", text)
        if m:
            if m.group(1) != m.group(3):
                raise PeriodError(msg("period.error.two_years", text=text))
            return cls(int(m.group(1)), int(m.group(2)), int(m.group(4)))
        m = re.fullmatch(r"(\d{4})(?::(.+))?", text)
        if not m:
            raise PeriodError(msg("period.error.bad", text=text[:40]))
        year = int(m.group(1))
        if m.group(2) is None:
            return cls(year)
        m_from, m_to = parse_months(m.group(2))
        return cls(year, m_from, m_to)


def parse_months(text: str) -> tuple[int, int]:
    """'1-9' -> (1, 9); '4' -> (4, 4)."""
    m = _RANGE.match(text)
    a = int(m.group(1)) if m else 0
    b = int(m.group(2) or a) if m else 0
    if not (1 <= a <= b <= 12):
        raise PeriodError(msg("period.error.bad_months", text=text[:40]))
    return a, b
