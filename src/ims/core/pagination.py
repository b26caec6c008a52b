from __future__ import annotations

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, queryset, default_size: int = 25, count: int | None = None) -> Page:
    """The requested page of a list; unknown sizes or pages fall back to something valid, never an error.

    ``count``, when the caller already knows the length (from the facet counts, say), saves the COUNT query.
    """
    try:
        size = int(request.GET.get("per_page", default_size))
    except ValueError:
        size = default_size
    if size not in settings.IMS_PAGE_SIZES:
        size = default_size
    paginator = Paginator(queryset, size)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not computed
    return paginator.get_page(request.GET.get("page"))


def query_without(request: HttpRequest, *keys: str) -> str:
    """The current query string minus some keys, for building page and sort links."""
    params = request.GET.copy()
    for key in keys:
        params.pop(key, None)
    return params.urlencode()
