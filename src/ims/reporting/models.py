"""Finalised report versions, their rendered files, and the developments at partners the report describes.

A finalised version is frozen: the data it was built from, the four rendered files and who finalised it
when, with which application version. The model, the queryset and the database (an UPDATE trigger on
SQLite and PostgreSQL, a DELETE trigger on PostgreSQL) all refuse to change it afterwards.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ims.core.classification import Classification
from ims.core.gate import GatedManager, GatedQuerySet
from ims.core.models import ChecksAtOnce
from ims.register.models import YEAR_VALIDATORS, CitedRecord, Partner
from ims.register.vocab import DatePrecision

REPORT_FORMATS = ("docx", "pdf", "html", "md")


class FrozenReportError(Exception):
    """A finalised report version (or one of its files) cannot be changed or removed."""


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    FINAL = "final", _("definitief")


class ReportVersionQuerySet(GatedQuerySet):
    # Bulk paths would bypass save() and delete(); a frozen version must not be reachable that way.
    def update(self, **kwargs):
        if self.filter(status=VersionStatus.FINAL).exists():
            raise FrozenReportError("Een definitieve rapportage kan niet worden gewijzigd.")
        return super().update(**kwargs)

    def delete(self):
        if self.filter(status=VersionStatus.FINAL).exists():
            raise FrozenReportError("Een definitieve rapportage kan niet worden verwijderd.")
        return super().delete()


class ReportVersion(ChecksAtOnce):
    year = models.PositiveSmallIntegerField(_("jaar"), validators=YEAR_VALIDATORS)
    classification = models.PositiveSmallIntegerField(_("rubricering"), choices=Classification.choices)
    number = models.PositiveIntegerField(_("versie"))
    status = models.CharField(_("status"), max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    reference = models.CharField(_("onze referentie"), max_length=100, blank=True)
    finalised_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("definitief gemaakt door"),
                                     on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    finalised_at = models.DateTimeField(_("definitief gemaakt op"), null=True, blank=True)
    app_version = models.CharField(_("versie van IMS"), max_length=30)
    data = models.JSONField(_("gegevens"))
    data_sha256 = models.CharField(_("SHA-256 van de gegevens"), max_length=64)

    # A frozen version is read through the gate like a record; its writes are the reporting services' own.
    clearance_through: tuple[str, ...] = ()
    objects = GatedManager.from_queryset(ReportVersionQuerySet)()

    class Meta:
        verbose_name = _("rapportageversie")
        verbose_name_plural = _("rapportageversies")
        ordering = ["-year", "classification", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "classification", "number"], name="reporting_version_unique"),
            models.CheckConstraint(condition=Q(classification__gte=0, classification__lte=max(Classification.values)),
                                   name="reporting_version_classification"),
            models.CheckConstraint(condition=Q(status__in=VersionStatus.values), name="reporting_version_status"),
            models.CheckConstraint(
                condition=Q(status=VersionStatus.DRAFT)
                | Q(finalised_by__isnull=False, finalised_at__isnull=False),
                name="reporting_version_final_is_signed",
                violation_error_message=_("Een definitieve versie noemt wie haar wanneer definitief maakte."),
            ),
            models.CheckConstraint(condition=Exact(Length("data_sha256"), 64), name="reporting_version_sha256"),
        ]

    def __str__(self) -> str:
        return f"Rapportage {self.year} ({self.get_classification_display()}), versie {self.number}"

    def save(self, *args, **kwargs):
        # Frozen for every writer, whatever they may read: the check returns nothing but a refusal.
        if self.pk is not None and ReportVersion.objects.unrestricted().filter(
                pk=self.pk, status=VersionStatus.FINAL).exists():
            raise FrozenReportError("Een definitieve rapportage kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_final:
            raise FrozenReportError("Een definitieve rapportage kan niet worden verwijderd.")
        return super().delete(*args, **kwargs)

    @property
    def is_final(self) -> bool:
        return self.status == VersionStatus.FINAL


class ReportFileQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise FrozenReportError("Een vastgelegd rapportagebestand kan niet worden gewijzigd.")

    def delete(self):
        raise FrozenReportError("Een vastgelegd rapportagebestand kan niet worden verwijderd.")


class ReportFile(ChecksAtOnce):
    """One rendered file of a version, kept in the database so that it travels with the version's data."""

    version = models.ForeignKey(ReportVersion, on_delete=models.PROTECT, related_name="files")
    format = models.CharField(_("formaat"), max_length=10)
    content = models.BinaryField(_("inhoud"))
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    objects = ReportFileQuerySet.as_manager()

    class Meta:
        verbose_name = _("rapportagebestand")
        verbose_name_plural = _("rapportagebestanden")
        ordering = ["version", "format"]
        constraints = [
            models.UniqueConstraint(fields=["version", "format"], name="reporting_file_unique_format"),
            models.CheckConstraint(condition=Q(format__in=REPORT_FORMATS), name="reporting_file_format"),
            models.CheckConstraint(condition=Exact(Length("sha256"), 64), name="reporting_file_sha256"),
        ]

    def __str__(self) -> str:
        return f"{self.version} ({self.format})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise FrozenReportError("Een vastgelegd rapportagebestand kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise FrozenReportError("Een vastgelegd rapportagebestand kan niet worden verwijderd.")


class DevelopmentKind(models.TextChoices):
    ELECTION = "election", _("verkiezingen")
    GOVERNMENT = "government", _("regeringswisseling")
    POLICY_PAPER = "policy_paper", _("beleidsstuk")
    BUDGET = "budget", _("begroting")
    OTHER = "other", _("overige ontwikkeling")


class PartnerDevelopment(CitedRecord):
    """A development at a partner the report mentions: an election, a new government, a policy paper.

    The register keeps the cooperation itself; these are the events in the partner country that the
    report's "developments" paragraph needs and that no register record holds.
    """

    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.PROTECT,
                                related_name="developments")
    kind = models.CharField(_("soort"), max_length=20, choices=DevelopmentKind.choices)
    occurred_on = models.DateField(_("datum"))
    date_precision = models.CharField(_("precisie datum"), max_length=5, choices=DatePrecision.choices,
                                      default=DatePrecision.DAY)
    description = models.TextField(_("omschrijving"), help_text=_("Eén of twee zinnen, zoals ze in de rapportage "
                                                                  "mogen staan."))

    clearance_through = ("partner",)

    class Meta:
        verbose_name = _("ontwikkeling bij een partner")
        verbose_name_plural = _("ontwikkelingen bij partners")
        ordering = ["partner", "occurred_on"]
        constraints = [
            models.CheckConstraint(condition=Q(classification__gte=0, classification__lte=max(Classification.values)),
                                   name="reporting_development_classification"),
            models.CheckConstraint(condition=Q(kind__in=DevelopmentKind.values), name="reporting_development_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.get_kind_display()} ({date_format(self.occurred_on)})"
