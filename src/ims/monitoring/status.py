"""Late and due soon: derived from a milestone's due date and status on a given day, never typed in.

A milestone is late from the day after its due date while it is neither done nor dropped, and due soon from
today up to and including today + the window (``IMS_DUE_SOON_DAYS``, 90 by default). A milestone due today is
due soon, not late. The same rule is written twice, once per row (``state_of``) and once as a query condition
(``state_q``), and tests hold the two together.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from ims.register.vocab import MilestoneStatus

from .vocab import MilestoneState

# Not done and not dropped is open. Said as "not closed" in queries: every other status is open (the status
# column is constrained to the vocabulary), and a condition on what a milestone is *not* lets the database walk
# the due-date index in order, so the oldest late milestones are found without sorting all of them.
CLOSED = (MilestoneStatus.DONE, MilestoneStatus.CANCELLED)


def window_days() -> int:
    return int(settings.IMS_DUE_SOON_DAYS)


def today() -> dt.date:
    return timezone.localdate()


def state_of(*, status: str, due_on: dt.date, on: dt.date | None = None, days: int | None = None) -> str:
    """``late``, ``due_soon`` or "" for one milestone on a day (today by default)."""
    on = on or today()
    days = window_days() if days is None else days
    if status in CLOSED:
        return ""
    if due_on < on:
        return MilestoneState.LATE
    if due_on <= on + dt.timedelta(days=days):
        return MilestoneState.DUE_SOON
    return ""


def state_q(state: str, *, on: dt.date | None = None, days: int | None = None) -> Q:
    """The query condition of ``state_of`` for milestones."""
    on = on or today()
    days = window_days() if days is None else days
    open_ = ~Q(status__in=CLOSED)
    if state == MilestoneState.LATE:
        return open_ & Q(due_on__lt=on)
    if state == MilestoneState.DUE_SOON:
        return open_ & Q(due_on__gte=on, due_on__lte=on + dt.timedelta(days=days))
    raise ValueError(f"unknown milestone state {state!r}")


def late_or_due_soon_q(*, on: dt.date | None = None, days: int | None = None) -> Q:
    """Late or due soon: open and due no later than the window's last day (the union of the two ``state_q``)."""
    on = on or today()
    days = window_days() if days is None else days
    return ~Q(status__in=CLOSED) & Q(due_on__lte=on + dt.timedelta(days=days))
