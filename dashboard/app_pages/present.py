"""Презентация: the briefing on one partner as slides for the big screen. No sidebar, large type, arrow keys
and clicker keys, slide number in the URL (?slide=3), slides in Russian or English whatever the interface
language, optional automatic advance, and the same deck as PPTX/PDF from the settings popover."""
import streamlit as st

from dashboard.i18n import LANGS, t
from dashboard.i18n.columns import name_column
from dashboard.ui import cached, controls, deck_download, frame, presenter, state

AUTO_CHOICES = (0, 10, 20, 30, 60)

view = frame.view()
lang, region = view.lang, view.region
presenter.hide_chrome()
v = cached.version()
state.init_from_url("slang", state.parse_choice(LANGS), lang)
state.init_from_url("auto", lambda raw: AUTO_CHOICES[AUTO_CHOICES.index(int(raw))], 0)
if presenter.SLIDE not in st.session_state:
    raw = st.query_params.get("slide", "1")
    st.session_state[presenter.SLIDE] = int(raw) - 1 if raw.isdigit() and int(raw) > 0 else 0

period = cached.coverage(v, region).effective(view.period)
slang = st.session_state["slang"] or lang
deck = deck_download.cached_deck(v, view.partner, period.year, period.m_from, period.m_to, region, slang)
total = len(deck.slides)
st.session_state[presenter.SLIDE] = max(0, min(total - 1, int(st.session_state[presenter.SLIDE])))
index = st.session_state[presenter.SLIDE]
auto = int(st.session_state["auto"] or 0)

screen = presenter.keyboard(index, total, auto)
presenter.draw(deck.slides[index], slang, index + 1, total, screen)


def _move(step: int) -> None:
    st.session_state[presenter.SLIDE] = max(0, min(total - 1, st.session_state[presenter.SLIDE] + step))


with st.container(horizontal=True, key="present_bar", gap="small", vertical_alignment="center"):
    st.button("", icon=":material/chevron_left:", key="present_prev", on_click=_move, args=(-1,),
              disabled=index == 0, help=t("present.prev", lang))
    presenter.counter(index + 1, total)
    st.button("", icon=":material/chevron_right:", key="present_next", on_click=_move, args=(1,),
              disabled=index == total - 1, help=t("present.next", lang))
    with st.popover("", icon=":material/settings:", key="present_settings", help=t("present.settings", lang)):
        st.markdown(f"**{t('present.settings', lang)}**")
        partners = cached.partner_list(v, region)
        names = dict(zip(partners["iso2"], partners[name_column(lang)], strict=True))
        codes = sorted(names, key=lambda c: str(names[c] or c))
        if view.partner not in codes:
            codes.insert(0, view.partner)
        st.selectbox(t("controls.partner", lang), codes, key="partner", format_func=lambda c: names.get(c) or c)
        st.selectbox(t("controls.year", lang), sorted(cached.coverage(v, region).years, reverse=True), key="year")
        st.slider(t("controls.months", lang), 1, 12, key="months", help=t("controls.months_help", lang))
        st.segmented_control(t("present.slide_lang", lang), list(LANGS), key="slang",
                             format_func=controls.lang_label)
        st.selectbox(t("present.auto", lang), AUTO_CHOICES, key="auto",
                     format_func=lambda s: t("present.auto_off", lang) if s == 0 else t("present.auto_s", lang, s=s))
        st.caption(t("present.keys_help", lang))
        deck_download.deck_buttons(view, view.partner, period, slang, key="present_deck")
        st.page_link("app_pages/partner.py", label=t("present.exit", lang), icon=":material/close:",
                     query_params={"partner": view.partner, "year": str(period.year)})

state.write_url(partner=view.partner, year=view.period.year,
                months=state.months_text(tuple(st.session_state["months"])),
                lang=lang if lang != "ru" else None, slang=slang if slang != lang else None,
                slide=index + 1, auto=auto or None)
