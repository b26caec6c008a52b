"""When an instrument was signed: the date of its own window, a bare weekday counted back from a news item's day, its
month for a signing told by its week, a pronoun in the next sentence that tells the signing, or the document's date
for an instrument announced, prepared, joined or narrated without one. Dates that belong to something else (a
publication reference, the start or end of a period, the day it took effect) date nothing."""

from __future__ import annotations

import datetime
import re

from ims.extract.agreement.wording import ANNOUNCED, CONCLUDED, LAID_DOWN, SIGNED
from ims.extract.context import DocContext
from ims.text.dates import DateMention, PartialDate, last_weekday

# A date that opens or closes a period ("vanaf 1 januari 2017", "tot 2025") dates no signing.
_PERIOD = re.compile(
    r"\b(?:vanaf|tot(?:\s+en\s+met)?|t/m|sinds|per)\s+(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag)\s+)?$"
    # the years it covers: "voor de periode 2031-2035", "met een looptijd tot 2030", "voor de jaren 2030-2034"
    r"|\b(?:periode|looptijd|jaren)\s+(?:van\s+)?$"
)
# The day an instrument took effect is not the day it was signed: "trad op 1 april 2018 in werking".
_IN_FORCE = re.compile(r"\s+(?:\w+\s+)?in\s+werking\b")
# An instrument that runs out ("loopt in 2020 af", "verloopt eind 2025"): the date is that of its end, not of
# its signing.
_ENDS = re.compile(r"\b(?:loopt|liep|lopen|liepen)\b[^.;]{0,40}\baf\b|\b(?:verloopt|verliep|afloopt|eindigt)\b")
_SUBORDINATE = re.compile(r"\b(?:dat|om)\b")
_PUBLICATION = re.compile(r"\b(?:trb|stb|stcrt|kamerstuk(?:ken)?(?:\s+i{1,2})?|handelingen(?:\s+i{1,2})?)\.?\s*$")
# The date of an earlier letter or report the text refers to ("In mijn brief van 4 februari 2017 meldde ik
# ...", "bij brief van ..."): the day it was written, not the day an instrument was signed.
_REFERENCE = re.compile(r"\b(?:\w*brie(?:f|ven)|verslag|nota|rapportage)\s+(?:van|d\.d\.)\s+(?:\w+\s+)?$")
# A sentence that picks the instrument of the sentence before up with a pronoun and tells when it was
# signed or concluded ("Het werd op 20 november in Berlijn ondertekend.", "Deze werden in mei gesloten.").
_PRONOUN_SIGNED = re.compile(r"^(?:het|dit|deze|dat|die|zij|ze)\s+(?:werd|werden|is|zijn|was|waren)\b")
# Or that tells the signing as an event of its own: "De ondertekening vond plaats op 4 mei", "Dat gebeurde op
# 4 mei in Oslo".
_SIGNING_EVENT = re.compile(
    r"^(?:de\s+)?ondertekening\b(?:\s+(?:ervan|daarvan|hiervan))?\s+(?:vond|was|is|werd)\b"
    r"|^(?:dat|dit|het)\s+gebeurde\b"
)
# A date the text gives relative to the document ("gisteren", "op woensdag", "vorig jaar"): without the
# document's own date it stays unresolved, and a fact that should carry it is less sure.
RELATIVE_DATE = re.compile(
    r"\b(?:eer)?gisteren\b|\bvandaag\b|\b(?:vorig|dit|volgend|komend)\s+jaar\b|\bjl\.|\bjongstleden\b"
    r"|\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b|\been\s+(?:dag|week|maand)\s+(?:eerder|later)\b"
)
UNRESOLVED_CONFIDENCE = 0.45
# A bare weekday with a signing or closing told in the past ("zetten donderdag hun handtekening", "hebben
# dinsdag ... gesloten"): in news, the last such day up to the item's date.
# A signing told by its week: "vorige week", "afgelopen week" (group 1: the week before), "deze week".
_WEEK = re.compile(r"\b(?:(vorige|afgelopen|verleden)|(?:eerder\s+)?deze)\s+week\b")
_BARE_WEEKDAY = re.compile(r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b(?!\s+\d)")


def compatible(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Whether two dates may be of one instrument: one is unknown, or one is the other at less precision."""
    if a is None or b is None:
        return True
    short, long = sorted((a.iso(), b.iso()), key=len)
    return long.startswith(short)


def more_precise(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None or b is None:
        return a or b
    return a if len(a.iso()) >= len(b.iso()) else b


def usable_dates(low: str, dates: list[DateMention]) -> list[DateMention]:
    """Dates that can date an instrument: not a publication reference ("Trb. 2018, 125") nor the date of a
    letter or report referred to ("mijn brief van 4 februari")."""
    return [
        d for d in dates
        if not _PUBLICATION.search(low, max(0, d.start - 25), d.start)
        and not _REFERENCE.search(low, max(0, d.start - 30), d.start)
    ]


def date_for(
    low: str, cue: re.Match[str], lo: int, hi: int, dates: list[DateMention], claimed: set[int]
) -> DateMention | None:
    """The instrument's date: the first after its word, else (when the window says it was concluded) the
    nearest before. A date that starts or ends a period ("vanaf 1 januari") dates no signing; for the verb
    ("kwamen overeen dat ...") the date is in its own clause, not in what was agreed."""
    free = [
        d for d in dates
        if id(d) not in claimed and not _PERIOD.search(low, max(0, d.start - 14), d.start)
        and not _IN_FORCE.match(low, d.end)
    ]
    verb = cue.lastgroup == "AGREED"
    if verb:
        clause = _SUBORDINATE.search(low, cue.end(), hi)
        hi = clause.start() if clause else hi
    # A verb in two parts holds its time between them ("kwamen in maart overeen", "spraken in 2030 af").
    before = [d for d in free if lo <= d.start and d.end <= (cue.end() if verb else cue.start())]
    if verb and before:
        return before[-1]
    after = [d for d in free if cue.end() <= d.start < hi]
    if after and _ENDS.search(low, lo, hi) and not CONCLUDED.search(low, lo, hi):
        return None
    if after:
        return after[0]
    if not (CONCLUDED.search(low, lo, hi) or LAID_DOWN.search(low, lo, hi)):
        return None
    return before[-1] if before else None


def _told_signed(doc: DocContext, low: str, lo: int, hi: int, cue: str, when: re.Pattern
                 ) -> tuple[PartialDate, re.Match[str]] | None:
    """The document's day and the match of ``when`` for a signing the window tells in the past with a time
    counted from that day (a bare weekday, "vorige week"); None unless the day is known and the window says so."""
    day = doc.date
    if day is None or day.day is None or cue not in low:
        return None
    m = when.search(low, lo, hi)
    if not m or not CONCLUDED.search(low, lo, hi) or ANNOUNCED.search(low, lo, hi):
        return None
    return day, m


def weekday_signed(doc: DocContext, low: str, lo: int, hi: int) -> PartialDate | None:
    """The day of a signing the window tells in the past with a bare weekday, counted back from the
    document's date (which must be known to the day)."""
    told = _told_signed(doc, low, lo, hi, "dag", _BARE_WEEKDAY)
    return last_weekday(told[0], told[1].group(1)) if told else None


def week_signed(doc: DocContext, low: str, lo: int, hi: int) -> PartialDate | None:
    """The month of a signing the window tells in the past "vorige week" or "deze week": the week is no date
    of its own, its month is (counted back from the document's day, which must be known)."""
    told = _told_signed(doc, low, lo, hi, "week", _WEEK)
    if not told:
        return None
    day, m = told
    then = datetime.date(day.year, day.month, day.day) - datetime.timedelta(7 if m.group(1) else 0)
    return PartialDate(then.year, then.month)


def pronoun_signed_date(doc: DocContext, i: int) -> PartialDate | None:
    """The date sentence ``i`` gives when it picks the instrument before up with a pronoun and tells its
    signing or conclusion ("Het werd op 20 november in Berlijn ondertekend."), or tells the signing as an event
    ("De ondertekening vond plaats op 4 mei.")."""
    low = doc.lower(i)
    told = _PRONOUN_SIGNED.match(low) and (SIGNED.search(low) or CONCLUDED.search(low))
    if not (told or _SIGNING_EVENT.match(low)):
        return None
    dates = [
        d for d in usable_dates(low, doc.dates(i))
        if not _PERIOD.search(low, max(0, d.start - 14), d.start) and not _IN_FORCE.match(low, d.end)
    ]
    return dates[0].value if dates else None


def undated(doc: DocContext, *, announced: bool, accession: bool, narrated: bool) -> PartialDate | None:
    """An instrument the text gives no date: the document's when announced, prepared or joined, or
    when a news item narrates its signing (and the document's date is known to the month)."""
    date = doc.date
    if date is None:
        return None
    if announced or accession:
        return date
    if narrated and date.month is not None:
        return PartialDate(date.year, date.month)
    return None
