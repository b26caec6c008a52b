"""Labels for fact types, their fields and their values on the review screen, in the language of the page.

All of them come from the one declaration of the fact types (:mod:`ims.framework.fact_fields`).
"""

from __future__ import annotations

from django import template

from ims.framework.fact_fields import FactField, fact_fields
from ims.framework.vocab import FactType
from ims.register.vocab import code_label, vocab_label

register = template.Library()


@register.filter
def fact_label(fact_type: str) -> str:
    return code_label(FactType, fact_type)


@register.filter
def fact_rows(fact) -> list[tuple[str, str]]:
    """``{% for label, text in fact|fact_rows %}``: the fact's own fields, each label with its value as people
    read it (a vocabulary's code by its label), in the order of the fact type."""
    return [(vocab_label(field), _shown(field, fact.payload.get(field.name))) for field in fact_fields(fact.fact_type)]


def _shown(field: FactField, value) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if field.vocabulary is not None:
        return code_label(field.vocabulary, str(value))
    return str(value)
