"""Choice lists of the register, with the Dutch labels of the glossary (English via translation)."""

from django.db import models
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ims.framework import ladder, vocab


def vocab_label(member: vocab.LabelledEnum) -> str:
    """The member's glossary label in the active language: English for "en" and its variants, else Dutch.

    The framework stays free of Django, so it carries both labels and leaves the choice to the caller;
    this is the one place that makes it. Without an active language (a management command) it is Dutch.
    """
    language = translation.get_language() or ""
    return member.label_en if language.startswith("en") else member.label_nl


# For labels fixed at import time (choices, form and model field labels): resolved when shown, per request.
vocab_label_lazy = lazy(vocab_label, str)


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


class ParticipantRole(models.TextChoices):
    LEAD = "lead", _("lead nation of coördinator")
    PARTICIPANT = "participant", _("deelnemer")
    OBSERVER = "observer", _("waarnemer")


class AgreementKind(models.TextChoices):
    MOU = "MoU", _("Memorandum of Understanding")
    DOI = "DOI", _("intentieverklaring (Declaration of Intent)")
    LOI = "LOI", _("Letter of Intent")
    JVS = "JVS", _("Joint Vision Statement")
    TREATY = "TREATY", _("verdrag")
    AGREEMENT = "AGREEMENT", _("overeenkomst")
    ACTION_PLAN = "ACTION_PLAN", _("actieplan")


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("gepland")
    DONE = "done", _("gereed")
    DELAYED = "delayed", _("vertraagd")
    CANCELLED = "cancelled", _("vervallen")


class SpendingStatus(models.TextChoices):
    ACTUAL = "actual", _("gerealiseerd")
    PLANNED = "planned", _("begroot")
    # "doel" here is a spending target, not an initiative's goal: a context keeps the two translations apart.
    TARGET = "target", pgettext_lazy("defence spending status", "doel")


class CommitmentStatus(models.TextChoices):
    OPEN = "open", _("open")
    ANSWERED = "answered", _("beantwoord")


class DatePrecision(models.TextChoices):
    DAY = "day", _("dag")
    MONTH = "month", _("maand")
    YEAR = "year", _("jaar")
