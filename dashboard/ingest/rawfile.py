"""From a file on disk (or uploaded bytes) to a table of strings with known line numbers.

Handles: DBF, UTF-8 with or without BOM, UTF-16 with BOM, CP1251 (older exports), and the separator (tab, ';'
or ',') sniffed from the header line. ZIP archives (the FTS ships DATTSVT.csv in one) are opened by archive.py
first: the pipeline reads them member by member.
"""
from __future__ import annotations

import csv
import hashlib
import io
import mmap
import os
import re
from collections.abc import Collection, Mapping
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from dashboard.ingest import dbf
from dashboard.ingest.columns import printable
from dashboard.ingest.rawtable import RawTable
from dashboard.ingest.report import Report

# Spreadsheets are refused rather than read (ingest.reason.spreadsheet): formulas, merged cells and typed cells
# would each need rules of their own, and the FTS never ships them.


# A file's bytes: read into memory (an upload), or mapped from the page cache (a file on disk, imported
# without a copy of its 150 MB); both slice, find and hash alike.
Data = bytes | mmap.mmap


BLOCK = 16 << 20  # pyarrow's unit of parallel parsing: two blocks in flight keep both cores busy


def mapped(path: Path) -> Data:
    """The file's bytes mapped read-only (MAP_POPULATE: the pages are mapped in one go, not one fault each).
    A file truncated by another program while it is imported ends the import process (SIGBUS); the store
    is safe either way, as nothing is published before the import ends."""
    with open(path, "rb") as f:
        if os.fstat(f.fileno()).st_size == 0:
            return b""
        return mmap.mmap(f.fileno(), 0, flags=mmap.MAP_SHARED | getattr(mmap, "MAP_POPULATE", 0),
                         prot=mmap.PROT_READ)


def sha256(data: Data) -> str:
    return hashlib.sha256(data).hexdigest()


def open_quote_lines(text: str) -> list[int]:
    """File lines (1 = header) with an odd number of '"': a quoted field left open, which a CSV reader would
    run on into the next lines, merging rows. No format here has a field spanning lines."""
    if '"' not in text:
        return []
    return [i for i, line in enumerate(text.split("\n"), start=1) if line.count('"') % 2]


# The single-byte code pages a file that is not UTF-8 may be in: any byte string decodes as either, so the choice
# is made by what the decoded text must look like (README, "Encodings"):
# - CP1251 (older FTS unloads) fits when every non-ASCII character is a Cyrillic letter or CP1251 punctuation, and
#   no word holds as many Latin letters as Cyrillic ones or more (Latin-1's 'Curaçao' read as CP1251 is 'Curaзao';
#   a Russian word with a stray Latin letter, 'ВОЛГОГРAДСКАЯ', is still Russian);
# - Latin-1 (Comtrade downloads with accented names) fits when it has no C1 control character and no run of three
#   non-ASCII letters (a CP1251 Russian word read as Latin-1 is such a run: 'Ðîññèÿ'; Western names have at
#   most two in a row, as in 'ção').
# Both fit: CP1251 (the FTS's code page). Neither: refused with a sentence naming the first text that fits neither.
CYRILLIC = "\u0400-\u045f\u0490\u0491"
_CP1251_ODD = re.compile(f"[^\\x00-\\x7f{CYRILLIC}\u00a0\u00a4\u00a6\u00a7\u00a9\u00ab-\u00ae\u00b0\u00b1"
                         f"\u00b5-\u00b7\u00bb\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039"
                         f"\u203a\u20ac\u2116\u2122]")
# a Latin letter beside a Cyrillic one: rare in either code page, so each such word is looked at on its own
_MIXED = re.compile(f"[A-Za-z][{CYRILLIC}]|[{CYRILLIC}][A-Za-z]")
_LETTERS = re.compile(f"[A-Za-z{CYRILLIC}]+")
_LATIN1_LETTER = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
_LATIN1_ODD = re.compile(f"[\u0080-\u009f]|[{_LATIN1_LETTER}]{{3}}")


def _latin_word(text: str) -> int:
    """Where the first word mixing the two alphabets holds as many Latin letters as Cyrillic ones or more; -1."""
    for pair in _MIXED.finditer(text):
        start = pair.start()
        while start > 0 and _LETTERS.fullmatch(text[start - 1]):
            start -= 1
        word = _LETTERS.match(text, start)
        assert word is not None
        latin = sum(c.isascii() for c in word.group())
        if 2 * latin >= len(word.group()):
            return start
    return -1


def single_byte(data: bytes) -> tuple[str | None, str, int]:
    """(text, encoding, 0) by the rule above, or (None, the text that fits neither, its file line)."""
    try:
        cp1251: str | None = data.decode("cp1251")
    except UnicodeDecodeError as e:
        cp1251, at, odd = None, e.start, repr(data[e.start:e.start + 4])
    if cp1251 is not None:
        found = _CP1251_ODD.search(cp1251)
        at = found.start() if found else _latin_word(cp1251)
        if at < 0:
            return cp1251, "cp1251", 0
        odd = cp1251[max(at - 10, 0):at + 12]  # one byte a character: `at` is the byte's position too
    latin1 = data.decode("latin-1")
    if _LATIN1_ODD.search(latin1) is None:
        return latin1, "latin-1", 0
    return None, odd, data[:at].count(b"\n") + 1


def decode(data: bytes, report: Report) -> tuple[str, str] | None:
    """(text, encoding): UTF-8 when the bytes decode strictly as UTF-8 (a single-byte file almost never does),
    else CP1251 or Latin-1 by single_byte's rule."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            report.add(0, "", "", "ingest.reason.bad_utf16", byte=e.start)
            return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text, found, line = single_byte(data)
    if text is None:
        report.add(line, "", printable(found), "ingest.reason.bad_encoding")
        return None
    return text, found



def sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in ("\t", ";", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else "\t"


def split_line(line: str, delim: str, quoted: bool) -> list[str]:
    """The fields of one line: with quoting (a quoted field may hold the separator: "Other Asia, nes"), or without.
    Header names are stripped of spaces and quotes."""
    if quoted and '"' in line:
        return [f.strip() for f in next(csv.reader([line], delimiter=delim, quotechar='"'), [""])]
    return [f.strip().strip('"') for f in line.split(delim)]


def norm_header(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().strip('"').strip().lower().replace("ё", "е"))


def map_headers(raw: RawTable, report: Report, headers: Mapping[str, Collection[str]],
                optional: frozenset[str] = frozenset()) -> dict[str, int]:
    """Each canonical column's index in the file's header, from its accepted spellings; a column named twice and
    a required column missing are reported on line 1."""
    found: dict[str, int] = {}
    for i, h in enumerate(raw.header):
        for canon, spellings in headers.items():
            if norm_header(h) in spellings:
                if canon in found:
                    report.add(1, h, h, "ingest.reason.header_twice", other=found[canon] + 1)
                found[canon] = i
    for need in headers:
        if need not in found and need not in optional:
            report.add(1, need, "", "ingest.reason.missing_column", column=need)
    return found


def read_table(name: str, text: str, encoding: str, report: Report, quoted: bool = False) -> RawTable | None:
    """Split the text into a header and string columns; rows of the wrong width are reported by line."""
    if "\r" in text:  # a scan is far cheaper than two copies of a large file that has no CR at all
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.rstrip("\n")
    if not text.strip():
        report.add(0, "", "", "ingest.reason.empty")
        return None
    if quoted:
        open_lines = open_quote_lines(text)
        for line in open_lines[:1000]:
            report.add(line, "", text.split("\n", line)[line - 1][:60], "ingest.reason.open_quote")
        if open_lines:
            return None
    first, _, body = text.partition("\n")
    delim = sniff_delimiter(first)
    header = split_line(first, delim, quoted)
    if not body.strip():
        report.add(1, "", "", "ingest.reason.header_only")
        return None
    width = len(header)
    # Comtrade+ ends every row with a separator: one empty field more than the header. Read as such when the
    # first row has it; the extra column must then be empty on every row, and is dropped.
    first_row = split_line(body.lstrip("\n").partition("\n")[0], delim, quoted)
    trailing = len(first_row) == width + 1 and first_row[-1] == ""
    fields = width + trailing
    bad_rows = 0

    def on_invalid(row: pacsv.InvalidRow) -> str:
        nonlocal bad_rows
        bad_rows += 1
        return "skip"

    parse = pacsv.ParseOptions(delimiter=delim, quote_char='"' if quoted else False,
                               ignore_empty_lines=True, invalid_row_handler=on_invalid)
    names = [f"c{i}" for i in range(fields)]
    conv = pacsv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=False,
                                quoted_strings_can_be_null=False)
    try:
        table = pacsv.read_csv(io.BytesIO(body.encode("utf-8")),
                               read_options=pacsv.ReadOptions(column_names=names, block_size=BLOCK),
                               parse_options=parse, convert_options=conv)
    except pa.ArrowInvalid as e:
        report.add(0, "", "", "ingest.reason.unsplittable", detail=str(e))
        return None
    lines = None
    if bad_rows or "\n\n" in body:
        # Slow path, only for odd files: find each bad line and the file line of every good row.
        good_lines = []
        for i, raw in enumerate(body.split("\n"), start=2):
            if not raw.strip():
                continue
            n = len(split_line(raw, delim, quoted))
            if n != fields:
                report.add(i, "", raw[:60], "ingest.reason.field_count", n=n, width=fields, separator=repr(delim))
            else:
                good_lines.append(i)
        lines = np.asarray(good_lines, dtype=np.int64)
        if len(lines) != table.num_rows and report.ok:
            # quoting made pyarrow's rows differ from the lines (a quoted separator): no row may go unaccounted
            report.add(0, "", "", "ingest.reason.unsplittable", detail=f"{table.num_rows} != {len(lines)}")
            return None
    if trailing:
        extra = table.column(width).to_numpy(zero_copy_only=False) != ""
        rows = np.flatnonzero(extra)
        at = lines[rows] if lines is not None else rows + 2
        for line in at[:1000]:
            report.add(int(line), "", "", "ingest.reason.field_count", n=fields, width=width, separator=repr(delim))
        if len(rows):
            return None
        table = table.select(list(range(width)))
    return RawTable(name, header, table, lines, encoding, delim)


def read_unpacked(inner_name: str, inner: bytes, report: Report, quoted: bool = False) -> RawTable | None:
    """A file already taken out of its ZIP: DBF, plain UTF-8 (fast), or any other text the careful way."""
    if dbf.looks_like_dbf(inner_name):
        return dbf.read_dbf(inner_name, inner, report)
    fast = _read_plain_utf8(inner_name, inner, quoted)
    if fast is not None:
        return fast
    decoded = decode(inner, report)
    if decoded is None:
        return None
    text, encoding = decoded
    return read_table(inner_name, text, encoding, report, quoted=quoted)


def _read_plain_utf8(name: str, data: bytes, quoted: bool) -> RawTable | None:
    """The common case, without decoding the file into a Python string and encoding it back (two copies of
    a file that may be 1.5 GB): UTF-8 with LF line ends, no blank line, every row of the header's width.
    Anything else returns None, and read_table takes the file the careful way with its line numbers."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nl = data.find(b"\n")
    blank = data.find(b"\n\n")
    if quoted and b'"' in data:
        return None  # quotes: read_table checks that none is left open
    if nl < 0 or b"\r" in data or (blank >= 0 and data[blank:].strip(b"\n")):  # a blank line inside
        return None
    try:
        first = data[:nl].decode("utf-8")
    except UnicodeDecodeError:
        return None
    body = memoryview(data)[nl + 1:]
    if not data[nl + 1:nl + 2]:
        return None  # header only: read_table says so
    delim = sniff_delimiter(first)
    header = [h.strip().strip('"') for h in first.split(delim)]
    names = [f"c{i}" for i in range(len(header))]
    # not UTF-8 after all (CP1251), or unsplittable: None, and the careful way reports it
    table = read_csv_whole(io.BytesIO(body), names,
                           {"delimiter": delim, "quote_char": '"' if quoted else False, "ignore_empty_lines": True},
                           pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                strings_can_be_null=False, quoted_strings_can_be_null=False,
                                                check_utf8=True))
    return None if table is None else RawTable(name, header, table, None, "utf-8", delim)


def read_csv_whole(source, names: list[str], parse: dict, convert: pacsv.ConvertOptions,
                   memory_pool: pa.MemoryPool | None = None, threads: bool = True) -> pa.Table | None:
    """pyarrow's read_csv of `source` into the columns `names`; None if any row has the wrong width or pyarrow
    cannot read it (not UTF-8, a number it cannot parse...), so that the caller takes its careful path.
    threads=False: the blocks one after the other, in the calling thread."""
    bad = False

    def on_invalid(row: pacsv.InvalidRow) -> str:
        nonlocal bad
        bad = True
        return "skip"

    try:
        table = pacsv.read_csv(source, read_options=pacsv.ReadOptions(column_names=names, block_size=BLOCK,
                                                                    use_threads=threads),
                               parse_options=pacsv.ParseOptions(**parse, invalid_row_handler=on_invalid),
                               convert_options=convert, memory_pool=memory_pool)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return None if bad else table
