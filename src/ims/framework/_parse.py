"""Reading JSON-like input field by field, collecting a :class:`Problem` per fault instead of raising.

Shared by the proposal (:mod:`.model`) and scenario (:mod:`.scenarios`) validation, so that both speak
of a field by its JSON path (``goals[2].category``) and describe faults in the same Dutch words.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any, TypeVar

from .errors import Problem
from .vocab import LabelledEnum

MISSING: Any = object()
_E = TypeVar("_E", bound=LabelledEnum)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_JSON_TYPE = {
    dict: "een object",
    list: "een lijst",
    tuple: "een lijst",
    str: "een tekst",
    bool: "een ja/nee-waarde",
    int: "een getal",
    float: "een getal",
    type(None): "null",
}


def describe(value: Any) -> str:
    """What a value is, in JSON terms, with a short sample: for messages."""
    kind = _JSON_TYPE.get(type(value), type(value).__name__)
    if isinstance(value, dict | list | tuple) or value is None:
        return kind
    try:
        sample = repr(value)
    except ValueError:  # an int too long to print (Python limits int-to-str conversion)
        return kind
    if len(sample) > 40:
        sample = sample[:39] + "…"
    return f"{kind} ({sample})"


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class Reader:
    """Reads fields out of JSON-like data, recording a :class:`Problem` instead of raising."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def obj(self, value: Any, path: str, allowed: tuple[str, ...], what: str) -> dict[str, Any] | None:
        if not isinstance(value, Mapping):
            self.fail(path, f"moet {what} (een JSON-object) zijn, maar is {describe(value)}")
            return None
        for key in value:
            if key not in allowed:
                self.fail(join(path, str(key)), f"onbekend veld; toegestaan: {', '.join(allowed)}")
        return {key: value[key] for key in allowed if key in value}

    def get(self, data: dict[str, Any], key: str, path: str, default: Any = MISSING) -> Any:
        """The raw value, or ``default``; a missing required field is a problem (returns MISSING)."""
        if key in data:
            return data[key]
        if default is MISSING:
            self.fail(join(path, key), "verplicht veld ontbreekt")
        return default

    def text(self, data: dict[str, Any], key: str, path: str, *, optional: bool = False) -> str | None:
        value = self.get(data, key, path, None if optional else MISSING)
        if value is MISSING or (optional and value is None):
            return None
        if not isinstance(value, str):
            self.fail(join(path, key), f"moet een tekst zijn, maar is {describe(value)}")
            return None
        value = value.strip()
        if not value:
            if optional:
                return None  # an empty optional text says as much as no text
            self.fail(join(path, key), "mag niet leeg zijn")
            return None
        return value

    def number(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        *,
        low: float = 0.0,
        high: float | None = None,
        integer: bool = False,
        default: Any = MISSING,
    ) -> float | None:
        value = self.get(data, key, path, default)
        if value is MISSING:
            return None
        where = join(path, key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(where, f"moet een getal zijn, maar is {describe(value)}")
            return None
        try:
            number = float(value)
        except OverflowError:  # an int beyond the float range
            self.fail(where, "is te groot")
            return None
        if not math.isfinite(number):
            self.fail(where, f"moet een eindig getal zijn (is {number})")
            return None
        if integer and not number.is_integer():
            self.fail(where, f"moet een geheel getal zijn (is {number:g})")
            return None
        if high is not None and not low <= number <= high:
            self.fail(where, f"moet tussen {low:g} en {high:g} liggen (is {number:g})")
            return None
        if number < low:
            self.fail(where, f"mag niet negatief zijn (is {number:g})" if low == 0 else f"moet minstens {low:g} zijn")
            return None
        return number

    def flag(self, data: dict[str, Any], key: str, path: str, default: Any = MISSING) -> bool | None:
        value = self.get(data, key, path, default)
        if value is MISSING:
            return None
        if not isinstance(value, bool):
            self.fail(join(path, key), f"moet true of false zijn, maar is {describe(value)}")
            return None
        return value

    def choice(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        enum: type[_E],
        *,
        nullable: bool = False,
        required: bool = True,
    ) -> _E | None:
        value = self.get(data, key, path, MISSING if required else None)
        accepts_null = nullable or not required
        if value is MISSING or (value is None and accepts_null):
            return None
        if isinstance(value, str) and value in enum.codes():
            return enum(value)
        options = ", ".join(enum.codes()) + (" of null" if accepts_null else "")
        shown = repr(value) if isinstance(value, str) else describe(value)
        self.fail(join(path, key), f"onbekende waarde {shown}; kies uit {options}")
        return None

    def date(self, data: dict[str, Any], key: str, path: str) -> dt.date | None:
        value = data.get(key)
        if value is None:
            return None
        # fromisoformat alone would also take week dates and compact forms.
        if isinstance(value, str) and _DATE_RE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(join(path, key), f"moet een datum JJJJ-MM-DD of null zijn, maar is {describe(value)}")
        return None

    def items(self, data: dict[str, Any], key: str, path: str, *, optional: bool = False) -> list[Any]:
        value = self.get(data, key, path, [] if optional else MISSING)
        if value is MISSING:
            return []
        if not isinstance(value, list | tuple):
            self.fail(join(path, key), f"moet een lijst zijn, maar is {describe(value)}")
            return []
        return list(value)
