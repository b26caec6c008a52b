"""The parts every register record shares: classification, who and when, change history, citations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .audit import AuditEntry  # noqa: F401  (the audit trail's model lives beside its logic)
from .classification import Classification

if TYPE_CHECKING:
    from ims.accounts.models import User


class VisibleQuerySet(models.QuerySet):
    """The one place where clearance filters records: selectors call ``visible_to`` first."""

    def visible_to(self, user: User | None) -> VisibleQuerySet:
        level = clearance_of(user)
        if level is None:
            return self.none()
        return self.filter(classification__lte=level)


def clearance_of(user: User | None) -> int | None:
    """A user's clearance as an integer, or None for anonymous or inactive users (they see nothing)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return int(user.clearance)


class Record(models.Model):
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
    history = HistoricalRecords(inherit=True)

    objects = VisibleQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def classification_constraint(cls, name: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=models.Q(classification__gte=0, classification__lte=max(Classification.values)),
            name=name,
        )
