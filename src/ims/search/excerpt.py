"""A hit's snippet as places in the original text: the database picks the passage (``ts_headline`` on
PostgreSQL, FTS5's ``snippet`` on SQLite), and this finds it back in the text the user may read, so that the
snippet shows the words as written and links to where they stand. No Django here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import STOP_MARK, Token, iter_tokens, tokens

START_MARK = "\x02"  # what the database puts around a matching word
END_MARK = "\x03"
ELLIPSIS = "…"


@dataclass(frozen=True)
class Excerpt:
    start: int  # the passage's place in the text
    end: int
    parts: tuple[tuple[str, bool], ...]  # pieces of the passage, True for a matching word
    leading: bool  # text comes before the passage
    trailing: bool  # and after it


def _marked_terms(fragment: str, stemmed: bool) -> list[tuple[str, bool]]:
    """The index terms of a marked-up fragment, each with whether the database marked it as a match.

    ``stemmed``: the fragment is of index terms already (SQLite's index), else of the text as written."""
    out: list[tuple[str, bool]] = []
    inside = False
    plain = fragment.replace(ELLIPSIS, " ")
    position = 0
    for token in tokens(plain):
        gap = plain[position:token.start]
        if START_MARK in gap:
            inside = True
        if END_MARK in gap and gap.rfind(END_MARK) > gap.rfind(START_MARK):
            inside = False
        out.append((plain[token.start:token.end] if stemmed else token.term, inside))
        position = token.end
    return out


def _span(text: str, needle: list[str]) -> list[Token]:
    """The run of words of ``text`` whose terms are ``needle``, read only as far as needed (a letter is long)."""
    if not needle:
        return []
    window: list[Token] = []
    for token in iter_tokens(text):
        window.append(token)
        if len(window) > len(needle):
            window.pop(0)
        if len(window) == len(needle) and window[-1].term == needle[-1] and [t.term for t in window] == needle:
            return window
    return []


def locate(text: str, fragment: str, terms: frozenset[str], *, stemmed: bool, width: int = 30) -> Excerpt:
    """The passage of ``text`` that ``fragment`` (the database's snippet of it, marked up) shows.

    When the fragment cannot be found back (the text changed meanwhile), the passage around the first word
    of the text that matches ``terms`` is shown instead, or the text's start.
    """
    span = _span(text, [term for term, _ in _marked_terms(fragment, stemmed)])
    if not span:
        words = tokens(text)
        first = next((i for i, t in enumerate(words) if t.term in terms), 0)
        begin = max(0, first - width // 3)
        span = words[begin:begin + width]
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
