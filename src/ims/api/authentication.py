"""Session login for the API, with the CSRF refusal in the user's language (DRF's is English only)."""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

logger = logging.getLogger(__name__)


class SessionAuthentication(authentication.SessionAuthentication):
    def enforce_csrf(self, request) -> None:
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied as refused:
            logger.info("API: %s", refused.detail)  # Django's reason, for whoever reads the log
            raise exceptions.PermissionDenied(_(
                "CSRF-controle mislukt: een wijziging met een sessie vraagt het CSRF-token in de kop X-CSRFToken "
                "(of gebruik een API-token)."
            )) from None
