"""Shaping monitoring data for pages: no queries here, only arithmetic on what the selectors returned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ims.register.presentation import labels, permille
from ims.register.vocab import Ring, Status

from .selectors import Dashboard
from .status import state_of
from .vocab import InitiativeGap, MilestoneState


@dataclass(frozen=True)
class Number:
    """A number on the dashboard and the list it counts: the page shows ``count`` as a link to ``url``."""

    key: str
    label: str | Promise
    count: int
    url: str


def _url(name: str, **params: str) -> str:
    return reverse(name) + ("?" + urlencode(params) if params else "")


# The dashboard's words for the initiatives that need attention (the vocabulary's labels complete the phrase).
GAP_HEADLINES = {
    InitiativeGap.NO_MILESTONE: _("Initiatieven zonder mijlpaal"),
    InitiativeGap.NO_RESULT: _("Initiatieven zonder concreet resultaat of indicator"),
    InitiativeGap.STALE: _("Initiatieven zes maanden niet bijgewerkt"),
}


def headline_numbers(board: Dashboard) -> list[Number]:
    """The dashboard's headline numbers, each with the list it counts."""
    return [
        Number("late", _("Mijlpalen te laat"), board.late,
               _url("monitoring:milestone-list", state=MilestoneState.LATE)),
        Number("due_soon", _("Mijlpalen binnenkort"), board.due_soon,
               _url("monitoring:milestone-list", state=MilestoneState.DUE_SOON)),
        *[Number(f"gap_{gap}", GAP_HEADLINES[gap], board.gaps[gap],
                 _url("monitoring:initiative-gaps", gap=gap)) for gap in InitiativeGap.values],
        Number("overdue_commitments", _("Toezeggingen aan de Kamer over de termijn"), board.overdue_commitments,
               _url("monitoring:commitment-list")),
    ]


@dataclass(frozen=True)
class StatusRow:
    label: str
    ring: str
    cells: list[Number]  # one per initiative status, in the vocabulary's order
    url: str = ""  # the row's own page (a partner), if any


def status_rows(board: Dashboard) -> tuple[list[StatusRow], list[StatusRow]]:
    """Initiatives by status per ring and per partner, each count a link to the initiative list so filtered.

    The list's and the partner page's addresses are reversed once: a dashboard has a cell per partner and status.
    """
    statuses = Status.values
    rings = labels(Ring, lambda: Ring.choices)
    initiatives = reverse("register:initiative-list")
    partner_page = reverse("register:partner-detail", args=["CODE"]).replace("CODE", "{}")

    # The query string of a cell is its row's filters and then the status: encoded once per row and per status,
    # not once per cell (the same string as ``urlencode({**filters, "status": status})``).
    status_params = [(status, urlencode({"status": status})) for status in statuses]

    def cells(key: str, counts: dict[str, int], **filters: str) -> list[Number]:
        base = f"{initiatives}?{urlencode(filters)}&"
        return [Number(f"{key}_{status}", "", counts.get(status, 0), base + param) for status, param in status_params]

    per_ring = [StatusRow(rings[ring], ring, cells(f"ring_{ring}", board.rings[ring], ring=ring))
                for ring in Ring.values]
    per_partner = [StatusRow(row.name, row.ring, cells(f"partner_{row.code}", row.counts, partner=row.code),
                             url=partner_page.format(quote(row.code)))
                   for row in board.partners]
    return per_ring, per_partner


# --- the plan's timeline --------------------------------------------------------------------------------

ROW = 26  # SVG units per row
AXIS = 30  # room for the axis under the rows


@dataclass(frozen=True)
class Bar:
    """An initiative's period within the plan, or a milestone's diamond (``point``), on one row of the SVG."""

    label: str
    kind: str  # "initiative" or the milestone's state or status, for its colour
    x: str
    w: str
    y: str
    text_y: str
    title: str
    point: bool


@dataclass(frozen=True)
class PlanTimeline:
    bars: list[Bar]
    ticks: list[tuple[str, str]]  # (x, label)
    today_x: str  # "" when today is outside the plan
    height: str


def plan_timeline(*, starts_on: dt.date, ends_on: dt.date, initiatives: Sequence, milestones: Sequence,
                  today: dt.date) -> PlanTimeline:
    """A Gantt-like picture of a plan: its initiatives as bars clipped to the plan's period, its milestones as
    diamonds on their due dates (coloured late, due soon, done or dropped), the plan's months or years as ticks
    and today as a line, on a 0–1000 axis."""
    span = max((ends_on - starts_on).days, 1)

    def x(day: dt.date) -> int:
        clipped = min(max(day, starts_on), ends_on)
        return permille(100 * (clipped - starts_on).days / span)

    bars = []
    for row, initiative in enumerate(initiatives):
        begin = initiative.actual_start or initiative.planned_start or starts_on
        end = initiative.actual_end or initiative.planned_end or ends_on
        left, right = x(begin), x(end)
        bars.append(Bar(initiative.title, "initiative", str(left), str(max(right - left, 4)), str(row * ROW + 4),
                        str(row * ROW + 17), f"{initiative.title}: {date_format(begin)} – {date_format(end)}",
                        False))
    for n, milestone in enumerate(milestones, start=len(bars)):
        state = state_of(status=milestone.status, due_on=milestone.due_on, on=today) or milestone.status
        bars.append(Bar(milestone.title, state, str(x(milestone.due_on)), "0", str(n * ROW + 13),
                        str(n * ROW + 17), f"{milestone.title}: {date_format(milestone.due_on)}", True))
    years = (ends_on.year - starts_on.year) + 1
    step = 1 if years <= 2 else 12
    ticks = []
    month = dt.date(starts_on.year, starts_on.month, 1)
    while month <= ends_on:
        if month >= starts_on and ((step == 1 and month.month in (1, 4, 7, 10)) or month.month == 1):
            ticks.append((str(x(month)), date_format(month, "M Y") if step == 1 else str(month.year)))
        month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    today_x = str(x(today)) if starts_on <= today <= ends_on else ""
    return PlanTimeline(bars, ticks, today_x, str(len(bars) * ROW + AXIS))
