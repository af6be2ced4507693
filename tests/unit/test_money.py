"""Money is exact integer cents from the file to the JSON: ties to the cent are ties whatever the order of the
rows, sums never drift, a FTS value finer than a cent is refused at its line, a Comtrade one is rounded once and
counted, and a store of float dollars is converted by the next publication without losing a cent."""
from __future__ import annotations

import json
import random
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from dashboard.__main__ import main
from dashboard.i18n.message import loads, msg
from dashboard.ingest import money
from dashboard.ingest.pipeline import import_paths, parse_file
from dashboard.ingest.report import ImportRejected
from dashboard.store import answers, rollups, segments, versions
from dashboard.store.db import Store
from dashboard.store.period import Period

HEAD = "napr\tperiod\tnastranapr\ttnved\tedizm\tStoim\tNetto\tKol\tRegion\tRegion_s\n"
REG = "18000 - ВОЛГОГРАДСКАЯ ОБЛАСТЬ\tЮжный федеральный округ"
TOTAL = 1_798_042_495  # cents: $17,980,424.95, the turnover the issue saw split into 10th and 11th place


def _parts(total: int, n: int, rng: random.Random) -> list[int]:
    cuts = sorted(rng.sample(range(1, total), n - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def _fts(path: Path, rows: list[tuple[str, int, str, int]]) -> Path:
    """rows: (partner, month, hs10 suffix, cents); written with a decimal comma, as the FTS does."""
    lines = [f"ЭК\t{m:02d}/2022\t{p}\t{7304000000 + code}\t\t{c // 100},{c % 100:02d}\t1\t\t{REG}"
             for p, m, code, c in rows]
    path.write_text(HEAD + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_tie_to_the_cent_is_a_tie_whatever_the_rows_and_their_order(tmp_path: Path, capsys) -> None:
    """Two partners with the same turnover to the cent, built from many rows of different sizes, in different
    orders and in three files (a file brings whole months), share one place, and the CLI's JSON prints the
    amount as written."""
    rng = random.Random(13)
    kz = [("KZ", 1 + i % 12, i, c) for i, c in enumerate(_parts(TOTAL, 400, rng))]
    tr = [("TR", 1 + i % 12, i, c) for i, c in enumerate(_parts(TOTAL, 250, rng))]
    rng.shuffle(kz)
    rng.shuffle(tr)
    # in floating point the two sums differ: exactly what used to split them
    assert sum(c / 100 for *_, c in kz) != sum(c / 100 for *_, c in tr)
    db = tmp_path / "t.duckdb"
    every = kz + tr + [("CN", 1, 999, TOTAL - 1)]
    rng.shuffle(every)
    for first, last in ((1, 4), (5, 8), (9, 12)):
        import_paths(db, [_fts(tmp_path / f"m{first}.csv", [r for r in every if first <= r[1] <= last])])
    store = Store(db)
    pos = answers.positions(answers.ranking(store, "18000", Period(2022)))
    assert (pos["KZ"].rank, pos["TR"].rank, pos["CN"].rank) == (1, 1, 3)
    assert pos["KZ"].turnover == pos["TR"].turnover and pos["KZ"].turnover.cents == TOTAL
    assert pos["KZ"].share == pos["TR"].share

    assert main(["--db", str(db), "partners", "--year", "2022", "--json"]) == 0
    printed = capsys.readouterr().out
    assert '"turnover_usd": 17980424.95,' in printed and '"turnover_usd": 17980424.94,' in printed
    rows = {r["iso2"]: r for r in json.loads(printed)["partners"]}
    assert rows["KZ"]["rank"] == rows["TR"]["rank"] == 1 and rows["CN"]["rank"] == 3


def test_a_million_random_cents_sum_to_their_integer_sum(tmp_path: Path) -> None:
    """The rollup sums (numpy, before the rows are stored) and the metrics (DuckDB) equal Python's integer sum;
    sums this large would round in float64 (past 2^53 cents)."""
    rng = np.random.default_rng(6)
    n = 1_000_000
    cents = rng.integers(0, 10**11, n, dtype=np.int64)  # up to a billion dollars a row
    partner = rng.choice(np.array(["KZ", "TR", "CN"]), n)
    table = pa.table({"region": pa.array(np.full(n, "18000")), "year": pa.array(np.full(n, 2022, np.int16)),
                      "month": pa.array(rng.integers(1, 13, n).astype(np.int8)), "flow": pa.array(np.full(n, "E")),
                      "partner": pa.array(partner), "hs10": pa.array(np.full(n, "7304291000")),
                      "unit": pa.array(np.full(n, "")), "value_cents": pa.array(cents),
                      "netto_kg": pa.array(np.ones(n)), "qty": pa.nulls(n, pa.float64())})
    delta = rollups.deltas(table)
    got = rollups.plain(delta.partner).to_pandas().groupby("partner")["value_cents"].sum()
    want = {p: int(sum(int(c) for c in cents[partner == p])) for p in ("KZ", "TR", "CN")}
    assert {p: int(v) for p, v in got.items()} == want
    floats = {p: float(np.bincount(np.zeros(int((partner == p).sum()), dtype=np.int64),
                                   weights=cents[partner == p].astype(np.float64))[0]) for p in want}
    assert any(int(floats[p]) != want[p] for p in want)  # as float64 weights summed them: off

    con = duckdb.connect(str(tmp_path / "m.duckdb"))  # the metric over the rollup: the same integers
    from dashboard.store import sqlfiles
    sqlfiles.run(con, "schema")
    with sqlfiles.registered(con, _p=rollups.plain(delta.partner)):
        con.execute("INSERT INTO r_partner_month BY NAME SELECT * FROM _p")
    sqlfiles.run(con, "metrics")
    exact = dict(con.execute("SELECT partner, turnover_cents FROM partner_period('18000', 1, 12)").fetchall())
    con.close()
    assert exact == want


def test_an_fts_value_finer_than_a_cent_is_refused_at_its_line() -> None:
    row = "ЭК\t01/2022\tKZ\t7304291000\t\t{v}\t1\t\t" + REG + "\n"
    text = HEAD + row.format(v="1234,56") + row.replace("KZ", "TR").format(v="99,995")
    with pytest.raises(ImportRejected) as e:
        parse_file("t.csv", text.encode())
    issue = e.value.report.issues[0]
    assert (issue.line, issue.column, issue.value) == (3, "Stoim", "99,995")
    assert issue.reason == "ingest.reason.finer_than_cent"
    ok = parse_file("t.csv", text.replace("99,995", "99,990").encode())  # trailing zeros: exact cents
    assert ok.data.trade["value_cents"].tolist() == [123456, 9999]


def test_comtrade_values_finer_than_a_cent_are_rounded_once_and_counted(tmp_path: Path) -> None:
    text = ("typeCode,freqCode,refYear,refMonth,reporterISO,flowCode,partnerISO,cmdCode,netWgt,primaryValue\n"
            "C,A,2021,0,RUS,X,KAZ,TOTAL,,1000.125\n"
            "C,A,2021,0,RUS,M,KAZ,TOTAL,,2000.5\n"
            "C,A,2021,0,RUS,X,CHN,TOTAL,,0.0049\n"
            "C,A,2021,0,RUS,X,W00,TOTAL,,7.777\n")   # the World row is skipped, so not counted as rounded
    path = tmp_path / "ct.csv"
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    out = import_paths(db, [path])
    assert msg("ingest.note.rounded_cents", n=2) in out[0].notes
    con = segments.connect(versions.current(db))
    try:
        values = dict(con.execute("SELECT partner || flow, value_cents FROM comtrade").fetchall())
        note = con.execute("SELECT note FROM sources").fetchone()
    finally:
        con.close()
    assert values == {"KZE": 100013, "KZI": 200050, "CNE": 0}  # half up, on the digits as written
    assert note is not None and msg("ingest.note.rounded_cents", n=2) in (loads(note[0]) or [])


@pytest.mark.parametrize("text,cents,kind", [
    ("1 234,56", 123456, "ok"), ("0,5", 50, "ok"), ("1e5", 10_000_000, "ok"), ("+7", 700, "ok"),
    ("2,675", 268, "finer"), ("-1", None, "negative"), ("1.234.567", None, "not_number"),
    ("١٢", None, "not_number"), ("1_000", None, "not_number"), ("inf", None, "not_finite"),
    ("1e308", None, "implausible"), ("", None, "blank"),
])
def test_amounts_are_read_from_their_digits(text: str, cents: int | None, kind: str) -> None:
    got, kinds = money.parse(pd.Series([text]))
    assert (None if pd.isna(got.iloc[0]) else int(got.iloc[0]), kinds.iloc[0]) == (cents, kind)


def _to_float_dollars(path: Path) -> None:
    """Make a version what releases before exact money wrote: value_usd DOUBLE, schema 1."""
    con = duckdb.connect(str(path))
    for table in ("trade", "comtrade", "r_partner_month", "r_heading_month"):
        con.execute(f"ALTER TABLE {table} ALTER value_cents TYPE DOUBLE USING value_cents / 100")
        con.execute(f"ALTER TABLE {table} RENAME value_cents TO value_usd")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()


def test_a_store_of_float_dollars_is_converted_by_the_next_publication(tmp_path: Path) -> None:
    rng = random.Random(2)
    rows = [(p, 1 + i % 12, i, c) for p in ("KZ", "TR") for i, c in enumerate(_parts(TOTAL, 120, rng))]
    db = tmp_path / "t.duckdb"
    first = _fts(tmp_path / "a.csv", rows)
    import_paths(db, [first])
    before = answers.ranking(Store(db), "18000", Period(2022))[["iso2", "rank", "turnover_cents"]]
    old = versions.current(db)
    assert old is not None
    _to_float_dollars(old)

    out = import_paths(db, [first])  # the same file again: no new rows, yet the conversion is published
    assert not out[0].loaded and versions.current(db) != old
    store = Store(db)
    after = answers.ranking(store, "18000", Period(2022))[["iso2", "rank", "turnover_cents"]]
    pd.testing.assert_frame_equal(before, after)
    assert store.rows("meta_value", key="schema_version") == [("2",)]
    con = segments.connect(versions.current(db))
    try:
        types = dict(con.execute("SELECT table_name, data_type FROM information_schema.columns "
                                 "WHERE column_name IN ('value_cents', 'value_usd')").fetchall())
        rebuilt = con.execute("SELECT sum(value_cents) FROM r_heading_month").fetchone()
    finally:
        con.close()
    money_tables = ("trade", "comtrade", "r_partner_month", "r_heading_month", "r_heading_region",
                    "r_heading_year")
    assert types == {t: "BIGINT" for t in money_tables}
    assert rebuilt == (2 * TOTAL,)
