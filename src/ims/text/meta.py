"""Metadata of a letter to Parliament: its date, reference, Kamerstuk number, subject and signer.

Read from the original text (the letterhead is page furniture that cleaning removes). Two layouts are
common: the ministry letter ("Onze referentie XY2030001234", "Datum 3 maart 2030", "Betreft ...") and
the printed Kamerstuk ("Den Haag, 2 juni 2031", "Tweede Kamer, vergaderjaar 2030–2031, 36 123, nr. 4").
A fragment of a longer document may carry none of them; every field is then None.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ims.text.dates import DateError, PartialDate, find_dates

_HEAD = 8000  # the letterhead is on the first page
_TAIL = 3000  # a signature without a "De minister van ..." line is at the end
# Patterns start with a literal word (no "^" anchor) so that the regex engine skips text quickly; that
# the word opens its line is checked afterwards.
_DATE_LINE = re.compile(r"Datum[ \t]+([^\n]{6,40}?)(?:[ \t]{2,}|[ \t]*$|[ \t]+Afschrift)", re.MULTILINE)
_PLACE_DATE = re.compile(
    r"(?:Den Haag|'s-Gravenhage|’s-Gravenhage),[ \t]*([^\n]{6,30}?)[ \t]*$", re.MULTILINE
)
# The date patterns, with words one of which each of their matches holds.
_DATE_PATTERNS = ((_DATE_LINE, ("Datum",)), (_PLACE_DATE, ("Den Haag,", "s-Gravenhage,")))
_REFERENCE = re.compile(
    r"(?:Onze referentie|Ons kenmerk)[ \t]*(?::[ \t]*)?\n?[ \t]*([A-Z]{1,6}[-/]?\d[\d/.-]{4,})"
)
_KAMERSTUK = re.compile(
    r"(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}[–-]\d{4}, (\d{2} \d{3}(?:-[A-Z]+)?), nr\. (\d+)"
)
_KAMERSTUK_PHRASE = " Kamer, vergaderjaar "
_NUMBER_HEAD = re.compile(r"(?m)^[ \t]*(?:Kamerstuk(?:ken)?(?: II)?\s+)?(\d{2} \d{3}),? nr\. (\d+)[ \t]*$")
_SUBJECT = re.compile(r"Betreft[ \t]*:?[ \t]*([^\n]*)$", re.MULTILINE)
_SIGN_ROLE = re.compile(
    r"[Dd]e[ \t]+(?:[Mm]inister|[Ss]taatssecretaris)(?:-president)?[ \t]+van[ \t]+[^\n,]*,?[ \t]*$",
    re.MULTILINE,
)
_PERSON = re.compile(
    r"^(?:(?:Drs|Dr|Mr|Ir|Prof|Ing)\.?[ ]+)*(?:[A-Z][a-z]{0,2}\.[ ]?){1,5}[ ]*"
    r"(?:(?:van|de|der|den|ter|ten)[ ]+)*[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?$"
)
# A page total of more digits is no page total (and would overflow int()'s limit on long digit strings).
_PAGE = re.compile(r"Pagina \d+ van (\d{1,6})(?!\d)")
_NOT_SUBJECT = re.compile(r"Kamer|Staten-Generaal|Postbus|\d{4} ?[A-Z]{2}\b|Den Haag|Binnenhof|Afschrift")


@dataclass(frozen=True)
class DocumentMeta:
    """What a letter says about itself. ``page_total`` comes from "Pagina x van N" footers."""

    date: PartialDate | None = None
    reference: str | None = None
    kamerstuk: str | None = None
    subject: str | None = None
    signer: str | None = None
    page_total: int | None = None


def _opens_line(text: str, pos: int) -> bool:
    """Whether only blanks stand between the start of the line and ``pos``."""
    return not text[text.rfind("\n", 0, pos) + 1 : pos].strip()


def _first_date(text: str) -> PartialDate | None:
    found = find_dates(text)
    return found[0].value if found else None


def _date(head: str) -> PartialDate | None:
    for pattern, words in _DATE_PATTERNS:
        if not any(word in head for word in words):
            continue  # a plain test for the words is far cheaper than a search with the pattern
        for m in pattern.finditer(head):
            if not _opens_line(head, m.start()):
                continue
            value = _first_date(m.group(1))
            if value is not None:
                return value
    return None


def _subject(head: str) -> str | None:
    """The subject after "Betreft"; in column layouts it sits on the line above or below the label."""
    m = next((m for m in _SUBJECT.finditer(head) if _opens_line(head, m.start())), None)
    if not m:
        return None
    if m.group(1).strip():
        return " ".join(m.group(1).split())
    lines_before = [line.strip() for line in head[: m.start()].splitlines() if line.strip()]
    lines_after = [line.strip() for line in head[m.end() :].splitlines() if line.strip()]
    for candidate in lines_before[-1:] + lines_after[:1]:
        if not _NOT_SUBJECT.search(candidate) and not _DATE_LINE.match(candidate):
            return " ".join(candidate.split())
    return None


def _signer(text: str) -> str | None:
    """The name under "De minister van Defensie," or, failing that, a name on the last line.

    A letter is signed at its end; a printed Kamerstuk prints the covering letter, signed, on its first
    page. Only those two places are searched.
    """
    for part in (text[:_HEAD], text[-_TAIL:]):
        # A role line names a "minister" or "staatssecretaris" and starts on the line of that word: the
        # regex need not try the lines before the first one.
        found = [k for k in (part.find("inister"), part.find("taatssecretaris")) if k >= 0]
        if " van " not in part or not found:
            continue
        for m in _SIGN_ROLE.finditer(part, part.rfind("\n", 0, min(found)) + 1):
            if not _opens_line(part, m.start()):
                continue
            following = [line.strip() for line in part[m.end() : m.end() + 300].splitlines() if line.strip()]
            if following and _PERSON.match(following[0]):
                return following[0]
    # The last line of content, read from the end: the lines before it need no test for a page footer.
    last = next(
        (line.strip() for line in reversed(text[-_TAIL:].splitlines()) if line.strip() and not _PAGE.search(line)),
        None,
    )
    return last if last and _PERSON.match(last) else None


def _kamerstuk(text: str) -> str | None:
    # Every match holds this phrase six characters in ("Tweede" or "Eerste" before it): found with a plain
    # string search, it tells where the regex need start, rather than having it try the whole text.
    at = text.find(_KAMERSTUK_PHRASE)
    m = (_KAMERSTUK.search(text, max(0, at - 6)) if at >= 0 else None) or (
        _NUMBER_HEAD.search(text, 0, _HEAD // 4) if " nr. " in text[: _HEAD // 4] else None
    )
    return f"{m.group(1)}, nr. {m.group(2)}" if m else None


def read_meta(text: str) -> DocumentMeta:
    """Read a document's own metadata from its original text; fields it does not state are None.

    Never raises: any text is a document that states some of its metadata, possibly none.
    """
    head = text[:_HEAD]
    ref = _REFERENCE.search(head)
    pages = Counter(int(n) for n in _PAGE.findall(text)) if "Pagina " in text else Counter()
    try:
        date = _date(head)
    except DateError:  # pragma: no cover - find_dates never raises
        date = None
    return DocumentMeta(
        date=date,
        reference=ref.group(1) if ref else None,
        kamerstuk=_kamerstuk(text),
        subject=_subject(head),
        signer=_signer(text),
        page_total=pages.most_common(1)[0][0] if pages else None,
    )
