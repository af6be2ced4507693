"""Shares of a flow: "на Турцию приходится 9,4 % оборота", "доля … составила 7,8 %", "с долей 12 %", and a second
share after a dash with the verb left out ("…, на Турцию — 8,7 %", "…, в экспорте — 9,8 %")."""
from __future__ import annotations

import re

from dashboard.meetings.numerals import AHEAD
from dashboard.meetings.sentence import FLOW, SHARE, Sentence, flow_of

_SHARE_VERB = re.compile(r"(?:приход\w*|пришл\w*|пришёл\w*|с\s+долей|дол[яиюе]\w*)\s+"
                         r"(?:[\w-]+\s+|[—–]\s+){0,12}?$", re.I)
_SHARE_ELLIPTIC = re.compile(r"[,;]\s+(?:а\s+)?(?P<what>(?:на|в|во)\s+(?:[\w-]+\s+){1,3}?)[—–]\s*$", re.I)
_SHARE_FLOW = re.compile(r"^\s*(?:[а-яё]+\s+){0,1}?(?P<flow>экспорт\w*|импорт\w*|товарооборот\w*|оборот\w*|"
                         r"(?:внешне)?торгов\w*|закуп\w*|поставок)", re.I)


def share(x: Sentence, m: re.Match[str], n: float, qual: str, start: int) -> bool:
    """Adds the share the percent `m` (value `n`, its qualifier starting at `start`) states, if it states one."""
    s = x.s
    lo = max(0, m.start("num") - 300)     # the rules below read at most a few words back
    before = s[lo:m.start("num")]
    verb = _SHARE_VERB.search(before[:start - lo])
    if verb:
        between = FLOW.search(before, verb.start(), start - lo)
        follows = _SHARE_FLOW.match(s[m.end():m.end() + AHEAD])
        word = (between.group(0) if between and verb.group(0).lower().startswith(("дол", "с дол")) else None) \
            or (follows.group("flow") if follows else None) or (between.group(0) if between else None)
        flow = flow_of(word) if word else "turnover"
        x.add(lo + verb.start(), m.end(), SHARE[flow], x.partner_at(m.start(), False), qual, n / 100,
              core=m.start(), claimed=n, unit="%")
        return True
    again = _SHARE_ELLIPTIC.search(before[:start - lo]) if x.last_share else None
    if again and x.last_share:     # "…, на Турцию — 8,7 %", "…, в экспорте — 9,8 %": one share verb, two figures
        named_flow = FLOW.search(again.group("what"))
        metric = SHARE[flow_of(named_flow.group(0))] if named_flow else x.last_share
        x.add(lo + again.start("what"), m.end(), metric, x.partner_at(m.start(), False), qual, n / 100,
              core=m.start(), claimed=n, unit="%")
        return True
    return False
