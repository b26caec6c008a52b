"""Dutch numbers, amounts of money and percentages.

Dutch writes a decimal comma and a thousands point ("€4,9 miljard", "1.250 militairen"), scales as words
("miljard", "mln") and small numbers as words ("negen", "vijfentwintig"). Amounts are returned as exact
values in units (4,9 miljard is 4900000000) so that they survive the trip into JSON unchanged.

``parse_*`` functions (and ``word_to_int``) read a whole string and raise :class:`NumberError` when it
is not a number; ``find_*`` functions scan running text and never raise. A numeral of more than
``MAX_NUMERAL`` characters is no number of anything a letter counts: it is not read, so that every value
fits a JSON number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


class NumberError(ValueError):
    """The text is not a number this module can read."""


_UNITS = {
    "nul": 0,
    "een": 1,
    "één": 1,
    "eén": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
}
_TENS = {
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
    "zeventig": 70,
    "tachtig": 80,
    "negentig": 90,
}
SCALES: dict[str, int] = {
    "duizend": 10**3,
    "miljoen": 10**6,
    "mln": 10**6,
    "miljard": 10**9,
    "mld": 10**9,
    "mrd": 10**9,
    "biljoen": 10**12,
}
CURRENCIES: dict[str, str] = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euro's": "EUR", "£": "GBP", "gbp": "GBP", "pond": "GBP",
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
}

# With re.IGNORECASE, "ſ" matches "s" and "ı"/"İ" match "i", which str.lower() keeps apart: fold them
# before looking a matched word up.
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i"})
MAX_NUMERAL = 32


def _key(word: str) -> str:
    """A matched word as the key of CURRENCIES or SCALES."""
    return word.translate(_FOLD).lower().rstrip(".")


_DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUMERAL = re.compile(rf"(?:{_DIGITS})\Z")
_SCALE = r"(?:miljard|miljoen|biljoen|duizend|mld|mln|mrd)\b\.?"
# A number starts where a run of digits does: tried inside a long run of digits, every start would read
# the rest of the run and fail, which is quadratic (20,000 digits took minutes).
_START = r"(?<![\d.,])"
_AMOUNT = re.compile(
    rf"""(?ix)
      (?P<pre>€|£|\$|US\$|EUR|GBP|USD)[ \t]?(?P<n1>{_DIGITS})(?:\s+(?P<s1>{_SCALE}))?
    | {_START}(?P<n2>{_DIGITS})(?:\s+(?P<s2>{_SCALE}))?\s+(?:(?:Amerikaanse|Britse)\s+)?
      (?P<post>euro(?:'s)?|pond|dollars?|EUR|GBP|USD)\b
    """
)
# Every amount holds a number, whose first digit starts a run of digits and stands at most this many
# characters after the amount's start ("US$ 5"): _AMOUNT is tried only there (see _amounts).
_AMOUNT_LEAD = 4
_DIGIT_RUN = re.compile(r"\d\d*")  # not "\d+", which the regex engine tries at every position
# _START(_DIGITS) led by the first digit, the look-behind checking the character before it: a pattern led by
# a character class is scanned for in a fast loop, one led by a look-behind is tried at every position.
_PERCENT = re.compile(
    r"(?P<n>\d(?<![\d.,]\d)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?))\s?(?:%|procent\b|percent\b|pct\b)",
    re.IGNORECASE,
)
# An English decimal point ("2.5%", "1.75 percent"): one or two digits after the point, which a Dutch thousands
# point never has (it is followed by three).
_PERCENT_POINT = re.compile(
    r"(?P<n>\d(?<![\d.,]\d)\d?\.\d{1,2})(?![\d.,])\s?(?:%|procent\b|percent\b|pct\b)", re.IGNORECASE
)
# A share written in words: "twee procent", "anderhalf procent", "drieënhalf procent", "een half procent". A
# bare "een" is left alone: it is also the article ("een procent hoger" is ambiguous in print).
_ARTICLE = re.compile(r"een\s+", re.IGNORECASE)
_PERCENT_WORDS = re.compile(r"\b(?P<w>(?:een\s+)?[a-zëé]{3,40})\s+(?:procent|percent)\b", re.IGNORECASE)
_NUMBER_ENDINGS = (
    "nul", "een", "één", "eén", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
    "twaalf", "tig", "honderd", "duizend",
)
# Words that may be numbers: words of these letters that end in a number word ("negen", "vijfentwintig",
# "tweehonderd"). The ending is checked behind the whole word: "[a-zëé]*" in front of the endings made the
# regex engine try every ending at every letter of every word, three times slower.
_NUMBER_WORD = re.compile(
    r"\b[a-zëé]+\b(?:" + "|".join(f"(?<={ending})" for ending in _NUMBER_ENDINGS) + ")", re.IGNORECASE
)
# Led by the digit, the look-behind checking the character before it: a pattern that starts with a character
# class is scanned for in a fast loop, one that starts with a look-behind is tried at every position.
_INTEGER = re.compile(r"(\d(?<![\w,.-]\d)(?:\d{0,2}(?:\.\d{3})+|\d*))(?![\d,]|\.\d)")
_APPROX = re.compile(r"(?:ongeveer|circa|ca\.|bijna|ruim|zo'n|rond(?:om)?|naar schatting)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    """An amount of money in a text: ``value`` in units of ``currency`` (ISO 4217)."""

    value: Decimal
    currency: str
    start: int
    end: int
    approximate: bool = False


@dataclass(frozen=True)
class Percentage:
    value: Decimal
    start: int
    end: int


@dataclass(frozen=True)
class Cardinal:
    """A whole number written in digits or in words, e.g. "270" or "negen"."""

    value: int
    start: int
    end: int
    approximate: bool = False


def parse_decimal(text: str) -> Decimal:
    """ "4,9" -> 4.9, "1.250" -> 1250, "1.250,5" -> 1250.5. Raises NumberError."""
    raw = text.strip()
    if len(raw) > MAX_NUMERAL or not _NUMERAL.match(raw):
        raise NumberError(f"not a Dutch numeral: {text!r}")
    try:
        return Decimal(raw.replace(".", "").replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid numerals
        raise NumberError(f"not a Dutch numeral: {text!r}") from exc


def word_to_int(word: str) -> int:
    """A number written as one Dutch word: "negen" -> 9, "vijfentwintig" -> 25, "tweehonderd" -> 200.

    Raises NumberError.
    """
    value = _words_value(word.strip().lower())
    if value is None:
        raise NumberError(f"not a Dutch number word: {word!r}")
    return value


# The longest number word below a million ("zevenhonderdzevenenzeventigduizend...") has 61 letters.
_MAX_WORD = 64


def _words_value(word: str) -> int | None:
    if not word or len(word) > _MAX_WORD:
        return None
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    for scale_word, scale in (("duizend", 1000), ("honderd", 100)):
        head, found, tail = word.partition(scale_word)
        if found:
            high = _words_value(head) if head else 1
            low = _words_value(tail) if tail else 0
            if high is None or low is None or (tail and low >= scale) or high >= 1000:
                return None
            return high * scale + low
    for sep in ("ën", "en"):  # vijfentwintig, tweeëntwintig
        for tens_word, tens in _TENS.items():
            if word.endswith(sep + tens_word):
                unit = word[: -len(sep + tens_word)]
                if unit in _UNITS and 1 <= _UNITS[unit] <= 9:
                    return tens + _UNITS[unit]
    return None


def parse_number(text: str) -> Decimal:
    """A number in digits or words, with an optional scale: "4,9 miljard", "negen", "270". NumberError."""
    words = text.strip().lower().rstrip(".").split()
    if not words or len(words) > 2:
        raise NumberError(f"not a number: {text!r}")
    scale = 1
    if len(words) == 2:
        if _key(words[1]) not in SCALES:
            raise NumberError(f"not a number: {text!r}")
        scale = SCALES[_key(words[1])]
    head = words[0]
    value = parse_decimal(head) if head[:1].isdigit() else Decimal(word_to_int(head))
    return value * scale


def parse_amount(text: str) -> Amount:
    """Exactly one amount of money, e.g. "€4,9 miljard" or "270 miljoen euro". Raises NumberError."""
    found = find_amounts(text)
    if len(found) != 1 or text[: found[0].start].strip() or text[found[0].end :].strip():
        raise NumberError(f"not an amount of money: {text!r}")
    return found[0]


def _scale(word: str | None) -> int:
    return SCALES[_key(word)] if word else 1


def _amounts(text: str) -> list[re.Match[str]]:
    """The matches of _AMOUNT.finditer(text), found by trying the regex only up to _AMOUNT_LEAD characters
    before each run of digits: searched for at every position, its many case-insensitive alternatives
    made it the costliest regex of a sentence."""
    matches = []
    pos = 0
    for run in _DIGIT_RUN.finditer(text):
        digit = run.start()
        for start in range(max(pos, digit - _AMOUNT_LEAD), digit + 1):
            m = _AMOUNT.match(text, start)
            if m:
                matches.append(m)
                pos = m.end()
                break
    return matches


def find_amounts(text: str) -> list[Amount]:
    """Amounts of money in running text, in order."""
    found = []
    for m in _amounts(text):
        number, scale_word = (m["n1"], m["s1"]) if m["pre"] else (m["n2"], m["s2"])
        if len(number) > MAX_NUMERAL:
            continue
        currency = CURRENCIES[_key(m["pre"] or m["post"])]
        value = Decimal(number.replace(".", "").replace(",", ".")) * _scale(scale_word)
        approximate = bool(_APPROX.search(text, max(0, m.start() - 20), m.start()))
        found.append(Amount(value, currency, m.start(), m.end(), approximate))
    return found


def find_percentages(text: str) -> list[Percentage]:
    """Percentages ("0,95%", "2 procent", "2.5%", "twee procent", "anderhalf procent") in running text, in
    order."""
    found = [
        Percentage(Decimal(m["n"].replace(".", "").replace(",", ".")), m.start(), m.end())
        for m in _PERCENT.finditer(text)
        if len(m["n"]) <= MAX_NUMERAL
    ]
    if "." in text:
        found += [Percentage(Decimal(m["n"]), m.start(), m.end()) for m in _PERCENT_POINT.finditer(text)]
    low = text.lower()
    if "procent" in low or "percent" in low:
        for m in _PERCENT_WORDS.finditer(text):
            word, start = " ".join(m["w"].lower().split()), m.start()
            article = _ARTICLE.match(m["w"])
            if article and word != "een half":  # "met een twee procent": the article, then the number
                word, start = word[4:], m.start() + article.end()
            value = _percent_word(word)
            if value is not None:
                found.append(Percentage(value, start, m.end()))
    found.sort(key=lambda p: p.start)
    return found


def _percent_word(word: str) -> Decimal | None:
    """ "twee" -> 2, "anderhalf" -> 1.5, "tweeënhalf" -> 2.5, "een half" -> 0.5; None for other words."""
    word = " ".join(word.split())
    if word in ("half", "een half"):
        return Decimal("0.5")
    if word == "anderhalf":
        return Decimal("1.5")
    for sep in ("ënhalf", "enhalf"):
        if word.endswith(sep):
            whole = _words_value(word[: -len(sep)])
            return Decimal(whole) + Decimal("0.5") if whole is not None and 1 <= whole <= 20 else None
    if word == "een":
        return None
    whole = _words_value(word)
    return Decimal(whole) if whole is not None and whole <= 100 else None


def find_cardinals(text: str) -> list[Cardinal]:
    """Whole numbers in digits or single Dutch words ("270", "negen", "vijfentwintig"), in order."""
    found = [
        Cardinal(int(m.group(1).replace(".", "")), m.start(), m.end())
        for m in _INTEGER.finditer(text)
        if m.end() - m.start() <= MAX_NUMERAL
    ]
    for m in _NUMBER_WORD.finditer(text):
        value = _words_value(m.group().lower())
        if value is not None and m.group().lower() not in ("een", "één", "eén"):  # "een" is also "a"
            found.append(Cardinal(value, m.start(), m.end()))
    found.sort(key=lambda c: c.start)
    return [
        Cardinal(c.value, c.start, c.end, bool(_APPROX.search(text, max(0, c.start - 20), c.start)))
        for c in found
    ]


def as_json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as the plain JSON number the fact format wants: 4900000000, not 4.9E+9."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
