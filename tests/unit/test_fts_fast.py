"""The FTS reader's fast path returns exactly what the row-by-row checks return, and steps aside for a bad file."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.demo.generate import fts_file
from dashboard.ingest import fts, fts_fast
from dashboard.ingest.rawfile import read_unpacked
from dashboard.ingest.report import Report

TODAY = dt.date(2025, 6, 30)
HEAD = "napr\tperiod\tnastranapr\ttnved\tedizm\tStoim\tNetto\tKol\tRegion\tRegion_s\n"
ROW = "ЭК\t01/2023\t{p}\t{code}\t\t{v}\t{n}\t\t18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ\tЮжный федеральный округ\n"
OTHER = "ИМ\t2/2023\tCN\t8479899708\tШТ\t500\t20\t3\t12000 - АСТРАХАНСКАЯ ОБЛАСТЬ\tЮжный федеральный округ\n"


def _careful(data: bytes):
    report = Report("t.csv")
    raw = read_unpacked("t.csv", data, report, quoted=True)  # the pipeline's careful path
    return fts.parse(raw, report, TODAY), report


@pytest.mark.parametrize("data", [
    fts_file(2022),
    (HEAD + ROW.format(p=" kz", code="2710194200", v="1234,5", n="") + OTHER
     + ROW.format(p="TR", code=" 1001990000 ", v="7", n="12,25")).encode(),
    (HEAD + ROW.format(p="KZ", code="2710194200", v="1234.5", n="0.5") + OTHER).encode(),  # decimal dots
    (HEAD + ROW.format(p="KZ", code="2710194200", v="1e5", n="") + OTHER).encode(),        # exponent
    b"\xef\xbb\xbf" + (HEAD + OTHER).encode(),                                              # BOM
    (HEAD + ROW.format(p="KZ", code="2710194200", v="1", n="") + OTHER).replace("\n", "\r\n").encode(),
    b"napr\tperiod\tnastranapr\ttnved\tStoim\tRegion\textra\nIMP\t03.2024\tby\t0101210000\t10\t18000\tx\n",
], ids=["demo-year", "spaces-case-blanks", "decimal-dots", "exponent", "bom", "crlf", "optional-columns-missing"])
def test_fast_path_equals_the_checks(data):
    fast = fts_fast.read_clean("t.csv", data, TODAY)
    slow, report = _careful(data)
    assert report.ok and fast is not None and slow is not None
    pd.testing.assert_frame_equal(fast.trade, slow.trade, check_exact=True)
    pd.testing.assert_frame_equal(fast.regions, slow.regions, check_exact=True)
    assert fast.ignored_columns == slow.ignored_columns
    assert fast.distinct("partner") == slow.distinct("partner") == sorted(set(slow.trade["partner"]))


@pytest.mark.parametrize("data", [
    HEAD + ROW.format(p="KZ ", code="2710194200", v="5", n=""),      # same key as the first row once normalised
    HEAD + ROW.format(p="XX", code="2710194200", v="5", n=""),       # unknown partner
    HEAD + ROW.format(p="TR", code="271019420", v="5", n=""),        # 9 digits
    HEAD + ROW.format(p="TR", code="2710194200", v="", n=""),        # missing value
    HEAD + ROW.format(p="TR", code="2710194200", v="-5", n=""),      # negative
    HEAD + ROW.format(p="TR", code="2710194200", v="nan", n=""),     # not a number
    HEAD + ROW.format(p="TR", code="2710194200", v="5", n="inf"),    # not finite
    HEAD + ROW.format(p="TR", code="2710194200", v="1e13", n=""),    # implausibly large
    HEAD + ROW.format(p="TR", code="2710194200", v="1 234,5", n=""),  # thousands separator: the checks read it
    HEAD + ROW.format(p="TR", code="2710194200", v="5", n="").replace("01/2023", "07/2025"),  # future
    HEAD + ROW.format(p="TR", code="2710194200", v="5", n="").replace("01/2023", "13/2023"),  # month 13
    HEAD + ROW.format(p="TR", code="2710194200", v="5", n="").replace("\t18000 -", "\tВолгоград -"),
    HEAD + ROW.format(p="TR", code="2710194200", v="5", n="").replace("ЭК", "XX"),           # flow
    HEAD + "\n" + ROW.format(p="TR", code="2710194200", v="5", n=""),                         # blank line
    HEAD + ROW.format(p="TR", code="2710194200", v="5", n="")[:-1] + "\textra\n",            # too many fields
], ids=["duplicate", "partner", "9-digits", "missing", "negative", "nan", "inf", "large", "thousands",
        "future", "month-13", "region", "flow", "blank-line", "width"])
def test_fast_path_steps_aside_for_anything_the_checks_look_at(data):
    data = data.replace(HEAD, HEAD + ROW.format(p="KZ", code="2710194200", v="1", n=""), 1)
    assert fts_fast.read_clean("t.csv", data.encode(), TODAY) is None


def test_fast_path_steps_aside_for_cp1251():
    data = (HEAD + OTHER).encode("cp1251")
    assert fts_fast.read_clean("t.csv", data, TODAY) is None
    slow, report = _careful(data)
    assert report.ok and slow.trade["region"].tolist() == ["12000"]


@pytest.mark.parametrize("column", [0, 8, 9])  # the flow, the region, the district (a column only kept as text)
def test_fast_path_steps_aside_for_one_broken_utf8_value_deep_in_the_file(column):
    """pyarrow does not check UTF-8 row by row here: the distinct values of each text column are checked."""
    rows = [ROW.format(p="KZ", code=f"27101942{i:02d}", v="1", n="").encode() for i in range(50)]
    fields = rows[37].rstrip(b"\n").split(b"\t")
    fields[column] = fields[column][:-1]  # the last letter of each of these is Cyrillic: two bytes, cut in half
    data = HEAD.encode() + b"".join(rows[:37]) + b"\t".join(fields) + b"\n" + b"".join(rows[38:])
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert fts_fast.read_clean("t.csv", data, TODAY) is None


def test_a_decimal_comma_file_is_read_in_one_thread(monkeypatch):
    """pyarrow's parallel read of decimals with a decimal comma shares one buffer between threads: a value now
    and then came out as another row's digits, or the process aborted. Such a file is read in one thread."""
    seen = []
    real = fts_fast.read_csv_whole

    def spy(*args, threads=True, **kw):
        seen.append(threads)
        return real(*args, threads=threads, **kw)

    monkeypatch.setattr(fts_fast, "read_csv_whole", spy)
    data = (HEAD + ROW.format(p="KZ", code="2710194200", v="1234,5", n="0,5") + OTHER).encode()
    assert fts_fast.read_clean("t.csv", data, TODAY) is not None
    assert seen == [False]


@pytest.mark.parametrize("code", ["２７１０１９４２００", "27101942\x0100", "27101942 0"])
def test_fast_path_steps_aside_for_a_code_not_of_ten_ascii_digits(code):
    data = (HEAD + ROW.format(p="KZ", code="2710194200", v="1", n="") + OTHER
            + ROW.format(p="TR", code=code, v="1", n="")).encode()
    assert fts_fast.read_clean("t.csv", data, TODAY) is None
