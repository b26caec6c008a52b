"""Under the API's prefix every error is JSON, whatever produced it.

The views answer in JSON themselves; this is for what happens around them: Django's own error pages (its 400
for an oversized request, its 403 for a bad CSRF token, its 500, and under DEBUG its technical pages), which
would otherwise reach an API client as HTML. It runs outermost, so it sees the response any layer made.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from .exceptions import status_message

_OWN_TYPES = ("application/json", "application/vnd.oai.openapi")


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(settings.IMS_API_PREFIX)


class ApiErrorsAsJson:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code < 400 or not is_api(request):
            return response
        if response.get("Content-Type", "").startswith(_OWN_TYPES):
            return response
        replaced = JsonResponse({"detail": status_message(response.status_code)}, status=response.status_code)
        for header in ("Allow", "WWW-Authenticate", "Retry-After", "Content-Language", "Vary"):
            if header in response:
                replaced[header] = response[header]
        return replaced
