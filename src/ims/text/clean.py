"""Clean text pulled from PDFs while keeping the way back to the original.

Letters arrive with page furniture (``Pagina 2 van 13``, the return address, the "Onze referentie" side
block), words hyphenated across lines, stand-alone footnote numbers, superscripts detached onto their own
line and layout whitespace (lines holding a single space). Extraction runs on the cleaned text, but every
fact must point at the exact place in the *original* text, so cleaning never rewrites a character other
than whitespace: it only drops, keeps or moves characters, and records where each one came from.

Cleaning runs in passes, each recorded as an :class:`OffsetMap`:

1. lines: drop furniture lines and footnote blocks, reattach superscripts, join hyphenated words;
2. spaces: odd spaces (tab, no-break space, form feed) become plain spaces, in place;
3. deletions: spaces around line breaks, runs of spaces, glued footnote markers, soft hyphens;
4. blank lines: at most one empty line in a row.

Passes 3 and 4 only delete, and find what to delete with regexes that start with a literal character,
so that they run at C speed: per-match Python work is what makes text cleaning slow.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from operator import sub

# ---------------------------------------------------------------- offset bookkeeping


class OffsetMap:
    """Where each character of a derived string came from in its source string.

    Stored as segments: derived characters ``[cs[k], cs[k+1])`` are source characters starting at
    ``os[k]``.
    """

    __slots__ = ("_cs", "_os", "length")

    def __init__(self, clean_starts: list[int], orig_starts: list[int], length: int) -> None:
        self._cs = clean_starts
        self._os = orig_starts
        self.length = length

    def __call__(self, index: int) -> int:
        """The source offset of derived character ``index``."""
        k = bisect_right(self._cs, index) - 1
        if k < 0:
            return 0
        return self._os[k] + (index - self._cs[k])


def _keep(text: str, kept: list[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """The concatenation of the ``kept`` source slices, with its offset map."""
    return _join(text, [a for a, _ in kept], [b for _, b in kept])


def _delete(text: str, spans: list[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """``text`` without the (sorted, non-overlapping) ``spans``, with its offset map."""
    return _join(text, [0] + [b for _, b in spans], [a for a, _ in spans] + [len(text)])


def _join(text: str, starts: list[int], ends: list[int]) -> tuple[str, OffsetMap]:
    """The source slices ``text[starts[k]:ends[k]]`` joined, with the offset map; built with map() over
    the lists, which runs in C, rather than a Python loop over the (hundreds of) slices."""
    clean_starts = list(accumulate(map(sub, ends, starts), initial=0))
    length = clean_starts.pop()
    return "".join(map(text.__getitem__, map(slice, starts, ends))), OffsetMap(clean_starts, starts, length)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of ``ranges``."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        elif end > start:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus the map back to the original text it was made from."""

    text: str
    original: str
    _maps: tuple[OffsetMap, ...]

    def to_original(self, index: int) -> int:
        """Original offset of cleaned character ``index`` (``len(text)`` maps to the end)."""
        if not self.text:
            return 0
        if index >= len(self.text):
            return self.to_original(len(self.text) - 1) + 1
        for offset_map in reversed(self._maps):
            index = offset_map(index)
        return index

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` covering cleaned ``text[start:end]`` (end exclusive)."""
        if end <= start:
            at = self.to_original(start)
            return at, at
        first, last = self.to_original(start), self.to_original(end - 1)
        return min(first, last), max(first, last) + 1


# ---------------------------------------------------------------- pass 1: lines

# One regex for all line-level noise. It starts with a literal newline so that the regex engine jumps
# from line to line at C speed; each line's own newline is left in place (look-ahead) so that runs of
# furniture lines all match. The first line of a text is tried separately.
_LINE_KINDS = r"""(?:
    (?P<furniture>[ \t\f]*(?:
        Pagina[ ]\d+[ ]van[ ]\d+                                   # running footer
      | >?[ ]?Retouradres\b[^\n]{0,120}                             # return address (a short line)
      | (?:Tweede|Eerste)[ ]Kamer,[ ]vergaderjaar[ ]\d{4}[–-]\d{4},[ ]\d+[ ]\d+,[ ]nr\.[ ]\d+(?:[ ]+\d+)?
      | \d{1,3}(?:[ \t]+\d{1,3})*                                  # stand-alone footnote / page numbers
      | _{5,}                                                      # rule lines
      )[ \t]*)
  | (?P<label>[ \t\f]*(?:Onze[ ]referentie|Ons[ ]kenmerk|Uw[ ]referentie|Uw[ ]kenmerk|Uw[ ]brief|Datum
      |Betreft|Bijlage\(n\)|Afschrift[ ]aan)\b[^\n]{0,60})              # the letter's side block
  | (?P<rule>[ \t]{20,})                                           # the rule above footnotes
  | (?P<note>\d{1,2}[ \t]{2,}\S[^\n]*)                               # "1  Ter inzage gelegd ..."
  | (?P<sup>[ \t]*(?:e|ste|de|er)[ \t]*)                              # a detached superscript
  )(?=\n|\Z)"""
# The look-ahead names how every kind of noise line starts (after its indent): most lines start otherwise
# and are passed over at once instead of being tried against every kind.
_LINE_NOISE = re.compile(
    r"\n(?=[ \t\f]*(?:Pagina|>|Retouradres|Tweede|Eerste|[0-9_]|Onze|Ons|Uw|Datum|Betreft|Bijlage|Afschrift"
    r"|(?:e|ste|de|er)[ \t]*(?:\n|\Z))|[ \t]{20})" + _LINE_KINDS,
    re.VERBOSE,
)
_FIRST_LINE_NOISE = re.compile(_LINE_KINDS, re.VERBOSE)
# "Bij beantwoording datum, onze referentie en betreft vermelden.": the end of a Dutch letterhead.
_LETTERHEAD_END = re.compile(
    r"(?m)^[ \t]*Bij beantwoording[^\n]*\n(?:[^\n]*\n){0,4}?[ \t]*vermelden\.?[ \t]*(?:\n|\Z)"
)
_LETTERHEAD_WINDOW = 8000
_REFERENCE_LINE = re.compile(r"[ \t]*[A-Z]{1,6}[-/]?\d[\d/.-]{4,}[ \t]*(?:\n|\Z)")
_BASE_NUMBER = re.compile(r"(?<![\w.,-])\d{1,3}(?=[ ][^\W\d_])")
_PAGE_FOOTER = re.compile(r"[ \t\f]*Pagina \d+ van \d+")
_SENTENCE_END = re.compile(r"[.!?][\"'»”’)]*[ \t]*$")
_MAX_FOOTNOTE_LINES = 30


def _line_end(text: str, pos: int) -> int:
    """Offset just past the line holding ``pos`` (past its newline)."""
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl + 1


def _footnote_block(text: str, start: int) -> int:
    """End of the footnote block that begins with the rule line at ``start``."""
    pos = _line_end(text, start)
    for _ in range(_MAX_FOOTNOTE_LINES):
        if pos >= len(text):
            break
        line = text[pos : _line_end(text, pos)]
        if not line.strip() or "\f" in line or _PAGE_FOOTER.match(line):
            break
        pos += len(line)
    return pos


def _footnote_text(text: str, start: int, end: int) -> int:
    """Extend a footnote text line (``1  Ter inzage ...``) over its wrapped continuation lines."""
    pos = end
    for _ in range(4):
        if _SENTENCE_END.search(text[start:pos].rstrip("\n")) or pos >= len(text):
            break
        nxt = _line_end(text, pos)
        if not text[pos:nxt].strip():
            break
        pos = nxt
    return pos


def _superscript_move(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """Where a detached superscript ("e" of "1e") belongs: after the first number on the next line."""
    nxt = _line_end(text, end)
    while nxt < len(text) and not text[nxt : _line_end(text, nxt)].strip():
        nxt = _line_end(text, nxt)
    base = _BASE_NUMBER.search(text, nxt, _line_end(text, nxt))
    if not base:
        return None
    word = text[start:end].strip()
    src = text.index(word, start)
    return base.end(), src, src + len(word)


def _drops_and_moves(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int, int]]]:
    """Ranges of the original to drop, and (insert_at, src_start, src_end) superscript moves."""
    drops: list[tuple[int, int]] = []
    moves: list[tuple[int, int, int]] = []
    labels: list[tuple[int, int]] = []
    marker = text.find("Bij beantwoording", 0, _LETTERHEAD_WINDOW)  # a cheap test before the regex
    line = text.rfind("\n", 0, marker) + 1
    head = _LETTERHEAD_END.search(text, line, _LETTERHEAD_WINDOW) if marker >= 0 else None
    body = head.end() if head else 0
    if head:
        drops.append((0, body))
    first = _FIRST_LINE_NOISE.match(text, body)
    matches = ([(first, body)] if first else []) + [
        (m, m.start() + 1) for m in _LINE_NOISE.finditer(text, body)
    ]
    for m, start in matches:
        end = m.end()
        line = (start, min(end + 1, len(text)))  # the line with its newline
        kind = m.lastgroup
        if kind == "furniture":
            drops.append(line)
        elif kind == "label":
            labels.append(line)
        elif kind == "rule":
            drops.append((start, _footnote_block(text, start)))
        elif kind == "note":
            drops.append((start, _footnote_text(text, start, line[1])))
        elif kind == "sup":
            drops.append(line)
            move = _superscript_move(text, start, end)
            if move:
                moves.append(move)
    if len(labels) >= 2:  # the side block repeats on every page: furniture, not text
        for start, end in labels:
            drops.append((start, end))
            ref = _REFERENCE_LINE.match(text, end)
            if ref:
                drops.append(ref.span())
    return drops, moves


# Two regexes rather than one alternation: each then starts with a literal, which the engine scans for fast.
_LINE_BREAK_HYPHEN = re.compile(r"-\n(?:[ \t\f]*\n)*[ \t\f]*(?=[^\W\d_])")
_LINE_BREAK_SOFT_HYPHEN = re.compile(r"\u00ad\n(?:[ \t\f]*\n)*[ \t\f]*")
_SOFT_HYPHEN = re.compile("\u00ad")
_WORD_AFTER = re.compile(r"[^\W\d_]+")
_SUSPENDED = frozenset({"en", "of", "tot", "and", "or"})  # "bi- en multilateraal"


def _hyphen_drop(text: str, start: int, end: int) -> tuple[int, int] | None:
    """What to drop of a line-end hyphen: the hyphen and break inside a word, or only the break."""
    if not text[start - 1 : start].isalpha():
        return None  # a dash ending a line, not a word break
    if text[start] == "\u00ad":
        return start, end
    k = start
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    word_before = text[k:start]
    after = _WORD_AFTER.match(text, end)
    word_after = after.group() if after else ""
    if word_after.lower() in _SUSPENDED:
        return None  # "bi-\nen multilateraal": a real hyphen before a real space
    if word_before[:1].isupper() or word_after[:1].isupper():
        return start + 1, end  # Frans-Duitse, NAVO-top, Leopard-tanks: keep the hyphen
    return start, end  # interna-|tionale -> internationale


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect_right(spans, (pos, len(spans) and 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _pass_lines(text: str) -> tuple[str, OffsetMap]:
    drops, moves = _drops_and_moves(text)
    hyphens = list(_LINE_BREAK_HYPHEN.finditer(text))
    if "\u00ad" in text:
        hyphens += _LINE_BREAK_SOFT_HYPHEN.finditer(text)
    for m in hyphens:
        drop = _hyphen_drop(text, m.start(), m.end())
        if drop:
            drops.append(drop)
    drops = _merge(drops)
    moves = sorted(mv for mv in moves if not _inside(drops, mv[0]))
    kept: list[tuple[int, int]] = []
    pos = 0
    cuts = sorted([(a, b, None) for a, b in drops] + [(at, at, (s, e)) for at, s, e in moves])
    for start, end, moved in cuts:
        if start < pos:
            continue
        kept.append((pos, start))
        if moved:
            kept.append(moved)
        pos = max(pos, end)
    kept.append((pos, len(text)))
    return _keep(text, kept)


# ---------------------------------------------------------------- passes 2-4: whitespace

_ODD_SPACE = re.compile("[\t\f\v\r\u00a0\u2007\u2009\u202f\u2028\u2029]")
# Pass 3 finds what to delete with regexes that start with a literal (a space or a line break), which the
# regex engine scans for at memchr speed; a character class or look-behind in front makes it test every
# position, several times slower. Each kind of deletion is found so that no two overlap (see _deletions).
_SPACE_BEFORE_BREAK = re.compile(r" \n")
_SPACES_AFTER_BREAK = re.compile(r"\n( +)")
_SPACE_RUN = re.compile(r"   *")  # not "  +": two literal spaces in front are scanned for as one string
_SPACE_BEFORE_PUNCT = re.compile(r" [.,;:](?=\s|\Z)")
_BREAK_BEFORE_PUNCT = re.compile(r"\n[.,;:](?=\s|\Z)")
_PUNCT_AFTER = ")»”’"  # besides a letter or digit, what may stand before the space that goes
# A footnote marker glued to a word ("bijlagen1."): one branch per digit, so that each starts with a
# literal, the word checked behind.
_GLUED_NOTE = re.compile("|".join(rf"{d}(?<=[a-zà-ÿ]{{3}}{d})\d?(?=[.,;:]?(?:\s|\Z))" for d in "0123456789"))
# Scanning for digits is slow even so, and few texts have any glued to a word. A byte per character
# (Latin-1, anything else "?") mapped to "a" for a lowercase letter of the regex, "0" for a digit and " " for
# anything else shows, with fast C calls, where a text has three such letters before a digit.
_LETTER_DIGIT = bytes(
    ord("a") if 0x61 <= b <= 0x7A or 0xE0 <= b <= 0xFF else ord("0") if 0x30 <= b <= 0x39 else ord(" ")
    for b in range(256)
)
_EXTRA_BREAKS = re.compile(r"\n\n(\n+)")


def _deletions(text: str) -> list[tuple[int, int]]:
    """Everything pass 3 deletes, as sorted, non-overlapping spans of ``text``.

    Spaces next to a line break go (the whole run), as does every space of a run but the first, a space or
    break before punctuation, a glued footnote marker, a soft hyphen, and the whitespace around the text.
    The kinds are found separately but never overlap, so sorting them is enough: no merging.
    """
    n = len(text)
    runs = [m.span() for m in _SPACE_RUN.finditer(text)]
    before = [m.start() for m in _SPACE_BEFORE_BREAK.finditer(text)]  # the last space before a break
    spans = [(k, k + 1) for k in before]
    for a, b in runs:
        if text[b : b + 1] == "\n":  # a run of spaces before a break goes whole
            spans[bisect_left(before, b - 1)] = (a, b)
    # Spaces after a break; those that run on to the next break are already spans before that one.
    after = [m.span(1) for m in _SPACES_AFTER_BREAK.finditer(text)]
    if after:
        spans += [(a, b) for a, b in after if text[b : b + 1] != "\n"]
    # Runs of spaces inside a line keep their first space.
    rare = [(a + 1, b) for a, b in runs if text[b : b + 1] != "\n" and text[a - 1 : a] != "\n"]
    rare += [
        (k, k + 1)
        for regex in (_SPACE_BEFORE_PUNCT, _BREAK_BEFORE_PUNCT)
        for k in [m.start() for m in regex.finditer(text)]
        if not k or text[k - 1].isalnum() or text[k - 1] in _PUNCT_AFTER
    ]
    # The shapes tell where the regex can match at all: at a digit after three such letters. Tried only there
    # (bytes.find runs at memory speed), not searched for through the whole text.
    shapes = text.encode("latin-1", "replace").translate(_LETTER_DIGIT)
    at = shapes.find(b"aaa0")
    while at >= 0:
        m = _GLUED_NOTE.match(text, at + 3)
        if m:
            rare.append(m.span())
        at = shapes.find(b"aaa0", at + 1)
    if "\u00ad" in text:
        rare += [m.span() for m in _SOFT_HYPHEN.finditer(text)]
    spans = sorted(spans + rare) if rare or after else spans
    # The whitespace around the whole text goes as well.
    start, end = n - len(text.lstrip()), len(text.rstrip())
    if start >= end:
        return [(0, n)] if n else []
    inner = (
        spans
        if not spans or (spans[0][0] >= start and spans[-1][1] <= end)
        else [(a, b) for a, b in spans if a >= start and b <= end]
    )
    return ([(0, start)] if start else []) + inner + ([(end, n)] if end < n else [])


_ODD_SPACE_CHARS = "\t\f\v\r\u00a0"  # the ones that occur in practice; the regex also knows rarer ones


def _pass_spaces(text: str) -> str:
    """Odd spaces become plain ones; the length is unchanged, so no offset map is needed."""
    # Testing each character with `in` is far cheaper than a character-class scan when there are none.
    return _ODD_SPACE.sub(" ", text) if any(ch in text for ch in _ODD_SPACE_CHARS) else text


def clean_text(original: str) -> CleanText:
    """Clean ``original`` and keep the offset map back to it. Never raises: any string can be cleaned."""
    text, line_map = _pass_lines(original)
    text = _pass_spaces(text)
    text, space_map = _delete(text, _deletions(text))
    text, break_map = _delete(text, [m.span(1) for m in _EXTRA_BREAKS.finditer(text)])
    return CleanText(text, original, (line_map, space_map, break_map))
