"""How the report writes dates, numbers, money and lists: the way the ministry's letters do, in Dutch.

Pure Python and independent of the active locale, so that a report reads the same on every machine.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
CURRENCY_SIGNS = {"EUR": "€", "GBP": "£", "USD": "$"}


def long_date(value: dt.date | str | None, precision: str = "day") -> str:
    """'21 mei 2019', 'juni 2019' or '2019', by the precision the register knows the date with."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def number(value: float | Decimal | int, decimals: int = 2) -> str:
    """A decimal comma and no trailing zeros: 0.95 → '0,95', 2.0 → '2', 1234 → '1.234'."""
    text = f"{float(value):,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def percent(value: float | Decimal) -> str:
    return f"{number(value)}%"


def money(amount: float | Decimal | int, currency: str = "EUR") -> str:
    """Amounts as the letters give them: '€4,9 miljard', '£39,5 miljard', '€250 miljoen'."""
    sign = CURRENCY_SIGNS.get(currency.upper(), f"{currency.upper()} ")
    amount = float(amount)
    if amount >= 1e9:
        return f"{sign}{number(amount / 1e9)} miljard"
    if amount >= 1e6:
        return f"{sign}{number(amount / 1e6)} miljoen"
    return f"{sign}{number(amount, 0)}"


def points(delta: float) -> str:
    """A change in percentage points, signed: '+0,05 procentpunt', '−0,1 procentpunt'."""
    sign = "+" if delta > 0 else "−" if delta < 0 else "±"
    return f"{sign}{number(abs(delta))} procentpunt"


def enumerate_nl(items: Iterable[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def sort_key(name: str) -> str:
    """Alphabetical as a Dutch reader expects: accents ignored ('België' before 'Bulgarije'), case ignored."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()


def sentence(text: str) -> str:
    """Capitalise the first letter and end with a full stop, leaving text that already does alone."""
    text = " ".join(text.split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?:" else text + "."


def count(n: int, singular: str, plural: str) -> str:
    """'1 overeenkomst', '3 overeenkomsten'."""
    return f"{n} {singular if n == 1 else plural}"


# Names that take an article in running text; the rest (most countries) take none.
_HET = {"Verenigd Koninkrijk", "Europees Defensieagentschap"}
_PLURAL_ENDINGS = ("eilanden", "Filipijnen", "Malediven", "Seychellen", "Comoren", "Bahama's", "Nederlanden")


def article(name: str, organisation: bool = False) -> str:
    if name in _HET:
        return "het"
    if organisation or name.startswith("Verenigde ") or name.endswith(_PLURAL_ENDINGS) or "Republiek" in name:
        return "de"
    return ""


def is_plural(name: str) -> bool:
    return (name.startswith("Verenigde ") and "Republiek" not in name) or name.endswith(_PLURAL_ENDINGS)


def with_article(name: str, organisation: bool = False, capital: bool = False) -> str:
    """'het Verenigd Koninkrijk', 'de NAVO', 'Duitsland'; capitalised at the start of a sentence."""
    art = article(name, organisation)
    text = f"{art} {name}" if art else name
    return text[0].upper() + text[1:] if capital else text
