"""Fuzzing the document readers with mutated files: nothing but a :class:`DocumentError` escapes.

Valid PDFs, .docx files and web pages are built in the test (a hand-made PDF, a WeasyPrint PDF,
python-docx), then bytes are flipped, inserted, deleted, copied or cut off, with half of the edits at
structural places (object headers, stream lengths, zip headers, tags). Budget and profiles: see
``tests/fuzz_profiles.py``.
"""

from __future__ import annotations

import itertools
import re
import time
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ims.text.read import DocumentError, RawDocument, read_document
from tests.fuzz_inputs import (
    check_raw,
    docx_bytes,
    html_page,
    mutate,
    rezip,
    seed_lines,
    simple_pdf,
    weasy_pdf,
)
from tests.fuzz_profiles import fuzz
from tests.fuzz_strategies import byte_edits, edited, fragments, texts

_names = itertools.count()
pytestmark = pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-read")


def read(folder: Path, data: bytes, suffix: str) -> RawDocument | None:
    """Read ``data`` as a file of type ``suffix``: the document, or None for a DocumentError."""
    path = folder / f"doc{next(_names)}{suffix}"
    path.write_bytes(data)
    try:
        document = read_document(path)
    except DocumentError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    finally:
        path.unlink()
    check_raw(document)
    return document


lines = st.lists(st.one_of(st.sampled_from(seed_lines()), fragments()), min_size=1, max_size=30)
pages = st.lists(lines, min_size=1, max_size=3)


@fuzz(share=2.8, ms_per_example=10.7)
@given(pages, st.data())
def test_mutated_pdf_gives_text_or_a_document_error(
    folder: Path, content: list[list[str]], data: st.DataObject
) -> None:
    pdf = simple_pdf(content)
    read(folder, mutate(pdf, data.draw(byte_edits(pdf))), ".pdf")


@fuzz(share=1.8, ms_per_example=41)
@given(st.booleans(), st.data())
def test_mutated_real_pdf_gives_text_or_a_document_error(folder: Path, compressed: bool, data: st.DataObject) -> None:
    pdf = weasy_pdf(compressed)
    read(folder, mutate(pdf, data.draw(byte_edits(pdf, max_edits=3))), ".pdf")


_ASCII_WORDS = re.compile(r"[A-Za-z]{3,}")


@fuzz(share=0.6, ms_per_example=7.9)
@given(pages)
def test_an_intact_pdf_gives_back_its_words(folder: Path, content: list[list[str]]) -> None:
    document = read(folder, simple_pdf(content), ".pdf")
    if document is None:  # only when no line holds any text: "the document holds no text"
        assert not "".join(line for page in content for line in page).encode("cp1252", "replace").strip()
        return
    assert len(document.page_starts) == len(content)
    words = " ".join(document.text.split())
    for page in content:
        for line in page:
            for word in _ASCII_WORDS.findall(line):
                assert word in words


@fuzz(share=1.4, ms_per_example=19)
@given(st.lists(texts(max_len=300), min_size=1, max_size=6), st.data())
def test_mutated_docx_gives_text_or_a_document_error(folder: Path, paragraphs: list[str], data: st.DataObject) -> None:
    original = docx_bytes(paragraphs, rows=[paragraphs[:2]])
    read(folder, mutate(original, data.draw(byte_edits(original, max_edits=3))), ".docx")


@fuzz(share=1.1, ms_per_example=22)
@given(st.lists(texts(max_len=300), min_size=1, max_size=4), st.data())
def test_docx_with_broken_xml_gives_text_or_a_document_error(
    folder: Path, paragraphs: list[str], data: st.DataObject
) -> None:
    # Byte edits of a zip mostly break its checksums; editing the XML inside and zipping it up again
    # gets past the zip layer into python-docx.
    original = docx_bytes(paragraphs)
    with zipfile.ZipFile(BytesIO(original)) as archive:
        xml = archive.read("word/document.xml")
        names = archive.namelist()
    member = data.draw(st.sampled_from(["word/document.xml", *names]))
    if data.draw(st.booleans()):
        edit = {member: mutate(xml if member == "word/document.xml" else b"<x/>", data.draw(byte_edits(xml)))}
    else:
        edit = {member: None}
    read(folder, rezip(original, edit), ".docx")


@fuzz(share=1.1, ms_per_example=11.2)
@given(texts(max_len=2000), st.booleans(), st.data())
def test_mutated_web_page_gives_text_or_a_document_error(
    folder: Path, text: str, main: bool, data: st.DataObject
) -> None:
    paragraphs = text.split("\n\n")
    page = html_page(text[:40], paragraphs, main=main)
    intact = read(folder, page, ".html")
    if intact is not None:  # the page's own words come out, tags do not
        words = " ".join(intact.text.split())
        assert "<p>" not in words or "<p>" in text
        for paragraph in paragraphs:
            for word in _ASCII_WORDS.findall(paragraph):
                assert word in words
    read(folder, mutate(page, data.draw(byte_edits(page))), data.draw(st.sampled_from((".html", ".htm"))))


@fuzz(share=0.7, ms_per_example=2.7)
@given(
    st.one_of(
        st.binary(max_size=2000),
        edited(texts()).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.sampled_from((b"%PDF-", b"PK\x03\x04", b"<html>")).flatmap(lambda head: st.binary().map(head.__add__)),
    ),
    st.sampled_from((".txt", ".pdf", ".html", ".docx", ".TXT", ".Pdf", ".doc", "")),
)
def test_any_bytes_as_any_type_give_text_or_a_document_error(folder: Path, data: bytes, suffix: str) -> None:
    document = read(folder, data, suffix)
    if document is not None and suffix.lower() == ".txt":
        assert "\r" not in document.text  # universal newlines, as a plain open() reads it


# ---------------------------------------------------------------- what the fuzzing found, kept as examples


@pytest.mark.parametrize(
    "page",
    [
        b"<main>" + b"<p>Een alinea.</p>" * 12_000 + b"</main>",  # siblings: each one looked up in all, 30 s
        b"<body>" + b"<nav>menu</nav><br>" * 12_000 + b"<p>Slot.</p></body>",
        b"<body>" + b"<div>" * 20_000 + b"Diep." + b"</div>" * 20_000 + b"</body>",  # no recursion limit
    ],
    ids=["paragraphs", "menus", "nesting"],
)
def test_a_page_of_thousands_of_blocks_reads_in_linear_time(folder: Path, page: bytes) -> None:
    started = time.perf_counter()
    document = read(folder, page, ".html")
    assert document is not None and "menu" not in document.text
    assert time.perf_counter() - started < 10  # seconds: 1 or 2 now
