"""Партнёр: one partner's place, dynamics, commodity structure, firms, and the meetings held with it."""
import streamlit as st

from dashboard.i18n import t
from dashboard.i18n.numbers import number, percent, period_label, rank_phrase
from dashboard.store import answers
from dashboard.ui import cached, deck_download, frame, official_view, partner_view, state, style, widgets
from dashboard.ui.present_link import maybe_switch_to_presenter, presenter_params

maybe_switch_to_presenter()  # ?present=1 on a partner link opens the slides

pg = frame.page()
view, lang, region, period, v, ptext, scope = pg.view, pg.lang, pg.region, pg.period, pg.v, pg.ptext, pg.scope

iso2 = partner_view.picker(lang, region)
state.show_url_problems()
name = partner_view.name(iso2, lang)
pos = answers.position_in(cached.ranking(v, region, *period.params.values()), iso2)

if pos is None:
    st.title(name)
    st.info(t("partner.not_traded", lang, name=name, period=ptext))
else:
    st.title(t("partner.headline", lang, name=name, rank=rank_phrase(pos.rank, pos.of, lang), scope=scope))
    st.caption(pg.caption)
    widgets.kpis([
        widgets.kpi_money(lang, "turnover", pos.turnover.usd, pos.growth),
        widgets.kpi_money(lang, "exports", pos.exports.usd, pos.export_growth),
        widgets.kpi_money(lang, "imports", pos.imports.usd, pos.import_growth),
        (t("kpi.share", lang), percent(pos.share, lang), None, t("kpi.share_help", lang)),
        (t("kpi.firms", lang), number(pos.firms, 0, lang), None, t("kpi.firms_help", lang)),
    ])
    partner_view.meetings_note(iso2, lang)
    c1, c2 = st.columns([2, 3])
    with c1:
        deck_download.deck_buttons(view, iso2, period, lang, key="partner_deck")
    c2.page_link("app_pages/present.py", label=t("partner.present", lang), icon=":material/slideshow:",
                 query_params=presenter_params(iso2, period.year, state.months_text((period.m_from, period.m_to))
                                               or None))

months = period_label(2000, period.m_from, period.m_to, lang).replace(" 2000", "")
months = t("partner.all_year", lang) if period.full_year else months
figs = partner_view.charts(v, region, iso2, period.year, period.m_from, period.m_to, lang, name, months, ptext)
c1, c2 = st.columns(2)
with c1:
    widgets.chart(figs["partner_rank"], lang, "partner_rank", f"rank_{iso2}")
with c2:
    widgets.chart(figs["partner_yearly"], lang, "partner_yearly", f"yearly_{iso2}")
widgets.chart(figs["partner_monthly"], lang, "partner_monthly", f"monthly_{iso2}")

tabs = st.tabs([t("flows.E", lang), t("flows.I", lang)])
for tab, flow in zip(tabs, ("E", "I"), strict=True):
    with tab:
        if f"partner_tree_{flow}" not in figs:
            st.info(t("overview.no_trade", lang))
            continue
        # one under the other: the goods' names need the full width on a 1280-px screen
        widgets.chart(figs[f"partner_tree_{flow}"], lang, f"partner_tree_{flow}", f"structure_{iso2}_{flow}")
        widgets.chart(figs[f"partner_top_{flow}"], lang, f"partner_top_{flow}", f"top_goods_{iso2}_{flow}")

partner_view.national(region, iso2, period, lang)
if "partner_firms" in figs:
    widgets.chart(figs["partner_firms"], lang, "partner_firms", f"firms_{iso2}")
else:
    st.caption(t("partner.no_firms", lang))
official_view.block(lang, region, iso2)
partner_view.meetings(iso2, lang)
frame.footnote(lang, ptext, scope)
style.print_fit()  # the page prints on A4 as a fact sheet
