"""The national picture (store.national.NationalPicture) as text in one language: the figures with their labels
and help, and the captions that give each figure's period, scope and source. The partner page's block and the
national slide both lay out what this returns, so the two cannot say different things."""
from __future__ import annotations

from dataclasses import dataclass

from dashboard.i18n import t
from dashboard.i18n.numbers import money, percent, period_label
from dashboard.reference import partners as ref_partners
from dashboard.store.answers import Scope
from dashboard.store.national import NationalPicture


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    help: str


def _n(key: str, lang: str, **kw: object) -> str:
    return t(f"national.{key}", lang, **kw)


def _scope(s: Scope, lang: str) -> str:
    return ", ".join(t(k, lang) for k in s.label_parts)


def figures(n: NationalPicture, lang: str) -> list[Figure]:
    """The block's figures, each only where the store has it."""
    out = []
    if n.place:
        out += [Figure(_n("place", lang), _n("place_value", lang, rank=n.place.rank, of=n.place.of),
                       _n("place_help", lang)),
                Figure(_n("regions_share", lang), percent(n.place.share, lang), _n("regions_share_help", lang))]
    if n.national:
        out.append(Figure(_n("russia", lang), money(n.national.turnover.usd, lang), _n("russia_help", lang)))
        if n.position is not None:
            out.append(Figure(_n("share_of_russia", lang), percent(n.share_of_national, lang),
                              _n("share_help", lang)))
    if n.mirror:
        out.append(Figure(_n("mirror", lang), money(n.mirror.turnover.usd, lang), _n("mirror_help", lang)))
    return out


def captions(n: NationalPicture, lang: str) -> list[str]:
    """Period, scope and source of every figure; what is missing is said (no Comtrade figures of Russia after
    2021), and the mirror figures are told apart from the region's."""
    if n.empty:
        return [_n("none", lang)]
    ptext = period_label(n.period.year, n.period.m_from, n.period.m_to, lang)
    out = []
    if n.place:
        out.append(_n("place_caption", lang, period=ptext, scope=_scope(n.place.scope, lang),
                      files=", ".join(n.place.scope.files)))
    if n.national:
        key = n.share_scope_key
        share_scope = (_n("scope_differs", lang) if key == "national.scope_differs"
                       else _n("share_scope", lang, scope=t(key, lang)) if key else "—")
        out.append(_n("russia_caption", lang, period=ptext, scope=_scope(n.national.scope, lang),
                      files=", ".join(n.national.scope.files), share_scope=share_scope))
    else:
        # Russia stopped reporting after 2021; before that, what is missing is this period's figures
        out.append(_n("no_russia" if n.period.year > 2021 else "no_russia_period", lang, year=n.period.year))
    reporter = ref_partners.name(n.partner, lang)
    if n.mirror:
        out.append(_n("mirror_caption", lang, period=ptext, reporter=reporter, files=", ".join(n.mirror.scope.files),
                      exports=money(n.mirror.russia_exports.usd, lang),
                      imports=money(n.mirror.russia_imports.usd, lang)))
    else:
        out.append(_n("no_mirror", lang, reporter=reporter))
    return out
