"""Shaping register data for pages: no queries here, only arithmetic on what selectors returned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.utils import translation

# Labels by stored value, per (vocabulary, language). Turning lazy labels into text is what list pages spent
# most of their time on: Django's get_FOO_display() rebuilds and hashes the whole choice list on every call,
# and every label of the glossary's vocabularies is a lazy object that looks up the active language.
# Translations do not change while the process runs, so one dict per language is enough.
_LABELS: dict[tuple[Hashable, str | None], dict[Any, str]] = {}


@receiver(setting_changed)
def _forget_labels(*, setting: str, **kwargs) -> None:
    # Tests that switch languages or catalogues must not see labels of the old ones.
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS"}:
        _LABELS.clear()


def labels(key: Hashable, choices: Callable[[], Iterable[tuple[Any, Any]]]) -> dict[Any, str]:
    """``{value: label}`` in the active language, built from ``choices()`` once per language and ``key``."""
    cache_key = (key, translation.get_language())
    found = _LABELS.get(cache_key)
    if found is None:
        found = _LABELS[cache_key] = {value: str(label) for value, label in choices()}
    return found


def display(record: models.Model, name: str) -> Any:
    """What ``record.get_<name>_display()`` returns, from labels built once per language."""
    field = record._meta.get_field(name)
    value = getattr(record, field.attname)
    return labels(field, lambda: field.flatchoices).get(value, value)


def permille(value: float) -> int:
    """A percentage as a coordinate on a 0–1000 SVG axis (an integer, so no locale can put a comma in it)."""
    return round(float(value) * 10)


@dataclass(frozen=True)
class Segment:
    ring: str
    label: str
    start: dt.date
    end: dt.date | None
    left: float
    width: float

    # SVG coordinates, as text: a template localises every number it writes, which for a page of ticks and
    # bars cost more than the rest of the timeline.
    @property
    def x(self) -> str:
        return str(permille(self.left))

    @property
    def w(self) -> str:
        return str(permille(self.width))

    @property
    def label_x(self) -> str:
        return str(permille(self.left) + 6)


@dataclass(frozen=True)
class Tick:
    """A year mark on the timeline's axis; coordinates as text, like ``Segment``'s."""

    year: str
    x: str
    label_x: str


def timeline(assignments: Sequence, today: dt.date) -> tuple[list[Segment], list[Tick]]:
    """Place ring periods on a horizontal axis (percentages) from the first start to today, with at most
    about eight year ticks, each at 1 January."""
    if not assignments:
        return [], []
    first = min(a.valid_from for a in assignments)
    last = max([today, *[a.valid_to for a in assignments if a.valid_to]])
    span = max((last - first).days, 1)

    def position(day: dt.date) -> float:
        return round(100 * (day - first).days / span, 2)

    segments = [
        Segment(ring=a.ring, label=display(a, "ring"), start=a.valid_from, end=a.valid_to,
                left=position(a.valid_from),
                width=round(max(100 * ((a.valid_to or last) - a.valid_from).days / span, 0.5), 2))
        for a in assignments
    ]
    years = list(range(first.year + 1, last.year + 1))
    ticks = []
    for year in years[::max(1, len(years) // 8)]:
        x = permille(position(dt.date(year, 1, 1)))
        ticks.append(Tick(year=str(year), x=str(x), label_x=str(x + 3)))
    return segments, ticks
