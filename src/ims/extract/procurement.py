"""``procurement``: equipment the Netherlands acquires with or from a partner.

A sentence counts when it reports an acquisition that is decided or under way ("aanschaf",
"verwerving", "besteld", "modernisering", "upgrade", "vervanging", "materieelsamenwerking met ...
voortgezet voor"), not a possibility ("biedt perspectieven", "wordt gezocht naar", "moeten besluiten",
"voorbereid", "bezig met"), by the Netherlands (named, "we", or the Dutch services), and when a foreign
partner is named in the sentence or in the paragraph. Each "<action> van <system>" in it is one fact;
a number before the system is its quantity ("aanschaf van twaalf extra Boxer-voertuigen"), and something
ordered "al eerder" has no year. System names are kept short: "Caracal-helikopter" -> "Caracal".
"""

from __future__ import annotations

import re

from ims.extract.common import Needs, home_voice, noun_phrase, stated_year, tidy
from ims.extract.context import DocContext, register_keywords
from ims.extract.facts import Procurement
from ims.text.numbers import find_cardinals

KEYWORDS = register_keywords(
    "aanschaf", "aankoop", "verwerv", "besteld", "bestelling", "gekocht", "aangeschaft", "koopt", "kocht",
    "modernisering", "upgrade", "vervanging", "remanufacture", "levering",
)
_ACTION = re.compile(
    r"\b(?:aanschaf|aanschaffing|aankoop|verwerving|modernisering|upgrade|vervanging|remanufacture|levering"
    r"|bestelling|koop)\s+van\s+(?:de\s+|het\s+|een\s+)?"
)
_ORDERED_WORDS = ("besteld", "gekocht", "aangeschaft", "geleverd", "aangekocht")
_ORDERED = re.compile(rf"\b(?:{'|'.join(_ORDERED_WORDS)})\b")
_HEDGE = Needs(
    r"\b(?:mogelijkhe\w*|perspectie\w*|gezocht|zoeken|onderzo\w*|studie\w*|overweeg\w*|overwogen|wens\w*"
    r"|beoogd\w*|voorbereid\w*|voorbereiding|bezig met|besluiten|zou|zouden)\b",
    (
        "mogelijkhe", "perspectie", "gezocht", "zoeken", "onderzo", "studie", "overweeg", "overwogen", "wens",
        "beoogd", "voorbereid", "bezig met", "besluiten", "zou",
    ),
)
_BUYER = Needs(
    r"\b(?:koninklijke (?:marine|landmacht|luchtmacht|marechaussee)|defensie"
    r"|materieelsamenwerking)\b",
    ("koninklijke ", "defensie", "materieelsamenwerking"),
)
_EARLIER = re.compile(r"\b(?:al eerder|eerder|reeds|vorig jaar)\b")
_DESIGNATOR = re.compile(r"\b[A-Z][A-Za-z]{0,4}-?\d{1,3}[A-Za-z]?(?:\s+[A-Z][a-z]{2,})?")
_PROPER_COMPOUND = re.compile(r"\b([A-Z][a-zA-Z]{2,})-[a-z]")
_PLURAL = re.compile(r"(?<=\d)['’]?s$")
_GENERIC = frozenset(
    {
        "materieel", "capaciteiten", "middelen", "systemen", "wapensystemen", "uitrusting", "onderdelen",
        "eenheden",
    }
)


def _system(phrase: str) -> str | None:
    """The short name of the system in a noun phrase, or None for a generic one."""
    designator = _DESIGNATOR.search(phrase)
    if designator:
        return _PLURAL.sub("", designator.group())  # "F-35s" -> "F-35"
    proper = _PROPER_COMPOUND.search(phrase)
    if proper:
        return proper.group(1)
    words = [w for w in phrase.split() if not w[0].isdigit()]
    if not words or words[-1].lower() in _GENERIC:
        return None
    return tidy(words[-1])


def _quantity(phrase: str) -> int | None:
    """A number at the head of the phrase ("twaalf extra Boxer-voertuigen")."""
    found = find_cardinals(phrase[:40])
    return found[0].value if found and not phrase[: found[0].start].strip() else None


def _items(text: str) -> list[tuple[str, int | None, bool]]:
    """(system, quantity, ordered earlier) for every acquisition named in the sentence."""
    out = []
    for m in _ACTION.finditer(text):
        phrase = noun_phrase(text, m.end())
        system = _system(phrase)
        if system:
            out.append((system, _quantity(phrase), False))
    if not any(word in text for word in _ORDERED_WORDS):
        return out  # a number of things ordered needs an order word after it
    for c in find_cardinals(text):
        rest = text[c.end : c.end + 60]
        designator = _DESIGNATOR.match(rest.lstrip())
        if (
            designator
            and _ORDERED.search(text, c.end, c.end + 90)
            and not _ACTION.search(text[max(0, c.start - 40) : c.start])
        ):
            out.append(
                (_system(rest) or designator.group(), c.value, bool(_EARLIER.search(text, c.end, c.end + 90)))
            )
    return out


def extract(doc: DocContext) -> list[Procurement]:
    facts: dict[tuple[str, str, int | None, int | None], Procurement] = {}
    for i in doc.candidates(KEYWORDS):
        text, low = doc.sentences[i].text, doc.lower(i)
        buyer = home_voice(doc, i) or _BUYER.search(low) or (i > 0 and home_voice(doc, i - 1))
        if _HEDGE.search(low) or not buyer:
            continue
        partners = doc.countries(i) or doc.discourse_countries(i)
        if not partners:
            continue
        confidence = 0.8 if doc.countries(i) else 0.65
        for system, quantity, earlier in _items(text):
            year = None if earlier else (stated_year(doc, i) or doc.year)
            key = (partners[0], system.lower(), quantity, year)
            facts.setdefault(
                key,
                Procurement(
                    doc=doc.name,
                    doc_date=doc.doc_date,
                    evidence=doc.evidence(i),
                    confidence=confidence,
                    partner=partners[0],
                    system=system,
                    quantity=quantity,
                    year=year,
                ),
            )
    return list(facts.values())
