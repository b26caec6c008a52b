"""Who the parties to an instrument are: the sides "tussen" or "met" lists, the countries of its window
(not those named as places), the partner the paragraph is about, the minister who signs, and the text's
own country when the window speaks in its voice or names only the other side."""

from __future__ import annotations

import re

from ims.extract.agreement.wording import SIGNED
from ims.extract.common import place_mentions, text_voice
from ims.extract.context import DocContext
from ims.text.gazetteer import COUNTRY, ORG_IDS
from ims.text.ministers import ministers_in

# Used with match() right after the instrument's word.
_TUSSEN = re.compile(r"[^,;.()]{0,40}?\btussen\s")
_MET = re.compile(r"\s*met\s")
_WITH = re.compile(r"\bmet\s")
# Where the list of parties after "tussen" or "met" ends.
# An adjective of a country that names a language: "in de Nederlandse, de Franse en de Engelse taal".
_LANGUAGE = re.compile(r"(?:[\s,]+(?:en|of|de|het|[\w-]+se))*\s+(?:taal|talen)\b")
# A preposition right before a country: the country is no subject ("na overleg met Duitsland").
_GOVERNED = re.compile(r"\b(?:met|van|in|uit|naar|tussen|door|voor|bij|aan|over|tegen|zonder)\s+(?:het\s+|de\s+)?$")
_PARTY_LIST_END = re.compile(r"\s(?:inzake|betreffende|over|ter|om|dat|die|waarin|voor|van\s+\d)\b|[;,(]")
# The letter's own voice in an instrument's window: the minister signs for the Netherlands ("door mij",
# "met mijn Belgische collega"). A Netherlands named elsewhere in the sentence is no party by that alone.
FIRST_PERSON = re.compile(r"\b(?:ik|wij|we|mij|mijn|ons|onze|ons land)\b")
# "beide landen": the Netherlands and its partner where one partner is named; where two others are ("Frankrijk
# en België ... de ministers van beide landen"), those two.
BOTH = re.compile(r"\bbeide\s+landen\b")
# The other side after "met": a firm by its word (group 1) or a capitalised name (group 2).
_WITH_SIDE = re.compile(
    r"\bmet\s+(?:de\s+|het\s+)?(?:(?:[\w-]+\s+)?(firma|bedrijf|fabrikant|leverancier|producent|scheepswerf)\b"
    r"|([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*))"
)
# A group of countries counted rather than named: "de drie landen", "beide landen".
_NUMBERS = {"beide": 2, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6}
_COUNTED_GROUP = re.compile(r"\b(?:de\s+)?(beide|twee|drie|vier|vijf|zes)\s+landen\b")
# The Dutch government's voice: "ik", "wij" in a letter.
_GOVERNMENT_VOICE = re.compile(r"\b(?:ik|wij)\b")
_GOVERNMENT_VOICE_REACH = 12  # body sentences at the top of a letter: "Hierbij bied ik u ... aan"
# The signer as the text's own minister: "Minister van Defensie X tekende ...", "de minister van Defensie
# heeft ... ondertekend". Unqualified (no "Duitse" before it, no "van België" after it), a ministry's news
# item or a letter means its own minister, and so its own country.
_OWN_MINISTER = re.compile(r"\bminister(?:\s+van\s+defensie)?\b(?!\s+van\s+(?!defensie))")


def countries_in(doc: DocContext, i: int, lo: int, hi: int) -> list[str]:
    """Countries named as possible parties in sentence ``i`` between ``lo`` and ``hi`` (not as places, nor
    as the languages of the text: "opgesteld in de Nederlandse en de Franse taal")."""
    mentions = doc.mentions(i)
    places = _places(doc, i)
    low = doc.lower(i)
    out: list[str] = []
    for k, m in enumerate(mentions):
        if not (lo <= m.start < hi) or k in places or _LANGUAGE.match(low, m.end):
            continue
        for code in (m.id,) if m.kind == COUNTRY else m.members:
            if code not in out:
                out.append(code)
    return out


def _places(doc: DocContext, i: int) -> set[int]:
    key = ("agreement.places", i)
    found = doc.memo.get(key)
    if found is None:
        found = doc.memo[key] = place_mentions(doc.lower(i), doc.mentions(i))
    return found  # type: ignore[return-value]


def listed_after(
    doc: DocContext, i: int, low: str, cue: re.Match[str], lo: int, hi: int
) -> tuple[list[str], int]:
    """The parties "tussen ..." or "met ..." lists right after the instrument's word (countries, then
    organisations), and where the list ends (the words up to there are not another instrument's). After
    "met" the list is the other side: a country that stands before the instrument as the subject ("De
    Verenigde Staten stappen uit het verdrag met Rusland") is the first."""
    m = _TUSSEN.match(low, cue.end(), hi)
    subject: list[str] = []
    if not m:
        m = _MET.match(low, cue.end(), hi)
        if not m:
            return [], cue.end()
        subject = _subjects(doc, i, low, lo, cue.start())
    start = m.end()
    end = _PARTY_LIST_END.search(low, start, hi)
    # An enumeration of three or more sides goes on after its commas: "tussen Nederland, België en
    # Luxemburg". A comma followed by anything but a country ends the list.
    while end is not None and end.group() == "," and _country_starts(doc, i, low, end.end()):
        end = _PARTY_LIST_END.search(low, end.end(), hi)
    stop = end.start() if end else hi
    listed = countries_in(doc, i, start, stop)
    # An organisation listed as a side ("een MoU tussen de NAVO en Nederland") is a party by its id.
    # (One that stands for its member countries, as the Benelux does, gave those countries already.)
    orgs = [
        m.id for m in doc.mentions(i)
        if start <= m.start < stop and m.id in ORG_IDS and not m.members and m.id not in listed
    ]
    if not listed and not orgs:
        return [], stop
    return [*subject, *(code for code in listed if code not in subject), *orgs], stop


_ARTICLE_AHEAD = re.compile(r"\s*(?:het\s+|de\s+)?")


def _country_starts(doc: DocContext, i: int, low: str, pos: int) -> bool:
    """Whether a country (or an organisation) is named right at ``pos``, after an article at most."""
    at = _ARTICLE_AHEAD.match(low, pos).end()
    return any(m.start == at and (m.kind == COUNTRY or m.id in ORG_IDS) for m in doc.mentions(i))


def _subjects(doc: DocContext, i: int, low: str, lo: int, hi: int) -> list[str]:
    """Countries between ``lo`` and ``hi`` not governed by a preposition ("met Duitsland", "in Polen"): the
    subject of the clause, or a side named as an adjective ("de Duitse minister")."""
    mentions = doc.mentions(i)
    places = _places(doc, i)
    out: list[str] = []
    for k, m in enumerate(mentions):
        if not (lo <= m.start < hi) or k in places or m.kind != COUNTRY or _LANGUAGE.match(low, m.end):
            continue
        if _GOVERNED.search(low, max(0, m.start - 16), m.start):
            continue
        if m.id not in out:
            out.append(m.id)
    return out


def discourse(doc: DocContext, i: int, bound: set[int]) -> list[str]:
    """Foreign countries the paragraph was last about, skipping sentences whose countries an instrument
    of their own took (or, failing those, the countries of the section's heading)."""
    stop = max(doc.section_start(i), i - 8)
    for j in range(i - 1, stop - 1, -1):
        if doc.sentences[j].heading:
            break
        if j not in bound and doc.countries(j):
            return list(doc.countries(j, foreign=False))
    heading = doc.section_start(i)
    return list(doc.countries(heading)) if doc.sentences and doc.sentences[heading].heading else []


def counted_group(doc: DocContext, i: int, low: str, lo: int, hi: int) -> list[str]:
    """The countries "de drie landen" (or "beide landen") stands for: those of the sentence before, else of
    the sentence after ("De drie landen tekenden ... Het gaat om ..."), where that sentence names as many."""
    m = _COUNTED_GROUP.search(low, lo, hi)
    if not m:
        return []
    size = _NUMBERS[m.group(1)]
    for j in (i - 1, i + 1):
        if 0 <= j < len(doc.sentences) and not doc.sentences[j].heading:
            named = list(doc.countries(j, foreign=False))
            if len(named) == size:
                return named
    return []


def firm_after(doc: DocContext, i: int, lo: int, hi: int) -> tuple[int, int] | None:
    """Where the other side after "met" is a firm, the span naming it: a word saying so ("met de Duitse firma
    ...": the adjective then names no party) or a capitalised name that is no country or organisation ("met
    Lockheed Martin")."""
    if "met " not in doc.lower(i)[lo:hi]:  # a plain test first: most windows name no side after "met"
        return None
    m = _WITH_SIDE.search(doc.sentences[i].text, lo, hi)
    if not m:
        return None
    if m.group(1) or not any(m.start(2) <= mention.start < m.end(2) for mention in doc.mentions(i)):
        return m.span()
    return None


def government_voice(doc: DocContext) -> bool:
    """Whether the top of the document speaks as the Dutch government ("ik", "wij" in a letter)."""
    key = ("agreement", "government_voice")
    found = doc.memo.get(key)
    if found is None:
        top = doc.body(range(len(doc.sentences)))[:_GOVERNMENT_VOICE_REACH]
        found = doc.memo[key] = any(_GOVERNMENT_VOICE.search(doc.lower(i)) for i in top)
    return bool(found)


def counterparts_only(doc: DocContext, i: int, low: str, lo: int, hi: int) -> bool:
    """"een MoU afgesloten met Denemarken en Noorwegen", "Met Noorwegen en Zweden is een akkoord bereikt":
    the countries after "met" are the other side; when no country stands before that "met" as the
    subject, the first side is the text's own."""
    # The last "met" that names a country is the one of the other side ("Na overleg met Duitsland heeft
    # Frankrijk een MoU met Polen gesloten": Frankrijk is the first side, not the text's own country).
    sides = [met for met in _WITH.finditer(low, lo, hi) if countries_in(doc, i, met.end(), min(hi, met.end() + 40))]
    return bool(sides) and not countries_in(doc, i, lo, sides[-1].start())


def signing_minister(doc: DocContext, i: int, lo: int, hi: int, *, named_only: bool = False) -> str | None:
    """The country of the minister who signs in the window, when the window says it was signed: a
    minister known by name ("Minister Vandeput tekende ..."), else an unqualified "minister van Defensie"
    (no country's adjective right before it, no "van België" after it), who is the text's own."""
    low = doc.lower(i)
    if not SIGNED.search(low, lo, hi):
        return None
    named = ministers_in(doc.sentences[i].text, lo, hi)
    if named or named_only:
        return named[0][1] if named else None
    adjectives = [m.end for m in doc.mentions(i) if m.kind == COUNTRY]
    for m in _OWN_MINISTER.finditer(low, lo, hi):
        if not any(0 <= m.start() - end <= 2 for end in adjectives):
            return text_voice(doc)
    return None
