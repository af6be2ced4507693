"""Promises of the codebase that a reader cannot see at a glance: layers, settings documented, every text in
both languages, SQL only in .sql files with bound values."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dashboard import config
from dashboard.i18n import catalog

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "dashboard"
PY_FILES = sorted(PKG.rglob("*.py"))


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_app_pages_and_ui_import_streamlit() -> None:
    allowed = {PKG / "app.py", PKG / "serve.py"}  # the router and the server entry
    offenders = [p.relative_to(ROOT) for p in PY_FILES
                 if p not in allowed and not {"app_pages", "ui"} & set(p.relative_to(PKG).parts)
                 and any(n == "streamlit" or n.startswith("streamlit.") for n in imports(p))]
    assert not offenders


LOWER = {"store": {"ingest", "meetings", "export", "charts", "ui", "app_pages"},
         "ingest": {"meetings", "export", "charts", "ui", "app_pages"},
         # charts draw the slide model (dashboard/slide_model.py), which sits below them; export is above
         "charts": {"store", "ingest", "meetings", "export", "ui", "app_pages"},
         "reference": {"store", "ingest", "meetings", "export", "charts", "ui", "app_pages", "i18n"}}


@pytest.mark.parametrize("layer", sorted(LOWER))
def test_layers_import_only_downwards(layer: str) -> None:
    bad = []
    for p in (PKG / layer).rglob("*.py"):
        for name in imports(p):
            parts = name.split(".")
            if parts[0] == "dashboard" and len(parts) > 1 and parts[1] in LOWER[layer]:
                bad.append(f"{p.relative_to(ROOT)} imports {name}")
    assert not bad


def test_every_setting_is_in_the_readme_with_its_default() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for s in config.SETTINGS:
        assert f"| `{s.name}` | `{s.default}` |" in readme, s.name


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
