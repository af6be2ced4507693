"""Claim extraction measured: recall and precision over the press-release corpora, and the time to extract (and,
given a store, check) a text of 10,000 figures and a 9 MB text without any.

    python -m benchmarks.claims_corpus [DB]
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import time
import tomllib
from pathlib import Path

from dashboard.meetings.claims import Claim, extract_claims

CORPORA = Path(__file__).resolve().parent.parent / "tests" / "corpora"
FILES = {"heldout": CORPORA / "press_heldout.toml", "tuning": CORPORA / "press_tuning.toml"}
_FIGURES = ("Товарооборот с Казахстаном в 2023 году вырос на 31 % и составил 1,2 млрд долларов.",
            "Турция заняла 6-е место среди 99 стран, на неё приходится 9,4 % оборота.",
            "Более 200 предприятий области поставляют продукцию в Египет, отгружено 1,2 млн тонн пшеницы.")
_PROSE = "Губернатор отметил, что сотрудничество развивается в самых разных сферах, включая культуру и образование. "


def claim_key(metric: str, partner: str | None, period: str | None, qualifier: str, value: float,
              kind: str | None = None, goods: str | None = None) -> tuple:
    return (metric, partner or "", period or "", qualifier, round(float(value), 6), kind or "", goods or "")


def _got(c: Claim) -> tuple:
    return claim_key(c.metric, c.partner, c.period.code() if c.period else None, c.qualifier, c.value, c.kind,
                     c.goods)


def cases(path: Path) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["case"]


def score(path: Path) -> dict:
    """Recall and precision of the claims found against the expected ones, with every miss and extra."""
    tp = fp = fn = 0
    wrong: list[dict] = []
    for case in cases(path):
        day = dt.date.fromisoformat(case["date"]) if case.get("date") else None
        got = [_got(c) for c in extract_claims(case["text"], case.get("partner") or None, day)]
        expected = [claim_key(e["metric"], e["partner"], e["period"], e["qualifier"], e["value"], e.get("kind"),
                              e.get("goods")) for e in case["claims"]]
        missed = []
        for e in expected:
            if e in got:
                got.remove(e)
                tp += 1
            else:
                missed.append(e)
        fn += len(missed)
        fp += len(got)
        if missed or got:
            wrong.append({"id": case["id"], "missed": missed, "extra": got})
    return {"cases": len(cases(path)), "expected": tp + fn, "found": tp + fp,
            "recall": tp / (tp + fn) if tp + fn else 1.0, "precision": tp / (tp + fp) if tp + fp else 1.0,
            "wrong": wrong}


def timing(figures: int = 10_000, prose_mb: float = 9.0, db: Path | None = None) -> dict:
    lines: list[str] = []
    n = 0
    while n < figures:
        line = _FIGURES[len(lines) % len(_FIGURES)]
        lines.append(line)
        n += len(extract_claims(line, ref_date=dt.date(2024, 3, 1)))
    text = "\n".join(lines)
    t0 = time.perf_counter()
    claims = extract_claims(text, ref_date=dt.date(2024, 3, 1))
    res: dict = {"figures": len(claims), "extract_s": time.perf_counter() - t0}
    if db is not None:
        from dashboard.meetings.check import check_claims
        from dashboard.store.db import Store
        store = Store(db)
        t1 = time.perf_counter()
        check_claims(store, claims, dt.date(2024, 3, 1))
        res["check_s"] = time.perf_counter() - t1
        store.close()
    prose = _PROSE * int(prose_mb * 1e6 / len(_PROSE.encode()))
    t2 = time.perf_counter()
    res["prose_claims"] = len(extract_claims(prose))
    res["prose_mb"] = round(len(prose.encode()) / 1e6, 1)
    res["prose_s"] = time.perf_counter() - t2
    return res


def run(db: Path | None = None) -> dict:
    return {**{name: {k: v for k, v in score(path).items() if k != "wrong"} for name, path in FILES.items()},
            "timing": timing(db=db)}


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]) if len(sys.argv) > 1 else None), indent=1))
