"""One renderer per format; each takes the report data (from ``builder``) and returns the file's bytes."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.text import slugify

from ..models import REPORT_FORMATS

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


def renderer(fmt: str) -> Callable[[dict], bytes]:
    """The render function for a format; imported lazily, so that a Markdown export does not load WeasyPrint."""
    if fmt == "docx":
        from .docx import render_docx

        return render_docx
    if fmt == "pdf":
        from .pdf import render_pdf

        return render_pdf
    if fmt == "html":
        from .html import render_html

        return render_html
    if fmt == "md":
        from .md import render_md

        return render_md
    raise ValueError(f"Onbekend formaat '{fmt}'; kies uit {', '.join(REPORT_FORMATS)}.")


def render(data: dict, fmt: str) -> bytes:
    return renderer(fmt)(data)


def filename(data: dict, fmt: str) -> str:
    """'rapportage-2019-ongerubriceerd-concept.pdf', 'rapportage-2019-stg-confidentieel-v2.docx'."""
    level = slugify(data["classification_label"])
    version = f"v{data['version']}" if data.get("version") else "concept"
    return f"rapportage-{data['year']}-{level}-{version}.{fmt}"
