"""The slide model: a briefing as data (slides of KPIs, charts and lists), with no drawing and no store.

export/slides.py fills it from the answers of the store; the presenter page (ui/presenter.py, through
charts/slide_charts.py) and the PPTX deck (export/pptx_deck.py) only lay it out, so the screen and the file
cannot show different figures. Chart values are in the unit named by Chart.unit (millions of US dollars
for money).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dashboard.store.period import Period

KINDS = ("title", "headline", "dynamics", "exports", "imports", "firms", "meetings", "closing")


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
    alert: bool = False               # overdue follow-up


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

    @property
    def file_stem(self) -> str:
        return file_stem(self.iso2, self.period, self.lang)


def file_stem(iso2: str, period: Period, lang: str) -> str:
    """briefing_KZ_2022_ru, briefing_KZ_2023-01_2023-09_en."""
    return f"briefing_{iso2}_{period.code().replace('..', '_')}_{lang}"
