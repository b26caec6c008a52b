"""Cutting a document's text into pieces so that every cited passage can be marked and linked to.

Passages may nest or overlap (a citation and the fact read from the same sentence, two facts from one
paragraph). HTML elements can only nest, so the text is cut at every passage boundary; each piece knows the
passages it belongs to, and the first piece of a passage is where its anchor goes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Piece:
    text: str
    # Keys ("start-end") of the passages covering this piece, outermost (longest) first.
    passages: tuple[str, ...]
    # Keys of the passages that begin with this piece: their anchor (id) is placed here.
    anchors: tuple[str, ...]


def passage_key(start: int, end: int) -> str:
    """The key of a passage as it appears in its fragment: ``#passage-<start>-<end>``."""
    return f"{start}-{end}"


def cut(text: str, spans: Iterable[tuple[int, int]]) -> list[Piece]:
    """The text in order, cut at every start and end of the spans that fall inside it.

    Spans outside the text or empty are ignored (a citation into a text that was never stored); the same span
    given twice is one passage.
    """
    length = len(text)
    wanted = sorted({(s, e) for s, e in spans if 0 <= s < e <= length}, key=lambda span: (span[0], -span[1]))
    bounds = sorted({0, length, *(s for s, _e in wanted), *(e for _s, e in wanted)})
    pieces: list[Piece] = []
    for left, right in pairwise(bounds):
        covering = [span for span in wanted if span[0] <= left and right <= span[1]]
        covering.sort(key=lambda span: span[0] - span[1])
        pieces.append(Piece(
            text=text[left:right],
            passages=tuple(passage_key(*span) for span in covering),
            anchors=tuple(passage_key(*span) for span in covering if span[0] == left),
        ))
    return pieces
