"""Shaping register data for pages: no queries here, only arithmetic on what selectors returned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    ring: str
    label: str
    start: dt.date
    end: dt.date | None
    left: float
    width: float


def timeline(assignments: Sequence, today: dt.date) -> tuple[list[Segment], list[int]]:
    """Place ring periods on a horizontal axis (percentages) from the first start to today, plus year ticks."""
    if not assignments:
        return [], []
    first = min(a.valid_from for a in assignments)
    last = max([today, *[a.valid_to for a in assignments if a.valid_to]])
    span = max((last - first).days, 1)
    segments = []
    for a in assignments:
        end = a.valid_to or last
        segments.append(
            Segment(
                ring=a.ring,
                label=a.get_ring_display(),
                start=a.valid_from,
                end=a.valid_to,
                left=round(100 * (a.valid_from - first).days / span, 2),
                width=round(max(100 * (end - a.valid_from).days / span, 0.5), 2),
            )
        )
    years = list(range(first.year + 1, last.year + 1))
    step = max(1, len(years) // 8)
    return segments, years[::step]


def year_position(year: int, assignments: Sequence, today: dt.date) -> float:
    first = min(a.valid_from for a in assignments)
    last = max([today, *[a.valid_to for a in assignments if a.valid_to]])
    return round(100 * (dt.date(year, 1, 1) - first).days / max((last - first).days, 1), 2)
