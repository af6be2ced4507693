"""The Данные page's form for one official figure from a letter. What is typed becomes a one-line file of the
letters format (ingest/letters.py) and goes through the importer like any upload: the same checks, the same
publication, the same import log (the same figure entered twice changes nothing)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import streamlit as st

from dashboard import config
from dashboard.i18n import t
from dashboard.i18n.message import error_text, render
from dashboard.ingest import letters
from dashboard.ingest.pipeline import parse_file, publish
from dashboard.ingest.report import ImportRejected
from dashboard.reference import partners as ref_partners
from dashboard.store.versions import StoreBusy, StoreError
from dashboard.ui import auth

# the form's unit -> as the file writes it (letters.MONEY_UNITS, PERCENT_UNITS)
UNITS = {"usd": "USD", "thousand": "thousand USD", "million": "million USD", "billion": "billion USD",
         "percent": "%", "none": ""}
# the file's columns -> the form's labels, for the reasons of a refusal
FIELDS = {"period": "period", "partner": "partner", "metric": "metric", "value": "value", "unit": "unit",
          "document": "document", "document date": "document_date", "restricted": "restricted"}


def as_file(period: str, partner: str, metric: str, value: str, unit: str, document: str, on: object,
            restricted: bool) -> bytes:
    """The figure as a file of the letters format; the csv module quotes a document name holding ';' or '"'."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\n")
    w.writerow(FIELDS)
    w.writerow([period, partner, metric, value, UNITS[unit], document, str(on), "yes" if restricted else "no"])
    return out.getvalue().encode("utf-8")


def form(lang: str, published: Path) -> None:
    st.subheader(t("lform.title", lang))
    st.caption(t("lform.caption", lang))
    codes = sorted((p.iso2 for p in ref_partners.all_partners()), key=lambda c: ref_partners.name(c, lang))
    with st.form("lform", clear_on_submit=False):
        c1, c2, c3 = st.columns(3)
        period = c1.text_input(t("lform.period", lang), key="lform_period", help=t("lform.period_help", lang))
        partner = c2.selectbox(t("lform.partner", lang), ["region", *codes], key="lform_partner",
                               format_func=lambda c: t("official.region", lang) if c == "region"
                               else ref_partners.name(c, lang))
        metric = c3.selectbox(t("lform.metric", lang), list(letters.METRICS), key="lform_metric",
                              format_func=lambda m: t(f"official.metric.{m}", lang))
        c1, c2, c3 = st.columns(3)
        value = c1.text_input(t("lform.value", lang), key="lform_value")
        unit = c2.selectbox(t("lform.unit", lang), list(UNITS), key="lform_unit",
                            format_func=lambda u: t(f"lform.units.{u}", lang))
        on = c3.date_input(t("lform.document_date", lang), value=config.today(), key="lform_date",
                           format="DD.MM.YYYY")
        document = st.text_input(t("lform.document", lang), key="lform_document", help=t("lform.document_help", lang))
        restricted = st.checkbox(t("lform.restricted", lang), key="lform_restricted")
        sent = st.form_submit_button(t("lform.submit", lang), key="lform_submit", type="primary")
    if not sent:
        return
    data = as_file(period, partner, metric, value, unit, document, on, restricted)
    name = f"official-{metric}-{partner}-{period.strip() or 'period'}.csv"
    try:
        parsed = parse_file(name, data, letters.NAME, today=config.today())
        outcomes = publish(published, [parsed], loaded_by=auth.user_name())
    except ImportRejected as e:
        reasons = "; ".join(t("lform.reason", lang, field=t(f"lform.{FIELDS[i.column]}", lang),
                              reason=render(i.message, lang)) if i.column in FIELDS else render(i.message, lang)
                            for i in e.report.sorted_issues())
        st.error(t("lform.refused", lang, reasons=reasons))
    except (StoreBusy, StoreError, OSError) as e:
        st.error(t("data.publish_failed", lang, error=error_text(e, lang)))
    else:
        for o in outcomes:
            st.success("; ".join(render(m, lang) for m in o.messages))
