"""The document text cut into pieces for the review screen, each marked with the facts that cite it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Piece:
    text: str
    facts: tuple[int, ...]


def highlight(text: str, spans: Iterable[tuple[int, int, int]]) -> list[Piece]:
    """Split ``text`` at every span boundary; spans are (start, end, fact id) and may overlap."""
    spans = [(max(0, s), min(len(text), e), f) for s, e, f in spans if e > s]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces = []
    for a, b in pairwise(cuts):
        covering = tuple(sorted(f for s, e, f in spans if s <= a and b <= e))
        pieces.append(Piece(text[a:b], covering))
    return pieces
