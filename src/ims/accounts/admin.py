"""Users in the admin: an administrator sees and changes only users up to their own clearance, grants no
clearance above it, and every change is in the audit trail."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

from ims.core.clearance import clearance_choices, clearance_of

from .models import User
from .services import user_audit, user_audit_delete, user_grant_check, user_values

# Django stores the names of its default permissions in English ("Can change gebruiker"); the admin shows them
# as the model's (translated) name and the action in the page's language.
PERMISSION_ACTIONS = {"add": _("toevoegen"), "change": _("wijzigen"), "delete": _("verwijderen"), "view": _("inzien")}


def permission_label(permission: Permission) -> str:
    """"Gebruikers | gebruiker | wijzigen" for Django's default permissions; any other by its own name."""
    action, _sep, model = permission.codename.partition("_")
    if action in PERMISSION_ACTIONS and model == permission.content_type.model:
        return f"{permission.content_type} | {PERMISSION_ACTIONS[action]}"
    return str(permission)


class PermissionsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Permission) -> str:
        return permission_label(obj)


class DutchPermissionsMixin:
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in ("permissions", "user_permissions"):
            kwargs["form_class"] = PermissionsField
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(DutchPermissionsMixin, BaseGroupAdmin):
    pass


@admin.register(User)
class UserAdmin(DutchPermissionsMixin, BaseUserAdmin):
    list_display = ("username", "role", "clearance", "is_active", "last_login")
    list_filter = ("role", "clearance", "is_active")
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Rol en screening"), {"fields": ("role", "clearance")}))

    def get_queryset(self, request):
        return super().get_queryset(request).filter(clearance__lte=clearance_of(request.user) or 0)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "clearance" and formfield is not None:
            formfield.choices = clearance_choices(request.user)
        return formfield

    def save_model(self, request, obj, form, change):
        user_grant_check(actor=request.user, level=obj.clearance)
        before = user_values(User.objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)
        user_audit(user=obj, before=before, actor=request.user)

    def delete_model(self, request, obj):
        user_audit_delete(user=obj, actor=request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            self.delete_model(request, user)
