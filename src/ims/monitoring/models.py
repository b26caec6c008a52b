"""Cooperation plans, progress notes on milestones, and international defence officials with their activities.

Milestones themselves are the register's (``ims.register.models.Milestone``, see the package docstring). Rules
the database can express are constraints; the others are in ``clean()``, so ``full_clean()`` in the services
refuses bad input with a Dutch message and stores nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ims.core.classification import Classification
from ims.core.models import History, Record
from ims.register.models import Initiative, Milestone, Partner
from ims.register.vocab import GoalCategory

from .vocab import ActivityKind, OfficialKind

PERIOD_MESSAGE = _("Het einde van de periode ligt vóór het begin.")


class CooperationPlan(Record):
    """A plan the BIA draws up with a partner or within a framework, for a period (an action plan, a roadmap)."""

    title = models.CharField(_("titel"), max_length=300)
    partner = models.ForeignKey(Partner, verbose_name=_("partner of kader"), on_delete=models.PROTECT,
                                related_name="cooperation_plans")
    starts_on = models.DateField(_("begin"))
    ends_on = models.DateField(_("einde"))
    summary = models.TextField(_("samenvatting"), blank=True)
    initiatives = models.ManyToManyField(Initiative, verbose_name=_("initiatieven"), blank=True,
                                         related_name="cooperation_plans")

    class Meta:
        verbose_name = _("samenwerkingsplan")
        verbose_name_plural = _("samenwerkingsplannen")
        ordering = ["-starts_on", "title"]
        constraints = [
            Record.classification_constraint("monitoring_cooperationplan_classification"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="monitoring_plan_period",
                                   violation_error_message=PERIOD_MESSAGE),
        ]
        # A milestone's plan level, looked up for every milestone the dashboard counts, from the index alone.
        indexes = [models.Index(fields=["id", "classification"], name="monitoring_plan_level")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": PERIOD_MESSAGE})
        if self.pk and self.starts_on and self.ends_on:
            # Every milestone of the plan, reached from the plan itself: a period must hold them all.
            outside = (self.milestones.exclude(due_on__range=(self.starts_on, self.ends_on))
                       .order_by("due_on").first())
            if outside is not None:
                raise ValidationError(_("De mijlpaal ‘%(title)s’ valt buiten deze periode; verplaats die eerst.")
                                      % {"title": outside.title})


class PlanGoal(models.Model):
    """What a plan aims at, in one of the framework's three goal categories."""

    plan = models.ForeignKey(CooperationPlan, verbose_name=_("samenwerkingsplan"), on_delete=models.CASCADE,
                             related_name="goals")
    category = models.CharField(_("doelcategorie"), max_length=30, choices=GoalCategory.choices)
    statement = models.TextField(_("doel"))
    history = History()

    class Meta:
        verbose_name = _("doel van een samenwerkingsplan")
        verbose_name_plural = _("doelen van samenwerkingsplannen")
        constraints = [
            models.CheckConstraint(condition=Q(category__in=GoalCategory.values), name="monitoring_plangoal_category"),
        ]

    def __str__(self) -> str:
        return self.statement


class ProgressNote(Record):
    """A dated note on how a milestone is getting on; it takes the milestone's classification."""

    milestone = models.ForeignKey(Milestone, verbose_name=_("mijlpaal"), on_delete=models.CASCADE,
                                  related_name="progress_notes")
    noted_on = models.DateField(_("datum"))
    text = models.TextField(_("voortgang"))

    class Meta:
        verbose_name = _("voortgangsnotitie")
        verbose_name_plural = _("voortgangsnotities")
        ordering = ["-noted_on", "-pk"]
        constraints = [Record.classification_constraint("monitoring_progressnote_classification")]

    def __str__(self) -> str:
        return f"{date_format(self.noted_on)}: {self.text[:60]}"

    def clean(self) -> None:
        if self.noted_on and self.noted_on > timezone.localdate():
            raise ValidationError({"noted_on": _("Een voortgangsnotitie kan niet gedateerd zijn op een dag die nog "
                                                 "moet komen.")})


class Official(Record):
    """A defence attaché or other international defence official posted to a partner for a period: a user of
    IMS, or just a name. ``clearance`` is what the activities may touch; for a user it is the user's own."""

    kind = models.CharField(_("functie"), max_length=20, choices=OfficialKind.choices, default=OfficialKind.ATTACHE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.PROTECT,
                             null=True, blank=True, related_name="postings")
    name = models.CharField(_("naam"), max_length=200)
    partner = models.ForeignKey(Partner, verbose_name=_("geplaatst bij"), on_delete=models.PROTECT,
                                related_name="officials")
    starts_on = models.DateField(_("vanaf"))
    ends_on = models.DateField(_("tot en met"), null=True, blank=True)
    clearance = models.PositiveSmallIntegerField(_("screeningsniveau"), choices=Classification.choices,
                                                 default=Classification.UNCLASSIFIED)

    class Meta:
        verbose_name = _("defensiefunctionaris")
        verbose_name_plural = _("defensiefunctionarissen")
        ordering = ["name", "starts_on"]
        constraints = [
            Record.classification_constraint("monitoring_official_classification"),
            models.CheckConstraint(condition=Q(kind__in=OfficialKind.values), name="monitoring_official_kind"),
            models.CheckConstraint(condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                                   name="monitoring_official_period", violation_error_message=PERIOD_MESSAGE),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": PERIOD_MESSAGE})
        if self.user_id and int(self.classification or 0) > int(self.user.clearance):
            raise ValidationError({"user": _("%(user)s kan deze functionaris niet zien: de rubricering ligt boven "
                                             "diens screeningsniveau. Kies een andere gebruiker of een lagere "
                                             "rubricering.") % {"user": self.user}})


class Activity(Record):
    """What an official did (a visit, a meeting, an exercise, a report), and what it served: a goal category,
    initiatives, plans. One that serves none of these is what the official's page lists apart."""

    official = models.ForeignKey(Official, verbose_name=_("functionaris"), on_delete=models.CASCADE,
                                 related_name="activities")
    kind = models.CharField(_("soort activiteit"), max_length=20, choices=ActivityKind.choices)
    occurred_on = models.DateField(_("datum"))
    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.PROTECT,
                                related_name="official_activities")
    text = models.TextField(_("omschrijving"))
    goal_category = models.CharField(_("dient doel"), max_length=30, choices=GoalCategory.choices, blank=True)
    initiatives = models.ManyToManyField(Initiative, verbose_name=_("dient initiatieven"), blank=True,
                                         related_name="official_activities")
    plans = models.ManyToManyField(CooperationPlan, verbose_name=_("dient samenwerkingsplannen"), blank=True,
                                   related_name="activities")

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["-occurred_on", "-pk"]
        constraints = [
            Record.classification_constraint("monitoring_activity_classification"),
            models.CheckConstraint(condition=Q(kind__in=ActivityKind.values), name="monitoring_activity_kind"),
            models.CheckConstraint(condition=Q(goal_category__in=[*GoalCategory.values, ""]),
                                   name="monitoring_activity_goal_category"),
        ]

    def __str__(self) -> str:
        return f"{date_format(self.occurred_on)}: {self.text[:60]}"


class CalendarFeed(models.Model):
    """A user's secret address for the iCalendar feed of their milestones. Only a digest of the secret is kept;
    issuing a new one or revoking it makes the old address stop working."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.CASCADE,
                                related_name="calendar_feed")
    secret_sha256 = models.CharField(_("SHA-256 van het geheim"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("agendafeed")
        verbose_name_plural = _("agendafeeds")

    def __str__(self) -> str:
        return str(self.user)
