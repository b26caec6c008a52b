"""A hit's snippet as places in the original text: the passage around the first place where the query matches,
with the matching words marked, so that the snippet shows the words as written and links to where they stand.
No Django here.

It is cut from the text of the shown page's hits only, and the text is read only as far as the passage: a
letter is long, and asking the database for its best passage (``ts_headline``, FTS5's ``snippet``) meant
reading and parsing every letter on the page in full.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from .analysis import STOP_MARK, Token, fold, iter_tokens

_CONTEXT_CHARS = 400  # read from this far before the first place a match may start: ten words and more
# Accented Latin letters and their letter without the accent, to find words in a text without folding all of it
# (``fold`` reads it character by character in Python, which costs more than the rest of a hit).
_BASES = {c: fold(chr(c)) for c in range(0xC0, 0x250) if len(fold(chr(c))) == 1 and fold(chr(c)).isascii()}


@dataclass(frozen=True)
class Excerpt:
    start: int  # the passage's place in the text
    end: int
    parts: tuple[tuple[str, bool], ...]  # pieces of the passage, True for a matching word
    leading: bool  # text comes before the passage
    trailing: bool  # and after it


def passage(text: str, needles: Iterable[tuple[str, ...]], terms: frozenset[str], *, width: int = 30) -> Excerpt:
    """The passage of ``text`` (``width`` words) around the first place where one of ``needles`` stands: runs of
    index terms, a word's or a phrase's. Words whose term is in ``terms`` are marked. Without such a place (the
    hit was found by its title) the passage is the start of the text."""
    wanted = [tuple(n) for n in needles if n]
    lasts = {n[-1] for n in wanted}
    before = width // 3
    longest = max((len(n) for n in wanted), default=1)
    recent: deque[Token] = deque(maxlen=before + longest)
    earliest = _earliest(text, wanted)
    reader = iter_tokens(text, max(0, earliest - _CONTEXT_CHARS)) if earliest >= 0 else iter([])
    span: list[Token] = []
    for token in reader:
        recent.append(token)
        if token.term not in lasts:
            continue
        found = next((n for n in wanted if n[-1] == token.term and len(n) <= len(recent)
                      and all(recent[len(recent) - len(n) + i].term == t for i, t in enumerate(n))), None)
        if found is not None:
            span = list(recent)[max(0, len(recent) - len(found) - before):]
            span += islice(reader, max(0, width - len(span)))
            break
    if not span:
        span = list(islice(iter_tokens(text), width))
    return _excerpt(text, span, terms)


def _earliest(text: str, needles: list[tuple[str, ...]]) -> int:
    """The first place in ``text`` where a match can begin, found without reading it word by word; -1: none.

    Snowball's Dutch stemmer only cuts endings and undoubles a last vowel or consonant ("boten", "boot":
    "bot"), so every word stands in the folded text with its stem, less the stem's last two letters, in front.
    The first such place of any needle's first term is where reading word by word may start.
    """
    folded = text.lower().translate(_BASES)
    if len(folded) != len(text):  # lower case moved the places: read from the start
        return 0
    places = [folded.find(n[0][:max(1, len(n[0]) - 2)]) for n in needles]
    return min((p for p in places if p >= 0), default=-1)


def _excerpt(text: str, span: list[Token], terms: frozenset[str]) -> Excerpt:
    if not span:
        return Excerpt(0, 0, (), False, False)
    parts: list[tuple[str, bool]] = []
    position = span[0].start
    for token in span:
        if token.start > position:
            parts.append((text[position:token.start], False))
        parts.append((text[token.start:token.end], token.term in terms and token.term != STOP_MARK))
        position = token.end
    merged: list[tuple[str, bool]] = []
    for piece, hit in parts:  # neighbouring plain pieces as one
        if merged and not hit and not merged[-1][1]:
            merged[-1] = (merged[-1][0] + piece, False)
        else:
            merged.append((piece, hit))
    trailing = any(ch.isalnum() for ch in text[span[-1].end:])
    return Excerpt(span[0].start, span[-1].end, tuple(merged), span[0].start > 0, trailing)
