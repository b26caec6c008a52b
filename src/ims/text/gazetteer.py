"""The one place for names: countries (ISO 3166-1 alpha-2) and the organisations and frameworks of
``spec/facts.md``, as they are written in Dutch (and English) parliamentary letters.

Country names come from pycountry (its Dutch translation and English names) plus a small table of the
forms pycountry does not know: adjectives ("Belgische"), short forms ("VS", "VK") and usual names where
the official one differs ("Zuid-Korea"). Compounds such as "Duits-Nederlandse" need no entry: a hyphen
is a word boundary, so they yield both countries.

Text is searched for all names at once, case-sensitively (so that "VS" the country is not "vs." the
abbreviation), taking the longest name wherever one starts and keeping only whole words. The search is one
regex built as a trie of the names: every name starts with a capital, so the regex engine only looks at
capitals, which is faster than an Aho-Corasick automaton stepping through every character.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

import pycountry

from ims.text.countries import DUTCH_NAMES, dutch_translation

COUNTRY = "country"
ORGANISATION = "organisation"
FRAMEWORK = "framework"

NAME = "name"
ADJECTIVE = "adjective"
PEOPLE = "people"


@dataclass(frozen=True)
class Organisation:
    """An organisation or standing framework with its identifier from ``spec/facts.md``."""

    id: str
    name_nl: str
    name_en: str
    kind: str  # ORGANISATION or FRAMEWORK
    surfaces: tuple[str, ...]
    members: tuple[str, ...] = ()  # country codes, where the membership is fixed and small


ORGANISATIONS: tuple[Organisation, ...] = (
    Organisation(
        "NATO", "Noord-Atlantische Verdragsorganisatie (NAVO)", "North Atlantic Treaty Organization",
        ORGANISATION,
        (
            "NAVO", "Navo", "NATO", "Noord-Atlantische Verdragsorganisatie",
            "North Atlantic Treaty Organization", "Noord-Atlantische Raad",
        ),
    ),
    Organisation(
        "EU", "Europese Unie", "European Union", ORGANISATION,
        (
            "EU", "Europese Unie", "European Union", "Europese Commissie", "European Commission",
            "Europese Raad", "Raad van de Europese Unie",
        ),
    ),
    Organisation(
        "UN", "Verenigde Naties", "United Nations", ORGANISATION,
        ("VN", "UN", "Verenigde Naties", "United Nations", "VN-Veiligheidsraad"),
    ),
    Organisation(
        "OSCE", "Organisatie voor Veiligheid en Samenwerking in Europa",
        "Organization for Security and Co-operation in Europe", ORGANISATION,
        ("OVSE", "OSCE", "Organisatie voor Veiligheid en Samenwerking in Europa"),
    ),
    Organisation(
        "EDA", "Europees Defensieagentschap", "European Defence Agency", ORGANISATION,
        ("EDA", "Europees Defensieagentschap", "Europees Defensie Agentschap", "European Defence Agency"),
    ),
    Organisation(
        "BENELUX", "Benelux", "Benelux", FRAMEWORK,
        ("Benelux", "BENELUX", "Benelux-landen", "Beneluxlanden"),
        ("BE", "LU", "NL"),
    ),
    Organisation(
        "NORTHERN_GROUP", "Northern Group", "Northern Group", FRAMEWORK,
        ("Northern Group", "Noordelijke Groep"),
    ),
    Organisation(
        "JEF", "Joint Expeditionary Force", "Joint Expeditionary Force", FRAMEWORK,
        ("JEF", "Joint Expeditionary Force"),
    ),
    Organisation(
        "EI2", "Europees Interventie-initiatief", "European Intervention Initiative", FRAMEWORK,
        (
            "EI2", "EI-2", "European Intervention Initiative", "Europees Interventie-initiatief",
            "Europees Interventie Initiatief",
        ),
    ),
    Organisation(
        "PESCO", "Permanente gestructureerde samenwerking", "Permanent Structured Cooperation", FRAMEWORK,
        (
            "PESCO", "PeSCo", "Permanent Structured Cooperation",
            "Permanente gestructureerde samenwerking", "Permanent gestructureerde samenwerking",
            "Permanente Gestructureerde Samenwerking",
        ),
    ),
)

ORG_IDS: frozenset[str] = frozenset(org.id for org in ORGANISATIONS)

# Other names in use: short forms, older names, English forms pycountry does not carry.
_OTHER_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("VS", "USA", "Amerika", "Verenigde Staten van Amerika", "United States of America"),
    "GB": ("VK", "UK", "Groot-Brittannië", "Brittannië", "Engeland", "Great Britain"),
    "NL": ("Holland", "Koninkrijk der Nederlanden"), "BY": ("Wit-Rusland",), "KR": ("South Korea",),
    "RU": ("Russia",), "CD": ("Congo",), "CZ": ("Tsjechische Republiek",), "MK": ("Macedonië",),
    "DE": ("Bondsrepubliek Duitsland",), "AE": ("VAE",), "SY": ("Syria",), "XK": ("Kosovo",),
}
# Dutch adjectives (the inflected "-e" form is derived) and names of the people.
_ADJECTIVES: dict[str, str] = {
    "NL": "Nederlands", "BE": "Belgisch", "LU": "Luxemburgs", "DE": "Duits", "FR": "Frans",
    "GB": "Brits|Engels", "US": "Amerikaans", "NO": "Noors", "DK": "Deens", "SE": "Zweeds", "FI": "Fins",
    "IS": "IJslands", "EE": "Estisch|Ests", "LV": "Lets", "LT": "Litouws", "PL": "Pools",
    "CZ": "Tsjechisch", "SK": "Slowaaks", "HU": "Hongaars", "RO": "Roemeens", "BG": "Bulgaars",
    "GR": "Grieks", "TR": "Turks", "IT": "Italiaans", "ES": "Spaans", "PT": "Portugees", "IE": "Iers",
    "AT": "Oostenrijks", "CH": "Zwitsers", "SI": "Sloveens", "HR": "Kroatisch", "AL": "Albanees",
    "ME": "Montenegrijns", "MK": "Noord-Macedonisch", "RS": "Servisch", "BA": "Bosnisch",
    "UA": "Oekraïens", "RU": "Russisch", "BY": "Wit-Russisch", "GE": "Georgisch", "MD": "Moldavisch",
    "CA": "Canadees", "AU": "Australisch", "NZ": "Nieuw-Zeelands", "JP": "Japans", "KR": "Zuid-Koreaans",
    "KP": "Noord-Koreaans", "CN": "Chinees", "IN": "Indiaas", "PK": "Pakistaans", "AF": "Afghaans",
    "IQ": "Iraaks", "IR": "Iraans", "SY": "Syrisch", "JO": "Jordaans", "LB": "Libanees",
    "IL": "Israëlisch", "EG": "Egyptisch", "LY": "Libisch", "TN": "Tunesisch", "DZ": "Algerijns",
    "MA": "Marokkaans", "ML": "Malinees", "NE": "Nigerees", "TD": "Tsjadisch", "SO": "Somalisch",
    "SD": "Soedanees", "ET": "Ethiopisch", "KE": "Keniaans", "NG": "Nigeriaans", "ZA": "Zuid-Afrikaans",
    "SA": "Saoedisch", "QA": "Qatarees", "KW": "Koeweits", "YE": "Jemenitisch", "BR": "Braziliaans",
    "MX": "Mexicaans", "CO": "Colombiaans", "VE": "Venezolaans", "SG": "Singaporees", "ID": "Indonesisch",
}
_PEOPLE: dict[str, str] = {
    "NL": "Nederlanders", "BE": "Belgen", "DE": "Duitsers", "FR": "Fransen", "GB": "Britten",
    "US": "Amerikanen", "NO": "Noren", "DK": "Denen", "SE": "Zweden", "FI": "Finnen", "PL": "Polen",
    "RU": "Russen",
}
# Regions whose names contain a country name after a hyphen ("Latijns-Amerika"): matched so that the
# country inside them is not, then left out of the results.
_REGIONS = (
    "Zuid-Amerika", "Noord-Amerika", "Latijns-Amerika", "Midden-Amerika", "Zuid-Amerikaanse",
    "Latijns-Amerikaanse", "Noord-Amerikaanse", "Europa", "Azië", "Afrika", "Oceanië", "Antarctica",
    "Midden-Oosten", "Noord-Afrika", "West-Afrika", "Oost-Afrika", "Centraal-Afrika", "Sahel", "Balkan",
    "Kaukasus", "Caribisch gebied", "Baltische staten", "Baltische Staten", "Scandinavië",
    "Arctisch gebied", "Noordpool", "Zuidpool", "Indo-Pacific", "Hoorn van Afrika", "Oost-Europa",
    "West-Europa", "Noord-Europa", "Zuid-Europa", "Centraal-Azië", "Zuidoost-Azië", "Europe", "Asia",
    "Africa",
)
REGION = "region"
# English short names that are ordinary words or first names in Dutch text.
_SKIP_ENGLISH = frozenset({"Chad", "Georgia", "Jordan", "Jersey", "Guernsey", "Turkey", "Guinea", "Dominica"})
# Small territories whose names are ordinary place names in the text ("Joint Force Command Norfolk").
_SKIP_CODES = frozenset({"NF", "UM", "HM", "BV", "IO", "CX", "CC", "TF", "GS", "PN", "SJ", "AQ"})


class Mention(NamedTuple):
    """A name found in a text: ``text[start:end]`` names ``id`` (a country code or organisation id).

    A named tuple rather than a dataclass: documents hold thousands of them and it is much cheaper.
    """

    start: int
    end: int
    id: str
    kind: str  # COUNTRY, ORGANISATION or FRAMEWORK
    role: str  # NAME, ADJECTIVE or PEOPLE (countries); NAME for organisations
    surface: str

    @property
    def members(self) -> tuple[str, ...]:
        """The member countries when a group is named as such ("de Benelux-landen")."""
        if self.kind != COUNTRY and self.surface.endswith(("landen", "-landen")):
            return organisation(self.id).members
        return ()


def organisation(ident: str) -> Organisation:
    """The organisation or framework with identifier ``ident``; KeyError if there is none."""
    for org in ORGANISATIONS:
        if org.id == ident:
            return org
    raise KeyError(ident)


def _inflect(adjective: str) -> tuple[str, ...]:
    # Portugees -> Portugese, Chinees -> Chinese; otherwise add -e (Duits -> Duitse).
    inflected = adjective[:-3] + "ese" if adjective.endswith("ees") else adjective + "e"
    return adjective, inflected


def _variants(surface: str) -> tuple[str, ...]:
    # Typographic and plain apostrophes are both in use ("Bahama's", "Bahama’s").
    return (surface, surface.replace("'", "’")) if "'" in surface else (surface,)


@cache
def _entries() -> dict[str, tuple[str, str, str]]:
    """Every surface string -> (id, kind, role). Later, more specific entries win."""
    entries: dict[str, tuple[str, str, str]] = {}

    def add(surface: str, value: tuple[str, str, str]) -> None:
        for variant in _variants(surface):
            entries[variant] = value

    for country in pycountry.countries:
        code = country.alpha_2
        if code in _SKIP_CODES:
            continue
        for name in (country.name, getattr(country, "common_name", None)):
            if name and "," not in name and "(" not in name and name not in _SKIP_ENGLISH:
                add(name, (code, COUNTRY, NAME))
        dutch = dutch_translation().gettext(country.name)
        if "," not in dutch and "(" not in dutch:
            add(dutch, (code, COUNTRY, NAME))
    for code, name in DUTCH_NAMES.items():
        add(name, (code, COUNTRY, NAME))
    for code, names in _OTHER_NAMES.items():
        for name in names:
            add(name, (code, COUNTRY, NAME))
    for code, adjectives in _ADJECTIVES.items():
        for adjective in adjectives.split("|"):
            for form in _inflect(adjective):
                add(form, (code, COUNTRY, ADJECTIVE))
    for code, people in _PEOPLE.items():
        if people not in entries:  # "Polen" and "Zweden" are the countries first
            add(people, (code, COUNTRY, PEOPLE))
    for org in ORGANISATIONS:
        for surface in org.surfaces:
            add(surface, (org.id, org.kind, NAME))
    for region in _REGIONS:
        add(region, (region, REGION, NAME))
    return entries


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching, wherever one of ``words`` starts, the longest one that starts there.

    The words form a trie; at every node the longer continuations come before ending there, and the regex
    engine takes the first alternative that works, so a match is the longest word. Scanning left to right
    and going on after each match gives the leftmost-longest matches, not overlapping.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def alternatives(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + alternatives(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|" if "" in node else "") + ")"

    return alternatives(trie)


@cache
def _names_regex() -> re.Pattern[str]:
    return re.compile(_trie_pattern(_entries()))


def patterns() -> list[str]:
    """All surface strings the gazetteer knows (for a ``grep -F -f`` baseline)."""
    return sorted(surface for surface, entry in _entries().items() if entry[1] != REGION)


def is_region(name: str) -> bool:
    """True for a continent or region ("Europa", "Midden-Oosten"): a place, but not a country."""
    entry = _entries().get(name.strip())
    return bool(entry) and entry[1] == REGION


def country_code(name: str) -> str | None:
    """The country code for a name, short form, adjective or people ("Belgische" -> "BE"), else None."""
    entry = _entries().get(name.strip())
    return entry[0] if entry and entry[1] == COUNTRY else None


def find_mentions(text: str) -> list[Mention]:
    """All whole-word names in ``text``, left to right, longest first where they overlap."""
    if len(text) <= _SHORT:
        return list(_find_short(text))  # names and phrases are looked up again and again: cache them
    return _find(text)


_SHORT = 160


@lru_cache(maxsize=4096)
def _find_short(text: str) -> tuple[Mention, ...]:
    return tuple(_find(text))


def _find(text: str) -> list[Mention]:
    return mentions_in_spans(text, (0,), (len(text),))[0]


def mentions_in_spans(text: str, starts: Sequence[int], ends: Sequence[int]) -> list[list[Mention]]:
    """The names in each span ``text[starts[k]:ends[k]]`` (sorted, not overlapping), offsets relative to
    the span: one pass over the whole text, much cheaper than one per span. A name running past the end of
    its span belongs to none."""
    buckets: list[list[Mention]] = [[] for _ in starts]
    n = len(text)
    entries = _entries()
    new = tuple.__new__  # a named tuple's own constructor is a Python function: this is several times faster
    # One loop from regex match to mention in its span: a list of intermediate tuples cost a fifth more.
    for m in _names_regex().finditer(text):
        start, end = m.span()
        if (start and text[start - 1].isalnum()) or (end < n and text[end].isalnum()):
            continue  # part of a longer word
        surface = m.group()
        ident, kind, role = entries[surface]
        if kind == REGION:
            continue
        k = bisect_right(starts, start) - 1
        if k >= 0 and end <= ends[k]:
            offset = starts[k]
            buckets[k].append(new(Mention, (start - offset, end - offset, ident, kind, role, surface)))
    return buckets
