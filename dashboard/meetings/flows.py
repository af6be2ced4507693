"""The words that name a flow of trade (exports, imports, turnover) in a press release, and whose flow a verb's
subject turns round.

Nouns and their derivatives are found by their stems ("экспорт", "экспортёров", "товарооборота"); verbs, participles
and gerunds ("поставили", "закупив", "отгрузили", "ввезено") and the nouns whose stems change in their forms
("отгрузок", "закупок") by the dictionary's lexemes of the lemmas below (pymorphy3), so every person, tense and
case is known without listing a form by hand. A verb whose subject is the partner names the other flow: "Вьетнам
закупил 60 тыс. тонн" is the region's export.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from dashboard.meetings import morphology

_STEMS = (r"экспорт\w*|вывоз\w*|выв[её]з\w*|направил\w*|отгруж\w*|отгрузк\w*|отправлен\w*|поставлен\w*|поставк\w*|"
          r"поставок|импорт\w*|ввоз\w*|вв[её]з\w*|закупк\w*|(?:внешне)?торгов\w+\s+оборот\w*|товарооборот\w*|"
          r"(?<![а-яё])оборот\w*|"
          # ("оборот" as a word of its own: "наоборот" is none) and the trade as a whole named by its noun: "объём
          # внешней торговли с египетской стороной"
          r"внешн\w+\s+торговл\w*|"
          # (or by its volume: "общий объём торговли увеличился на 19,6 млн", "объём взаимной торговли")
          r"объ[её]м\w*\s+(?:взаимн\w+\s+|двусторонн\w+\s+)?торговл\w*")
_IMPORT_WORDS = ("импорт", "ввоз", "ввез", "ввёз", "закупк")
_EXPORT_WORDS = ("экспорт", "вывоз", "вывез", "вывёз", "направил", "отгруж", "отгрузк", "отправлен", "поставлен",
                 "поставк", "поставок")
_LEMMAS: dict[str, tuple[str, ...]] = {
    "exports": ("поставить", "поставлять", "отгрузить", "отгружать", "отправить", "отправлять", "экспортировать",
                "вывезти", "вывозить", "продать", "продавать", "отгрузка", "поставка"),
    "imports": ("закупить", "закупать", "импортировать", "ввезти", "ввозить", "приобрести", "приобретать", "купить",
                "покупать", "закупка", "покупка"),
}
# the words of the lemmas above start so; a candidate is kept only when the dictionary knows it as their form
_CANDIDATE = r"(?<![а-яё-])(?:постав|отгруз|отправ|экспортир|выв[её]з|вывоз|прода|закуп|купи|купл|покуп|импортир|" \
    r"вв[её]з|ввоз|приобре)[а-яё]*"
_RX = re.compile(rf"(?P<stem>{_STEMS})|(?P<form>{_CANDIDATE})", re.I)


@functools.cache
def _forms() -> dict[str, tuple[str, bool]]:
    """Every form of the lemmas -> (its flow, whether it is an active verb form, whose subject acts)."""
    out: dict[str, tuple[str, bool]] = {}
    for flow, lemmas in _LEMMAS.items():
        for lemma in lemmas:
            for p in morphology.analyzer().parse(lemma):
                if p.normal_form != lemma:
                    continue
                for f in p.lexeme:
                    active = f.tag.POS in ("VERB", "GRND", "INFN") or (f.tag.POS == "PRTF" and "actv" in f.tag)
                    for w in {f.word, f.word.replace("ё", "е")}:
                        out.setdefault(w, (flow, active))
    return out


class _FlowWords:
    """Finds flow words like a compiled pattern (`finditer`, `search`), keeping a verb-like candidate only when it
    is a form of a flow lemma ("поставщик", "направление" and "продавец" are none)."""

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        for m in _RX.finditer(s, pos, len(s) if endpos is None else endpos):
            if m.group("stem") or m.group(0).lower() in _forms():
                yield m

    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(s, pos, endpos), None)


FLOW = _FlowWords()


def flow_of(word: str) -> str:
    w = word.lower()
    form = _forms().get(w)
    if form:
        return form[0]
    return "imports" if w.startswith(_IMPORT_WORDS) else "exports" if w.startswith(_EXPORT_WORDS) else "turnover"


def active(word: str) -> bool:
    """Whether the flow word is an active verb form ("закупил", "поставляя"), whose subject is the buyer or seller."""
    form = _forms().get(word.lower())
    return bool(form and form[1])


def other(flow: str) -> str:
    return {"exports": "imports", "imports": "exports"}.get(flow, flow)
