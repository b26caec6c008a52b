"""Numbers in the assessment pages as the framework's own texts write them (the locale picks the comma),
and the framework's vocabulary labels in the language of the page."""

from __future__ import annotations

from collections.abc import Sequence

from django import template
from django.utils.formats import number_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from ims.assessment.labels import scenario_label as label_of_scenario
from ims.framework.vocab import LabelledEnum
from ims.register.vocab import vocab_label

register = template.Library()


@register.filter
def label(member: LabelledEnum | str | None) -> str:
    """``{{ category|label }}``: a goal category, ring or form by its glossary label in the page's language."""
    # Anything else (a blank ring, a plain code) is shown as it is rather than breaking the page.
    return vocab_label(member) if isinstance(member, LabelledEnum) else member or ""


@register.filter
def signed(value: float, digits: int = 1) -> str:
    """``+5,0`` / ``-5,0`` / ``0,0``: a reason's effect, its sign always shown."""
    number = round(float(value), int(digits))
    text = number_format(abs(number), decimal_pos=int(digits))
    if number > 0:
        return f"+{text}"
    return f"-{text}" if number < 0 else text


@register.filter
def points(value: float, digits: int = 1) -> str:
    """A figure with one decimal, never ``-0,0``."""
    number = round(float(value), int(digits))
    return number_format(number if number else 0.0, decimal_pos=int(digits))


@register.filter
def percent(share: float) -> str:
    """A share 0..1 as a whole percentage."""
    return f"{number_format(round(float(share) * 100), decimal_pos=0)}%"


@register.filter
def lookup(mapping: dict, key):
    """``mapping[key]`` in a template, None when absent."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def years(values: Sequence[int]) -> str:
    """``2015 tot en met 2019`` for an unbroken run of years, else ``2015, 2017 en 2019``."""
    values = sorted(values)
    if len(values) > 2 and values[-1] - values[0] == len(values) - 1:
        return _("%(first)s tot en met %(last)s") % {"first": values[0], "last": values[-1]}
    return get_text_list([str(v) for v in values], _("en"))


@register.filter
def scenario_label(scenario) -> str:
    """``{{ scenario|scenario_label }}``: a scenario's name in the language of the page (never its slug)."""
    return label_of_scenario(scenario.name, scenario.label_nl)
