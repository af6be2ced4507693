"""The benchmark's data generator: same N, same bytes; files the real importer accepts; unique keys."""
from __future__ import annotations

from benchmarks import generate
from dashboard.ingest.fts import KEY
from dashboard.ingest.pipeline import parse_file


def test_same_rows_give_the_same_bytes(tmp_path):
    a = generate.generate(1500, tmp_path / "a")
    b = generate.generate(1500, tmp_path / "b")
    assert [p.name for p in a] == [p.name for p in b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b, strict=True))


def test_files_hold_the_rows_asked_for_and_pass_the_importer(tmp_path):
    paths = generate.generate(1500, tmp_path)
    assert all(p.read_text(encoding="utf-8").startswith(generate.HEADER) for p in paths)
    parsed = [parse_file(p.name, p.read_bytes()) for p in paths]
    assert sum(p.rows for p in parsed) == 1500
    trade = parsed[0].data.trade
    assert not trade.duplicated(KEY).any()
    assert trade["hs10"].str.fullmatch(r"\d{10}").all()


def test_big_years_are_split_into_month_blocks():
    blocks = generate.plan(30_000_000)
    assert all(sum(n) <= generate.MAX_FILE_ROWS for *_, n in blocks)
    assert sum(sum(n) for *_, n in blocks) == 30_000_000


def test_unique_codes_give_every_row_a_code_of_its_own(tmp_path):
    paths = generate.generate(1500, tmp_path / "u", unique_codes=True)
    again = generate.generate(1500, tmp_path / "v", unique_codes=True)
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(paths, again, strict=True))
    parsed = [parse_file(p.name, p.read_bytes()) for p in paths]
    codes = [c for p in parsed for c in p.data.trade["hs10"]]
    assert len(codes) == len(set(codes)) == 1500
