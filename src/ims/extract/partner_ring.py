"""``partner_ring``: a partner placed in one of the Dutch partner rings.

Only where the text places partners explicitly: "de strategische partners van Defensie, te weten België,
..." or "Frankrijk, het Verenigd Koninkrijk en de Verenigde Staten ... Dit zijn belangrijke strategische
partners". A list that includes the Netherlands itself is another country's view ("In de Noorse strategie
worden Nederland, Duitsland ... aangemerkt als strategische partners") and is not a Dutch ring.
"""

from __future__ import annotations

import re

from ims.extract.common import stated_year
from ims.extract.context import HOME, DocContext, register_keywords
from ims.extract.facts import PartnerRing
from ims.text.gazetteer import COUNTRY

KEYWORDS = register_keywords(
    "strategische partner", "strategisch partner", "gelieerde partner", "gelegenheidspartner"
)
_RINGS = (
    (re.compile(r"\bstrategisch(?:e)? partner(?:s|landen)?\b"), "strategic"),
    (re.compile(r"\bgelieerde partner(?:s|landen)?\b"), "affiliated"),
    (re.compile(r"\bgelegenheidspartner(?:s)?\b"), "opportunity"),
)
# "Dit zijn belangrijke strategische partners": the partners are in the sentence before.
_ANAPHOR = re.compile(r"^(?:dit|deze|dat|die|zij|ze)(?: landen)? (?:zijn|waren|worden|blijven|vormen)\b")
_LIST_REACH = 15  # characters before the first listed partner where "Nederland" still belongs to the list


def _listed(doc: DocContext, i: int) -> list[str] | None:
    """Foreign countries listed in sentence ``i``; None when the Netherlands is one of the list."""
    mentions = [m for m in doc.mentions(i) if m.kind == COUNTRY and m.role != "adjective"]
    foreign = [m for m in mentions if m.id != HOME]
    if not foreign:
        return []
    lo, hi = foreign[0].start - _LIST_REACH, foreign[-1].end
    if any(m.id == HOME and lo <= m.start <= hi for m in mentions):
        return None
    return list(dict.fromkeys(m.id for m in foreign))


def extract(doc: DocContext) -> list[PartnerRing]:
    facts: dict[tuple[str, str], PartnerRing] = {}
    for i in doc.candidates(KEYWORDS):
        low = doc.lower(i)
        for pattern, ring in _RINGS:
            if not pattern.search(low):
                continue
            first, partners = i, _listed(doc, i)
            if partners == [] and i > 0 and _ANAPHOR.match(low):
                first, partners = i - 1, _listed(doc, i - 1)
            if not partners:
                continue
            year = stated_year(doc, i) or stated_year(doc, first) or doc.year
            confidence = 0.9 if first == i else 0.75
            for code in partners:
                facts.setdefault(
                    (code, ring),
                    PartnerRing(
                        doc=doc.name,
                        doc_date=doc.doc_date,
                        evidence=doc.evidence(first, i),
                        confidence=confidence,
                        partner=code,
                        ring=ring,
                        year=year,
                    ),
                )
    return list(facts.values())
