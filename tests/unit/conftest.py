"""Fixtures of the robustness tests: a small base database built from the bad-input corpus's good rows."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.ingest.pipeline import import_paths
from tests.fixtures import make_bad


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
