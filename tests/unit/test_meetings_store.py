"""Meetings in the store: saved through a new published version, read back, idempotent, follow-ups closed;
and the CLI."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.meetings.model import FollowUp, Meeting, Participant
from dashboard.meetings.store_io import (
    MeetingError,
    list_meetings,
    load_meeting_files,
    open_followups,
    save_meeting,
    set_followup_done,
)
from dashboard.store import versions
from dashboard.store.db import Store

DEFAULT = Path(__file__).resolve().parents[2] / "data" / "meetings" / "2023-02-03-kazakhstan.md"


def test_the_default_meeting_is_in_the_demo_store(demo_store: Store) -> None:
    (m,) = list_meetings(demo_store, "KZ")
    assert m.held_on == dt.date(2023, 2, 3) and m.partners == ["KZ"]
    assert [p.name for p in m.participants] == ["Андрей Бочаров", "Ермек Кошербаев"]
    assert len(m.followups) == 4 and all(f.followup_id for f in m.followups)
    assert list_meetings(demo_store, "TR") == []
    src = demo_store.rows("sources_list")
    assert any("2023-02-03-kazakhstan.md" in str(r) for r in src)


def test_loading_the_same_file_twice_changes_nothing(fresh_db: Path) -> None:
    before = versions.current(fresh_db)
    (saved,) = load_meeting_files(fresh_db, [DEFAULT])
    assert not saved.loaded and versions.current(fresh_db) == before


def test_save_read_and_close_a_followup(fresh_db: Path) -> None:
    m = Meeting(dt.date(2024, 5, 1), "Встреча с Турцией <script>", "Волгоград", ["TR"],
                [Participant("Иван Петров", "консул", "partner")], ["торговля"], "Итоги **встречи**",
                followups=[FollowUp("Прислать список компаний", "комитет", dt.date(2024, 6, 1))])
    before = versions.current_number(fresh_db)
    mid = save_meeting(fresh_db, m)
    assert versions.current_number(fresh_db) == before + 1
    store = Store(fresh_db)
    (got,) = list_meetings(store, "TR")
    assert got.meeting_id == mid and got.title == m.title and got.participants == m.participants
    (fu,) = got.followups
    assert fu.status_on(dt.date(2024, 7, 1)) == "overdue"
    assert [f.text for f, *_ in open_followups(store, "TR")] == ["Прислать список компаний"]
    set_followup_done(fresh_db, fu.followup_id)
    (got,) = list_meetings(store, "TR")
    assert got.followups[0].done and open_followups(store, "TR") == []
    with pytest.raises(MeetingError):
        set_followup_done(fresh_db, 9999)
    with pytest.raises(MeetingError):
        save_meeting(fresh_db, Meeting(None, "без даты"))
    store.close()


def test_english_title_is_kept_and_an_older_version_without_its_column_still_reads(fresh_db: Path) -> None:
    import duckdb
    save_meeting(fresh_db, Meeting(dt.date(2024, 5, 1), "Встреча с Турцией", "Волгоград", ["TR"],
                                   title_en="Meeting with Turkey"))
    store = Store(fresh_db)
    (got,) = list_meetings(store, "TR")
    assert got.title_en == "Meeting with Turkey" and got.title_in("en") == "Meeting with Turkey"
    store.close()
    # a version published before the column existed (a rollback may serve one): the meetings still read
    path = versions.current(fresh_db)
    assert path is not None
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE meetings DROP COLUMN title_en")
    con.close()
    store = Store(fresh_db)
    (old,) = list_meetings(store, "TR")
    assert old.title == "Встреча с Турцией" and old.title_en is None and old.title_in("en") == old.title
    assert len(list_meetings(store)) == len(list_meetings(store, "KZ")) + 1
    store.close()


def test_cli_add_check_list_done(fresh_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "kz.txt"
    text.write_text("Сегодня, 3 февраля, глава Волгоградской области Андрей Бочаров встретился с послом "
                    "Республики Казахстан Ермеком Кошербаевым. Казахстан занимает 4-е место среди 114 "
                    "внешнеторговых партнеров. Товарооборот с Казахстаном составил 500 млн долларов. "
                    "В 2018 году экспорт в Казахстан составил 10 млн долларов.", encoding="utf-8")
    db = ["--db", str(fresh_db)]
    assert main([*db, "meeting", "check", str(text), "--json", "--year", "2023"]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert [(c["metric"], c["verdict"]) for c in claims] == [
        ("rank", "confirmed"), ("partners_count", "confirmed"), ("turnover", "mismatch"), ("exports", "no_data")]
    assert claims[2]["data_value"] == pytest.approx(300_000_000, rel=1e-6) and claims[2]["period"] == "2022"
    for key in ("quote", "metric", "partner", "period", "claimed_value", "data_value", "verdict"):
        assert key in claims[0]
    n = versions.current_number(fresh_db)
    assert main([*db, "meeting", "add", str(text), "--json"]) == 0      # no --yes, not a terminal: preview only
    assert json.loads(capsys.readouterr().out)["saved"] is False and versions.current_number(fresh_db) == n
    assert main([*db, "meeting", "add", str(text), "--yes"]) == 2       # the year is missing
    capsys.readouterr()
    assert main([*db, "meeting", "add", str(text), "--yes", "--year", "2023", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["saved"] is True and out["meeting"]["held_on"] == "2023-02-03"
    assert main([*db, "meeting", "list", "--partner", "KZ", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 2
    fid = listed[0]["followups"][0]["followup_id"] if listed[0]["followups"] else listed[1]["followups"][0][
        "followup_id"]
    assert main([*db, "meeting", "done", str(fid)]) == 0
    assert main([*db, "meeting", "done", "9999"]) == 2
