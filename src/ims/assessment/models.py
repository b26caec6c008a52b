"""What the assessment keeps: weighting scenarios, partner criteria and ring suggestions, each as history.

Every model is a :class:`~ims.core.models.Record`, so it carries a classification, who and when, and a
simple-history trail. A change of criteria is a new row, never an update, so that the criteria a past
suggestion was based on stay readable. Rules the database can express are check constraints; the same
rules are in ``clean()`` so that ``full_clean()`` refuses bad input with a Dutch message first.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ims import framework as fw
from ims.core.models import Record
from ims.register.models import Partner
from ims.register.vocab import Ring, vocab_label

UNIT_INTERVAL = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))]
# The weight fields in the order of the framework's goal categories.
WEIGHT_FIELDS: dict[fw.GoalCategory, str] = {
    category: f"weight_{category.value}" for category in fw.GoalCategory
}
CRITERIA_FIELDS = ("political_distance", "culture_similarity", "operational_synergy")


def _weight_label(category: fw.GoalCategory) -> str:
    return gettext("gewicht %(category)s") % {"category": vocab_label(category)}


# A field's label is fixed when the model class is built; the lazy one follows the language of each request.
_weight_label_lazy = lazy(_weight_label, str)


def _weight_field(category: fw.GoalCategory) -> models.DecimalField:
    return models.DecimalField(
        _weight_label_lazy(category),
        max_digits=7,
        decimal_places=3,
        validators=[MinValueValidator(Decimal("0"))],
    )


def _score_field(label: str, help_text: str) -> models.DecimalField:
    return models.DecimalField(label, max_digits=4, decimal_places=3, validators=UNIT_INTERVAL, help_text=help_text)


def _unit_interval_check(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gte": 0, f"{field}__lte": 1}),
        name=name,
        violation_error_message=_("Een criterium ligt tussen 0 en 1."),
    )


class WeightingScenario(Record):
    """A named weighting of the three goal categories, valid from a date; only the proportions count."""

    # Unique per classification, not over all of them: a check against every level would tell a less cleared
    # user that a scenario of that name exists above their clearance (see ``scenario_create``).
    name = models.SlugField(_("naam"), max_length=60,
                            help_text=_("Kort en zonder spaties, bijvoorbeeld ‘crisis-2024’."))
    label_nl = models.CharField(_("omschrijving"), max_length=200)
    date = models.DateField(_("datum"))
    weight_political_strategic = _weight_field(fw.GoalCategory.political_strategic)
    weight_military = _weight_field(fw.GoalCategory.military)
    weight_financial_economic = _weight_field(fw.GoalCategory.financial_economic)

    class Meta:
        verbose_name = _("wegingsscenario")
        verbose_name_plural = _("wegingsscenario's")
        ordering = ["name"]
        constraints = [
            Record.classification_constraint("assessment_scenario_classification"),
            models.UniqueConstraint(fields=["name", "classification"], name="assessment_scenario_name_per_level",
                                    violation_error_message=_("Er is al een scenario met deze naam.")),
            models.CheckConstraint(
                condition=Q(weight_political_strategic__gte=0, weight_military__gte=0,
                            weight_financial_economic__gte=0),
                name="assessment_scenario_weights_non_negative",
                violation_error_message=_("Gewichten kunnen niet negatief zijn."),
            ),
            models.CheckConstraint(
                condition=Q(weight_political_strategic__gt=0) | Q(weight_military__gt=0)
                | Q(weight_financial_economic__gt=0),
                name="assessment_scenario_weights_not_all_zero",
                violation_error_message=_("De gewichten mogen niet allemaal nul zijn."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label_nl} ({self.name})"

    def weights(self) -> dict[fw.GoalCategory, float]:
        return {category: float(getattr(self, field) or 0) for category, field in WEIGHT_FIELDS.items()}

    def clean(self) -> None:
        values = [getattr(self, field) for field in WEIGHT_FIELDS.values()]
        if all(value is not None for value in values) and not any(value > 0 for value in values):
            raise ValidationError(_("De gewichten mogen niet allemaal nul zijn."))

    def to_framework(self) -> fw.Scenario:
        return fw.Scenario(self.name, self.date, self.weights(), self.label_nl)


class PartnerCriteria(Record):
    """The framework's criteria for one partner as judged from a date; a new judgement is a new row."""

    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.PROTECT,
                                related_name="assessment_criteria")
    valid_from = models.DateField(_("geldig vanaf"))
    political_distance = _score_field(_("politiek-strategische afstand"), _("0 = geen afstand, 1 = zeer groot."))
    culture_similarity = _score_field(_("vergelijkbaarheid politieke cultuur"),
                                      _("0 = geheel anders, 1 = gelijk."))
    operational_synergy = _score_field(_("operationele synergie"),
                                       _("0 = niets samen, 1 = al zeer veel samen; verwante capaciteiten."))
    reason = models.TextField(_("toelichting"))

    clearance_through = ("partner",)

    class Meta:
        verbose_name = _("partnercriteria")
        verbose_name_plural = _("partnercriteria")
        ordering = ["partner", "-valid_from", "-id"]
        constraints = [
            Record.classification_constraint("assessment_criteria_classification"),
            _unit_interval_check("political_distance", "assessment_criteria_distance_range"),
            _unit_interval_check("culture_similarity", "assessment_criteria_culture_range"),
            _unit_interval_check("operational_synergy", "assessment_criteria_synergy_range"),
            models.CheckConstraint(condition=~Q(reason=""), name="assessment_criteria_reason",
                                   violation_error_message=_("Geef een toelichting bij de criteria.")),
        ]
        indexes = [models.Index(fields=["partner", "valid_from"])]

    def __str__(self) -> str:
        return f"{self.partner}: {_('criteria vanaf')} {date_format(self.valid_from)}"

    def clean(self) -> None:
        if not (self.reason or "").strip():
            raise ValidationError({"reason": _("Geef een toelichting bij de criteria.")})


class RingSuggestion(Record):
    """The ring the framework suggests for a partner on a date, with its explanation and what it used."""

    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.PROTECT,
                                related_name="ring_suggestions")
    date = models.DateField(_("datum"))
    ring = models.CharField(_("voorgestelde schil"), max_length=20, choices=Ring.choices)
    explanation = models.TextField(_("toelichting"))
    criteria = models.ForeignKey(PartnerCriteria, verbose_name=_("gebruikte criteria"), on_delete=models.PROTECT,
                                 related_name="suggestions")
    bottom_up_goals = models.PositiveIntegerField(_("concrete bottom-up doelen"))
    shared_framework = models.BooleanField(_("treffen elkaar in een groter verband"))

    clearance_through = ("partner", "criteria")

    class Meta:
        verbose_name = _("schilvoorstel")
        verbose_name_plural = _("schilvoorstellen")
        ordering = ["partner", "-date", "-id"]
        constraints = [
            Record.classification_constraint("assessment_suggestion_classification"),
            models.CheckConstraint(condition=Q(ring__in=Ring.values), name="assessment_suggestion_ring"),
            models.CheckConstraint(condition=Q(bottom_up_goals__gte=0), name="assessment_suggestion_goals"),
            models.CheckConstraint(condition=~Q(explanation=""), name="assessment_suggestion_explained"),
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.get_ring_display()} ({date_format(self.date)})"
