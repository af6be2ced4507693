"""The render benchmark (benchmarks/render.py): its AppTests share the one component scan a server makes at its start,
so no timed render pays for scanning the installed packages again."""
from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import render

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"


def test_the_renders_share_one_component_scan(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.components.v2.component_manager import BidiComponentManager
    monkeypatch.setenv("DASHBOARD_DB", str(demo_db))
    scans: list[int] = []
    real = BidiComponentManager.discover_and_register_components

    def counted(self: BidiComponentManager, *args: object, **kwargs: object) -> None:
        scans.append(1)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(BidiComponentManager, "discover_and_register_components", counted)
    monkeypatch.setattr(render, "_components", [])
    assert render.component_registry() >= 0
    for _ in range(2):
        _, errors, _ = render._render(APP, "app_pages/data.py", 60)
        assert not errors
    assert len(scans) == 1  # the one made before the timings; AppTest alone scans in every run
