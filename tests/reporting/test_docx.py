"""The Word report, opened again with python-docx: headings in the report's order, annex tables equal to the
register, real footnotes, and the page number and classification in the header and footer."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from ims.core.classification import Classification
from ims.register.models import Contribution, Initiative
from ims.reporting.builder import build_report
from ims.reporting.render import render
from tests.db import in_db

pytestmark = pytest.mark.django_db


def open_docx(content: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(content))


def body_order(document) -> list[tuple[str, str]]:
    """The body's paragraphs and tables in order: ("h1", text), ("h2", text), ("p", text) or ("table", first cell)."""
    out = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = docx.text.paragraph.Paragraph(child, document)
            style = paragraph.style.name
            kind = {"Heading 1": "h1", "Heading 2": "h2"}.get(style, "p")
            out.append((kind, paragraph.text))
        elif child.tag == qn("w:tbl"):
            table = docx.table.Table(child, document)
            out.append(("table", table.rows[0].cells[0].text))
    return out


def annex_tables(document) -> dict[str, docx.table.Table]:
    """The annex tables by the heading above them: 'bijlage1', 'niet' and 'bijlage2'."""
    found, current = {}, None
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = docx.text.paragraph.Paragraph(child, document).text
            if text.startswith("Bijlage 1"):
                current = "bijlage1"
            elif text.startswith("Operaties en verbanden waaraan"):
                current = "niet"
            elif text.startswith("Bijlage 2"):
                current = "bijlage2"
        elif child.tag == qn("w:tbl") and current and current not in found:
            found[current] = docx.table.Table(child, document)
    return found


def column(table, n: int = 0) -> list[str]:
    return [row.cells[n].text for row in table.rows[1:]]


def test_headings_follow_the_reports_order(small_register):
    document = open_docx(render(build_report(year=2019, level=0), "docx"))
    order = body_order(document)
    assert order[0][0] == "table" and "Onze referentie" in document.tables[0].rows[0].cells[1].text
    assert any(kind == "p" and text.startswith("Betreft") for kind, text in order[:3])
    headings = [text for kind, text in order if kind == "h1"]
    # Ring order: the strategic partners at the end of 2019, alphabetically; France is only affiliated.
    assert headings == [
        "Inleiding", "België", "Duitsland", "Noorwegen", "Europese Unie", "NAVO", "Verenigde Naties",
        "Toezeggingen aan de Kamer", "Wijzigingen sinds de vorige rapportage",
        "Bijlage 1: bijdragen aan operaties en operationele verbanden in 2019",
        "Bijlage 2: stand van zaken bi- en multinationale projecten (2019)",
    ]
    positions = {text: n for n, (kind, text) in enumerate(order) if kind == "h1"}
    assert positions["Inleiding"] > 0  # the letterhead comes first


def test_demo_register_has_a_section_per_strategic_partner_in_ring_order(shared_dir):
    from ims.register.demo import demo_load
    from ims.register.reference import reference_load

    reference_load()
    demo_load(seeds_dir=shared_dir / "seeds")
    document = open_docx(render(build_report(year=2019, level=0), "docx"))
    headings = [text for kind, text in body_order(document) if kind == "h1"]
    partners = headings[1:headings.index("Europese Unie")]
    assert partners == ["België", "Duitsland", "Frankrijk", "Luxemburg", "Noorwegen", "Verenigd Koninkrijk",
                        "Verenigde Staten"]
    # Every partner section says something: a fact with its source, or that there is nothing to report.
    order = body_order(document)
    for name in partners:
        start = order.index(("h1", name))
        assert order[start + 1][0] == "p" and order[start + 1][1]
    footnotes = zipfile.ZipFile(io.BytesIO(render(build_report(year=2019, level=0), "docx"))).read(
        "word/footnotes.xml").decode()
    assert "BS2019021031" in footnotes and "Kamerstuk 33 279, nr. 3" in footnotes


@pytest.mark.parametrize("level", [Classification.UNCLASSIFIED, Classification.CONFIDENTIAL])
def test_annex_tables_equal_the_register_at_that_level(small_register, level):
    document = open_docx(render(build_report(year=2019, level=int(level)), "docx"))
    tables = annex_tables(document)
    expected_operations = set(in_db(Contribution).filter(year=2019, classification__lte=level)
                              .values_list("operation", flat=True))
    assert set(column(tables["bijlage1"])) == expected_operations
    assert ("Operatie Zeeslang" in expected_operations) == (level >= Classification.CONFIDENTIAL)
    assert column(tables["niet"]) == ["ISAF"]
    assert column(tables["niet"], 1) == ["2012"]
    # Projects: beyond the idea stage, not ended before 2019, with a partner besides the Netherlands.
    expected_projects = {"Gezamenlijke marinestaf", "Opleiding tankbemanningen", "Luchtverdediging in NAVO-verband"}
    if level >= Classification.CONFIDENTIAL:
        expected_projects.add("Project Zeeleeuw")
    assert set(column(tables["bijlage2"])) == expected_projects
    assert expected_projects == set(
        in_db(Initiative).filter(classification__lte=level).exclude(status="idea")
        .exclude(actual_end__lt="2019-01-01").exclude(title="Nationale opleiding").values_list("title", flat=True))
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in tables["bijlage2"].rows[1:]}
    assert rows["Opleiding tankbemanningen"][1:5] == ["Duitsland (lead)", "pooling", "voorbereiding",
                                                      "Eerste lichting opgeleid (1 juni 2020)"]


def test_sources_are_word_footnotes_and_pages_are_numbered(small_register):
    content = render(build_report(year=2019, level=0), "docx")
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        body = z.read("word/document.xml").decode()
        footnotes = z.read("word/footnotes.xml").decode()
        footer = " ".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
        header = " ".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))
    references = body.count("<w:footnoteReference ")
    assert references >= 3
    assert footnotes.count("<w:footnote w:id=") == references  # one footnote per reference, ids 1..n
    assert "Kamerstuk 35 000 X, nr. 12, p. 1" in footnotes
    assert " PAGE " in footer and " NUMPAGES " in footer and "Pagina" in footer
    assert "Ongerubriceerd" in footer and "Ongerubriceerd" in header
    assert "{{" not in body and "{%" not in body  # every template tag was filled in
