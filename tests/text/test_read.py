"""Reading documents: the text each format yields, and one clear DocumentError for every bad input."""

from __future__ import annotations

import io

import docx
import pytest
from pypdf import PdfWriter

from ims.text.read import DocumentError, read_document

LETTER = "Geachte voorzitter,\r\nHierbij stuur ik u de brief over Polen.\r\n"


def test_txt_gives_exactly_what_a_plain_open_gives(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_bytes(LETTER.encode("utf-8"))
    doc = read_document(path)
    assert doc.text == open(path, encoding="utf-8").read()  # noqa: SIM115 - the reference behaviour
    assert doc.kind == "txt" and doc.encoding == "utf-8" and doc.warnings == ()


def test_txt_in_windows_1252_is_read_with_a_warning(tmp_path):
    path = tmp_path / "oud.txt"
    path.write_bytes("Overleg met België over het café".encode("cp1252"))
    doc = read_document(path)
    assert doc.text == "Overleg met België over het café"
    assert doc.encoding == "cp1252"
    assert "cp1252" in doc.warnings[0]


def test_empty_file_is_refused(tmp_path):
    (tmp_path / "leeg.txt").write_bytes(b"")
    (tmp_path / "wit.txt").write_bytes(b"  \n \n")
    for name in ("leeg.txt", "wit.txt"):
        with pytest.raises(DocumentError, match="empty"):
            read_document(tmp_path / name)


def test_binary_junk_is_refused(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(DocumentError, match="binary"):
        read_document(path)


def test_text_that_is_neither_utf8_nor_cp1252_is_refused(tmp_path):
    path = tmp_path / "kapot.txt"
    path.write_bytes(b"tekst met \x81\x8d\x8f\x90 bytes die nergens voor staan")
    with pytest.raises(DocumentError, match="neither UTF-8 nor Windows-1252"):
        read_document(path)


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "groot.txt"
    path.write_text("woord " * 1000, encoding="utf-8")
    with pytest.raises(DocumentError, match="over the limit"):
        read_document(path, max_bytes=1000)
    assert read_document(path, max_bytes=10_000).text.startswith("woord")


def test_unsupported_type_is_refused(tmp_path):
    path = tmp_path / "tabel.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(DocumentError, match="unsupported file type"):
        read_document(path)


def test_missing_file_and_directory_are_refused(tmp_path):
    with pytest.raises(DocumentError, match="cannot read"):
        read_document(tmp_path / "bestaat-niet.txt")
    (tmp_path / "map.txt").mkdir()
    with pytest.raises(DocumentError):
        read_document(tmp_path / "map.txt")


def test_encrypted_pdf_is_refused(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("geheim")
    path = tmp_path / "versleuteld.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(DocumentError, match="encrypted"):
        read_document(path)


def test_broken_pdf_and_fake_pdf_are_refused(tmp_path):
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> trailer")
    (tmp_path / "nep.pdf").write_bytes(b"dit is geen pdf maar gewone tekst")
    for name in ("kapot.pdf", "nep.pdf"):
        with pytest.raises(DocumentError):
            read_document(tmp_path / name)


def test_pdf_without_text_layer_is_refused(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(DocumentError, match="no text"):
        read_document(path)


def test_pdf_text_keeps_its_pages(tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    html = (
        "<p>Eerste pagina over Canada.</p><p style='break-before: page'>Tweede pagina over Japan.</p>"
        "<p style='break-before: page'>Derde pagina over Chili.</p>"
    )
    path = tmp_path / "drie.pdf"
    weasyprint.HTML(string=html).write_pdf(path)
    doc = read_document(path)
    assert doc.kind == "pdf" and len(doc.page_starts) == 3
    assert "Japan" in doc.text[doc.page_starts[1] : doc.page_starts[2]]
    assert doc.page_of(doc.text.index("Chili")) == 3


def test_html_keeps_the_article_and_drops_page_furniture(tmp_path):
    page = """<html><head><title>t</title><script>var x = 'script';</script></head><body>
      <header>Rijksoverheid kop</header><nav><a href='/'>Menu</a></nav>
      <article><h1>Kamerbrief over Estland</h1><p>De samenwerking met Estland groeit.</p></article>
      <footer>Voettekst</footer></body></html>"""
    path = tmp_path / "pagina.html"
    path.write_text(page, encoding="utf-8")
    text = read_document(path).text
    assert "Kamerbrief over Estland" in text and "De samenwerking met Estland groeit." in text
    for furniture in ("Rijksoverheid kop", "Menu", "Voettekst", "script"):
        assert furniture not in text


# Words a statistical detector misreads when a page declares nothing: Dutch and Belgian names with
# diacritics, the euro sign, typographic quotes, and a character outside Latin altogether.
WORDS = "Overleg met België over €4,9 miljard – “de toezegging” (AAN춑)"


def _page(head: str, body: str) -> str:
    return f"<!doctype html><html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("head", "encoding"),
    [
        ("", "utf-8"),
        ('<meta charset="utf-8">', "utf-8"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">', "utf-8"),
        ('<meta charset="unknown-label-x">', "utf-8"),  # an unknown label is ignored, not guessed around
    ],
)
def test_html_in_utf8_is_read_exactly_with_or_without_a_declaration(tmp_path, head, encoding):
    path = tmp_path / "pagina.html"
    path.write_bytes(_page(head, WORDS).encode("utf-8"))
    doc = read_document(path)
    assert doc.text == WORDS + "\n" and doc.encoding == encoding
    assert bool(doc.warnings) == ("unknown" in head)


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="windows-1252">',
        '<meta http-equiv="content-type" content="text/html;charset=iso-8859-1">',  # means cp1252 in a browser
        "",
    ],
)
def test_html_in_windows_1252_is_read_exactly_and_warns_only_without_a_declaration(tmp_path, head):
    words = WORDS.replace(" (AAN춑)", "")  # cp1252 has no Hangul
    path = tmp_path / "oud.html"
    path.write_bytes(_page(head, words).encode("cp1252"))
    doc = read_document(path)
    assert doc.text == words + "\n" and doc.encoding == "cp1252"
    if head:
        assert doc.warnings == ()
    else:
        assert "Windows-1252" in doc.warnings[0]


def test_html_declared_in_another_charset_is_read_in_that_charset(tmp_path):
    path = tmp_path / "oost.html"
    path.write_bytes(_page('<meta charset="iso-8859-2">', "Współpraca z Polską").encode("iso-8859-2"))
    assert read_document(path).text == "Współpraca z Polską\n"


@pytest.mark.parametrize(("bom", "encoding"), [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le")])
def test_html_byte_order_mark_decides_over_a_declaration(tmp_path, bom, encoding):
    path = tmp_path / "bom.html"
    path.write_bytes(bom + _page('<meta charset="windows-1252">', WORDS).encode(encoding))
    doc = read_document(path)
    assert doc.text == WORDS + "\n" and doc.warnings == ()


def test_html_that_is_not_what_it_declares_is_read_with_a_warning(tmp_path):
    path = tmp_path / "fout.html"
    path.write_bytes(_page('<meta charset="utf-8">', "Café in België").encode("cp1252"))
    doc = read_document(path)
    assert doc.text == "Café in België\n" and doc.encoding == "cp1252"
    assert any("declares" in warning for warning in doc.warnings)


def test_html_that_is_neither_declared_nor_utf8_nor_cp1252_is_refused(tmp_path):
    path = tmp_path / "kapot.html"
    path.write_bytes(_page("", "tekst met \x81\x8d bytes").encode("latin-1"))
    with pytest.raises(DocumentError, match="neither UTF-8 nor Windows-1252"):
        read_document(path)


def test_docx_paragraphs_are_read(tmp_path):
    document = docx.Document()
    document.add_paragraph("Samenwerking met Zweden")
    document.add_paragraph("Zweden en Nederland oefenen samen in het noorden.")
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "brief.docx"
    path.write_bytes(buffer.getvalue())
    assert (
        read_document(path).text
        == "Samenwerking met Zweden\nZweden en Nederland oefenen samen in het noorden.\n"
    )


def test_broken_docx_is_refused(tmp_path):
    path = tmp_path / "kapot.docx"
    path.write_bytes(b"PK\x03\x04 dit is geen echt docx-bestand")
    with pytest.raises(DocumentError, match="docx"):
        read_document(path)


def test_error_message_is_one_line(tmp_path):
    path = tmp_path / "leeg.txt"
    path.write_bytes(b"")
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert "\n" not in str(info.value) and str(info.value).startswith("leeg.txt:")
