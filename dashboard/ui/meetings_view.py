"""Meetings on screen: one meeting with its checked figures and follow-ups, and the timeline of a partner's
meetings with the partner's figures as of each meeting date. A meeting's Markdown is shown as the sanitised HTML
of meetings/render.meeting_html (st.html, never parsed again by the browser); titles and names go through
escape_markdown; st.markdown never gets unsafe_allow_html."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.export import check_text
from dashboard.i18n import t
from dashboard.i18n.numbers import day, money, percent, rank_phrase
from dashboard.meetings import checks
from dashboard.meetings.check import CheckedClaim, Figures, figures_as_of
from dashboard.meetings.model import FollowUp, Meeting
from dashboard.meetings.render import escape_markdown, meeting_html
from dashboard.meetings.store_io import list_meetings, open_followups
from dashboard.reference import partners as ref_partners
from dashboard.store.db import Store

_BADGE = {"confirmed": "green", "mismatch": "red", "no_data": "gray"}


# Cached per data version (the store's file name), like ui/cached.py; the Store is not hashed.
@st.cache_data(show_spinner=False, max_entries=64)
def _meetings(_store: Store, version: str, iso2: str | None) -> list[Meeting]:
    return list_meetings(_store, iso2)


# A text is checked once per data version: the key is (version, the hash of the text, partner and date), the
# meeting itself is not hashed (a 10,000-figure text would be hashed again at every rerun).
@st.cache_data(show_spinner=False, max_entries=256)
def _checked(_store: Store, version: str, text_sha256: str, _meeting: Meeting) -> list[CheckedClaim]:
    return checks.check(_store, _meeting)


@st.cache_data(show_spinner=False, max_entries=16)
def _records(_store: Store, version: str) -> dict[int, checks.Record]:
    return checks.records(_store)


# Keyed by the year of the date, not the date: figures_as_of gives the last full year before the date, so every
# meeting with a partner in one year has the same figures (the page asked for them once a meeting, a ranking query
# each: ~25 ms at 100M rows).
@st.cache_data(show_spinner=False, max_entries=256)
def _figures(_store: Store, version: str, iso2: str, year: int) -> Figures | None:
    return figures_as_of(_store, iso2, dt.date(year, 1, 1))


@st.cache_data(show_spinner=False, max_entries=64)
def _open(_store: Store, version: str, iso2: str | None) -> list[tuple[FollowUp, int, dt.date, str]]:
    return open_followups(_store, iso2)


@st.cache_data(show_spinner=False, max_entries=256)
def _html(text: str | None) -> str:
    """A meeting text's sanitised HTML, made once per text (Markdown parsing and nh3 at every run before)."""
    return meeting_html(text)


def open_of(store: Store, iso2: str | None) -> list[tuple[FollowUp, int, dt.date, str]]:
    """Follow-ups not done (with one partner, when given), earliest due first; cached per data version."""
    return _open(store, store.version, iso2)


def figures_of(store: Store, meeting: Meeting, iso2: str | None = None) -> Figures | None:
    """The figures of `iso2` (default: the meeting's main partner) as of the meeting date; cached per version."""
    partner = iso2 or (meeting.partners[0] if meeting.partners else None)
    return _figures(store, store.version, partner, meeting.held_on.year) if partner and meeting.held_on else None


def meetings_of(store: Store, iso2: str | None) -> list[Meeting]:
    """Meetings (with one partner, when given), newest first; cached per data version."""
    return _meetings(store, store.version, iso2)


def checked_claims(store: Store, meeting: Meeting) -> list[CheckedClaim]:
    """The meeting's quoted figures, checked against the current data version (cached)."""
    return _checked(store, store.version, checks.text_hash(meeting), meeting)


def check_changes(store: Store, meeting: Meeting, checked: list[CheckedClaim]) -> tuple[checks.Record | None,
                                                                                         list[checks.Change]]:
    """The meeting's check record and the verdicts the served version changed since it."""
    record = _records(store, store.version).get(meeting.meeting_id or -1)
    return record, checks.changes(record, meeting, checks.verdicts(checked))


def _verdict_text(v: checks.Verdict, lang: str) -> str:
    if v.verdict == "mismatch":
        return t("meetings.verdict.mismatch", lang, value=check_text.describe(v.metric, v.data_value, lang))
    return t(f"meetings.verdict.{v.verdict}", lang)


def _changes_block(record: checks.Record, changed: list[checks.Change], lang: str) -> None:
    lines = [t("meetings.check_changed", lang, day=day(record.checked_at.date(), lang),
               version=record.data_version, who=escape_markdown(record.checked_by))]
    lines += [t("meetings.check_change_line", lang, quote=escape_markdown(c.quote),
                old=escape_markdown(_verdict_text(c.old, lang)), new=escape_markdown(_verdict_text(c.new, lang)))
              for c in changed]
    st.warning("\n".join(f"- {x}" if i else x for i, x in enumerate(lines)))


def _badge(color: str, label: str) -> str:
    # label is our own text (a verdict or a status, possibly with a number): escape it anyway
    return f":{color}-badge[{escape_markdown(label)}]"


def _claim_lines(checked: list[CheckedClaim], lang: str) -> None:
    for c in checked:
        period = c.period.code() if c.period else "?"
        if c.period_assumed:
            period = t("meetings.period_assumed", lang, period=period)
        scope = check_text.scope(c, lang)
        scope = f", {scope}" if scope else ""
        line = t("meetings.claim_line", lang, quote=escape_markdown(c.claim.quote), period=escape_markdown(period),
                 scope=escape_markdown(scope))
        metric = t(f"meetings.metric.{c.claim.metric}", lang)
        st.markdown(f"{_badge(_BADGE[c.verdict], check_text.verdict(c, lang))} {escape_markdown(metric)}: {line}")


def _marked(text_and_flag: tuple[str, bool], lang: str) -> str:
    """A stored text for the page's language; a Russian one standing in for a missing English one says so."""
    text, russian = text_and_flag
    return f"{text} {t('present.in_russian', lang)}" if russian else text


def _followups(meeting: Meeting, lang: str, today: dt.date, only_open: bool) -> None:
    items = meeting.open_followups(today) if only_open else meeting.followups
    if not items:
        st.caption(t("meetings.no_followups", lang))
        return
    df = pd.DataFrame([{
        t("meetings.text", lang): _marked(f.text_in(lang), lang),
        t("meetings.owner", lang): _marked(f.owner_in(lang), lang) if f.owner else "—",
        t("meetings.due", lang): day(f.due_on, lang),
        t("meetings.status_col", lang): t(f"meetings.status.{f.status_on(today)}", lang), "#": f.followup_id,
    } for f in items])
    # widths that keep the due date and the status in view on a 1280-px screen (the text can be read in full
    # on hover); without them the first two columns took the whole card
    widths = {"text": 300, "owner": 180, "due": 95, "status_col": 110}
    st.dataframe(df, hide_index=True, width="stretch", column_config={
        **{t(f"meetings.{k}", lang): st.column_config.Column(width=w) for k, w in widths.items()},
        "#": st.column_config.Column(width=40)})


def _figures_block(fig: Figures | None, year: int, lang: str) -> None:
    if fig is None:
        st.caption(t("meetings.figures_none", lang, year=year))
        return
    rank = rank_phrase(fig.rank, fig.of, lang) if fig.rank and fig.of else t("meetings.not_traded", lang, year=year)
    firms = str(fig.firms) if fig.firms is not None else "—"
    turnover = money(fig.turnover.usd if fig.turnover else None, lang)
    st.markdown(escape_markdown(t("meetings.figures_line", lang, rank=rank, turnover=turnover,
                                  growth=percent(fig.growth, lang, signed=True), firms=firms)))
    st.caption(escape_markdown(", ".join(t(k, lang) for k in fig.scope.label_parts)))


def render_meeting(meeting: Meeting, claims_checked: list[CheckedClaim], lang: str,
                   figures: Figures | None = None, today: dt.date | None = None,
                   only_open_followups: bool = False,
                   changes: tuple[checks.Record | None, list[checks.Change]] = (None, [])) -> None:
    """One meeting: heading, place and partners, participants, topics, summary, checked figures, follow-ups
    and (when given) the partner's figures as of the meeting date."""
    on = today or dt.date.today()
    date = day(meeting.held_on, lang)
    st.subheader(f"{date} · {escape_markdown(meeting.title_in(lang))}", anchor=False)
    bits = []
    if meeting.place:
        bits.append(t("meetings.place", lang, place=escape_markdown(_marked(meeting.place_in(lang), lang))))
    if meeting.partners:
        names = ", ".join(ref_partners.name(p, lang) for p in meeting.partners)
        bits.append(t("meetings.partners", lang, names=escape_markdown(names)))
    src = meeting.source or ""
    if src.startswith(("http://", "https://")):
        bits.append(f"[{t('meetings.source', lang)}]({src.replace(')', '%29').replace(' ', '%20')})")
    elif src:
        bits.append(f"{t('meetings.source', lang)}: {escape_markdown(src)}")
    if bits:
        st.caption(" · ".join(bits))
    left, right = st.columns([3, 2])
    with left:
        text, russian = meeting.summary_in(lang)
        summary = _html(text)
        if summary:
            if russian:
                st.caption(t("present.in_russian", lang))
            st.html(summary)
    with right:
        if meeting.participants:
            st.markdown(f"**{t('meetings.participants', lang)}**")
            st.markdown("\n".join(
                f"- {escape_markdown(p.name_in(lang))}"
                + (f" — {escape_markdown(_marked(p.role_in(lang), lang))}" if p.role else "")
                for p in meeting.participants))
        if meeting.topics:
            st.markdown(f"**{t('meetings.topics', lang)}:** "
                        + escape_markdown(", ".join(_marked(x, lang) for x in meeting.topics_in(lang))))
        if figures is not None or meeting.held_on is not None:
            year = (meeting.held_on.year - 1) if meeting.held_on else 0
            st.markdown(f"**{t('meetings.figures_as_of', lang, year=year)}**")
            _figures_block(figures, year, lang)
    st.markdown(f"**{t('meetings.claims', lang)}**")
    record, changed = changes
    if record is not None and changed:
        _changes_block(record, changed, lang)
    if claims_checked:
        _claim_lines(claims_checked, lang)
    else:
        st.caption(t("meetings.no_claims", lang))
    st.markdown(f"**{t('meetings.open_followups' if only_open_followups else 'meetings.followups', lang)}**")
    _followups(meeting, lang, on, only_open_followups)


def render_meetings_for_partner(store: Store, iso2: str, lang: str, today: dt.date | None = None) -> None:
    """The timeline of meetings with one partner, newest first, each next to the figures of its date."""
    version = store.version
    meetings = _meetings(store, version, iso2)
    if not meetings:
        st.info(t("meetings.none", lang))
        return
    for m in meetings:
        with st.container(border=True):
            render_meeting(m, checked_claims(store, m), lang, figures=figures_of(store, m, iso2), today=today)
