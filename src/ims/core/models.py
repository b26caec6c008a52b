"""The parts every register record shares: classification, who and when, change history, citations."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import FieldError
from django.db import models, router
from django.db.models.functions import Coalesce
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .audit import AuditEntry  # noqa: F401  (the audit trail's model lives beside its logic)
from .checks import UNDECIDED, check_holds
from .classification import Classification
from .clearance import clearance_of  # noqa: F401  (long imported from here)
from .gate import REACH, GatedManager, gate_open


class ChecksAtOnce(models.Model):
    """Validates all of a model's CHECK constraints in at most one query instead of one each.

    Django asks the database about each CHECK constraint in a query of its own, inside a savepoint of its own,
    which made validation more than half the cost of saving a record. Here the conditions Python answers
    exactly (``ims.core.checks``: a value in a list, a number in a range, an end after a start) are answered
    from the record's values, and the rest are asked together in one query; only when that answer is no are
    they asked one by one (Django's way), to name the constraint that failed. The database keeps enforcing
    every constraint on write either way.
    """

    class Meta:
        abstract = True

    def validate_constraints(self, exclude: set[str] | None = None) -> None:
        self._checks_hold = self._all_checks_hold(exclude)
        try:
            # A unique constraint holds over every row, so Django's check of it reads past the gate (it answers
            # only whether a clashing row exists, and shows none).
            with gate_open("constraint check"):
                super().validate_constraints(exclude)
        finally:
            self._checks_hold = False

    def validate_unique(self, exclude: set[str] | None = None) -> None:
        with gate_open("uniqueness check"):  # as for the constraints above
            super().validate_unique(exclude)

    def get_constraints(self) -> list[tuple[type[models.Model], list]]:
        constraints = super().get_constraints()
        if not getattr(self, "_checks_hold", False):
            return constraints
        return [(model, [c for c in own if not isinstance(c, models.CheckConstraint)]) for model, own in constraints]

    def _all_checks_hold(self, exclude: set[str] | None) -> bool:
        checks = [c for _model, own in super().get_constraints() for c in own if isinstance(c, models.CheckConstraint)]
        if not checks:
            return False  # nothing to check: Django's own way
        against = self._get_field_expression_map(meta=self._meta, exclude=exclude)
        # Most conditions are answered from the values alone; the database is asked the rest, together.
        asked = []
        for check in checks:
            outcome = check_holds(check.condition, against)
            if outcome is False:
                return False  # Django's way names the constraint that fails
            if outcome is UNDECIDED:
                asked.append(check)
        if not asked:
            return True
        # As in Django's CheckConstraint.validate, an unknown (NULL) outcome passes, as it does in the database.
        combined = models.Q(*(Coalesce(c.condition, True, output_field=models.BooleanField()) for c in asked))
        try:
            return combined.check(against, using=router.db_for_write(type(self), instance=self))
        except FieldError:
            return False  # a constraint names an excluded field; Django's way skips just that one


class History(HistoricalRecords):
    """simple-history's versions of a record, every model that keeps a history declares it with this:

    - without its stored reach (``ims.core.gate.REACH``): that is derived, and moves with the records it follows
      without a version of its own. (Left out of the history model rather than named in ``excluded_fields``, which
      makes simple-history read the live row past the gate.)
    - with its history model named in Dutch, "eerdere versie van initiatief", where simple-history writes
      "historical initiatief" (the admin shows the name on an earlier version's pages, and Django in every message
      that names a model).
    """

    def fields_included(self, model):
        return [field for field in super().fields_included(model) if field.name != REACH]

    def get_meta_options(self, model: type[models.Model]) -> dict:
        options = super().get_meta_options(model)
        if not self.user_set_verbose_name:
            options["verbose_name"] = format_lazy(_("eerdere versie van {}"), model._meta.verbose_name)
        if not self.user_set_verbose_name_plural:
            options["verbose_name_plural"] = format_lazy(_("eerdere versies van {}"), model._meta.verbose_name)
        return options


def reach_field() -> models.PositiveSmallIntegerField:
    """The stored level a row reaches (``ims.core.gate.REACH``): the highest of its own classification and those of
    the records named by its ``clearance_through``, kept by the write services so that a reader's clearance is one
    condition on the row itself. Never entered: no form or serializer shows it."""
    return models.PositiveSmallIntegerField(
        _("hoogste rubricering van wat het toont"), choices=Classification.choices,
        default=Classification.UNCLASSIFIED, editable=False)


class Record(ChecksAtOnce):
    """Abstract base of every register record."""

    classification = models.PositiveSmallIntegerField(
        _("rubricering"), choices=Classification.choices, default=Classification.UNCLASSIFIED, db_index=True
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gewijzigd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Optimistic locking: every edit carries the version it started from, and ``record_save`` refuses a
    # save against a newer one, so two people editing at once can never silently overwrite each other.
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    history = History(inherit=True)

    # A record carries its own classification; parts of records name the path to theirs (see ims.core.gate).
    clearance_through: tuple[str, ...] = ()
    objects = GatedManager()

    class Meta:
        abstract = True

    @classmethod
    def classification_constraint(cls, name: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=models.Q(classification__gte=0, classification__lte=max(Classification.values)),
            name=name,
        )
