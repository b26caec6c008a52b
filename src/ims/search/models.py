"""The search index: one row per findable record or document, with the text its snippets come from.

The full-text part is the database's own: on PostgreSQL a ``tsvector`` column (``vector``, ``dutch``
configuration) with a GIN index, on SQLite the FTS5 table ``search_fts`` whose rowid is this row's id. Both
are made by the migration and written by ``ims.search.engine``; this model holds what both share.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ims.core.classification import Classification
from ims.core.gate import ClassifiedQuerySet


class Kind(models.TextChoices):
    """What a hit is; the labels are what the facet and the hit list show."""

    PARTNER = "partner", _("Partner")
    INITIATIVE = "initiative", _("Initiatief")
    AGREEMENT = "agreement", _("Overeenkomst")
    CONTRIBUTION = "contribution", _("Bijdrage aan operatie of missie")
    COMMITMENT = "commitment", _("Toezegging")
    MILESTONE = "milestone", _("Mijlpaal")
    DOCUMENT = "document", _("Brondocument")


class SearchEntry(models.Model):
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveIntegerField(_("gegeven"))
    # The record's level, or a higher one when the entry shows text of another record (a milestone shows its
    # initiative's title), so that nobody finds what they could not read on the record's page.
    classification = models.PositiveSmallIntegerField(_("rubricering"), choices=Classification.choices,
                                                      db_index=True)
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    title = models.CharField(_("titel"), max_length=300)
    body = models.TextField(_("tekst"), blank=True)
    # For a record that has no page of its own: the key of the page it is shown on (a partner's code).
    anchor = models.CharField(_("verwijzing"), max_length=40, blank=True)

    clearance_through: tuple[str, ...] = ()  # read through the gate by its own level
    objects = ClassifiedQuerySet.as_manager()

    class Meta:
        verbose_name = _("zoekindex")
        verbose_name_plural = _("zoekindex")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique_record"),
            models.CheckConstraint(condition=models.Q(kind__in=Kind.values), name="search_entry_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"
