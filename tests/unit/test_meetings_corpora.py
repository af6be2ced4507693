"""The press-release corpora: every case's claims exactly as expected (tuning), the held-out goal met, timing."""
from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from benchmarks import claims_corpus


def test_the_corpora_are_large_enough() -> None:
    held, tune = (claims_corpus.cases(claims_corpus.FILES[k]) for k in ("heldout", "tuning"))
    assert len(held) >= 30 and len(tune) >= 60
    assert sum(1 for c in tune if not c["claims"]) >= 5     # sentences whose numbers are not claims


def test_tuning_corpus_exactly() -> None:
    res = claims_corpus.score(claims_corpus.FILES["tuning"])
    assert res["wrong"] == []


def test_heldout_goal() -> None:
    res = claims_corpus.score(claims_corpus.FILES["heldout"])
    assert res["recall"] >= 0.95 and res["precision"] >= 0.95, res["wrong"]


# Blind corpora tuned on that have not reached the goal yet: each holds the recall and precision it reached less a
# margin. (corpus, least cases, least claims, first score recall / precision, floor)
# (blind12 and blind13 reach the goal after the third round, blind14 and blind15 after their first: their floor is
# the goal)
PARTLY_TUNED_BLIND = [("blind12_tuned", 62, 138, "0.877 / 0.883", 0.95),
                      ("blind13_tuned", 62, 159, "0.780 / 0.827", 0.95),
                      ("blind14_tuned", 66, 160, "0.806 / 0.782", 0.95),
                      ("blind15_tuned", 70, 142, "0.796 / 0.850", 0.95),
                      # (blind16 and blind17 after their first round: 0.954 / 0.948 and 0.934 / 0.958, less a margin)
                      ("blind16_tuned", 68, 153, "0.882 / 0.871", 0.93),
                      ("blind17_tuned", 75, 196, "0.776 / 0.849", 0.91),
                      # (blind18 and blind19 after their first round: 0.910 / 0.916 and 0.973 / 0.979, less a margin)
                      ("blind18_tuned", 64, 144, "0.715 / 0.774", 0.89),
                      ("blind19_tuned", 66, 147, "0.837 / 0.891", 0.95),
                      # (blind20 and blind21 after their first round: 0.876 / 0.929 and 0.950 / 0.937, less a margin)
                      ("blind20_tuned", 68, 210, "0.614 / 0.729", 0.85),
                      ("blind21_tuned", 67, 220, "0.682 / 0.732", 0.91),
                      # (blind22 to blind25 after their first round: 0.870 / 0.879, 0.841 / 0.855, 0.824 / 0.824 and
                      # 0.804 / 0.854, less a margin)
                      ("blind22_tuned", 67, 276, "0.772 / 0.822", 0.85),
                      ("blind23_tuned", 69, 232, "0.698 / 0.730", 0.82),
                      ("blind24_tuned", 67, 279, "0.713 / 0.734", 0.80),
                      ("blind25_tuned", 67, 189, "0.741 / 0.828", 0.78),
                      # (blind26 and blind27 after half an hour: 0.909 / 0.891 and 0.676 / 0.736, less a margin)
                      ("blind26_tuned", 65, 242, "0.798 / 0.839", 0.87),
                      ("blind27_tuned", 66, 256, "0.586 / 0.630", 0.65),
                      # (blind29 after twenty minutes: 0.773 / 0.895, less a margin)
                      ("blind29_tuned", 66, 198, "0.561 / 0.703", 0.75)]


@pytest.mark.parametrize("name, cases, claims, first, floor", PARTLY_TUNED_BLIND,
                         ids=[c[0] for c in PARTLY_TUNED_BLIND])
def test_a_blind_corpus_partly_tuned_on_holds_its_floor(name: str, cases: int, claims: int, first: str,
                                                        floor: float) -> None:
    res = claims_corpus.score(claims_corpus.FILES[name])
    assert res["cases"] >= cases and res["expected"] >= claims
    assert res["recall"] >= floor and res["precision"] >= floor, res["wrong"]


# The blind corpora once tuned on (each written by someone who saw neither the rules nor the other corpora, scored
# once when it arrived, its misses then made rules with sentences of our own in the tuning corpus): tuning sets now,
# each must hold the 0.95 goal. (corpus, least cases, least claims, first score recall / precision)
TUNED_BLIND = [("blind_tuned", 40, 100, "0.785 / 0.824"), ("blind2_tuned", 50, 120, "0.822 / 0.862"),
               ("blind3_tuned", 55, 100, "0.821 / 0.813"), ("blind4_tuned", 61, 118, "0.763 / 0.769"),
               ("blind5_tuned", 65, 177, "0.667 / 0.690"), ("blind6_tuned", 68, 153, "0.797 / 0.830"),
               ("blind7_tuned", 73, 146, "0.884 / 0.866"), ("blind8_tuned", 63, 145, "0.848 / 0.898"),
               ("blind9_tuned", 65, 145, "0.766 / 0.804"), ("blind10_tuned", 63, 138, "0.812 / 0.882"),
               ("blind11_tuned", 62, 119, "0.891 / 0.883")]


@pytest.mark.parametrize("name, cases, claims, first", TUNED_BLIND, ids=[c[0] for c in TUNED_BLIND])
def test_a_blind_corpus_tuned_on_holds_the_goal(name: str, cases: int, claims: int, first: str) -> None:
    res = claims_corpus.score(claims_corpus.FILES[name])
    assert res["cases"] >= cases and res["expected"] >= claims
    assert res["recall"] >= 0.95 and res["precision"] >= 0.95, res["wrong"]


def test_the_score_counts_misses_and_extras(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[[case]]\nid = "x"\ndate = ""\npartner = "KZ"\n'
                    'text = "Казахстан занимает 4-е место. Стоимость проекта 2 млрд долларов."\n'
                    'claims = [{metric = "rank", partner = "KZ", period = "", qualifier = "exact", value = 5}]\n',
                    encoding="utf-8")
    tomllib.loads(path.read_text(encoding="utf-8"))
    res = claims_corpus.score(path)
    assert (res["recall"], res["precision"], res["found"]) == (0.0, 0.0, 2)


def test_ten_thousand_figures_and_a_text_without_any() -> None:
    """What the timed texts hold (their speed is the benchmark's: benchmarks/claims_corpus.TARGETS)."""
    res = claims_corpus.timing(figures=10_000, prose_mb=9.0)
    assert res["figures"] >= 10_000 and res["prose_claims"] == 0 and res["prose_mb"] >= 8.9
    assert res["one_sentence_claims"] == 10_000     # five figures a repetition, every one found


def test_the_benchmark_reports_the_time_targets() -> None:
    tm = {"figures": 10_000, "extract_s": 1.0, "check_s": 4.5, "extract_check_s": 5.5, "prose_mb": 9.0,
          "prose_claims": 0, "prose_s": 2.0, "met": {"extract_check_s": False, "prose_s": True}}
    text = claims_corpus.table({"blind_tuned": {"cases": 53, "expected": 107, "found": 102, "recall": 0.785,
                                                "precision": 0.824}, "timing": tm})
    assert "| blind_tuned | 53 | 107 | 102 | 0.785 | 0.824 | ≥ 0.95 ❌ missed |" in text
    assert "| extract + check s | 5.50 | < 5 ❌ missed |" in text and "| 2.00 | < 10 ✅ |" in text
    assert "in one sentence" not in text      # a report from before that row existed still renders


def test_meeting_check_date_gives_the_periods_their_year(tmp_path: Path) -> None:
    from dashboard.meetings import cli
    f = tmp_path / "t.txt"
    f.write_text("Встреча с послом Турции\n\nПо итогам прошлого года Турция стала третьим партнёром региона. "
                 "Продукцию в Турцию поставляют 87 предприятий области.\n", encoding="utf-8")
    p = cli._read(str(f), None, dt.date(2023, 3, 1))
    assert p.meeting.held_on == dt.date(2023, 3, 1)
    assert [(c.metric, c.value, c.period.code() if c.period else None, c.period_how) for c in p.claims] == \
        [("rank", 3, "2022", "relative"), ("firms", 87, "2022", "carried")]
