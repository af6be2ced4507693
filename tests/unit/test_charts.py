"""The charts are built as plain dicts without Plotly's validation (charts/theme.figure): validating each one
again must change nothing, so what the browser gets is what graph_objects would have sent. Also the treemap's
tree and the cached-dict path of widgets.chart."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from dashboard.charts import maps, structure, trade

LANGS = ("ru", "en")
LONG = "Казахстан: место по товарообороту, январь–сентябрь, с очень длинным заголовком"


def _spec(fig: go.Figure | dict) -> dict:
    return json.loads(pio.to_json(fig.to_dict() if isinstance(fig, go.Figure) else fig, validate=False))


def _revalidated(fig: go.Figure) -> dict:
    """The figure passed through every Plotly validator (raises on an unknown or invalid property)."""
    return _spec(go.Figure(fig.to_dict()))


def _hist() -> pd.DataFrame:
    return pd.DataFrame({"year": np.arange(2015, 2025, dtype="int16"), "rank": [3, 3, 4, 2, 1, 1, 2, 5, 7, 3],
                         "of": [120] * 10, "turnover_usd": np.linspace(1e7, 9e7, 10),
                         "exports_usd": np.linspace(5e6, 6e7, 10), "imports_usd": np.linspace(5e6, 3e7, 10),
                         "share": np.linspace(0.01, 0.1, 10)})


def _monthly() -> pd.DataFrame:
    rows = [(y, m, f, (y - 2014) * 1e6 + m * 1e4 + (f == "I") * 5e5)
            for y in (2023, 2024) for m in range(1, 13) for f in ("I", "E")]
    df = pd.DataFrame(rows, columns=["year", "month", "flow", "value_usd"]).sample(frac=1, random_state=1)
    return df.astype({"year": "int16", "month": "int8"})


def _goods() -> pd.DataFrame:
    rows = []
    for i, heading in enumerate(["8401", "8402", "8471", "7304", "7306", "1001", "2709", "9999"]):
        for flow in ("E", "I"):
            rows.append({"flow": flow, "section": 16 if heading[:2] == "84" else 15, "roman": "XVI" if i < 3 else None,
                         "section_ru": "Машины" if i < 3 else None, "section_en": "Machinery" if i < 3 else None,
                         "chapter": heading[:2], "chapter_ru": f"Группа {heading[:2]}", "chapter_en": None,
                         "heading": heading, "heading_ru": None if heading == "9999" else "Товар " + "х" * 5 * i,
                         "heading_en": f"Goods {heading}", "value_usd": 1e6 * (i + 1) * (2 if flow == "E" else 1),
                         "netto_kg": 1.0})
    return pd.DataFrame(rows)


def _firms() -> pd.DataFrame:
    return pd.DataFrame({"year": [2022, 2022, 2022, 2023, 2023], "kind": ["any", "exporters", "importers"] * 1
                         + ["any", "exporters"], "firms": [10, 8, 3, 12, 9]})


def _top() -> pd.DataFrame:
    return pd.DataFrame({"name": ["Казахстан", "Китай", "Турция"], "exports_usd": [3e7, 2e7, 0.0],
                         "imports_usd": [1e7, 2.5e7, 4e6], "share": [0.3, 0.25, 0.05]})


def _ranking() -> pd.DataFrame:
    return pd.DataFrame({"iso3": ["KAZ", "CHN", "TUR", None], "name": ["Казахстан", "Китай", "Турция", "Прочие"],
                         "turnover_usd": [4e7, 4.5e7, 4e6, 1e6], "rank": [2, 1, 3, 4],
                         "share": [0.4, 0.45, 0.04, 0.01]})


def _figures(lang: str, projector: bool) -> dict[str, go.Figure]:
    title = LONG if projector else "Short"
    goods = _goods()
    figs = {"rank": trade.rank_history(_hist(), lang, title, projector),
            "rank_empty": trade.rank_history(_hist().iloc[:0], lang, title, projector),
            "yearly": trade.yearly(_hist(), lang, title, projector),
            "monthly": trade.monthly(_monthly(), lang, title, projector),
            "firms": trade.firms(_firms(), lang, title, projector),
            "top_partners": trade.top_partners(_top(), lang, title, projector),
            "world": maps.world(_ranking(), lang, title, projector)}
    for flow in ("E", "I"):
        part = goods[goods["flow"] == flow]
        figs[f"top_goods_{flow}"] = structure.top_goods(part, flow, lang, title, n=5, projector=projector)
        for depth in (2, 3):
            figs[f"treemap_{flow}{depth}"] = structure.treemap(part, lang, title, projector, depth=depth)
    return figs


@pytest.mark.parametrize("projector", [False, True])
@pytest.mark.parametrize("lang", LANGS)
def test_validating_again_changes_nothing(lang: str, projector: bool) -> None:
    for name, fig in _figures(lang, projector).items():
        assert _spec(fig) == _revalidated(fig), name


def test_cached_dict_draws_the_same_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    from dashboard.ui import widgets
    sent = []
    monkeypatch.setattr(widgets.st, "plotly_chart", lambda fig, **kw: sent.append(fig))
    for name, fig in _figures("ru", False).items():
        widgets.chart(fig.to_dict(), "ru", name, name)
        assert isinstance(sent[-1], go.Figure), name
        assert _spec(sent[-1]) == _spec(fig), name


def test_treemap_is_a_tree_with_summed_values() -> None:
    part = _goods()[lambda d: d["flow"] == "E"]
    t = structure.treemap(part, "en", "T", depth=3).data[0]
    ids, parents, values = list(t.ids), list(t.parents), dict(zip(t.ids, t.values, strict=True))
    assert len(set(ids)) == len(ids)
    assert {p for p in parents if p} <= set(ids)
    roots = [i for i, p in zip(ids, parents, strict=True) if not p]
    assert sum(values[r] for r in roots) == pytest.approx(part["value_usd"].sum() / 1e6)
    for node in ids:  # branchvalues="total": a parent is the sum of its children
        children = [i for i, p in zip(ids, parents, strict=True) if p == node]
        if children:
            assert values[node] == pytest.approx(sum(values[c] for c in children))
    assert "XVI. Machinery / 84 " in ids  # a chapter without an English name keeps its code
    assert "?. " in roots and any(i.endswith("9999 Goods 9999") for i in ids)


def test_monthly_dates_and_labels() -> None:
    fig = trade.monthly(_monthly(), "ru", "T")
    e = fig.data[0]
    assert str(e.x[0])[:10] == "2023-01-01" and str(e.x[-1])[:10] == "2024-12-01"
    assert e.text[0] == "янв 2023" and e.text[-1] == "дек 2024"


def test_treemap_folds_the_small_tiles_into_others() -> None:
    part = _goods()[lambda d: d["flow"] == "E"]
    t = structure.treemap(part, "en", "T", depth=3, sections=1, children=1).data[0]
    ids, parents, values = list(t.ids), list(t.parents), dict(zip(t.ids, t.values, strict=True))
    roots = [i for i, p in zip(ids, parents, strict=True) if not p]
    assert sorted(roots) == ["?. ", "XVI. Machinery"]  # one section left over keeps its own name
    assert sum(values[r] for r in roots) == pytest.approx(part["value_usd"].sum() / 1e6)
    chapters = [i for i, p in zip(ids, parents, strict=True) if p == "?. "]  # four chapters: 1 and the others
    assert len(chapters) == 2 and "?.  / Others" in chapters
    assert values["?. "] == pytest.approx(sum(values[c] for c in chapters))
    assert not [i for i, p in zip(ids, parents, strict=True) if p == "?.  / Others"]  # "others" is a leaf
    assert all(len(label) <= 32 for label in t.labels)


def test_small_values_in_thousands() -> None:
    from dashboard.charts import theme
    assert theme.money_scale(800_000, "ru") == (1e3, "тыс. $")
    assert theme.money_scale(2e6, "en") == (1e6, "M $")
    small = _hist().assign(exports_usd=lambda d: d["exports_usd"] / 100, imports_usd=lambda d: d["imports_usd"] / 100)
    fig = trade.yearly(small, "ru", "T", scale=1e3)
    assert max(fig.data[0].y) == pytest.approx(small["exports_usd"].max() / 1e3)
    assert fig.layout.yaxis.title.text == "тыс. $" and "тыс. $" in fig.data[0].hovertemplate


def test_rank_labels_are_two_short_lines_with_room_above_the_first_place() -> None:
    fig = trade.rank_history(_hist(), "ru", "T")
    tr = fig.data[0]
    assert all(text.count("<br>") == 1 for text in tr.text)
    first_lines = [text.split("<br>")[0] for text in tr.text]
    assert first_lines == [f"<b>{r}</b>" for r in _hist()["rank"]]
    assert all("из 120" in text for text in tr.text) and tr.customdata[0] == "3 из 120"
    low, high = fig.layout.yaxis.range
    assert low > _hist()["rank"].max() and high <= 0  # the 1st place's label stays inside the plot
    assert list(fig.layout.yaxis.tickvals) == list(range(1, 8))
    far = trade.rank_history(_hist().assign(rank=lambda d: d["rank"] + 100), "ru", "T")
    assert list(far.layout.yaxis.tickvals) == [1, 20, 40, 60, 80, 100]


def test_monthly_ticks_once_a_year_and_firms_labels_have_headroom() -> None:
    fig = trade.monthly(_monthly(), "ru", "T")
    assert fig.layout.xaxis.dtick == "M12" and fig.layout.xaxis.tickformat == "%Y"
    f = trade.firms(_firms(), "ru", "T")
    assert f.layout.yaxis.range[1] > _firms()["firms"].max() * 1.1
    assert all(tr.cliponaxis is False for tr in f.data)


def test_a_long_title_is_wrapped_into_even_lines_without_a_word_left_alone() -> None:
    from dashboard.charts import theme
    title = "Top 10 partners by turnover, 2024, M $"
    lines = theme.wrap_title(title, 36).split("<br>")
    assert len(lines) == 2 and " ".join(lines) == title and min(map(len, lines)) >= 15
    head, *rest = theme.wrap_title("Казахстан: товарооборот по месяцам, 2022–2024, млн $", 36).split("<br>")
    assert head == "Казахстан:" and all(len(x) <= 36 for x in rest) and abs(len(rest[0]) - len(rest[-1])) <= 8
    assert theme.wrap_title("Short title", 36) == "Short title"
