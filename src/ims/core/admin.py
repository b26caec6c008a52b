"""Admin screens obey clearance like every other path: the queryset, the choices and the history."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import NestedObjects, unquote
from django.db import router
from django.db.models import Model, QuerySet
from django.http import Http404, HttpResponseRedirect
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from ims.accounts.permissions import Action, may

from .forms import CheckedVersionForm
from .models import Record, clearance_of
from .services import StaleEdit, record_delete, record_save


class IMSAdminSite(admin.AdminSite):
    """The admin site, open to the roles the permissions matrix lets administer (the staff flag alone, which
    anyone with the user screen can tick, is not enough). It carries IMS's name, not Django's."""

    site_header = gettext_lazy("IMS-beheer")
    site_title = gettext_lazy("IMS-beheer")
    index_title = gettext_lazy("Beheer van het register en de gebruikers")

    def has_permission(self, request):
        return super().has_permission(request) and may(request.user, Action.ADMINISTER)


def visible_related(queryset: QuerySet, user) -> QuerySet:
    """Cut a queryset of a related kind to what the user may see: a record by its own level, anything else
    (a citation, a participation) by the records it points to, whose titles it shows."""
    if issubclass(queryset.model, Record):
        return queryset.visible_to(user)
    for field in queryset.model._meta.concrete_fields:
        if field.many_to_one and issubclass(field.related_model, Record):
            queryset = queryset.filter(**{f"{field.name}__in": field.related_model.objects.visible_to(user)
                                          .values("pk")})
    return queryset


def level_of(obj: Model, depth: int = 2) -> int:
    """The level an object shows: a record's own; for anything else, the highest of the records it points to."""
    if isinstance(obj, Record):
        return int(obj.classification)
    levels = [0]
    if depth:
        for field in obj._meta.concrete_fields:
            if field.many_to_one and field.related_model is not None:
                target = getattr(obj, field.name, None)
                if target is not None:
                    levels.append(level_of(target, depth - 1))
    return max(levels)


class ClearanceInlineMixin:
    """For inlines of a ClearanceAdmin: rows that name a hidden record are left out (and so left alone on
    save), and the choices offer only what the user may see."""

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
        return super().get_queryset(request).visible_to(request.user)

    def _restrict(self, formfield, db_field, request):
        if formfield is not None and hasattr(formfield, "queryset"):
            formfield.queryset = visible_related(formfield.queryset, request.user)
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return self._restrict(super().formfield_for_foreignkey(db_field, request, **kwargs), db_field, request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return self._restrict(super().formfield_for_manytomany(db_field, request, **kwargs), db_field, request)

    def save_model(self, request, obj, form, change):
        if change:
            obj.version = form.cleaned_data["base_version"]
        record_save(obj, actor=request.user)

    def save_related(self, request, form, formsets, change):
        # The form offered only visible choices, so saving it would drop links to hidden records (a citation
        # into a secret document) that the editor never saw: put them back.
        hidden: dict[str, list] = {}
        if change:
            for field in form.instance._meta.many_to_many:
                if field.name in form.cleaned_data:
                    related = getattr(form.instance, field.name).all()
                    kept = related.exclude(pk__in=visible_related(related, request.user).values("pk"))
                    hidden[field.name] = list(kept)
        super().save_related(request, form, formsets, change)
        for name, objs in hidden.items():
            getattr(form.instance, name).add(*objs)

    def get_deleted_objects(self, objs, request):
        """Django's list of what a deletion takes with it, unless that includes something the user may not
        see: then the deletion is refused, naming only the kinds, so that nobody deletes by cascade what they
        may not read and the list does not show its titles."""
        collector = NestedObjects(using=router.db_for_write(self.model), origin=objs)
        collector.collect(objs)
        clearance = clearance_of(request.user) or 0
        found = [*collector.protected, *(o for group in collector.model_objs.values() for o in group)]
        kinds = sorted({capfirst(o._meta.verbose_name_plural) for o in found if level_of(o) > clearance})
        if kinds:
            refused = [_("%(kind)s boven uw screeningsniveau") % {"kind": kind} for kind in kinds]
            return [], {}, set(), refused
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

    def history_view(self, request, object_id, extra_context=None):
        self._require_visible(request, object_id)
        return super().history_view(request, object_id, extra_context=extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._require_visible(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context=extra_context)
