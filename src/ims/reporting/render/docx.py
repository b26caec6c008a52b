"""DOCX: docxtpl fills the Word template ``templates_docx/rapportage.docx``; staff edit the house style there.

What the template receives:

* ``classification_label``, ``title``, ``year`` and ``letterhead`` (``ministry``, ``return_address``,
  ``sender`` and ``addressee`` as lists of lines, ``reference``, ``date``, ``subject``, ``signature``);
* ``blocks``: the report in order, each with a ``kind``: ``h1``/``h2`` (``text``), ``p``/``li``
  (``rich``: the sentences with their footnote references), ``figure`` (``image``, ``caption``);
* ``annex1`` and ``annex2`` as in the report data, each row with ``source_text`` added.

Sources become real Word footnotes: the sentence carries a footnote reference, and the footnote (in the
template's footnotes part) the Kamerstuk or the document's reference and page.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage, RichText
from jinja2 import Environment
from lxml import etree

from ..charts import render_charts

TEMPLATE = Path(__file__).resolve().parents[1] / "templates_docx" / "rapportage.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class _Footnotes:
    """Numbers footnotes in the order the text references them; Word shows them numbered 1, 2, 3 …"""

    def __init__(self, sources: list[dict]) -> None:
        self.sources = sources
        self.notes: list[str] = []

    def reference(self, n: int) -> str:
        self.notes.append(self.sources[n - 1]["text"])
        return (f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                f'<w:footnoteReference w:id="{len(self.notes)}"/></w:r>')

    def xml(self) -> list[str]:
        return [
            f'<w:footnote {nsdecls("w")} w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
            for n, text in enumerate(self.notes, start=1)
        ]


def _rich(sentences: list[dict], notes: _Footnotes) -> RichText:
    rich = RichText()
    for n, s in enumerate(sentences):
        rich.add(s["text"])
        for ref in s["refs"]:
            # RichText holds raw run XML; a footnote reference is a run of its own.
            rich.xml += notes.reference(ref)
        if n < len(sentences) - 1:
            rich.add(" ")
    return rich


def _blocks(data: dict, template: DocxTemplate, notes: _Footnotes) -> list[dict]:
    images = render_charts(data, "png")
    out: list[dict] = []

    def add(blocks: list[dict]) -> None:
        for b in blocks:
            if b["kind"] == "p":
                out.append({"kind": "p", "rich": _rich(b["sentences"], notes)})
            elif b["kind"] == "ul":
                out.extend({"kind": "li", "rich": _rich(item, notes)} for item in b["items"])
            elif b["kind"] == "figure" and b["chart"] in images:
                out.append({"kind": "figure", "caption": b["caption"],
                            "image": InlineImage(template, io.BytesIO(images[b["chart"]]), width=Mm(150))})

    for section in data["sections"]:
        out.append({"kind": "h1", "text": section["title"]})
        add(section["blocks"])
        for sub in section["subsections"]:
            out.append({"kind": "h2", "text": sub["title"]})
            add(sub["blocks"])
    return out


def _with_sources(annex: dict, sources: list[dict]) -> dict:
    annex = copy.deepcopy(annex)
    for key in ("rows", "not_rows"):
        for row in annex.get(key, []):
            row["source_text"] = "; ".join(sources[n - 1]["text"] for n in row["refs"]) or "–"
    return annex


def _add_footnotes(template: DocxTemplate, notes: _Footnotes) -> None:
    part = template.docx.part.part_related_by(RT.FOOTNOTES)
    root = etree.fromstring(part.blob)
    for xml in notes.xml():
        root.append(etree.fromstring(xml))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def render_docx(data: dict, template_path: Path = TEMPLATE) -> bytes:
    template = DocxTemplate(str(template_path))
    notes = _Footnotes(data["sources"])
    context = {
        "classification_label": data["classification_label"],
        "title": data["title"],
        "year": data["year"],
        "letterhead": data["letterhead"],
        "blocks": _blocks(data, template, notes),
        "annex1": _with_sources(data["annex1"], data["sources"]),
        "annex2": _with_sources(data["annex2"], data["sources"]),
    }
    # Autoescape: register text such as "R&D" must not break the document's XML.
    template.render(context, jinja_env=Environment(autoescape=True), autoescape=True)
    _add_footnotes(template, notes)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()
