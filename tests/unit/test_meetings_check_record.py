"""A check that stays true: a saved meeting keeps its check record (who, when, which data version, every
verdict), and a later version that changes a verdict is flagged with the old and the new one."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dashboard.ingest.pipeline import import_paths
from dashboard.meetings import checks
from dashboard.meetings.model import Meeting
from dashboard.meetings.store_io import list_meetings, save_meeting
from dashboard.store.db import Store

HEADER = "napr\tperiod\tnastranapr\ttnved\tedizm\tStoim\tNetto\tKol\tRegion\tRegion_s\n"


def _file(path: Path, rows: list[tuple[str, str, str, float]]) -> Path:
    path.write_text(HEADER + "".join(f"{f}\t{p}\t{c}\t1001990000\t\t{v:.0f}\t1000\t\t18000 - ВОЛГОГРАДСКАЯ "
                                     f"ОБЛАСТЬ\tЮФО\n" for f, p, c, v in rows), encoding="utf-8")
    return path


def test_a_verdict_changed_by_a_late_month_is_flagged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "db" / "t.duckdb"
    # 2022 exports: BY 200, KZ 120, TR 50 (M$): Kazakhstan is 2nd by exports
    import_paths(db, [_file(tmp_path / "a.csv", [("ЭК", f"{m:02d}/2022", c, v) for m, c, v in
                                                  ((1, "KZ", 120e6), (2, "BY", 200e6), (3, "TR", 50e6))]
                            + [("ЭК", f"{m:02d}/2022", "BY", 1e6) for m in range(4, 13)])])
    text = "В 2022 году Казахстан занял второе место по объёму экспорта."
    meeting = Meeting(dt.date(2023, 2, 3), "Встреча с послом", partners=["KZ"], summary_md=text, full_text=text)
    save_meeting(db, meeting, loaded_by="ivanova")

    store = Store(db)
    (saved,) = list_meetings(store)
    record = checks.records(store)[saved.meeting_id]
    assert (record.checked_by, record.data_version, record.text_sha256) == ("ivanova", "1", checks.text_hash(saved))
    assert [(v.metric, v.verdict, v.data_value) for v in record.verdicts] == [("export_rank", "confirmed", 2)]
    assert checks.changes(record, saved, checks.verdicts(checks.check(store, saved))) == []
    store.close()

    # a corrected December: Turkey's exports pass Kazakhstan's, and the saved text is no longer true
    import_paths(db, [_file(tmp_path / "b.csv", [("ЭК", "12/2022", "BY", 1e6), ("ЭК", "12/2022", "TR", 100e6)])])
    store = Store(db)
    (saved,) = list_meetings(store)
    record = checks.records(store)[saved.meeting_id]
    assert record.data_version == "1"        # the record stays what it was: checked against version 1
    (change,) = checks.changes(record, saved, checks.verdicts(checks.check(store, saved)))
    assert (change.metric, change.old.verdict, change.new.verdict, change.new.data_value) == \
        ("export_rank", "confirmed", "mismatch", 3)
    store.close()

    # `meeting list` flags it too, with the old and the new verdict
    import argparse
    import json

    from dashboard.meetings import cli
    assert cli.cmd_list(argparse.Namespace(partner=None, json=True, lang="ru"), db) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["check"]["checked_by"] == "ivanova" and listed["check"]["data_version"] == "1"
    assert [(c["metric"], c["old"], c["new"], c["new_value"]) for c in listed["check_changed"]] == \
        [("export_rank", "confirmed", "mismatch", 3)]
    from dashboard.i18n import t
    for lang in ("ru", "en"):  # the verdicts in the CLI's language, each with its value
        assert cli.cmd_list(argparse.Namespace(partner=None, json=False, lang=lang), db) == 0
        was = f"{t('meetings.verdict.confirmed', lang)} (2)"
        assert f"{was} -> {t('meetings.verdict.mismatch', lang, value=3)}" in capsys.readouterr().out


def test_another_text_is_not_compared_with_the_record() -> None:
    m = Meeting(dt.date(2023, 2, 3), "x", partners=["KZ"], full_text="a")
    record = checks.Record(checks.text_hash(m), "1", dt.datetime(2023, 2, 3), "x",
                           (checks.Verdict(1, "q", "rank", "KZ", "2022", "confirmed", 4),))
    now = (checks.Verdict(1, "q", "rank", "KZ", "2022", "mismatch", 5),)
    assert len(checks.changes(record, m, now)) == 1
    m.full_text = "b"
    assert checks.changes(record, m, now) == []
