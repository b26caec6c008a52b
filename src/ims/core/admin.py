"""Admin screens obey clearance like every other path: the queryset, the choices and the history."""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from .models import Record
from .services import record_delete, record_save


class ClearanceAdmin(SimpleHistoryAdmin):
    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def _restrict(self, formfield, db_field, request):
        if formfield is not None and issubclass(db_field.related_model, Record):
            formfield.queryset = formfield.queryset.visible_to(request.user)
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return self._restrict(super().formfield_for_foreignkey(db_field, request, **kwargs), db_field, request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return self._restrict(super().formfield_for_manytomany(db_field, request, **kwargs), db_field, request)

    def save_model(self, request, obj, form, change):
        record_save(obj, actor=request.user)

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
