"""The register: partners and their rings, initiatives, agreements, contributions, spending,
procurement, commitments to Parliament, and the source documents every fact cites.

Rules the database can express are constraints here (and, for overlapping ring periods, a trigger or
exclusion constraint in the migrations); the rest is in ``clean()`` so that ``full_clean()`` in the
services refuses bad input with a Dutch message before the database has to.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from ims.core.gate import GatedManager
from ims.core.models import ChecksAtOnce, History, Record, reach_field
from ims.text.countries import COUNTRY_CODES

from .vocab import (
    AgreementKind,
    CommitmentStatus,
    DatePrecision,
    Form,
    GoalCategory,
    Kind,
    MilestoneStatus,
    Origin,
    ParticipantRole,
    PartnerKind,
    Ring,
    SpendingStatus,
    Status,
)

YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]


def _period_check(start: str, end: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{start}__isnull": True}) | Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": F(start)}),
        name=name,
        violation_error_message=_("Het einde ligt vóór het begin."),
    )


class SourceDocument(Record):
    title = models.CharField(_("titel"), max_length=300)
    date = models.DateField(_("datum"), null=True, blank=True)
    date_precision = models.CharField(
        _("precisie datum"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    reference = models.CharField(_("kenmerk"), max_length=100, blank=True)
    kamerstuk = models.CharField(_("Kamerstuknummer"), max_length=50, blank=True)
    filename = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    # One document per content and classification: the same file uploaded by someone who may not see the
    # existing (more classified) document is stored anew, at their own level, revealing nothing.
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    text = models.TextField(_("volledige tekst"), blank=True)
    extracted_at = models.DateTimeField(_("ingelezen op"), null=True, blank=True,
                                        help_text=_("Wanneer de feiten uit dit document zijn gelezen."))

    class Meta:
        verbose_name = _("brondocument")
        verbose_name_plural = _("brondocumenten")
        ordering = ["-date", "title"]
        constraints = [
            Record.classification_constraint("register_sourcedocument_classification"),
            models.CheckConstraint(condition=Exact(Length("sha256"), 64), name="register_sourcedocument_sha256"),
            models.UniqueConstraint(fields=["sha256", "classification"], name="register_sourcedocument_once"),
        ]

    def __str__(self) -> str:
        return self.title

    def cite_label(self) -> str:
        """How the report and the pages cite the document: Kamerstuk first, then the reference."""
        if self.kamerstuk:
            return f"Kamerstuk {self.kamerstuk}"
        return self.reference or self.title


class Citation(ChecksAtOnce):
    """A place in a source document: character offsets into its full text, and the page."""

    document = models.ForeignKey(
        SourceDocument, verbose_name=_("document"), on_delete=models.PROTECT, related_name="citations"
    )
    start = models.PositiveIntegerField(_("begin"))
    end = models.PositiveIntegerField(_("einde"))
    page = models.PositiveIntegerField(_("pagina"), null=True, blank=True)

    clearance_through = ("document",)
    objects = GatedManager()

    class Meta:
        verbose_name = _("bronvermelding")
        verbose_name_plural = _("bronvermeldingen")
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="register_citation_span"),
            models.CheckConstraint(condition=Q(page__isnull=True) | Q(page__gte=1), name="register_citation_page"),
            models.UniqueConstraint(fields=["document", "start", "end"], name="register_citation_unique"),
        ]

    def __str__(self) -> str:
        page = f", p. {self.page}" if self.page else ""
        return f"{self.document.cite_label()}{page}"

    def clean(self) -> None:
        if self.end is not None and self.start is not None and self.end <= self.start:
            raise ValidationError({"end": _("Het einde van de bronvermelding ligt niet na het begin.")})
        text = self.document.text if self.document_id else ""
        if text and self.end is not None and self.end > len(text):
            raise ValidationError({"end": _("De bronvermelding valt buiten de tekst van het document.")})


class CitedRecord(Record):
    citations = models.ManyToManyField(
        Citation, verbose_name=_("bronvermeldingen"), blank=True, related_name="%(class)s_set"
    )

    class Meta:
        abstract = True


class Partner(CitedRecord):
    code = models.CharField(_("code"), max_length=20, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=PartnerKind.choices)
    name_nl = models.CharField(_("naam (Nederlands)"), max_length=200)
    name_en = models.CharField(_("naam (Engels)"), max_length=200)
    members = models.ManyToManyField(
        "self", verbose_name=_("leden"), symmetrical=False, blank=True, related_name="memberships"
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name_nl"]
        constraints = [
            Record.classification_constraint("register_partner_classification"),
            models.CheckConstraint(condition=Q(kind__in=PartnerKind.values), name="register_partner_kind"),
            models.CheckConstraint(
                condition=~Q(kind=PartnerKind.COUNTRY) | Q(code__in=COUNTRY_CODES),
                name="register_partner_country_code",
                violation_error_message=_("Onbekende landcode."),
            ),
            models.CheckConstraint(
                condition=Q(kind=PartnerKind.COUNTRY) | Q(code__regex=r"^[A-Z][A-Z0-9_]*$"),
                name="register_partner_org_code",
            ),
        ]

    def __str__(self) -> str:
        return self.name_nl

    def clean(self) -> None:
        if self.kind == PartnerKind.COUNTRY and self.code not in COUNTRY_CODES:
            raise ValidationError({"code": _("Onbekende landcode '%(code)s' (verwacht ISO 3166-1 alpha-2).")
                                   % {"code": self.code}})


class RingAssignment(CitedRecord):
    """One period of a partner in a ring. A new ring closes the old period; nothing is overwritten."""

    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.PROTECT,
                                related_name="ring_assignments")
    ring = models.CharField(_("schil"), max_length=20, choices=Ring.choices)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_to = models.DateField(_("geldig tot"), null=True, blank=True,
                                help_text=_("Exclusief; leeg betekent: nog van kracht."))
    reason = models.TextField(_("reden"), blank=True)

    clearance_through = ("partner",)  # a period names its partner

    class Meta:
        verbose_name = _("schilindeling")
        verbose_name_plural = _("schilindelingen")
        ordering = ["partner", "valid_from"]
        constraints = [
            Record.classification_constraint("register_ringassignment_classification"),
            models.CheckConstraint(condition=Q(ring__in=Ring.values), name="register_ringassignment_ring"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=F("valid_from")),
                name="register_ringassignment_period",
                violation_error_message=_("Het einde ligt vóór het begin."),
            ),
            # Per classification: the layers of a partner's history (see ring_layers) may each start a period
            # on the same day.
            models.UniqueConstraint(fields=["partner", "classification", "valid_from"],
                                    name="register_ringassignment_unique_start"),
        ]

    def __str__(self) -> str:
        until = date_format(self.valid_to) if self.valid_to else ""
        return f"{self.partner}: {self.get_ring_display()} ({date_format(self.valid_from)}–{until})"

    def clean(self) -> None:
        if self.valid_to and self.valid_from and self.valid_to <= self.valid_from:
            raise ValidationError({"valid_to": _("Het einde ligt vóór het begin.")})
        if not self.partner_id or not self.valid_from:
            return
        # Half-open periods [from, to) overlap when each starts before the other ends; only periods of the same
        # classification can clash (ims.register.ring_layers), so this names nothing the writer cannot see.
        overlapping = (RingAssignment.objects.for_level(self.classification)
                       .filter(partner_id=self.partner_id, classification=self.classification).exclude(pk=self.pk))
        overlapping = overlapping.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=self.valid_from))
        if self.valid_to:
            overlapping = overlapping.filter(valid_from__lt=self.valid_to)
        clash = overlapping.first()
        if clash:
            raise ValidationError(
                _("Deze periode overlapt met de schilindeling vanaf %(start)s van dezelfde partner.")
                % {"start": date_format(clash.valid_from)}
            )


class Initiative(CitedRecord):
    title = models.CharField(_("titel"), max_length=300)
    summary = models.TextField(_("samenvatting"), blank=True)
    kind = models.CharField(_("soort samenwerking"), max_length=20, choices=Kind.choices, default=Kind.GENERAL)
    form = models.CharField(_("samenwerkingsvorm"), max_length=30, choices=Form.choices, blank=True)
    origin = models.CharField(_("totstandkoming"), max_length=20, choices=Origin.choices, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IDEA)
    participants = models.ManyToManyField(
        Partner, through="Participation", verbose_name=_("deelnemers"), related_name="initiatives"
    )
    frameworks = models.ManyToManyField(
        Partner, verbose_name=_("kaders"), blank=True, related_name="framework_initiatives",
        limit_choices_to={"kind__in": [PartnerKind.ORGANISATION, PartnerKind.FRAMEWORK]},
    )
    related = models.ManyToManyField("self", verbose_name=_("verwante initiatieven"), blank=True)
    planned_start = models.DateField(_("geplande start"), null=True, blank=True)
    planned_end = models.DateField(_("gepland einde"), null=True, blank=True)
    actual_start = models.DateField(_("werkelijke start"), null=True, blank=True)
    actual_end = models.DateField(_("werkelijk einde"), null=True, blank=True)
    staff_fte = models.DecimalField(_("stafcapaciteit (fte)"), max_digits=8, decimal_places=2, null=True, blank=True,
                                    validators=[MinValueValidator(0)])
    units_committed = models.PositiveIntegerField(_("gecommitteerde eenheden"), null=True, blank=True)
    sovereign_capability = models.BooleanField(
        _("raakt een capaciteit die Nederland zelfstandig wil behouden"), default=False
    )
    shortfall = models.CharField(_("NAVO/EU-tekortkoming"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")
        ordering = ["title"]
        constraints = [
            Record.classification_constraint("register_initiative_classification"),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="register_initiative_kind"),
            models.CheckConstraint(condition=Q(form__in=[*Form.values, ""]), name="register_initiative_form"),
            models.CheckConstraint(condition=Q(origin__in=[*Origin.values, ""]), name="register_initiative_origin"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="register_initiative_status"),
            models.CheckConstraint(condition=Q(staff_fte__isnull=True) | Q(staff_fte__gte=0),
                                   name="register_initiative_staff_fte"),
            _period_check("planned_start", "planned_end", "register_initiative_planned_period"),
            _period_check("actual_start", "actual_end", "register_initiative_actual_period"),
        ]
        indexes = [
            models.Index(fields=["status", "form"]),
            # The monitoring dashboard's counts read an initiative's level and status for every participation and
            # milestone they count: from this index alone, not from the wide rows (no table read per row).
            models.Index(fields=["id", "classification", "status"], name="register_initiative_level"),
            # Its gap counts: the initiatives in progress at a level, and which were not updated since a day.
            models.Index(fields=["status", "classification", "updated_at"], name="register_initiative_gaps"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            errors["planned_end"] = _("Het geplande einde ligt vóór de geplande start.")
        if self.actual_start and self.actual_end and self.actual_end < self.actual_start:
            errors["actual_end"] = _("Het werkelijke einde ligt vóór de werkelijke start.")
        if errors:
            raise ValidationError(errors)


class Participation(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="participations")
    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.PROTECT,
                                related_name="participations")
    role = models.CharField(_("rol"), max_length=20, choices=ParticipantRole.choices,
                            default=ParticipantRole.PARTICIPANT)
    reach = reach_field()
    history = History()

    # A participation shows its initiative and its partner; a change to it is a change to the initiative. The
    # dashboard counts participations by the thousand, so the level of the two is stored on the row (``reach``).
    clearance_through = ("initiative", "partner")
    version_owner = "initiative"
    objects = GatedManager()

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "partner"], name="register_participation_unique"),
            models.UniqueConstraint(fields=["initiative"], condition=Q(role=ParticipantRole.LEAD),
                                    name="register_participation_one_lead",
                                    violation_error_message=_("Een initiatief heeft ten hoogste één lead nation.")),
            models.CheckConstraint(condition=Q(role__in=ParticipantRole.values), name="register_participation_role"),
        ]
        # Counting the visible initiatives from the index alone: per partner (the dashboard's rows per partner),
        # and per initiative (its rows per ring, which look up each visible initiative's partners).
        indexes = [models.Index(fields=["partner", "initiative", "reach"], name="register_participation_partner"),
                   models.Index(fields=["initiative", "partner", "reach"], name="register_participation_reach")]

    def __str__(self) -> str:
        return f"{self.partner} ({self.get_role_display()})"


class InitiativeBudget(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField(_("jaar"), validators=YEAR_VALIDATORS)
    amount_eur = models.DecimalField(_("budget (€)"), max_digits=16, decimal_places=2,
                                     validators=[MinValueValidator(0)])
    history = History()

    clearance_through = ("initiative",)
    version_owner = "initiative"
    objects = GatedManager()

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgetten")
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "year"], name="register_budget_unique_year"),
            models.CheckConstraint(condition=Q(amount_eur__gte=0), name="register_budget_non_negative",
                                   violation_error_message=_("Een budget kan niet negatief zijn.")),
        ]

    def __str__(self) -> str:
        return f"{self.year}: € {number_format(self.amount_eur, 2, force_grouping=True)}"


class Goal(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="goals")
    category = models.CharField(_("doelcategorie"), max_length=30, choices=GoalCategory.choices)
    statement = models.TextField(_("doel"))
    expected_result = models.TextField(_("beoogd concreet resultaat"), blank=True)
    indicator = models.CharField(_("indicator"), max_length=200, blank=True)
    unit = models.CharField(_("eenheid"), max_length=50, blank=True)
    baseline = models.DecimalField(_("nulmeting"), max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("streefwaarde"), max_digits=14, decimal_places=2, null=True, blank=True)
    history = History()

    clearance_through = ("initiative",)
    version_owner = "initiative"
    objects = GatedManager()

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        constraints = [
            models.CheckConstraint(condition=Q(category__in=GoalCategory.values), name="register_goal_category"),
        ]
        # The goals with a concrete result or indicator, per initiative (the dashboard's "without a concrete result"
        # looks for one per initiative in progress): found in the index, without reading the goals' texts.
        indexes = [models.Index(fields=["initiative"], condition=~Q(expected_result="", indicator=""),
                                name="register_goal_concrete")]

    def __str__(self) -> str:
        return self.statement


class GoalMeasurement(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="measurements")
    period = models.CharField(_("periode"), max_length=10, help_text=_("Bijvoorbeeld 2019 of 2019-Q3."))
    value = models.DecimalField(_("werkelijke waarde"), max_digits=14, decimal_places=2)
    history = History()

    clearance_through = ("goal__initiative",)
    version_owner = "goal__initiative"
    objects = GatedManager()

    class Meta:
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        ordering = ["period"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "period"], name="register_measurement_unique_period"),
        ]

    def __str__(self) -> str:
        return f"{self.period}: {number_format(self.value, force_grouping=True)}"


class Milestone(Record):
    """A milestone of an initiative, of a cooperation plan (``ims.monitoring``), or of both: the register's one
    milestone concept. The BIA's monitoring adds who answers for it (``owner``) and dated progress notes
    (``ims.monitoring.models.ProgressNote``); whether it is late or due soon is derived, never stored."""

    initiative = models.ForeignKey(Initiative, verbose_name=_("initiatief"), on_delete=models.CASCADE,
                                   null=True, blank=True, related_name="milestones")
    plan = models.ForeignKey("monitoring.CooperationPlan", verbose_name=_("samenwerkingsplan"),
                             on_delete=models.CASCADE, null=True, blank=True, related_name="milestones")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("eigenaar"), on_delete=models.PROTECT,
                              null=True, blank=True, related_name="owned_milestones")
    title = models.CharField(_("titel"), max_length=300)
    due_on = models.DateField(_("gepland gereed"))
    done_on = models.DateField(_("gereed op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MilestoneStatus.choices,
                              default=MilestoneStatus.PLANNED)

    # Its list and page name the initiative and the plan; the dashboard counts milestones by the thousand, so the
    # level of the three is stored on the row (``reach``).
    clearance_through = ("initiative", "plan")
    reach = reach_field()

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        ordering = ["due_on"]
        constraints = [
            Record.classification_constraint("register_milestone_classification"),
            models.CheckConstraint(condition=Q(status__in=MilestoneStatus.values), name="register_milestone_status"),
            models.CheckConstraint(
                condition=(Q(status=MilestoneStatus.DONE) & Q(done_on__isnull=False))
                | (~Q(status=MilestoneStatus.DONE) & Q(done_on__isnull=True)),
                name="register_milestone_done_date",
                violation_error_message=_("Een gereed gemelde mijlpaal heeft een gereeddatum, en alleen die."),
            ),
            models.CheckConstraint(
                condition=Q(initiative__isnull=False) | Q(plan__isnull=False),
                name="register_milestone_belongs",
                violation_error_message=_("Een mijlpaal hoort bij een initiatief of een samenwerkingsplan."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["owner", "due_on"]),
            # The monitoring's late and due-soon milestones: walked in due-date order for the oldest first, and
            # counted from the index alone (status, and the level of the milestone and of its parents).
            models.Index(fields=["due_on", "status", "reach"], name="register_milestone_due_reach"),
            # Whether an initiative has a milestone a reader may see (the dashboard's initiatives without one).
            models.Index(fields=["initiative", "reach"], name="register_milestone_initiative"),
            # A plan's milestones in date order (its page and timeline): without it SQLite walks the due-date index
            # over every milestone to avoid sorting one plan's few.
            models.Index(fields=["plan", "due_on"], name="register_milestone_plan"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, object] = {}
        # Done ahead of schedule is normal (done_on before due_on); done on a day still to come is a typo.
        if self.done_on and self.done_on > timezone.localdate():
            errors["done_on"] = _("Een mijlpaal kan niet gereed zijn op een dag die nog moet komen.")
        plan = self.plan if self.plan_id else None
        if plan is not None and self.due_on:
            if self.due_on < plan.starts_on:
                errors["due_on"] = _("De mijlpaal valt vóór het begin van het samenwerkingsplan (%(date)s).") % {
                    "date": date_format(plan.starts_on)}
            elif self.due_on > plan.ends_on:
                errors["due_on"] = _("De mijlpaal valt na het einde van het samenwerkingsplan (%(date)s).") % {
                    "date": date_format(plan.ends_on)}
        if self.owner_id:
            errors.update(self._owner_errors())
        if errors:
            raise ValidationError(errors)

    def owner_clearance_needed(self) -> int:
        """The clearance an owner needs to see what they answer for: the milestone, its initiative and its plan
        (the edit form offers only users who have it)."""
        levels = [int(self.classification or 0)]
        if self.initiative_id:
            levels.append(int(self.initiative.classification))
        if self.plan_id:
            levels.append(int(self.plan.classification))
        return max(levels)

    def _owner_errors(self) -> dict[str, object]:
        if self.owner_clearance_needed() > int(self.owner.clearance):
            return {"owner": _("%(owner)s kan dit initiatief of plan niet zien: de rubricering ligt boven diens "
                               "screeningsniveau. Kies een eigenaar met een hoger screeningsniveau.")
                    % {"owner": self.owner}}
        return {}


class Agreement(CitedRecord):
    kind = models.CharField(_("instrument"), max_length=20, choices=AgreementKind.choices)
    title = models.CharField(_("titel"), max_length=300)
    subject = models.TextField(_("onderwerp"), blank=True)
    legally_binding = models.BooleanField(_("juridisch bindend"), default=False)
    parties = models.ManyToManyField(Partner, verbose_name=_("partijen"), related_name="agreements")
    signed = models.BooleanField(_("ondertekend"), default=True,
                                 help_text=_("Niet aangevinkt: alleen aangekondigd."))
    signed_on = models.DateField(_("datum ondertekening of aankondiging"), null=True, blank=True)
    signed_precision = models.CharField(_("precisie datum"), max_length=5, choices=DatePrecision.choices,
                                        default=DatePrecision.DAY)
    entry_into_force = models.DateField(_("inwerkingtreding"), null=True, blank=True)
    ends_on = models.DateField(_("einde of verlenging"), null=True, blank=True)
    initiative = models.ForeignKey(Initiative, verbose_name=_("initiatief"), on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="agreements")

    class Meta:
        verbose_name = _("overeenkomst")
        verbose_name_plural = _("overeenkomsten")
        ordering = ["-signed_on", "title"]
        constraints = [
            Record.classification_constraint("register_agreement_classification"),
            models.CheckConstraint(condition=Q(kind__in=AgreementKind.values), name="register_agreement_kind"),
            _period_check("signed_on", "entry_into_force", "register_agreement_force_after_signing"),
            _period_check("signed_on", "ends_on", "register_agreement_ends_after_signing"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.signed_on and self.entry_into_force and self.entry_into_force < self.signed_on:
            raise ValidationError({"entry_into_force": _("De inwerkingtreding ligt vóór de ondertekening.")})
        if self.signed_on and self.ends_on and self.ends_on < self.signed_on:
            raise ValidationError({"ends_on": _("Het einde ligt vóór de ondertekening.")})


class Contribution(CitedRecord):
    operation = models.CharField(_("operatie of missie"), max_length=300)
    location = models.ForeignKey(Partner, verbose_name=_("locatie"), on_delete=models.PROTECT, null=True,
                                 blank=True, related_name="hosted_contributions",
                                 limit_choices_to={"kind": PartnerKind.COUNTRY})
    year = models.PositiveSmallIntegerField(_("jaar"), validators=YEAR_VALIDATORS)
    personnel = models.IntegerField(_("aantal militairen"), null=True, blank=True, validators=[MinValueValidator(0)])
    partners = models.ManyToManyField(Partner, verbose_name=_("partners"), blank=True, related_name="contributions")
    role = models.TextField(_("rol"), blank=True)

    class Meta:
        verbose_name = _("bijdrage aan een operatie of missie")
        verbose_name_plural = _("bijdragen aan operaties en missies")
        ordering = ["-year", "operation"]
        constraints = [
            Record.classification_constraint("register_contribution_classification"),
            models.CheckConstraint(condition=Q(personnel__isnull=True) | Q(personnel__gte=0),
                                   name="register_contribution_personnel",
                                   violation_error_message=_("Het aantal militairen kan niet negatief zijn.")),
            models.CheckConstraint(condition=Q(year__gte=1945, year__lte=2100), name="register_contribution_year"),
        ]

    def __str__(self) -> str:
        return f"{self.operation} ({self.year})"


class DefenceSpending(CitedRecord):
    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.PROTECT,
                                related_name="spending")
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True, validators=YEAR_VALIDATORS,
                                            help_text=_("Alleen bij een doel mag het jaar ontbreken."))
    amount = models.DecimalField(_("bedrag"), max_digits=18, decimal_places=2, null=True, blank=True,
                                 validators=[MinValueValidator(0)])
    currency = models.CharField(_("valuta"), max_length=3, blank=True)
    pct_gdp = models.DecimalField(_("% van het bbp"), max_digits=6, decimal_places=3, null=True, blank=True,
                                  validators=[MinValueValidator(0), MaxValueValidator(100)])
    status = models.CharField(_("soort cijfer"), max_length=10, choices=SpendingStatus.choices)

    clearance_through = ("partner",)

    class Meta:
        verbose_name = _("defensie-uitgaven")
        verbose_name_plural = _("defensie-uitgaven")
        ordering = ["partner", "year", "classification"]
        constraints = [
            Record.classification_constraint("register_defencespending_classification"),
            models.CheckConstraint(condition=Q(status__in=SpendingStatus.values), name="register_spending_status"),
            models.CheckConstraint(condition=Q(amount__isnull=True) | Q(amount__gte=0),
                                   name="register_spending_amount",
                                   violation_error_message=_("Een bedrag kan niet negatief zijn.")),
            models.CheckConstraint(condition=Q(pct_gdp__isnull=True) | Q(pct_gdp__gte=0, pct_gdp__lte=100),
                                   name="register_spending_pct_gdp",
                                   violation_error_message=_("Een percentage van het bbp ligt tussen 0 en 100.")),
            models.CheckConstraint(condition=Q(amount__isnull=False) | Q(pct_gdp__isnull=False),
                                   name="register_spending_has_figure"),
            models.CheckConstraint(condition=Q(amount__isnull=True) | Exact(Length("currency"), 3),
                                   name="register_spending_currency"),
            models.CheckConstraint(condition=Q(year__isnull=False) | Q(status=SpendingStatus.TARGET),
                                   name="register_spending_year_required"),
            # One figure per classification: a figure from a classified letter stands beside the one readers of
            # lower clearance see instead of changing it, and a hidden figure never blocks a visible one.
            models.UniqueConstraint(fields=["partner", "year", "status", "classification"],
                                    condition=Q(year__isnull=False), name="register_spending_unique_year"),
            models.UniqueConstraint(fields=["partner", "status", "classification"], condition=Q(year__isnull=True),
                                    name="register_spending_unique_open_target"),
        ]

    def __str__(self) -> str:
        return f"{self.partner} {self.year or ''} {self.get_status_display()}"

    def clean(self) -> None:
        if self.amount is None and self.pct_gdp is None:
            raise ValidationError(_("Geef een bedrag of een percentage van het bbp."))
        if self.amount is not None and len(self.currency or "") != 3:
            raise ValidationError({"currency": _("Geef de valuta als ISO 4217-code, bijvoorbeeld EUR.")})
        if self.year is None and self.status != SpendingStatus.TARGET:
            raise ValidationError({"year": _("Alleen bij een doel mag het jaar ontbreken.")})


class Procurement(CitedRecord):
    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.PROTECT,
                                related_name="procurements")
    system = models.CharField(_("systeem"), max_length=200)
    quantity = models.PositiveIntegerField(_("aantal"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True, validators=YEAR_VALIDATORS)

    clearance_through = ("partner",)

    class Meta:
        verbose_name = _("verwerving")
        verbose_name_plural = _("verwervingen")
        ordering = ["-year", "system"]
        constraints = [Record.classification_constraint("register_procurement_classification")]

    def __str__(self) -> str:
        return self.system


class Commitment(CitedRecord):
    """A commitment (toezegging) to Parliament: open until a document answers it."""

    member = models.CharField(_("Kamerlid"), max_length=100, blank=True)
    subject = models.TextField(_("onderwerp"))
    made_on = models.DateField(_("gedaan op"))
    made_on_precision = models.CharField(_("precisie datum"), max_length=5, choices=DatePrecision.choices,
                                         default=DatePrecision.DAY)
    where_promised = models.CharField(_("waar toegezegd"), max_length=300, blank=True)
    due_on = models.DateField(_("uiterlijk"), null=True, blank=True)
    answered_in = models.ForeignKey(SourceDocument, verbose_name=_("beantwoord in"), on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="answered_commitments")
    status = models.CharField(_("status"), max_length=10, choices=CommitmentStatus.choices,
                              default=CommitmentStatus.OPEN)

    class Meta:
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")
        ordering = ["-made_on"]
        constraints = [
            Record.classification_constraint("register_commitment_classification"),
            models.CheckConstraint(
                condition=(Q(status=CommitmentStatus.ANSWERED) & Q(answered_in__isnull=False))
                | (Q(status=CommitmentStatus.OPEN) & Q(answered_in__isnull=True)),
                name="register_commitment_answered",
                violation_error_message=_("Een beantwoorde toezegging noemt het document dat haar beantwoordt."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member or _('kabinet')}: {self.subject[:60]}"
