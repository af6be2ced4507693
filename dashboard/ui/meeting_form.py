"""Adding a meeting in the app: paste or upload a text, see what was extracted, correct it, then save.

Nothing is saved until the user confirms; saving publishes a new data version like an import does.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import config
from dashboard.export import check_text
from dashboard.i18n import t
from dashboard.i18n.message import error_text, render
from dashboard.meetings.check import check_claims
from dashboard.meetings.document import DocumentError, from_document, read_text
from dashboard.meetings.extract import Proposal
from dashboard.meetings.model import FollowUp, Meeting, Participant
from dashboard.meetings.store_io import MeetingError, save_meeting
from dashboard.reference import partners as ref_partners
from dashboard.store.versions import StoreBusy, StoreError
from dashboard.ui import auth, cached

UPLOAD_TYPES = ["txt", "md", "docx"]


def _read_input(lang: str) -> tuple[str, str | None, int | None, dt.date | None] | None:
    """The text to propose from (an uploaded file wins over the pasted text), the year of a date written without
    one, and the meeting's date if the user knows it (it wins over the text's, as `--date` does on the CLI)."""
    up = st.file_uploader(t("mform.upload", lang), type=UPLOAD_TYPES, key="mform_file")
    pasted = st.text_area(t("mform.paste", lang), key="mform_text", height=220)
    c1, c2 = st.columns(2)
    held_on: dt.date | None = c1.date_input(t("mform.held_on", lang), value=None, format="DD.MM.YYYY",
                                            key="mform_held_on", help=t("mform.held_on_help", lang))
    year: int | None = c2.number_input(t("mform.year", lang), min_value=1990, max_value=dt.date.today().year,
                                       value=None, step=1, key="mform_year", help=t("mform.year_help", lang))
    if not st.button(t("mform.propose", lang), key="mform_propose", type="primary"):
        return None
    try:
        if up is not None:
            return read_text(up.name, up.getvalue()), up.name, year, held_on
        return pasted, None, year, held_on
    except DocumentError as e:
        st.error(error_text(e, lang))
        return None


def _editor_frames(m: Meeting) -> tuple[pd.DataFrame, pd.DataFrame]:
    people = pd.DataFrame([{"name": p.name, "role": p.role or "", "side": p.side or "", "name_en": p.name_en or "",
                            "role_en": p.role_en or ""} for p in m.participants],
                          columns=["name", "role", "side", "name_en", "role_en"])
    todo = pd.DataFrame([{"text": f.text, "owner": f.owner or "", "text_en": f.text_en or "",
                          "owner_en": f.owner_en or "", "due_on": f.due_on, "done": f.done}
                         for f in m.followups], columns=["text", "owner", "text_en", "owner_en", "due_on", "done"])
    todo["due_on"] = pd.to_datetime(todo["due_on"]).dt.date
    return people, todo


def _cell(v: object) -> str | None:
    """A text cell of the editors as stored: None when blank (a new row's cells are None)."""
    return (str(v).strip() or None) if v is not None and not pd.isna(v) else None


def _review(p: Proposal, lang: str) -> Meeting | None:
    """The editable proposal; returns the confirmed meeting when the user presses Save."""
    m = p.meeting
    for note in p.notes:
        st.warning(render(note, lang))
    codes = [x.iso2 for x in ref_partners.countries()]  # no NNN or EU: a meeting is with a country
    with st.form("mform_review"):
        c1, c2 = st.columns([1, 3])
        held_on = c1.date_input(t("mform.date", lang), value=m.held_on, format="DD.MM.YYYY", key="mform_date")
        title = c2.text_input(t("mform.title", lang), value=m.title, key="mform_title")
        title_en = st.text_input(t("mform.title_en", lang), value=m.title_en or "", key="mform_title_en")
        c3, c4 = st.columns([1, 1])
        place = c3.text_input(t("mform.place", lang), value=m.place or "", key="mform_place")
        place_en = c3.text_input(t("mform.place_en", lang), value=m.place_en or "", key="mform_place_en")
        partners = c4.multiselect(t("mform.partners", lang), codes, default=[c for c in m.partners if c in codes],
                                  format_func=lambda c: ref_partners.name(c, lang), key="mform_partners")
        summary = st.text_area(t("mform.summary", lang), value=m.summary_md, height=180, key="mform_summary",
                               help=t("mform.summary_help", lang))
        summary_en = st.text_area(t("mform.summary_en", lang), value=m.summary_en or "", height=100,
                                  key="mform_summary_en", help=t("mform.summary_help", lang))
        topics = st.text_input(t("mform.topics", lang), value=", ".join(m.topics), key="mform_topics")
        topics_en = st.text_input(t("mform.topics_en", lang), value=", ".join(x or "" for x in m.topics_en),
                                  key="mform_topics_en", help=t("mform.topics_en_help", lang))
        people, todo = _editor_frames(m)
        st.markdown(f"**{t('meetings.participants', lang)}**")
        people = st.data_editor(people, num_rows="dynamic", width="stretch", key="mform_people", column_config={
            c: st.column_config.TextColumn(t(f"mform.col_{c}", lang))
            for c in ("name", "role", "side", "name_en", "role_en")})
        st.markdown(f"**{t('meetings.followups', lang)}**")
        todo = st.data_editor(todo, num_rows="dynamic", width="stretch", key="mform_todo", column_config={
            "text": st.column_config.TextColumn(t("meetings.text", lang)),
            "owner": st.column_config.TextColumn(t("meetings.owner", lang)),
            "text_en": st.column_config.TextColumn(t("mform.col_text_en", lang)),
            "owner_en": st.column_config.TextColumn(t("mform.col_owner_en", lang)),
            "due_on": st.column_config.DateColumn(t("meetings.due", lang), format="DD.MM.YYYY"),
            "done": st.column_config.CheckboxColumn(t("meetings.status.done", lang)),
        })
        source = st.text_input(t("meetings.source", lang), value=m.source or "", key="mform_source")
        if not st.form_submit_button(t("mform.save", lang), type="primary"):
            return None
    if not held_on or not title.strip() or not partners:
        st.error(t("mform.incomplete", lang))
        return None
    return Meeting(
        held_on=held_on, title=title.strip(), title_en=title_en.strip() or None, place=place.strip() or None,
        place_en=place_en.strip() or None, summary_en=summary_en.strip() or None, partners=partners,
        participants=[Participant(str(r["name"]).strip(), _cell(r["role"]), _cell(r["side"]),
                                  name_en=_cell(r["name_en"]), role_en=_cell(r["role_en"]))
                      for r in people.to_dict("records") if _cell(r["name"])],
        topics=[x.strip() for x in topics.split(",") if x.strip()],
        topics_en=[x.strip() or None for x in topics_en.split(",")] if topics_en.strip() else [],
        summary_md=summary,
        source=source.strip() or None, full_text=m.full_text,
        followups=[FollowUp(r["text"], r["owner"] or None, r["due_on"] if pd.notna(r["due_on"]) else None,
                            bool(r["done"]), text_en=str(r["text_en"] or "").strip() or None,
                            owner_en=str(r["owner_en"] or "").strip() or None)
                   for r in todo.to_dict("records") if str(r["text"] or "").strip()])


def add_meeting(lang: str) -> None:
    """The whole flow, behind the login."""
    if config.read_only() or not auth.require_login(lang):
        return
    got = _read_input(lang)
    if got is not None:
        text, name, year, held_on = got
        if not str(text).strip():
            st.error(t("mform.empty", lang))
        else:
            st.session_state["mform_proposal"] = from_document(text, year=year, source=name, held_on=held_on)
    proposal: Proposal | None = st.session_state.get("mform_proposal")
    if proposal is None:
        return
    store = cached.store()
    checked = check_claims(store, proposal.claims, proposal.meeting.held_on)
    if checked:
        st.markdown(f"**{t('meetings.claims', lang)}**")
        st.dataframe(pd.DataFrame([{"«…»": c.claim.quote, t("mform.verdict", lang): check_text.verdict(c, lang),
                                    t("mform.note", lang): check_text.notes(c, lang)} for c in checked]),
                     hide_index=True, width="stretch", key="mform_claims")
    meeting = _review(proposal, lang)
    if meeting is None:
        return
    try:
        mid = save_meeting(config.db_path(), meeting, loaded_by=auth.user_name())
    except (MeetingError, StoreBusy, StoreError) as e:
        st.error(t("mform.save_failed", lang, reason=error_text(e, lang)))
        return
    st.session_state.pop("mform_proposal", None)
    st.success(t("mform.saved", lang, id=mid))


def mark_done(todo: list, lang: str) -> None:
    """Close a follow-up (behind the login); it publishes a new data version."""
    from dashboard.meetings.store_io import set_followup_done
    with st.expander(t("mpage.mark_done", lang)):
        if not auth.is_logged_in():  # the login form is on the "add a meeting" tab
            st.caption(t("mpage.login_first", lang))
            return
        ids = {f.followup_id: f.text for f, *_ in todo}
        fid = st.selectbox(t("mpage.which", lang), list(ids), format_func=lambda i: ids[i], key="mdone_which")
        if st.button(t("mpage.done_button", lang), key="mdone_go") and fid is not None:
            try:
                set_followup_done(config.db_path(), int(fid), loaded_by=auth.user_name())
            except (MeetingError, StoreBusy, StoreError) as e:
                st.error(t("mform.save_failed", lang, reason=error_text(e, lang)))
                return
            st.success(t("mpage.done_ok", lang))
            st.rerun()
