"""The identity of a text regardless of the file it came in: the same letter as PDF, as Word and as plain text
gives the same fingerprint, although line breaks, hyphenation at line ends, spacing and punctuation differ.

Pure Python, no Django.
"""

from __future__ import annotations

import hashlib
import unicodedata


def normalised_text(text: str) -> str:
    """Only the letters and digits of ``text``, case-folded and in Unicode's compatibility form: what survives
    every way of laying a letter out."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def text_fingerprint(text: str) -> str:
    """SHA-256 of the normalised text; the empty string for a text without letters or digits."""
    normal = normalised_text(text)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest() if normal else ""
