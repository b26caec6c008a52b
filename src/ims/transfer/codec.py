"""Values between the database and JSON, in one canonical form whichever database they came from.

Canonical, because the same register must give the same bytes from SQLite and from PostgreSQL:
date-times in UTC with microseconds, decimals with exactly their field's decimal places, floats as
Python's shortest round-tripping form, bytes in base64, and a foreign key to a table that is not in the
file (content types, permissions) as that row's natural key. JSON fields keep their value; the lines are
written with sorted keys, so the key order a database keeps does not matter.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import uuid
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models

from .plan import EXCLUDED

Codec = Callable[[Any], Any]
_MICROSECOND = dt.timedelta(microseconds=1)

INTEGER_TYPES = frozenset({
    "AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField", "SmallIntegerField",
    "PositiveIntegerField", "PositiveBigIntegerField", "PositiveSmallIntegerField",
})
_STRINGS = frozenset({"CharField", "TextField", "SlugField", "EmailField", "URLField", "GenericIPAddressField"})


class UnsupportedField(Exception):
    """A field type the file format does not (yet) describe: extend the codec and docs/export-format.md."""


def _expect(kind: type | tuple[type, ...], value: Any) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ValueError(f"{value!r} is geen {getattr(kind, '__name__', kind)}")
    return value


def _datetime_out(value: dt.datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.isoformat(timespec="microseconds")


def _datetime_in(value: Any) -> dt.datetime:
    return dt.datetime.fromisoformat(_expect(str, value))


def _decimal_out(places: int) -> Codec:
    quantum = Decimal(1).scaleb(-places)
    return lambda value: format(Decimal(value).quantize(quantum), "f")


def _decimal_in(value: Any) -> Decimal:
    try:
        return Decimal(_expect(str, value))
    except InvalidOperation:
        raise ValueError(f"{value!r} is geen getal") from None


def _binary_in(value: Any) -> bytes:
    try:
        return base64.b64decode(_expect(str, value), validate=True)
    except binascii.Error:
        raise ValueError("geen geldige base64") from None


def _float_in(value: Any) -> float:
    return float(_expect((int, float), value))


# internal type → (database value → JSON value, JSON value → Python value)
_SCALARS: dict[str, tuple[Codec, Codec]] = {
    **{name: (int, lambda v: _expect(int, v)) for name in INTEGER_TYPES},
    **{name: (str, lambda v: _expect(str, v)) for name in _STRINGS},
    "BooleanField": (bool, lambda v: _expect(bool, v)),
    "FloatField": (float, _float_in),
    "DateTimeField": (_datetime_out, _datetime_in),
    "DateField": (lambda v: v.isoformat(), lambda v: dt.date.fromisoformat(_expect(str, v))),
    "TimeField": (lambda v: v.isoformat(timespec="microseconds"), lambda v: dt.time.fromisoformat(_expect(str, v))),
    "DurationField": (lambda v: v // _MICROSECOND, lambda v: _MICROSECOND * _expect(int, v)),
    "UUIDField": (str, lambda v: uuid.UUID(_expect(str, v))),
    "JSONField": (lambda v: v, lambda v: v),
    "BinaryField": (lambda v: base64.b64encode(bytes(v)).decode("ascii"), _binary_in),
}


def _nullable(field: models.Field, codec: Codec) -> Codec:
    # A JSON field that is not nullable holds JSON null as a value; elsewhere None is SQL NULL.
    if field.get_internal_type() == "JSONField" and not field.null:
        return codec
    return lambda value: None if value is None else codec(value)


def _natural_keys(model: type[models.Model]) -> tuple[Codec, Codec]:
    """A reference to a row that every database makes for itself (a content type): by what it is, not its id."""
    by_pk: dict[Any, list] = {}
    by_key: dict[tuple, Any] = {}

    def out(pk: Any) -> list:
        if pk not in by_pk:
            by_pk[pk] = list(model._base_manager.get(pk=pk).natural_key())
        return by_pk[pk]

    def into(key: Any) -> Any:
        key = tuple(_expect(list, key))
        if key not in by_key:
            try:
                by_key[key] = model._default_manager.get_by_natural_key(*key).pk
            except model.DoesNotExist:
                raise ValueError(f"{model._meta.label_lower} {list(key)!r} bestaat hier niet") from None
        return by_key[key]

    return out, into


def codecs(field: models.Field) -> tuple[Codec, Codec]:
    """The pair (to JSON, from JSON) for one field, None passing through where the column may be NULL."""
    if field.is_relation:
        target = field.target_field.model
        if target._meta.label_lower in EXCLUDED:
            if not hasattr(target, "natural_key"):
                raise UnsupportedField(f"{field.model._meta.label_lower}.{field.name} wijst naar "
                                       f"{target._meta.label_lower}, dat niet in het bestand staat")
            out, into = _natural_keys(target)
        else:
            out, into = codecs(field.target_field)
        return _nullable(field, out), _nullable(field, into)
    kind = field.get_internal_type()
    if kind == "DecimalField":
        out, into = _decimal_out(field.decimal_places), _decimal_in
    elif kind in _SCALARS:
        out, into = _SCALARS[kind]
    else:
        raise UnsupportedField(f"{field.model._meta.label_lower}.{field.name}: veldtype {kind} onbekend")
    return _nullable(field, out), _nullable(field, into)
