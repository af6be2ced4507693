"""A figure a press release states, as a claim the store can check: what the text said and what it means."""
from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.store.period import Period


@dataclass
class Claim:
    """metric: rank, export_rank, import_rank, rank_change, partners_count, firms, turnover, exports, imports,
    turnover_growth, export_growth, import_growth, turnover_change, export_change, import_change, turnover_share,
    export_share, import_share, exports_mass, imports_mass (the rules of ranks.py, counts.py, money.py, growth.py
    and shares.py make them; check.py checks each). qualifier: exact, more_than, about, almost, at_most, top_n.
    kind (firms only): exporters, importers, any, foreign_capital."""
    quote: str                       # the words of the text that state the figure
    metric: str                      # see above
    partner: str | None              # ISO alpha-2; None = the region as a whole
    period: Period | None            # as the text gives it; None = not stated
    qualifier: str                   # see above
    value: float                     # normalised: place / count / US dollars / tonnes / ratio (0.31 = +31 %)
    kind: str | None = None          # firms only, see above
    step: float | None = None        # money and tonnes: the unit of the last stated digit (233 млн -> 1e6)
    goods: str | None = None         # money and tonnes of named goods: a ТН ВЭД heading or chapter; "" = goods
                                     # named that the reference does not know (checked as no data, never as all goods)
    sentence: str = field(default="", compare=False)
    claimed_value: float | None = field(default=None, compare=False)   # the number as written: 142.8, 15, 2.8
    unit: str = field(default="", compare=False)     # "%", "раза", "$", "т" or "" (places, counts)
    scale: str = field(default="", compare=False)    # "тыс", "млн", "млрд" or ""
    # stated | relative | base | carried | year_before (a level "годом ранее") | ahead (a lead's comparison, given the
    # period the paragraph states next)
    period_how: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        return {"quote": self.quote, "metric": self.metric, "partner": self.partner,
                "period": self.period.code() if self.period else None, "period_how": self.period_how,
                "qualifier": self.qualifier, "claimed_value": self.claimed_value, "unit": self.unit,
                "scale": self.scale, "normalised_value": self.value, "kind": self.kind, "goods": self.goods}


