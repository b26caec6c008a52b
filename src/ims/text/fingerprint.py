"""The identity of a text regardless of the file it came in: the same letter as PDF, as Word and as plain text
gives the same fingerprint, although line breaks, hyphenation at line ends, spacing and punctuation differ, and
although a PDF repeats a running header or footer (the Kamerstuk line, "Pagina 2 van 3", a page number) on every
page: the fingerprint is taken of the text as :func:`ims.text.clean.clean_text` leaves it, without that furniture.

Pure Python, no Django.
"""

from __future__ import annotations

import hashlib
import unicodedata

from ims.text.clean import clean_text


def normalised_text(text: str) -> str:
    """Only the letters and digits of ``text`` without its page furniture, case-folded and in Unicode's
    compatibility form: what survives every way of laying a letter out."""
    folded = unicodedata.normalize("NFKC", clean_text(text).text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def text_fingerprint(text: str) -> str:
    """SHA-256 of the normalised text; the empty string for a text without letters or digits."""
    normal = normalised_text(text)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest() if normal else ""
