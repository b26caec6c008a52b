"""``contribution``: a Dutch contribution to an operation, mission or force.

A sentence counts when it says that the Netherlands (named, "ons land", "we", "Defensie", "Nederlandse
militairen", or "beide landen") contributes, takes part, commands, deploys or is on stand-by ("leverde ...
militairen voor", "draagt bij aan", "maakte onderdeel uit van", "voerde het commando over", "de
Nederlandse inzet in", "werkten samen ... in"), or a sentence that opens with "Hierbij", "Daarbij", ...
continues one that does, and names an operation:

* an operation, mission or standing force of the reference lists ("Minusma", "EU-Battlegroup",
  "vooruitgeschoven aanwezigheid", "Air Policing"), as the text writes it ("ISAF-Uruzgan",
  "Resolute Support-missie" -> "Resolute Support");
* an English force or operation name ending in Force, Presence, Group, Mission, ... or starting with
  Operation/Operatie; a name with "-missie"/"-operatie", or after "missie"/"operatie"; an acronym after
  "inzet in", "bijdrage aan", "bij aan het", or defined earlier for such a name;
* where the text names no operation, a description in its own words: "de Nederlandse bijdrage aan <X>",
  "de Nederlandse (F-16) inzet in/aan <X>", a campaign "tegen" something ("de strijd tegen ISIS"), relief
  after a named disaster, Dutch troops present somewhere ("270 Nederlandse militairen in Litouwen" ->
  "militaire aanwezigheid in Litouwen"), Dutch aircraft flying over a country ("vliegen er Nederlandse
  F-16's boven Polen" -> "vluchten van F-16's boven Polen"), "een missie ... in <land>", or a system
  deployed somewhere ("Patriot-luchtafweerraketten, die samen ingezet worden in Turkije").

A unit that is supplied ("leverde een Special Operations Land Task Group") is not an operation. A country
right after the operation ("in Roemenië", "boven Polen", "Air Policing Polen en Bulgarije", and the
places of "met Duitsland in Litouwen en Slowakije") is its location, one fact per location; a region stays
in the name ("in het Caribisch gebied"). The year is the one written at the operation ("in 2018",
"verlengen tot en met 31 december 2019"), else the year that opens the paragraph ("In 2016 nam Defensie
deel aan ..."), else the document's. Partners are the other countries in the sentence, or the partner of
the paragraph for "beide landen". Personnel is a number of Dutch military ("ongeveer 270 militairen",
"200 Nederlanders", also in the next sentence when it takes the operation up: "Met deze raketten gaan
150 militairen mee"), never foreign troops ("50 Duitse militairen"). Mentions of one operation in a
document are merged into one fact per location.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ims.extract.common import Needs, home_voice, name_of, sorted_ids
from ims.extract.context import HOME, DocContext, register_keywords
from ims.extract.facts import Contribution, Evidence
from ims.extract.names import OPERATION_HEADS, Name, run_at_start
from ims.text.gazetteer import COUNTRY, FORCE, OPERATION, ORG_IDS, PLACE, country_code
from ims.text.numbers import find_cardinals

# Contribution verbs: the Netherlands provides, takes part, commands, deploys, stands by.
_CUE = Needs(
    r"\b(?:lever\w*|geleverd|bijdrage\w*|bij(?:ge)?dra\w*|draagt|droeg|deel(?:name|nemen|genomen)?|neemt|nam|namen"
    r"|onderdeel|commando|inzet|ingezet|participe\w*|stand-?by|gereed\w*|samen|samengewerkt|voortgezet|bood|biedt"
    r"|uitgezonden|ontplo\w*|gestationeerd|stationeren|vliegen|zitten|missie|verantwoordelijkheid|militairen"
    r"|zet|zette|zetten|stuurt|stuurde|sturen|zendt|zond)\b",
    (
        "lever", "bijdra", "bijgedra", "draagt", "droeg", "deel", "neemt", "nam", "commando", "inzet", "ingezet",
        "participe", "stand", "gereed", "samen", "voortgezet", "bood", "biedt", "uitgezonden", "ontplo",
        "gestationeerd", "stationeren", "vliegen", "zitten", "missie", "verantwoordelijkheid", "militairen", "zet",
        "stuurt", "stuurde", "sturen", "zendt", "zond",
    ),
)
_HOME_TROOPS = Needs(
    r"\b(?:samen met|beide landen|defensie|het kabinet|de regering|nederlanders|korps mariniers"
    r"|koninklijke (?:marine|landmacht|luchtmacht|marechaussee)"
    r"|nederlandse (?:eenheden|militairen|mariniers|bijdrage|inzet|\w+ inzet|f-?16\W?s|f-?35\W?s|jsf\W?s))\b",
    ("samen met", "beide landen", "defensie", "kabinet", "regering", "nederland", "korps mariniers", "koninklijke "),
)
# A sentence that goes on about the operations of the one before it.
_CONTINUES = re.compile(r"^(?:hierbij|daarbij|daarnaast|ook|tevens|zo|waaronder|het gaat)\b")
# What an operation's name looks like; the contribution verbs are checked after these.
KEYWORDS = register_keywords(
    *OPERATION_HEADS,
    "operatie", "missie", "strijd tegen", "bestrijding", "hulp", "inzet in", "inzet bij", "inzet aan",
    "inzet boven", "bijdrage aan", "bij aan", "deelname aan", "deel aan", "militairen in", "nederlanders",
    "vliegen", " boven ", "ingezet", "gestationeerd", "stuurt", "stuurde", "sturen", "zendt", "stationeert",
)
_RUN_WORDS = (*sorted(OPERATION_HEADS), "operatie", "missie")
_OP_PREFIX = re.compile(r"^(?:Operation|Operatie)\s")
_OP_SUFFIXES = ("-missie", "-operatie", "-mission")
_AFTER_KEYWORD = Needs(r"\b(?:missie|operatie)\s+(?=[A-Z])", ("missie", "operatie"))
_ACRONYM_AFTER_WORDS = (
    "inzet in", "inzet bij", "bijdrage aan", "bij aan", "deelname aan", "deel aan", "missie", "operatie"
)
_ACRONYM_AFTER = Needs(
    rf"\b(?:{'|'.join(_ACRONYM_AFTER_WORDS)})\s+(?:de\s+|het\s+)?([A-Z][A-Z0-9-]{{1,9}})\b", _ACRONYM_AFTER_WORDS
)
_CAMPAIGN = Needs(r"\b(?:strijd|bestrijding)\s+tegen\s+", ("tegen",))
_RELIEF = Needs(
    r"\b(?:nood|humanitaire\s+)?hulp\b[^.]{0,80}?\b(?:na|bij)\s+(?:de\s+)?((?:orkaan|tyfoon|cycloon|aardbeving"
    r"|overstroming(?:en)?|tsunami|bosbranden)\s+[A-Z]\w+)",
    ("hulp",),
)
# "de Nederlandse bijdrage aan de nieuwe NAVO-capaciteitsopbouwmissie in Irak"
_CONTRIBUTION_TO = Needs(
    r"\bnederlandse\s+bijdrage\s+aan\s+(?:de\s+|het\s+)?(?:nieuwe\s+|huidige\s+)?|\bde\s+bijdrage\s+aan\s+de\s+(?=strijd)",
    ("bijdrage aan",),
)
# "de Nederlandse F-16 inzet in de strijd tegen ISIS", "De Nederlandse militaire inzet aan de NAVO-oostflank"
_DEPLOYMENT = Needs(
    r"\b(?:de|onze)\s+(nederlandse\s+)?((?:militaire\s+|[\w-]*\d[\w-]*\s+)?)inzet\s+(in|aan|boven|bij)\s+",
    ("inzet",),
)
_TROOPS_IN = re.compile(
    r"\b(\d[\d.]*|\w+)\s+nederlandse\s+militairen\s+(?:\w+\s+){0,2}?in\s+(?=[A-Z])", re.IGNORECASE
)
_FLYING = Needs(r"\bvliegen\s+(?:er\s+)?(?:nederlandse\s+)?(.{2,60}?)\s+boven\s+(?=[A-Z])", ("vliegen",))
# A sentence that takes up the flights of the one before for another country: "Dat gaat ook gebeuren boven
# Bulgarije, met JSF-toestellen", "Hetzelfde gebeurt boven Roemenië"; the aircraft it names (else those before).
_ALSO_ABOVE = Needs(
    r"^(?:\w+\s+)?(?:dat|dit|hetzelfde)\b[^.]{0,40}?\b(?:ook|eveneens|straks|binnenkort)?\b[^.]{0,30}?\bboven\s+(?=[A-Z])",
    ("boven",), re.IGNORECASE,
)
_WITH_AIRCRAFT = re.compile(r"\s*,?\s*met\s+((?:[\w'’-]+\s+)?[\w'’-]*(?:toestel|vliegtuig|jager|F-?\d|JSF)[\w'’-]*)")
_MISSION_IN = Needs(r"\b(?:een|de)\s+missie\s+((?:samen\s+met\s+[^.,]{3,40}?\s+)?)in\s+(?=[A-Z])", ("missie",))
_DEPLOYED_SYSTEM = Needs(
    r"\b(?:samen\s+)?(?:ingezet|gestationeerd)\s+(?:worden\s+|werden\s+|zijn\s+)?in\s+(?=[A-Z])"
    r"|\b(?:gaan|gaat|stuurt|stuurde|sturen|zendt|zond|stationeert)\s+(?:er\s+)?(?:[\w'’-]+\s+){0,3}?naar\s+(?=[A-Z])",
    ("ingezet", "gestationeerd", "gaan", "gaat", "stuurt", "stuurde", "sturen", "zendt", "zond", "stationeert"),
)
_PLACE_BEFORE = re.compile(
    r"(?:\bin|\bnaar|\baan|\baan de|\baan het|\bop|\bboven|\bvoor de kust van|\brond)\s+$"
)
_TROOP_WORDS = (
    "militairen", "soldaten", "man", "personeelsleden", "mariniers", "troepen", "manschappen", "nederlanders",
)
_TROOPS = re.compile(rf"^\s+(?:(\w+)\s+)?(?:{'|'.join(_TROOP_WORDS)})\b", re.IGNORECASE)
_BOTH = Needs(r"\b(?:beide landen|de twee landen|beide)\b", ("beide", "de twee landen"))
_ORG_PREFIX = re.compile(r"^(?:(?:nato|navo|eu|vn|un)[\s-]+)+", re.IGNORECASE)
_TRAILING_NUMBER = re.compile(r"\s*\d+$")
_ORG_INSIDE = re.compile(r"\b(?:navo|nato|eu|vn)-")
_INDEFINITE_BEFORE = re.compile(r"\been\s+$")
_CAMPAIGN_VERB = re.compile(r"\s(?:voortgezet|gestart|beëindigd|uitgevoerd|geïntensiveerd|te verlengen|verlengd)\b")
# Where the noun phrase of a description ends: at a place, date or clause, at a verb that follows it, or
# where a second noun phrase starts ("door de inzet aan de oostflank de samenwerking").
_NP_STOP = frozenset(
    {
        "in", "boven", "op", "tot", "vanaf", "per", "te", "en", "of", "om", "die", "dat", "waarbij", "waarmee",
        "voor", "over", "met", "bij", "naar", "tijdens", "door", "sinds", "is", "zijn", "wordt", "werd", "worden",
        "werden", "heeft", "hebben", "had", "vormt", "vormde", "gericht", "gaat", "ging", "blijft", "kan", "zal",
    }
)
_NP_PREPOSITIONS = frozenset({"van", "tegen", "aan", "in", "op", "bij", "voor", "over", "naar", "uit", "met"})
_DETERMINERS = frozenset({"de", "het", "een", "deze", "dit"})
_TOKEN = re.compile(r"[^\s,.;:()]+|[,.;:()]")
_NP_MAX_WORDS = 9
_PLACE_LIST = re.compile(
    r"(?:\s+(?:in|boven|naar|aan)\s+(?:het\s+|de\s+)?|\s+)((?:[A-Z][\w-]*)(?:(?:\s*,\s*|\s+en\s+)(?:[A-Z][\w-]*))*)"
)
_WITH_IN = re.compile(r"\bmet\s+([A-Z][\w-]*)\s+in\s+([A-Z][\w-]*(?:(?:\s*,\s*|\s+en\s+)[A-Z][\w-]*)*)")
_DATE_REF = re.compile(r"(?:brie(?:f|ven)|kamerstuk\w*|d\.d\.|van)\s+$")
_YEAR_PREPOSITION = re.compile(r"(?:\bin|\bvoor|\btot(?:\s+en\s+met)?|\bt/m|\bvanaf|\bsinds|\bgedurende|\bper)\s+$")
_LEADING_YEAR = re.compile(r"^(?:in|sinds)\s+(\d{4})\b")
_ACRONYM = re.compile(r"[A-Z0-9][A-Z0-9-]*(?:\s[A-Z0-9][A-Z0-9-]*)*|[a-z][A-Z]{2,}")
# How sure each rule is: an operation the lists know, or one named as such, is read as written; a
# description's name follows the text's words, which a reviewer may word otherwise; troops, flights and
# systems somewhere rest on the sentence alone.
_CONFIDENCE = {
    "contribution.reference": 0.85, "contribution.named": 0.8, "contribution.relief": 0.75,
    "contribution.campaign": 0.7, "contribution.described": 0.65, "contribution.deployment": 0.65,
    "contribution.troops": 0.55, "contribution.flights": 0.5, "contribution.mission_in": 0.5,
    "contribution.deployed_system": 0.5,
}
_GENERIC_OPS = frozenset({"navo", "nato", "eu", "vn", "un", "inzet", "missie", "missies", "operatie", "operaties"})


@dataclass
class _Found:
    """An operation named in one sentence."""

    name: str
    start: int
    end: int
    ref: str | None = None  # the reference entry, where the lists know it
    rule: str = "contribution.named"
    locations: list[str] = field(default_factory=list)
    descriptive: bool = False
    personnel: int | None = None  # the number of Dutch military the rule itself read


@dataclass
class _Op:
    key: str
    ref: str | None
    names: Counter = field(default_factory=Counter)
    first_name: str = ""
    locations: list[str] = field(default_factory=list)
    year: int | None = None
    personnel: int | None = None
    partners: set[str] = field(default_factory=set)
    evidence: Evidence | None = None
    confidence: float = 0.0
    rule: str = ""


def _key(name: str) -> str:
    """What two names of one operation share: no organisation in front or inside ("NAVO-oostflank"), no
    number behind, and for a description no "van ..." after its head ("inzet aan de oostflank van het
    NAVO-verdragsgebied")."""
    key = _ORG_PREFIX.sub("", _TRAILING_NUMBER.sub("", name.lower())).strip()
    key = _ORG_INSIDE.sub("", key)
    return key.split(" van ")[0] if key.startswith(("inzet ", "f-")) else key


def _is_unit(text: str, start: int) -> bool:
    """ "leverde een Special Operations Land Task Group": a unit supplied, not an operation."""
    return bool(_INDEFINITE_BEFORE.search(text, max(0, start - 5), start))


def _referenced(doc: DocContext, i: int) -> list[_Found]:
    """Operations and forces of the reference lists, named as the text writes them."""
    text = doc.sentences[i].text
    out = []
    for m in doc.references(i):
        if m.kind not in (OPERATION, FORCE) or _is_unit(text, m.start):
            continue
        name, end = m.surface, m.end
        tail = re.match(r"-(?:missie|mission|operatie)\b|-[A-Z]\w+", text[end:])
        if tail and tail.group()[1].isupper():
            name, end = name + tail.group(), end + tail.end()  # "ISAF-Uruzgan"
        elif tail:
            end += tail.end()  # "Resolute Support-missie": the name without "-missie"
        if name in doc.acronyms:
            name = doc.acronyms[name]  # "de ARF", defined earlier as "Allied Reaction Force (ARF)"
        elif name[0].islower() and not _ACRONYM.fullmatch(name):
            name = doc.reference_index.get(m.id).name  # "vooruitgeschoven aanwezigheid": the entry's usual name
        found = _Found(name, m.start, end, m.id, "contribution.reference")
        # "ISAF-Uruzgan" lies in Afghanistan, "EUTM Mali" in Mali: a place or country within the name.
        found.locations = _places_within(doc, i, m.start, end) or [
            c.id for c in doc.mentions(i) if c.kind == COUNTRY and m.start <= c.start and c.end <= end
        ]
        out.append(found)
    return out


def _places_within(doc: DocContext, i: int, start: int, end: int) -> list[str]:
    """Countries of the places of the lists between ``start`` and ``end`` ("Uruzgan" lies in AF)."""
    index = doc.reference_index
    out = []
    for m in doc.references(i):
        if m.kind == PLACE and start <= m.start and m.end <= end:
            code = index.get(m.id).location
            if code and code not in out:
                out.append(code)
    return out


def _named(doc: DocContext, i: int, op_acronyms: bool, taken: list[_Found]) -> list[_Found]:
    """Operation names by their form: English heads, "Operation X", "X-missie", "missie X", acronyms."""
    text = doc.sentences[i].text
    found: list[Name] = []
    if i in doc.having(_RUN_WORDS):
        orgs = {(m.start, m.end) for m in doc.mentions(i) if m.kind != COUNTRY}
        for run in doc.runs(i):
            if run.text.endswith(_OP_SUFFIXES):
                found.append(Name(run.text[: run.text.rfind("-")], run.start, run.end))
                continue
            words = run.text.split()
            if len(words) < 2:
                continue
            last = words[-1]
            if last[-1].isdecimal():
                last = _TRAILING_NUMBER.sub("", last)
            last = last.strip("-") or words[-2]
            if (
                (_OP_PREFIX.match(run.text) or last.lower() in OPERATION_HEADS)
                and (run.start, run.end) not in orgs
                and not _is_unit(text, run.start)
            ):
                found.append(run)
    for m in _AFTER_KEYWORD.finditer(text):
        run = run_at_start(text[m.end() : m.end() + 80])
        if run:
            found.append(Name(run.text, m.end(), m.end() + run.end))
    for m in _ACRONYM_AFTER.finditer(text):
        acronym = m.group(1)
        if acronym.rstrip("-") in ORG_IDS or acronym.rstrip("-") in ("NAVO", "VN", "OVSE"):
            continue  # "deel aan de PESCO-projecten": an organisation or framework, not an operation
        if acronym not in doc.acronyms or doc.acronyms[acronym].lower().split()[-1] in OPERATION_HEADS:
            found.append(Name(doc.acronyms.get(acronym, acronym), m.start(1), m.end(1)))
    if op_acronyms:
        for run in doc.runs(i):
            full = doc.acronyms.get(run.text.split()[0])
            if full and full.split()[-1].lower() in OPERATION_HEADS and len(run.text.split()) <= 2:
                found.append(Name(full, run.start, run.end))
    out = []
    for name in found:
        if any(t.start <= name.start < t.end or name.start <= t.start < name.end for t in taken):
            continue  # part of a name the lists know
        out.append(_Found(name.text, name.start, name.end))
    return out


def _description_end(text: str, start: int) -> int:
    """Where the noun phrase that starts at ``start`` ends (see _NP_STOP)."""
    end, previous, words = start, "", 0
    for m in _TOKEN.finditer(text, start):
        word = m.group()
        low = word.lower()
        if (
            word in ",.;:()"
            or word[0].isdigit()
            or (words and low in _NP_STOP)
            or (words and low in _DETERMINERS and previous not in _NP_PREPOSITIONS)
            or words >= _NP_MAX_WORDS
        ):
            break
        end, previous, words = m.end(), low, words + 1
    return end


def _described(doc: DocContext, i: int, taken: list[_Found]) -> list[_Found]:
    """Contributions the text describes in its own words where it names no operation."""
    text, low = doc.sentences[i].text, doc.lower(i)
    out: list[_Found] = []

    def overlaps(start: int, end: int) -> bool:
        return any(t.start < end and start < t.end for t in [*taken, *out])

    for m in _CONTRIBUTION_TO.finditer(low):
        end = _description_end(text, m.end())
        name = text[m.end() : end]
        if _plain_name(doc, name) and not overlaps(m.end(), end):
            out.append(_Found(name, m.end(), end, rule="contribution.described", descriptive=True))
    for m in _DEPLOYMENT.finditer(low):
        if not m.group(1) and not home_voice(doc, i):
            continue  # "de inzet aan ..." is the Netherlands' own only in a sentence that speaks for it
        object_end = _description_end(text, m.end())
        if _country_at(doc, i, m.end()) or object_end <= m.end():
            continue  # "de Nederlandse inzet in Litouwen": the place is a location, not an operation
        modifier = text[m.start(2) : m.end(2)].strip()
        modifier = "" if modifier.lower() == "militaire" else modifier + " "
        name = f"{modifier}inzet {m.group(3)} {text[m.end() : object_end]}"
        if not overlaps(m.start(), object_end):
            out.append(_Found(name, m.start(), object_end, rule="contribution.deployment", descriptive=True))
    for m in _CAMPAIGN.finditer(text):
        phrase = text[m.end() : _description_end(text, m.end())]
        tail_end = m.end() + len(_CAMPAIGN_VERB.split(phrase)[0])
        region = _region_after(doc, i, tail_end)
        end = region or tail_end
        if not overlaps(m.start(), end):
            out.append(_Found(text[m.start() : end], m.start(), end, rule="contribution.campaign"))
    for m in _RELIEF.finditer(text):
        if not overlaps(m.start(1), m.end(1)):
            out.append(_Found(f"noodhulp {m.group(1)}", m.start(), m.end(), rule="contribution.relief"))
    if "militairen" in low:
        for m in _TROOPS_IN.finditer(text):
            code = _country_at(doc, i, m.end())
            if code and code != HOME and not overlaps(m.start(), m.end()):
                place = text[m.end() : m.end() + len(_country_surface(doc, i, m.end()))]
                count = find_cardinals(m.group(1))
                out.append(
                    _Found(f"militaire aanwezigheid in {place}", m.start(), m.end(), rule="contribution.troops",
                           locations=[code], descriptive=True, personnel=count[0].value if count else None)
                )
    for m in _FLYING.finditer(text):
        code = _country_at(doc, i, m.end())
        if code and not overlaps(m.start(), m.end()):
            place = _country_surface(doc, i, m.end())
            aircraft = re.sub(r"^(?:nederlandse|Nederlandse)\s+", "", m.group(1))
            out.append(_Found(f"vluchten van {aircraft} boven {place}", m.start(), m.end() + len(place),
                              rule="contribution.flights", locations=[code], descriptive=True))
    if i > 0 and "boven" in low:
        out += _flights_again(doc, i, overlaps)
    for m in _MISSION_IN.finditer(text):
        code = _country_at(doc, i, m.end())
        if code and not overlaps(m.start(), m.end()):
            place = _country_surface(doc, i, m.end())
            name = text[m.start() : m.end() + len(place)].split(None, 1)[1]
            out.append(_Found(name, m.start(), m.end() + len(place), rule="contribution.mission_in",
                              locations=[code], descriptive=True))
    for m in _DEPLOYED_SYSTEM.finditer(text):
        code = _country_at(doc, i, m.end())
        system = _system_before(doc, i, m.end())
        if code and system and not overlaps(m.start(), m.end()):
            place = _country_surface(doc, i, m.end())
            out.append(_Found(f"inzet {system} in {place}", m.start(), m.end() + len(place),
                              rule="contribution.deployed_system", locations=[code],
                              descriptive=True))
    return out


def _flights_again(doc: DocContext, i: int, overlaps: Callable[[int, int], bool]) -> list[_Found]:
    """Flights of the sentence before, taken up for another country ("Dat gaat ook gebeuren boven ...")."""
    text = doc.sentences[i].text
    m = _ALSO_ABOVE.search(text)
    before = next(iter(_FLYING.finditer(doc.sentences[i - 1].text)), None) if m else None
    code = _country_at(doc, i, m.end()) if m and before else None
    if not code or overlaps(m.start(), m.end()):
        return []
    place = _country_surface(doc, i, m.end())
    own = _WITH_AIRCRAFT.match(text, m.end() + len(place))
    aircraft = own.group(1) if own else re.sub(r"^(?:nederlandse|Nederlandse)\s+", "", before.group(1))
    return [_Found(f"vluchten van {aircraft} boven {place}", m.start(), m.end() + len(place),
                   rule="contribution.flights", locations=[code], descriptive=True)]


def _plain_name(doc: DocContext, name: str) -> bool:
    """Whether a description names something: not a bare organisation, country or word."""
    words = name.split()
    if not words or len(words) > 12 or name.lower() in _GENERIC_OPS:
        return False
    return not (len(words) == 1 and (country_code(name) or name.upper() in ("NAVO", "NATO", "EU", "VN")))


def _country_at(doc: DocContext, i: int, pos: int) -> str | None:
    for m in doc.mentions(i):
        if m.kind == COUNTRY and m.start == pos:
            return m.id
    return None


def _country_surface(doc: DocContext, i: int, pos: int) -> str:
    for m in doc.mentions(i):
        if m.kind == COUNTRY and m.start == pos:
            return m.surface
    return ""


def _system_before(doc: DocContext, i: int, pos: int) -> str | None:
    """The compound word naming a system of the lists before ``pos`` ("Patriot-luchtafweerraketten")."""
    text = doc.sentences[i].text
    systems = [m for m in doc.references(i) if m.kind == "system" and m.end <= pos]
    if not systems:
        return None
    m = systems[-1]
    word = re.match(r"[\w'’-]*", text[m.end :])
    return text[m.start : m.end + (word.end() if word else 0)]


def _region_after(doc: DocContext, i: int, end: int) -> int | None:
    """Where "... in het Caribisch gebied" ends: a region stays in the name (a country is a location)."""
    m = re.match(r"\s+in\s+(?:het\s+|de\s+)?([A-Z][\w-]*(?:\s+(?:van\s+(?:de\s+)?)?[A-Z][\w-]*)*(?:\s+gebied)?)",
                 doc.sentences[i].text[end:])
    if not m or country_code(m.group(1)):
        return None
    return end + m.end()


def _locations(doc: DocContext, i: int, op: _Found) -> list[str]:
    """Countries right after the operation: "in Roemenië", "boven Polen", "Air Policing Polen en Bulgarije"."""
    if op.locations:
        return op.locations
    text = doc.sentences[i].text
    m = _PLACE_LIST.match(text, op.end)
    if not m:
        return []
    if not any(c.kind == COUNTRY and m.start(1) <= c.start < m.end(1) for c in doc.mentions(i)):
        return _places_within(doc, i, m.start(1), m.end(1))  # "in Uruzgan", "in de Koerdistan Autonome Regio"
    found: list[str] = []
    for mention in doc.mentions(i):
        if (
            mention.kind == COUNTRY
            and m.start(1) <= mention.start < m.end(1)
            and mention.id != HOME
            and mention.id not in found
        ):
            found.append(mention.id)
    if len(found) > 1 and m.group().lstrip().startswith("boven"):
        return []  # "boven Oost-Syrië en Irak": an air campaign over an area, not a deployment per country
    return found


def _with_in(doc: DocContext, i: int) -> list[tuple[str, str]]:
    """ "met Duitsland in Litouwen en Slowakije, en met Frankrijk in Roemenië": (partner, place) pairs."""
    out = []
    for m in _WITH_IN.finditer(doc.sentences[i].text):
        partner = country_code(m.group(1))
        for place in re.split(r"\s*,\s*|\s+en\s+", m.group(2)):
            code = country_code(place)
            if partner and code and code != HOME:
                out.append((partner, code))
    return out


def _year(doc: DocContext, i: int, op: _Found) -> int | None:
    """The year written at the operation (nearest, outside references to letters and brackets), else the
    year that opens the paragraph, else the document's."""
    text, low = doc.sentences[i].text, doc.lower(i)
    best: tuple[int, int] | None = None
    for d in doc.dates(i):
        before = low[max(0, d.start - 20) : d.start]
        if _DATE_REF.search(before) or text.count("(", 0, d.start) > text.count(")", 0, d.start):
            continue  # "de brieven van 24 september 2014", "(Kamerstuk ..., 19 juni 2015)"
        if not _YEAR_PREPOSITION.search(low[max(0, d.start - 16) : d.start]) and not text.endswith(
            "jaar", d.start, d.end
        ):
            continue
        distance = d.start - op.end if d.start >= op.end else (op.start - d.end) + 15  # after it first
        if best is None or distance < best[0]:
            best = (distance, d.value.year)
    if best is not None and best[0] <= 150:
        return best[1]
    for j in (i - 1, i - 2):
        if j >= 0 and not doc.sentences[j].heading:
            m = _LEADING_YEAR.match(doc.lower(j))
            if m:
                return int(m.group(1))
            if not _CONTINUES.match(doc.lower(j)):
                break
    return doc.year


def _personnel(text: str) -> int | None:
    low = text.lower()
    if not any(word in low for word in _TROOP_WORDS):
        return None  # reading the numbers is the costly part: not without a word for troops
    for c in find_cardinals(text):
        m = _TROOPS.match(text[c.end :])
        if not m or c.value < 2 or 1900 <= c.value <= 2100:
            continue
        word = m.group(1)
        code = country_code(word) if word else None
        if word and code and code != HOME:
            continue  # "50 Duitse militairen": not Dutch personnel
        return c.value
    return None


def _partners(doc: DocContext, i: int, locations: set[str]) -> set[str]:
    partners = {m.id for m in doc.mentions(i) if m.kind == COUNTRY and m.id != HOME and m.id not in locations}
    if not partners and _BOTH.search(doc.lower(i)):
        partners = set(doc.discourse_countries(i)[:1])
    return partners


def _involved(doc: DocContext, i: int) -> bool:
    """Whether sentence ``i`` says the Netherlands takes part, or continues one that does."""
    low = doc.lower(i)
    if i > 0 and " boven " in low and _ALSO_ABOVE.search(doc.sentences[i].text):
        return bool(_FLYING.search(doc.sentences[i - 1].text))  # the flights before, taken up elsewhere
    if not _CUE.search(low) or doc.sentences[i].text.rstrip().endswith("?"):
        return False  # a question asks whether the Netherlands should take part; it does not say it does
    if home_voice(doc, i) or _HOME_TROOPS.search(low):
        return True
    return i > 0 and bool(_CONTINUES.match(low)) and (
        home_voice(doc, i - 1) or bool(_HOME_TROOPS.search(doc.lower(i - 1)))
    )


def _next_takes_up(doc: DocContext, i: int) -> int | None:
    """Personnel in the next sentence when it takes the operation up ("Met deze raketten gaan 150 militairen
    mee", "Daar zouden zo'n 200 Nederlanders gestationeerd kunnen worden")."""
    j = i + 1
    if j >= len(doc.sentences) or doc.sentences[j].heading:
        return None
    if not re.match(r"^(?:met deze|met die|daar|daarbij|hierbij|deze|dit)\b", doc.lower(j)):
        return None
    return _personnel(doc.sentences[j].text)


def extract(doc: DocContext) -> list[Contribution]:
    ops: list[_Op] = []
    counted: set[tuple[int, str]] = set()
    acronyms = tuple(
        acr.lower() for acr, full in doc.acronyms.items() if full.split()[-1].lower() in OPERATION_HEADS
    )
    referenced = {
        i for i, found in doc._references_by_sentence.items() if any(m.kind in (OPERATION, FORCE) for m in found)
    }
    worded = set(doc.candidates(KEYWORDS + acronyms))
    for i in sorted(worded | set(doc.body(referenced))):
        if not _involved(doc, i):
            continue
        found = _referenced(doc, i)
        if i in worded:  # a sentence with none of the words names no operation by its form or description
            found += _named(doc, i, bool(acronyms), found)
            found += _described(doc, i, found)
        if not found:
            continue
        pairs = _with_in(doc, i)
        all_locations = {code for f in found for code in _locations(doc, i, f)} | {p for _, p in pairs}
        partners = _partners(doc, i, all_locations)
        personnel = _personnel(doc.sentences[i].text) if len(found) == 1 else None
        if personnel is None and len(found) == 1:
            personnel = _next_takes_up(doc, i)
        evidence_end = i + 1 if personnel is not None and _personnel(doc.sentences[i].text) is None else i
        for f in found:
            name = name_of(f.name)
            if not name or name.lower() in _GENERIC_OPS:
                continue
            locations = _locations(doc, i, f)
            if not locations and pairs and len(found) == 1:
                locations = [p for _, p in pairs]  # "door de inzet aan de oostflank ... met Duitsland in Litouwen"
            key = _key(name)
            ref = f.ref
            if ref:
                parent = doc.reference_index.get(ref).part_of
                ref = parent if parent and any(o.ref == parent for o in ops) else ref
            entry = next(
                (o for o in ops if (ref and o.ref == ref) or o.key == key or fuzz.ratio(o.key, key) >= 90), None
            )
            if entry is None and key == "inzet" and ops:
                entry = next((o for o in ops if o.key.startswith("inzet ")), None)
            if entry is None:
                entry = _Op(key, ref, first_name=name, rule=f.rule)
                ops.append(entry)
            if (i, name) not in counted:  # a name counts once per sentence ("Task Force Uruzgan (TFU)")
                entry.names[name] += 1
                counted.add((i, name))
            entry.locations += [code for code in locations if code not in entry.locations]
            entry.year = entry.year or _year(doc, i, f)
            entry.partners |= partners
            if f.personnel and entry.personnel is None:
                entry.personnel = f.personnel
            if len(found) == 1 and personnel and entry.personnel is None:
                entry.personnel = personnel
                entry.evidence = doc.evidence(i, evidence_end)  # the sentence with the numbers is the main statement
            if entry.evidence is None:
                entry.evidence = doc.evidence(i)
            confidence = _CONFIDENCE[f.rule] - (0 if home_voice(doc, i) else 0.1)
            if confidence > entry.confidence:
                entry.confidence, entry.rule = confidence, f.rule
    facts = []
    for o in ops:
        for location in o.locations or [None]:
            facts.append(
                Contribution(
                    doc=doc.name,
                    doc_date=doc.doc_date,
                    evidence=o.evidence or Evidence(0, 0),
                    confidence=round(o.confidence, 2),
                    rule=o.rule,
                    operation=_best_name(o),
                    location=location,
                    year=o.year,
                    personnel=o.personnel,
                    partners=sorted_ids(o.partners),
                )
            )
    return facts


def _best_name(op: _Op) -> str:
    """The full form where the text gives one (an acronym only where it never does), then the form the
    text uses most; on a tie, the shortest (a description may run on: "inzet aan de oostflank van het
    verdragsgebied" and "inzet aan de oostflank")."""
    full = Counter({name: n for name, n in op.names.items() if not _ACRONYM.fullmatch(name)}) or op.names
    best = max(full.values())
    return min((name for name, n in full.items() if n == best), key=len)
