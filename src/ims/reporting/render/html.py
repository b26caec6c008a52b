"""HTML: the Django template shared by the preview page, the downloadable file and the PDF.

Footnote references in the text point at the numbered source list at the end ("Bronnen"); each source
links to the cited place in its document. In print mode the sources become real footnotes instead.
"""

from __future__ import annotations

import base64
import copy
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from ..charts import render_charts

CSS_PATH = Path(__file__).resolve().parents[2] / "static" / "ims" / "report.css"


def data_uri(content: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


def _resolve(sentences: list[dict], sources: list[dict]) -> list[dict]:
    return [s | {"cites": [sources[n - 1] for n in s["refs"]]} for s in sentences]


def report_context(data: dict, mode: str = "file") -> dict[str, Any]:
    """The template context: the data with each sentence's source numbers resolved to the sources and
    each figure's image as a data: URI (allowed by the site's img-src policy, and self-contained in a file).

    Screens get SVG; paper gets PNG at 150 dpi, which WeasyPrint draws many times faster than matplotlib's
    SVG with its glyphs as paths.
    """
    r = copy.deepcopy(data)
    sources = r["sources"]
    fmt, mime = ("png", "image/png") if mode == "print" else ("svg", "image/svg+xml")
    images = {key: data_uri(content, mime) for key, content in render_charts(r, fmt).items()}

    def blocks(items: list[dict]) -> None:
        for b in items:
            if b["kind"] == "p":
                b["sentences"] = _resolve(b["sentences"], sources)
            elif b["kind"] == "ul":
                b["items"] = [_resolve(item, sources) for item in b["items"]]
            elif b["kind"] == "figure":
                b["src"] = images.get(b["chart"], "")

    for section in r["sections"]:
        blocks(section["blocks"])
        for sub in section["subsections"]:
            blocks(sub["blocks"])
    for key in ("rows", "not_rows"):
        for row in r["annex1"].get(key, []):
            row["cites"] = [sources[n - 1] for n in row["refs"]]
    for row in r["annex2"]["rows"]:
        row["cites"] = [sources[n - 1] for n in row["refs"]]
    return {"r": r, "mode": mode}


def render_html_text(data: dict, mode: str = "file", embed_css: bool = True) -> str:
    context = report_context(data, mode)
    context["css"] = CSS_PATH.read_text(encoding="utf-8") if embed_css else ""
    return render_to_string("reporting/report_file.html", context)


def render_html(data: dict) -> bytes:
    """A standalone HTML file: a file, not a page served under the site's policy, so it embeds its CSS."""
    return render_html_text(data, "file").encode("utf-8")
