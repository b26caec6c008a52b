"""Metadata of a document: its date, reference, Kamerstuk number, subject and signer.

Read from the original text (the letterhead is page furniture that cleaning removes). The date is the
one the document gives itself, found where each kind of document states it, in this order:

1. the text's own statement: a letter's "Datum 3 maart 2030", a printed Kamerstuk's "Den Haag, 2 juni
   2031", a motion's "Voorgesteld 12 mei 2030" (or "Voorgesteld tijdens het notaoverleg van ..."), written
   questions' "(ingezonden 5 juni 2030)", a news page's date line above or below its title ("maandag, 3.
   juni 2030 - 10:15", "Gepubliceerd op 3 juni 2030", a stored page's leading "date 2030-06");
2. what the file says about itself (:mod:`ims.text.properties`): a web page's publication date, a DOCX or
   PDF file's creation date;
3. what dates the document less directly: a parliamentary site's registration line ("Nummer: 2030D12345,
   datum: 2030-04-15", refined by a title "Brief 27 maart"), the parliamentary session ("Vergaderjaar
   2029-2030": its first year, or the second when the text names a day in it), the year in a ministry
   reference ("BS2030012345") when the Datum field is empty, the year in a one-line title
   ("Verantwoordingsdag 2030");
4. the date in the page's address.

A fragment of a longer document may carry none of them; every field is then None, and relative dates in
it stay unresolved.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ims.text.dates import MONTHS, DateError, PartialDate, find_dates
from ims.text.properties import FileProperties, address_date, iso_date

_HEAD = 8000  # the letterhead is on the first page
_TAIL = 3000  # a signature without a "De minister van ..." line is at the end
# Patterns start with a literal word (no "^" anchor) so that the regex engine skips text quickly; that
# the word opens its line is checked afterwards.
_DATE_LINE = re.compile(r"Datum[ \t]+([^\n]{6,40}?)(?:[ \t]{2,}|[ \t]*$|[ \t]+Afschrift)", re.MULTILINE)
_PLACE_DATE = re.compile(
    r"(?:Den Haag|'s-Gravenhage|’s-Gravenhage),[ \t]*([^\n]{6,30}?)[ \t]*$", re.MULTILINE
)
_PROPOSED = re.compile(r"Voorgesteld\b([^\n]{0,80})")
# The date labels of a letterhead anywhere in a line, a day number right after them (see _inline_label_date).
_INLINE_LABEL = re.compile(r"(?:\bDatum|(?:Den Haag|'s-Gravenhage|’s-Gravenhage),)[ \t]*(?=[0-3]?\d[ \t.])")
# Written questions are headed "Vragen van het lid ... (ingezonden 5 juni 2030)"; an answer that mentions
# when the questions were sent in ("werden ingezonden op ...") is not dated by it.
_SUBMITTED = re.compile(r"\([Ii]ngezonden\s+([^\n)]{6,30})\)")
# The stored form of a page with its date in front: " date 2019-07 ...".
_DATE_MARK = re.compile(r"\s*date[ \t]+(\d{4}(?:-\d{2}){0,2})(?![\d-])")
# The date patterns, with words one of which each of their matches holds.
_DATE_PATTERNS = (
    (_DATE_LINE, ("Datum",)), (_PLACE_DATE, ("Den Haag,", "s-Gravenhage,")), (_PROPOSED, ("Voorgesteld",)),
)
# A news page's date line: a short line near the top that is a date, perhaps after a weekday or a word
# that says what the date is, and perhaps followed by a time or a later update.
_DATE_LINE_LEAD = re.compile(
    r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag),?\s+"
    r"|(?:gepubliceerd|geplaatst|publicatiedatum|datum publicatie|nieuwsbericht|nieuws)\b(?:\s+op)?\s*[:|]?\s*)?",
    re.IGNORECASE,
)
# How a date line may start: a weekday, a lead word or a month (a day number is tested apart).
_LEAD_STARTS = (
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "gepubliceerd", "geplaatst",
    "publicatiedatum", "datum publicatie", "nieuws", *MONTHS,
)
_NEWS_LINES = 8  # non-blank lines at the top of a page that may hold its date line
_NEWS_LINE_LENGTH = 80
_REGISTERED = re.compile(r"Nummer:[^\n]{0,40}?,\s*datum:\s*(\d{4}-\d{2}-\d{2})")
# "Brief 27 maart": a letter's title that gives its day without the year.
_TITLE_DAY = re.compile(
    r"(?m)^[ \t]*[Bb]rief(?:[ \t]+van)?(?:[ \t]+de[ \t]+[^\n\d]{3,40})?[ \t]+(\d{1,2})[ \t]+("
    + "|".join(MONTHS)
    + r")[ \t]*$"
)
# The session a parliamentary paper belongs to: "Vergaderjaar 2018-2019", "Tweede Kamer der
# Staten-Generaal2018-2019..." (a site's header with the columns run together), "Handelingen II 2019/20".
_SESSION_WORDS = ("ergaderjaar", "Staten-Generaal", "Handelingen", "Kamerstukken")
_SESSION = re.compile(
    r"(?:[Vv]ergaderjaar|Staten-Generaal|Handelingen(?: I{1,2})?|Kamerstukken(?: I{1,2})?)[ \t]*"
    r"((?:19|20)\d\d)[-–/]((?:19|20)?\d\d)"
)
# A letterhead's date field left empty: the label, then another label or nothing on its line.
_EMPTY_AFTER_LABEL = re.compile(r"[ \t]*(?:\n|$|Betreft\b|Onze\b|Uw\b|Bijlage)")
_REFERENCE_YEAR = re.compile(r"[A-Z]{1,6}[-/.]?((?:19|20)\d\d)\d{3,}")
_TITLE_WORDS = 14
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


# A classification marking on a line of its own, as the Rijksoverheid's letters print it above or beside the
# letterhead; the code is the glossary's (ims.core.classification), lowest first.
_MARKINGS = (("unclassified", r"Ongerubriceerd"), ("departmental_confidential", r"Departementaal Vertrouwelijk"),
             ("confidential", r"Stg\.? ?Confidentieel"), ("secret", r"Stg\.? ?Geheim"))
_MARKING = re.compile(r"(?im)^[ \t]*(?:" + "|".join(f"(?P<{code}>{words})" for code, words in _MARKINGS)
                      + r")[ \t]*$")


@dataclass(frozen=True)
class DocumentMeta:
    """What a letter says about itself. ``page_total`` comes from "Pagina x van N" footers.

    ``date_inferred`` is True when the date is not stated but inferred (from the session, a reference,
    a title's year or the page's address): a part of a bundle takes a stated date of another part over it.
    """

    date: PartialDate | None = None
    reference: str | None = None
    kamerstuk: str | None = None
    subject: str | None = None
    signer: str | None = None
    page_total: int | None = None
    date_inferred: bool = False
    classification: str | None = None  # the highest marking in the letterhead, as a code ("secret")


def _opens_line(text: str, pos: int) -> bool:
    """Whether only blanks stand between the start of the line and ``pos``."""
    return not text[text.rfind("\n", 0, pos) + 1 : pos].strip()


def _first_date(text: str) -> PartialDate | None:
    found = find_dates(text)
    return found[0].value if found else None


def _stated_date(head: str) -> PartialDate | None:
    """The date the text gives itself: a date mark, a Datum or place-and-date line, "Voorgesteld",
    "(ingezonden ...)", or a news page's date line."""
    mark = _DATE_MARK.match(head)
    if mark:
        value = iso_date(mark.group(1))
        if value is not None:
            return value
    for pattern, words in _DATE_PATTERNS:
        if not any(word in head for word in words):
            continue  # a plain test for the words is far cheaper than a search with the pattern
        for m in pattern.finditer(head):
            if not _opens_line(head, m.start()):
                continue
            value = _first_date(m.group(1))
            if value is not None:
                return value
    if "ngezonden" in head:
        for m in _SUBMITTED.finditer(head):
            value = _first_date(m.group(1))
            if value is not None:
                return value
    return _inline_label_date(head) or _news_date_line(head)


def _inline_label_date(head: str) -> PartialDate | None:
    """A letterhead flattened into one line ("... Plein 4 Datum 22 mei 2030 Betreft ...", "... Aan de
    Voorzitter ... Den Haag, 22 mei 2030 Hierbij ..."): the label, then right after it a date to the day."""
    if "Datum" not in head and "Den Haag," not in head and "s-Gravenhage," not in head:
        return None
    for m in _INLINE_LABEL.finditer(head):
        found = find_dates(head[m.end() : m.end() + 30])
        if found and found[0].start == 0 and found[0].value.day is not None:
            return found[0].value
    return None


def _top_lines(head: str, count: int) -> list[str]:
    """The first ``count`` non-blank lines, stripped (without splitting the whole head into lines)."""
    lines: list[str] = []
    start = 0
    while len(lines) < count and start < len(head):
        end = head.find("\n", start)
        end = len(head) if end < 0 else end
        line = head[start:end].strip()
        if line:
            lines.append(line)
        start = end + 1
    return lines


def _news_date_line(head: str) -> PartialDate | None:
    """The date line of a news page: one of the top lines that starts with a date of at least a month."""
    for line in _top_lines(head, _NEWS_LINES):
        if len(line) > _NEWS_LINE_LENGTH:
            continue
        # A date line starts with its date or a lead word; most lines do neither, and need no regex.
        if line[:1].isdigit():
            rest = line
        elif line[:12].lower().startswith(_LEAD_STARTS):
            rest = line[_DATE_LINE_LEAD.match(line).end() :]
        else:
            continue
        first = rest.split(maxsplit=1)[0].lower().rstrip(".") if rest.strip() else ""
        if not (rest[:1].isdigit() or first in MONTHS):
            continue
        found = find_dates(rest)
        if found and found[0].start == 0 and found[0].value.month is not None:
            return found[0].value
    return None


def _file_date(properties: FileProperties) -> PartialDate | None:
    return properties.published or properties.created


def _registered_date(head: str) -> PartialDate | None:
    """A parliamentary site's registration date, or the day a title "Brief 27 maart" gives before it."""
    m = _REGISTERED.search(head) if "datum:" in head else None
    if not m:
        return None
    registered = iso_date(m.group(1))
    title = _TITLE_DAY.search(head, 0, m.start())
    if registered is not None and title:
        # The letter was written before it was registered: the most recent such day ("jl.").
        found = find_dates(f"{title.group(1)} {title.group(2)} jl.", reference=registered)
        if found:
            return found[0].value
    return registered


def _session_date(head: str) -> PartialDate | None:
    """The year of a parliamentary paper dated only by its session (September to September): the first
    year, or the second when the text names a day in it."""
    # The regex is tried only where one of its words stands: a search of the whole head with it costs more.
    starts = [k for k in (head.find(word) for word in _SESSION_WORDS) if k >= 0]
    m = next((m for m in (_SESSION.search(head, max(0, k - 1), k + 60) for k in sorted(starts)) if m), None)
    if not m:
        return None
    first, second = int(m.group(1)), int(m.group(2)[-2:])
    if (first + 1) % 100 != second:
        return None
    # A day in the second year: dates are read only around where that year is written.
    year = str(first + 1)
    at, later = head.find(year), False
    while at >= 0 and not later:
        near = find_dates(head[max(0, at - 20) : at + 4])
        later = any(d.value.day is not None and d.value.year == first + 1 for d in near)
        at = head.find(year, at + 4)
    return PartialDate(first + 1 if later else first)


def _empty_date_field(head: str) -> bool:
    """Whether the letterhead's "Datum" label stands with no date after it."""
    at = head.find("Datum")
    while at >= 0:
        if _EMPTY_AFTER_LABEL.match(head, at + len("Datum")):
            return True
        at = head.find("Datum", at + 1)
    return False


def _reference_year(reference: str | None) -> PartialDate | None:
    """The year in a ministry reference ("BS2030012345": the year, then a serial number)."""
    m = _REFERENCE_YEAR.fullmatch(reference) if reference else None
    return PartialDate(int(m.group(1))) if m else None


def _title_year(head: str) -> PartialDate | None:
    """The year in a one-line title at the top ("Verantwoordingsdag 2030. Ook over Defensie"): a short
    line that opens with a capital, does not end as a sentence does, and names one year and no fuller date."""
    title = next(iter(_top_lines(head, 1)), "")
    if not title[:1].isupper() or title.endswith((".", "!", "?", ":", ";", ",")) or len(title.split()) > _TITLE_WORDS:
        return None
    found = find_dates(title)
    return found[0].value if len(found) == 1 and found[0].value.month is None else None


def _document_date(head: str, reference: str | None, properties: FileProperties) -> tuple[PartialDate | None, bool]:
    """The document's date, and whether it is inferred rather than stated."""
    try:
        stated = _stated_date(head) or _file_date(properties) or _registered_date(head)
        if stated is not None:
            return stated, False
        inferred = (
            _session_date(head)
            or (_reference_year(reference) if reference and _empty_date_field(head) else None)
            or _title_year(head)
            or address_date(properties.address)
        )
        return inferred, inferred is not None
    except DateError:  # pragma: no cover - every step reads dates with find_dates, which never raises
        return None, False


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


def _marking(head: str) -> str | None:
    found = {m.lastgroup for m in _MARKING.finditer(head)}
    return next((code for code, _ in reversed(_MARKINGS) if code in found), None)


def read_meta(text: str, properties: FileProperties | None = None) -> DocumentMeta:
    """Read a document's own metadata from its original text and, for its date, from what the file says
    about itself (``properties``, see :mod:`ims.text.properties`); fields it does not state are None.

    Never raises: any text is a document that states some of its metadata, possibly none.
    """
    head = text[:_HEAD]
    ref = _REFERENCE.search(head)
    pages = Counter(int(n) for n in _PAGE.findall(text)) if "Pagina " in text else Counter()
    reference = ref.group(1) if ref else None
    date, inferred = _document_date(head, reference, properties or FileProperties())
    return DocumentMeta(
        date=date,
        date_inferred=inferred,
        reference=reference,
        kamerstuk=_kamerstuk(text),
        subject=_subject(head),
        signer=_signer(text),
        page_total=pages.most_common(1)[0][0] if pages else None,
        classification=_marking(head),
    )
