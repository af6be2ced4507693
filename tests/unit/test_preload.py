"""The startup preload names chunks that exist in the installed Streamlit: an upgrade that renames them would
otherwise quietly bring back the slower first chart (issue 6)."""
from __future__ import annotations

from dashboard.ui import preload


def test_every_chunk_the_pages_preload_exists_once():
    for url_path in ("", "partner", "goods", "present", "partners"):
        wanted = (() if url_path in preload.NO_SIDEBAR else preload.SIDEBAR) + preload.PAGES.get(url_path, ())
        found = preload.chunks_for(url_path)
        assert len(found) == len(wanted), (url_path, wanted, found)
        assert all(f.endswith(".js") for f in found)
    assert any(f.startswith("PlotlyChart.") for f in preload.chunks_for(""))
