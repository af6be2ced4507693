"""Lists and tables written as text: a lead ending with a colon and the items under it, one a line.

    Экспорт по странам за январь–сентябрь 2024 г. (млн долл. США; изменение к январю–сентябрю 2023 г.):
    Турция — 318,4 (+5,1 %)
    Египет — 241,7 (+22,0 %)

Each item is read as a sentence of its own, with what its lead told: the flow and the period (the caller carries
them), dollars once a sum named them, and the scale and unit a table's lead gives its bare numbers ("млн долл.
США:", "(млн долл. США; …)") written after each number an item gives after its dash.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# an item: a bullet, a number or keycap emoji, a flag, or a row "Турция — 318,4" / "I квартал 2024 г. — 171,2" /
# "Казахстан: 132,4 млн долл. США"
_ITEM = re.compile(r"\s*(?:[•·▪●◦▸►*—–-]|\d{1,2}[.)]\s|\d\ufe0f?\u20e3|[\U0001F1E6-\U0001F1FF]{2}|"
                   r"[^\W\d_][^—–:\n]{0,60}?(?:\s[—–]|:)\s*[\d(+−-])")
# the scale and unit a table's lead gives, before its colon or in its brackets: ", млн долл. США:",
# "(млн долл. США; изменение к …):", "(тыс. тонн):"
_LEAD_UNIT = re.compile(r"[,(]\s*(?P<unit>(?:млн|млрд|тыс\.)\s*(?:долл\w*\.?(?:\s*США)?|\$|тонн|т\.?))\s*"
                        r"(?:[;)][^:\n]{0,120})?:", re.I)
# a bare number after an item's dash or after a flow word: "Турция — 318,4 (+5,1 %)", "I квартал 2024 г. — 171,2;",
# "2022 год — экспорт 254,1, импорт 71,3"
_BARE = re.compile(r"(?P<pre>[—–]\s|(?<![\w-])(?:экспорт|импорт|товарооборот|оборот)\s+)"
                   r"(?P<n>\d{1,3}(?:[\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
                   r"(?![.,]?\d|\s*(?:[\d%$]|млн|млрд|тыс|долл|т\.|тонн|процент|мест|раз|компан|предприят|стран|организац|год|"
                   r"г\.))", re.I)


_MARKER = re.compile(r"\s*(?:[•·▪●◦▸►*—–-]\s*|(?P<n>\d{1,2})(?:\ufe0f?\u20e3|(?<=\d)[.)]\s))")


# the role of the partners a lead lists, which tells the flow of its items' sums: "Основные покупатели волгоградской
# продукции:" (exports), "Главные поставщики области:" (imports)
_BUYERS = re.compile(r"(?<![\w-])(?:покупател|получател|потребител|рынк\w*\s+сбыт)\w*", re.I)
_SUPPLIERS = re.compile(r"(?<![\w-])поставщик\w*", re.I)


def role_flow(lead: str) -> str | None:
    return "exports" if _BUYERS.search(lead) else "imports" if _SUPPLIERS.search(lead) else None


def is_item(paragraph: str) -> bool:
    return _ITEM.match(paragraph) is not None


def is_lead(paragraph: str) -> bool:
    return paragraph.rstrip().endswith(":")


def unmarked(item: str) -> str:
    """An item as read after its lead: its bullet left out, its number as a list's ("1️⃣ Турция" -> "1) Турция")."""
    m = _MARKER.match(item)
    if m is None:
        return item
    return (f"{m.group('n')}) " if m.group("n") else "") + item[m.end():]


# a table's columns named in the brackets of its lead: "(место; млн долл. США; доля в импорте области):"
_LEAD_COLUMNS = re.compile(r"\((?P<cols>[^()\n:]{3,160})\)\s*:", re.I)
# (its flow named before it: "товарооборот, млн долл. США")
_UNIT_COLUMN = re.compile(r"^\s*(?:[а-яё]+\s*,\s*)?(?P<unit>(?:млн|млрд|тыс\.)\s*"
                          r"(?:долл\w*\.?(?:\s*США)?|\$|тонн|т\.?))\s*$", re.I)
_RANK_COLUMN = re.compile(r"мест[оа]|позици|ранг|№", re.I)
_SHARE_COLUMN = re.compile(r"(?<![\w-])(?:дол[яи]|удельн)", re.I)
_CHANGE_COLUMN = re.compile(r"изменени|(?<![\w-])(?:рост|прирост|динамик|темп)|%\s*к\s", re.I)
_FLOWS = (("импорт", "импорта"), ("ввоз", "импорта"), ("экспорт", "экспорта"), ("вывоз", "экспорта"))


@dataclass(frozen=True)
class Table:
    """What a table's lead tells its rows: the scale and unit of their sums and, for a table of several columns,
    the kind of each ("sum", "rank", "share", "change"; "" for one not read) and the flow its shares are of."""
    unit: str | None
    columns: tuple[str, ...] = ()
    share_of: str = "товарооборота"


def _table(cols: str, flow: str | None) -> Table | None:
    parts = [c.strip() for c in cols.split(";")]
    if len(parts) < 2:
        return None
    kinds = ["sum" if _UNIT_COLUMN.match(c) else "rank" if _RANK_COLUMN.search(c) else
             "share" if _SHARE_COLUMN.search(c) else "change" if _CHANGE_COLUMN.search(c) else "" for c in parts]
    if sum(1 for k in kinds if k) < 2 or kinds.count("sum") > 1:
        return None
    unit = next((m.group("unit") for c, k in zip(parts, kinds, strict=True) if k == "sum" and
                 (m := _UNIT_COLUMN.match(c))), None)
    share = next((c for c, k in zip(parts, kinds, strict=True) if k == "share"), "")
    of = next((gen for word, gen in _FLOWS if word in share.lower()), None) or \
        {"exports": "экспорта", "imports": "импорта"}.get(flow or "", "товарооборота")
    return Table(unit, tuple(kinds), of)


def lead_unit(text: str) -> tuple[int, Table] | None:
    """Where a table's lead ends and what it tells its rows (the unit of their numbers, their columns), if it tells
    any."""
    if ":" not in text:
        return None
    cols = next(reversed(list(_LEAD_COLUMNS.finditer(text))), None)
    table = _table(cols.group("cols"), role_flow(text[:cols.start()]) or flow_named(text[:cols.start()])) \
        if cols else None
    if table is not None and cols is not None:
        return cols.end(), table
    m = next(reversed(list(_LEAD_UNIT.finditer(text))), None)
    return (m.end(), Table(m.group("unit"))) if m else None


def ranked_flow(lead: str) -> str | None:
    """The flow a table's places are by, when its lead names places and one flow: "Экспорт по странам (место; …):"."""
    found = lead_unit(lead)
    return flow_named(lead) if found and "rank" in found[1].columns else None


def flow_named(text: str) -> str | None:
    """The one flow a lead names ("Экспорт … по странам"), imports before exports; None if it names neither."""
    low = text.lower()
    return "imports" if "импорт" in low or "ввоз" in low else "exports" if "экспорт" in low else None


# a row's values after its dash, each told from the next by a semicolon or a comma and a space
_ROW = re.compile(r"(?P<pre>[—–]\s*)(?P<values>[^—–\n]+?)(?P<end>[.;]?\s*$)")
_ROWS = re.compile(r"(;\s+)(?=[^\W\d_][^—–;]{0,40}[—–])")
_VALUE_SPLIT = re.compile(r"\s*;\s*|,\s+")
_BARE_NUMBER = re.compile(r"^[+−-]?\s?\d[\d\u00a0 ]*(?:[.,]\d+)?\s*%?$")
_ORDINAL_ALONE = re.compile(r"^\d{1,3}(?:-?[а-я]{1,2})?$")


def _with_columns(row: str, table: Table) -> str:
    """A row of a table of several columns written as a sentence would: "Китай — 1-е место, 298,7; 40,5 %" under
    "(место; млн долл. США; доля в импорте области)" -> "Китай — 1-е место, 298,7 млн долл. США, 40,5 % импорта"."""
    m = _ROW.search(row)
    values = _VALUE_SPLIT.split(m.group("values").strip()) if m else []
    if m is None or len(values) != len(table.columns):
        # (a row of its own shape: "Турция — 318,4 (+5,1 %)" under "(млн долл. США; изменение к …)")
        return with_unit(row, table.unit) if table.unit else row
    told: list[str] = []
    for value, kind in zip(values, table.columns, strict=True):
        number = value.rstrip(" %")
        if kind == "rank" and _ORDINAL_ALONE.match(value):
            told.append(f"{value.split('-')[0]}-е место")
        elif kind == "sum" and table.unit and _BARE_NUMBER.match(value) and "%" not in value:
            told.append(f"{value} {table.unit}")
        elif kind == "share" and _BARE_NUMBER.match(value):
            told.append(f"{number} % {table.share_of}")
        elif kind == "change" and _BARE_NUMBER.match(value) and told:
            told[-1] += f" ({value if value.endswith('%') else value + ' %'})"
        else:
            told.append(value)
    return row[:m.start("values")] + ", ".join(told) + m.group("end")


def with_table(sentence: str, table: Table, start: int = 0) -> str:
    """The sentence with what its table's lead tells written into its rows, from `start` on."""
    if len(table.columns) > 1:     # (rows may share a sentence: "Китай — 1, 298,7, 40,5 %; Беларусь — 2, …")
        rows = _ROWS.split(sentence[start:])
        return sentence[:start] + "".join(_with_columns(r, table) if i % 2 == 0 else r for i, r in enumerate(rows))
    return with_unit(sentence, table.unit, start) if table.unit else sentence


# a sentence ending with the unit of the next one's numbers: "…по итогам первого полугодия 2023 года, млн долларов."
_TRAILING_UNIT = re.compile(r",\s*(?P<unit>(?:млн|млрд|тыс\.)\s*(?:долл\w*\.?(?:\s*США)?|\$|тонн|т\.?))\s*\.?$", re.I)


def trailing_unit(sentence: str) -> str | None:
    m = _TRAILING_UNIT.search(sentence)
    return m.group("unit") if m else None


def with_unit(sentence: str, unit: str, start: int = 0) -> str:
    """The sentence with the lead's unit written after each bare number after a dash, from `start` on."""
    return sentence[:start] + _BARE.sub(lambda m: f"{m.group('pre')}{m.group('n')} {unit}", sentence[start:])

