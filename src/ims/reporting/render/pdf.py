"""PDF: WeasyPrint from the print-mode HTML and the same stylesheet the web page uses (read by path).

The stylesheet's ``@page`` rules put "Pagina X van Y" and the classification in the page margins of every
page; in print mode every source is a real footnote at the bottom of the page that cites it.
"""

from __future__ import annotations

from weasyprint import CSS, HTML

from .html import CSS_PATH, render_html_text


def render_pdf(data: dict) -> bytes:
    html = render_html_text(data, "print", embed_css=False)
    document = HTML(string=html, base_url=str(CSS_PATH.parent))
    return document.write_pdf(stylesheets=[CSS(filename=str(CSS_PATH))])
