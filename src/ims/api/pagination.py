from __future__ import annotations

from rest_framework.pagination import PageNumberPagination


class PagePagination(PageNumberPagination):
    """Pages as on the web lists (``page``, ``per_page`` up to 100), with count, next and previous."""

    page_size = 25
    page_size_query_param = "per_page"
    max_page_size = 100
