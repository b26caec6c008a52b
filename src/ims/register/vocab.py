"""Choice lists of the register, with the Dutch labels of the glossary (English via translation)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    COUNTRY = "country", _("land")
    ORGANISATION = "organisation", _("organisatie")
    FRAMEWORK = "framework", _("samenwerkingsverband")


class Ring(models.TextChoices):
    STRATEGIC = "strategic", _("strategische partner")
    AFFILIATED = "affiliated", _("gelieerde partner")
    OPPORTUNITY = "opportunity", _("gelegenheidspartner")


class GoalCategory(models.TextChoices):
    POLITICAL_STRATEGIC = "political_strategic", _("politiek-strategisch")
    MILITARY = "military", _("militair (effectiviteit)")
    FINANCIAL_ECONOMIC = "financial_economic", _("financieel-economisch (doelmatigheid)")


class Form(models.TextChoices):
    """The depth ladder, least to most integrated; the order of the members is the order of the rungs."""

    JOINT_HIRING = "joint_hiring", _("gezamenlijke inhuur")
    POOLING = "pooling", _("pooling")
    JOINT_PROCUREMENT_SHARING = "joint_procurement_sharing", _("gezamenlijke aankoop en/of sharing")
    OPERATIONAL = "operational", _("operationele samenwerking en gereedstelling")
    INTEGRATED_OPERATIONAL = "integrated_operational", _("geïntegreerde operationele samenwerking")
    ROLE_TASK_SPECIALISATION = "role_task_specialisation", _("rol- en taakspecialisatie")


class Kind(models.TextChoices):
    GENERAL = "general", _("algemene militaire samenwerking")
    MATERIEL = "materiel", _("materieelsamenwerking")
    OPERATIONAL = "operational", _("samenwerking bij operationele inzet")


class Origin(models.TextChoices):
    BOTTOM_UP = "bottom_up", _("bottom-up")
    TOP_DOWN = "top_down", _("top-down")


class Status(models.TextChoices):
    IDEA = "idea", _("idee")
    STUDY = "study", _("studie")
    PREPARATION = "preparation", _("voorbereiding")
    RUNNING = "running", _("in uitvoering")
    COMPLETED = "completed", _("afgerond")
    STOPPED = "stopped", _("gestopt")


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
    TARGET = "target", _("doel")


class CommitmentStatus(models.TextChoices):
    OPEN = "open", _("open")
    ANSWERED = "answered", _("beantwoord")


class DatePrecision(models.TextChoices):
    DAY = "day", _("dag")
    MONTH = "month", _("maand")
    YEAR = "year", _("jaar")
