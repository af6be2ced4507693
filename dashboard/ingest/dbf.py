"""Older FTS exports in dBASE (DBF) format, text in CP866: read into the same table of strings as a CSV.

The layout is the classic one: a 32-byte header (record count, header length, record length), 32-byte field
descriptors ended by 0x0D, then fixed-width records, each starting with a deletion flag ('*' = deleted).
In a DBF file the "line" of a report is the record number (1 = the first record).
"""
from __future__ import annotations

import struct

import numpy as np
import pyarrow as pa

from dashboard.ingest.rawtable import RawTable
from dashboard.ingest.report import Report

# dBASE III/IV/FoxPro signatures, with and without memo files
SIGNATURES = {0x02, 0x03, 0x30, 0x31, 0x43, 0x63, 0x83, 0x8B, 0xCB, 0xF5, 0xFB}


def looks_like_dbf(name: str) -> bool:
    """By the name only: a DBF has no magic number that a text file could not also start with."""
    return name.lower().endswith(".dbf")


def read_dbf(name: str, data: bytes, report: Report, encoding: str = "cp866") -> RawTable | None:
    if len(data) < 33 or data[0] not in SIGNATURES:
        report.add(0, "", name, "ingest.reason.dbf_not_dbf")
        return None
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    if header_len > len(data) or header_len < 33 or record_len < 1:  # a header that runs past the file's end
        report.add(0, "", name, "ingest.reason.dbf_header")
        return None
    fields: list[tuple[str, int]] = []
    pos = 32
    while pos + 32 <= header_len and data[pos] != 0x0D:
        raw_name = data[pos:pos + 11].split(b"\x00", 1)[0]
        fields.append((raw_name.decode("ascii", "replace").strip(), data[pos + 16]))
        pos += 32
    if not fields or sum(w for _, w in fields) + 1 != record_len:
        report.add(0, "", name, "ingest.reason.dbf_header")
        return None
    body = data[header_len:header_len + n_records * record_len]
    if len(body) < n_records * record_len:
        report.add(0, "", name, "ingest.reason.dbf_truncated", declared=n_records, present=len(body) // record_len)
        return None
    columns: list[list[str]] = [[] for _ in fields]
    numbers = []
    for i in range(n_records):
        rec = body[i * record_len:(i + 1) * record_len]
        if rec[:1] == b"*":
            continue  # deleted in the source: not part of the data
        numbers.append(i + 1)
        off = 1
        for col, (_, width) in zip(columns, fields, strict=True):
            col.append(rec[off:off + width].decode(encoding, "replace").strip())
            off += width
    if not numbers:
        report.add(0, "", name, "ingest.reason.dbf_empty")
        return None
    table = pa.table({f"c{k}": pa.array(col, pa.string()) for k, col in enumerate(columns)})
    return RawTable(name, [f for f, _ in fields], table, np.asarray(numbers, dtype=np.int64), encoding, "dbf",
                    deleted=n_records - len(numbers))
