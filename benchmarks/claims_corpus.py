"""Claim extraction measured: recall and precision over the press-release corpora, and the time to extract (and,
given a store, check) a text of 10,000 figures, the same figures run together in one sentence, and a 9 MB text
without any, against the targets.

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
# tuning: the rules were written against it; heldout: written before the rules, never tuned on; blind_tuned:
# written by someone who had seen neither the rules nor the other corpora, never edited, first scored at recall
# 0.785 / precision 0.824 and then tuned on (its misses became rules, each shown by sentences of our own in the
# tuning corpus); blind2_tuned: a second corpus written the same blind way, never edited, first scored after that
# tuning at recall 0.822 / precision 0.862 and then tuned on in the same way; blind3_tuned: a third corpus written
# the same blind way, never edited, first scored after that tuning at recall 0.821 / precision 0.813 and then tuned
# on in the same way (its misses became classes of rules, each shown by sentences of our own in the tuning corpus);
# blind4_tuned: a fourth corpus written the same blind way (61 cases, 118 claims), never edited, first scored after
# that tuning at recall 0.763 / precision 0.769 and then tuned on in the same way (its misses as classes: composite
# numbers, flows named by verbs and turned by their subject, qualifiers, ranks in other words, fractions, scopes of
# Russia and of the partner's own economy, counts, goods), reaching 1.000 / 0.992.
# blind5_tuned: a fifth corpus written the same blind way in six publishers' voices and longer paragraphs (65 cases,
# 177 claims), never edited, first scored after the blind4 tuning at recall 0.667 / precision 0.690 and then tuned on
# in the same way (its misses as classes: each figure's period from its own part of the sentence and "годом ранее",
# partners named by their adjective, flows turned by their direction or goods, ranks by flow and lists of ranks, shares
# without a verb, differences, traps of capacities, plans, events and other economies), reaching 1.000 / 0.989.
# blind6_tuned: a sixth corpus written the same blind way in six publishers' voices (68 cases, 153 claims), never
# edited, first scored after the blind5 tuning at recall 0.797 / precision 0.830 and then tuned on in the same way (its
# misses as classes: elliptic sums and shares after a dash, flows and partners named after a sum's dash, brackets
# after "долл.", subjects before participle and 'который' clauses, comparisons of other things, the first place
# yielded, ordered top groups, the year before's place, tonnes in brackets, composite sums in words), reaching
# 0.974 / 0.980.
# blind7_tuned: a seventh corpus written the same blind way in six publishers' voices with longer paragraphs (73 cases,
# 146 claims), never edited, first scored after the blind6 tuning at recall 0.884 / precision 0.866 and then tuned on
# in the same way (its misses as classes: shares of a structure named before the verb and list items of a digest,
# ranks by the flow after the partner noun, "ведущий" suppliers and partners, closing ranks with the subject after,
# flows turned by the subject of a governing verb or gerund and carried to the next sentence, goods of a part of the
# volume before, a base word inside another word, periods of a clause opened by "по итогам", traps of attributions,
# firms compared or supported, investments), reaching 0.993 / 0.973.
# blind8_tuned and blind9_tuned: an eighth and a ninth corpus written the same blind way in new voices (blind8: a
# newspaper column, a Duma report, a chamber of commerce bulletin, a customs Q&A transcript, ministry channel posts; 63
# cases, 145 claims; blind9: an interview, an annual address, an embassy release, a results digest of several
# partners, a forum report, an agro committee note on grain tonnes; 65 cases, 145 claims), never edited, first scored
# after the blind7 tuning at recall 0.848 / precision 0.898 (blind8) and 0.766 / 0.804 (blind9) and then tuned on in
# the same way (their misses as classes: a digest's periods and places with the noun left out, a minus typed as a
# dash, comparisons with a base or another partner, ranks by flow told by the noun, a copula or a group named before,
# the partner yielded to, flows turned by direction, owner or a gerund's subject, counts of partners after their
# noun, parts of a sentence told in the present or by 'когда' / 'против', bloc and balance traps, goods of the nearest
# flow word, elliptic partner adjectives, the partner's own trade after a possessive), reaching 1.000 / 0.993 and
# 0.993 / 0.993.
# blind10_tuned and blind11_tuned: a tenth and an eleventh corpus written the same blind way in new voices (blind10: a
# government portal, a news agency flash, a working group's minutes, a reply to an inquiry, a consulate newsletter, a
# statistics office release; 63 cases, 138 claims; blind11: a governor's speech, a delegation's visit report, a
# committee hearing, a firm's case story, a radio interview, a weekly digest; 62 cases, 119 claims), never edited, first
# scored after the blind8/9 tuning at recall 0.812 / precision 0.882 (blind10) and 0.891 / 0.883 (blind11) and then
# tuned on in the same way (their misses as classes: shares in brackets after a partner and signs in words, ordered
# first groups and places paired in their own part, ranks by flow told by the ordinal alone or after the group, digests
# with places in brackets, parts opened by a relative year, bases 'против … за тот же период', flows of words of their
# own ('наоборот' none), counts of the other flow's firms, traps of the world's trade, the partner's own by a common
# noun, plans, goods and blocs holding shares), reaching 0.993 / 0.993 and 0.992 / 0.992 (the one miss and extra left
# in each: tonnes of 'зерна' that these two expect with no goods, where the other corpora expect chapter 10).
# blind12 and blind13: a twelfth and a thirteenth corpus written the same blind way in new voices (blind12: TV evening
# news, an official's column, the business ombudsman, the annual socio-economic results, a river port's news, an
# intergovernmental commission; 62 cases, 138 claims; blind13: a press conference Q&A, an export award, an operational
# meeting report, partners as adjectives, digests by quarters, a period given only in a heading line; 62 cases, 159
# claims), never edited, first scored after the blind10/11 tuning at recall 0.877 / precision 0.883 (blind12) and
# 0.780 / 0.827 (blind13) and then tuned on in the same way for half an hour (their misses as classes: a period in a
# heading line of its own, a digest's ordinal alone before a bracket, adjectives of full names ('узбекистанский'),
# 'US$ … mln', ranks by '№', 'до' after an estimate, the level a change started from ('вырос с … до …'), shares whose
# flow is told around the percent, 'проц.', elliptic changes of a second partner, a minus joined after a comma, a
# percent gained 'к уровню', top groups of a flow's directions, a place just before the sentence stating the period),
# reaching 0.913 / 0.913 and 0.937 / 0.920, then in a short second round ('едва не достиг' as almost, a sum
# 'с небольшим' / 'с лишним' as more_than) 0.928 / 0.928 and 0.937 / 0.920, then in a third round (a head of goods
# settled by its genitive, firms counted after their noun and a participle clause or by 'их', a partner's capital as
# the subject, the reflexive possessive and asides for the subject, readiness as a plan, 'округа', ordinals standing
# for partners, first place by a role as a predicate or 'основным', a top group held once by an imperfective past
# participle, a sum of one firm's, a gerund's flow not taken past ';') 0.971 / 0.957 and 0.956 / 0.962: both hold the
# goal now (tests/unit/test_meetings_corpora.py).
# blind14 and blind15: a fourteenth and a fifteenth corpus written the same blind way in new voices (blind14: 66
# cases, 160 claims; blind15: 70 cases, 142 claims), never edited, first scored after the blind12/13 tuning at recall
# 0.806 / precision 0.782 (blind14) and 0.796 / 0.850 (blind15), and with the scorer comparing goods on tonnes only and
# matching a value of four decimals or more by its rounding, before any tuning on them, 0.819 / 0.794 and 0.796 / 0.856;
# then tuned on in the same way for about 75 minutes (their misses as classes: the half year of 'итоги полугодия',
# counts in one word ('полусотни'), 'с лишним' and a digest's count before 'число …'; a list's flow in its lead before
# a colon, 'лидер' alone, the main market of the exporters, '№' after the partner's noun, places told twice, a
# partner's bracket; 'в сравнении с' and 'в аналогичном периоде прошлого года'; goods headed by their noun, chapters of
# a head, two goods joined; quarters and relative years with their noun left out; the partner named right after a
# figure and a total whose parts name the partners; what a country grew or made, tenders, the future, a country's own
# imports, one district's or firm's figures; dialogue turns; a region's total carried; a gerund's aside; shares of one
# good's flow, a fraction after a dash, an overtaken one's bracket, 'каждой из которых'; the follower's place; denied
# figures, a headline told again, a place answered by its ordinal alone), reaching 0.988 / 0.975 and 0.986 / 0.993:
# both hold the goal now (tests/unit/test_meetings_corpora.py).
# blind16 and blind17: a sixteenth and a seventeenth corpus written the same blind way in new voices (blind16: 68
# cases, 153 claims; blind17: 75 cases, 196 claims), never edited, first scored after the blind12/13 tuning at recall
# 0.882 / precision 0.871 (blind16) and 0.776 / 0.849 (blind17), and after the blind14/15 tuning, before any tuning on
# them, 0.948 / 0.912 and 0.816 / 0.884; then tuned on in the same way for about 45 minutes (their misses as classes:
# a whole number and a half before a scale word, a bare part of a total before 'пришлось на'; a level compared with
# naming its own period by months counted, 'в позапрошлом' or 'годом ранее за тот же период —'; ranks by flow told by
# the ordinal alone as a predicate, 'а в импорте — второе', '№ 3 для волгоградских экспортёров', 'по этому показателю
# … лидером'; a second partner's elliptic adjective after a preposition and before a dash, 'Корея', 'Поднебесная'; a
# later list item's partner kept out of the region's items before; a share in a bracket after a partner's sum; a
# change by the base exceeded or fallen short of; firms of a delegation, a contest or a stand; the partner's own trade
# after a possessive and the clause going on with it; firms supplying from the partner as importers; tonnes 'т' before
# a dash; talks about supplies), reaching 0.954 / 0.948 and 0.934 / 0.958 (tests/unit/test_meetings_corpora.py holds
# them less a margin).
# blind18 and blind19: written the same blind way in new voices (a government report, a Telegram post, a freight
# train's trap, a Duma answer; clumsy embassy translations, an economist's hedges, a "Коротко" digest; blind18: 64
# cases, 144 claims; blind19: 66 cases, 147 claims), never edited, first scored during the blind16/17 round (code
# 473daa4 and that round's work in progress) at 0.715 / 0.774 and 0.837 / 0.891, and again after it (code bdf5892):
# 0.715 / 0.774 and 0.837 / 0.891. Not tuned on: the next round's unseen text (one class seen in blind18 was fixed
# before that second score, the currency's 'США' taken for the main partner; it changed no score there).
# This session's round (2026-12-02, second day) tuned on blind18 and blind19, by classes with cases of our own in the
# tuning corpus (periods of a question, a heading line, a later part; dialogue places; places listed or numbered;
# sums before the text names any partner are the region's; shares told by 'Это …' or in a list's brackets; official
# names 'Кыргызская Республика'; other regions by their own names; kinds of firms after 'из них'): 0.715 / 0.774 ->
# 0.910 / 0.916 and 0.837 / 0.891 -> 0.973 / 0.979.
# blind20 and blind21: written the same blind way in new voices (TV scripts, a committee's Telegram, a grain
# exporter's interview, consulates' releases, customs digests; a governor's transcript, a business daily, «Мой
# экспорт» stories, an Arab embassy's translation, tables as text, VK bullet posts; 68 cases, 210 claims and 67
# cases, 220 claims), never edited, first scored after that round (code 111555f): 0.614 / 0.729 and 0.682 / 0.732
# (the code before the round, ece322e: 0.605 / 0.718 and 0.655 / 0.713). Then tuned on (2026-12-02, third session)
# by classes with cases of our own in the tuning corpus (lists written a line each under a lead ending with a colon:
# its period, flow, unit and role for the items; a translation's word order of years; plans and traps told from a
# word's start; dialogue answers of places and shares; firms counted after 'число', by capital listed, sanctioned;
# shares of a structure; asides between dashes; top groups listed after a dash): 0.876 / 0.929 and 0.950 / 0.937.
# blind22 and blind23: written the same blind way in new voices (blind22: readers' letters, a customs post's year-end
# report, a grain terminal, an export school, a deputy governor's interview, wire items, a statistical bulletin in
# prose, anaphora; 67 cases, 276 claims; blind23: an investment agency, a district head's report, an exhibition's
# release, translated Chinese and Indian releases, slides read aloud, the governor's short posts, comparisons over
# years, partner adjectives as nouns; 69 cases, 232 claims), never edited. blind23 first scored during that round
# (code 19d9165): 0.698 / 0.730 (0.685 / 0.716 before it, caef3f4), again after it (code 381d819): 0.711 / 0.737;
# blind22 first scored after it (381d819): 0.772 / 0.822 (0.764 / 0.812 with the code before that round, caef3f4).
# blind24 and blind25: written the same blind way in new voices (blind24: a TV morning show, an agricultural holding's
# report, a chamber of commerce op-ed, customs on call-in radio, an embassy's Telegram from the partner's side, a
# statistics office's express information, partners compared in one paragraph; 67 cases, 279 claims; blind25: a
# governor's press conference, a logistics blog, an economist's hedged note, a translated trade representative, a
# "цифра недели" column, a ministry report in numbered items, rubles and dollars mixed; 67 cases, 189 claims), never
# edited, first scored during the round that tuned on blind22 and blind23 (code 7024560): 0.713 / 0.734 and 0.741 /
# 0.828 (0.688 / 0.719 and 0.720 / 0.782 with the code of the session's start, caef3f4).
# Then tuned on, with blind22 and blind23, by classes with cases of our own in the tuning corpus (indices of a
# statistics office, "Цифра недели" teasers, partner adjectives as nouns, posts' lines, the partner's own voice,
# decimals in words, paired lists, districts, the years before a period of months, shares and places of lists):
# blind22 0.772 / 0.822 -> 0.870 / 0.879, blind23 0.698 / 0.730 -> 0.841 / 0.855, blind24 0.713 / 0.734 -> 0.824 /
# 0.824, blind25 0.741 / 0.828 -> 0.804 / 0.854.
# blind26 and blind27: written the same blind way in new voices (blind26: a government website, an exporters'
# association, a plenary transcript, a consul's translated speech, Volgogradstat's indices, a trade mission's recap,
# SMS alerts; 65 cases, 242 claims; blind27: an economists' podcast, an export centre's report with tables as text,
# an explainer with questions as subheadings, a deputy minister's letter, a port and railway hub, an Arab embassy's
# bulletin, "итоги года в 10 цифрах"; 66 cases, 256 claims), never edited, first scored after that round (code
# 3cfcb8b): 0.798 / 0.839 and 0.586 / 0.630 (0.752 / 0.784 and 0.539 / 0.592 with the session's starting code,
# caef3f4). Then tuned on for half an hour (statistics office indices with no percent sign, names in capitals, spoken
# hedges, a list's figure and the flow after its dash, throughput traps, goods' codes in brackets): 0.909 / 0.891 and
# 0.676 / 0.736.
# blind28 and blind29: written the same blind way in new voices (blind28: an agriculture ministry's Telegram, a
# protocol record of a meeting, TV news, a business school case, the trade committee's annual report, a Duma
# committee's Q&A, partner chambers' newsletters; 66 cases, 199 claims; blind29: a forum's live blog, a senator on the
# radio, an export centre's "цифры месяца", a customs record month, a student's summary, a working group's
# communiqué, infographic captions; 66 cases, 198 claims), never edited, first scored at the end of the session (code
# e47883d): 0.889 / 0.908 and 0.561 / 0.703 (0.854 / 0.863 and 0.561 / 0.721 with the session's starting code). One
# class then seen in blind29 was a regression of this session (a period an item of a list states no longer held for
# the items after it, fixed in ddf705d); with it fixed: 0.889 / 0.908 and 0.616 / 0.772. blind29 was then tuned on
# for twenty minutes (single months as periods and bases, units and structures given by the sentence before, headings
# of a few short sentences): 0.773 / 0.895. blind28 stays unseen by any tuner.
FILES = {"blind28": CORPORA / "press_blind28.toml", "blind29_tuned": CORPORA / "press_blind29.toml",
         "blind26_tuned": CORPORA / "press_blind26.toml", "blind27_tuned": CORPORA / "press_blind27.toml",
         "blind24_tuned": CORPORA / "press_blind24.toml", "blind25_tuned": CORPORA / "press_blind25.toml",
         "blind22_tuned": CORPORA / "press_blind22.toml", "blind23_tuned": CORPORA / "press_blind23.toml",
         "blind20_tuned": CORPORA / "press_blind20.toml", "blind21_tuned": CORPORA / "press_blind21.toml",
         "blind18_tuned": CORPORA / "press_blind18.toml", "blind19_tuned": CORPORA / "press_blind19.toml",
         "blind16_tuned": CORPORA / "press_blind16.toml", "blind17_tuned": CORPORA / "press_blind17.toml",
         "blind14_tuned": CORPORA / "press_blind14.toml", "blind15_tuned": CORPORA / "press_blind15.toml",
         "blind12_tuned": CORPORA / "press_blind12.toml", "blind13_tuned": CORPORA / "press_blind13.toml",
         "blind10_tuned": CORPORA / "press_blind10.toml", "blind11_tuned": CORPORA / "press_blind11.toml",
         "blind8_tuned": CORPORA / "press_blind8.toml", "blind9_tuned": CORPORA / "press_blind9.toml",
         "blind7_tuned": CORPORA / "press_blind7.toml",
         "blind6_tuned": CORPORA / "press_blind6.toml", "blind5_tuned": CORPORA / "press_blind5.toml",
         "blind4_tuned": CORPORA / "press_blind4.toml",
         "blind3_tuned": CORPORA / "press_blind3.toml",
         "blind2_tuned": CORPORA / "press_blind2.toml", "blind_tuned": CORPORA / "press_blind.toml",
         "heldout": CORPORA / "press_heldout.toml", "tuning": CORPORA / "press_tuning.toml"}
# The goals (issue 15): recall and precision on the held-out sets; extracting and checking 10,000 figures in
# under 5 s; a 9 MB text without figures "in seconds". Checked here, in the benchmark, never by a timed unit test.
GOAL = 0.95
TARGETS = {"extract_check_s": 5.0, "prose_s": 10.0, "one_sentence_s": 5.0}
# the same kinds of figure run together in ONE sentence, a country named with each: a rule that rereads the sentence
# (or its countries) for every figure shows here
_RUN_ON = "заняла пятое место и 120 предприятий в Египте и 30 стран и 5 тыс. тонн и в 2 раза выросла и "
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


def _same(expected: tuple, got: tuple) -> bool:
    """The same claim (goods on tonnes only); a value written with four decimals or more ("на треть": 0.3333) is
    the writer's rounding of a fraction and matches what rounds to it."""
    if expected[:4] != got[:4] or expected[5] != got[5]:
        return False
    # goods are compared on tonnes only: the corpora disagree on a sum whose goods are named ('пшеницы на сумму 62
    # млн'), which heldout and tuning give the goods and most blind corpora do not
    if expected[0].endswith("_mass") and expected[6] != got[6]:
        return False
    e, g = expected[4], got[4]
    decimals = len(repr(e).partition(".")[2]) if "e" not in repr(e) else 0
    return e == g if decimals < 4 else abs(e - g) <= 0.5 * 10 ** -decimals


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
            same = next((g for g in got if _same(e, g)), None)
            if same is not None:
                got.remove(same)
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
    run_on = "Турция " + _RUN_ON * (figures // 5) + "всё."
    t3 = time.perf_counter()
    res["one_sentence_claims"] = len(extract_claims(run_on))
    res["one_sentence_s"] = time.perf_counter() - t3
    prose = _PROSE * int(prose_mb * 1e6 / len(_PROSE.encode()))
    t2 = time.perf_counter()
    res["prose_claims"] = len(extract_claims(prose))
    res["prose_mb"] = round(len(prose.encode()) / 1e6, 1)
    res["prose_s"] = time.perf_counter() - t2
    return res


def run(db: Path | None = None) -> dict:
    res: dict = {name: {k: v for k, v in score(path).items() if k != "wrong"} for name, path in FILES.items()}
    tm = timing(db=db)
    tm["extract_check_s"] = tm["extract_s"] + tm.get("check_s", 0.0)
    tm["targets"] = TARGETS
    tm["met"] = {k: tm[k] < limit for k, limit in TARGETS.items()}
    return {**res, "timing": tm}


def _mark(good: bool) -> str:
    return "✅" if good else "❌ missed"


def table(res: dict) -> str:
    """The claims part of the benchmark report: recall and precision per corpus, the timed texts and targets."""
    out: list[str | None] = ["| claim corpus | cases | expected | found | recall | precision | goal |",
                             "|---|---|---|---|---|---|---|"]
    for name in FILES:
        r = res.get(name)
        if r:
            goal = "" if name == "tuning" else \
                f"≥ {GOAL} {_mark(r['recall'] >= GOAL and r['precision'] >= GOAL)}"
            out.append(f"| {name} | {r['cases']} | {r['expected']} | {r['found']} | {r['recall']:.3f} | "
                       f"{r['precision']:.3f} | {goal} |")
    tm = res.get("timing")
    if tm:
        met = tm.get("met", {})
        out += ["", "| claims timed | value | target |", "|---|---|---|",
                f"| {tm['figures']:,} figures: extract s | {tm['extract_s']:.2f} | |",
                f"| the same: check against the store s | {tm['check_s']:.2f} | |" if "check_s" in tm else None,
                f"| extract + check s | {tm['extract_check_s']:.2f} | < {TARGETS['extract_check_s']:.0f} "
                f"{_mark(met.get('extract_check_s', False))} |",
                f"| {tm['one_sentence_claims']:,} figures in one sentence: extract s | {tm['one_sentence_s']:.2f} | "
                f"< {TARGETS['one_sentence_s']:.0f} {_mark(met.get('one_sentence_s', False))} |"
                if "one_sentence_s" in tm else None,
                f"| {tm['prose_mb']} MB without figures: s (claims found: {tm['prose_claims']}) | "
                f"{tm['prose_s']:.2f} | < {TARGETS['prose_s']:.0f} {_mark(met.get('prose_s', False))} |"]
    return "\n".join(line for line in out if line is not None) + "\n"


if __name__ == "__main__":
    got = run(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(json.dumps(got, indent=1))
    print(table(got))
