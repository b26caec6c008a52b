"""Dutch number and date formatting for the explanations (decimal comma, thousands point, "1 januari 2017")."""

from __future__ import annotations

import datetime as dt

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def num(value: float, digits: int = 1) -> str:
    """``1234.5`` -> ``'1.234,5'``; never prints ``-0,0``."""
    if round(value, digits) == 0:
        value = 0.0
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def signed(value: float, digits: int = 1) -> str:
    """A number with its sign always shown: ``+5,0`` / ``-5,0`` / ``0,0``."""
    text = num(value, digits)
    return text if text.startswith("-") or text.strip("0,.") == "" else f"+{text}"


def date(value: dt.date) -> str:
    """A date as Dutch text writes it, as the pages do: ``1 januari 2017``."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def amount(value: float) -> str:
    """A count or quantity: whole numbers without decimals (``3``), others with one (``2,5``)."""
    return num(value, 0 if float(value).is_integer() else 1)


def pct(share: float) -> str:
    """A share 0..1 as a whole percentage: ``0.333`` -> ``'33%'``."""
    return f"{num(share * 100, 0)}%"


def eur(amount: float) -> str:
    """An amount in euros, whole: ``1500000`` -> ``'€ 1.500.000'``."""
    return f"€ {num(amount, 0)}"


def quoted(text: str, limit: int = 80) -> str:
    """Quote a user's text in an explanation, shortened so sentences stay readable."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"‘{text}’"
