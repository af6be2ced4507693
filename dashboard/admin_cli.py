"""CLI commands of the data officer that guard the store: `verify`, `history` and `hash-password`.

Registered in dashboard/__main__.py; kept here so that file stays a list of commands.
"""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from dashboard import access, config
from dashboard.i18n import t


def cmd_verify(args: argparse.Namespace) -> int:
    """Exit 0 if the current version reads in full; 1 if it is damaged or missing."""
    from dashboard.store.checksum import verify
    published = Path(args.db).absolute() if args.db else config.db_path()
    ok, lines = verify(published)
    for line in lines:
        print(line)
    if not ok:
        print("the current version is damaged or missing: run python -m dashboard rollback", file=sys.stderr)
    return 0 if ok else 1


def cmd_history(args: argparse.Namespace) -> int:
    """The publication log, newest first: when, what, which version became current, who (--json: as stored)."""
    import json

    from dashboard.i18n.message import Msg, render
    from dashboard.store import history
    published = Path(args.db).absolute() if args.db else config.db_path()
    entries = history.read(published)
    if args.json:
        print(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=1))
        return 0
    if not entries:
        print(t("cli.history_empty", args.lang))
    for e in reversed(entries):
        version = history.version_msg(entries, e.version)
        print(t("cli.history_line", args.lang, at=e.at.replace("T", " ")[:16], what=render(history.describe(
            e, entries), args.lang), version=render(version, args.lang) if isinstance(version, Msg) else "—",
            who=e.by or "—"))
    return 0


def cmd_hash_password(args: argparse.Namespace) -> int:
    """Ask for the password twice (or read one line from stdin with --stdin) and print the secrets lines of the
    named user (the login the audit trail will name)."""
    user = access.normal_login(args.user)
    if not access.LOGIN.fullmatch(user):
        print("a login is 1-64 characters of a-z, 0-9, '.', '_', '-', starting with a letter or a digit",
              file=sys.stderr)
        return 2
    if args.stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("password: ")
        if password != getpass.getpass("again: "):
            print("the two passwords differ", file=sys.stderr)
            return 2
    if len(password) < 8:
        print("use at least 8 characters", file=sys.stderr)
        return 2
    print("# add to .streamlit/secrets.toml (never commit that file)")
    print(access.secrets_lines(access.hash_password(password), user=user), end="")
    return 0


def add_parsers(sub: argparse._SubParsersAction) -> dict:
    sub.add_parser("verify", help="read every table of every kept version; exit 1 if the current is damaged")
    hist = sub.add_parser("history", help="the publication log: every publication, rollback and prune, newest first")
    hist.add_argument("--json", action="store_true")
    hp = sub.add_parser("hash-password", help="make a named user's password line for .streamlit/secrets.toml")
    hp.add_argument("--user", required=True, help="the person's login, named in the audit trail (e.g. ivanova)")
    hp.add_argument("--stdin", action="store_true", help="read the password from stdin instead of asking")
    return {"verify": cmd_verify, "history": cmd_history, "hash-password": cmd_hash_password}
