"""What the monitoring's edit pages load: one record as its editor may see it, plain fields only. A record the
user may not see, or whose partner, initiative or plan they may not see, is not found (a 404, as a missing one)."""

from __future__ import annotations

from ims.register import selectors as register
from ims.register.models import Milestone

from .models import Activity, Official


def milestone_for_edit(*, user, pk: int) -> Milestone:
    """A milestone, of an initiative and a plan the user may see, with its plan and initiative at hand."""
    return register.milestone_get(user=user, pk=pk)


def official_for_edit(*, user, pk: int) -> Official:
    return Official.objects.for_user(user).filter(register.related_visible_to(user, "partner")).get(pk=pk)


def activity_for_edit(*, user, pk: int) -> Activity:
    """An activity, of an official the user may see, with that official at hand; its partner visible too."""
    return (Activity.objects.for_user(user).filter(official__in=Official.objects.for_user(user).values("pk"))
            .filter(register.related_visible_to(user, "partner"))
            .filter(register.related_visible_to(user, "official__partner"))
            .select_related("official").get(pk=pk))
