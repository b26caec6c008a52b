"""The commitments to Parliament: those answered in the year, and those still open at its end."""

from __future__ import annotations

from ims.register.models import Commitment

from ..text import long_date
from .labels import date_phrase
from .prose import Writer
from .structure import Section, Statement, p, ul


def commitments(w: Writer) -> Section:
    """The section on commitments; a commitment answered in a later year counts as open at the year's end."""
    reg, y = w.reg, w.year
    s = Section("commitments", "Toezeggingen aan de Kamer")
    answered, still_open = [], []
    for c in reg.commitments:
        doc = c.answered_in
        if doc is not None and doc.date and doc.date.year == y:
            answered.append(c)
        elif doc is None or (doc.date and doc.date.year > y):
            still_open.append(c)

    def item(c: Commitment, answered_in: bool) -> list[Statement]:
        made = date_phrase(c.made_on, c.made_on_precision)
        text = f"Toegezegd {made}" + (f" ({c.where_promised})" if c.where_promised else "")
        if c.member:
            text += f", op verzoek van het lid {c.member}"
        out = [w.st(c.subject, c.cites_), w.st(text)]
        if answered_in:
            doc = c.answered_in
            shown = doc.classification <= w.level
            where = f" in {doc.cite_label()}" if shown else ""
            out.append(w.st(f"Beantwoord{where} ({long_date(doc.date, doc.date_precision)})"))
        elif c.due_on:
            out.append(w.st(f"Nog niet beantwoord; uiterlijk {long_date(c.due_on)}"))
        else:
            out.append(w.st("Nog niet beantwoord"))
        return out

    if answered:
        s.blocks.append(p(w.st(f"In {y} zijn de volgende toezeggingen aan uw Kamer beantwoord:")))
        s.blocks.append(ul(item(c, True) for c in answered))
    if still_open:
        s.blocks.append(p(w.st(f"Aan het eind van {y} stonden deze toezeggingen nog open:")))
        s.blocks.append(ul(item(c, False) for c in still_open))
    if not s.blocks:
        s.blocks.append(p(w.st(f"In {y} is geen toezegging aan uw Kamer beantwoord en stond er geen open")))
    return s
