"""Choice lists of the monitoring, with Dutch labels (English via translation)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MilestoneState(models.TextChoices):
    """What the date says about an open milestone (derived, never stored; see ``status.py``)."""

    LATE = "late", _("te laat")
    DUE_SOON = "due_soon", _("binnenkort")


class OfficialKind(models.TextChoices):
    ATTACHE = "attache", _("defensieattaché")
    OTHER = "other", _("andere internationale defensiefunctionaris")


class ActivityKind(models.TextChoices):
    VISIT = "visit", _("bezoek")
    MEETING = "meeting", _("overleg")
    EXERCISE = "exercise", _("oefening")
    REPORT = "report", _("rapportage")


class InitiativeGap(models.TextChoices):
    """Why an initiative in progress needs the BIA's attention (the dashboard's initiative counts)."""

    NO_MILESTONE = "no_milestone", _("zonder mijlpaal")
    NO_RESULT = "no_result", _("zonder concreet resultaat of indicator")
    STALE = "stale", _("zes maanden niet bijgewerkt")
