"""How the review screen shows the values of a fact: each field's label, and each value as Dutch readers write it.

The fact types, their fields, the kind of value each holds and the vocabularies are declared once, in
:mod:`ims.framework.fact_fields`; this module only turns values into text for the page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from django.utils.formats import date_format, number_format

from ims.framework.fact_fields import FactField, FieldKind, fact_fields
from ims.framework.vocab import FactType
from ims.register.vocab import code_label
from ims.text.dates import DateError, PartialDate

# Kinds whose value names one partner, and the one that names several.
PARTNER_KINDS = frozenset({FieldKind.PARTNER, FieldKind.COUNTRY})


def fields_of(fact_type: str) -> tuple[FactField, ...]:
    return fact_fields(fact_type)


def fact_label(fact_type: str) -> str:
    return code_label(FactType, fact_type)


def date_in_dutch(value: str | None) -> str:
    """'2019', '2019-05' or '2019-05-21' as Dutch readers write it: 2019, mei 2019, 21 mei 2019."""
    if not value:
        return ""
    try:
        day = PartialDate.from_iso(str(value))
    except DateError:
        return str(value)
    if day.month is None:
        return str(day.year)
    if day.day is None:
        return date_format(dt.date(day.year, day.month, 1), "F Y")
    return date_format(dt.date(day.year, day.month, day.day), "j F Y")


def number_text(value, decimals: int | None = None) -> str:
    """A number in Dutch notation: dots between thousands, a decimal comma."""
    number = Decimal(str(value))
    if decimals is None:
        decimals = 0 if number == number.to_integral_value() else max(0, -number.as_tuple().exponent)
    return number_format(number, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def value_text(field: FactField, value, partner_names: Mapping[str, str]) -> str:
    """A stored value as the review screen shows it: labels, names and Dutch notation, never a code."""
    if value is None or value == "" or value == [] or value == ():
        return "–"
    if field.vocabulary is not None:
        return code_label(field.vocabulary, str(value))
    if field.kind in PARTNER_KINDS:
        return partner_names.get(value, value)
    if field.kind == FieldKind.PARTNERS:
        return ", ".join(partner_names.get(code, code) for code in value)
    if field.kind == FieldKind.DATE:
        return date_in_dutch(value)
    if field.kind in (FieldKind.COUNT, FieldKind.AMOUNT):
        return number_text(value)
    if field.kind == FieldKind.PERCENTAGE:
        return f"{number_text(value)} %"
    return str(value)
