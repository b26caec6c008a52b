"""Datasette-style twins of every list: the same filters, as CSV or JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse

from .audit import AuditAction, audit

EXPORT_FORMATS = ("csv", "json")


class _Echo:
    def write(self, value: str) -> str:
        return value


def export_response(
    fmt: str,
    *,
    name: str,
    columns: Sequence[str],
    rows: Iterable[Any],
    row: Callable[[Any], Sequence[Any]],
    query: str = "",
) -> HttpResponse:
    """Stream ``rows`` as CSV, or return them as a JSON list of objects keyed by ``columns``.

    Every export is in the audit trail: who took which list, with which filters.
    """
    audit(action=AuditAction.EXPORT, object_type=name, changes={"format": fmt, "query": query})
    if fmt == "csv":
        writer = csv.writer(_Echo())
        lines = (writer.writerow(row(item)) for item in rows)
        response = StreamingHttpResponse(
            (line for part in ([writer.writerow(columns)], lines) for line in part),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    data = [dict(zip(columns, row(item), strict=True)) for item in rows]
    return HttpResponse(
        json.dumps({"rows": data, "count": len(data)}, cls=DjangoJSONEncoder, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
