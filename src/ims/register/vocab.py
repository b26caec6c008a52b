"""Choice lists of the register, with the Dutch labels of the glossary (English via translation)."""

from django.db import models
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from ims.framework import ladder, vocab


def vocab_label(member: vocab.Labelled) -> str:
    """The member's glossary label in the active language: English for "en" and its variants, else Dutch.

    The framework stays free of Django, so it carries both labels and leaves the choice to the caller;
    this is the one place that makes it. Without an active language (a management command) it is Dutch.
    """
    language = translation.get_language() or ""
    return member.label_en if language.startswith("en") else member.label_nl


# For labels fixed at import time (choices, form and model field labels): resolved when shown, per request.
vocab_label_lazy = lazy(vocab_label, str)


def code_label(vocabulary: type[vocab.LabelledEnum], code: str) -> str:
    """A code's label in the active language; a code the vocabulary lacks is shown as it is."""
    try:
        return vocab_label(vocabulary(code))
    except ValueError:
        return code


def django_choices(enum: type[vocab.LabelledEnum]) -> type[models.TextChoices]:
    """A Django TextChoices with the same codes, order and labels as a framework vocabulary."""
    return models.TextChoices(enum.__name__, [(m.name.upper(), (m.value, vocab_label_lazy(m))) for m in enum])


class PartnerKind(models.TextChoices):
    COUNTRY = "country", _("land")
    ORGANISATION = "organisation", _("organisatie")
    FRAMEWORK = "framework", _("samenwerkingsverband")


# The glossary's vocabularies are defined once, in the pure framework package; the register takes its
# Django choices from there, with the label in the language of the request.
Ring = django_choices(vocab.Ring)
GoalCategory = django_choices(vocab.GoalCategory)
Form = django_choices(ladder.Form)  # in ladder order, least to most integrated
Kind = django_choices(vocab.Kind)
Origin = django_choices(vocab.Origin)
Status = django_choices(vocab.Status)
AgreementKind = django_choices(vocab.AgreementKind)
SpendingStatus = django_choices(vocab.SpendingStatus)


class ParticipantRole(models.TextChoices):
    LEAD = "lead", _("lead nation of coördinator")
    PARTICIPANT = "participant", _("deelnemer")
    OBSERVER = "observer", _("waarnemer")


class MilestoneStatus(models.TextChoices):
    """What the owner reports. Whether a milestone is late or due soon is derived from its date, never typed in
    (``ims.monitoring.status``), so there is no "delayed" here any more."""

    PLANNED = "planned", _("gepland")
    ON_TRACK = "on_track", _("op koers")
    AT_RISK = "at_risk", _("risico")
    DONE = "done", _("gereed")
    CANCELLED = "cancelled", _("vervallen")


# A milestone still to be reached: neither done nor dropped.
OPEN_MILESTONE_STATUSES = (MilestoneStatus.PLANNED, MilestoneStatus.ON_TRACK, MilestoneStatus.AT_RISK)


class CommitmentStatus(models.TextChoices):
    OPEN = "open", _("open")
    ANSWERED = "answered", _("beantwoord")


class DatePrecision(models.TextChoices):
    DAY = "day", _("dag")
    MONTH = "month", _("maand")
    YEAR = "year", _("jaar")
