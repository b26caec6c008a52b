"""The API asks the permissions matrix, like every view: reading needs VIEW, any change needs EDIT.

Which records a user may see is not decided here but in the selectors (clearance); a record above the
user's clearance is simply not found.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from ims.accounts.permissions import Action, may


class RegisterPermission(BasePermission):
    message = _("Uw rol geeft geen toegang tot deze handeling.")

    def has_permission(self, request, view) -> bool:
        return may(request.user, Action.VIEW if request.method in SAFE_METHODS else Action.EDIT)
