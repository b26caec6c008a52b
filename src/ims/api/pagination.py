from __future__ import annotations

import re

from django.core.paginator import InvalidPage
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination

# A page number is a plain positive integer: no sign, no decimals, no "last".
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")
MAX_PAGE = 1_000_000


class PagePagination(PageNumberPagination):
    """Pages as on the web lists (``page``, ``per_page`` up to 100), with count, next and previous.

    Unlike DRF's, a ``page`` or ``per_page`` that is not a whole number in range is a 400 naming the
    parameter, not a silent fall back to the defaults: a client asking for ``per_page=1000`` must not believe
    it got everything. A page past the last one is a 404.
    """

    page_size = 25
    page_size_query_param = "per_page"
    max_page_size = 100

    def _number(self, request, name: str, default: int, maximum: int, errors: dict) -> int:
        raw = request.query_params.get(name)
        if raw is None:
            return default
        if _WHOLE_NUMBER.fullmatch(raw) and 1 <= int(raw) <= maximum:
            return int(raw)
        errors[name] = [_("Geef een geheel getal van 1 tot en met %(max)d.") % {"max": maximum}]
        return default

    def paginate_queryset(self, queryset, request, view=None) -> list:
        self.request = request
        errors: dict[str, list[str]] = {}
        number = self._number(request, self.page_query_param, 1, MAX_PAGE, errors)
        size = self._number(request, self.page_size_query_param, self.page_size, self.max_page_size, errors)
        if errors:
            raise exceptions.ValidationError(errors)
        paginator = self.django_paginator_class(queryset, size)
        try:
            self.page = paginator.page(number)
        except InvalidPage:
            raise exceptions.NotFound(_("Pagina %(page)d bestaat niet; de laatste is pagina %(last)d.")
                                      % {"page": number, "last": paginator.num_pages}) from None
        return list(self.page)

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {"name": self.page_query_param, "in": "query", "required": False,
             "description": _("Het nummer van de pagina; voorbij de laatste is 404."),
             "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}},
            {"name": self.page_size_query_param, "in": "query", "required": False,
             "description": _("Aantal per pagina."),
             "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size, "default": self.page_size}},
        ]
