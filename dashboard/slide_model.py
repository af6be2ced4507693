"""The slide model: a briefing as data (slides of KPIs, charts and lists), with no drawing and no store.

export/slides.py fills it from the answers of the store; the presenter page (ui/presenter.py, through
charts/slide_charts.py) and the PPTX deck (export/pptx_deck.py) only lay it out, so the screen and the file
cannot show different figures. Chart values are in the unit named by Chart.unit (millions of US dollars
for money, thousands where millions would label a value 0,0).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from dashboard.i18n.message import MsgError, msg
from dashboard.store.period import Period

KINDS = ("title", "headline", "dynamics", "exports", "imports", "firms", "meetings", "national", "closing")
# guest: what a delegation may see (meetings and the agreements, no owners, due dates or status);
# internal: the region's own follow-ups with owners, due dates and overdue marks
AUDIENCES = ("guest", "internal")


class SlideError(MsgError, ValueError):
    """A pick of slides that cannot be made (slides.error.*), rendered in the reader's language where shown."""


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    colour: str                       # "#RRGGBB"


@dataclass(frozen=True)
class Chart:
    kind: str                         # column | stacked_column | bar (horizontal) | rank_line
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str                         # axis title
    decimals: int = 1                 # of the data labels
    title: str = ""


@dataclass(frozen=True)
class Kpi:
    label: str
    value: str
    note: str = ""                    # growth or context, e.g. "+28,8 % к 2021 году"


@dataclass(frozen=True)
class Item:
    text: str
    meta: str = ""
    alert: bool = False               # overdue follow-up (internal deck only)


@dataclass(frozen=True)
class ItemList:
    title: str
    items: tuple[Item, ...]
    empty: str = ""                   # said when there are no items


@dataclass(frozen=True)
class Slide:
    kind: str
    title: str
    subtitle: str = ""
    big: str = ""                     # the headline phrase ("4-е место из 114 стран-партнёров")
    kpis: tuple[Kpi, ...] = ()
    chart: Chart | None = None
    lists: tuple[ItemList, ...] = ()
    note: str = ""                    # said instead of a chart when there is nothing to draw
    footnote: str = ""


@dataclass
class Deck:
    iso2: str
    partner_name: str
    period: Period
    region: str
    lang: str
    version: str
    demo: bool
    made_on: dt.date
    slides: list[Slide] = field(default_factory=list)
    audience: str = "guest"
    numbers: tuple[int, ...] = ()     # each slide's number in the whole deck (1-based), after a pick

    @property
    def file_stem(self) -> str:
        return file_stem(self.iso2, self.period, self.lang, self.audience)

    def picked(self, order: tuple[int, ...] | None) -> Deck:
        """The deck with only the slides numbered in `order` (1-based numbers of the whole deck), in that order;
        the whole deck for None or ()."""
        whole = self.numbers or tuple(range(1, len(self.slides) + 1))
        if not order:
            return self
        by_number = dict(zip(whole, self.slides, strict=True))
        missing = [n for n in order if n not in by_number]
        if missing:
            raise SlideError(msg("slides.error.no_slide", n=missing[0], first=whole[0], last=whole[-1]))
        return replace(self, slides=[by_number[n] for n in order], numbers=tuple(order))


def parse_slides(text: str, total: int = len(KINDS)) -> tuple[int, ...]:
    """"1,2,3,5" (or "1-3,5") -> (1, 2, 3, 5): slide numbers as given, each once, each within 1..total."""
    out: list[int] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        lo, _, hi = part.partition("-")
        if not lo.strip().isdigit() or (hi and not hi.strip().isdigit()):
            raise SlideError(msg("slides.error.not_number", part=part[:20]))
        a, b = int(lo), int(hi or lo)
        for n in range(a, b + 1) if a <= b else range(a, b - 1, -1):
            if not 1 <= n <= total:
                raise SlideError(msg("slides.error.no_slide", n=n, first=1, last=total))
            if n not in out:
                out.append(n)
    if not out:
        raise SlideError(msg("slides.error.none"))
    return tuple(out)


def file_stem(iso2: str, period: Period, lang: str, audience: str = "guest") -> str:
    """briefing_KZ_2022_ru, briefing_KZ_2023-01_2023-09_en; the internal version ends in _internal."""
    tail = "" if audience == "guest" else f"_{audience}"
    return f"briefing_{iso2}_{period.code().replace('..', '_')}_{lang}{tail}"
