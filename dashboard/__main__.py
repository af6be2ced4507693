"""Command line: python -m dashboard init | import | partners | sources | rollback | meeting | deck | bench."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dashboard import config


def _db(args: argparse.Namespace) -> Path:
    return Path(args.db).absolute() if args.db else config.db_path()


def cmd_init(args: argparse.Namespace) -> int:
    from dashboard.demo.build import build_default
    for line in build_default(_db(args)):
        print(line)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from dashboard.ingest.pipeline import import_paths, keep_heap
    from dashboard.ingest.report import ImportRejected
    from dashboard.store.versions import StoreBusy, StoreError
    eaeu = {"yes": True, "no": False, "auto": None}[args.eaeu]
    keep_heap()
    try:
        outcomes = import_paths(_db(args), [Path(f) for f in args.files], fmt=args.format, eaeu=eaeu)
    except ImportRejected as e:
        print(e.report.text(), file=sys.stderr)
        return 2
    except (StoreBusy, StoreError, OSError) as e:
        print(f"import failed, nothing was loaded: {e}", file=sys.stderr)
        return 3
    for o in outcomes:
        print(o.line())
    return 0


def cmd_partners(args: argparse.Namespace) -> int:
    from dashboard.store import answers
    from dashboard.store.db import Store
    from dashboard.store.period import Period, parse_months
    m_from, m_to = parse_months(args.months) if args.months else (1, 12)
    store = Store(_db(args))
    period = answers.coverage(store, args.region).effective(Period(args.year, m_from, m_to))
    df = answers.ranking(store, args.region, period)
    if args.json:
        # money from the exact cents: 234000000.03, never 234000000.02999994
        rows = [{"iso2": p.iso2, "name_ru": p.name_ru, "rank": p.rank, "of": p.of,
                 "turnover_usd": p.turnover.json(), "exports_usd": p.exports.json(),
                 "imports_usd": p.imports.json(), "share": p.share, "growth": p.growth, "firms": p.firms}
                for p in answers.positions(df).values()]
        print(json.dumps({"period": period.code(), "region": args.region, "partners": rows},
                         ensure_ascii=False, indent=1))
    else:
        cols = ["iso2", "name_ru", "rank", "of", "turnover_usd", "exports_usd", "imports_usd", "share", "growth",
                "firms"]
        print(f"period {period.code()}, region {args.region}")
        print(df[cols].to_string(index=False))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from dashboard.store import answers
    from dashboard.store.db import Store
    df = answers.sources(Store(_db(args)))
    if args.json:
        print(df.to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        print(df.drop(columns=["sha256"]).to_string(index=False))
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    from dashboard.store.versions import StoreError, rollback
    try:
        target = rollback(_db(args))
    except StoreError as e:
        print(f"rollback failed: {e}", file=sys.stderr)
        return 3
    print(f"now serving {target.name}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    p.add_argument("--db", help="published database path (default: DASHBOARD_DB or data/dashboard.duckdb)")
    sub = p.add_subparsers(dest="command", required=True)

    sub.add_parser("init", help="build the default database from the bundled demonstration data (idempotent)")

    imp = sub.add_parser("import", help="validate files and load them into a new published version")
    imp.add_argument("files", nargs="+")
    imp.add_argument("--format", choices=["auto", "fts", "comtrade", "firms"], default="auto")
    imp.add_argument("--eaeu", choices=["auto", "yes", "no"], default="auto",
                     help="does the file count trade with EAEU members (auto: yes if any EAEU partner appears)")

    par = sub.add_parser("partners", help="the partner ranking of a period")
    par.add_argument("--year", type=int, required=True)
    par.add_argument("--months", help="range of months within the year, e.g. 1-9")
    par.add_argument("--region", default=config.region())
    par.add_argument("--json", action="store_true")

    src = sub.add_parser("sources", help="what is loaded")
    src.add_argument("--json", action="store_true")

    sub.add_parser("rollback", help="serve the previous published version again")
    from dashboard.export import cli as deck_cli  # deck
    deck_cli.add_parser(sub)
    from dashboard import admin_cli  # verify, hash-password
    COMMANDS.update(admin_cli.add_parsers(sub))
    from dashboard.meetings import cli as meetings_cli  # meeting add | check | list | done
    meetings_cli.register(sub)

    bench = sub.add_parser("bench", help="benchmark on generated all-regions data (benchmarks/README.md)")
    if (config.ROOT / "benchmarks" / "bench.py").exists():  # absent in an installed copy without the repo
        _bench().add_arguments(bench)
    return p


def _bench():
    # benchmarks/ ships with the repository, not with the package: found from the project root
    sys.path.insert(0, str(config.ROOT))
    from benchmarks import bench
    return bench


def cmd_bench(args: argparse.Namespace) -> int:
    return _bench().run_cli(args)


def cmd_meeting(args: argparse.Namespace) -> int:
    from dashboard.meetings import cli as meetings_cli
    return meetings_cli.run(args, _db(args))


def cmd_deck(args: argparse.Namespace) -> int:
    from dashboard.export import cli as deck_cli
    return deck_cli.cmd_deck(args, _db(args))


COMMANDS = {"init": cmd_init, "import": cmd_import, "partners": cmd_partners, "sources": cmd_sources,
            "rollback": cmd_rollback, "bench": cmd_bench, "deck": cmd_deck,
            "meeting": cmd_meeting}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
