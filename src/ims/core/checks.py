"""Answering a CHECK constraint in Python, where Python's answer is certainly the database's.

Validating a record asks the database about its CHECK constraints; for most of them (a value in a list, a
number in a range, an end after a start) the answer needs no database, only the values the record is about to
store. ``check_holds`` gives that answer with SQL's three-valued logic (a comparison with NULL is unknown, and
an unknown outcome passes, as it does in the database), and says ``UNDECIDED`` for anything it does not model
exactly (a regular expression, a function such as ``Length``, strings compared by order, mixed types), which
the caller then asks the database. The database enforces every constraint on write either way.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

from django.db.models import F, Q, Value


class _Undecided(Enum):
    UNDECIDED = "undecided"


UNDECIDED = _Undecided.UNDECIDED
# True, False, None (unknown: a comparison with NULL), or UNDECIDED (ask the database).
Outcome = bool | None | _Undecided

_ORDER = {"gt": lambda a, b: a > b, "gte": lambda a, b: a >= b, "lt": lambda a, b: a < b, "lte": lambda a, b: a <= b}
_LOOKUPS = {"exact", "in", "isnull", *_ORDER}


def check_holds(condition: Any, against: dict[str, Any]) -> Outcome:
    """The outcome of ``condition`` (a ``Q`` of a CheckConstraint) for the field values in ``against`` (as
    ``Model._get_field_expression_map`` gives them), or ``UNDECIDED``."""
    if not isinstance(condition, Q):
        return UNDECIDED  # an expression such as Exact(Length(F("sha256")), 64)
    outcomes = [_child(child, against) for child in condition.children]
    if condition.connector == Q.AND:
        if False in outcomes:
            combined: Outcome = False
        elif UNDECIDED in outcomes:
            return UNDECIDED
        else:
            combined = None if None in outcomes else True
    elif condition.connector == Q.OR:
        if True in outcomes:
            combined = True
        elif UNDECIDED in outcomes:
            return UNDECIDED
        else:
            combined = None if None in outcomes else False
    else:
        return UNDECIDED  # XOR
    if condition.negated and combined is not None:
        return not combined
    return combined


def _child(child: Any, against: dict[str, Any]) -> Outcome:
    if isinstance(child, Q):
        return check_holds(child, against)
    if not isinstance(child, tuple):
        return UNDECIDED
    path, rhs = child
    name, _, lookup = path.partition("__")
    lookup = lookup or "exact"
    if lookup not in _LOOKUPS:
        return UNDECIDED  # a transform or a lookup not modelled here (regex, contains, ...)
    value = _value(name, against)
    if value is UNDECIDED:
        return UNDECIDED
    if lookup == "isnull":
        return (value is None) == bool(rhs) if isinstance(rhs, bool) else UNDECIDED
    if lookup == "exact" and rhs is None:
        return value is None  # Django writes "= None" as IS NULL
    if lookup == "in":
        if not isinstance(rhs, list | tuple | set | frozenset) or not rhs or any(x is None for x in rhs):
            return UNDECIDED  # Django drops NULLs from the list and treats an empty list specially
        if value is None:
            return None
        if not all(_comparable(value, x, ordered=False) for x in rhs):
            return UNDECIDED
        return value in rhs
    other = _value(rhs.name, against) if isinstance(rhs, F) else rhs
    if other is UNDECIDED or hasattr(other, "resolve_expression"):
        return UNDECIDED
    if value is None or other is None:
        return None
    ordered = lookup != "exact"
    if not _comparable(value, other, ordered=ordered):
        return UNDECIDED
    return _ORDER[lookup](value, other) if ordered else value == other


def _value(name: str, against: dict[str, Any]) -> Any:
    """The plain value the record will store in field ``name``; UNDECIDED for an expression or an excluded field."""
    expression = against.get(name)
    if not isinstance(expression, Value):
        return UNDECIDED
    value = expression.value
    return UNDECIDED if hasattr(value, "resolve_expression") else value


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, Decimal):
        return "decimal"
    if isinstance(value, float):
        return "float"
    if isinstance(value, dt.datetime):
        return "naive datetime" if value.tzinfo is None else "aware datetime"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, str):
        return "str"
    return "other"


def _comparable(a: Any, b: Any, *, ordered: bool) -> bool:
    """Whether Python compares ``a`` and ``b`` as both databases do: values of one kind (an integer goes with a
    decimal or a float, but a decimal not with a float); strings only for equality, since their order is the
    database's collation."""
    kinds = {_kind(a), _kind(b)}
    if "other" in kinds:
        return False
    if kinds <= {"int", "decimal"} or kinds <= {"int", "float"}:
        return True
    if len(kinds) != 1:
        return False
    return not (ordered and kinds == {"str"})
