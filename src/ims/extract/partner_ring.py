"""``partner_ring``: a partner placed in one of the Dutch partner rings.

Only where the text places partners, by these rules (the ``rule`` a fact carries):

* ``partner_ring.enumeration`` — the ring word with the partners listed in the sentence: "de strategische
  partners van Defensie, te weten België, ...", "samenwerking met strategische partners, waaronder met
  Duitsland in Litouwen" (a country after "in" is where, not who), "X is één van de strategische
  defensiepartners van Nederland", "Voor deze missie is Zweden een gelegenheidspartner";
* ``partner_ring.anaphor`` — the partners in the sentence before: "Frankrijk, het Verenigd Koninkrijk en
  de Verenigde Staten ... Dit zijn belangrijke strategische partners";
* ``partner_ring.called`` — one partner called a strategic ally or partnership: "noemde Frankrijk een
  strategische bondgenoot", "de samenwerking met Duitsland als een strategisch partnerschap";
* ``partner_ring.list`` — the ring word ends in a colon and the partners follow as list items
  ("De gelieerde partners zijn:" then "– Canada", "– Japan");
* ``partner_ring.heading`` — a ring heading ("Strategische partners") with a section per partner under
  it: each heading that names only countries, up to the first heading that does not.

A list that includes the Netherlands itself is another country's view ("In de Noorse strategie worden
Nederland, Duitsland ... aangemerkt als strategische partners"), and so is a partnership between two
other countries: neither is a Dutch ring. Countries only said to be close partners are not placed.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ims.extract.common import place_mentions, stated_year
from ims.extract.context import HOME, DocContext, register_keywords
from ims.extract.facts import PartnerRing
from ims.text.gazetteer import COUNTRY

KEYWORDS = register_keywords("strategisch", "gelieerde partner", "gelegenheidspartner")
RULE_ENUMERATION = "partner_ring.enumeration"
RULE_ANAPHOR = "partner_ring.anaphor"
RULE_CALLED = "partner_ring.called"
RULE_LIST = "partner_ring.list"
RULE_HEADING = "partner_ring.heading"
_BULLETS = ("–", "-", "•", "▪", "*")
_LIST_ITEMS = 20  # list items after a colon that may name partners
_COUNTRY_HEADING = re.compile(r"^(?:\s*(?:,|en|and|&)\s*)*$")
_RINGS = (
    (re.compile(r"\bstrategische?\s+(?:\w+)?partner(?:s|landen)?\b"), "strategic"),
    (re.compile(r"\bgelieerde\s+(?:\w+)?partner(?:s|landen)?\b"), "affiliated"),
    (re.compile(r"\bgelegenheidspartner(?:s)?\b"), "opportunity"),
)
# One partner called so: a strategic ally or partnership is the strategic ring.
_CALLED = re.compile(r"\bstrategische?\s+(?:bondgeno(?:ot|ten)|partnerschap(?:pen)?)\b")
# "Dit zijn belangrijke strategische partners": the partners are in the sentence before.
_ANAPHOR = re.compile(r"^(?:dit|deze|dat|die|zij|ze)(?: landen)? (?:zijn|waren|worden|blijven|vormen)\b")
_NO_YEAR_CONFIDENCE = 0.5
_LIST_REACH = 15  # characters before the first listed partner where "Nederland" still belongs to the list


def _listed(doc: DocContext, i: int) -> list[str] | None:
    """Foreign countries listed in sentence ``i`` as actors (not places); None when the Netherlands is one
    of the list."""
    mentions = doc.mentions(i)
    places = place_mentions(doc.lower(i), mentions)
    actors = [m for k, m in enumerate(mentions) if m.kind == COUNTRY and m.role != "adjective" and k not in places]
    foreign = [m for m in actors if m.id != HOME]
    if not foreign:
        return []
    lo, hi = foreign[0].start - _LIST_REACH, foreign[-1].end
    if any(m.id == HOME and lo <= m.start <= hi for m in actors):
        return None
    return list(dict.fromkeys(m.id for m in foreign))


def _fact(doc: DocContext, first: int, i: int, code: str, ring: str, rule: str, confidence: float) -> PartnerRing:
    year = stated_year(doc, i) or stated_year(doc, first) or doc.year
    if year is None:
        confidence = _NO_YEAR_CONFIDENCE  # the year the placement holds for is unknown without the document's date
    return PartnerRing(
        doc=doc.name, doc_date=doc.doc_date, evidence=doc.evidence(first, i), confidence=confidence, rule=rule,
        partner=code, ring=ring, year=year,
    )


def _items_after(doc: DocContext, i: int) -> tuple[list[str], int]:
    """Countries of the list items right after sentence ``i`` ("– Canada"), and the last item's index."""
    found: list[str] = []
    last = i
    for j in range(i + 1, min(len(doc.sentences), i + 1 + _LIST_ITEMS)):
        if not doc.sentences[j].text.lstrip().startswith(_BULLETS):
            break
        listed = _listed(doc, j) or []
        found += [code for code in listed if code not in found]
        last = j
    return found, last


def _country_heading(doc: DocContext, j: int) -> list[str]:
    """The countries a heading names when it names nothing else ("België en Luxemburg")."""
    text = doc.sentences[j].text
    mentions = [m for m in doc.mentions(j) if m.kind == COUNTRY]
    if not mentions:
        return []
    rest = "".join(text[a.end : b.start] for a, b in pairwise(mentions))
    if text[: mentions[0].start].strip() or text[mentions[-1].end :].strip() or not _COUNTRY_HEADING.match(rest):
        return []
    return [m.id for m in mentions if m.id != HOME]


def _under_heading(doc: DocContext, heading: int, ring: str, facts: dict[tuple[str, str], PartnerRing]) -> None:
    """Partners placed by their section headings under a ring heading."""
    headings = [s.index for s in doc.sentences[heading + 1 :] if s.heading]
    for j in headings:
        partners = _country_heading(doc, j)
        if not partners:
            break
        for code in partners:
            facts.setdefault((code, ring), _fact(doc, j, j, code, ring, RULE_HEADING, 0.8))


def extract(doc: DocContext) -> list[PartnerRing]:
    facts: dict[tuple[str, str], PartnerRing] = {}
    for i in doc.candidates(KEYWORDS) + [i for i in doc.having(KEYWORDS) if doc.sentences[i].heading]:
        low = doc.lower(i)
        if "partner" not in low and "bondgeno" not in low:
            continue  # "politiek-strategische doelen": the word without a partner
        for pattern, ring in _RINGS:
            if not pattern.search(low):
                continue
            if doc.sentences[i].heading:
                _under_heading(doc, i, ring, facts)
                continue
            first, partners, rule, confidence = i, _listed(doc, i), RULE_ENUMERATION, 0.9
            if partners == [] and low.rstrip().endswith(":"):
                partners, last = _items_after(doc, i)
                for code in partners:
                    facts.setdefault((code, ring), _fact(doc, i, last, code, ring, RULE_LIST, 0.85))
                continue
            if partners == [] and i > 0 and _ANAPHOR.match(low):
                first, partners, rule, confidence = i - 1, _listed(doc, i - 1), RULE_ANAPHOR, 0.8
            for code in partners or ():
                facts.setdefault((code, ring), _fact(doc, first, i, code, ring, rule, confidence))
        if _CALLED.search(low):
            partners = _listed(doc, i)
            if partners is not None and len(partners) == 1:  # two others' partnership is not a Dutch ring
                code = partners[0]
                facts.setdefault((code, "strategic"), _fact(doc, i, i, code, "strategic", RULE_CALLED, 0.8))
    return list(facts.values())
