"""The monitoring in the admin, as the register's records are there (``ClearanceAdmin``): only what the user may
see, no classification above their own, and every save and delete through the gate (version, history, audit).
Milestones are the register's and are in its admin."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ims.core.admin import ClearanceAdmin, ClearanceInlineMixin
from ims.register import selectors as register

from . import models
from .services import served_above_clearance


class SeenThroughAdmin(ClearanceAdmin):
    """Rows also need the records they name to be visible (a plan's or official's partner, a note's milestone),
    as in the monitoring's selectors: an open record posted to a hidden partner would otherwise show its name."""

    def visible(self, queryset, user):
        return queryset.filter(register.related_visible_to(user, "partner"))

    def get_queryset(self, request):
        return self.visible(super().get_queryset(request), request.user)


class PlanGoalInline(ClearanceInlineMixin, admin.TabularInline):
    model = models.PlanGoal
    extra = 0


@admin.register(models.CooperationPlan)
class CooperationPlanAdmin(SeenThroughAdmin):
    list_display = ("title", "partner", "starts_on", "ends_on", "classification")
    list_filter = ("classification",)
    search_fields = ("title", "summary")
    autocomplete_fields = ["partner"]
    inlines = [PlanGoalInline]
    filter_horizontal = ("initiatives",)


@admin.register(models.ProgressNote)
class ProgressNoteAdmin(SeenThroughAdmin):
    def visible(self, queryset, user):
        return queryset.filter(milestone__in=register.milestone_list(user=user).order_by().values("pk"))

    list_display = ("milestone", "noted_on", "classification")
    raw_id_fields = ("milestone",)
    readonly_fields = ("classification",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        obj.classification = obj.milestone.classification  # a note takes its milestone's level, as in the service


class OfficialAdminForm(ClearanceAdmin.form):
    """A user or a name: with a user, the name may stay empty (the user's own is taken)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False

    def clean(self):
        data = super().clean()
        if not data.get("user") and not data.get("name"):
            self.add_error("name", _("Geef de naam van de functionaris, of kies een gebruiker."))
        return data


@admin.register(models.Official)
class OfficialAdmin(SeenThroughAdmin):
    form = OfficialAdminForm
    list_display = ("name", "kind", "partner", "starts_on", "ends_on", "classification")
    list_filter = ("kind",)
    search_fields = ("name",)
    autocomplete_fields = ["partner"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.user_id:  # as in the service: a user's own name (if none is given) and clearance count
            obj.name = obj.name or obj.user.get_full_name() or obj.user.username
            obj.clearance = int(obj.user.clearance)


class ActivityAdminForm(ClearanceAdmin.form):
    def clean(self):
        data = super().clean()
        official = data.get("official")
        if official is not None:
            refusal = served_above_clearance(official=official, served=[*data.get("initiatives", []),
                                                                         *data.get("plans", [])])
            if refusal:
                raise forms.ValidationError(refusal)
        return data


@admin.register(models.Activity)
class ActivityAdmin(SeenThroughAdmin):
    form = ActivityAdminForm

    def visible(self, queryset, user):
        officials = models.Official.objects.for_user(user).filter(register.related_visible_to(user, "partner"))
        return super().visible(queryset, user).filter(official__in=officials.values("pk"))
    list_display = ("occurred_on", "official", "kind", "partner", "classification")
    list_filter = ("kind",)
    search_fields = ("text",)
    autocomplete_fields = ["partner"]
    filter_horizontal = ("initiatives", "plans")
