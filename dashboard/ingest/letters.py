"""Official figures that arrive by letter (the letters format, see format.py): since 2022 the customs
administration and the statistics office send the region its figures as letters and tables, not unloads.

A small CSV (',' or ';'), one figure a line; headers in English or Russian:
    period          2023 or 2023-01..2023-09 (store/period.py)           период
    partner         ISO alpha-2, or "region" for the region as a whole  страна / партнер ("регион")
    metric          one of METRICS (Russian names too)                  показатель
    value           a number, comma or point                            значение
    unit            money: USD, тыс./млн/млрд USD (or долл. США); growth: %; counts and ranks: anything
    document        the letter it comes from                            документ
    document date   DD.MM.YYYY or YYYY-MM-DD                            дата документа
    restricted      ДСП (for official use): yes/no, да/нет; optional   дсп
Values are kept exact (Decimal, then DECIMAL in the store), normalised: money in US dollars, growth as a ratio
(31 % -> 0.31), counts and places as they are. A later letter replaces the figure of the same period, partner
and metric. The figures belong to the region the app serves (DASHBOARD_REGION).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import numpy as np
import pandas as pd

from dashboard import config
from dashboard.i18n.message import msg
from dashboard.ingest import columns as col
from dashboard.ingest.format import Checked
from dashboard.ingest.rawfile import map_headers, norm_header
from dashboard.ingest.rawtable import RawTable
from dashboard.ingest.report import Report
from dashboard.reference import partners as ref_partners
from dashboard.store.period import Period, PeriodError
from dashboard.store.publication import Writer

NAME = "letters"
SUFFIXES = (".csv", ".txt")

HEADERS = {
    "period": ("period", "период"),
    "partner": ("partner", "страна", "партнер"),
    "metric": ("metric", "показатель"),
    "value": ("value", "значение"),
    "unit": ("unit", "единица", "единица измерения"),
    "document": ("document", "source document", "документ", "документ-источник"),
    "document_date": ("document date", "document_date", "дата документа"),
    "restricted": ("restricted", "дсп"),
}
OPTIONAL = frozenset({"restricted"})  # absent: nothing in the file is for official use only
KEY = ["year", "m_from", "m_to", "partner", "metric"]

# metric -> its kind; the names are those of the figure check's claims where one exists (meetings/check.py)
METRICS = {"turnover": "money", "exports": "money", "imports": "money",
           "turnover_growth": "growth", "export_growth": "growth", "import_growth": "growth",
           "rank_by_turnover": "place", "partner_countries": "count", "firms": "count"}
RU_METRICS = {"товарооборот": "turnover", "экспорт": "exports", "импорт": "imports",
              "рост товарооборота": "turnover_growth", "рост экспорта": "export_growth",
              "рост импорта": "import_growth", "место по товарообороту": "rank_by_turnover",
              "число стран-партнеров": "partner_countries", "число компаний": "firms"}
REGION_WORDS = frozenset({"region", "регион", "область", ""})
MONEY_UNITS = {"usd": 1, "$": 1, "долл сша": 1, "us dollars": 1,
               "тыс usd": 10**3, "тыс долл сша": 10**3, "thousand usd": 10**3,
               "млн usd": 10**6, "млн долл сша": 10**6, "million usd": 10**6,
               "млрд usd": 10**9, "млрд долл сша": 10**9, "billion usd": 10**9}
PERCENT_UNITS = frozenset({"%", "процент", "percent"})
YES = frozenset({"yes", "да", "дсп", "true", "1", "y"})
NO = frozenset({"no", "нет", "false", "0", "n", ""})
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


@dataclass
class LettersData:
    figures: pd.DataFrame  # region, year, m_from, m_to, partner (None = region), metric, value (exact, as text),
    #                        unit, document, document_date (ISO), restricted


def looks_like(header: list[str]) -> bool:
    names = {norm_header(h) for h in header}
    return any(n in names for n in HEADERS["metric"]) and any(n in names for n in HEADERS["document"])


def _unit_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("ё", "е").replace(".", " ")).strip()


def _date(text: str) -> dt.date | None:
    for form in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def parse(raw: RawTable, report: Report, today: dt.date | None = None) -> LettersData | None:
    today = today or dt.date.today()
    found = map_headers(raw, report, HEADERS, OPTIONAL)
    if not report.ok:
        return None
    cells = {k: raw.table.column(i).to_pylist() for k, i in found.items()}
    name = {k: raw.header[i] for k, i in found.items()}
    lines = raw.line_of(np.arange(raw.table.num_rows))
    known = frozenset(p.iso2 for p in ref_partners.all_partners())
    rows: list[dict] = []
    for r, line in enumerate(int(x) for x in lines):
        def cell(k: str, r: int = r) -> str:
            return str(cells[k][r] or "").strip() if k in cells else ""

        def bad(k: str, reason: str, line: int = line, **params: object) -> None:
            report.add(line, name.get(k, k), cell(k), reason, **params)

        try:
            period: Period | None = Period.parse(cell("period"))
        except PeriodError:
            period = None
            bad("period", "ingest.reason.official_period")
        if period is not None and (period.year, period.m_to) > (today.year, today.month):
            bad("period", "ingest.reason.future_period")
        word = cell("partner")
        partner = None if word.lower() in REGION_WORDS else col.ascii_upper(pd.Series([word])).iloc[0]
        if partner is not None and partner not in known:
            bad("partner", "ingest.reason.unknown_partner")
        metric_text = cell("metric").lower().replace("ё", "е")
        metric = metric_text if metric_text in METRICS else RU_METRICS.get(metric_text)
        if metric is None:
            bad("metric", "ingest.reason.official_metric", metrics=", ".join(METRICS))
        value = _value(cell("value"), bad)
        unit = cell("unit")
        if metric is not None and value is not None:
            value = _normalised(METRICS[metric], value, unit, bad)
        document = cell("document")
        if not document:
            bad("document", "ingest.reason.missing_value")
        on = _date(cell("document_date"))
        if on is None:
            bad("document_date", "ingest.reason.official_date")
        elif on > today:
            bad("document_date", "ingest.reason.official_date_future")
        elif period is not None and on < dt.date(period.year, period.m_from, 1):
            bad("document_date", "ingest.reason.official_date_before", period=period.code())
        flag = cell("restricted").lower()
        if flag not in YES | NO:
            bad("restricted", "ingest.reason.official_restricted")
        if period is None or metric is None or value is None or on is None:
            continue
        rows.append({"region": config.region(), "year": period.year, "m_from": period.m_from, "m_to": period.m_to,
                     "partner": partner, "metric": metric, "value": str(value), "unit": unit, "document": document,
                     "document_date": on.isoformat(), "restricted": flag in YES})
    if not report.ok:
        return None
    out = pd.DataFrame(rows, columns=["region", "year", "m_from", "m_to", "partner", "metric", "value", "unit",
                                      "document", "document_date", "restricted"])
    col.check_duplicates(report, raw, out, KEY, ["value", "unit", "document"], name["metric"])
    return LettersData(out) if report.ok else None


def _value(text: str, bad: Callable[..., None]) -> Decimal | None:
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text).replace(",", ".")
    if not cleaned:
        bad("value", "ingest.reason.missing_value")
        return None
    if not _NUMBER.fullmatch(cleaned):
        bad("value", "ingest.reason.not_number")
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # the pattern admits only what Decimal reads; kept for safety of the row loop
        bad("value", "ingest.reason.not_number")
        return None


def _normalised(kind: str, value: Decimal, unit: str, bad: Callable[..., None]) -> Decimal | None:
    """The value in the unit the store keeps: US dollars, a ratio, a count or a place."""
    if kind == "money":
        scale = MONEY_UNITS.get(_unit_key(unit))
        if scale is None:
            bad("unit", "ingest.reason.official_money_unit")
            return None
        if value < 0:
            bad("value", "ingest.reason.negative")
            return None
        usd = value * scale
        if usd > Decimal(col.MAX_VALUE) * 1000:  # a region's year, not one customs line: a thousand times more
            bad("value", "ingest.reason.implausible", max=f"{col.MAX_VALUE * 1000:.0e}")
            return None
        return usd.quantize(Decimal("0.01"))  # to the cent, as every amount of the store
    if kind == "growth":
        if _unit_key(unit) not in PERCENT_UNITS:
            bad("unit", "ingest.reason.official_percent_unit")
            return None
        return value / 100
    if value != value.to_integral_value() or value < (1 if kind == "place" else 0):
        bad("value", "ingest.reason.official_whole", least=1 if kind == "place" else 0)
        return None
    return value.to_integral_value()


def combine(parts: list[LettersData], members: list[str], report: Report) -> LettersData | None:
    col.check_members_overlap(report, [p.figures for p in parts], KEY, members)
    return LettersData(pd.concat([p.figures for p in parts], ignore_index=True)) if report.ok else None


def describe(data: LettersData) -> Checked:
    f = data.figures
    first = f.sort_values(["year", "m_from"]).iloc[0]
    last = f.sort_values(["year", "m_to"]).iloc[-1]
    restricted = int(f["restricted"].sum())
    notes = (msg("ingest.note.official_restricted", n=restricted),) if restricted else ()
    return Checked(len(f), (f"{first['year']}-{first['m_from']:02d}", f"{last['year']}-{last['m_to']:02d}"), notes)


def load(w: Writer, data: LettersData, source_id: int) -> int:
    """A letter replaces the figures of the same period, partner and metric (the rows replaced are not counted)."""
    with w.frames(_new=data.figures):
        w.run("replace_official_figures", source_id=source_id)
    return 0
