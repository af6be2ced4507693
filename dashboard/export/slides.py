"""The briefing on one partner as a list of slides (the model of dashboard/slide_model.py), behind the
presenter page (drawn with Plotly) and the PPTX/PDF deck (drawn with native PowerPoint charts).

build_deck(store, iso2, period, region, lang) asks the store's answers once; both renderers only lay out
what is here, so the screen and the file cannot show different figures.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import config
from dashboard.charts import theme
from dashboard.export import national_text, official_text
from dashboard.i18n import t
from dashboard.i18n.columns import name_column
from dashboard.i18n.numbers import day, day_long, money, number, percent, period_label, plural, rank_phrase
from dashboard.i18n.numbers import version_label as version_text
from dashboard.meetings import store_io
from dashboard.reference import partners as ref_partners
from dashboard.reference import regions as regions_ref
from dashboard.slide_model import AUDIENCES, Chart, Deck, Item, ItemList, Kpi, Series, Slide
from dashboard.store import answers, national
from dashboard.store.db import Store
from dashboard.store.period import Period

TOP_CHAPTERS = 7          # bars on a structure slide; the rest goes into "other"
MAX_MEETINGS = 3
MAX_FOLLOWUPS = 4          # what fits at 1280x720 with long Russian texts
FOLLOWUP_CHARS = 100       # a follow-up's text on a slide: three lines at most in a half-width column
HISTORY_YEARS = 6         # years on the dynamics, rank and firms charts
MAX_OFFICIAL = 5           # official figures from letters on the closing slide, newest first


def _p(key: str, lang: str, **kw: object) -> str:
    return t(f"present.{key}", lang, **kw)


def _short(text: str, n: int = 44) -> str:
    """Cut at a word boundary, with an ellipsis."""
    if len(text) <= n:
        return text
    cut = text[: n - 1]
    if " " in cut[n // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;(") + "…"


def _labelled_scale(values: list[float], lang: str) -> tuple[float, str]:
    """Dollars per unit and the unit of a slide chart, whose data labels print every value: the pages' choice
    (theme.money_scale) given the largest and the smallest non-zero value, so no label of a small partner
    reads 0,0 млн $. The KPIs beside it are written by numbers.money, which scales each figure on its own."""
    sizes = [abs(v) for v in values if v]
    return theme.money_scale(max(sizes, default=0.0), lang, min(sizes, default=0.0))


def _growth(g: float | None, lang: str, suffix: str = "") -> str:
    return f"{percent(g, lang, signed=True)}{suffix}" if g is not None else ""


class _Builder:
    def __init__(self, store: Store, iso2: str, period: Period, region: str, lang: str, today: dt.date):
        self.store, self.iso2, self.region, self.lang = store, iso2, region, lang
        cov = answers.coverage(store, region)
        self.period = cov.effective(period)
        self.today = today
        # "данные на …": the latest month loaded, and whether it is more than six months before today
        latest = cov.latest_month()
        self.as_of = (_as_of(latest, lang) + (f" ({t('asof.stale_short', lang)})" if cov.stale(today) else "")
                      if latest else "")
        self.version = version_text(answers.version_number(store), answers.published_at(store), lang)
        self.scope = answers.scope(store, region, self.period.year)
        self.ptext = period_label(self.period.year, self.period.m_from, self.period.m_to, lang)
        prev = self.period.year - 1
        self.prev_text = period_label(prev, self.period.m_from, self.period.m_to, lang)
        self.vs_prev = _p("vs_prev_year" if self.period.full_year else "vs_prev_months", lang, year=prev)
        self.scope_text = t(self.scope.label_key, lang)
        self.pos = answers.position(store, region, self.period, iso2)
        self.name = (self.pos.name(lang) if self.pos else None) or ref_partners.name(iso2, lang)

    def foot(self, source: str = "customs") -> str:
        text = _p("footnote", self.lang, period=self.ptext, scope=self.scope_text,
                  source=_p(f"foot_{source}", self.lang, date=day(self.today, self.lang)),
                  version=self.version)
        text += f" · {self.as_of}" if self.as_of else ""
        return text + (" · " + _p("demo", self.lang) if self.scope.demo else "")

    def region_title(self) -> str:
        if self.region == config.region() == "18000":
            return t("app.title", self.lang)
        names = answers.regions(self.store)
        row = names[names["code"] == self.region]
        # the FTS spells the region in Russian capitals: written as the sidebar writes it in the slides' language
        name = regions_ref.display_name(str(row["name"].iloc[0]), self.lang) if len(row) else self.region
        return _p("region_title", self.lang, region=name)

    # ---- slides -------------------------------------------------------------------------------------------
    def title(self) -> Slide:
        return Slide("title", self.name, subtitle=self.region_title(), big=self.ptext,
                     note=_p("title_line", self.lang, date=day_long(self.today, self.lang)),
                     footnote=self.foot())

    def headline(self, history: pd.DataFrame) -> Slide:
        lang, pos = self.lang, self.pos
        if not pos:
            return Slide("headline", _p("headline_title", lang), note=_p("no_trade", lang, name=self.name,
                         period=self.ptext), footnote=self.foot())
        big = rank_phrase(pos.rank, pos.of, lang)
        kpis = [
            Kpi(t("kpi.turnover", lang), money(pos.turnover.usd, lang), _growth(pos.growth, lang, f" {self.vs_prev}")),
            Kpi(t("kpi.exports", lang), money(pos.exports.usd, lang), _growth(pos.export_growth, lang)),
            Kpi(t("kpi.imports", lang), money(pos.imports.usd, lang), _growth(pos.import_growth, lang)),
            Kpi(t("kpi.share", lang), percent(pos.share, lang)),
        ]
        if pos.prev_rank is not None:
            kpis.append(Kpi(_p("prev_rank", lang), number(pos.prev_rank, 0, lang), self.prev_text))
        h = history.tail(HISTORY_YEARS)
        chart = Chart("rank_line", tuple(str(y) for y in h["year"]),
                      (Series(t("charts.rank", lang), tuple(float(r) for r in h["rank"]), theme.TURNOVER),),
                      unit=t("charts.rank", lang), decimals=0,
                      title=_p("rank_chart", lang, months=self._months_text()))
        return Slide("headline", _p("headline_title", lang), big=big,
                     subtitle=_p("headline_sub", lang, period=self.ptext, scope=self.scope_text),
                     kpis=tuple(kpis), chart=chart if len(h) else None, footnote=self.foot())

    def _months_text(self) -> str:
        if self.period.full_year:
            return _p("full_years", self.lang)
        return period_label(2000, self.period.m_from, self.period.m_to, self.lang).replace(" 2000", "")

    def dynamics(self, history: pd.DataFrame) -> Slide:
        lang = self.lang
        h = history.tail(HISTORY_YEARS)
        title = _p("dynamics_title", lang)
        if h.empty:
            return Slide("dynamics", title, note=_p("no_data", lang), footnote=self.foot())
        scale, unit = _labelled_scale([*h["exports_usd"], *h["imports_usd"]], lang)
        chart = Chart(
            "stacked_column", tuple(str(y) for y in h["year"]),
            (Series(t("flows.E", lang), tuple(v / scale for v in h["exports_usd"]), theme.EXPORTS),
             Series(t("flows.I", lang), tuple(v / scale for v in h["imports_usd"]), theme.IMPORTS)),
            unit=unit, title=_p("dynamics_chart", lang, months=self._months_text()))
        sub = ""
        if self.pos:
            sub = _p("dynamics_sub", lang, turnover=money(self.pos.turnover.usd, lang), period=self.ptext)
            if self.pos.growth is not None:
                sub += f" ({_growth(self.pos.growth, lang, ' ' + self.vs_prev)})"
        return Slide("dynamics", title, subtitle=sub, chart=chart, footnote=self.foot())

    def structure(self, cs: pd.DataFrame, flow: str) -> Slide:
        lang = self.lang
        kind = "exports" if flow == "E" else "imports"
        title = _p(f"{kind}_title", lang)
        d = cs[cs["flow"] == flow]
        if d.empty or d["value_usd"].sum() <= 0:
            return Slide(kind, title, note=_p(f"no_{kind}", lang, period=self.ptext), footnote=self.foot())
        g = (d.groupby(["chapter", name_column(lang, "chapter")], dropna=False)["value_usd"].sum()
             .sort_values(ascending=False))
        total = float(g.sum())
        top = g.head(TOP_CHAPTERS)
        labels = [f"{ch} {_short(nm if isinstance(nm, str) else '')}".strip() for ch, nm in top.index]
        first_name = f"{top.index[0][0]} {_short(str(top.index[0][1] or ''), 60)}".strip()
        values = [float(v) for v in top]
        rest = total - float(top.sum())
        if rest > 0.0005 * total:
            labels.append(_p("other", lang))
            values.append(rest)
        scale, unit = _labelled_scale(values, lang)
        values = [v / scale for v in values]
        # largest at the top of a horizontal bar chart: PowerPoint and Plotly both draw the first category
        # at the bottom, so the order is reversed here once
        chart = Chart("bar", tuple(reversed(labels)),
                      (Series(t(f"flows.{flow}", lang), tuple(reversed(values)), theme.FLOW_COLOURS[flow]),),
                      unit=unit, title=_p("structure_chart", lang, period=self.ptext))
        sub = _p("structure_sub", lang, flow=t(f"flows.{flow}", lang), total=money(total, lang),
                 first=first_name, share=percent(float(top.iloc[0]) / total, lang))
        return Slide(kind, title, subtitle=sub, chart=chart, footnote=self.foot())

    def firms(self, fh: pd.DataFrame, total: answers.Firms | None) -> Slide:
        lang = self.lang
        title = _p("firms_title", lang)
        fh = fh[fh["year"] <= self.period.year]
        years = sorted(fh["year"].unique())[-HISTORY_YEARS:]
        if not years:
            return Slide("firms", title, note=t("partner.no_firms", lang), footnote=self.foot("firms"))
        series = []
        colours = {"exporters": theme.EXPORTS, "importers": theme.IMPORTS, "any": theme.TURNOVER}
        for kind in ("any", "exporters", "importers"):
            d = fh[fh["kind"] == kind].set_index("year")["firms"]
            if d.empty:
                continue
            series.append(Series(t(f"firms.{kind}", lang),
                                 tuple(float(d[y]) if y in d.index else None for y in years), colours[kind]))
        cur = fh[fh["year"] == self.period.year].set_index("kind")["firms"]
        sub = ""
        if len(cur):
            n = total.total if total else None
            sub = _p("firms_sub", lang, year=self.period.year, n=number(n, 0, lang), firms=_firms_word(n or 0, lang))
            parts = [_p(f"firms_sub_{k}", lang, n=number(cur[k], 0, lang)) for k in ("exporters", "importers")
                     if k in cur.index]
            if parts:
                sub += "; " + ", ".join(parts)
        chart = Chart("column", tuple(str(y) for y in years), tuple(series), unit=t("firms.unit", lang),
                      decimals=0, title=_p("firms_chart", lang))
        return Slide("firms", title, subtitle=sub, chart=chart, footnote=self.foot("firms"))

    def _text(self, marked: tuple[str, bool], n: int) -> str:
        """A stored text cut to n characters; on an English slide, a Russian text standing in for a missing English
        one says so."""
        text, russian = marked
        if not russian:
            return _short(text, n)
        mark = _p("in_russian", self.lang)
        return f"{_short(text, n - len(mark) - 1)} {mark}"

    def meetings(self, audience: str) -> Slide:
        lang = self.lang
        held = store_io.list_meetings(self.store, self.iso2)
        meetings = tuple(
            Item(self._text(m.title_marked(lang), 90),
                 " · ".join(x for x in (day(m.held_on, lang) if m.held_on else "",
                                        self._text(m.place_in(lang), 40) if m.place else "") if x))
            for m in held[:MAX_MEETINGS])
        if audience == "guest":
            # the agreements themselves, of the meetings shown: no owner, due date or status for a delegation
            agreed = [Item(self._text(f.text_in(lang), FOLLOWUP_CHARS)) for m in held[:MAX_MEETINGS]
                      for f in m.followups]
            title, empty = _p("agreements_list", lang, n=len(agreed)), _p("no_agreements", lang)
        else:
            agreed = []
            for f, _mid, _held_on, _title in store_io.open_followups(self.store, self.iso2, self.today):
                overdue = f.status_on(self.today) == "overdue"
                bits = [self._text(f.owner_in(lang), 50) if f.owner else "",
                        _p("due", lang, date=day(f.due_on, lang)) if f.due_on else "",
                        _p("overdue", lang) if overdue else ""]
                agreed.append(Item(self._text(f.text_in(lang), FOLLOWUP_CHARS), " · ".join(b for b in bits if b),
                                   alert=overdue))
            title, empty = _p("followups_list", lang, n=len(agreed)), _p("no_followups", lang)
        more = f" ({_p('more', lang, n=len(agreed) - MAX_FOLLOWUPS)})" if len(agreed) > MAX_FOLLOWUPS else ""
        lists = (
            ItemList(_p("meetings_list", lang), meetings, _p("no_meetings", lang, name=self.name)),
            ItemList(title + more, tuple(agreed[:MAX_FOLLOWUPS]), empty),
        )
        sub = _p("meetings_sub", lang, n=len(held)) if held else ""
        return Slide("meetings", _p("meetings_title" if audience == "internal" else "meetings_title_guest", lang),
                     subtitle=sub, lists=lists, footnote=self.foot("meetings"))

    def national(self) -> Slide:
        """The region among Russia's regions, Russia's trade (Comtrade) and the partner's mirror figures: the
        figures of the partner page's national block (export/national_text.py), with their sources listed."""
        lang = self.lang
        n = national.national_picture(self.store, self.region, self.period, self.iso2)
        figures = tuple(Item(f"{f.label}: {f.value}", f.help) for f in national_text.figures(n, lang))
        sources = tuple(Item(line) for line in national_text.captions(n, lang))
        return Slide("national", t("national.slide_title", lang),
                     subtitle=t("national.slide_sub", lang, period=self.ptext),
                     lists=(ItemList(t("national.slide_figures", lang), figures, t("national.none", lang)),
                            ItemList(t("national.slide_sources", lang), sources)),
                     footnote=self.foot("comtrade"))

    def official(self, audience: str) -> tuple[ItemList, ...]:
        """The partner's figures from letters, with their letters; the guest deck leaves out the ДСП ones (and so
        do its PPTX and PDF), the internal one marks them."""
        figures = answers.official_figures(self.store, self.region, self.iso2, restricted=audience == "internal")
        if not figures:
            return ()
        items = tuple(Item(t("official.slide_item", self.lang, metric=official_text.metric(o, self.lang),
                             period=official_text.period(o, self.lang), value=official_text.value(o, self.lang)),
                           official_text.source(o, self.lang)
                           + (f" · {t('official.restricted', self.lang)}" if o.restricted else ""), alert=o.restricted)
                      for o in figures[:MAX_OFFICIAL])
        return (ItemList(t("official.slide_list", self.lang), items),)

    def closing(self, audience: str = "guest") -> Slide:
        lang = self.lang
        customs = list(self.scope.files)
        firm_files = [str(f) for (f,) in self.store.rows("firms_sources", year=self.period.year)]
        sources = [Item(_p("source_customs", lang), ", ".join(customs) or "—"),
                   Item(_p("source_firms", lang), ", ".join(firm_files) or "—"),
                   Item(_p("source_meetings", lang))]
        facts = [Item(_p("data_version", lang, version=self.version)),
                 Item(_p("scope_line", lang, period=self.ptext, scope=self.scope_text)),
                 Item(_p("def_rank", lang)), Item(_p("def_growth", lang)),
                 Item(_p("made_on", lang, date=day_long(self.today, lang)))]
        if self.scope.demo:
            facts.insert(0, Item(_p("demo_long", lang), alert=True))
        return Slide("closing", _p("closing_title", lang), subtitle=self.name + " · " + self.ptext,
                     lists=(ItemList(_p("sources_list", lang), tuple(sources)),
                            ItemList(_p("facts_list", lang), tuple(facts)), *self.official(audience)),
                     footnote=self.foot())


def _as_of(latest: tuple[int, int], lang: str) -> str:
    """'данные на сентябрь 2023'."""
    return t("asof.caption", lang, month=period_label(latest[0], latest[1], latest[1], lang))


def _firms_word(n: int, lang: str) -> str:
    """'1 компания, 2 компании, 5 компаний' / '1 firm, 2 firms': the forms are the catalogue's."""
    one, few, many = (_p(f"firms_word_{form}", lang) for form in ("one", "few", "many"))
    return plural(n, one, few, many) if lang == "ru" else (one if n == 1 else many)


def build_deck(store: Store, iso2: str, period: Period, region: str | None = None, lang: str = "ru",
               today: dt.date | None = None, audience: str = "guest", slides: tuple[int, ...] | None = None) -> Deck:
    """The briefing on partner iso2 for the period (cut to the loaded months), for a guest (the default) or the
    region's own staff (audience="internal"); `slides`, 1-based numbers of the whole deck, picks and orders them."""
    if audience not in AUDIENCES:
        raise ValueError(f"audience {audience!r}: one of {', '.join(AUDIENCES)}")
    region = region or config.region()
    b = _Builder(store, iso2.upper(), period, region, lang, today or config.today())
    p = b.period
    history = answers.rank_history(store, region, b.iso2, p.m_from, p.m_to)
    history = history[history["year"] <= p.year]
    cs = answers.commodity_structure(store, region, p, b.iso2)
    firms = b.firms(answers.firms_history(store, b.iso2), answers.firms(store, b.iso2, p.year))
    deck = Deck(b.iso2, b.name, p, region, lang, b.version, b.scope.demo, b.today, audience=audience)
    deck.slides = [b.title(), b.headline(history), b.dynamics(history), b.structure(cs, "E"),
                   b.structure(cs, "I"), firms, b.meetings(audience), b.national(), b.closing(audience)]
    return deck.picked(slides)
