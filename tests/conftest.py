"""Fixtures shared by every tier: the demonstration database, built through the real importer, and the small base
database of the robustness tests, built from the bad-input corpus's good rows."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dashboard.ingest.pipeline import import_paths
from dashboard.store.db import Store
from tests.fixtures import make_bad


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A published demo database in a temporary folder (built once per test session)."""
    root = tmp_path_factory.mktemp("demo")
    old = os.environ.get("DASHBOARD_DATA_DIR")
    os.environ["DASHBOARD_DATA_DIR"] = str(root / "data")
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", root / "data",
                    ignore=shutil.ignore_patterns("*.duckdb", "*.lock", "generated"))
    try:
        from dashboard.demo.build import build_default
        build_default(root / "db" / "dashboard.duckdb")
    finally:
        if old is None:
            os.environ.pop("DASHBOARD_DATA_DIR", None)
        else:
            os.environ["DASHBOARD_DATA_DIR"] = old
    return root / "db" / "dashboard.duckdb"


@pytest.fixture()
def demo_store(demo_db: Path) -> Store:
    store = Store(demo_db)
    yield store
    store.close()


@pytest.fixture()
def fresh_db(tmp_path: Path, demo_db: Path) -> Path:
    """A private copy of the demo database (with its version files) that a test may change."""
    target = tmp_path / "db"
    shutil.copytree(demo_db.parent, target, symlinks=True)
    return target / demo_db.name


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("base")
    published = folder / "db" / "t.duckdb"
    import_paths(published, make_bad.write_base(folder / "in"), loaded_by="test")
    return published


@pytest.fixture
def published(base_db: Path, tmp_path: Path) -> Path:
    """A private copy of the base database (the pointer is a relative symlink, copied as a link)."""
    shutil.copytree(base_db.parent, tmp_path / "db", symlinks=True)
    return tmp_path / "db" / base_db.name


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> object:
    """A skipped test has tested nothing, so it fails: `make test` installs everything a tier needs."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped, and no test may skip: {report.longrepr}"
