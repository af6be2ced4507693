"""Данные: what is loaded, the data version, an import with its validation report shown before anything is
published, rollback and the publication history. Everything here is behind the login; in a read-only deployment
the router does not register this page at all."""
import pandas as pd
import streamlit as st

from dashboard import access, config
from dashboard.i18n import t
from dashboard.i18n.message import Msg, error_text, render, render_all, render_stored
from dashboard.i18n.numbers import moment, period_label
from dashboard.ingest import formats
from dashboard.ingest.pipeline import Parsed, parse_file, publish
from dashboard.ingest.report import ImportRejected
from dashboard.store import answers, history, versions
from dashboard.store.versions import StoreBusy, StoreError
from dashboard.ui import auth, cached, letters_form, state

lang = state.lang()
st.title(t("pages.data", lang))
if config.read_only():
    st.info(t("data.read_only", lang))
    st.stop()
if not auth.require_login(lang):
    st.stop()

store = cached.store()
published = config.db_path()


def _label(version_file: object) -> str:
    """'№ 3 от 25.11.2026 16:05': a version as people name it, never by its file."""
    return cached.version_label_of(str(version_file), lang)


st.subheader(t("data.version", lang, version=cached.version_label(cached.version(), lang)))
if store.warning:
    st.warning(t("auth.store_fallback", lang, serving=_label(store.served)))

# --- import: validate every file first; publish only on request and only if all are clean
st.subheader(t("data.import", lang))
files = st.file_uploader(t("data.upload", lang), type=formats.file_types(),
                         accept_multiple_files=True, key="data_upload", help=t("data.upload_help", lang))
fmt = st.selectbox(t("data.format", lang), formats.CHOICES, key="data_format",
                   format_func=lambda f: t(f"data.formats.{f}", lang))
eaeu = st.radio(t("data.eaeu", lang), ["auto", "yes", "no"], key="data_eaeu", horizontal=True,
                format_func=lambda e: t(f"data.eaeu_{e}", lang))


def _checked(up, fmt: str) -> Parsed | ImportRejected:
    """Each uploaded file is read once per format, not again on every rerun of the page."""
    done = st.session_state.setdefault("data_checked", {})
    key = (up.file_id, fmt)
    if key not in done:
        try:
            done[key] = parse_file(up.name, up.getvalue(), fmt)
        except ImportRejected as e:
            done[key] = e
    return done[key]


good: list[Parsed] = []
bad = 0
for up in files or []:
    with st.container(border=True):
        parsed = _checked(up, fmt)
        if isinstance(parsed, ImportRejected):
            bad += 1
            r = parsed.report
            st.error(t("data.refused", lang, file=up.name, n=r.total))
            # a table, never markdown or HTML: cell text from a file is shown as plain text
            st.dataframe(pd.DataFrame([{t("data.col_line", lang): i.line or "—",
                                        t("data.col_column", lang): i.column or "—",
                                        t("data.col_value", lang): i.value,
                                        t("data.col_reason", lang): render(i.message, lang)}
                                       for i in r.sorted_issues()]),
                         hide_index=True, key=f"data_issues_{up.file_id}")
            continue
        good.append(parsed)
        st.success(t("data.valid", lang, file=up.name, rows=parsed.rows,
                     format=t(f"data.formats.{parsed.format}", lang)))
        if parsed.checked.notes:
            st.caption(render_all(parsed.checked.notes, lang))

if files:
    if bad:
        st.warning(t("data.fix_first", lang, n=bad))
    if st.button(t("data.publish", lang), key="data_publish", type="primary", disabled=bool(bad) or not good):
        try:
            outcomes = publish(published, good, eaeu={"yes": True, "no": False}.get(eaeu),
                               loaded_by=auth.user_name())
        except (StoreBusy, StoreError, OSError) as e:
            st.error(t("data.publish_failed", lang, error=error_text(e, lang)))
        except ImportRejected as e:  # a failure while loading: its reasons, nothing published
            st.error(t("data.publish_failed", lang, error=render_all([i.message for i in e.report.issues], lang)))
        else:
            for o in outcomes:
                st.success(render_all(o.messages, lang))
            st.caption(t("data.now_serving", lang, version=_label(versions.current(published))))

# --- one official figure from a letter, typed in (the same checks and publication as a file)
letters_form.form(lang, published)

# --- what is loaded, newest first: formats by their names, months and moments as the language writes them
st.subheader(t("data.sources", lang))


def _month(ym: object) -> str:
    """'2021-03' (as the log stores a month) -> 'март 2021' / 'March 2021'."""
    try:
        year, month = (int(x) for x in str(ym).split("-"))
        return period_label(year, month, month, lang)
    except ValueError:
        return "" if pd.isna(ym) else str(ym)


src = answers.sources(store, lang)
src["note"] = src["note"].map(lambda note: render_stored(note, lang))
src["format"] = src["format"].map(lambda f: t(f"data.formats.{f}", lang))
for c in ("period_from", "period_to"):
    src[c] = src[c].map(_month)
src["loaded_at"] = src["loaded_at"].map(lambda at: moment(pd.Timestamp(at).to_pydatetime(), lang))
# the legacy shared password is nobody in particular: the log names it in words of the reader's language
src["loaded_by"] = src["loaded_by"].map(lambda who: t("data.shared_password", lang) if who == access.SHARED else who)
cols = ["source_id", "file_name", "format", "rows_loaded", "eaeu_included", "regions", "period_from", "period_to",
        "is_demo", "loaded_by", "loaded_at", "note", "sha256"]
st.dataframe(src[cols].rename(columns={c: t(f"data.src_{c}", lang) for c in cols}), hide_index=True,
             key="data_sources", column_config={t("data.src_sha256", lang): st.column_config.TextColumn(width="small")})

# --- rollback to the version that was current before the last publication (asks for a confirmation first)
st.subheader(t("data.rollback", lang))
target = versions.rollback_target(published)
if target is None:
    st.caption(t("data.no_older", lang))
else:
    sure = st.checkbox(t("data.rollback_confirm", lang, version=_label(target)), key="data_rollback_confirm")
    if st.button(t("data.rollback_button", lang), key="data_rollback", disabled=not sure):
        try:
            target = versions.rollback(published, who=auth.user_name())
        except (StoreBusy, StoreError) as e:
            st.error(t("data.publish_failed", lang, error=error_text(e, lang)))
        else:
            st.success(t("data.now_serving", lang, version=_label(target)))

# --- the publication log in words and dates, newest first (versions by number and date, never by file)
st.subheader(t("data.history.title", lang))
st.caption(t("data.history.caption", lang))
log = history.read(published)
if not log:
    st.caption(t("data.history.empty", lang))
else:
    def _named(n: int | None) -> str:
        v = history.version_msg(log, n)
        return render(v, lang) if isinstance(v, Msg) else "—"
    st.dataframe(pd.DataFrame([{
        t("data.history.col_at", lang): moment(pd.Timestamp(e.at).to_pydatetime(), lang),
        t("data.history.col_what", lang): render(history.describe(e, log), lang),
        t("data.history.col_version", lang): _named(e.version),
        t("data.history.col_by", lang): t("data.shared_password", lang) if e.by == access.SHARED else e.by or "—",
    } for e in reversed(log)]), hide_index=True, key="data_history")
