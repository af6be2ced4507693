"""Встречи: the meetings held with partners, their checked figures and agreed follow-ups; adding a meeting."""
import streamlit as st

from dashboard import config
from dashboard.i18n import t
from dashboard.i18n.numbers import day
from dashboard.meetings.render import escape_markdown
from dashboard.reference import partners as ref_partners
from dashboard.ui import cached, frame, meeting_form, meetings_view, state

view = frame.view()
lang = view.lang
store = cached.store()

st.title(t("pages.meetings", lang))
meetings = meetings_view.meetings_of(store, None)
with_partner = sorted({p for m in meetings for p in m.partners}, key=lambda c: ref_partners.name(c, lang))
state.init_from_url("with", state.parse_choice(["all", *with_partner]), "all")
state.show_url_problems()
st.selectbox(t("mpage.filter", lang), ["all", *with_partner], key="with",
             format_func=lambda c: t("groups.all", lang) if c == "all" else ref_partners.name(c, lang))
chosen = st.session_state["with"]
state.write_url(**{"with": None if chosen == "all" else chosen})

todo = meetings_view.open_of(store, None if chosen == "all" else chosen)
tab_list, tab_todo, tab_add = st.tabs([t("mpage.list", lang, n=len(meetings)),
                                      t("mpage.todo", lang, n=len(todo)), t("mpage.add", lang)])
with tab_list:
    shown = [m for m in meetings if chosen == "all" or chosen in m.partners]
    if not shown:
        st.info(t("mpage.none", lang))
    for m in shown:
        with st.container(border=True):
            # the figures of the meeting's main partner as of its date, as on the partner page
            checked = meetings_view.checked_claims(store, m)
            meetings_view.render_meeting(m, checked, lang, figures=meetings_view.figures_of(store, m),
                                         changes=meetings_view.check_changes(store, m, checked))
with tab_todo:
    if not todo:
        st.info(t("meetings.no_followups", lang))
    titles = {m.meeting_id: m.title_in(lang) for m in meetings}  # the English title where there is one
    for f, mid, held_on, title in todo:
        status = t(f"meetings.status.{f.status}", lang)
        st.markdown(f"- **{escape_markdown(f.text)}** · {escape_markdown(f.owner or '—')} · {day(f.due_on, lang)} · "
                    f"{status} · _{day(held_on, lang)} {escape_markdown(titles.get(mid, title))}_")
    if todo and not config.read_only():
        meeting_form.mark_done(todo, lang)
with tab_add:
    if config.read_only():
        st.info(t("mpage.read_only", lang))
    else:
        meeting_form.add_meeting(lang)
frame.footnote(lang, t("mpage.all_periods", lang), t("mpage.scope", lang))
