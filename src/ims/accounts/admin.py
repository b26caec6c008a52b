from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "role", "clearance", "is_active", "last_login")
    list_filter = ("role", "clearance", "is_active")
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Rol en screening"), {"fields": ("role", "clearance")}))
