"""Small pieces the fact extractors share: name tidying, the Dutch voice of the letter, years, parties.

Kept here so that each extractor module holds only the rules of its own fact type.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

from ims.extract.context import HOME, DocContext
from ims.text.gazetteer import COUNTRY, Mention


class Needs:
    """A regex with words one of which is in every text it matches.

    Searching a sentence with a regex of many alternatives costs far more than testing it for a few words
    (``in`` runs in C at memory speed), so :meth:`search` tests for the words first and most sentences
    never reach the regex. The words are compared as written: the regex's flags do not apply to them.
    """

    __slots__ = ("regex", "words")

    def __init__(self, pattern: str, words: tuple[str, ...], flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)
        self.words = words

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        for word in self.words:
            if word in text:
                return self.regex.search(text, pos, endpos)
        return None

    def finditer(self, text: str) -> Iterable[re.Match[str]]:
        for word in self.words:
            if word in text:
                return self.regex.finditer(text)
        return ()


_QUOTES = "«»‘’“”\"'"
_LEADING_ARTICLE = re.compile(r"^(?:de|het|een|the|deze|dit|die)\s+", re.IGNORECASE)
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\((?:[A-Z][\w-]*)(?:\s+[\w-]+)?\)")
# The letter's own voice: the minister writes for the Netherlands.
_FIRST_PERSON = re.compile(r"\b(?:ik|wij|we|mijn|onze|ons land|beide landen|het koninkrijk)\b")
# Words that close a noun phrase when a name is cut out of running text.
_NP_END = re.compile(
    r"\s*(?:[,;:.()]|\s(?:en|of|die|dat|dat|waarbij|waarmee|waarin|waarvoor|voor|ten behoeve|om|met|door"
    r"|werd|wordt|worden|is|zijn|was|waren|heeft|hebben|zal|zullen|gaan|biedt|maakt|vormt|vindt|staat"
    r"|onder|sinds|in|op|tot|tussen|naar|bij|als|zoals)\b)"
)


def tidy(text: str) -> str:
    """One line, single spaces, no surrounding quotes or punctuation: the way names are stored."""
    text = " ".join(text.split())
    text = text.replace("/ ", "/").replace(" /", "/")
    return text.strip(_QUOTES + " ,;:.-").strip()


def name_of(text: str) -> str:
    """A name as the facts want it: tidy, without a leading article or an acronym in brackets."""
    text = tidy(text)
    if "(" in text:
        text = _ACRONYM_IN_BRACKETS.sub("", text)
    return tidy(_LEADING_ARTICLE.sub("", text))


def noun_phrase(text: str, start: int, limit: int = 90) -> str:
    """The noun phrase starting at ``start``: up to the first clause boundary or verb."""
    window = text[start : start + limit]
    m = _NP_END.search(window, 1)
    return window[: m.start()] if m else window


def home_voice(doc: DocContext, i: int) -> bool:
    """True when sentence ``i`` speaks for the Netherlands (names it, or says "ik", "wij", "ons land")."""
    key = ("home_voice", i)
    found = doc.memo.get(key)
    if found is None:  # several extractors ask about the same sentence
        found = doc.memo[key] = HOME in doc.countries(i, foreign=False) or bool(_FIRST_PERSON.search(doc.lower(i)))
    return bool(found)


# Words only a paper of the Dutch parliament (or a letter to it) carries.
_DUTCH_PARLIAMENT = ("staten-generaal", "kamerstuk", "vergaderjaar", "retouradres")


def text_voice(doc: DocContext) -> str:
    """Whose text this is, for "ons land" and an unqualified "de minister van Defensie": the Netherlands in a
    paper of the Dutch parliament (a letter to the Staten-Generaal, a Kamerstuk: a short one may name only
    the Belgian colleague and never the Netherlands); else Belgium where the text names Belgium more often
    than the Netherlands, else the Netherlands."""
    key = ("text_voice",)
    voice = doc.memo.get(key)
    if voice is None and doc.having(_DUTCH_PARLIAMENT):
        voice = doc.memo[key] = HOME
    if voice is None:
        counts = {"NL": 0, "BE": 0}
        for i in doc.having(("belgi", "nederland")):
            for m in doc.mentions(i):
                if m.id in counts:
                    counts[m.id] += 1
        voice = doc.memo[key] = "BE" if counts["BE"] > counts["NL"] else HOME
    return voice  # type: ignore[return-value]


def stated_year(doc: DocContext, i: int) -> int | None:
    """The first year sentence ``i`` states, if any."""
    years = doc.years(i)
    return years[0] if years else None


def year_or_doc(doc: DocContext, i: int) -> int | None:
    """The year sentence ``i`` states, or else the document's own year."""
    year = stated_year(doc, i)
    return year if year is not None else doc.year


def expand(mentions: Iterable[Mention]) -> list[str]:
    """Country codes of mentions, with named groups ("de Benelux-landen") expanded to their members."""
    out: list[str] = []
    for m in mentions:
        codes = (m.id,) if m.kind == COUNTRY else m.members
        out.extend(code for code in codes if code not in out)
    return out


def sorted_ids(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(ids)))


# A country as the place of something ("in Litouwen", "in de Verenigde Staten"), and the countries
# coordinated with it ("in Litouwen en Slowakije", "in Polen, Estland of Letland").
_IN_PLACE = re.compile(
    r"\bin\s+(?:de\s+|het\s+)?(?:(?:republiek|koninkrijk|bondsrepubliek|staat|federatie|staten)\s+)?$"
)
_COORDINATED = re.compile(r"^\s*(?:,|en|of)\s*$")


def place_mentions(low: str, mentions: list[Mention]) -> set[int]:
    """Indices (in ``mentions``) of the countries that sentence ``low`` names as a place, not as an actor:
    after "in", or coordinated with such a place. A partner, party or ally is never one of them."""
    places: set[int] = set()
    previous: Mention | None = None
    for k, m in enumerate(mentions):
        if m.kind == COUNTRY and m.role != "adjective":
            after_place = previous is not None and (k - 1) in places and _COORDINATED.match(low[previous.end : m.start])
            if after_place or _IN_PLACE.search(low, max(0, m.start - 30), m.start):
                places.add(k)
        previous = m
    return places
