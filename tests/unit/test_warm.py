"""The server's start (dashboard/ui/warm.py): the pages' modules are imported and the figure check's indexes built
before the first connection, so the first visitor's Встречи page does not pay for them."""
from __future__ import annotations

import asyncio
import sys

from dashboard.meetings import countries
from dashboard.ui import warm


def test_warm_up_imports_the_pages_modules_and_builds_the_country_index() -> None:
    countries._index.cache_clear()
    warm.warm_up()
    assert all(name in sys.modules for name in warm.MODULES)
    assert countries._index.cache_info().currsize == 1
    assert warm.warm_up() < 0.5  # a second call finds everything built: nothing is rebuilt


def test_the_lifespan_warms_up_before_it_yields() -> None:
    countries._index.cache_clear()

    async def start() -> int:
        async with warm.lifespan(None):
            return countries._index.cache_info().currsize

    assert asyncio.run(start()) == 1


def test_the_server_starts_with_the_warm_up() -> None:
    from dashboard import serve
    assert serve.app._user_lifespan is warm.lifespan  # st.App keeps the start hook it was given


def test_warm_up_builds_the_charts_theme_for_each_language_and_screen() -> None:
    from dashboard.charts import theme
    theme._base_layout.cache_clear()
    warm.warm_up()
    assert theme._base_layout.cache_info().currsize == 4  # ru/en × screen/projector: no first chart validates it
