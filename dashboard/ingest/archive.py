"""The files inside an upload: the upload itself, or every member of its ZIP archive.

Every member is a table that gets loaded, or the whole file is refused naming the member: a multi-month
archive is normal, but a member skipped without a word is data lost. Members that could do harm on the way
(a nested archive, a symbolic link, a name that climbs out of its folder) and members zipfile cannot read
(encrypted, an unknown compression method, a CRC error) are refused with a reason, never a traceback.
"""
from __future__ import annotations

import io
import mmap
import stat
import zipfile
import zlib

from dashboard.ingest.report import Report

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".dbf")
ARCHIVE_SUFFIXES = (".zip", ".7z", ".rar", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".arj")
READABLE_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
MAX_ZIP_RATIO = 200  # a real unload compresses ~10:1; far beyond that is a ZIP bomb
OLE2 = b"\xd0\xcf\x11\xe0"  # the old binary Excel format


def _unsafe_name(name: str) -> bool:
    """Absolute, with a drive letter, or with a '..' step: a name that would land outside an unpack folder."""
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or ".." in parts


def members(name: str, data: bytes | mmap.mmap, limit: int,
            report: Report) -> list[tuple[str, bytes | mmap.mmap]] | None:
    """[(name, bytes)] of every table to read: the data itself, or each member of its ZIP (DATTSVT.csv first);
    None with the reasons in the report when refused."""
    if len(data) > limit:
        report.add(0, "", len(data), "ingest.reason.too_large", limit=limit)
        return None
    if data[:4] == OLE2:
        report.add(0, "", name, "ingest.reason.spreadsheet", kind="XLS")
        return None
    if data[:4] != b"PK\x03\x04":
        return [(name, data)]
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, ValueError, EOFError) as e:
        report.add(0, "", name, "ingest.reason.bad_zip", detail=str(e))
        return None
    if any(i.filename in ("xl/workbook.xml", "xl/workbook.bin") for i in infos):
        report.add(0, "", name, "ingest.reason.spreadsheet", kind="XLSX")
        return None
    if not infos or not any(i.filename.lower().endswith(TABLE_SUFFIXES) for i in infos):
        report.add(0, "", name, "ingest.reason.zip_no_table")
        return None
    infos.sort(key=lambda i: (i.filename.lower().rsplit("/", 1)[-1] != "dattsvt.csv", i.filename))
    out: list[tuple[str, bytes | mmap.mmap]] = []
    total = 0
    for info in infos:
        inner = _member(zf, info, limit - total)
        if isinstance(inner, tuple):  # the member named as the value
            report.add(0, "", info.filename, f"ingest.reason.{inner[0]}", **inner[1])
        else:
            total += len(inner)
            out.append((f"{name}:{info.filename}", inner))
    return out if report.ok else None


def _member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> bytes | tuple[str, dict[str, object]]:
    """One member's bytes, or why it is refused: (reason, parameters)."""
    member = info.filename.lower()
    if _unsafe_name(info.filename):
        return "zip_unsafe_name", {}
    if stat.S_ISLNK(info.external_attr >> 16):
        return "zip_symlink", {}
    if member.endswith(ARCHIVE_SUFFIXES):
        return "zip_nested", {}
    if not member.endswith(TABLE_SUFFIXES):
        return "zip_member_not_table", {}
    if info.flag_bits & 0x1:
        return "zip_encrypted", {}
    if info.compress_type not in READABLE_METHODS:
        return "zip_compression", {"method": info.compress_type}
    if info.file_size > room or info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
        return "zip_bomb", {"size": info.file_size, "limit": room, "ratio": MAX_ZIP_RATIO}
    try:
        with zf.open(info) as f:
            inner = f.read(room + 1)  # never trust the declared size alone
    except RuntimeError:  # zipfile's word for an encrypted member it was given no password for
        return "zip_encrypted", {}
    except NotImplementedError:
        return "zip_compression", {"method": info.compress_type}
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as e:  # a CRC error, a damaged stream
        return "zip_damaged_member", {"detail": str(e)}
    if len(inner) > room:
        return "unpacked_too_large", {"limit": room}
    if inner[:4] in (b"PK\x03\x04", OLE2) or inner[:3] == b"\x1f\x8b\x08":
        return "zip_nested", {}
    return inner
