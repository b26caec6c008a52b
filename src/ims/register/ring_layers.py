"""How ring periods of different classifications make one history per reader (no queries here).

A partner's ring history is kept in layers, one per classification: periods of the same classification never
overlap (the database refuses it), periods of different classifications may. A reader sees the layers up to
their clearance, and on any day the period of the highest classification among those covers that day: what
they know at their level replaces what the less classified record says. So each clearance level reads one
consistent history, and a write at one level closes or splits only periods of that level — it never alters a
period the writer cannot see, nor shows a less cleared reader a date that comes from a classified decision.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
from collections.abc import Sequence
from typing import Any

_END = dt.date.max


def effective_periods(periods: Sequence[Any]) -> list[Any]:
    """One partner's periods as its reader sees them: non-overlapping, in date order, each the period of the
    highest classification in force over that stretch (shallow copies with the stretch's dates where a period
    is cut by a more classified one; the periods themselves where nothing overlaps)."""
    if len({int(p.classification) for p in periods}) < 2:
        return sorted(periods, key=lambda p: p.valid_from)
    bounds = sorted({p.valid_from for p in periods} | {p.valid_to or _END for p in periods})
    out: list[Any] = []
    for start, end in itertools.pairwise(bounds):
        covering = [p for p in periods if p.valid_from <= start and (p.valid_to or _END) >= end]
        if not covering:
            continue
        winner = max(covering, key=lambda p: (int(p.classification), p.valid_from))
        if out and out[-1].pk == winner.pk and out[-1].valid_to == start:
            out[-1].valid_to = None if end == _END else end
            continue
        piece = copy.copy(winner)
        piece.valid_from, piece.valid_to = start, None if end == _END else end
        out.append(piece)
    return out
