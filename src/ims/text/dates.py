"""Dutch dates at the precision the text gives them, and relative dates resolved against the letter.

"21 mei 2019" is a day, "juni 2017" a month, "2010" a year. Letters also date things relative to
themselves: "18 april jl." (jongstleden: the most recent 18 April), "in oktober", "afgelopen jaar",
"vorig jaar", "dit jaar", "vorige maand", "eerder deze maand". Those are resolved against the document's own
date (``reference``); without a reference they are left out rather than guessed.

``parse_date`` reads a whole string and raises :class:`DateError`; ``find_dates`` scans running text and
never raises. :func:`date_and_precision` is the one reader of the partial ISO dates of the exchange format
(``2019``, ``2019-10``, ``2019-10-02``) into what the register stores: the first day and the precision
(``PRECISIONS``); the demo loader, ingestion and the forms all read dates through it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta


class DateError(ValueError):
    """The text is not a date this module can read."""


MONTHS: dict[str, int] = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mrt": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# How precisely a date is known, coarsest first; the register stores these codes beside the date.
PRECISIONS = ("year", "month", "day")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day. Raises DateError for one that does not exist."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1000 <= self.year <= 2999:
            raise DateError(f"year out of range: {self.year}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"month out of range: {self.month}")
        if self.day is not None and (
            self.month is None or not 1 <= self.day <= _last_day(self.year, self.month)
        ):
            raise DateError(f"day out of range: {self.year}-{self.month}-{self.day}")

    def iso(self) -> str:
        """ISO 8601 at the known precision: ``2019-05-21``, ``2019-05`` or ``2019``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()

    @property
    def precision(self) -> str:
        """``year``, ``month`` or ``day``: how much of the date is known."""
        return "year" if self.month is None else "month" if self.day is None else "day"

    def first_day(self) -> date:
        """The first day the date can be (1 January for a year): how the register stores it."""
        return date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def from_date(cls, day: date, precision: str) -> PartialDate:
        """A stored date back at its precision: ``(2019-10-01, "month")`` is October 2019."""
        if precision not in PRECISIONS:
            raise DateError(f"unknown precision: {precision!r}")
        return cls(day.year, day.month if precision != "year" else None, day.day if precision == "day" else None)

    def agrees_with(self, other: PartialDate) -> bool:
        """The same date as far as the less precise of the two knows it: 2019 agrees with 2019-10-02."""
        known = min(PRECISIONS.index(self.precision), PRECISIONS.index(other.precision))
        parts = (self.year, self.month, self.day)[: known + 1]
        return parts == (other.year, other.month, other.day)[: known + 1]

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. Raises DateError."""
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
        if not m:
            raise DateError(f"not an ISO date: {text!r}")
        return cls(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)


def date_and_precision(value: str | PartialDate | None) -> tuple[date | None, str]:
    """A partial date (ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or a :class:`PartialDate`) as the register
    stores it: its first day and its precision; ``(None, "day")`` for none. Raises DateError."""
    if value is None or value == "":
        return None, "day"
    partial = value if isinstance(value, PartialDate) else PartialDate.from_iso(value)
    return partial.first_day(), partial.precision


def _last_day(year: int, month: int) -> int:
    if month == 2:
        return 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28
    return _DAYS_IN_MONTH[month - 1]


@dataclass(frozen=True)
class DateMention:
    """A date found in a text; ``relative`` when it was resolved against the reference date."""

    value: PartialDate
    start: int
    end: int
    relative: bool = False


_MONTH = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|jan|febr?|mrt|apr|jun|jul|aug|sept?|okt|nov|dec)\.?"
)
_JL = r"(?:jl\.?|j\.l\.|jongstleden)"
_AS = r"(?:a\.s\.?|as\.|aanstaande)(?!\w)"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
# The forms of a date that start with a digit, and those that start with a letter. No position can start
# both kinds, so find_dates tries only the kind a position can start (half the alternatives, each tried in
# vain costing as much as the one that matches); parse_date tries both.
_DIGIT_LED = rf"""
      (?P<iso>(?<![\d-])(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d-]))
    | (?P<num>(?<![\d/.-])(?P<nd>[0-3]?\d)(?P<ns>[-/.])(?P<nm>[01]?\d)(?P=ns)(?P<ny>{_YEAR})(?![\d/-]|\.\d))
    | (?P<full>(?<![\w])(?P<fd>[0-3]?\d)(?:e|ste|de|\.)?\s+(?P<fm>{_MONTH})
        (?:\s+(?P<fy>{_YEAR})\b|\s+(?P<fjl>{_JL})|\s+(?P<fas>{_AS}))?)
    | (?P<year>(?<![\w.,/-])(?P<y>{_YEAR})(?:\s*[-–/]\s*(?:{_YEAR}|\d\d))?(?!\w|[.,]\d))
"""
_LETTER_LED = rf"""
      (?P<my>(?<![\w])(?:begin\s+|medio\s+|eind\s+)?(?P<mm>{_MONTH})(?:/{_MONTH})?\s+(?P<my_y>{_YEAR})\b)
    | (?P<mjl>(?<![\w])(?P<jm>{_MONTH})\s+{_JL})
    | (?P<inm>(?<![\w])(?:in|sinds|vanaf|per|tot|eind|begin|medio)\s+(?P<bm>{_MONTH})(?![\w])
        (?!\s+(?:{_YEAR}|{_JL}|[0-3]?\d\b)))
    | (?P<day>\b(?:(?P<ago2>eergisteren)|(?P<ago1>gisteren)|vandaag)\b)
    | (?P<rel>\b(?:(?P<prev>vorig|verleden)\s+jaar|(?P<last>(?:het\s+)?afgelopen)\s+jaar
        |(?P<this>dit|het\s+lopende|dit\s+kalender)\s*jaar|(?P<next>volgend|komend|het\s+komende)\s+jaar)\b)
    | (?P<prev_month>\b(?:vorige|verleden|afgelopen)\s+maand\b)
    | (?P<this_month>\b(?:(?:begin|eind|medio|eerder|later|halverwege)\s+)?deze\s+maand\b)
"""
_DATE = re.compile(f"(?ix){_DIGIT_LED}|{_LETTER_LED}")
_DATE_AT_DIGIT = re.compile(f"(?ix){_DIGIT_LED}")
_DATE_AT_LETTER = re.compile(f"(?ix){_LETTER_LED}")


# With re.IGNORECASE, "ſ" matches "s" and "ı"/"İ" match "i", which str.lower() keeps apart.
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i"})


def _month(name: str) -> int:
    return MONTHS[name.translate(_FOLD).lower().rstrip(".")]


_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
# A future date without a year or "a.s." still reads as this year's when it is this close ahead: news and
# letters announce what comes in the next weeks; what lies further ahead is last year's, told in the past.
_NEAR_FUTURE_DAYS = 92


def _weekday_before(text: str, start: int) -> int | None:
    """The weekday (0 = Monday) named just before ``start`` ("woensdag 21 december"), if any."""
    words = text[max(0, start - 12) : start].lower().split()
    word = words[-1].rstrip(",") if words else ""
    return _WEEKDAYS.index(word) if word in _WEEKDAYS else None


def _resolve_day_month(
    month: int, day: int, reference: PartialDate, *, past: bool = False, future: bool = False,
    weekday: int | None = None,
) -> PartialDate:
    """A day and month without a year, in the year that puts it where the text says relative to the letter.

    "jl." is the most recent such day, "a.s." the next one. Otherwise the reference year, unless that
    puts the day more than three months ahead: then it is last year's ("Op 30 november tekenden ..." in a
    January article). A named weekday that holds in only one of the nearby years settles the year.
    """
    ref = date(reference.year, reference.month or 12, reference.day or _last_day(reference.year, reference.month or 12))
    if weekday is not None:
        fits = [
            y for y in (reference.year - 1, reference.year, reference.year + 1)
            if day <= _last_day(y, month) and date(y, month, day).weekday() == weekday
        ]
        if len(fits) == 1:
            return PartialDate(fits[0], month, day)
    year = reference.year
    if day > _last_day(year, month):  # 29 February in a year without one: PartialDate refuses it
        return PartialDate(year, month, day)
    same = date(year, month, day)
    if past and same > ref:
        year -= 1
    elif future and reference.month is not None and same < date(year, reference.month, 1):
        year += 1
    elif (
        not past and not future and reference.month is not None and month != reference.month
        and (same - ref).days > _NEAR_FUTURE_DAYS
    ):
        year -= 1
    return PartialDate(year, month, day)


def _from_match(m: re.Match[str], reference: PartialDate | None) -> tuple[PartialDate, bool] | None:
    kind = m.lastgroup
    if kind == "iso":
        return PartialDate(int(m["iy"]), int(m["im"]), int(m["id"])), False
    if kind == "num":
        return PartialDate(int(m["ny"]), int(m["nm"]), int(m["nd"])), False
    if kind == "full":
        if m["fy"]:
            return PartialDate(int(m["fy"]), _month(m["fm"]), int(m["fd"])), False
        if reference is None:
            return None
        return _resolve_day_month(
            _month(m["fm"]), int(m["fd"]), reference, past=bool(m["fjl"]), future=bool(m["fas"]),
            weekday=_weekday_before(m.string, m.start()),
        ), True
    if kind == "my":
        return PartialDate(int(m["my_y"]), _month(m["mm"])), False
    if kind in ("mjl", "inm"):
        if reference is None:
            return None
        month = _month(m["jm"] or m["bm"])
        year = reference.year
        if kind == "mjl" and reference.month is not None and month > reference.month:
            year -= 1
        return PartialDate(year, month), True
    if kind == "year":
        return PartialDate(int(m["y"])), False
    if reference is None:
        return None
    if kind == "day":
        return _relative_day(reference, 2 if m["ago2"] else 1 if m["ago1"] else 0), True
    if kind == "this_month":  # "eerder deze maand": the letter's month (unknown without it)
        if reference.month is None:
            return None
        return PartialDate(reference.year, reference.month), True
    if kind == "prev_month":  # "vorige maand": the month before the letter's (unknown without its month)
        if reference.month is None:
            return None
        return (PartialDate(reference.year - 1, 12) if reference.month == 1 else
                PartialDate(reference.year, reference.month - 1)), True
    if m["prev"]:
        return PartialDate(reference.year - 1), True
    if m["last"]:
        # "het afgelopen jaar": the year now ending when written late in the year, else the one before.
        late = reference.month is not None and reference.month >= 7
        return PartialDate(reference.year if late else reference.year - 1), True
    if m["this"]:
        return PartialDate(reference.year), True
    return PartialDate(reference.year + 1), True


def _relative_day(reference: PartialDate, days_back: int) -> PartialDate:
    """"vandaag", "gisteren": a day when the letter's day is known, else the letter's month (or year)."""
    if reference.day is None or reference.month is None:
        return reference
    day = date(reference.year, reference.month, reference.day) - timedelta(days_back)
    return PartialDate(day.year, day.month, day.day)


# Where a date can start: at a number, at a month name or "jaar", or one or two words before those
# ("in oktober", "begin mei 2019", "het afgelopen jaar"). Trying the full date pattern only there keeps
# date finding cheap: scanning with it at every position of every sentence was the pipeline's hot spot.
# "\d\d*" rather than "\d+": a pattern led by a plain character class lets the regex engine skip ahead in
# a fast loop, a repeat in front makes it try the whole pattern at every position (some 1.6 times slower).
_DIGITS = re.compile(r"\d\d*")
# The month names and abbreviations, "jaar" and the relative day words as a trie (common beginnings
# written once), so that fewer alternatives are tried wherever one of their first letters stands; the
# longest wins, as in a plain list with every name before its abbreviation.
_ANCHOR_WORD = re.compile(
    r"a(?:pr(?:il)?|ug(?:ustus)?)|dec(?:ember)?|feb(?:ruari)?|j(?:aar|an(?:uari)?|u(?:li?|ni?))"
    r"|m(?:aa(?:nd|rt)|ei|rt)|nov(?:ember)?|okt(?:ober)?|sep(?:tember)?|(?:eer)?gisteren|vandaag"
)
# Every word of _ANCHOR_WORD holds one of these: most sentences hold none, which a test for each (at
# memory speed) settles sooner than a search with the regex.
_ANCHOR_STEMS = (
    "jan", "feb", "maart", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec", "jaar", "maand",
    "gisteren", "vandaag",
)
# The words besides the months that _ANCHOR_WORD finds: the relative year and day words.
ANCHOR_WORDS_BESIDES_MONTHS = ("jaar", "maand", "eergisteren", "gisteren", "vandaag")
# The first two digits of the years _YEAR reads.
_CENTURIES = ("18", "19", "20", "21")


def _lower(text: str) -> str:
    """``text`` in lower case, offset for offset (a character whose lower case is longer stays as it is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _word_before(low: str, p: int) -> int:
    """Start of the word before the one at ``p``, across spaces; ``p`` when there is none."""
    q = p
    while q and low[q - 1].isspace():
        q -= 1
    k = q
    while k and low[k - 1].isalpha():
        k -= 1
    return k if k < q < p else p


def _starts(text: str) -> list[int]:
    low = _lower(text)
    # A date led by digits starts with a day or month of one or two digits or a year of four: a run of
    # digits of another length ("270", "12345") or four that are no year of _YEAR starts none.
    starts = [
        m.start()
        for m in _DIGITS.finditer(text)
        if m.end() - m.start() < 3 or (m.end() - m.start() == 4 and text.startswith(_CENTURIES, m.start()))
    ]
    anchors = _ANCHOR_WORD.finditer(low) if any(stem in low for stem in _ANCHOR_STEMS) else ()
    for m in anchors:
        p = m.start()
        if p and low[p - 1].isalpha():
            continue  # inside a longer word
        starts.append(p)
        for _ in range(2):  # "begin mei 2019", "het afgelopen jaar": after a bracket or line break too
            p = _word_before(low, p)
            starts.append(p)
    return sorted(set(starts))


_WEEKDAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def last_weekday(reference: PartialDate, weekday: str) -> PartialDate | None:
    """The last day named ``weekday`` ("dinsdag") up to and including ``reference``, which news means by a
    bare weekday told in the past; None when ``reference`` is not known to the day."""
    if reference.day is None or reference.month is None or weekday.lower() not in _WEEKDAY_NAMES:
        return None
    today = date(reference.year, reference.month, reference.day)
    then = today - timedelta((today.weekday() - _WEEKDAY_NAMES.index(weekday.lower())) % 7)
    return PartialDate(then.year, then.month, then.day)


def find_dates(text: str, *, reference: PartialDate | None = None) -> list[DateMention]:
    """Every date in ``text``, left to right; where readings overlap, the one that starts first."""
    found = []
    covered = 0
    for start in _starts(text):
        if start < covered:
            continue
        # A digit as "\d" reads it (str.isdecimal) starts only the digit-led forms.
        m = (_DATE_AT_DIGIT if text[start].isdecimal() else _DATE_AT_LETTER).match(text, start)
        if not m:
            continue
        try:
            resolved = _from_match(m, reference)
        except (DateError, KeyError):
            continue  # "31 februari 2019" and the like: not a date
        if resolved:
            found.append(DateMention(resolved[0], m.start(), m.end(), resolved[1]))
            covered = m.end()
    return _year_given_after(text, found) if len(found) > 1 else found


# A day or month whose year a relative year word gives right after it: "in januari van vorig jaar", "op 3
# maart van dit jaar", "in oktober vorig jaar". The two are one date: the month in that year.
_OF_YEAR = re.compile(r"\s*,?\s*(?:van\s+)?(?:het\s+)?", re.IGNORECASE)


def _year_given_after(text: str, found: list[DateMention]) -> list[DateMention]:
    out: list[DateMention] = []
    k = 0
    while k < len(found):
        d = found[k]
        nxt = found[k + 1] if k + 1 < len(found) else None
        if (
            nxt is not None and d.relative and nxt.relative and d.value.month is not None
            and nxt.value.month is None and _OF_YEAR.fullmatch(text, d.end, nxt.start)
            and text[nxt.start : nxt.end].lower().endswith("jaar")
        ):
            try:
                value = PartialDate(nxt.value.year, d.value.month, d.value.day)
            except DateError:  # 29 februari in a year without it
                value = None
            if value is not None:
                out.append(DateMention(value, d.start, nxt.end, True))
                k += 2
                continue
        out.append(d)
        k += 1
    return out


def parse_date(text: str, *, reference: PartialDate | None = None) -> PartialDate:
    """Exactly one date making up the whole of ``text`` (ISO forms included). Raises DateError."""
    stripped = text.strip()
    m = _DATE.fullmatch(stripped)
    if not m:
        raise DateError(f"not a date: {text!r}")
    try:
        resolved = _from_match(m, reference)
    except KeyError as exc:  # pragma: no cover - the regex admits only known month names
        raise DateError(f"not a date: {text!r}") from exc
    if resolved is None:
        raise DateError(f"a relative date needs the document's date: {text!r}")
    return resolved[0]
