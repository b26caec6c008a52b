"""Read a document file (.txt, .pdf, .html, .docx) into one string of text.

The text returned is the reference for every evidence offset: for .txt it is exactly what
``open(path, encoding="utf-8").read()`` gives (universal newlines, nothing else changed), so offsets
agree with the gold files; for the other formats it is the extracted text layer.

Every failure is reported as one :class:`DocumentError` with a one-line message; nothing else escapes.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ims.text.properties import FileProperties, docx_properties, html_properties, pdf_properties

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".pdf", ".html", ".htm", ".docx")

# Control characters that never occur in real text; a file full of them is not a text document.
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])
# Elements of a web page that are never the article itself.
_HTML_NOISE = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg")
_HTML_MAIN = ("article", "main", "[role=main]", "#broodtekst", "#content", ".content", "#main")
_HTML_BLOCKS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section", "table", "dd", "dt",
)


class DocumentError(Exception):
    """A document cannot be read: empty, junk, encrypted, broken, too large or of an unsupported type.

    ``str(error)`` is a single line fit to show to a user.
    """

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))

    @property
    def message(self) -> str:
        return str(self)


@dataclass(frozen=True)
class RawDocument:
    """The text of one document as read, before any cleaning.

    ``page_starts`` holds the offset at which each page begins (only for paged formats; ``(0,)``
    otherwise). ``warnings`` records anything the reader had to guess, such as a fallback encoding.
    ``properties`` is what the file says about itself besides its text (a web page's publication date,
    a DOCX or PDF file's creation date), which dates a document whose text does not.
    """

    name: str
    text: str
    kind: str
    page_starts: tuple[int, ...] = (0,)
    warnings: tuple[str, ...] = field(default=())
    encoding: str | None = None
    properties: FileProperties = field(default_factory=FileProperties)

    def page_of(self, offset: int) -> int:
        """The 1-based page number holding ``offset``."""
        page = 1
        for number, start in enumerate(self.page_starts, 1):
            if start > offset:
                break
            page = number
        return page


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read ``path`` into a :class:`RawDocument`; raise :class:`DocumentError` on any failure."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"{path.name}: unsupported file type {suffix or '(none)'!r}; "
            f"expected one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(f"{path.name}: file is {size} bytes, over the limit of {max_bytes} bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path.name}: cannot read the file ({exc.strerror or exc})") from exc
    if not data or data.isspace():  # not data.strip(): that copies the whole file to test it
        raise DocumentError(f"{path.name}: the file is empty")
    reader = {
        ".txt": _read_txt,
        ".pdf": _read_pdf,
        ".html": _read_html,
        ".htm": _read_html,
        ".docx": _read_docx,
    }[suffix]
    try:
        document = reader(path.name, data)
    except DocumentError:
        raise
    except Exception as exc:  # a reader library failing in any way is a broken file, never a crash
        raise DocumentError(f"{path.name}: cannot read the {suffix[1:]} file ({type(exc).__name__})") from exc
    if not document.text or document.text.isspace():
        raise DocumentError(f"{path.name}: the document holds no text")
    return document


def _looks_binary(data: bytes) -> bool:
    """True when the bytes hold NULs or many control characters: binary junk, not a letter."""
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # bytes.translate runs in C
    return control > max(8, len(sample) // 100)


def _universal_newlines(text: str) -> str:
    # The same translation as open(..., newline=None), so offsets match a plain open().read().
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _read_txt(name: str, data: bytes) -> RawDocument:
    if _looks_binary(data):
        raise DocumentError(f"{name}: binary data, not a text document")
    warnings: tuple[str, ...] = ()
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError as exc:
            raise DocumentError(f"{name}: the text is neither UTF-8 nor Windows-1252") from exc
        warnings = (f"{name}: not valid UTF-8; read as Windows-1252 (cp1252), offsets refer to that text",)
    return RawDocument(name, _universal_newlines(text), "txt", warnings=warnings, encoding=encoding)


def _read_pdf(name: str, data: bytes) -> RawDocument:
    if not data.lstrip().startswith(b"%PDF"):
        raise DocumentError(f"{name}: not a PDF file (no %PDF header)")
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{name}: the PDF is encrypted with a password")
    except DocumentError:
        raise
    except Exception as exc:
        raise DocumentError(f"{name}: broken PDF ({type(exc).__name__})") from exc
    try:
        text = extract_text(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise DocumentError(f"{name}: the PDF is encrypted with a password") from exc
    text = _universal_newlines(text)
    # pdfminer ends every page with a form feed: the page starts follow from them.
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\f"]
    if starts[-1] >= len(text) and len(starts) > 1:
        starts.pop()
    return RawDocument(name, text, "pdf", page_starts=tuple(starts), properties=pdf_properties(reader))


def _read_html(name: str, data: bytes) -> RawDocument:
    from bs4 import BeautifulSoup

    markup, encoding, warnings = _decode_html(name, data)
    # A str, never bytes: given bytes, BeautifulSoup guesses an encoding, and the guess depends on which
    # detector package happens to be installed.
    soup = BeautifulSoup(markup, "lxml")
    root = _main_element(soup) or soup.body or soup
    lines = (" ".join(line.split()) for line in _block_text(root).splitlines())
    text = "\n".join(_squeeze_blank(lines)).strip("\n") + "\n"
    return RawDocument(
        name, text, "html", warnings=warnings, encoding=encoding, properties=html_properties(soup)
    )


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Where a page may declare its charset: a <meta charset> or http-equiv Content-Type in the head, or an XML
# declaration. Both are ASCII, so they can be looked for in the bytes before anything is decoded.
_HEAD_BYTES = 65536
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# Labels that browsers read as another encoding than their name says (WHATWG Encoding Standard): pages
# that say Latin-1 or ASCII are in practice Windows-1252, and a UTF-16 label in ASCII bytes is wrong.
_LABEL_MEANS = {"latin1": "cp1252", "iso88591": "cp1252", "ascii": "cp1252", "usascii": "cp1252",
                "utf16": "utf-8", "utf16le": "utf-8", "utf16be": "utf-8"}  # fmt: skip


def _decode_html(name: str, data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """The page's markup as text, the encoding it was read in, and warnings: the byte order mark or the
    charset the page declares, else strict UTF-8, else Windows-1252 with a warning (as for .txt). Never a
    guess from the bytes' statistics, so the same file always reads the same."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            markup = data.decode(encoding, errors="replace")
            if _looks_binary(markup.encode("utf-8")):
                raise DocumentError(f"{name}: binary data, not an HTML page")
            return markup, encoding.removesuffix("-sig"), ()
    if _looks_binary(data):
        raise DocumentError(f"{name}: binary data, not an HTML page")
    declared, warnings = _declared_encoding(name, data[:_HEAD_BYTES])
    if declared:
        try:
            return data.decode(declared), declared, ()
        except UnicodeError:
            warnings = (f"{name}: not valid {declared} although the page declares it",)
    for encoding in ("utf-8", "cp1252"):
        try:
            markup = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp1252":
            warnings = (*warnings, f"{name}: not valid UTF-8; read as Windows-1252 (cp1252)")
        return markup, encoding, warnings
    if declared:  # as a browser would: the declared encoding, with what does not fit replaced
        return data.decode(declared, errors="replace"), declared, (*warnings, f"{name}: undecodable bytes replaced")
    raise DocumentError(f"{name}: the page declares no charset and is neither UTF-8 nor Windows-1252")


def _declared_encoding(name: str, head: bytes) -> tuple[str | None, tuple[str, ...]]:
    """The Python codec for the charset the page declares, or None (with a warning if it names none known)."""
    found = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not found:
        return None, ()
    label = found.group(1).decode("ascii").lower()
    try:
        encoding = codecs.lookup(_LABEL_MEANS.get(re.sub(r"[^a-z0-9]", "", label), label)).name
        b"".decode(encoding)  # refuses codecs that are not text encodings ("hex", "base64")
        return encoding, ()
    except LookupError:
        return None, (f"{name}: the page declares an unknown charset {label!r}; it was ignored",)


# The page is read without changing its tree: bs4's insert_before(), insert_after() and decompose() each
# look the element up among its siblings, which made a page of some thousands of paragraphs, list items or
# table rows take minutes (quadratic time).
_NOISE_TAGS = frozenset(_HTML_NOISE)
_BLOCK_TAGS = frozenset(_HTML_BLOCKS)


def _in_noise(tag) -> bool:
    return tag.name in _NOISE_TAGS or any(parent.name in _NOISE_TAGS for parent in tag.parents)


def _main_element(soup):
    """The first element the article selectors find outside the page's noise (menus, scripts...)."""
    for selector in _HTML_MAIN:
        found = next((tag for tag in soup.css.iselect(selector) if not _in_noise(tag)), None)
        if found is not None:
            return found
    return None


def _block_text(root) -> str:
    """The text under ``root`` as get_text() reads it, a line break around each block, noise left out."""
    from bs4.element import CData, NavigableString, Tag

    parts: list[str] = []
    # A stack of child iterators instead of recursion: deeply nested markup must not hit the recursion limit.
    stack = [(iter(root.contents), False)]
    while stack:
        children, block = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            if block:
                parts.append("\n")
        elif isinstance(node, Tag):
            if node.name not in _NOISE_TAGS:
                block = node.name in _BLOCK_TAGS
                if block:
                    parts.append("\n")
                stack.append((iter(node.contents), block))
        elif type(node) in (NavigableString, CData):  # not comments, doctypes, processing instructions
            parts.append(str(node))
    return "".join(parts)


def _squeeze_blank(lines):
    """Keep one empty line between blocks: the structure the cleaner and sentence splitter expect."""
    blank = True
    for line in lines:
        if line:
            blank = False
            yield line
        elif not blank:
            blank = True
            yield ""


def _read_docx(name: str, data: bytes) -> RawDocument:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text.strip() for cell in row.cells))
    text = "\n".join(_squeeze_blank(part.strip() for part in "\n".join(parts).split("\n")))
    return RawDocument(name, text.strip("\n") + "\n", "docx", properties=docx_properties(document))
