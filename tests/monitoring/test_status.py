"""Late and due soon are derived from the date, as time passes (a fixed clock), at the window's edges."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from ims.monitoring import selectors
from ims.monitoring.status import state_of
from ims.register import services as register
from ims.register.models import Milestone
from tests.db import in_db

D = dt.date
DUE = D(2020, 6, 30)


@pytest.mark.parametrize(("today", "expected"), [
    (D(2020, 3, 31), ""),  # 91 days ahead: one day outside the window
    (D(2020, 4, 1), "due_soon"),  # exactly 90 days ahead
    (D(2020, 6, 30), "due_soon"),  # due today is not late yet
    (D(2020, 7, 1), "late"),
    (D(2023, 1, 1), "late"),
])
def test_state_of_an_open_milestone(today, expected):
    assert state_of(status="planned", due_on=DUE, on=today, days=90) == expected


def test_window_edges_are_inclusive():
    assert state_of(status="on_track", due_on=D(2020, 3, 31), on=D(2020, 1, 1), days=90) == "due_soon"
    assert state_of(status="on_track", due_on=D(2020, 4, 1), on=D(2020, 1, 1), days=90) == ""
    assert state_of(status="on_track", due_on=D(2020, 4, 1), on=D(2020, 1, 1), days=91) == "due_soon"


@pytest.mark.parametrize("status", ["done", "cancelled"])
def test_done_or_dropped_is_never_late(status):
    assert state_of(status=status, due_on=D(2019, 1, 1), on=D(2022, 1, 1)) == ""


def test_the_same_milestone_moves_from_later_to_due_soon_to_late(plans, analyst):
    milestone = register.milestone_create(plan=plans.plan, title="Oefening Joint Venture", due_on=DUE)

    def states() -> tuple[str, bool, bool]:
        late = selectors.milestone_list(user=analyst, filters=selectors.MilestoneFilters(state="late"))
        soon = selectors.milestone_list(user=analyst, filters=selectors.MilestoneFilters(state="due_soon"))
        fresh = in_db(Milestone).get(pk=milestone.pk)
        return state_of(status=fresh.status, due_on=fresh.due_on), late.filter(pk=milestone.pk).exists(), \
            soon.filter(pk=milestone.pk).exists()

    with time_machine.travel(dt.datetime(2020, 1, 1, 12, tzinfo=dt.UTC), tick=False):
        assert states() == ("", False, False)
    with time_machine.travel(dt.datetime(2020, 5, 1, 12, tzinfo=dt.UTC), tick=False):
        assert states() == ("due_soon", False, True)
    with time_machine.travel(dt.datetime(2020, 7, 1, 12, tzinfo=dt.UTC), tick=False):
        assert states() == ("late", True, False)
        register.milestone_update(milestone=in_db(Milestone).get(pk=milestone.pk), status="done")
        assert states() == ("", False, False)


def test_the_window_is_configurable(plans, analyst, settings):
    register.milestone_create(plan=plans.plan, title="Ver weg", due_on=D(2020, 12, 1))
    with time_machine.travel(dt.datetime(2020, 6, 1, 12, tzinfo=dt.UTC), tick=False):
        soon = selectors.MilestoneFilters(state="due_soon")
        assert not selectors.milestone_list(user=analyst, filters=soon).exists()
        settings.IMS_DUE_SOON_DAYS = 183
        assert [m.title for m in selectors.milestone_list(user=analyst, filters=soon)] == ["Ver weg"]


@pytest.mark.parametrize(("day", "expected"), [
    (D(2020, 8, 31), D(2020, 2, 29)),  # the shorter month's last day
    (D(2020, 3, 15), D(2019, 9, 15)),  # across the new year
    (D(2021, 1, 1), D(2020, 7, 1)),
])
def test_six_months_before(day, expected):
    assert selectors.months_before(day, 6) == expected


def test_an_initiative_is_stale_after_six_months_without_an_update(plans, analyst):
    with time_machine.travel(dt.datetime(2020, 1, 10, 12, tzinfo=dt.UTC), tick=False):
        register.initiative_create(title="Stil initiatief", status="running")
    stale = selectors.initiative_gap_list(user=analyst, gap="stale", on=D(2020, 7, 10))
    assert "Stil initiatief" not in {i.title for i in stale}
    stale = selectors.initiative_gap_list(user=analyst, gap="stale", on=D(2020, 7, 11))
    assert "Stil initiatief" in {i.title for i in stale}
