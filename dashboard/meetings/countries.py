"""Find partner countries in Russian text, in any case: "Казахстан", "Казахстаном", "Республики Казахстан",
"Беларуси", "Турцией", "Китаю", "Саудовской Аравии". Names come from dashboard.reference.partners; their case
forms are the dictionary's (pymorphy3), declined once per process into one pattern."""
from __future__ import annotations

import functools
import re

from dashboard.meetings import morphology
from dashboard.reference import partners as ref

# Own country, and names that are ordinary words when capitalised at the start of a sentence ("Того же").
_SKIP = frozenset({"RU", "TG"})
# Other names in use beside the reference's short name (nominative; declined like the short names).
_ALIASES: dict[str, tuple[str, ...]] = {
    "BY": ("Белоруссия", "Республика Беларусь"), "KG": ("Киргизия", "Кыргызстан", "Киргизстан"),
    "MD": ("Молдавия",), "TM": ("Туркмения",),
    "CZ": ("Чехия",), "GB": ("Великобритания", "Британия"), "NL": ("Голландия",),
    "TR": ("Турция", "Турецкая Республика"), "CN": ("КНР", "Китайская Народная Республика", "Поднебесная"),
    "US": ("США", "Соединённые Штаты", "Соединённые Штаты Америки"),
    "AE": ("ОАЭ", "Объединённые Арабские Эмираты", "Эмираты"),
    # ("Корея" alone, after "Республика Корея" or in a trade text, is the South: the North is "КНДР")
    "KR": ("Южная Корея", "Корея"), "DE": ("ФРГ",), "KP": ("КНДР",), "IR": ("Исламская Республика Иран",),
    # the abbreviations of official names a press release uses after the full name once
    "EG": ("АРЕ", "Арабская Республика Египет"), "DZ": ("АНДР", "Алжирская Народная Демократическая Республика"),
    "SA": ("КСА",), "VN": ("СРВ",),
}
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# the adjective of a partner's name (lemma -> iso2), declined by the dictionary: "турецкий импорт из региона",
# "закупки бангладешской продукции", "египетское направление" (the caller decides which nouns they may qualify;
# "американский" is left out: "американских долларов" names no partner, nor do the two Koreas' one adjective)
_ADJECTIVES: dict[str, str] = {
    "турецкий": "TR", "китайский": "CN", "казахстанский": "KZ", "белорусский": "BY", "египетский": "EG",
    "узбекский": "UZ", "индийский": "IN", "иранский": "IR", "азербайджанский": "AZ", "армянский": "AM",
    "узбекистанский": "UZ", "таджикистанский": "TJ", "кыргызстанский": "KG",
    "вьетнамский": "VN", "бангладешский": "BD", "саудовский": "SA", "алжирский": "DZ", "марокканский": "MA",
    "сербский": "RS", "бразильский": "BR", "туркменский": "TM", "киргизский": "KG", "кыргызский": "KG",
    "таджикский": "TJ", "монгольский": "MN", "немецкий": "DE", "германский": "DE", "итальянский": "IT",
    "французский": "FR", "эмиратский": "AE", "иракский": "IQ", "сирийский": "SY", "ливийский": "LY",
    "тунисский": "TN", "израильский": "IL", "пакистанский": "PK", "индонезийский": "ID", "малайзийский": "MY",
    "таиландский": "TH", "тайский": "TH", "японский": "JP", "грузинский": "GE", "молдавский": "MD",
    "польский": "PL", "нидерландский": "NL", "голландский": "NL", "бельгийский": "BE", "испанский": "ES",
    "греческий": "GR", "кипрский": "CY", "ливанский": "LB", "катарский": "QA", "оманский": "OM",
    "кувейтский": "KW", "эфиопский": "ET", "кенийский": "KE", "нигерийский": "NG", "южноафриканский": "ZA",
    "аргентинский": "AR", "мексиканский": "MX", "чилийский": "CL", "эквадорский": "EC", "шри-ланкийский": "LK",
    "филиппинский": "PH", "сингапурский": "SG", "афганский": "AF", "суданский": "SD", "танзанийский": "TZ",
    "сенегальский": "SN", "мавританский": "MR", "йеменский": "YE", "бахрейнский": "BH", "венгерский": "HU",
    "чешский": "CZ", "словацкий": "SK", "румынский": "RO", "болгарский": "BG", "финский": "FI", "шведский": "SE",
    "австрийский": "AT", "швейцарский": "CH", "британский": "GB", "канадский": "CA", "австралийский": "AU",
}


def _declined(name: str) -> set[str]:
    """The name in each case, in the number of its noun ("Нидерландами", "Объединёнными Арабскими Эмиратами"). In a
    name of several words the leading adjectives and the first noun agree and are declined; what follows stays as
    written ("Республики Корея", "Саудовской Аравии")."""
    words = name.split()
    head = next((i for i, w in enumerate(words) if morphology.analyzer().parse(w)[0].tag.POS == "NOUN"), 0)
    tag = morphology.analyzer().parse(words[head])[0].tag
    number = "plur" if tag.number == "plur" or "Pltm" in tag else "sing"
    if len(words) == 1:
        forms = {name}
        for case in _CASES:
            f = morphology.inflect(name, frozenset({case, number}))
            if f:
                forms.add(name if name.isupper() else _cased(f, name))
        return forms
    out = {name}
    for case in _CASES:
        declined = []
        for i, w in enumerate(words):
            f = morphology.inflect(w, frozenset({case, number})) if i <= head else None
            declined.append(w if f is None else f[:1].upper() + f[1:] if w[:1].isupper() else f)
        out.add(" ".join(declined))
    return out


def _cased(form: str, name: str) -> str:
    """The dictionary's lower-case form written with the name's capitals, each part of a hyphenated name on its own:
    "шри-ланки" after "Шри-Ланка" is "Шри-Ланки"."""
    parts, model = form.split("-"), name.split("-")
    if len(parts) != len(model):
        return form[:1].upper() + form[1:]
    return "-".join(p[:1].upper() + p[1:] if m[:1].isupper() else p for p, m in zip(parts, model, strict=True))


@functools.cache
def _index() -> dict[str, list[tuple[str, str]]]:
    """First word of every form -> [(the whole form, iso2)], longest first."""
    forms: dict[str, str] = {}
    names: list[tuple[str, str]] = [(p.iso2, p.name_ru) for p in ref.all_partners()
                                    if p.iso2 not in _SKIP and "(" not in p.name_ru and "," not in p.name_ru]
    names += [(iso2, n) for iso2, ns in _ALIASES.items() for n in ns]
    # official names after the adjective, as embassies write them: "Кыргызская Республика", "Азербайджанской
    # Республикой" (the adjective's feminine form)
    for lemma, iso2 in _ADJECTIVES.items():
        fem = morphology.inflect(lemma, frozenset({"femn", "nomn", "sing"}))
        if fem:
            names.append((iso2, f"{fem[:1].upper()}{fem[1:]} Республика"))
    for iso2, name in names:
        for f in _declined(name):
            forms.setdefault(f, iso2)
            forms.setdefault(f.replace("ё", "е"), iso2)
    index: dict[str, list[tuple[str, str]]] = {}
    for f in sorted(forms, key=len, reverse=True):
        index.setdefault(f.split()[0], []).append((f, forms[f]))
    return index


# case-sensitive: country names are capitalised, so "того" or "чад" in running text never match
_CAPITALISED = re.compile(r"(?<![\w-])[А-ЯЁA-Z][\w-]*")


_SHOUTED = re.compile(r"(?<![\w-])[А-ЯЁ]{4,}(?![\w-])")


def find(text: str) -> list[tuple[str, int, int]]:
    """Every mention as (iso2, start, end), in text order; a name in capitals is read as written in the usual way
    ("ТУРЦИЯ за январь–июль", "ИРАН — волгоградский экспорт"), the same length, so every offset holds."""
    index = _index()
    if _SHOUTED.search(text):   # (an abbreviation stays as it is: "АНДР", "ЕАЭС")
        text = _SHOUTED.sub(lambda m: m.group(0) if m.group(0) in index else m.group(0).capitalize(), text)
    out: list[tuple[str, int, int]] = []
    end = 0
    for m in _CAPITALISED.finditer(text):
        if m.start() < end or m.group(0) not in index:
            continue
        for form, iso2 in index[m.group(0)]:
            stop = m.start() + len(form)
            after = text[stop:stop + 1]
            if text.startswith(form, m.start()) and not (after.isalnum() or after in ("-", "_")):
                out.append((iso2, m.start(), stop))
                end = stop
                break
    return out


@functools.cache
def adjective_forms() -> dict[str, str]:
    known = {p.iso2 for p in ref.all_partners()}
    out: dict[str, str] = {}
    for lemma, iso2 in _ADJECTIVES.items():
        if iso2 in known:
            for form in morphology.lexeme_forms(lemma) | {lemma}:
                out.setdefault(form, iso2)
                out.setdefault(form.replace("ё", "е"), iso2)
    return out


# every partner adjective ends so ("турецкий", "иранских", "тайское"): only such words are looked up
_WORD = re.compile(r"(?<![\w-])[А-ЯЁа-яё][а-яё-]*[сц]к(?:ий|ая|ое|ие|ого|ой|ую|их|им|ими|ому|ом|ых|ым|ей|ою)(?![\w-])")


def adjectives(text: str) -> list[tuple[str, int, int]]:
    """Every partner adjective as (iso2, start, end), in text order: "турецкий", "Белорусские", "бангладешской"."""
    forms = adjective_forms()
    return [(forms[w], m.start(), m.end()) for m in _WORD.finditer(text) if (w := m.group(0).lower()) in forms]


# "долларов США", "долл. США": the currency, no mention of the country
_CURRENCY_BEFORE = re.compile(r"долл\w*\.?\s+$", re.I)


def first_named(text: str) -> int | None:
    """Where the text names a partner first, by name or by adjective ("на турецком рынке"; the United States of
    "долларов США" left out), or None."""
    starts = [start for _, start, _ in find(text) if not _CURRENCY_BEFORE.search(text, max(0, start - 40), start)]
    starts += [start for _, start, _ in adjectives(text)[:1]]
    return min(starts, default=None)


def partners_in(text: str) -> list[str]:
    """Distinct partners mentioned, the most mentioned first (ties: first mention first); the United States of
    "долларов США" is the currency's, not a partner."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for iso2, start, _ in find(text):
        if _CURRENCY_BEFORE.search(text, max(0, start - 40), start):
            continue
        counts[iso2] = counts.get(iso2, 0) + 1
        first.setdefault(iso2, start)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))
