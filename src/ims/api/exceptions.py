"""Errors as API responses: the register's own refusals become 400s with field errors, in Dutch (English on
request); whatever else goes wrong is still JSON with a message, never an HTML page."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import (
    ObjectDoesNotExist,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext
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


# The message for an error that no view phrased itself: Django's error pages, gunicorn's refusals.
STATUS_MESSAGES = {
    400: _("Het verzoek is ongeldig."),
    401: _("Meld u aan: stuur een API-token (Authorization: Token …) of gebruik een sessie."),
    403: _("U hebt geen toegang tot deze handeling."),
    404: _("Niet gevonden."),
    405: _("Deze methode is hier niet toegestaan."),
    406: _("De API antwoordt alleen in JSON (Accept: application/json)."),
    408: _("Het verzoek kwam niet op tijd volledig binnen."),
    412: _("Het gegeven is intussen door iemand anders gewijzigd."),
    413: _("Het verzoek is te groot."),
    414: _("Het adres (URL) is te lang."),
    415: _("Stuur de inhoud als JSON (Content-Type: application/json)."),
    417: _("Aan de kop Expect kan niet worden voldaan."),
    428: PreconditionRequired.default_detail,
    431: _("De kopregels van het verzoek zijn te groot."),
    500: _("Er ging iets mis op de server; de fout is vastgelegd."),
    501: _("Deze manier van versturen wordt niet ondersteund."),
}


def status_message(status_code: int) -> str:
    message = STATUS_MESSAGES.get(status_code)
    if message is None:
        return gettext("Het verzoek kon niet worden afgehandeld (status %(status)d).") % {"status": status_code}
    return str(message)


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
    elif isinstance(exc, SuspiciousOperation):
        exc = _suspicious(exc)
    return drf_exception_handler(exc, context)


def _suspicious(exc: SuspiciousOperation) -> exceptions.APIException:
    """Django's refusals of oversized requests (which would otherwise be an HTML page, or under DEBUG a crash of
    the debug page, which reads the same oversized request again) as the client's error they are."""
    if isinstance(exc, TooManyFieldsSent):
        return exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: [
            gettext("Te veel parameters: ten hoogste %(max)d.") % {"max": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS}]})
    if isinstance(exc, RequestDataTooBig | TooManyFilesSent):
        too_large = exceptions.APIException(status_message(413))
        too_large.status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
        return too_large
    return exceptions.ParseError(status_message(400))
