"""The load client of the capacity benchmark against a real `streamlit run` on a free loopback port: two
sessions, one page each, each run ends with script_finished and brings the page's elements (correctness only,
no timing)."""
from __future__ import annotations

import asyncio
from pathlib import Path

from benchmarks import wsclient
from benchmarks.load import Server

ROOT = Path(__file__).resolve().parents[2]


async def _two_sessions(url: str) -> list[wsclient.Run]:
    async def one(page: str, query: str) -> wsclient.Run:
        async with wsclient.Session(url, timeout_s=120) as s:
            return await s.run(page, query)
    return list(await asyncio.gather(one("", "year=2022"), one("partners", "year=2022&lang=en")))


def test_two_sessions_run_their_pages_to_script_finished(demo_db: Path, tmp_path: Path):
    server = Server(demo_db, ROOT, log=tmp_path / "server.log")
    try:
        server.wait_healthy(120)
        overview, partners = asyncio.run(_two_sessions(server.url))
    finally:
        server.stop()
    for run in (overview, partners):
        assert run.errors == [], server.log_tail()
        assert run.kinds.get("new_session") == 1 and run.kinds.get("script_finished") == 1
        assert run.page_script_hash  # the server told each session which page it ran
    # the navigation of each run names the page asked for
    assert overview.page_script_hash == overview.pages[""] != partners.page_script_hash == partners.pages["partners"]
    assert overview.elements.get("plotly_chart", 0) >= 1 and overview.elements.get("metric", 0) >= 1
    assert partners.elements.get("dataframe", 0) >= 1 and "plotly_chart" not in partners.elements
