"""Admin screens obey clearance like every other path: the queryset, the choices and the history."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import NestedObjects, unquote
from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import router
from django.db.models import Model, QuerySet
from django.http import Http404, HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from ims.accounts.permissions import Action, may

from .clearance import clearance_choices, clearance_of, within_clearance
from .forms import CheckedVersionForm, VisibleRowsInlineFormSet
from .gate import is_gated, record_level
from .services import StaleEdit, record_delete, record_link, record_save


class IMSAdminSite(admin.AdminSite):
    """The admin site, open to the roles the permissions matrix lets administer (the staff flag alone, which
    anyone with the user screen can tick, is not enough). It carries IMS's name, not Django's."""

    site_header = gettext_lazy("IMS-beheer")
    site_title = gettext_lazy("IMS-beheer")
    index_title = gettext_lazy("Beheer van het register en de gebruikers")

    def has_permission(self, request):
        return super().has_permission(request) and may(request.user, Action.ADMINISTER)


def visible_related(queryset: QuerySet, user) -> QuerySet:
    """Cut a queryset of a related kind to what the user may see, as the gate declares for its model."""
    if is_gated(queryset.model):
        return queryset.for_user(user)
    return queryset


def level_of(obj: Model) -> int:
    """The level an object shows (see ``ims.core.gate.record_level``); a link between two records (a
    many-to-many row) shows both ends; 0 for anything else."""
    if is_gated(type(obj)):
        return record_level(obj)
    if obj._meta.auto_created:
        return max((record_level(getattr(obj, f.name)) for f in obj._meta.concrete_fields
                    if f.many_to_one and is_gated(f.related_model)), default=0)
    return 0


# Who made or changed a record, and when, is the register's own bookkeeping: never an editable field.
BOOKKEEPING = ("created_by", "updated_by", "created_at", "updated_at")


class VisibleRawIdWidget(ForeignKeyRawIdWidget):
    """Django's raw id widget names the chosen record by reading the whole table; this one reads among the
    field's choices (the rows the user may see), so a hidden id shows no name, as a missing one does."""

    def __init__(self, widget: ForeignKeyRawIdWidget, queryset: QuerySet):
        super().__init__(widget.rel, widget.admin_site, widget.attrs, widget.db)
        self.queryset = queryset

    def label_and_url_for_value(self, value):
        key = self.rel.get_related_field().name
        try:
            obj = self.queryset.get(**{key: value})
        except (ValueError, ObjectDoesNotExist, ValidationError):
            return "", ""
        meta = obj._meta
        try:
            url = reverse(f"{self.admin_site.name}:{meta.app_label}_{meta.model_name}_change", args=(obj.pk,))
        except NoReverseMatch:
            url = ""
        return Truncator(obj).words(14), url


class ReadOnlyMixin:
    """For records that the admin shows but never makes, changes or removes: another page owns those writes."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ClearanceInlineMixin:
    """For inlines of a ClearanceAdmin: rows that name a hidden record are left out (and so left alone on
    save), and the choices offer only what the user may see."""

    formset = VisibleRowsInlineFormSet

    def get_queryset(self, request):
        return visible_related(super().get_queryset(request), request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if formfield is not None:
            formfield.queryset = visible_related(formfield.queryset, request.user)
        return formfield


class ClearanceAdmin(SimpleHistoryAdmin):
    form = CheckedVersionForm

    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user)

    def get_readonly_fields(self, request, obj=None):
        names = {f.name for f in self.model._meta.concrete_fields}
        return (*super().get_readonly_fields(request, obj), *(n for n in BOOKKEEPING if n in names))

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # Only a form that saves carries the version it started from; on a page that only shows the record,
            # Django would list it as a field of the record ("Base version: None").
            return [name for name in fields if name != "base_version"]
        return fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "classification" and formfield is not None:
            formfield.choices = clearance_choices(request.user)  # nobody records above their own clearance
        return formfield

    def _restrict(self, formfield, db_field, request):
        if formfield is not None and hasattr(formfield, "queryset"):
            formfield.queryset = visible_related(formfield.queryset, request.user)
            if type(formfield.widget) is ForeignKeyRawIdWidget:
                formfield.widget = VisibleRawIdWidget(formfield.widget, formfield.queryset)
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return self._restrict(super().formfield_for_foreignkey(db_field, request, **kwargs), db_field, request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return self._restrict(super().formfield_for_manytomany(db_field, request, **kwargs), db_field, request)

    def save_model(self, request, obj, form, change):
        # Saved in save_related, together with the relations the form changes: one change, one audit entry.
        if change:
            obj.version = form.cleaned_data["base_version"]

    def save_related(self, request, form, formsets, change):
        """The fields and the many-to-many choices as one write; then each inline row through the gate.

        The form offered only visible choices, so links to hidden records (a citation into a secret document)
        that the editor never saw are neither shown nor removed."""
        obj = form.instance
        add: dict[str, list] = {}
        remove: dict[str, list] = {}
        for field in obj._meta.many_to_many:
            if field.name not in form.cleaned_data or not field.remote_field.through._meta.auto_created:
                continue
            chosen = set(form.cleaned_data[field.name])
            current = set(visible_related(getattr(obj, field.name).all(), request.user)) if obj.pk else set()
            add[field.name] = sorted(chosen - current, key=lambda o: o.pk)
            remove[field.name] = sorted(current - chosen, key=lambda o: o.pk)
        record_link(obj, add=add, remove=remove, actor=request.user)
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        for row in formset.save(commit=False):
            record_save(row, actor=request.user)
        for row in formset.deleted_objects:
            record_delete(row, actor=request.user)

    def get_deleted_objects(self, objs, request):
        """Django's list of what a deletion takes with it, unless that includes something the user may not
        see: then the deletion is refused with one sentence that names no kind, title or level, so that nobody
        deletes by cascade what they may not read and the page tells nothing about it."""
        collector = NestedObjects(using=router.db_for_write(self.model), origin=objs)
        collector.collect(objs)
        found = [*collector.protected, *(o for group in collector.model_objs.values() for o in group)]
        if any(not within_clearance(request.user, level_of(o)) for o in found):
            return [], {}, set(), [_("andere gegevens die naar dit gegeven verwijzen")]
        return super().get_deleted_objects(objs, request)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The form has already compared versions; this catches the race of a save landing in between.
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleEdit as stale:
            self.message_user(request, str(stale), messages.ERROR)
            return HttpResponseRedirect(request.path)

    def delete_model(self, request, obj):
        record_delete(obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            record_delete(obj, actor=request.user)

    def _require_visible(self, request, object_id) -> None:
        # simple-history reads history rows directly, past get_queryset: check the live record first.
        if not self.get_queryset(request).filter(pk=unquote(object_id)).exists():
            raise Http404

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # A record once classified higher than the reader's clearance keeps those old values to itself.
        rows = super().get_history_queryset(request, history_manager, pk_name, object_id)
        if any(f.name == "classification" for f in rows.model._meta.concrete_fields):
            rows = rows.filter(classification__lte=clearance_of(request.user) or 0)
        return rows

    def history_view(self, request, object_id, extra_context=None):
        self._require_visible(request, object_id)
        return super().history_view(request, object_id, extra_context=extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._require_visible(request, object_id)
        rows = self.model.history.filter(history_id=unquote(version_id))
        classified = "classification" in {f.name for f in self.model.history.model._meta.concrete_fields}
        if classified and rows.filter(classification__gt=clearance_of(request.user) or 0).exists():
            raise Http404
        return super().history_form_view(request, object_id, version_id, extra_context=extra_context)
