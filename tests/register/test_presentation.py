"""The ring timeline on a partner's page: periods as bars from the first start to today, years as ticks."""

from __future__ import annotations

import datetime as dt

from ims.register.models import RingAssignment
from ims.register.presentation import timeline

TODAY = dt.date(2020, 1, 1)


def ring(ring: str, start: dt.date, end: dt.date | None = None) -> RingAssignment:
    return RingAssignment(ring=ring, valid_from=start, valid_to=end)


def test_periods_cover_the_axis_from_the_first_start_to_today():
    segments, _ticks = timeline([ring("opportunity", dt.date(2010, 1, 1), dt.date(2015, 1, 1)),
                                 ring("strategic", dt.date(2015, 1, 1))], TODAY)
    # 2010–2015 and 2015–2020 are both 1,826 days: two halves.
    assert [(s.ring, s.left, s.width) for s in segments] == [("opportunity", 0.0, 50.0), ("strategic", 50.0, 50.0)]
    assert [(s.x, s.w) for s in segments] == [("0", "500"), ("500", "500")]


def test_a_period_of_a_day_stays_visible():
    segments, _ticks = timeline([ring("strategic", dt.date(2010, 1, 1), dt.date(2010, 1, 2)),
                                 ring("affiliated", dt.date(2010, 1, 2))], TODAY)
    assert segments[0].width == 0.5


def test_ticks_mark_first_january_and_thin_out_over_long_histories():
    _segments, ticks = timeline([ring("strategic", dt.date(2010, 1, 1))], TODAY)
    assert [t.year for t in ticks] == [str(y) for y in range(2011, 2021)]
    assert ticks[-1].x == "1000" and ticks[-1].label_x == "1003"
    _segments, long = timeline([ring("strategic", dt.date(1950, 6, 1))], TODAY)
    assert 8 <= len(long) <= 10
    assert [int(t.x) for t in long] == sorted(int(t.x) for t in long)


def test_no_periods_no_timeline():
    assert timeline([], TODAY) == ([], [])
