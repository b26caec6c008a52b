"""What a ring decision changes in a partner's history, worked out before it is recorded.

A decision dated this year, after the last ring change, simply starts a new period. Any other rewrites
history: one dated in an earlier year changes the ring that the reports over years gone by list (a report
takes each partner's ring at the end of its year), and one dated before the last ring change falls inside,
or before, periods already recorded. Such a decision is recorded only once the BIA member has seen what it
changes and confirmed it (``RingChange.needs_confirmation``).

A decision that falls inside the history is fitted in rather than refused: inside a closed period, that
period is cut short at the date and the new one runs until the old one would have ended; before or between
recorded periods, the new one runs until the next recorded change. Later decisions stay as they are. Only a
decision on the very day another period begins cannot be fitted in.

No queries here: the services pass in every period (locked), the pages only those the user may see, so that
an explanation names nothing hidden.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Stretch:
    """A stretch of the history the new period takes over: its ring before (None: no ring) and its dates."""

    ring: str | None
    start: dt.date
    end: dt.date | None  # exclusive; None: still in force


@dataclass(frozen=True)
class RingChange:
    ring: str
    valid_from: dt.date
    valid_to: dt.date | None  # where the new period ends: the next recorded change, or None (in force)
    replaced: tuple[Stretch, ...]
    split: Any | None  # the closed period the date falls inside, to be cut short at the date
    report_years: tuple[int, ...]  # the years whose ring at the year's end the decision changes
    before_last_change: bool
    in_past_year: bool
    blocked_by: Any | None  # a period beginning on the same day: then the decision cannot be fitted in

    @property
    def needs_confirmation(self) -> bool:
        return self.before_last_change or self.in_past_year


def _earlier_end(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    """The earlier of two exclusive ends, None standing for "still in force"."""
    if a is None:
        return b
    return a if b is None else min(a, b)


def plan(periods: Sequence[Any], *, ring: str, valid_from: dt.date, today: dt.date) -> RingChange:
    """How a decision (``ring`` from ``valid_from``) fits into ``periods`` (anything with ``ring``,
    ``valid_from`` and ``valid_to``), and which report years it changes, as of ``today``."""
    ordered = sorted(periods, key=lambda p: p.valid_from)
    blocked = next((p for p in ordered if p.valid_from == valid_from), None)
    containing = next((p for p in ordered
                       if p.valid_from < valid_from and (p.valid_to is None or p.valid_to > valid_from)), None)
    following = [p for p in ordered if p.valid_from > valid_from]
    # Inside a period the new one ends where that one did (None for the period in force, which the decision
    # closes); before or between periods, at the next recorded change.
    next_change = following[0].valid_from if following else None
    valid_to = containing.valid_to if containing is not None else next_change

    replaced: list[Stretch] = []
    cursor: dt.date | None = valid_from
    for p in ordered:
        if (p.valid_to is not None and p.valid_to <= valid_from) or (valid_to is not None and p.valid_from >= valid_to):
            continue
        start = max(p.valid_from, valid_from)
        if cursor is not None and start > cursor:
            replaced.append(Stretch(None, cursor, start))
        cursor = _earlier_end(p.valid_to, valid_to)
        replaced.append(Stretch(p.ring, start, cursor))
    if cursor is not None and (valid_to is None or cursor < valid_to):
        replaced.append(Stretch(None, cursor, valid_to))

    def ring_on(day: dt.date) -> str | None:
        return next((s.ring for s in replaced if s.start <= day and (s.end is None or s.end > day)), None)

    last = today.year if valid_to is None else min(today.year, (valid_to - dt.timedelta(days=1)).year)
    years = tuple(year for year in range(valid_from.year, last + 1)
                  if (valid_to is None or dt.date(year, 12, 31) < valid_to) and ring_on(dt.date(year, 12, 31)) != ring)
    last_change = max((p.valid_from for p in ordered), default=None)
    return RingChange(
        ring=ring, valid_from=valid_from, valid_to=valid_to, replaced=tuple(replaced),
        split=containing if containing is not None and containing.valid_to is not None else None,
        report_years=years,
        before_last_change=last_change is not None and valid_from < last_change,
        in_past_year=valid_from.year < today.year,
        blocked_by=blocked,
    )
