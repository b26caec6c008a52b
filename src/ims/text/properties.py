"""What a file says about itself besides its text: when it was published or made, and where it lives.

A web page states its publication date in its markup (``<meta property="article:published_time">``, a
Dublin Core date, ``<time datetime>``) and its address in ``<link rel="canonical">`` or ``og:url``; a DOCX
file has core properties and a PDF an information dictionary with a creation date. The text's own date
("Datum …", "Den Haag, …", a date line) still comes first (see :mod:`ims.text.meta`): these are what a
document without one is dated by.

Every reader here never raises: markup and properties written by any program are taken as they come,
and a value that is not a date is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ims.text.dates import DateError, PartialDate


@dataclass(frozen=True)
class FileProperties:
    """``published``: a web page's publication date; ``created``: a DOCX or PDF file's creation date;
    ``address``: a web page's own address (its canonical URL)."""

    published: PartialDate | None = None
    created: PartialDate | None = None
    address: str | None = None


# Meta tags that carry a page's publication date, by the name or property they are declared with, the
# most specific first.
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "dcterms.issued", "dcterms.date",
    "dc.date.issued", "dc.date", "dcterms.created", "date", "publication_date", "pubdate",
)
_ISO_START = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})|\s*(\d{4})-(\d{2})(?!\d)|\s*(\d{4})(?![\d-])")
# A date in an address: /2013/05/29/, /2019/05/, /20230622/ or 2019-05-21, between separators.
# A year alone counts only between separators ("/trb-2007-4.html"), after every fuller form was tried.
_ADDRESS_DATE = re.compile(
    r"(?<![\d])(?P<y>(?:19|20)\d\d)(?:(?P<sep>[/-])(?P<m>[01]\d)(?:(?P=sep)(?P<d>[0-3]\d))?|(?P<m2>[01]\d)(?P<d2>[0-3]\d))"
    r"(?=[/._-]|$)"
)
_ADDRESS_YEAR = re.compile(r"(?<=[/_-])((?:19|20)\d\d)(?=[/._-]|$)")
# python-docx writes its template's core properties into every file it makes, dated 23 December 2013:
# they say nothing about the document.
_TEMPLATE_AUTHOR = "python-docx"
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def iso_date(value: str) -> PartialDate | None:
    """The date at the start of an ISO 8601 value ("2019-05-21T10:00:00+02:00"); None if there is none."""
    m = _ISO_START.match(value or "")
    if not m:
        return None
    parts = [int(g) for g in m.groups() if g is not None]
    try:
        return PartialDate(*parts)
    except DateError:
        return None


def address_date(address: str | None) -> PartialDate | None:
    """The date in a page's address (news sites file articles under /2013/05/29/), or None."""
    if not address:
        return None
    path = address.split("?", 1)[0].split("#", 1)[0]
    for m in _ADDRESS_DATE.finditer(path):
        month, day = m["m"] or m["m2"], m["d"] or m["d2"]
        try:
            return PartialDate(int(m["y"]), int(month) if month else None, int(day) if day else None)
        except DateError:
            continue
    year = _ADDRESS_YEAR.search(path.split("://", 1)[-1])
    return PartialDate(int(year.group(1))) if year else None


def _published(soup: Any) -> PartialDate | None:
    found: dict[str, PartialDate] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        if key in _PUBLISHED_META and key not in found:
            value = iso_date(str(tag.get("content") or ""))
            if value is not None:
                found[key] = value
    for key in _PUBLISHED_META:
        if key in found:
            return found[key]
    time = soup.find("time", attrs={"datetime": True})
    return iso_date(str(time.get("datetime"))) if time is not None else None


def _address(soup: Any) -> str | None:
    link = soup.find("link", rel="canonical", href=True)
    if link is not None:
        return str(link["href"]).strip() or None
    og = soup.find("meta", attrs={"property": "og:url", "content": True})
    return (str(og["content"]).strip() or None) if og is not None else None


def html_properties(soup: Any) -> FileProperties:
    """Publication date and address of a web page parsed with BeautifulSoup."""
    try:
        return FileProperties(published=_published(soup), address=_address(soup))
    except Exception:  # markup of any shape: a page whose properties cannot be read simply has none
        return FileProperties()


def docx_properties(document: Any) -> FileProperties:
    """The creation date in a DOCX file's core properties (python-docx's template date left out)."""
    try:
        core = document.core_properties
        created = core.created
        if not isinstance(created, datetime) or (core.author or "").strip() == _TEMPLATE_AUTHOR:
            return FileProperties()
        return FileProperties(created=PartialDate(created.year, created.month, created.day))
    except Exception:  # a damaged core-properties part is no reason to refuse the text
        return FileProperties()


def pdf_properties(reader: Any) -> FileProperties:
    """The creation date in a PDF's information dictionary ("D:20190315103000+01'00'")."""
    try:
        info = reader.metadata or {}
        m = _PDF_DATE.match(str(info.get("/CreationDate") or "").strip())
        if not m:
            return FileProperties()
        parts = [int(g) for g in m.groups() if g is not None]
        return FileProperties(created=PartialDate(*parts))
    except Exception:  # an information dictionary of any shape, or none: no date
        return FileProperties()
