"""An official figure (store/answers.Official) in words, for the partner and overview pages and the slides: the
metric, the partner, the period, the value in the language's number format, the letter and its date."""
from __future__ import annotations

from dashboard.i18n import t
from dashboard.i18n.numbers import day, money, number, percent, period_label
from dashboard.reference import partners as ref_partners
from dashboard.store.answers import Official


def metric(o: Official, lang: str) -> str:
    return t(f"official.metric.{o.metric}", lang)


def partner(o: Official, lang: str) -> str:
    return t("official.region", lang) if o.partner is None else ref_partners.name(o.partner, lang)


def period(o: Official, lang: str) -> str:
    return period_label(o.period.year, o.period.m_from, o.period.m_to, lang)


def value(o: Official, lang: str) -> str:
    """1,2 млрд $ / +31,0 % / 102, as the pages write the same metric from the unload."""
    if o.money is not None:
        return money(o.money.usd, lang)
    if o.metric.endswith("growth"):
        return percent(float(o.value), lang, signed=True)
    return number(int(o.value), 0, lang)


def date(o: Official, lang: str) -> str:
    return day(o.document_date, lang)


def source(o: Official, lang: str) -> str:
    """'письмо … от 15.02.2024'."""
    return t("official.slide_meta", lang, document=o.document, date=date(o, lang))


def access(o: Official, lang: str) -> str:
    return t("official.restricted" if o.restricted else "official.open", lang)
