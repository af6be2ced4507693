"""The official figures block (figures from letters with their source) on the partner page and the overview."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.export import official_text as text
from dashboard.i18n import t
from dashboard.ui import cached


def block(lang: str, region: str, partner: str | None = None) -> None:
    """The partner's figures (partner given) or the region's own (None); nothing when no letter gave any. ДСП ones
    are shown, marked: the pages are the region's own (the guest deck and the downloads leave them out)."""
    figures = [o for o in cached.official_figures(cached.version(), region) if o.partner == partner]
    if not figures:
        return
    st.subheader(t("official.title", lang))
    st.caption(t("official.caption", lang))
    cols = ("period", "metric", "value", "document", "date", "access")
    rows = [dict(zip(cols, (text.period(o, lang), text.metric(o, lang), text.value(o, lang), o.document,
                            text.date(o, lang), text.access(o, lang)), strict=True)) for o in figures]
    # a table, never markdown: a document's name as typed is shown as plain text
    st.dataframe(pd.DataFrame(rows).rename(columns={c: t(f"official.col_{c}", lang) for c in cols}),
                 hide_index=True, key=f"official_{partner or 'region'}")
