"""Promises of the codebase that a reader cannot see at a glance: layers, settings documented, every text in
both languages, SQL only in .sql files with bound values."""
from __future__ import annotations

import argparse
import ast
import fnmatch
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import config
from dashboard.__main__ import parser
from dashboard.i18n import catalog

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "dashboard"
PY_FILES = sorted(PKG.rglob("*.py"))
README = (ROOT / "README.md").read_text(encoding="utf-8")


def imports(path: Path) -> set[str]:
    """Every module a file imports; `from dashboard import store` and `from dashboard.meetings import cli` name the
    module or package imported (dashboard.store, dashboard.meetings.cli), not only the package they come from."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                rel = Path(*sub.split(".")[1:])
                if sub.startswith("dashboard.") and ((PKG / rel).is_dir() or (PKG / rel).with_suffix(".py").exists()):
                    names.add(sub)
    return names


def test_only_app_pages_and_ui_import_streamlit() -> None:
    allowed = {PKG / "app.py", PKG / "serve.py"}  # the router and the server entry
    offenders = [p.relative_to(ROOT) for p in PY_FILES
                 if p not in allowed and not {"app_pages", "ui"} & set(p.relative_to(PKG).parts)
                 and any(n == "streamlit" or n.startswith("streamlit.") for n in imports(p))]
    assert not offenders


def readme_layers() -> list[tuple[str, ...]]:
    """The README's table of layers, top to bottom: each row's modules (`ui/` a package, `config.py` a module)."""
    text = README.split("Layers, top to bottom", 1)[1]
    rows = [line for line in text.split("\n\n", 2)[1].splitlines() if line.startswith("| ") and "`" in line]
    return [tuple(re.findall(r"`([^`]+)`", row.split("|")[2])) for row in rows]


LAYERS = readme_layers()
LAYER_OF = {entry: n for n, row in enumerate(LAYERS) for entry in row}


def layer_entry(module: str) -> str | None:
    """The README's entry for a module of dashboard (dashboard.meetings.cli -> meetings/cli.py, before meetings/)."""
    parts = module.split(".")[1:]
    for i in range(len(parts), 0, -1):
        for entry in ("/".join(parts[:i]) + ".py", "/".join(parts[:i]) + "/"):
            if entry in LAYER_OF:
                return entry
    return None


def test_the_layer_table_places_every_module() -> None:
    modules = [".".join(("dashboard", *p.relative_to(PKG).with_suffix("").parts)) for p in PY_FILES
               if p != PKG / "__init__.py"]
    assert LAYERS and not [m for m in modules if layer_entry(m) is None]


@pytest.mark.parametrize("entry", sorted(LAYER_OF))
def test_layers_import_only_downwards(entry: str) -> None:
    """A module imports only from the layers below its own in the README's table: nothing upwards, nothing from a
    neighbour of its own layer."""
    files = [PKG / entry] if entry.endswith(".py") else sorted((PKG / entry).rglob("*.py"))
    bad = []
    for p in files:
        own = layer_entry(".".join(("dashboard", *p.relative_to(PKG).with_suffix("").parts)))
        if own != entry:  # a module the table lists on its own row (meetings/cli.py inside meetings/)
            continue
        for name in imports(p):
            target = layer_entry(name) if name.startswith("dashboard.") else None
            if target is not None and target != entry and LAYER_OF[target] <= LAYER_OF[entry]:
                bad.append(f"{p.relative_to(ROOT)} imports {name} ({target}: layer {LAYER_OF[target] + 1})")
    assert not bad


def test_the_product_imports_neither_benchmarks_nor_tests() -> None:
    bad = [f"{p.relative_to(ROOT)} imports {n}" for p in PY_FILES for n in imports(p)
           if n.split(".")[0] in ("benchmarks", "tests")]
    assert not bad


def _commands(p: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield " ".join(path), p
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def test_every_cli_command_and_option_is_in_the_readme() -> None:
    """Each command on a README line of its own (`python -m dashboard partners ...`) with all its options and
    their choices on those lines; the options before the command anywhere in the README."""
    missing = []
    for command, p in _commands(parser()):
        lines = [line for line in README.splitlines()
                 if re.search(rf"dashboard {re.escape(command)}(?![\w-])", line)] if command else [README]
        if not lines:
            missing.append(command)
            continue
        text = "\n".join(lines)
        for a in p._actions:
            if not a.option_strings or isinstance(a, argparse._HelpAction):
                continue
            if not any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", text) for o in a.option_strings):
                missing.append(f"{command} {a.option_strings[-1]}")
            missing += [f"{command} {a.option_strings[-1]} {c}" for c in a.choices or ()
                        if not re.search(rf"(?<![\w-]){re.escape(str(c))}(?![\w-])", text)]
    assert not missing


def test_the_readme_folder_tree_is_true() -> None:
    """Every path the tree of "How it is built" starts a line with exists, and it names every package and module
    at the top of dashboard/ and every top-level folder of the repository."""
    tree = README.split("## How it is built", 1)[1].split("```", 2)[1]
    paths = [line.split()[0] for line in tree.splitlines() if line and not line.startswith(" ")]
    assert not [p for p in paths if not (ROOT / p).exists()]
    top = [f"dashboard/{p.name}" + ("/" if p.is_dir() else "") for p in PKG.iterdir()
           if p.name not in ("__init__.py", "__pycache__") and (p.is_dir() or p.suffix == ".py")]
    assert not [p for p in top if p not in tree and p.removeprefix("dashboard/") not in tree]
    ignored = [line.strip("/") for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines() if line]
    folders = [f"{p.name}/" for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith(".")
               and p.name != "dashboard" and not any(fnmatch.fnmatch(p.name, g) for g in ignored)]
    assert not [f for f in folders if f not in paths]


def test_no_file_names_a_document_the_repository_does_not_have() -> None:
    documents = {p.name for p in ROOT.rglob("*.md") if ".venv" not in p.parts}
    named = {(str(p.relative_to(ROOT)), d) for folder in ("dashboard", "tests", "benchmarks", "deploy")
             for p in (ROOT / folder).rglob("*") if p.suffix in (".py", ".sql", ".toml", ".conf", ".md")
             for d in re.findall(r"\b[A-Z][A-Z_]+\.md\b", p.read_text(encoding="utf-8"))}
    assert not {(f, d) for f, d in named if d not in documents}


def test_every_setting_is_in_the_readme_with_its_default_and_help() -> None:
    for s in config.SETTINGS:
        assert f"| `{s.name}` | `{s.default}` | {s.help} |" in README, s.name


def test_every_text_exists_in_both_languages() -> None:
    ru, en = set(catalog("ru")), set(catalog("en"))
    assert ru == en, {"only ru": sorted(ru - en), "only en": sorted(en - ru)}


KEY_CALL = re.compile(r"""\bt\(\s*f?["']([a-z_]+\.[A-Za-z0-9_.{}]+)["']""")


def test_every_key_used_in_code_exists() -> None:
    keys = set(catalog("ru"))
    missing = []
    for p in PY_FILES:
        for key in KEY_CALL.findall(p.read_text(encoding="utf-8")):
            if "{" in key:  # f-string keys: at least one key must match the pattern
                pattern = re.compile("^" + re.sub(r"\\\{[^}]*\\\}", "[A-Za-z0-9_]+", re.escape(key)) + "$")
                if not any(pattern.match(k) for k in keys):
                    missing.append(f"{p.name}: {key}")
            elif key not in keys:
                missing.append(f"{p.name}: {key}")
    assert not missing


def test_sql_files_bind_values() -> None:
    """Queries take $parameters; nothing looks like Python formatting inside them."""
    for p in (PKG / "store" / "sql").glob("*.sql"):
        text = p.read_text(encoding="utf-8")
        assert "{" not in text and "%s" not in text, p.name


def test_no_python_formats_a_value_into_sql() -> None:
    # identifiers may be spliced only from constants or through a quoting helper (_ident)
    pattern = re.compile(r"""execute\(\s*f["'].*\{(?!table\}|column\}|_ident\()""")
    offenders = [str(p.relative_to(ROOT)) for p in PY_FILES if pattern.search(p.read_text(encoding="utf-8"))]
    assert not offenders
