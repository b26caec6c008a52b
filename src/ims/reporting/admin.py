from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ims.core.admin import ClearanceAdmin, ReadOnlyMixin

from .models import PartnerDevelopment, ReportVersion


@admin.register(PartnerDevelopment)
class PartnerDevelopmentAdmin(ClearanceAdmin):
    list_display = ("partner", "kind", "occurred_on", "classification")
    list_filter = ("kind", "classification")
    search_fields = ("description", "partner__name_nl")
    autocomplete_fields = ["partner"]
    filter_horizontal = ("citations",)


@admin.register(ReportVersion)
class ReportVersionAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Read-only: versions are made by finalising a report, and a finalised version never changes."""

    list_display = ("year", "classification", "number", "status", "finalised_by", "finalised_at", "app_version")
    list_filter = ("year", "classification")
    readonly_fields = ("year", "classification", "number", "status", "reference", "finalised_by", "finalised_at",
                       "app_version", "data_sha256", "contents")
    fields = readonly_fields

    @admin.display(description=_("inhoud"))
    def contents(self, obj: ReportVersion) -> str:
        # The frozen data is the builder's JSON, keyed and valued in codes; its page shows it in words.
        return format_html('<a href="{}">{}</a>', reverse("reporting:version", args=[obj.pk]),
                           _("de rapportage zoals zij is vastgelegd"))

    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user)
