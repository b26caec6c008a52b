"""What the fuzzers feed the pipeline, and the properties they check, shared by Hypothesis and atheris.

Plain Python (no Hypothesis): ``fuzz/`` imports it too. Seed letters are read at run time from the
shared folder; without it a few sentences written for the fuzzers stand in, so the fuzz tests still run.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = Path(os.environ.get("IMS_SHARED_DIR", ROOT.parent / "shared"))

# Stand-ins for the seed letters, in the letters' register but our own words.
_FALLBACK = (
    "Onze referentie\nAB2030001234\nDatum 3 maart 2030\n\nBetreft Samenwerking met buurlanden\n\n"
    "Nederland en Duitsland tekenden op 12 februari jl. een intentieverklaring (LOI) over de\n"
    "gezamenlijke aanschaf van 24 pantser-\nvoertuigen. Het budget bedraagt €1,2 miljard, ongeveer\n"
    "0,95% van het bbp in 2029.\n\nPagina 1 van 2\n\nDe minister van Defensie,\n\nA.B. de Vries\n",
)


@lru_cache(maxsize=1)
def seed_texts() -> tuple[str, ...]:
    """The seed letters as text (or the stand-ins)."""
    paths = sorted((SHARED_DIR / "seeds").glob("*.txt"))
    texts = tuple(path.read_text(encoding="utf-8") for path in paths)
    return texts or _FALLBACK


@lru_cache(maxsize=1)
def seed_lines() -> tuple[str, ...]:
    """Every distinct non-blank line of the seeds, with its layout spaces (cleaning cares about them)."""
    lines = {line for text in seed_texts() for line in text.split("\n") if line.strip()}
    return tuple(sorted(lines))


@lru_cache(maxsize=1)
def seed_words() -> tuple[str, ...]:
    return tuple(sorted({word for line in seed_lines() for word in line.split()}))


# Fragments that steer random text into the parsers' special cases.
TOKENS = (
    "\n", "\n\n", " ", "  ", "\t", "\f", "\r", "\r\n", "\u00a0", "\u00ad", "\u00ad\n", "-\n", "–", "-", ".", ",", ":",
    ";", "(", ")", "«", "»", "“", "”", "'", "’", "/", "\ne\n", "\nste\n", "\n1\n", "\n12 3\n", " " * 24 + "\n",
    "1  Zie de bijlage bij deze brief", "Pagina 2 van 13", "> Retouradres Postbus 1", "Onze referentie",
    "Ons kenmerk", "Datum", "Betreft", "Bij beantwoording graag\nhet kenmerk\nvermelden.\n",
    "Tweede Kamer, vergaderjaar 2029–2030, 36 512, nr. 7", "36 512, nr. 7", "Den Haag, 2 juni 2031",
    "De minister van Defensie,", "A.B. de Vries", "jl.", "j.l.", "jongstleden", "in oktober", "vorig jaar",
    "het afgelopen jaar", "dit jaar", "komend jaar", "begin mei 2019", "21 mei 2019", "1e januari", "2019-05-21",
    "3-4-2022", "2023-2024", "sept.", "mrt", "€", "£", "$", "US$", "EUR", "euro's", "dollars", "pond", "miljard",
    "mln", "mld", "biljoen", "duizend", "procent", "%", "pct", "1.250", "4,9", "1.250,5", "vijfentwintig",
    "tweeëntwintig", "tweehonderd", "ongeveer", "circa", "ca.", "ruim", "zo'n", "MoU", "intentieverklaring",
    "memorandum of understanding", "NAVO", "EU", "Benelux", "Duitsland", "België", "Frankrijk",
    "het Verenigd Koninkrijk", "de Verenigde Staten", "F-35", "Zr.Ms.", "mw.", "nr.",
    # Characters whose case mapping changes length or matches across scripts (ſ~s, K~k, İ~i, ß~ss).
    "ſ", "K", "İ", "ı", "ß", "ﬁ", "Ω", "ǅ", "١٢", "²", "𝟗",
)


# ---------------------------------------------------------------- documents built in the test


def _pdf_string(text: str) -> bytes:
    data = text.encode("cp1252", errors="replace")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def simple_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A small, uncompressed PDF with a standard font: each page a list of lines.

    Built by hand (not with WeasyPrint) because it parses ten times faster and its content streams
    are plain text, so byte mutations land in the operators and strings the text extractor reads.
    """
    pages = [list(lines) for lines in pages] or [[""]]
    n = len(pages)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + 2 * k) for k in range(n)) + b"] /Count %d >>" % n,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for k, lines in enumerate(pages):
        content = b"BT /F1 11 Tf 14 TL 56 780 Td\n" + b"".join(_pdf_string(line) + b" '\n" for line in lines) + b"ET"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (5 + 2 * k)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@lru_cache(maxsize=2)
def weasy_pdf(compressed: bool) -> bytes:
    """A real PDF of a seed excerpt, as the ministry's own tooling would make: embedded fonts, two pages."""
    from weasyprint import HTML

    text = seed_texts()[0][:2500]
    paragraphs = "".join(f"<p>{_escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    page = f"<html><body style='font-size:11pt'>{paragraphs}<p style='break-before:page'>Slot.</p></body></html>"
    return HTML(string=page).write_pdf(uncompressed_pdf=not compressed)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@lru_cache(maxsize=1)
def _docx_template() -> tuple[bytes, bytes, bytes]:
    """An empty .docx from python-docx, split around its body: building one per example is slow."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    data = rezip(buffer.getvalue(), {})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml")
    head, _, tail = xml.partition(b"<w:body>")
    return data, head + b"<w:body>", tail[tail.index(b"<w:sectPr") :]


def _w_paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{_escape(_xml_safe(text))}</w:t></w:r></w:p>'


def docx_bytes(paragraphs: Iterable[str], rows: Sequence[Sequence[str]] = ()) -> bytes:
    """A .docx with these paragraphs (a line break in one is a new paragraph) and, if given, one table."""
    data, head, tail = _docx_template()
    body = "".join(_w_paragraph(line) for paragraph in paragraphs for line in paragraph.split("\n"))
    if rows:
        cells = ("".join(f"<w:tc>{_w_paragraph(cell)}</w:tc>" for cell in row) for row in rows if row)
        body += "<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in cells) + "</w:tbl>"
    return rezip(data, {"word/document.xml": head + body.encode() + tail})


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    # python-docx refuses characters XML cannot hold; the builder is not what is under test.
    return _XML_ILLEGAL.sub("", text)


def rezip(data: bytes, edit: dict[str, bytes | None]) -> bytes:
    """The zip ``data`` with members replaced (bytes), removed (None) or added.

    Every member gets the same fixed time stamp, so that equal contents give equal bytes: Hypothesis
    replays a test's inputs and must get the same file back.
    """
    out = io.BytesIO()
    members: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        for name in source.namelist():
            members[name] = source.read(name)
    for name, body in edit.items():
        members.pop(name, None)
        if body is not None:
            members[name] = body
    with zipfile.ZipFile(out, "w") as target:
        for name, body in members.items():
            target.writestr(zipfile.ZipInfo(name, date_time=(2030, 1, 1, 0, 0, 0)), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def html_page(title: str, paragraphs: Iterable[str], *, main: bool = True) -> bytes:
    body = "".join(f"<p>{_escape(p)}</p>" for p in paragraphs)
    if main:
        body = f"<nav>Menu</nav><main><h1>{_escape(title)}</h1>{body}</main><footer>Voet</footer>"
    return f"<!doctype html><html><head><title>{_escape(title)}</title></head><body>{body}</body></html>".encode()


def mutate(data: bytes, edits: Iterable[tuple[int, int, int, bytes]]) -> bytes:
    """Apply byte edits ``(kind, position, length, payload)``: the mutations both fuzzers share.

    kind 0 flips a bit, 1 inserts, 2 deletes, 3 overwrites, 4 truncates, 5 duplicates a slice.
    Positions wrap around the current length, so any integers make a valid edit.
    """
    buf = bytearray(data)
    for kind, position, length, payload in edits:
        n = len(buf)
        at = position % (n + 1)
        if kind == 0 and n:
            buf[at % n] ^= 1 << (length % 8)
        elif kind == 1:
            buf[at:at] = payload
        elif kind == 2:
            del buf[at : at + length]
        elif kind == 3:
            buf[at : at + len(payload)] = payload
        elif kind == 4:
            del buf[at:]
        elif kind == 5:
            buf[at:at] = buf[at : at + length]
    return bytes(buf)


# ---------------------------------------------------------------- the properties


def check_clean(text: str) -> None:
    """Cleaning maps back inside the original, character for character, in order."""
    from ims.text.clean import clean_text

    clean = clean_text(text)
    assert clean.original == text
    n = len(text)
    mapped = [clean.to_original(k) for k in range(len(clean.text))]
    for k, (ch, at) in enumerate(zip(clean.text, mapped, strict=True)):
        assert 0 <= at < n, (k, at, n)
        # Cleaning only drops, keeps or moves characters; the one change it may make is any space to " ".
        assert text[at] == ch or (ch == " " and text[at].isspace()), (k, ch, text[at])
    assert len(set(mapped)) == len(mapped), "two cleaned characters from one original character"
    end = clean.to_original(len(clean.text))
    assert 0 <= end <= n
    in_order = mapped == sorted(mapped)
    # Without a superscript to move, cleaning keeps the order: spans are plain windows of the original.
    assert in_order or _has_superscript_line(text)
    step = max(1, len(clean.text) // 16)
    for a in range(0, len(clean.text), step):
        for b in (a, a + 1, a + step, len(clean.text)):
            b = min(b, len(clean.text))
            start, stop = clean.span_to_original(a, b)
            assert 0 <= start <= stop <= n, (a, b, start, stop)
            if b > a and in_order:
                assert start == mapped[a] and stop == mapped[b - 1] + 1
                assert _is_subsequence(_squeezed(clean.text[a:b]), _squeezed(text[start:stop]))


_SUPERSCRIPT_LINE = re.compile(r"(?m)^[ \t]*(?:e|ste|de|er)[ \t]*$")


def _has_superscript_line(text: str) -> bool:
    return bool(_SUPERSCRIPT_LINE.search(text))


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def check_facts(text: str, facts: Iterable) -> None:
    """Every fact points inside ``text`` and serialises to JSON."""
    for fact in facts:
        assert 0 <= fact.evidence.start <= fact.evidence.end <= len(text), (fact.evidence, len(text))
        assert fact.evidence.start < fact.evidence.end, fact
        assert 0.0 <= fact.confidence <= 1.0
        json.dumps(fact.to_json())


def check_raw(document) -> None:
    """A document as read: text with something in it, pages in order inside the text."""
    assert isinstance(document.text, str) and document.text.strip()
    starts = document.page_starts
    assert starts[0] == 0 and list(starts) == sorted(set(starts))
    assert all(0 <= s <= len(document.text) for s in starts)
    assert document.page_of(len(document.text)) == len(starts)


def check_meta(meta) -> None:
    """Every metadata field is None or of its type; strings are single trimmed lines."""
    from ims.text.dates import PartialDate

    assert meta.date is None or isinstance(meta.date, PartialDate)
    for value in (meta.reference, meta.kamerstuk, meta.subject, meta.signer):
        assert value is None or (isinstance(value, str) and value.strip() and "\n" not in value)
    assert meta.page_total is None or (isinstance(meta.page_total, int) and meta.page_total >= 0)
