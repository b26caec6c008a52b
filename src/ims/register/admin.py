from django.contrib import admin

from ims.core.admin import ClearanceAdmin, ClearanceInlineMixin, ReadOnlyMixin

from . import models


class ParticipationInline(ClearanceInlineMixin, admin.TabularInline):
    model = models.Participation
    extra = 0
    autocomplete_fields = ["partner"]


class GoalInline(ClearanceInlineMixin, admin.StackedInline):
    model = models.Goal
    extra = 0


class BudgetInline(ClearanceInlineMixin, admin.TabularInline):
    model = models.InitiativeBudget
    extra = 0


@admin.register(models.Partner)
class PartnerAdmin(ClearanceAdmin):
    list_display = ("name_nl", "code", "kind", "classification")
    list_filter = ("kind", "classification")
    search_fields = ("name_nl", "name_en", "code")
    filter_horizontal = ("members",)


@admin.register(models.RingAssignment)
class RingAssignmentAdmin(ReadOnlyMixin, ClearanceAdmin):
    """Read-only. A ring is decided on the rings page, which fits a decision into the history and, when it is
    dated in an earlier year or before the last change, first says which reports it changes and asks to
    confirm; here a period could be added, moved or removed in the past without a word."""

    list_display = ("partner", "ring", "valid_from", "valid_to", "classification")
    list_filter = ("ring",)
    autocomplete_fields = ["partner"]


@admin.register(models.Initiative)
class InitiativeAdmin(ClearanceAdmin):
    list_display = ("title", "kind", "form", "status", "classification", "updated_at")
    list_filter = ("status", "form", "kind", "classification")
    search_fields = ("title", "summary")
    inlines = [ParticipationInline, GoalInline, BudgetInline]
    filter_horizontal = ("frameworks", "related", "citations")


@admin.register(models.Milestone)
class MilestoneAdmin(ClearanceAdmin):
    list_display = ("title", "initiative", "due_on", "status")
    list_filter = ("status",)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        owner = form.base_fields.get("owner")
        if owner is not None:
            # As on the monitoring's form: only active users who can see the milestone and what it belongs to.
            needed = obj.owner_clearance_needed() if obj is not None else 0
            owner.queryset = owner.queryset.filter(is_active=True, clearance__gte=needed)
        return form


@admin.register(models.Agreement)
class AgreementAdmin(ClearanceAdmin):
    list_display = ("title", "kind", "signed_on", "classification")
    list_filter = ("kind", "classification")
    search_fields = ("title", "subject")
    filter_horizontal = ("parties", "citations")


@admin.register(models.Contribution)
class ContributionAdmin(ClearanceAdmin):
    list_display = ("operation", "year", "location", "personnel", "classification")
    list_filter = ("year",)
    filter_horizontal = ("partners",)


@admin.register(models.DefenceSpending)
class DefenceSpendingAdmin(ClearanceAdmin):
    list_display = ("partner", "year", "status", "amount", "currency", "pct_gdp")
    list_filter = ("status", "year")


@admin.register(models.Procurement)
class ProcurementAdmin(ClearanceAdmin):
    list_display = ("system", "partner", "quantity", "year")


@admin.register(models.Commitment)
class CommitmentAdmin(ClearanceAdmin):
    list_display = ("member", "subject", "made_on", "status")
    list_filter = ("status",)


@admin.register(models.SourceDocument)
class SourceDocumentAdmin(ClearanceAdmin):
    list_display = ("title", "date", "reference", "kamerstuk")
    search_fields = ("title", "reference", "kamerstuk")
    exclude = ("text",)
