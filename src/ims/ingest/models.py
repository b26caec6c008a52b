"""Letters read into the register: batch jobs with their progress, and the facts waiting for review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ims.core.classification import Classification
from ims.core.models import Record
from ims.register.models import SourceDocument


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("in de wachtrij")
    RUNNING = "running", _("bezig")
    DONE = "done", _("klaar")
    FAILED = "failed", _("mislukt")


class ItemStatus(models.TextChoices):
    PENDING = "pending", _("wacht")
    INGESTED = "ingested", _("ingelezen")
    UNCHANGED = "unchanged", _("al aanwezig")
    FAILED = "failed", _("mislukt")


class FactStatus(models.TextChoices):
    PENDING = "pending", _("te beoordelen")
    ACCEPTED = "accepted", _("geaccepteerd")
    REJECTED = "rejected", _("afgewezen")


class BundleReason(models.TextChoices):
    DECLARED = "declared", _("op verzoek van wie het inlas")
    KAMERSTUK = "kamerstuk", _("hetzelfde Kamerstuknummer en aansluitende pagina's")
    REFERENCE = "reference", _("hetzelfde kenmerk en aansluitende pagina's")


class IngestJob(models.Model):
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("aangemaakt door"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    backend = models.CharField(_("uitvoering"), max_length=20, default="inprocess")
    total = models.PositiveIntegerField(_("aantal bestanden"), default=0)
    processed = models.PositiveIntegerField(_("verwerkt"), default=0)
    started_at = models.DateTimeField(_("gestart op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    error = models.TextField(_("foutmelding"), blank=True)
    bundle = models.BooleanField(_("als één document gelezen"), default=False,
                                 help_text=_("De bestanden zijn delen van één document, in deze volgorde."))
    classification = models.PositiveSmallIntegerField(_("rubricering"), choices=Classification.choices, default=0,
                                                      help_text=_("De rubricering van de ingelezen documenten."))
    metadata = models.JSONField(_("gegevens van het document"), default=dict, blank=True,
                                help_text=_("Titel, datum, kenmerk en Kamerstuknummer zoals bij het inlezen "
                                            "opgegeven; wat leeg bleef, komt uit het document zelf."))

    class Meta:
        verbose_name = _("inleesopdracht")
        verbose_name_plural = _("inleesopdrachten")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(processed__lte=F("total")), name="ingest_job_progress"),
        ]

    def __str__(self) -> str:
        return f"{_('Inleesopdracht')} {self.pk}"

    @property
    def percent(self) -> int:
        return round(100 * self.processed / self.total) if self.total else 100


class IngestItem(models.Model):
    job = models.ForeignKey(IngestJob, on_delete=models.CASCADE, related_name="items")
    filename = models.CharField(_("bestand"), max_length=255)
    path = models.CharField(_("pad"), max_length=1000)
    status = models.CharField(_("status"), max_length=10, choices=ItemStatus.choices, default=ItemStatus.PENDING)
    message = models.TextField(_("melding"), blank=True)
    document = models.ForeignKey(SourceDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    classification = models.PositiveSmallIntegerField(
        _("rubricering"), choices=Classification.choices, null=True, blank=True,
        help_text=_("Zoals bij het bevestigen van de upload gekozen; leeg: die van de opdracht."))
    metadata = models.JSONField(_("gegevens van het document"), default=dict, blank=True,
                                help_text=_("Wat bij het bevestigen van de upload is veranderd aan wat uit het "
                                            "document gelezen was; de rest komt uit het document zelf."))

    class Meta:
        verbose_name = _("bestand in een inleesopdracht")
        verbose_name_plural = _("bestanden in inleesopdrachten")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filename


class ExtractedFact(Record):
    """One fact read from a document, waiting for a person to accept, correct or reject it."""

    document = models.ForeignKey(SourceDocument, verbose_name=_("document"), on_delete=models.CASCADE,
                                 related_name="extracted_facts")
    fact_type = models.CharField(_("soort feit"), max_length=30)
    payload = models.JSONField(_("gegevens"))
    start = models.PositiveIntegerField(_("begin"))
    end = models.PositiveIntegerField(_("einde"))
    page = models.PositiveIntegerField(_("pagina"), null=True, blank=True)
    confidence = models.FloatField(_("zekerheid"))
    rule = models.CharField(_("regel"), max_length=100, blank=True,
                            help_text=_("De extractieregel die het feit vond."))
    status = models.CharField(_("status"), max_length=10, choices=FactStatus.choices, default=FactStatus.PENDING)
    corrected = models.BooleanField(_("gecorrigeerd"), default=False)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("beoordeeld door"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    target = models.CharField(_("vastgelegd als"), max_length=100, blank=True,
                              help_text=_("Het registergegeven dat uit dit feit is gemaakt of bijgewerkt."))
    audit_mark = models.PositiveBigIntegerField(
        _("auditspoor tot het besluit"), null=True, blank=True,
        help_text=_("De laatste auditregel vóór het besluit: wat erna kwam tot en met het besluit zelf, maakt "
                    "een ongedaan maken weer ongedaan."))

    class Meta:
        verbose_name = _("gevonden feit")
        verbose_name_plural = _("gevonden feiten")
        ordering = ["document", "start"]
        constraints = [
            Record.classification_constraint("ingest_extractedfact_classification"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="ingest_extractedfact_span"),
            models.CheckConstraint(condition=Q(confidence__gte=0, confidence__lte=1),
                                   name="ingest_extractedfact_confidence"),
            models.CheckConstraint(condition=Q(status__in=FactStatus.values), name="ingest_extractedfact_status"),
        ]
        indexes = [models.Index(fields=["document", "status"])]

    def __str__(self) -> str:
        return f"{self.fact_type} ({self.document})"


class BundledReading(models.Model):
    """A document that was read as one part of a bundle (pages of one report in separate files): it may have
    borrowed the date or the opening words of another part, and the review screen says so."""

    document = models.OneToOneField(SourceDocument, verbose_name=_("document"), on_delete=models.CASCADE,
                                    related_name="bundled_reading")
    bundle = models.UUIDField(_("bundel"), db_index=True, help_text=_("De delen van één bundel delen dit kenmerk."))
    position = models.PositiveSmallIntegerField(_("plaats in de bundel"))
    reason = models.CharField(_("reden"), max_length=10, choices=BundleReason.choices)

    class Meta:
        verbose_name = _("deel van een bundel")
        verbose_name_plural = _("delen van bundels")
        ordering = ["bundle", "position"]
        constraints = [
            models.CheckConstraint(condition=Q(reason__in=BundleReason.values), name="ingest_bundledreading_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.document} ({self.position + 1})"


class DocumentFile(models.Model):
    """A file a document was read from. The same letter as PDF and as text is one document with both files:
    ``sha256`` is the file's own digest, ``text_sha256`` that of its normalised text
    (:func:`ims.text.fingerprint.text_fingerprint`)."""

    document = models.ForeignKey(SourceDocument, verbose_name=_("document"), on_delete=models.CASCADE,
                                 related_name="files")
    filename = models.CharField(_("bestand"), max_length=255)
    path = models.CharField(_("pad"), max_length=1000, blank=True)
    sha256 = models.CharField(_("SHA-256 van het bestand"), max_length=64, db_index=True)
    text_sha256 = models.CharField(_("SHA-256 van de genormaliseerde tekst"), max_length=64, db_index=True)
    added_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("toegevoegd door"), null=True,
                                 blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("bestand van een document")
        verbose_name_plural = _("bestanden van documenten")
        ordering = ["document", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "sha256"], name="ingest_documentfile_once"),
        ]

    def __str__(self) -> str:
        return self.filename
