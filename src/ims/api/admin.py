"""API tokens in the admin: issued through the same service as the command, for users up to the
administrator's own clearance, and the key is shown once, when it is made; the list never shows keys."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext as _
from rest_framework.authtoken.admin import TokenAdmin as BaseTokenAdmin
from rest_framework.authtoken.models import TokenProxy

from ims.accounts.models import User
from ims.core.clearance import clearance_of

from .services import token_issue

admin.site.unregister(TokenProxy)


@admin.register(TokenProxy)
class TokenAdmin(BaseTokenAdmin):
    list_display = ("user", "created")
    fields = ("user",)

    def _reachable(self, request):
        return User.objects.filter(clearance__lte=clearance_of(request.user) or 0)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(user__in=self._reachable(request))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = self._reachable(request).filter(is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        return False  # a token is issued or revoked, never edited

    def save_model(self, request, obj, form, change):
        token = token_issue(user=form.cleaned_data["user"], actor=request.user)
        obj.key, obj.created = token.key, token.created
        obj._state.adding = False
        self.message_user(request, _("Het API-token voor %(user)s is %(key)s. Het wordt niet nogmaals getoond.")
                          % {"user": token.user.username, "key": token.key}, messages.WARNING)
