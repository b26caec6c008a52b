"""Recognising proper names of operations, programmes and projects in Dutch running text.

Such names are mostly English and capitalised ("Enhanced Vigilance Activity", "Nordic Cloud Network"),
may hold lowercase English words or connectors ("Very high readiness Naval Task Group", "Sea to
Shore Logistics"), are often defined with an acronym in brackets ("... (NCN)") or explained by a Dutch gloss
("Nordsam (Noors-Nederlandse samenwerking)"), and are later referred to by that acronym.
A run of capitalised words never continues over a Dutch function word ("Duitsland en Nederland").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ims.extract.sentences import _FUNCTION_WORDS

# "X X*" rather than "X+" (the same matches): a pattern led by a plain character class is scanned for in a
# fast loop, one led by a repeat is tried at every position.
_WORD = re.compile(r"[^\s()«»‘’“”\",;:!?][^\s()«»‘’“”\",;:!?]*")
_CONNECTORS = frozenset({"of", "for", "and", "to", "the", "on", "at", "&"})
_DUTCH = _FUNCTION_WORDS - _CONNECTORS | {
    "samen", "sinds", "waaronder", "zoals", "binnen", "buiten", "tijdens", "na", "via", "per", "zowel",
    "ook", "tevens", "voorts", "daarnaast", "verder", "nog", "al", "reeds", "hier", "daar", "zij", "ze",
    "hij",
}
# The last word of an English operation or force name: "Enhanced Vigilance Activity", "Reaction Force".
OPERATION_HEADS = frozenset({
    "force", "forces", "presence", "group", "battlegroup", "battlegroups", "mission", "operation",
    "coalition", "patrol", "shield", "guardian", "sentinel", "activity", "activities", "assurance", "guard",
    "watch",
})
_MAX_GAP = 2  # lowercase words a name may hold before its next capitalised word
_MAX_NAME_WORDS = 8
_PUNCTUATION = re.compile(r"[,.;:]")
_ACRONYM_AND_YEAR = re.compile(r"\S+ \d+")
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9]*(?:[ -][A-Za-z0-9]+)?)\s*\)")
# The full name inside the bracket, then the acronym: "... van de JSF (Production, Sustainment and Follow-on
# Development; PSFD)". Led by the literal bracket; the name starts with a capital, holds no bracket.
_NAME_AND_ACRONYM = re.compile(r"\(([A-Z][^();]{5,100}?);\s*([A-Z][A-Za-z0-9-]{1,9})\)")


class Name(NamedTuple):
    """A name in a text: ``text[start:end]``, with the acronym it is defined with, if any."""

    text: str
    start: int
    end: int
    acronym: str | None = None


def is_capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


# Candidate runs: capitalised words, with up to two lowercase words between them. Dutch function words
# are cut out afterwards in Python (a look-ahead for them inside the regex made it ten times slower).
_WORDCHARS = r"[^\s()«»‘’“”\",;:!?]"
_RUN = re.compile(
    rf"[A-Z0-9À-Þ]{_WORDCHARS}*(?:[ ]{{1,2}}(?:[a-zà-ÿ&]{_WORDCHARS}*[ ]{{1,2}}){{0,{_MAX_GAP}}}"
    rf"[A-Z0-9À-Þ]{_WORDCHARS}*)*"
)


def capitalised_runs(text: str) -> list[Name]:
    """Maximal runs of capitalised words, with connectors and lowercase words between capitals."""
    runs: list[Name] = []
    for m in _RUN.finditer(text):
        _split_run(text, m, runs)
    return runs


def run_at_start(text: str) -> Name | None:
    """The run of capitalised words that ``text`` opens with, if any: the first of
    :func:`capitalised_runs` when it starts at 0, found without looking at the rest of the text."""
    m = _RUN.match(text)
    if m is None:
        return None
    runs: list[Name] = []
    _split_run(text, m, runs)
    return runs[0] if runs and runs[0].start == 0 else None


def _split_run(text: str, m: re.Match[str], runs: list[Name]) -> None:
    """Append the runs in one candidate ``m``: its words up to, and after, each Dutch function word."""
    word = m.group()
    if " " not in word:  # one word, the usual case: no need to tokenise
        if (word[0].isupper() or word[0].isdigit()) and word.lower() not in _DUTCH:
            a, b = m.start(), m.end()
            while b > a + 1 and text[b - 1] == "." and text[b - 2].islower():
                b -= 1  # "in Irak." ends a sentence; "Zr.Ms." keeps its points
            runs.append(Name(text[a:b], a, b))
        return
    # The words of a candidate are separated by one or two spaces only: split there rather than run a regex.
    start = None
    last = None
    pos = m.start()
    for token in [*word.split(" "), None]:
        if token == "":
            pos += 1  # the second of two spaces
            continue
        if token is None or token.lower() in _DUTCH:
            if start is not None and last is not None:
                a, b = start, last
                while b > a + 1 and text[b - 1] == "." and text[b - 2].islower():
                    b -= 1  # "in Irak." ends a sentence; "Zr.Ms." keeps its points
                runs.append(Name(text[a:b], a, b))
            start = last = None
        elif token[0].isupper() or token[0].isdigit():
            if start is None:
                start = pos
            last = pos + len(token)
        if token is not None:
            pos += len(token) + 1


def _name_start(text: str, end: int, window: int, head: str) -> tuple[int | None, bool]:
    """Where the name before a bracket at ``end`` starts (see acronym_definitions), looking back to
    ``window``; and whether the walk back went as far as the first word there (which the window may cut)."""
    words = _words(text[window:end])
    start = None
    first = len(words) - 1
    for n, w in enumerate(reversed(words)):
        word = w.group()
        gap = text[window + w.end() : end if n == 0 else window + words[-n].start()]
        punctuated = gap != " " and _PUNCTUATION.search(gap)  # a single space, the usual gap, holds none
        if n >= _MAX_NAME_WORDS or punctuated or (word.lower() in _DUTCH and n != 0):
            return start, n == first
        if start is not None and not (is_capitalised(word) or word in _CONNECTORS):
            return start, n == first
        if is_capitalised(word) and word[0].lower() == head:
            start = window + w.start()
    return start, True


def acronym_definitions(text: str) -> list[Name]:
    """Names defined with an acronym: "Nordic Cloud Network (NCN)" -> Name(..., acronym="NCN").

    The name is found by walking back from the bracket over capitalised words, connectors and lowercase
    words (never over a Dutch function word or punctuation) to the nearest capitalised word that starts
    with the acronym's first letter, then further back over capitalised words only while another one
    starts with that letter: "Bruto Binnenlands Product (BBP)". A bracket may also hold the full name and
    then the acronym: "(Production, Sustainment and Follow-on Development; PSFD)".
    """
    out = []
    for m in _ACRONYM.finditer(text):
        acronym = m.group(1)
        if _ACRONYM_AND_YEAR.fullmatch(acronym):  # "ARF 2030": the acronym and a year
            acronym = acronym.split()[0]
        # The walk back rarely goes far: look at the last few words first, at all of them only when the
        # walk reaches the first of those (it may be cut off by the short window).
        start, walked_out = _name_start(text, m.start(), max(0, m.start() - 60), acronym[0].lower())
        if walked_out and m.start() > 60:
            start, _ = _name_start(text, m.start(), max(0, m.start() - 160), acronym[0].lower())
        if start is None:
            continue
        name = text[start : m.start()].strip(" \n«»‘’“”\"'")
        if name and name != acronym:
            out.append(Name(name, start, start + len(name), acronym))
    if ";" in text:
        for m in _NAME_AND_ACRONYM.finditer(text):
            out.append(Name(m.group(1), m.start(1), m.end(1), m.group(2)))
        out.sort(key=lambda name: name.start)
    return out
