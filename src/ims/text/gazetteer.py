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

The second half of the module holds the **reference lists**: operations and missions, standing forces,
commands, programmes, PESCO projects, weapon systems and units, each list a JSON file in ``ims/text/data``
that names its source and date. Their names, abbreviations and Dutch forms all resolve to one
:class:`Reference`; a document is searched for all of them in one Aho-Corasick pass (there are thousands of
names, many in lower case, so the capital-led trie regex does not apply).
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

import ahocorasick
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
    # A name written without its diaeresis or accent, as plain text and news often do ("Belgie", "Italie",
    # "Oekraine"), is the same name; the folded form never takes the place of a name of its own.
    for surface, value in list(entries.items()):
        folded = _fold_accents(surface)
        if folded != surface and folded not in entries:
            entries[folded] = value
    return entries


def _fold_accents(surface: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", surface) if not unicodedata.combining(c))


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



# ---------------------------------------------------------------- reference lists

# What a reference entry is; the extractors ask by kind.
OPERATION = "operation"  # a mission or operation: a Dutch contribution is a ``contribution``
FORCE = "force"  # a standing or rotating force (NRF, EU Battlegroup): contributions too
COMMAND = "command"  # a (multinational) command or headquarters
PROGRAMME = "programme"  # a named cooperation programme (Smart Defence, MMF, Benesam)
PROJECT = "project"  # a PESCO project
SYSTEM = "system"  # a weapon system or class of ships
UNIT = "unit"  # a brigade, division, corps or service
STANDING_FRAMEWORK = "framework"  # a body or standing framework (JEF, NORDEFCO): not an initiative itself
PLACE = "place"  # a province, region or city of a mission area; ``location`` is its country
REFERENCE_KINDS = (OPERATION, FORCE, COMMAND, PROGRAMME, PROJECT, SYSTEM, UNIT, STANDING_FRAMEWORK, PLACE)
REFERENCE_FILES = (
    "nato.json", "eu.json", "pesco.json", "operations.json", "frameworks.json", "systems.json", "units.json",
    "places.json",
)
# Acronyms of letters only this short are ambiguous ("EPC", "SOR"): matched only in a document that also
# names the entry in full or defines the acronym in brackets, unless the entry lists them under "strong".
_WEAK_LENGTH = 3
_ORDINAL_SUFFIXES = ("e", "de", "ste", ".")


@dataclass(frozen=True)
class Reference:
    """One entry of a reference list: a named operation, force, programme, system or unit."""

    id: str
    name: str  # the usual full name
    kind: str  # one of REFERENCE_KINDS
    aliases: tuple[str, ...] = ()  # names, abbreviations and Dutch forms as texts write them
    source: str = ""  # the list it comes from ("nato", ... or "register" for names reviewers accepted)
    org: str | None = None  # NATO, EU, UN or "coalition"
    location: str | None = None  # country code of the theatre or seat, where there is one
    members: tuple[str, ...] = ()  # country codes where membership is fixed and small (binational units)
    origin: str | None = None  # a system's country of origin
    nationality: str | None = None  # a unit's country
    classes: tuple[str, ...] = ()  # Dutch nouns for what a system is ("gevechtsvliegtuigen", "fregatten")
    fact_id: str | None = None  # the organisation or framework id of facts.md it stands for
    weak: tuple[str, ...] = ()  # aliases matched only where the document also gives a strong one
    part_of: str | None = None  # the entry this one is a part of (Task Force Uruzgan: of ISAF)

    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class RefMention(NamedTuple):
    """A reference name in a text: ``text[start:end]`` names entry ``id``."""

    start: int
    end: int
    id: str
    kind: str
    surface: str


def _is_weak(alias: str) -> bool:
    # A short acronym of letters only; a designator with digits ("F-35", "MQ-9") is distinctive.
    letters = [c for c in alias if c.isalnum()]
    return len(letters) <= _WEAK_LENGTH and all(c.isalpha() for c in letters) and any(c.isupper() for c in letters)


def _ordinal_forms(alias: str, ordinal: str | None) -> list[str]:
    """ "11 Luchtmobiele Brigade" is also written "11e", "11de" and "11." ...; an entry with an ordinal takes
    it in front of its aliases that have none ("Luchtmobiele Brigade" -> "11e Luchtmobiele Brigade")."""
    head, _, rest = alias.partition(" ")
    if head.isdigit() and rest:
        return [f"{head}{suffix} {rest}" for suffix in _ORDINAL_SUFFIXES]
    if ordinal and not alias[:1].isdigit() and not alias.startswith(("Eerste", "eerste")):
        forms = [f"{ordinal} {alias}"] + [f"{ordinal}{suffix} {alias}" for suffix in _ORDINAL_SUFFIXES]
        return forms + ([f"Eerste {alias}"] if ordinal == "1" else [])
    return []


def _entry(raw: dict, source: str) -> Reference:
    strong = set(raw.get("strong", ()))
    aliases: list[str] = []
    for alias in (raw["name"], *raw.get("aliases", ())):
        for form in (alias, *_ordinal_forms(alias, raw.get("ordinal"))):
            if form not in aliases:
                aliases.append(form)
    weak = tuple(a for a in aliases if _is_weak(a) and a not in strong)
    return Reference(
        id=raw["id"],
        name=raw["name"],
        kind=raw["kind"],
        aliases=tuple(a for a in aliases if a != raw["name"]),
        source=source,
        org=raw.get("org"),
        location=raw.get("location"),
        members=tuple(raw.get("members", ())),
        origin=raw.get("origin"),
        nationality=raw.get("nationality"),
        classes=tuple(raw.get("class", ())),
        fact_id=raw.get("fact_id"),
        weak=weak,
        part_of=raw.get("part_of"),
    )


@cache
def reference_lists() -> tuple[dict, ...]:
    """The reference lists as stored: each with its ``list`` name, ``title``, ``source``, ``date`` and
    ``entries``."""
    folder = resources.files("ims.text") / "data"
    return tuple(json.loads((folder / name).read_text(encoding="utf-8")) for name in REFERENCE_FILES)


@cache
def reference_entries() -> tuple[Reference, ...]:
    """Every entry of every reference list."""
    return tuple(_entry(raw, data["list"]) for data in reference_lists() for raw in data["entries"])


def _case_sensitive(alias: str) -> bool:
    # One word is matched as written ("TEN" is not "ten", "Patriot" is not "patriot"; a lower-case word may
    # open a sentence); a name of several words is rare enough as ordinary text to be matched in any case.
    return " " not in alias


class _Form(NamedTuple):
    """What a lower-case form stands for: the entry, and the ways of writing it that count."""

    id: str
    weak: bool
    written: frozenset[str] | None  # for a one-word name: the accepted spellings; None: any case


class ReferenceIndex:
    """Reference entries and the lower-case forms of all their names.

    Built once for the lists (:func:`reference_index`); :meth:`with_names` gives an index that also knows
    further names, such as the initiatives and operations that reviewers accepted into the register.
    A text is searched in two steps: the occurrences of the lower-case forms (found by this index's own
    automaton, or by a caller's keyword pass that knows the forms, see :meth:`keywords`), then
    :meth:`resolve`, which keeps whole words written as the name wants and the longest name where several
    overlap.
    """

    def __init__(self, entries: Iterable[Reference]) -> None:
        self.entries: dict[str, Reference] = {}
        for entry in entries:
            self.entries.setdefault(entry.id, entry)
        self._by_name: dict[str, str] = {}
        forms: dict[str, _Form] = {}
        for entry in self.entries.values():
            for alias in entry.surfaces():
                self._by_name.setdefault(alias.lower(), entry.id)
                weak = alias in entry.weak
                if _case_sensitive(alias):
                    written = {alias, alias[0].upper() + alias[1:]} if alias[0].islower() else {alias}
                    known = forms.get(alias.lower())
                    if known is None or (known.id == entry.id and known.written is not None):
                        spellings = written | (known.written or set()) if known else written
                        forms[alias.lower()] = _Form(entry.id, weak and (known is None or known.weak),
                                                     frozenset(spellings))
                else:
                    for form in (alias.lower(), alias.lower().replace(" ", "-")):
                        forms.setdefault(form, _Form(entry.id, weak, None))
        self._forms = forms
        automaton = ahocorasick.Automaton()
        for form in forms:
            automaton.add_word(form, form)
        if forms:
            automaton.make_automaton()
        self._automaton = automaton

    def with_names(self, extra: Iterable[Reference]) -> ReferenceIndex:
        """This index with further entries; an entry with a known id keeps the existing one."""
        return ReferenceIndex([*self.entries.values(), *extra])

    def get(self, ident: str) -> Reference:
        return self.entries[ident]

    def lookup(self, name: str) -> Reference | None:
        """The entry a name, abbreviation or Dutch form stands for ("JSF" -> F-35), else None."""
        key = " ".join(name.split()).lower()
        ident = self._by_name.get(key)
        if ident is None:
            form = self._forms.get(key)  # "EU-Battlegroup": a name of several words, written with a hyphen
            ident = form.id if form else None
        return self.entries[ident] if ident else None

    def keywords(self) -> tuple[str, ...]:
        """The lower-case forms of every name but the weak acronyms: where none occurs, no entry is named.
        (Weak acronyms such as "TEN" are ordinary words in lower case; see :meth:`weak_hits`.)"""
        return tuple(sorted(form for form, what in self._forms.items() if not what.weak))

    def weak_hits(self, text: str, mentions: Iterable[RefMention]) -> list[tuple[int, int, str]]:
        """Where ``text`` writes the weak acronyms of the entries ``mentions`` name, as hits for
        :meth:`resolve` (found with ``str.find``, case-sensitively)."""
        hits: list[tuple[int, int, str]] = []
        for ident in {m.id for m in mentions}:
            for alias in self.entries[ident].weak:
                pos = text.find(alias)
                while pos >= 0:
                    hits.append((pos, pos + len(alias), alias.lower()))
                    pos = text.find(alias, pos + 1)
        return hits

    def find(self, text: str, lower: str | None = None) -> list[RefMention]:
        """All reference names in ``text`` (whole words, leftmost-longest, not overlapping), in order.

        ``lower`` is ``text.lower()`` when the caller has it (it must have the same length).
        """
        if not self._forms or not text:
            return []
        if lower is None or len(lower) != len(text):
            lower = text.lower()
            if len(lower) != len(text):  # "İ" and a few others grow in lower case: keep offsets aligned
                lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        hits = [(end + 1 - len(form), end + 1, form) for end, form in self._automaton.iter(lower)]
        return self.resolve(text, hits)

    def find_with_weak(self, text: str, strong_hits: list[tuple[int, int, str]]) -> list[RefMention]:
        """:meth:`resolve` of hits of the strong forms, with the weak acronyms of the entries they name."""
        mentions = self.resolve(text, strong_hits)
        weak = self.weak_hits(text, mentions) if mentions else []
        return self.resolve(text, strong_hits + weak) if weak else mentions

    def resolve(self, text: str, hits: list[tuple[int, int, str]]) -> list[RefMention]:
        """The mentions among ``hits`` (start, end, lower-case form) of forms in ``text``.

        A hit counts when it is a whole word (a hyphen ends a word: "F35-straaljagers"), is written as a
        one-word name wants, and is not inside a longer name; a weak acronym only where ``text`` also names
        its entry by a strong name or defines the acronym in brackets.
        """
        n = len(text)
        forms = self._forms
        found: list[tuple[int, int, str, bool]] = []
        any_weak = False
        for start, stop, form in hits:
            if (start and text[start - 1].isalnum()) or (stop < n and text[stop].isalnum()):
                continue  # part of a longer word
            what = forms.get(form)
            if what is None or (what.written is not None and text[start:stop] not in what.written):
                continue
            found.append((start, start - stop, what.id, what.weak))
            any_weak = any_weak or what.weak
        if not found:
            return []
        found.sort()
        strong = {ident for _, _, ident, weak in found if not weak} if any_weak else ()
        out: list[RefMention] = []
        last = -1
        entries = self.entries
        new = tuple.__new__
        for start, length, ident, weak in found:
            if start < last:
                continue  # inside a longer name
            stop = start - length
            surface = text[start:stop]
            if weak and ident not in strong and f"({surface})" not in text:
                continue
            out.append(new(RefMention, (start, stop, ident, entries[ident].kind, surface)))
            last = stop
        return out

    def find_in_spans(
        self, text: str, starts: Sequence[int], ends: Sequence[int], lower: str | None = None
    ) -> list[list[RefMention]]:
        """The reference names in each span ``text[starts[k]:ends[k]]``, offsets relative to the span."""
        return spans_of(self.find(text, lower), starts, ends)


def spans_of(mentions: Iterable[RefMention], starts: Sequence[int], ends: Sequence[int]) -> list[list[RefMention]]:
    """``mentions`` of a whole text, put in the spans ``[starts[k], ends[k])`` holding them, offsets
    relative to the span."""
    buckets: list[list[RefMention]] = [[] for _ in starts]
    new = tuple.__new__  # a named tuple's own constructor and _replace are Python functions: far slower
    for start, end, ident, kind, surface in mentions:
        k = bisect_right(starts, start) - 1
        if k >= 0 and end <= ends[k]:
            offset = starts[k]
            buckets[k].append(new(RefMention, (start - offset, end - offset, ident, kind, surface)))
    return buckets


@cache
def reference_index() -> ReferenceIndex:
    """The index of every reference list."""
    return ReferenceIndex(reference_entries())


def find_references(text: str) -> list[RefMention]:
    """Reference names in ``text`` (see :meth:`ReferenceIndex.find`)."""
    return reference_index().find(text)


def reference(name_or_id: str) -> Reference | None:
    """The entry with this id, or that this name, abbreviation or Dutch form stands for; else None."""
    index = reference_index()
    return index.entries.get(name_or_id) or index.lookup(name_or_id)
