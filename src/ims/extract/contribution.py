"""``contribution``: a Dutch contribution to an operation, mission or force.

A sentence counts when it says that the Netherlands (or "ons land", "we", "beide landen") contributes,
takes part, commands or is on stand-by ("leverde ... militairen voor", "draagt bij aan", "maakte
onderdeel uit van", "voerde het commando over", "werkten samen ... in"), and names an operation:

* an English force or operation name ending in Force, Presence, Group, Battlegroup, Mission, ...
  ("Enhanced Vigilance Activity", "Allied Reaction Force"), or starting with Operation/Operatie;
* a name with "-missie"/"-operatie" ("Ocean Watch-missie"), or after "missie"/"operatie";
* an acronym after "inzet in", "bijdrage aan", "bij aan het" ("de inzet in ISAF", "bij aan het NRI"),
  or an acronym defined earlier in the document for such a name ("van de ARF");
* a campaign "tegen" something ("de strijd tegen piraterij in de Golf van Guinee") or relief after a
  named disaster ("noodhulp ... na orkaan Maria").

A unit that is supplied ("leverde een Special Operations Land Task Group") is not an operation. The
location is the country named right after the operation ("in Roemenië", "aan Haïti"); partners
are the other countries in the sentence, or the partner of the paragraph for "beide landen". Personnel
is a number of Dutch military ("ongeveer 270 militairen"), never foreign troops ("50 Duitse militairen").
Mentions of one operation in a document are merged into one fact.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ims.extract.common import Needs, home_voice, name_of, noun_phrase, sorted_ids, year_or_doc
from ims.extract.context import HOME, DocContext, register_keywords
from ims.extract.facts import Contribution, Evidence
from ims.extract.names import OPERATION_HEADS, Name, run_at_start
from ims.text.gazetteer import COUNTRY, country_code
from ims.text.numbers import find_cardinals

# Contribution verbs: the Netherlands provides, takes part, commands, stands by.
_CUE = Needs(
    r"\b(?:lever\w*|geleverd|bijdrage\w*|bij(?:ge)?dra\w*|draagt|droeg|deel(?:name|nemen|genomen)?|neemt|nam|namen"
    r"|onderdeel|commando|inzet|ingezet|participe\w*|stand-?by|gereed|samen|samengewerkt|voortgezet|bood|biedt"
    r"|uitgezonden)\b",
    (
        "lever", "bijdra", "bijgedra", "draagt", "droeg", "deel", "neemt", "nam", "commando", "inzet", "ingezet",
        "participe", "stand", "gereed", "samen", "voortgezet", "bood", "biedt", "uitgezonden",
    ),
)
_HOME_TROOPS = Needs(
    r"\b(?:samen met|beide landen|nederlandse (?:eenheden|militairen|mariniers|bijdrage))\b",
    ("samen met", "beide landen", "nederlandse "),
)
# What an operation's name looks like; the contribution verbs are checked after these.
KEYWORDS = register_keywords(
    *OPERATION_HEADS,
    "operatie", "missie", "strijd tegen", "bestrijding", "hulp", "inzet in", "inzet bij", "bijdrage aan",
    "bij aan", "deelname aan", "deel aan",
)
# A run of capitalised words names an operation by its head ("Force", "Mission"), by "Operation" or
# "Operatie" in front or by "-missie", "-operatie" or "-mission" behind: a sentence without any of these
# words holds no such run.
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
_PLACE_BEFORE = re.compile(
    r"(?:\bin|\bnaar|\baan|\baan de|\baan het|\bop|\bboven|\bvoor de kust van|\brond)\s+$"
)
_TROOP_WORDS = ("militairen", "soldaten", "man", "personeelsleden", "mariniers", "troepen", "manschappen")
_TROOPS = re.compile(rf"^\s+(?:(\w+)\s+)?(?:{'|'.join(_TROOP_WORDS)})\b")
_BOTH = Needs(r"\b(?:beide landen|de twee landen|beide)\b", ("beide", "de twee landen"))
_ORG_PREFIX = re.compile(r"^(?:(?:nato|navo|eu|vn|un)\s+)+", re.IGNORECASE)
_TRAILING_NUMBER = re.compile(r"\s*\d+$")
_INDEFINITE_BEFORE = re.compile(r"\been\s+$")
_CAMPAIGN_VERB = re.compile(r"\s(?:voortgezet|gestart|beëindigd|uitgevoerd|geïntensiveerd)\b")


@dataclass
class _Op:
    key: str
    names: Counter = field(default_factory=Counter)
    first_name: str = ""
    location: str | None = None
    year: int | None = None
    personnel: int | None = None
    partners: set[str] = field(default_factory=set)
    evidence: Evidence | None = None
    confidence: float = 0.6


def _key(name: str) -> str:
    return _ORG_PREFIX.sub("", _TRAILING_NUMBER.sub("", name.lower())).strip()


def _is_unit(text: str, start: int) -> bool:
    """ "leverde een Special Operations Land Task Group": a unit supplied, not an operation."""
    return bool(_INDEFINITE_BEFORE.search(text, max(0, start - 5), start))


def _operations(doc: DocContext, i: int, op_acronyms: bool) -> list[Name]:
    """Operation names in sentence ``i`` (``op_acronyms``: whether the document defines an acronym for one).

    The regexes are :class:`Needs`: most sentences lack their words and are never searched. Nor are the
    capitalised runs of a sentence read unless it holds a word of :data:`_RUN_WORDS`.
    """
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
        if acronym not in doc.acronyms or doc.acronyms[acronym].lower().split()[-1] in OPERATION_HEADS:
            found.append(Name(doc.acronyms.get(acronym, acronym), m.start(1), m.end(1)))
    if op_acronyms:
        for run in doc.runs(i):
            full = doc.acronyms.get(run.text.split()[0])
            if full and full.split()[-1].lower() in OPERATION_HEADS and len(run.text.split()) <= 2:
                found.append(Name(full, run.start, run.end))
    for m in _CAMPAIGN.finditer(text):
        phrase = noun_phrase(text, m.end(), 80)
        tail = _CAMPAIGN_VERB.split(phrase)[0]
        tail = _extend_place(text, m.end() + len(tail))
        found.append(Name(text[m.start() : tail], m.start(), tail))
    for m in _RELIEF.finditer(text):
        found.append(Name(f"noodhulp {m.group(1)}", m.start(), m.end()))
    return found


_IN_PLACE = re.compile(
    r"\s+in\s+(?:het\s+|de\s+)?[A-Z][\w-]*(?:\s+(?:van\s+(?:de\s+)?)?[A-Z][\w-]*)*(?:\s+gebied)?"
)


def _extend_place(text: str, end: int) -> int:
    """Let "de strijd tegen piraterij" run on over "in de Golf van Guinee" or "in het Arctisch gebied"."""
    m = _IN_PLACE.match(text, end)
    return m.end() if m else end


def _location(doc: DocContext, i: int, op: Name) -> str | None:
    text = doc.sentences[i].text
    for m in doc.mentions(i):
        if (
            m.kind == COUNTRY
            and m.id != HOME
            and op.end <= m.start <= op.end + 25
            and _PLACE_BEFORE.search(text[op.end : m.start])
        ):
            return m.id
    return None


def _personnel(text: str) -> int | None:
    if not any(word in text for word in _TROOP_WORDS):
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
    low = doc.lower(i)
    return bool(_CUE.search(low)) and (home_voice(doc, i) or bool(_HOME_TROOPS.search(low)))


def extract(doc: DocContext) -> list[Contribution]:
    ops: list[_Op] = []
    acronyms = tuple(
        acr.lower() for acr, full in doc.acronyms.items() if full.split()[-1].lower() in OPERATION_HEADS
    )
    for i in doc.candidates(KEYWORDS + acronyms):
        if not _involved(doc, i):
            continue
        names = _operations(doc, i, bool(acronyms))
        if not names:
            continue
        locations = {loc for op in names if (loc := _location(doc, i, op))}
        partners = _partners(doc, i, locations)
        personnel = _personnel(doc.sentences[i].text) if len(names) == 1 else None  # only then it is used
        for op in names:
            name = name_of(op.text)
            if not name or name.upper() in ("NATO", "NAVO", "EU"):
                continue
            key = _key(name)
            entry = next((o for o in ops if o.key == key or fuzz.ratio(o.key, key) >= 90), None)
            if entry is None:
                entry = _Op(key, first_name=name)
                ops.append(entry)
            entry.names[name] += 1
            entry.location = entry.location or _location(doc, i, op)
            entry.year = entry.year or year_or_doc(doc, i)
            entry.partners |= partners
            if len(names) == 1 and personnel and entry.personnel is None:
                entry.personnel = personnel
                entry.evidence = doc.evidence(i)  # the sentence with the numbers is the main statement
            if entry.evidence is None:
                entry.evidence = doc.evidence(i)
            entry.confidence = max(entry.confidence, 0.8 if home_voice(doc, i) else 0.65)
    return [
        Contribution(
            doc=doc.name,
            doc_date=doc.doc_date,
            evidence=o.evidence or Evidence(0, 0),
            confidence=o.confidence,
            operation=_best_name(o),
            location=o.location,
            year=o.year,
            personnel=o.personnel,
            partners=sorted_ids(o.partners),
        )
        for o in ops
    ]


def _best_name(op: _Op) -> str:
    """The form the text uses most; on a tie, the first one written."""
    best = max(op.names.values())
    return op.first_name if op.names[op.first_name] == best else op.names.most_common(1)[0][0]
