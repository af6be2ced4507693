"""AppTest fixtures: the app run server-side against the demo database built through the real importer."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.store import segments

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"


@pytest.fixture()
def make_app(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    """make_app(page=None, **query) -> an AppTest that has run once (and switched to page when given)."""
    monkeypatch.setenv("DASHBOARD_DB", str(demo_db))

    def make(page: str | None = None, **query: str) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=60)
        for k, v in query.items():
            at.query_params[k] = v
        if page:  # open the page directly, as a link to it does
            at.switch_page(f"app_pages/{page}.py")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return make


@pytest.fixture()
def sql(demo_db: Path) -> Callable[..., list[tuple]]:
    """Independent answers straight from the trade table (not through the app's metrics)."""
    def run(query: str, *params: object) -> list[tuple]:
        con = segments.connect(demo_db)
        try:
            return con.execute(query, list(params)).fetchall()
        finally:
            con.close()
    return run


def turnover_by_partner(sql: Callable[..., list[tuple]], year: int, m_from: int = 1, m_to: int = 12,
                        region: str = "18000") -> dict[str, float]:
    rows = sql("SELECT partner, sum(value_cents) / 100 FROM trade WHERE region = ? AND year = ? "
               "AND month BETWEEN ? AND ? GROUP BY partner HAVING sum(value_cents) > 0", region, year, m_from, m_to)
    return dict(rows)
