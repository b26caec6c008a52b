"""The report's data structure: sections of blocks of sentences, and the numbered list of sources they cite.

Every renderer works from this structure alone, turned into plain dicts (``dataclasses.asdict``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from django.urls import reverse

from ims.register.models import Citation


@dataclass
class Statement:
    """One sentence; ``refs`` are numbers into the report's ``sources``."""

    text: str
    refs: list[int] = field(default_factory=list)


@dataclass
class Block:
    kind: str  # "p" (a paragraph of sentences), "ul" (a list; each item a list of sentences), "figure"
    sentences: list[Statement] = field(default_factory=list)
    items: list[list[Statement]] = field(default_factory=list)
    chart: str = ""
    caption: str = ""


@dataclass
class Section:
    key: str
    title: str
    level: int = 1
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class Source:
    n: int
    citation: int
    label: str
    page: int | None
    title: str
    date: str
    href: str

    @property
    def text(self) -> str:
        return self.label + (f", p. {self.page}" if self.page else "")


def p(*sentences: Statement) -> Block:
    """A paragraph of sentences."""
    return Block("p", sentences=list(sentences))


def ul(items: Iterable[list[Statement]]) -> Block:
    """A bulleted list; each item is a list of sentences."""
    return Block("ul", items=list(items))


class Sources:
    """The report's citations, numbered in order of first use; one number per place in a document."""

    def __init__(self) -> None:
        self.by_citation: dict[int, Source] = {}

    def refs(self, citations: Iterable[Citation]) -> list[int]:
        """The numbers of these citations, each numbered on its first use in the report."""
        out = []
        for c in citations:
            source = self.by_citation.get(c.pk)
            if source is None:
                doc = c.document
                label = doc.cite_label()
                if label not in (doc.title,) and not doc.kamerstuk:
                    label = f"{doc.title}, kenmerk {label}"
                source = Source(n=len(self.by_citation) + 1, citation=c.pk, label=label, page=c.page,
                                title=doc.title, date=doc.date.isoformat() if doc.date else "",
                                href=reverse("reporting:source", args=[c.pk]) + "#passage")
                self.by_citation[c.pk] = source
            if source.n not in out:
                out.append(source.n)
        return out

    def as_list(self) -> list[dict]:
        """The sources in number order, as plain data with the text a footnote shows."""
        return [asdict(s) | {"text": s.text} for s in sorted(self.by_citation.values(), key=lambda s: s.n)]
