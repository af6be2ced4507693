"""Pieces of the partner page: the partner picker (kept in the URL), the national block and the meetings block."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.charts import structure, theme, trade
from dashboard.export import national_text
from dashboard.i18n import t
from dashboard.i18n.numbers import day
from dashboard.meetings.render import escape_markdown
from dashboard.reference import partners as ref_partners
from dashboard.store import answers
from dashboard.store.period import Period
from dashboard.ui import cached, meetings_view, state, widgets

DEFAULT_PARTNER = "KZ"  # the partner of the seed meeting; a link can name any other


def name(iso2: str, lang: str) -> str:
    return ref_partners.name(iso2, lang)


def picker(lang: str, region: str) -> str:
    v = cached.version()
    plist = cached.partner_list(v, region)
    codes = list(plist["iso2"])
    default = DEFAULT_PARTNER if DEFAULT_PARTNER in codes else (codes[0] if codes else DEFAULT_PARTNER)
    state.init_from_url("partner", state.parse_choice(codes), default)
    names = {c: name(c, lang) for c in codes}
    ordered = sorted(codes, key=lambda c: names[c])
    col, _ = st.columns([1, 2])
    col.selectbox(t("partner.choose", lang), ordered, key="partner", format_func=lambda c: names[c])
    iso2 = st.session_state["partner"]
    state.write_url(partner=iso2)
    return iso2


def covered_years(hist: pd.DataFrame, cov: answers.Coverage, m_from: int, m_to: int) -> pd.DataFrame:
    """The years of a yearly series whose months m_from..m_to are all loaded. A year loaded only in part
    (January–March of a new year) would read as a collapse on a full-year chart, and its rank would stand
    among full-year ranks; it is left out (its months are on the monthly chart)."""
    return hist[[cov.covers(Period(int(y), m_from, m_to)) for y in hist["year"]]]


@st.cache_data(show_spinner=False, max_entries=64)
def charts(v: str, region: str, iso2: str, year: int, m_from: int, m_to: int, lang: str, name: str, months: str,
           ptext: str) -> dict[str, dict]:
    """The page's charts as figure dicts (fig.to_dict()) by widget key, cached per data version like the
    queries, so a rerun (a widget change, a second visitor) does not build them again. A flow without trade
    has no structure charts and a partner without firm counts no firms chart."""
    hist = cached.rank_history(v, region, iso2, m_from, m_to)
    hist = covered_years(hist, cached.coverage(v, region), m_from, m_to)
    ys, yunit = theme.money_scale(float(hist[["exports_usd", "imports_usd"]].max().max() or 0), lang)
    monthly = cached.monthly_flows(v, region, iso2)
    ms, munit = theme.money_scale(float(monthly["value_usd"].max() or 0) if len(monthly) else 0.0, lang)
    figs = {
        "partner_rank": trade.rank_history(hist, lang, t("partner.rank_history", lang, name=name, months=months)),
        "partner_yearly": trade.yearly(hist, lang, t("partner.yearly", lang, name=name, months=months, unit=yunit),
                                       scale=ys),
        "partner_monthly": trade.monthly(monthly, lang, t("partner.monthly", lang, name=name, unit=munit), scale=ms),
    }
    goods = cached.commodity_structure(v, region, year, m_from, m_to, iso2)
    for flow in ("E", "I"):
        part = goods[goods["flow"] == flow]
        if part.empty:
            continue
        flow_name = t(f"flows.{flow}", lang)
        gs, gunit = theme.money_scale(float(part["value_usd"].sum()), lang)
        figs[f"partner_tree_{flow}"] = structure.treemap(
            part, lang, t("partner.structure", lang, flow=flow_name, period=ptext, unit=gunit), scale=gs)
        figs[f"partner_top_{flow}"] = structure.top_goods(
            part, flow, lang, t("partner.top_goods", lang, flow=flow_name, period=ptext, unit=gunit), scale=gs)
    firms = cached.firms_history(v, iso2)
    if not firms.empty:
        figs["partner_firms"] = trade.firms(firms, lang, t("partner.firms", lang, name=name))
    return {key: fig.to_dict() for key, fig in figs.items()}


def meetings_note(iso2: str, lang: str) -> None:
    """One line under the headline: the last meeting and the open follow-ups, so the official sees the
    agreements next to the figures (the full timeline is further down the page)."""
    store = cached.store()
    held = meetings_view.meetings_of(store, iso2)
    if not held:
        return
    last = held[0]
    n_open = sum(len(m.open_followups()) for m in held)
    st.info(t("partner.meetings_note", lang, date=day(last.held_on, lang),
              title=escape_markdown(last.title_in(lang)), n=len(held), open=n_open), icon=":material/forum:")


def meetings(iso2: str, lang: str) -> None:
    """The meetings held with the partner, each beside the figures as they stood on its date."""
    st.header(t("partner.meetings", lang))
    meetings_view.render_meetings_for_partner(cached.store(), iso2, lang)



def national(region: str, iso2: str, period: Period, lang: str) -> None:
    """The region in Russia's trade with the partner: its place among the regions, Russia's figures (Comtrade)
    and the partner's mirror figures, each captioned with its period, scope and source."""
    n = cached.national(cached.version(), region, period.year, period.m_from, period.m_to, iso2)
    st.subheader(t("national.title", lang))
    figs = national_text.figures(n, lang)
    if figs:
        widgets.kpis([(f.label, f.value, None, f.help) for f in figs])
    for line in national_text.captions(n, lang):
        st.caption(line)
