"""The weekly digest: each owner gets their late and upcoming milestones by e-mail (Django's e-mail backend:
the console in development, SMTP from the environment on a server). Only what the owner may still see is in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils.formats import date_format

from ims.register.models import Milestone

from .selectors import MilestoneFilters, milestone_rows
from .status import today, window_days
from .vocab import MilestoneState


@dataclass(frozen=True)
class Digest:
    user: object
    late: list[Milestone]
    due_soon: list[Milestone]

    @property
    def subject(self) -> str:
        return f"IMS: {len(self.late)} mijlpalen te laat, {len(self.due_soon)} binnenkort"

    def body(self, *, on: dt.date, days: int) -> str:
        def line(m: Milestone) -> str:
            belongs = " · ".join(x.title for x in (m.initiative, m.plan) if x is not None)
            return f"- {date_format(m.due_on)}: {m.title} ({belongs})"

        name = self.user.get_full_name() or self.user.username
        parts = [f"Beste {name},", "", f"Dit zijn uw mijlpalen in IMS op {date_format(on)}.", ""]
        parts += ["Te laat (oudste eerst):", *([line(m) for m in self.late] or ["- geen"]), ""]
        parts += [f"Binnenkort (de komende {days} dagen):", *([line(m) for m in self.due_soon] or ["- geen"]), ""]
        parts += ["Meld voortgang of gereed in IMS, onder Monitoring › Mijlpalen."]
        return "\n".join(parts)


def digest_for(*, user, on: dt.date | None = None) -> Digest:
    """The user's own open milestones that are late or due soon, read as that user (clearance applies)."""
    def owned(state: str) -> list[Milestone]:
        return list(milestone_rows(user=user, filters=MilestoneFilters(state=state, owner=user.username), on=on))

    return Digest(user=user, late=owned(MilestoneState.LATE), due_soon=owned(MilestoneState.DUE_SOON))


def owners(username: str = ""):
    """Active users who own at least one milestone (or the one named)."""
    users = get_user_model().objects.filter(is_active=True)
    if username:
        return users.filter(username=username)
    return users.filter(owned_milestones__isnull=False).distinct().order_by("username")


def digests_send(*, username: str = "", dry_run: bool = False, on: dt.date | None = None) -> list[tuple[Digest, str]]:
    """Build every owner's digest and send the ones with something in them; returns (digest, what happened)."""
    on = on or today()
    done = []
    for user in owners(username):
        digest = digest_for(user=user, on=on)
        if not digest.late and not digest.due_soon:
            done.append((digest, "niets te melden"))
        elif not user.email:
            done.append((digest, "geen e-mailadres"))
        elif dry_run:
            done.append((digest, "niet verstuurd (proefdraai)"))
        else:
            send_mail(digest.subject, digest.body(on=on, days=window_days()), settings.DEFAULT_FROM_EMAIL,
                      [user.email])
            done.append((digest, f"verstuurd naar {user.email}"))
    return done
