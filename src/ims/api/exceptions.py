"""Errors as API responses: the register's own refusals become 400s with field errors, in Dutch."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from ims.core.services import RegisterError


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = _(
        'Een wijziging vraagt de kop If-Match met de versie die u hebt opgehaald (de ETag van het gegeven, '
        'bijvoorbeeld If-Match: "3"), zodat niemand ongemerkt andermans wijziging overschrijft.'
    )
    default_code = "precondition_required"


def validation_detail(exc: DjangoValidationError) -> dict[str, list[str]]:
    """Django's errors keyed by field; errors about the record as a whole under DRF's non-field key."""
    if not hasattr(exc, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: list(exc.messages)}
    return {
        (api_settings.NON_FIELD_ERRORS_KEY if field == "__all__" else field): list(messages)
        for field, messages in exc.message_dict.items()
    }


def exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(validation_detail(exc))
    elif isinstance(exc, RegisterError):
        exc = exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: [str(exc)]})
    elif isinstance(exc, ObjectDoesNotExist):
        # A record above the user's clearance is "not found", exactly like one that does not exist.
        exc = exceptions.NotFound()
    return drf_exception_handler(exc, context)
