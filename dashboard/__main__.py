"""Command line: python -m dashboard init | import | partners | context | sources | rollback | history | verify |
hash-password | meeting | deck | bench.

Each command imports what it needs when it runs (pandas, DuckDB, pyarrow: about half a second), so that
`--help`, `verify` and `hash-password` start without them. Messages are in the language of --lang (default
DASHBOARD_LANG, Russian); --json output carries codes, not sentences.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dashboard import config
from dashboard.i18n import LANGS, t
from dashboard.ingest.formats import CHOICES as FORMAT_CHOICES


def _db(args: argparse.Namespace) -> Path:
    return Path(args.db).absolute() if args.db else config.db_path()


def _default_lang() -> str:
    lang = config.get("DASHBOARD_LANG")
    return lang if lang in LANGS else "ru"


def cmd_init(args: argparse.Namespace) -> int:
    from dashboard.demo.build import build_default
    from dashboard.i18n.message import render_all
    for messages in build_default(_db(args)):
        print(render_all(messages, args.lang))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from dashboard.i18n.message import error_text, render_all
    from dashboard.ingest.pipeline import import_paths, keep_heap
    from dashboard.ingest.report import ImportRejected
    from dashboard.store.versions import StoreBusy, StoreError
    eaeu = {"yes": True, "no": False, "auto": None}[args.eaeu]
    keep_heap()
    try:
        outcomes = import_paths(_db(args), [Path(f) for f in args.files], fmt=args.format, eaeu=eaeu)
    except ImportRejected as e:
        print(report_text(e.report, args.lang), file=sys.stderr)
        return 2
    except (StoreBusy, StoreError, OSError) as e:
        print(t("cli.import_failed", args.lang, error=error_text(e, args.lang)), file=sys.stderr)
        return 3
    for o in outcomes:
        print(render_all(o.messages, args.lang))
    return 0


def report_text(report, lang: str) -> str:  # noqa: ANN001 - ingest.report.Report, imported when it runs
    """The validation report as the CLI prints it: every bad row with its line, column, value and reason."""
    from dashboard.i18n.message import render
    lines = [t("ingest.report.head", lang, file=report.file_name, n=report.total)]
    for i in report.sorted_issues():
        where = t("ingest.report.line", lang, line=i.line) if i.line else t("ingest.report.file", lang)
        column = ", " + t("ingest.report.column", lang, column=i.column) if i.column else ""
        value = f": {i.value!r}" if i.value != "" else ""
        lines.append(f"  {f'[{i.file}] ' if i.file else ''}{where}{column}{value} — {render(i.message, lang)}")
    if report.total > len(report.issues):
        lines.append("  " + t("ingest.report.more", lang, n=report.total - len(report.issues)))
    return "\n".join(lines)


def cmd_partners(args: argparse.Namespace) -> int:
    from dashboard.i18n.message import error_text
    from dashboard.store import answers
    from dashboard.store.db import Store
    from dashboard.store.period import Period, PeriodError, parse_months
    try:
        asked = Period(args.year, *(parse_months(args.months) if args.months else (1, 12)))
    except PeriodError as e:  # a key (period.error.*), in the CLI's language
        print(error_text(e, args.lang), file=sys.stderr)
        return 2
    store = Store(_db(args))
    period = answers.coverage(store, args.region).effective(asked)
    if args.json:
        # rows read as plain values, no pandas (a fresh process answers in ~0.15 s); money from the exact
        # cents: 234000000.03, never 234000000.02999994
        rows = [{"iso2": p.iso2, "name_ru": p.name_ru, "rank": p.rank, "of": p.of,
                 "turnover_usd": p.turnover.json(), "exports_usd": p.exports.json(),
                 "imports_usd": p.imports.json(), "share": p.share, "growth": p.growth, "firms": p.firms}
                for p in answers.ranked(store, args.region, period)]
        print(json.dumps({"period": period.code(), "region": args.region, "partners": rows},
                         ensure_ascii=False, indent=1))
    else:
        df = answers.ranking(store, args.region, period)
        cols = ["iso2", "name_ru", "rank", "of", "turnover_usd", "exports_usd", "imports_usd", "share", "growth",
                "firms"]
        print(t("cli.partners.header", args.lang, period=period.code(), region=args.region))
        print(df[cols].to_string(index=False))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from dashboard.i18n.message import render_stored
    from dashboard.store import answers
    from dashboard.store.db import Store
    df = answers.sources(Store(_db(args)), args.lang)  # a meeting file's note: its title in that language
    df["note"] = df["note"].map(lambda note: render_stored(note, args.lang))  # the load log's notes are keys
    if args.json:
        print(df.to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        print(df.drop(columns=["sha256"]).to_string(index=False))
    return 0


def cmd_context(args: argparse.Namespace) -> int:
    """The national picture of a partner (national.national_picture): the same figures as the partner page."""
    from dashboard.i18n.message import error_text
    from dashboard.store import national
    from dashboard.store.db import Store
    from dashboard.store.period import Period, PeriodError, parse_months
    try:
        asked = Period(args.year, *(parse_months(args.months) if args.months else (1, 12)))
    except PeriodError as e:
        print(error_text(e, args.lang), file=sys.stderr)
        return 2
    n = national.national_picture(Store(_db(args)), args.region, asked, args.partner.upper())
    out = _context_json(n)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for block in ("region_trade", "place", "national", "mirror"):
        print(f"{block}: " + (", ".join(f"{k}={v}" for k, v in out[block].items()) if out[block] else "-"))
    print(f"share_of_national: {out['share_of_national']} ({out['share_scope']})")
    return 0


def _context_json(n) -> dict:  # noqa: ANN001 - national.NationalPicture, imported when it runs
    """Codes and numbers (scope keys, ISO and OKATO codes, dollars from exact cents), never sentences."""
    def scope(s) -> dict:  # noqa: ANN001 - answers.Scope
        return {"eaeu": s.label_key, "demo": s.demo, "files": list(s.files)}
    p, pl, nat, mir = n.position, n.place, n.national, n.mirror
    return {
        "partner": n.partner, "region": n.region, "period": n.period.code(),
        "region_trade": p and {"turnover_usd": p.turnover.json(), "exports_usd": p.exports.json(),
                         "imports_usd": p.imports.json(), "scope": scope(n.scope)},
        "place": pl and {"rank": pl.rank, "of": pl.of, "turnover_usd": pl.turnover.json(),
                         "regions_total_usd": pl.total.json(), "share": pl.share, "scope": scope(pl.scope)},
        "national": nat and {"reporter": "RU", "source": "comtrade", "exports_usd": nat.exports.json(),
                             "imports_usd": nat.imports.json(), "turnover_usd": nat.turnover.json(),
                             "scope": scope(nat.scope)},
        "mirror": mir and {"reporter": mir.reporter, "partner": "RU", "source": "comtrade",
                           "russia_exports_usd": mir.russia_exports.json(), "russia_exports_valued": "CIF",
                           "russia_imports_usd": mir.russia_imports.json(), "russia_imports_valued": "FOB",
                           "scope": scope(mir.scope)},
        "share_of_national": n.share_of_national, "share_scope": n.share_scope_key,
    }


def cmd_rollback(args: argparse.Namespace) -> int:
    from dashboard.i18n.message import error_text
    from dashboard.store.publication import user
    from dashboard.store.versions import StoreError, rollback
    try:
        target = rollback(_db(args), who=user())
    except StoreError as e:
        print(t("cli.rollback_failed", args.lang, error=error_text(e, args.lang)), file=sys.stderr)
        return 3
    from dashboard.i18n.numbers import version_label
    from dashboard.store import answers
    # by number and date, as the history and the Данные page name it, never by file
    print(t("cli.now_serving", args.lang, version=version_label(*answers.version_of(target), args.lang)))
    return 0


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `only` set to a command of FAST, just that command's parser, so that
    starting it does not import the other commands' modules (the meetings' morphology alone takes ~0.4 s)."""
    p = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    p.add_argument("--db", help="published database path (default: DASHBOARD_DB or data/dashboard.duckdb)")
    p.add_argument("--lang", choices=LANGS, default=_default_lang(),
                   help="language of the messages (default: DASHBOARD_LANG)")
    sub = p.add_subparsers(dest="command", required=True)

    sub.add_parser("init", help="build the default database from the bundled demonstration data (idempotent)")

    imp = sub.add_parser("import", help="validate files and load them into a new published version")
    imp.add_argument("files", nargs="+")
    imp.add_argument("--format", choices=FORMAT_CHOICES, default="auto",
                     help="the file's format (auto: told by its header)")
    imp.add_argument("--eaeu", choices=["auto", "yes", "no"], default="auto",
                     help="does the file count trade with EAEU members (auto: yes if any EAEU partner appears)")

    par = sub.add_parser("partners", help="the partner ranking of a period")
    par.add_argument("--year", type=int, required=True)
    par.add_argument("--months", help="range of months within the year, e.g. 1-9")
    par.add_argument("--region", default=config.region())
    par.add_argument("--json", action="store_true")
    if only in FAST:
        return p

    src = sub.add_parser("sources", help="what is loaded")
    src.add_argument("--json", action="store_true")

    ctx = sub.add_parser("context", help="the region in the national picture of a partner (other regions, Comtrade)")
    ctx.add_argument("--partner", required=True, help="ISO alpha-2 code, e.g. KZ")
    ctx.add_argument("--year", type=int, required=True)
    ctx.add_argument("--months", help="range of months within the year, e.g. 1-9")
    ctx.add_argument("--region", default=config.region())
    ctx.add_argument("--json", action="store_true")

    sub.add_parser("rollback", help="serve again the version that was current before the last publication")
    from dashboard.export import cli as deck_cli  # deck
    deck_cli.add_parser(sub)
    from dashboard import admin_cli  # verify, history, hash-password
    COMMANDS.update(admin_cli.add_parsers(sub))
    from dashboard.meetings import cli as meetings_cli  # meeting add | check | list | done
    meetings_cli.register(sub)

    # the benchmark parses its own options (python -m dashboard bench --help lists them): see main
    sub.add_parser("bench", add_help=False, help="benchmark on generated all-regions data (benchmarks/README.md)")
    return p


def cmd_bench(args: argparse.Namespace) -> int:
    """benchmarks/ ships with the repository, not with the package, and the product never imports it: the
    command runs it as its own program from the repository, with the options it was given."""
    if not (config.ROOT / "benchmarks" / "bench.py").exists():
        print("the benchmark is not part of an installed copy: run it from the repository", file=sys.stderr)
        return 2
    import subprocess
    return subprocess.call([sys.executable, "-m", "benchmarks.bench", *args.rest], cwd=config.ROOT)


def cmd_meeting(args: argparse.Namespace) -> int:
    from dashboard.meetings import cli as meetings_cli
    return meetings_cli.run(args, _db(args))


def cmd_deck(args: argparse.Namespace) -> int:
    from dashboard.export import cli as deck_cli
    return deck_cli.cmd_deck(args, _db(args))


COMMANDS = {"init": cmd_init, "import": cmd_import, "partners": cmd_partners, "sources": cmd_sources,
            "context": cmd_context,
            "rollback": cmd_rollback, "bench": cmd_bench, "deck": cmd_deck,
            "meeting": cmd_meeting}


FAST = {"partners"}  # commands whose parser is built alone (see parser)


def _command(argv: list[str]) -> str | None:
    """The command word of argv: the first word that is neither an option nor the value of --db or --lang."""
    words = iter(argv)
    for w in words:
        if w in ("--db", "--lang"):
            next(words, None)
        elif not w.startswith("-"):
            return w
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    p = parser(only=_command(argv))
    args, rest = p.parse_known_args(argv)
    if rest and args.command != "bench":  # what is left is the benchmark's own options, or a mistake
        p.error(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
