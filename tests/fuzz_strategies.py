"""Hypothesis strategies for the fuzz tests: random text mixed with seed-derived text, dates and numbers
written the Dutch way together with their values, and byte edits for document files.
"""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import strategies as st

from ims.text.dates import PartialDate
from tests.fuzz_inputs import TOKENS, seed_lines, seed_texts, seed_words

# ---------------------------------------------------------------- text


@st.composite
def seed_excerpt(draw: st.DrawFn, max_len: int = 3000) -> str:
    """A window of a seed letter: real layout, furniture and sentences, cut anywhere."""
    text = draw(st.sampled_from(seed_texts()))
    start = draw(st.integers(0, len(text)))
    return text[start : start + draw(st.integers(0, max_len))]


def fragments() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(TOKENS),
        st.sampled_from(seed_words()),
        st.sampled_from(seed_lines()),
        st.text(max_size=12),
    )


@st.composite
def edited(draw: st.DrawFn, base: st.SearchStrategy[str], max_edits: int = 6) -> str:
    """``base`` with a few edits: insertions of tokens, seed words or random text, cuts, copies, case flips."""
    text = draw(base)
    for _ in range(draw(st.integers(0, max_edits))):
        kind = draw(st.integers(0, 3))
        at = draw(st.integers(0, len(text)))
        if kind == 0:
            text = text[:at] + draw(fragments()) + text[at:]
        elif kind == 1:
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif kind == 2:
            piece = text[at : at + draw(st.integers(1, 400))]
            text = text[:at] + piece + text[at:]
        else:
            end = at + draw(st.integers(1, 40))
            text = text[:at] + text[at:end].swapcase() + text[end:]
    return text


def texts(max_len: int = 3000) -> st.SearchStrategy[str]:
    """Text for the text pipeline: random, token soup, seed windows and lines, edited and whole letters."""
    branches = [
        st.text(max_size=200),
        st.lists(fragments(), max_size=40).map("".join),
        edited(seed_excerpt(max_len)),
        edited(st.lists(st.sampled_from(seed_lines()), max_size=40).map("\n".join)),
    ]
    if max_len >= 3000:  # whole letters reach the letterhead and signature code
        branches.append(edited(st.sampled_from(seed_texts()), max_edits=3))
    return st.one_of(branches)


def short_texts() -> st.SearchStrategy[str]:
    """Phrase-sized text for the date and number parsers."""
    return st.one_of(
        st.text(max_size=40),
        st.lists(fragments(), max_size=8).map("".join),
        st.lists(st.sampled_from(TOKENS), max_size=8).map(" ".join),
        edited(seed_excerpt(200), max_edits=3),
    )


# ---------------------------------------------------------------- dates

MONTH_FORMS: dict[int, tuple[str, ...]] = {
    1: ("januari", "jan", "jan."),
    2: ("februari", "feb", "febr."),
    3: ("maart", "mrt", "mrt."),
    4: ("april", "apr"),
    5: ("mei",),
    6: ("juni", "jun"),
    7: ("juli", "jul."),
    8: ("augustus", "aug."),
    9: ("september", "sep", "sept."),
    10: ("oktober", "okt"),
    11: ("november", "nov."),
    12: ("december", "dec"),
}
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


@st.composite
def day_dates(draw: st.DrawFn, years: tuple[int, int] = (1800, 2199)) -> PartialDate:
    year = draw(st.integers(*years))
    month = draw(st.integers(1, 12))
    last = 28 + _leap(year) if month == 2 else _DAYS[month - 1]
    return PartialDate(year, month, draw(st.integers(1, last)))


@st.composite
def _case(draw: st.DrawFn, word: str) -> str:
    return draw(st.sampled_from((word, word.capitalize(), word.upper())))


@st.composite
def dutch_dates(draw: st.DrawFn) -> tuple[PartialDate, str]:
    """An absolute date at some precision and a way the letters write it."""
    date = draw(day_dates())
    month = draw(_case(draw(st.sampled_from(MONTH_FORMS[date.month]))))
    space = draw(st.sampled_from((" ", "  ", "\n", "\t", "\u00a0")))
    form = draw(st.integers(0, 4))
    if form == 0:
        day = draw(st.sampled_from((str(date.day), f"{date.day:02d}")))
        suffix = draw(st.sampled_from(("", "e", "ste", "de")))
        return date, f"{day}{suffix}{space}{month}{space}{date.year}"
    if form == 1:
        return date, f"{date.day}-{date.month}-{date.year}"
    if form == 2:
        return date, date.iso()
    if form == 3:
        prefix = draw(st.sampled_from(("", "begin ", "medio ", "eind ")))
        return PartialDate(date.year, date.month), f"{prefix}{month}{space}{date.year}"
    return PartialDate(date.year), str(date.year)


# ---------------------------------------------------------------- numbers

_UNIT_WORDS = (
    "nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien",
    "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien",
)
_TEN_WORDS = {
    2: "twintig",
    3: "dertig",
    4: "veertig",
    5: "vijftig",
    6: "zestig",
    7: "zeventig",
    8: "tachtig",
    9: "negentig",
}


def _below_100(n: int) -> str:
    if n < 20:
        return _UNIT_WORDS[n]
    tens, unit = divmod(n, 10)
    if not unit:
        return _TEN_WORDS[tens]
    word = _UNIT_WORDS[unit]
    return word + ("ën" if word.endswith("e") else "en") + _TEN_WORDS[tens]  # tweeëntwintig, vijfentwintig


def _below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    head = "" if not hundreds else "honderd" if hundreds == 1 else _below_100(hundreds) + "honderd"
    return head + (_below_100(rest) if rest or not head else "")


def dutch_words(n: int) -> str:
    """0 <= n < 1,000,000 as one Dutch word: 1234 is "duizendtweehonderdvierendertig"."""
    if n < 1000:
        return _below_1000(n)
    thousands, rest = divmod(n, 1000)
    head = "duizend" if thousands == 1 else _below_1000(thousands) + "duizend"
    return head + (_below_1000(rest) if rest else "")


def dutch_numeral(whole: int, fraction: str, grouped: bool) -> str:
    """Digits the Dutch way: a thousands point (if ``grouped``) and a decimal comma."""
    digits = f"{whole:,}".replace(",", ".") if grouped else str(whole)
    return digits + ("," + fraction if fraction else "")


@st.composite
def dutch_decimals(draw: st.DrawFn, max_whole: int = 10**15) -> tuple[Decimal, str]:
    whole = draw(st.integers(0, max_whole))
    fraction = draw(st.text("0123456789", max_size=4))
    value = Decimal(f"{whole}.{fraction}") if fraction else Decimal(whole)
    return value, dutch_numeral(whole, fraction, draw(st.booleans()))


# ---------------------------------------------------------------- bytes

PAYLOADS = (
    b"obj", b"endobj", b"stream", b"endstream", b"/Length 999999", b"/Length -1", b"xref", b"trailer", b"startxref",
    b"<<", b">>", b" 0 R", b"/Type /Page", b"/Kids [", b"/Count 99999", b"99999999999", b"%%EOF", b"\x00", b"(", b")",
    b"\\", b"BT", b"ET", b"Tj", b"TJ", b"Tf", b"/Filter /FlateDecode", b"/Encrypt", b"PK\x03\x04", b"<w:p>",
    b"</w:t>", b"<w:t>", b"<!--", b"<script>", b"<main>", b"&#0;", b"&amp", b"\xff\xfe", b"\xef\xbb\xbf", b"\r",
    b"\n",
)
# Places in a file where an edit changes the structure rather than some text.
_ANCHORS = re.compile(
    rb"obj|stream|/Length|xref|trailer|startxref|Tj|'\n|/Kids|/Count|/Font|\d+ 0 R|PK\x03\x04|PK\x01\x02|<w:|</?[a-z]"
)


@st.composite
def byte_edits(draw: st.DrawFn, data: bytes, max_edits: int = 6) -> list[tuple[int, int, int, bytes]]:
    """Edits for :func:`tests.fuzz_inputs.mutate`, half of them at structural places of ``data``."""
    anchors = [m.start() for m in _ANCHORS.finditer(data)] or [0]
    edits = []
    for _ in range(draw(st.integers(1, max_edits))):
        if draw(st.booleans()):
            position = draw(st.sampled_from(anchors)) + draw(st.integers(-8, 24))
        else:
            position = draw(st.integers(0, max(0, len(data))))
        payload = draw(st.one_of(st.sampled_from(PAYLOADS), st.binary(max_size=16)))
        edits.append((draw(st.integers(0, 5)), max(0, position), draw(st.integers(0, 256)), payload))
    return edits
