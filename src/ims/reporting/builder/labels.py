"""How a stored code and a dated event read in the report's sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..text import long_date


def label(choices: type, value: Any) -> str:
    """A choice's Dutch label as a plain string (the labels are lazy translations)."""
    return str(choices(value).label)


def date_phrase(date: dt.date, precision: str) -> str:
    """'op 21 mei 2019' for a known day, 'in juni 2019' or 'in 2019' for a month or a year."""
    return f"{'op' if precision == 'day' else 'in'} {long_date(date, precision)}"
