"""Презентация: the briefing on one partner as slides for the big screen. No sidebar, large type, arrow keys
and clicker keys turning slides in the browser (the whole deck is drawn once), slide number in the URL
(?slide=3), slides in Russian or English whatever the interface language, the guest deck or the internal one, a
pick of slides in any order (?slides=1,2,5), optional automatic advance, and the same deck as PPTX/PDF (and the
справка as DOCX) from the settings popover."""
import streamlit as st

from dashboard.i18n import LANGS, t
from dashboard.i18n.columns import name_column
from dashboard.i18n.numbers import period_label
from dashboard.slide_model import AUDIENCES, KINDS, parse_slides
from dashboard.store import answers
from dashboard.ui import cached, controls, deck_download, frame, presenter, state

AUTO_CHOICES = (0, 10, 20, 30, 60)

view = frame.view()
lang, region = view.lang, view.region
presenter.hide_chrome()
v = cached.version()
state.init_from_url("slang", state.parse_choice(LANGS), lang)
state.init_from_url("auto", lambda raw: AUTO_CHOICES[AUTO_CHOICES.index(int(raw))], 0)
state.init_from_url("audience", state.parse_choice(AUDIENCES), "guest")
state.init_from_url("slides", lambda raw: list(parse_slides(raw)), list(range(1, len(KINDS) + 1)))
if presenter.SLIDE not in st.session_state:
    raw = st.query_params.get("slide", "1")
    st.session_state[presenter.SLIDE] = int(raw) - 1 if raw.isdigit() and int(raw) > 0 else 0
state.show_url_problems()  # an unknown partner code or a bad value in the link, as every page says it

period = cached.coverage(v, region).effective(view.period)
slang = st.session_state["slang"] or lang
audience = st.session_state["audience"] or "guest"
order = tuple(st.session_state["slides"] or range(1, len(KINDS) + 1))
whole = deck_download.cached_deck(v, view.partner, period.year, period.m_from, period.m_to, region, slang, audience)
deck = whole.picked(order)
if answers.position_in(cached.ranking(v, region, *period.params.values()), view.partner) is None:
    # as the partner page says it: a code with no trade (Antarctica) is not a briefing
    st.warning(t("partner.not_traded", lang, name=deck.partner_name,
                 period=period_label(period.year, period.m_from, period.m_to, lang)), icon=":material/warning:")
total = len(deck.slides)
st.session_state[presenter.SLIDE] = max(0, min(total - 1, int(st.session_state[presenter.SLIDE])))
index = st.session_state[presenter.SLIDE]
auto = int(st.session_state["auto"] or 0)

deck_id = "|".join(map(str, (v, deck.iso2, period.code(), slang, audience, order)))
screen = presenter.keyboard(deck_id, total, auto)
presenter.slide_css(index)
for i, slide in enumerate(deck.slides):
    with st.container(key=f"pz_slide_{i}"):
        presenter.draw(slide, slang, i + 1, total, screen)


def _keep(widget: str, name: str) -> None:
    """A settings widget's new value into the page's state (None, a segment unselected, keeps the old one)."""
    value = st.session_state.get(widget)
    if value is not None:
        st.session_state[name] = value


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
        # two columns: everything, the downloads included, within a 1280x720 screen
        what, how = st.columns(2, gap="medium")
        partners = cached.partner_list(v, region)
        names = dict(zip(partners["iso2"], partners[name_column(lang)], strict=True))
        codes = sorted(names, key=lambda c: str(names[c] or c))
        if view.partner not in codes:
            codes.insert(0, view.partner)
        what.selectbox(t("controls.partner", lang), codes, key="partner", format_func=lambda c: names.get(c) or c)
        what.selectbox(t("controls.year", lang), sorted(cached.coverage(v, region).years, reverse=True), key="year")
        what.slider(t("controls.months", lang), 1, 12, key="months", help=t("controls.months_help", lang))
        # these widgets show the value they are created with (default=): a popover's widgets are mounted only
        # when it opens, and one given its value through the session state alone shows its empty default there
        what.segmented_control(t("present.slide_lang", lang), list(LANGS), key="present_slang", default=slang,
                               format_func=controls.lang_label, on_change=_keep, args=("present_slang", "slang"))
        what.segmented_control(t("present.audience", lang), list(AUDIENCES), key="present_audience",
                               default=audience, format_func=lambda a: t(f"present.audience_{a}", lang),
                               help=t("present.audience_help", lang), on_change=_keep,
                               args=("present_audience", "audience"))
        titles = {n: t("present.pick_option", lang, n=n, title=s.title) for n, s in enumerate(whole.slides, start=1)}
        how.multiselect(t("present.pick", lang), list(titles), key="present_pick", default=list(order),
                        format_func=lambda n: titles[n], help=t("present.pick_help", lang), on_change=_keep,
                        args=("present_pick", "slides"))
        how.selectbox(t("present.auto", lang), AUTO_CHOICES, key="auto",
                      format_func=lambda s: t("present.auto_off", lang) if s == 0 else t("present.auto_s", lang, s=s))
        how.caption(t("present.keys_help", lang))
        with how:
            deck_download.deck_buttons(view, view.partner, period, slang, key="present_deck", audience=audience,
                                       order=order)
            st.page_link("app_pages/partner.py", label=t("present.exit", lang), icon=":material/close:",
                         query_params={"partner": view.partner, "year": str(period.year)})

natural = order == tuple(range(1, len(KINDS) + 1))
state.write_url(partner=view.partner, year=view.period.year,
                months=state.months_text(tuple(st.session_state["months"])),
                lang=lang if lang != "ru" else None, slang=slang if slang != lang else None,
                audience=audience if audience != "guest" else None,
                slides=None if natural else ",".join(map(str, order)), slide=index + 1, auto=auto or None)
