"""The printable assessment: an HTML template rendered to PDF by WeasyPrint, with its own print stylesheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

PRINT_CSS = Path(__file__).resolve().parent / "print.css"


def render_pdf(request: HttpRequest, context: dict[str, Any]) -> bytes:
    """Render ``assessment/pdf.html`` with the context to PDF bytes.

    Imported lazily: WeasyPrint loads Pango and friends, which no other page needs.
    """
    from weasyprint import CSS, HTML

    html = render_to_string("assessment/pdf.html", context, request=request)
    # The document embeds everything (the chart is inline SVG); fetching nothing keeps user text inert.
    return HTML(string=html, url_fetcher=_refuse).write_pdf(stylesheets=[CSS(filename=str(PRINT_CSS))])


def _refuse(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"De PDF haalt niets van buiten op ({url}).")
