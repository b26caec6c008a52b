"""What a file says about itself: a web page's publication date and address, a DOCX or PDF file's creation
date. Real files are written and read back; the pipeline dates a document without a date in its text by
them."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from pypdf import PdfWriter

from ims.extract.pipeline import extract_path
from ims.text.dates import PartialDate
from ims.text.properties import FileProperties, address_date, iso_date
from ims.text.read import read_document

ARTICLE = "<article><h1>Mariniers oefenen in Noorwegen</h1><p>De oefening duurt drie weken.</p></article>"


def _page(head: str, body: str = ARTICLE) -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_a_web_page_states_its_publication_date_in_its_markup(tmp_path):
    path = tmp_path / "bericht.html"
    path.write_text(
        _page(
            "<meta name='date' content='2031-01-01'>"
            "<meta property='article:published_time' content='2031-03-04T08:15:00+01:00'>"
        ),
        encoding="utf-8",
    )
    # The most specific declaration wins over a generic "date".
    assert read_document(path).properties.published == PartialDate(2031, 3, 4)


def test_a_time_element_dates_a_page_without_meta_tags(tmp_path):
    path = tmp_path / "bericht.html"
    path.write_text(_page("", ARTICLE + "<time datetime='2031-05-06'>6 mei</time>"), encoding="utf-8")
    assert read_document(path).properties.published == PartialDate(2031, 5, 6)


def test_the_address_of_a_page_and_the_date_in_it(tmp_path):
    path = tmp_path / "bericht.html"
    path.write_text(_page("<link rel='canonical' href='https://example.org/nieuws/2030/11/02/oefening'>"), "utf-8")
    document = read_document(path)
    assert document.properties == FileProperties(address="https://example.org/nieuws/2030/11/02/oefening")
    assert extract_path(path).meta.date == PartialDate(2030, 11, 2)


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://example.org/a/2030/11/02/titel-123", "2030-11-02"),
        ("https://example.org/a/20301102/titel", "2030-11-02"),
        ("https://example.org/2030-11-bericht", "2030-11"),
        ("https://example.org/trb-2030-7.html", "2030"),
        ("https://example.org/artikel/2420252-titel", None),  # an article number, not a date
        ("https://example.org/zoek?datum=2030-01-01", None),  # the query is no part of the address's path
        (None, None),
    ],
)
def test_dates_in_addresses(address, expected):
    found = address_date(address)
    assert (found.iso() if found else None) == expected


def test_iso_values_at_their_precision():
    assert iso_date("2031-03-04T08:15:00Z") == PartialDate(2031, 3, 4)
    assert iso_date("2031-03") == PartialDate(2031, 3)
    assert iso_date("2031-13-40") is None
    assert iso_date("morgen") is None


def test_a_docx_file_is_dated_by_its_core_properties(tmp_path):
    document = docx.Document()
    document.add_paragraph("Oefening met Noorwegen")
    document.core_properties.author = "Directie Internationale Zaken"
    document.core_properties.created = dt.datetime(2031, 2, 17, 9, 30)
    path = tmp_path / "brief.docx"
    document.save(path)
    assert read_document(path).properties.created == PartialDate(2031, 2, 17)
    assert extract_path(path).meta.date == PartialDate(2031, 2, 17)


def test_the_template_date_python_docx_writes_says_nothing(tmp_path):
    document = docx.Document()  # carries the library's own template properties, dated 2013
    document.add_paragraph("Oefening met Noorwegen")
    path = tmp_path / "brief.docx"
    document.save(path)
    assert read_document(path).properties == FileProperties()


def test_a_pdf_is_dated_by_its_creation_date(tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    path = tmp_path / "brief.pdf"
    weasyprint.HTML(string="<p>Oefening met Noorwegen.</p>").write_pdf(path)
    writer = PdfWriter(clone_from=path)
    writer.add_metadata({"/CreationDate": "D:20310409120000+02'00'"})
    with path.open("wb") as fh:
        writer.write(fh)
    assert read_document(path).properties.created == PartialDate(2031, 4, 9)


def test_the_text_date_comes_before_the_files(tmp_path):
    document = docx.Document()
    document.add_paragraph("Den Haag, 3 februari 2031")
    document.add_paragraph("Hierbij bericht ik u over de oefening.")
    document.core_properties.author = "Directie Internationale Zaken"
    document.core_properties.created = dt.datetime(2031, 1, 20)
    path = tmp_path / "brief.docx"
    document.save(path)
    assert extract_path(path).meta.date == PartialDate(2031, 2, 3)
