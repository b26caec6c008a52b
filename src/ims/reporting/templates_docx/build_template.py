"""Builds ``rapportage.docx``, the Word template the DOCX report is rendered from (docxtpl).

Run it after changing the house style here:

    .venv/bin/python src/ims/reporting/templates_docx/build_template.py

Staff can also open ``rapportage.docx`` in Word and change fonts, colours, margins, the letterhead text or
the heading styles directly; the tags between ``{{ }}`` and ``{% %}`` must stay as they are. What each
tag receives is documented in ``ims/reporting/render/docx.py``.

The template adds what Word needs for real footnotes (a footnotes part with its separators, and the
"footnote text" and "footnote reference" styles), and page numbers as PAGE/NUMPAGES fields.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "rapportage.docx"
FONT = "Verdana"
BLUE = RGBColor(0x15, 0x42, 0x73)

FOOTNOTES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {nsdecls("w", "r")}>
  <w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>
    </w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240"
    w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
</w:footnotes>"""

FOOTNOTE_STYLES = [
    f"""<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>
      <w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
      <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
      <w:rPr><w:sz w:val="14"/><w:szCs w:val="14"/></w:rPr></w:style>""",
    f"""<w:style {nsdecls("w")} w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
      <w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>""",
]


def field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out the page."""
    for xml in (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {nsdecls("w")}><w:t>1</w:t></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


def no_borders(table) -> None:
    borders = parse_xml(f'<w:tblBorders {nsdecls("w")}>' + "".join(
        f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    ) + "</w:tblBorders>")
    # Word expects the table properties in schema order: borders come before layout and look.
    tblPr = table._tbl.tblPr
    later = [tblPr.find(qn(f"w:{tag}")) for tag in ("shd", "tblLayout", "tblCellMar", "tblLook")]
    later = [element for element in later if element is not None]
    if later:
        later[0].addprevious(borders)
    else:
        tblPr.append(borders)


def tag(document_or_cell, text: str, style: str | None = None):
    """A paragraph holding one template tag (or one line of text) in one run, as docxtpl needs it."""
    paragraph = document_or_cell.add_paragraph(style=style)
    paragraph.add_run(text)
    return paragraph


def styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(9.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size, colour in (("Heading 1", 11, BLUE), ("Heading 2", 9.5, RGBColor(0, 0, 0)),
                               ("Title", 14, BLUE)):
        style = document.styles[name]
        style.font.name, style.font.size, style.font.bold, style.font.color.rgb = FONT, Pt(size), True, colour
        style.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 8)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
    for name in ("List Bullet", "Caption", "Header", "Footer"):
        document.styles[name].font.name = FONT
    document.styles["Caption"].font.size = Pt(8)
    document.styles["Caption"].font.color.rgb = RGBColor(0x4A, 0x4A, 0x4A)
    small = document.styles.add_style("Briefhoofd", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style = normal
    small.font.size = Pt(7.5)
    small.paragraph_format.space_after = Pt(0)
    label = document.styles.add_style("Kenmerk", WD_STYLE_TYPE.PARAGRAPH)
    label.base_style = small
    label.font.bold = True
    label.paragraph_format.space_before = Pt(6)
    cell = document.styles.add_style("Tabeltekst", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(7.5)
    cell.paragraph_format.space_after = Pt(0)
    cell.paragraph_format.line_spacing = 1.0
    marking = document.styles.add_style("Rubricering", WD_STYLE_TYPE.PARAGRAPH)
    marking.base_style = normal
    marking.font.bold, marking.font.size = True, Pt(8)
    marking.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    marking.paragraph_format.space_after = Pt(0)
    for xml in FOOTNOTE_STYLES:
        document.styles.element.append(parse_xml(xml))


def header_and_footer(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.top_margin, section.bottom_margin = Mm(22), Mm(22)
    header = section.header.paragraphs[0]
    header.style = document.styles["Rubricering"]
    header.add_run("{{ classification_label }}")
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Rubricering"]
    footer.add_run("{{ classification_label }}")
    pages = section.footer.add_paragraph(style="Footer")
    pages.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pages.add_run("Pagina ")
    field(pages, "PAGE")
    pages.add_run(" van ")
    field(pages, "NUMPAGES")
    for run in pages.runs:
        run.font.size = Pt(7.5)


def letterhead(document) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    no_borders(table)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(105), Mm(60)
    left.paragraphs[0].add_run("{{ letterhead.return_address }}")
    left.paragraphs[0].style = document.styles["Briefhoofd"]
    left.add_paragraph()
    tag(left, "{%p for line in letterhead.addressee %}")
    tag(left, "{{ line }}")
    tag(left, "{%p endfor %}")
    right.paragraphs[0].add_run("{{ letterhead.ministry }}").bold = True
    tag(right, "{%p for line in letterhead.sender %}", "Briefhoofd")
    tag(right, "{{ line }}", "Briefhoofd")
    tag(right, "{%p endfor %}", "Briefhoofd")
    for label, value in (("Onze referentie", "{{ letterhead.reference }}"), ("Datum", "{{ letterhead.date }}"),
                         ("Rubricering", "{{ classification_label }}")):
        tag(right, label, "Kenmerk")
        tag(right, value, "Briefhoofd")
    subject = document.add_paragraph()
    subject.paragraph_format.space_before = Pt(18)
    subject.add_run("Betreft\t").font.color.rgb = RGBColor(0x5C, 0x66, 0x70)
    subject.add_run("{{ letterhead.subject }}")


def body(document) -> None:
    # Every block of the report in order; the block's kind picks the paragraph style.
    tag(document, "{%p for b in blocks %}")
    tag(document, '{%p if b.kind == "h1" %}')
    tag(document, "{{ b.text }}", "Heading 1")
    tag(document, '{%p elif b.kind == "h2" %}')
    tag(document, "{{ b.text }}", "Heading 2")
    tag(document, '{%p elif b.kind == "p" %}')
    tag(document, "{{r b.rich }}")
    tag(document, '{%p elif b.kind == "li" %}')
    tag(document, "{{r b.rich }}", "List Bullet")
    tag(document, '{%p elif b.kind == "figure" %}')
    tag(document, "{{ b.image }}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    tag(document, "{{ b.caption }}", "Caption")
    tag(document, "{%p endif %}")
    tag(document, "{%p endfor %}")
    signature = tag(document, "{{ letterhead.signature }}")
    signature.paragraph_format.space_before = Pt(24)
    signature.runs[0].bold = True


def annex_table(document, name: str, rows: str, columns: int, cells: list[str], empty: str) -> None:
    tag(document, f"{{%p if {name}.{rows} %}}")
    table = document.add_table(rows=4, cols=columns)
    table.style = document.styles["Table Grid"]
    columns = "not_columns" if rows == "not_rows" else "columns"
    for n, cell in enumerate(table.rows[0].cells):
        cell.paragraphs[0].style = document.styles["Tabeltekst"]
        cell.paragraphs[0].add_run(f"{{{{ {name}.{columns}[{n}] }}}}").bold = True
    table.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr for row in {name}.{rows} %}}")
    for cell, expression in zip(table.rows[2].cells, cells, strict=True):
        cell.paragraphs[0].style = document.styles["Tabeltekst"]
        cell.paragraphs[0].add_run(f"{{{{ row.{expression} }}}}")
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    # The header row repeats on every page the table runs over.
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
    tag(document, "{%p else %}")
    tag(document, f"{{{{ {name}.{empty} }}}}")
    tag(document, "{%p endif %}")


def annexes(document) -> None:
    document.add_page_break()
    tag(document, "{{ annex1.title }}", "Heading 1")
    tag(document, "{{ annex1.intro }}")
    annex_table(document, "annex1", "rows", 6,
                ["operation", "location", "personnel", "partners", "role", "source_text"], "empty")
    tag(document, "{{ annex1.not_title }}", "Heading 2")
    annex_table(document, "annex1", "not_rows", 4, ["operation", "last_year", "location", "source_text"], "not_empty")
    document.add_page_break()
    tag(document, "{{ annex2.title }}", "Heading 1")
    tag(document, "{{ annex2.intro }}")
    annex_table(document, "annex2", "rows", 7,
                ["project", "partners", "form", "status", "next_milestone", "change", "source_text"], "empty")


def footnotes_part(document) -> None:
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, FOOTNOTES_XML.encode("utf-8"),
                document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def build(target: Path = TEMPLATE) -> Path:
    document = Document()
    styles(document)
    header_and_footer(document)
    # The default template starts with one empty paragraph; the letterhead comes first.
    for paragraph in document.paragraphs:
        document.element.body.remove(paragraph._p)
    letterhead(document)
    body(document)
    annexes(document)
    footnotes_part(document)
    document.core_properties.title = "Rapportage internationale militaire samenwerking"
    document.core_properties.author = "Ministerie van Defensie"
    document.save(target)
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE))
