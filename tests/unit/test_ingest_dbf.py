"""The older FTS exports in DBF (CP866): read like the CSV unload, deleted records skipped, records named."""
from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile

import pytest

from dashboard.ingest.pipeline import parse_file
from dashboard.ingest.report import ImportRejected

FIELDS = [("NAPR", "C", 2), ("PERIOD", "C", 7), ("NASTRANAPR", "C", 2), ("TNVED", "C", 10), ("EDIZM", "C", 6),
          ("STOIM", "N", 15), ("NETTO", "N", 15), ("KOL", "N", 10), ("REGION", "C", 40), ("REGION_S", "C", 30)]
REG = ("18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ", "Южный федеральный округ")


def dbf_bytes(records: list[tuple[bool, list[str]]]) -> bytes:
    """A dBASE III file written here: (deleted?, values) per record, text in CP866."""
    record_len = 1 + sum(w for _, _, w in FIELDS)
    header_len = 32 + 32 * len(FIELDS) + 1
    out = bytearray(struct.pack("<BBBBIHH20x", 0x03, 124, 11, 25, len(records), header_len, record_len))
    for name, kind, width in FIELDS:
        out += struct.pack("<11sc4xBB14x", name.encode("ascii"), kind.encode("ascii"), width, 2 if kind == "N" else 0)
    out += b"\x0d"
    for deleted, values in records:
        out += b"*" if deleted else b" "
        for (_, kind, width), v in zip(FIELDS, values, strict=True):
            cell = v.encode("cp866")
            out += cell.rjust(width) if kind == "N" else cell.ljust(width)
    return bytes(out + b"\x1a")


def row(flow: str, period: str, partner: str, value: str) -> list[str]:
    return [flow, period, partner, "7304291000", "", value, "100.5", "", *REG]


def test_dbf_cp866_is_read_like_the_csv_unload() -> None:
    data = dbf_bytes([(False, row("ЭК", "01/2022", "KZ", "1234.50")), (True, row("ЭК", "02/2022", "KZ", "9")),
                      (False, row("ИМ", "03/2022", "CN", "10.00"))])
    p = parse_file("DATTSVT.DBF", data, today=dt.date(2025, 1, 1))
    assert p.format == "fts" and p.rows == 2  # the deleted record is not data
    t = p.data.trade
    assert t["flow"].tolist() == ["E", "I"] and t["value_cents"].tolist() == [123450, 1000]
    assert t["region"].tolist() == ["18000", "18000"] and t["month"].tolist() == [1, 3]


def test_dbf_inside_a_zip() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("DATTSVT.DBF", dbf_bytes([(False, row("ЭК", "01/2022", "KZ", "5"))]))
    assert parse_file("old.zip", buf.getvalue(), today=dt.date(2025, 1, 1)).rows == 1


def test_a_bad_dbf_record_is_named_by_its_record_number() -> None:
    data = dbf_bytes([(False, row("ЭК", "01/2022", "KZ", "1")), (True, row("ЭК", "02/2022", "KZ", "1")),
                      (False, row("ЭК", "13/2022", "KZ", "1"))])
    with pytest.raises(ImportRejected) as e:
        parse_file("DATTSVT.DBF", data, today=dt.date(2025, 1, 1))
    assert [(i.line, i.column) for i in e.value.report.issues] == [(3, "PERIOD")]


def test_a_truncated_dbf_is_refused() -> None:
    data = dbf_bytes([(False, row("ЭК", "01/2022", "KZ", "1")), (False, row("ЭК", "02/2022", "KZ", "1"))])
    with pytest.raises(ImportRejected) as e:
        parse_file("DATTSVT.DBF", data[:-60], today=dt.date(2025, 1, 1))
    [issue] = e.value.report.issues
    assert issue.reason == "ingest.reason.dbf_truncated" and dict(issue.params) == {"declared": 2, "present": 1}
