"""Shaping register data for pages: no queries here, only arithmetic on what selectors returned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.http import QueryDict
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .reference import ABBREVIATIONS

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


def _english() -> bool:
    return (translation.get_language() or "").startswith("en")


def partner_name(partner: Any) -> str:
    """A partner's name in the language of the page (Dutch unless English was chosen and is known)."""
    if _english() and partner.name_en:
        return partner.name_en
    return partner.name_nl


def partner_short(partner: Any) -> str:
    """What a partner (or partner code) is called where there is no room for its name: a country's ISO code,
    an organisation's usual abbreviation in the page's language ("NAVO", as in its Dutch name; "NATO" in
    English)."""
    code = partner if isinstance(partner, str) else partner.code
    abbreviation = ABBREVIATIONS.get(code)
    if abbreviation is None:
        return code
    return abbreviation[1] if _english() else abbreviation[0]


def period(start: dt.date | None, end: dt.date | None) -> str:
    """A period in words, whichever ends are known: "1 januari 2017 – 31 december 2020", "vanaf …", "tot …"."""
    if start and end:
        return f"{date_format(start)} – {date_format(end)}"
    if start:
        return _("vanaf %(date)s") % {"date": date_format(start)}
    if end:
        return _("tot %(date)s") % {"date": date_format(end)}
    return _("nog niet bekend")


@dataclass(frozen=True)
class FacetItem:
    value: str
    count: int
    url: str  # the list filtered on this value (or, when it is the filter already, without it); "" for none
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str  # the facet, as the templates know it (see ims_tags.facet_title)
    param: str | None  # the filter it sets, if any
    items: list[FacetItem]


def facet_links(query: QueryDict, facets: dict[str, list[tuple[str, int]]], params: dict[str, str]) -> list[Facet]:
    """The counts beside a list as links: each value filters the list on it, keeping the other filters and
    starting at page 1; the value filtered on already links back to the list without that filter.

    ``params`` names the query parameter of each facet that is a filter; a value without a filter (the
    count of records without a ring, say) is shown without a link.
    """
    out = []
    for name, rows in facets.items():
        param = params.get(name)
        items = []
        for value, count in rows:
            current = param is not None and query.get(param, "") == value != ""
            url = ""
            if param is not None and value != "":
                wanted = query.copy()
                wanted.pop("page", None)
                if current:
                    wanted.pop(param, None)
                else:
                    wanted[param] = value
                url = "?" + wanted.urlencode()
            items.append(FacetItem(value=value, count=count, url=url, selected=current))
        out.append(Facet(name=name, param=param, items=items))
    return out


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
