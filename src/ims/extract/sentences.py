"""Split cleaned text into sentences and headings.

A sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets) followed by a capital, a digit
or an opening quote, unless the word before the point is an abbreviation that never ends a sentence
("mw.", "nr.", "Zr.Ms.", initials) or the point is inside a quoted title («...»). Text pulled from PDFs
also breaks without punctuation: a heading is a short line of its own that opens a paragraph after a
finished sentence and is followed by a line that starts with a capital; a list item starts a new
sentence (a numbered or lettered one where the line before ends in ":", ";" or "."). Line breaks inside a
sentence are kept in the offsets but read as spaces.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from ims.text.gazetteer import find_mentions

# Abbreviations that never end a sentence (lower case, without the final point).
_ABBREVIATIONS = frozenset(
    {
        "nr", "nrs", "mw", "mevr", "dhr", "drs", "dr", "prof", "ir", "ing", "mr", "bijv", "bv", "o.a",
        "d.w.z", "m.b.t", "t.a.v", "i.v.m", "m.n", "zgn", "z.g", "ca", "resp", "incl", "excl", "art",
        "blz", "p", "zr.ms", "hr.ms", "gen", "lt", "kol", "maj", "kap", "ltgen", "vadm", "sgt", "a.s",
        "i.p.v", "t.b.v", "n.a.v", "o.b.v", "vs", "jhr", "st", "min", "e.a", "vgl", "evt", "ong", "aug",
        "sept", "okt", "nov", "dec", "jan", "feb", "febr", "mrt", "apr", "jun", "jul",
    }
)
# An article or preposition before a number and a point: an ordinal ("de 1. Panzerdivision"), for a
# sentence ends in a number only after a noun ("bijlage 2.").
_ORDINAL_BEFORE = re.compile(r"(?:^|\s)(?:de|het|der|die|des|van|zur|zum|dem|den)\s\d{1,2}$")
_INITIALS = re.compile(r"(?:[A-Z][a-z]{0,2}\.)*[A-Z][a-z]{0,2}\Z")
# A word ending in this many characters without a space, bracket or point is longer than any abbreviation
# and cannot be initials (those have a point at least every four characters).
_PLAIN_WORD = max(4, 1 + max(map(len, _ABBREVIATIONS)))
_WORD_BREAK = re.compile(r"[ \n(«.]")
_FUNCTION_WORDS = frozenset(
    {
        "de", "het", "een", "van", "en", "of", "in", "op", "met", "voor", "aan", "bij", "door", "naar",
        "om", "te", "tot", "uit", "over", "als", "dat", "die", "dan", "is", "zijn", "wordt", "worden",
        "zal", "zullen", "heeft", "hebben", "kan", "kunnen", "moet", "er", "niet", "ook", "nog", "the",
        "and", "for", "to", "a", "an", "waarin", "waarmee", "onder", "tussen", "tegen", "zoals", "maar",
        "want", "wij", "we",
    }
)
# One regex per end mark, each starting with its literal: the regex engine scans for a single literal
# several times faster than for a class of characters.
_CLOSERS = "[\"'»”’)\\]]*"
_NEXT = r"(?=\s+[\"'«“‘(]?[A-Z0-9À-Þ]|\s*\Z)"
_POINT_END = re.compile(rf"\.{_CLOSERS}{_NEXT}")
_OTHER_ENDS = (("!", re.compile(rf"!{_CLOSERS}{_NEXT}")), ("?", re.compile(rf"\?{_CLOSERS}{_NEXT}")))
# A heading follows a blank line (see _after_gap): the look-behind drops every other line break at once.
_HEADING = re.compile(r"\n(?<!\S\n)([A-ZÀ-Þ][^\n.!?;,]{1,69})(?=\n|\Z)")
_HEADING_AFTER_BLANK = re.compile(r"\n\n([A-ZÀ-Þ][^\n.!?;,]{1,69})(?=\n|\Z)")
# Every character str.isspace() and \s know besides the line break (a test checks the list is complete).
_SPACES_BUT_BREAK = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
# A line break with such a space before it: led by the literal break, which the regex engine scans for at
# memchr speed, the space checked behind (far cheaper than searching the text for each space in turn).
_SPACE_BEFORE_BREAK = re.compile("\n(?<=[" + re.escape(_SPACES_BUT_BREAK) + "]\n)")
_FIRST_HEADING = re.compile(r"([A-ZÀ-Þ][^\n.!?;,]{1,69})(?=\n|\Z)")
_ITEM = re.compile(r"\n[ \t]*[–\-•▪*][ \t]")
# A numbered or lettered item ("1. ...", "2) ...", "a. ...") starts a new sentence where the line before
# ended a clause or announced the list (":", ";", "."): a line that breaks a sentence ends in none of them.
_NUMBERED_ITEM = re.compile(r"\n[ \t]*(?:\d{1,2}|[a-z])[.)][ \t]")
_MAX_HEADING_WORDS = 12


class Sentence(NamedTuple):
    """A sentence or heading: ``start``/``end`` are offsets in the cleaned text, ``text`` its words.

    A named tuple: a long document has tens of thousands of them, and it is far cheaper to build.
    """

    index: int
    start: int
    end: int
    text: str
    heading: bool = False


def _is_abbreviation(text: str, dot: int) -> bool:
    if dot >= _PLAIN_WORD and not _WORD_BREAK.search(text, dot - _PLAIN_WORD, dot):
        return False  # the usual case, settled at once: a word too long for the list and with no initials
    before = text[max(0, dot - 9) : dot]
    if " " not in before and "\n" not in before and dot >= 9:
        return False  # a word of nine letters or more: no abbreviation
    word = before[max(before.rfind(" "), before.rfind("\n"), before.rfind("("), before.rfind("«")) + 1 :]
    if len(word) > 8 or not word:
        return False
    if word.isdigit() and len(word) <= 2:
        return bool(_ORDINAL_BEFORE.search(before))  # "in de 1. Panzerdivision": a German ordinal
    return word.lower() in _ABBREVIATIONS or (word[0].isupper() and bool(_INITIALS.match(word)))


def _previous_char(text: str, pos: int) -> str:
    """The last non-space character before ``pos`` ("" at the start of the text)."""
    stripped = text[max(0, pos - 200) : pos].rstrip()
    return stripped[-1] if stripped else ("" if pos <= 200 else text[pos - 201])


def _after_gap(text: str, start: int) -> bool:
    """True when the line at ``start`` opens the text or follows a blank line (a paragraph gap)."""
    before = text[max(0, start - 200) : start].rstrip(" \t")
    return start == 0 or not before.strip() or before.endswith("\n\n")


def _is_heading(text: str, start: int, end: int, line: str) -> bool:
    if not _after_gap(text, start):
        return False
    words = line.split()
    if not words or len(words) > _MAX_HEADING_WORDS or words[-1].lower() in _FUNCTION_WORDS:
        return False
    if line.rstrip().endswith(("-", ":")):
        return False
    if _previous_char(text, start) not in ("", ".", "!", "?", ":", ";", "»", "”", ")"):
        return False
    rest = text[end : end + 200].lstrip()
    if not rest:
        return True
    if not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "–-•"):
        return False
    # "... met het Verenigd" + "Koninkrijk groeit.": a name broken over two lines, not a heading.
    joined = f"{words[-1]} {rest.split(maxsplit=1)[0]}"
    return not any(m.start == 0 and m.end > len(words[-1]) for m in find_mentions(joined))


def _headings(text: str) -> list[tuple[int, int]]:
    found = []
    first = _FIRST_HEADING.match(text)
    candidates = [(first.start(1), first.end(1), first.group(1))] if first else []
    # In cleaned text the only white space before a line break is another one: a literal scan for two
    # breaks finds the same lines as _HEADING, much faster.
    other_space = text.startswith("\n") or _SPACE_BEFORE_BREAK.search(text) is not None
    heading = _HEADING if other_space else _HEADING_AFTER_BLANK
    candidates += [(m.start(1), m.end(1), m.group(1)) for m in heading.finditer(text)]
    for start, end, line in candidates:
        if _is_heading(text, start, end, line):
            found.append((start, end))
    return found


def _ends(text: str) -> list[int]:
    """Where sentences end: after a point (not of an abbreviation), "!" or "?", outside quoted titles."""
    ends = [m.end() for m in _POINT_END.finditer(text) if not _is_abbreviation(text, m.start())]
    for mark, regex in _OTHER_ENDS:
        if mark in text:
            ends += [m.end() for m in regex.finditer(text)]
            ends.sort()
    if "«" not in text and "“" not in text:
        return ends
    kept, last = [], 0
    for end in ends:
        if text.count("«", last, end) > text.count("»", last, end) or text.count("“", last, end) > text.count(
            "”", last, end
        ):
            continue  # a point inside a quoted title: «Europese Defensiesamenwerking. Soevereiniteit ...»
        kept.append(end)
        last = end
    return kept


def split_sentences(text: str) -> list[Sentence]:
    """Sentences and headings of a cleaned text, in order."""
    cuts: set[int] = {0, len(text)}
    cuts.update(_ends(text))
    heading_spans = _headings(text)
    for start, end in heading_spans:
        cuts.add(start)
        cuts.add(end)
    if "\n" in text:
        cuts.update(m.start() + 1 for m in _ITEM.finditer(text))
        cuts.update(
            m.start() + 1 for m in _NUMBERED_ITEM.finditer(text) if _previous_char(text, m.start()) in (":", ";", ".")
        )
    headings = {start for start, _ in heading_spans}
    bounds = sorted(cuts)
    # Built with list comprehensions over all pieces at once: per-piece Python statements cost more.
    chunks = [text[a:b] for a, b in pairwise(bounds)]
    bodies = [chunk.lstrip() for chunk in chunks]
    starts = [a + len(chunk) - len(body) for a, chunk, body in zip(bounds, chunks, bodies, strict=False)]
    pieces = [(start, body.rstrip()) for start, body in zip(starts, bodies, strict=True) if body]
    new = tuple.__new__  # a named tuple's own constructor is a Python function: this is several times faster
    return [
        new(Sentence, (k, start, start + len(body), body.replace("\n", " "), start in headings))
        for k, (start, body) in enumerate(pieces)
    ]
