"""Dutch labels for kinds of fact on the review screen (one place: :mod:`ims.ingest.fields`)."""

from __future__ import annotations

from django import template

from ims.ingest.fields import fact_label as label_of_fact

register = template.Library()


@register.filter
def fact_label(fact_type: str) -> str:
    return label_of_fact(fact_type)
