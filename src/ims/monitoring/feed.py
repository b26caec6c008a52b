"""Each user's milestones as an iCalendar feed (RFC 5545) at a secret address that Outlook and other calendars
can subscribe to, and that the user can revoke."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from icalendar import Calendar, Event

from ims.core.audit import AuditAction, audit
from ims.register.presentation import display
from ims.register.vocab import OPEN_MILESTONE_STATUSES

from .models import CalendarFeed
from .selectors import MilestoneFilters, milestone_rows


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@transaction.atomic
def feed_issue(*, user) -> str:
    """A new secret for the user's feed; any earlier address stops working. The secret is returned once."""
    secret = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(user=user, defaults={"secret_sha256": _digest(secret)})
    audit(action=AuditAction.CREATE, actor=user, object_type="agendafeed", object_id=str(user.pk),
          object_repr=str(user))
    return secret


@transaction.atomic
def feed_revoke(*, user) -> bool:
    """Stop the user's feed; True when there was one."""
    deleted, _ = CalendarFeed.objects.filter(user=user).delete()
    if deleted:
        audit(action=AuditAction.DELETE, actor=user, object_type="agendafeed", object_id=str(user.pk),
              object_repr=str(user))
    return bool(deleted)


def feed_owner(*, secret: str):
    """The active user whose feed this secret opens, or None."""
    found = CalendarFeed.objects.select_related("user").filter(secret_sha256=_digest(secret)).first()
    if found is None or not found.user.is_active:
        return None
    return found.user


def feed_calendar(*, user, base_url: str) -> bytes:
    """The user's open milestones (as owner, and only those the user may still see) as all-day events."""
    calendar = Calendar()
    calendar.add("prodid", "-//Ministerie van Defensie//IMS//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "IMS-mijlpalen")
    stamp = timezone.now()
    for milestone in milestone_rows(user=user, filters=MilestoneFilters(owner=user.username)).filter(
            status__in=OPEN_MILESTONE_STATUSES):
        event = Event()
        event.add("uid", f"ims-mijlpaal-{milestone.pk}@ims")
        event.add("dtstamp", stamp)
        event.add("dtstart", milestone.due_on)
        event.add("dtend", milestone.due_on + dt.timedelta(days=1))
        event.add("summary", f"Mijlpaal: {milestone.title}")
        belongs = " · ".join(x.title for x in (milestone.initiative, milestone.plan) if x is not None)
        event.add("description", f"{belongs}\nStatus: {display(milestone, 'status')}")
        if milestone.plan_id:
            event.add("url", f"{base_url}/monitoring/plannen/{milestone.plan_id}/")
        calendar.add_component(event)
    return calendar.to_ical()
