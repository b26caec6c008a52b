"""``initiative``: a named cooperation programme or project.

Names are found by the ways letters introduce cooperation projects, each a general Dutch phrasing:

* a name with an acronym or a Dutch gloss in a sentence about cooperation, programmes or projects
  ("Nordic Cloud Network (NCN)", "Arctic Ski Course (wintertraining)"), when its head word says
  it is a programme, capability, training, fund, ... and not a body, document or operation;
* "samenwerking binnen/in het X", "het (binationale, Noors-Nederlandse) programma/concept/initiatief X", "het
  samenwerkingsverband 'X'" (a quoted name ends at its quote), "het zogenoemde X", "participeert in het X",
  "draagt bij aan het X", "het initiatief ter ... (X)", "het MoU X";
* enumerations of projects ("Het gaat onder andere om A, B en C", "projecten, namelijk A, B en C",
  "initiatieven: A, B");
* descriptive projects: "de integratie van X in Y", "samen de X gaan uitvoeren", "betrokken bij de X samen
  met ...", "gezamenlijke opleiding voor de <system>", "samenwerking bij ... van de <system>", "A en B zijn
  voorbeelden van ... capaciteiten", "een MoU over <...>samenwerking", "de oprichting van een gezamenlijke X"
  or "... van de Duits-Nederlandse X" (a joint unit or means being set up; not a body that only meets), "sluit
  aan bij het Franse initiatief voor ..." (a partner's initiative, named by its purpose);
* a name the next words call a project ("de Future Combat Drone, een gezamenlijk project van ...", also after
  its acronym), which then stands for the project a description of the same sentence would name; "het door
  Duitsland geleide project X"; "Onder de naam X werken ... samen" (the cooperation's name, whatever its head).

Operations and forces (names ending in Force, Presence, Group, ...) are contributions, not initiatives,
unless the Netherlands and a partner are going to take part in one together. Frameworks of the gazetteer
(Northern Group, EI2) count only where the text calls them an initiative or programme.

Partners are the countries named in the name or the sentence, with NL (the letters are about Dutch
cooperation) unless the sentence tells a project of other countries ("Duitsland en Frankrijk ontwikkelen samen
...", "het Frans-Duitse project ...") without the Netherlands; failing those, the organisation that runs the
programme, with NL only where the text says that the Netherlands takes part. ``form`` and ``status`` follow
the wording around the name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ims.extract.common import Needs, expand, home_voice, name_of, noun_phrase, sorted_ids, tidy
from ims.extract.context import HOME, Cue, DocContext, register_keywords
from ims.extract.facts import Evidence, Initiative
from ims.extract.names import OPERATION_HEADS, Name, capitalised_runs, run_at_start
from ims.text.gazetteer import (
    COMMAND,
    COUNTRY,
    ORG_IDS,
    PROGRAMME,
    PROJECT,
    UNIT,
    Reference,
    ReferenceIndex,
    country_code,
    find_mentions,
    is_region,
)

_COOPERATION = re.compile(  # literal-led branches only: the regex engine then skips ordinary text quickly
    r"samenwerk|samen\b|gezamenlijk|binationa|bilatera|multinationa|programma|project|initiatie|initiativ|participe"
    r"|deelname|lead nation|mou |memorandum|intentieverklaring|integr|ïntegr"
)
_INITIATIVE_WORD = Needs(r"\b(?:initiatie\w*|programma\w*|project\w*)", ("initiatie", "programma", "project"))
_HEADS = frozenset(
    {
        "training", "trainingen", "exercise", "networking", "defence", "defense", "policing", "refueling",
        "refuelling", "systems", "system", "laboratory", "programme", "program", "project", "initiative",
        "fund", "research", "cooperation", "capability", "capabilities", "network", "devices", "development",
        "samenwerking", "programma", "fonds", "defensiefonds", "initiatief",
        # what partners do or share together, in English names: "Arctic Ski Course", "Military Mobility",
        # "Joint Sealift Partnership", "Air Surveillance Pooling"
        "course", "courses", "mobility", "logistics", "corridor", "partnership", "sealift", "airlift", "pool",
        "pooling", "sharing", "surveillance", "samenwerkingsverband", "partnerschap",
    }
)
_NOT_INITIATIVE = frozenset(
    {
        "command", "commando", "raad", "council", "commissie", "commission", "staf", "staff",
        "coördinatiegroep", "hoofdkwartier", "headquarters", "beraad", "directie", "hoofddirectie",
        "agentschap", "agency", "comité", "committee", "secretariaat", "centre", "center", "base",
        "vliegbasis", "ministerie", "adviesraad", "kamer", "review", "strategie", "strategy", "statement",
        "intent", "understanding", "nota", "rapport", "brief", "product", "veiligheidsstrategie",
        "mariniers", "marine", "landmacht", "luchtmacht", "overleg", "top", "topontmoeting", "conferentie",
        "vergadering", "bijeenkomst", "dialoog", "alert",
    }
)
_NATIONAL = re.compile(r"\b(?:nationaal|nationale|interdepartementale)\b", re.IGNORECASE)
_FUTURE = Needs(r"\b(?:willen|wil|zal|zullen|gaan|gaat)\b", ("wil", "zal", "zullen", "gaan", "gaat"))
# One \b in front of all the alternatives rather than one in front of each: the regex engine then tries the
# alternatives only where a word starts, which makes the search several times faster (the same below).
_PARTICIPATION = Cue(
    r"\b(?:(?:neemt|nemen)\b[^.]{0,60}\bdeel\b|deelname\b|participe\w*|lead nation\b"
    r"|draagt\b[^.]{0,30}\bbij\b|leidt\b|leiden\b|(?:sluit|sluiten|sloot|sloten)\b[^.]{0,30}\baan\b"
    r"|aangesloten\b|(?:treedt|traden|trad)\b[^.]{0,30}\btoe\b|toegetreden\b"
    # leading or joining in other words: "is coördinator van", "coördineert", "doet mee aan", "maakt deel uit van"
    r"|coördin\w*|penvoerder\b|(?:doet|doen)\b[^.]{0,30}\bmee\b|(?:maakt|maken)\b[^.]{0,30}\bdeel uit\b)",
    (
        "neemt", "nemen", "deelname", "participe", "lead nation", "draagt", "leidt", "leiden", "sluit", "sloot",
        "sloten", "aangesloten", "treedt", "trad", "toegetreden", "coördin", "penvoerder", "doet mee", "doen mee",
        "mee aan", "deel uit",
    ),
)
_ADJECTIVE_ONLY = re.compile(r"^\S+(?:isch|ische|se)$")
_DESIGNATOR = re.compile(r"[A-Z]\w*-?\d+|[A-Z]{2,}")
_INNER_FILLER = re.compile(r"\s+op het (?:gebied|terrein) van\s+")
_ITEM_SPLIT = re.compile(r",\s+|(?<!-)\s+en\s+(?=(?:het|de|een)?\s*\S)")
_ITEM_TRIM = re.compile(r"\s+(?:ten behoeve van|voor de|voor het|ter|in het kader van|om|die|dat)\b.*$")
_ITEM_SKIP = re.compile(r"^(?:een aantal|diverse|verschillende|andere|overige|enkele|\(\d\))", re.IGNORECASE)
_VERB = re.compile(r"\b\w*ge\w+[dt]\b|\b(?:is|zijn|wordt|worden|heeft|hebben)\b")
_QUOTED = re.compile(r"[«“]([^»”]{3,60})[»”]")
# A Dutch verb and its subject after a name, in inverted word order ("Binnen het programma Blue Lance werken
# Nederland en ..."): the clause goes on, the name ended before the verb.
_VERB_AFTER_NAME = re.compile(r"\s+[a-z]\w*(?:en|t)\s+")
_SUBJECT_WORD = re.compile(r"(?:Defensie|beide|de|het|wij|we|zij|ze)\b")
# A name in quotes right at a position, opening with a capital: the quote marks say where it ends.
_QUOTED_NAME = re.compile(r"[«“‘'\"]([A-Z0-9][^«»“”‘’'\".;:()]{2,60}?)[»”’'\"]")

_STATUS = Needs(
    r"\b(?:"
    + "|".join(
        f"(?P<{status}>{pattern})"
        for status, pattern in (
            ("idea", r"wens\b|beoogd\w*|biedt\b[^.]{0,20}\bperspectie\w*|willen\b|overw(?:eegt|egen|ogen)\b"),
            ("study", r"gezocht naar\b|onderzocht\b|onderzoek\w*|\w*studies?\b|verkend\w*|verkenn\w*"),
            (
                "preparation",
                r"gewerkt aan\b|werken\b[^.]{0,50}\buit\b|voorbereid\w*|zal\b|zullen\b|gaan\b|startpunt\b",
            ),
            (
                "running",
                r"bestaande\b|betrokken\b|voortgezet\b|sinds\b|jaarlijks\b|participe\w*|geïntegreerd\b"
                r"|lopende\b|implementatie\b|gefinancierd\b|op dit moment is\b"
                # what runs now: "het project loopt", "is van start gegaan", "is operationeel"
                r"|loopt\b|lopend\b|van start gegaan\b|operationeel\b",
            ),
            ("completed", r"afgerond\b|voltooid\b|opgeleverd\b"),
            ("stopped", r"gestopt\b|beëindigd\b|stopgezet\b"),
        )
    )
    + ")",
    (
        "wens", "beoogd", "biedt", "willen", "gezocht naar", "onderzo", "studie", "verkend", "gewerkt aan",
        "werken", "voorbereid", "zal", "zullen", "gaan", "startpunt", "bestaande", "betrokken", "voortgezet",
        "sinds", "jaarlijks", "participe", "geïntegreerd", "lopende", "implementatie", "gefinancierd",
        "op dit moment is", "afgerond", "voltooid", "gestopt", "beëindigd", "stopgezet", "overw", "studie", "verkenn",
        "loopt", "lopend", "van start gegaan", "operationeel", "opgeleverd",
    ),
)
_FORMS = (
    (
        "integrated_operational",
        Cue(r"\b(?:integratie\b|geïntegreerd\w*|integreren\b)", ("integratie", "geïntegreerd", "integreren")),
    ),
    (
        "joint_procurement_sharing",
        Cue(
            r"\bgezamenlijk(?:e? (?:verwerving|aanschaf|aankoop)\b| (?:worden |wordt )?gefinancierd)",
            ("gezamenlijk",),
        ),
    ),
    ("pooling", Cue(r"\bgezamenlijke? (?:opleiding|training|onderhoud)\b", ("gezamenlijk",))),
    (
        "operational",
        Cue(
            r"\b(?:samen\b[^.]{0,60}\buit(?:voeren| te voeren)\b|gezamenlijk deelnemen\b)",
            ("uitvoeren", "uit te voeren", "gezamenlijk deelnemen"),
        ),
    ),
    ("role_task_specialisation", Cue(r"\b(?:rol|taak)specialisatie\b", ("specialisatie",))),
    ("joint_hiring", Cue(r"\bgezamenlijke inhuur\b", ("gezamenlijke inhuur",))),
)
_POOLING_NAME = re.compile(r"^(?:\w*training|onderhoud|opleiding)\b", re.IGNORECASE)
# "X X*" rather than "X+" here and below: the same matches, found faster (see ims.extract.names._WORD).
_SPLIT_WORDS = re.compile(r"[\s/][\s/]*")
_SPLIT_PARTS = re.compile(r"[\s/-][\s/-]*")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_INTEGRATION = re.compile(
    r"\bintegratie\s+van\s+(?:de\s+|het\s+)?(.+?)\s+in\s+(?:de\s+|het\s+)?(.+?)"
    r"(?=[,.;]|\s(?:en|door|waarbij)\s|$)"
)
# "de integratie van de luchtruimbewaking tegen ...": what is integrated, with no host named.
_INTEGRATION_OF = re.compile(
    r"\bintegratie\s+van\s+((?:de|het)\s+[a-zà-ÿ][\w-]*)(?=\s+(?:tegen|met|door|voor|tussen)\b|[,.;])"
)
_JOINT_TASK = re.compile(
    r"\bsamen\s+(?:de|het)\s+([^,.;]+?)\s+(?:gaan\s+)?(?:uitvoeren|verzorgen|uit te voeren)\b"
)
_SAMEN_OBJECT_VERB = re.compile(
    r"\bsamen\s+(?P<object>(?:de|het|hun|een)\s+[^,.;]{3,70}?)\s+(?P<verb>[a-z]+en)(?=\s*(?:[,.;]|$|\s(?:en|om|zodat)\b))"
)
_VERB_SAMEN_OBJECT = re.compile(
    r"\b(?P<verb>[a-z]+en)\s+(?:(?:sinds|vanaf)\s+\d{4}\s+|al\s+jaren\s+|nu\s+)?samen\s+"
    r"(?P<object>(?:de|het|hun)\s+[^,.;]{3,70}?)(?=\s*(?:[,.;]|$))"
)
# Dutch words that end the name of an operation or an exercise ("NAVO-missie", "trainingsmissie", "oefening").
_DUTCH_OPERATION_HEADS = ("missie", "operatie", "oefening", "inzet")
# An apposition that calls the name before it a project: ", een gezamenlijk project", ", het Noors-Nederlandse
# initiatief".
_CALLED_A_PROJECT = re.compile(
    r",\s+(?:een|het)\s+(?:[\w-]+\s+){0,2}?(?:[\w]+-)?(?:samenwerkings)?(?:project|programma|initiatief|verband)\b"
)
_ACRONYM_BEFORE = re.compile(r"\s*\([A-Z][\w-]{1,12}\)$")
# Rules that describe a project in the text's words rather than read its name.
_DESCRIBING_RULES = frozenset({"initiative.joint_work", "initiative.joint_task"})
_PROJECT_WORDS = ("programma", "project", "initiatief", "samenwerkingsverband")
# Setting something up: "de oprichting van", "het opzetten van", "de opbouw van" a joint unit or means.
_FOUNDING = re.compile(r"\b(?:oprichting|opzetten|oprichten|opbouw|opbouwen)\s+van\s+(?:een|de|het)\s+")
_BINATIONAL_ADJECTIVE = re.compile(r"[A-Z]\w+-[A-Z]\w+\b")
_PURPOSE = re.compile(r"\s+voor\s+(de\s+|het\s+)?(?=[a-zà-ÿ])")
_JOINT_ADJECTIVE = re.compile(r"(?:gezamenlijke?|binationale?|multinationale?|trinationale?)\s+[a-zA-Z]")
# Bodies that meet and talk rather than act together: not initiatives even when set up together.
_TALKING_BODIES = frozenset(
    {
        "raad", "council", "commissie", "commission", "comité", "committee", "overleg", "beraad", "dialoog",
        "werkgroep", "secretariaat", "stuurgroep", "conferentie", "vergadering", "bijeenkomst", "top",
    }
)
_HET_NOUNS = frozenset({"onderhoud", "beheer"})
_BUYING = frozenset({"verwerving", "aanschaf", "aankoop", "vervanging", "bestelling", "inkoop"})
_INVOLVED = re.compile(r"\bbetrokken\s+bij\s+(?:de|het)\s+")
_INVOLVED_END = re.compile(r"\s+samen\s+met\b|,")
_JOINT_ACTIVITY = re.compile(
    r"\bgezamenlijke\s+(?:opleiding|training|verwerving|aanschaf|onderhoud|instandhouding)"
    r"\s+(?:voor|van|aan)\s+(?:de\s+|het\s+)?"
)
# A joint body or means still to be set up: "Voor de ... eenheden moet er een gezamenlijke staf komen", "er
# zal een gezamenlijk trainingscentrum voor ... worden opgericht". Who it is for: the phrase after "voor",
# fronted (the Dutch word order puts it first) or after the noun.
_TO_COME = re.compile(
    r"\b(?:moet|moeten|zal|zullen|gaat|gaan)\s+(?:er\s+)?(?:ook\s+|nog\s+)?een\s+(gezamenlijke?\s+[a-z][\w-]+)"
    r"(?:\s+(voor\s+(?:de|het)\s+[^,.;]{3,80}?))?\s+(?:komen|worden\s+opgericht|worden\s+opgezet)\b"
)
_FRONTED_FOR = re.compile(r"^(?:[Oo]ok\s+)?[Vv]oor\s+((?:de|het)\s+[^,.;]{3,80}?)\s*(?:,|\s(?:moet|zal|gaat|komt)\b)")
_SYSTEM_OF = re.compile(
    r"\bsamenwerking\s+bij\b[^.]*?\b(?:met|van)\s+(?:de|het)\s+((?:\w+\s+){0,3}?van\s+(?:de|het)\s+"
    r"[A-Z][\w-]*\d+|[A-Z][\w-]*\d+)",
    re.IGNORECASE,
)
_EXAMPLES = re.compile(r"\s+zijn\s+voorbeelden\s+van\b[^.]*\b(?:capaciteiten|projecten|samenwerking)")
_SHORT_NAME = re.compile(r"[A-Z][A-Za-z0-9-]{1,12}")
_INITIATIVE_BRACKET = re.compile(
    r"\bhet\s+initiatief\s+(?:ter|tot|voor|om)\b[^.(]{0,120}\(([A-Z][^()]{3,60})\)"
)
_MOU_SUBJECT = re.compile(r"\bmou\b[^.]{0,30}\bover\s+(\w*samenwerking\b[^.;]*)")
_ENUMERATION = re.compile(
    r"\b(?:het gaat (?:onder (?:andere|meer)\s+)?om|namelijk|te weten)\s+|"
    r"\b(?:initiatieven|projecten|programma's)\s*:\s*",
    re.IGNORECASE,
)
_PROJECT_CONTEXT = re.compile(r"project|initiatie|programma|samenwerking")
_NOT_IN_WORD = re.compile("[()«»‘’“”\",;:!?]")  # what ends a word of a name (see ims.extract.names)
_GLOSS = re.compile(r"\(([a-zà-ÿ][^()]{2,60}|[A-Z][a-z]+-[A-Z]\w* [a-z][^()]{2,40})\)")
_COORDINATED = re.compile(r"\b([A-Z][A-Z0-9-]{2,})\)?\s+en\s+(?:het|de)\s+([A-Z][A-Z0-9-]{2,})\b")
_WE = re.compile(r"\b(?:we|wij)\b")
_NON_WORD = re.compile(r"\W\W*")


@dataclass
class _Candidate:
    name: str
    start: int  # offset in the sentence
    countries: list[str] = field(default_factory=list)  # countries the name's own gloss gives
    form: str | None = None
    item_end: int | None = None  # for an item of an enumeration: where the item ends
    ref: str | None = None  # the reference entry it is, where the lists know it
    rule: str = "initiative.named"
    status: str | None = None  # where the rule itself reads it ("werd geïntegreerd": running)
    partners: list[str] = field(default_factory=list)  # where the rule itself reads them (units' countries)


@dataclass
class _Initiative:
    name: str
    key: str
    partners: list[str]
    level: int
    participates: bool
    form: str | None
    status: str | None
    evidence: Evidence
    confidence: float
    ref: str | None = None
    rule: str = "initiative.named"
    others_only: bool = False  # named as a project of other countries, without the Netherlands (_others_only)


def _head(name: str) -> str:
    """The last word holding a letter, lower case, after its last hyphen."""
    for word in reversed(_SPLIT_WORDS.split(name) if "/" in name else name.split()):
        if _HAS_LETTER.search(word):
            return word.lower().split("-")[-1]
    return ""


def _excluded(name: str) -> bool:
    words = {w.lower().strip("«»‘’“”") for w in _SPLIT_PARTS.split(name)}
    return bool(words & _NOT_INITIATIVE)


def _run_at(text: str, pos: int) -> Name | None:
    """The name at ``pos``: the capitalised run there, or a quoted name ("het project 'Arctic Shield'",
    "het samenwerkingsverband «Noordzee Logistiek»"), whose words need not all be capitalised."""
    quoted = _QUOTED_NAME.match(text, pos)
    if quoted:
        return Name(quoted.group(1).strip(), quoted.start(1), quoted.end(1))
    run = run_at_start(text[pos : pos + 120])
    if run is None:
        return None
    name = _clause_cut(run.text)
    return Name(name, pos, pos + len(name))


def _clause_cut(name: str) -> str:
    """``name`` without a Dutch verb and its subject that follow it in inverted word order ("Binnen het
    programma Blue Lance werken Nederland en ...": the name ends before "werken")."""
    m = _VERB_AFTER_NAME.search(name)
    if m is None:
        return name
    rest = name[m.end() :]
    subject = _SUBJECT_WORD.match(rest) or any(x.start == 0 for x in find_mentions(rest))
    return name[: m.start()] if subject else name


def _resolve(doc: DocContext, name: str) -> str:
    """An acronym the document defines stands for its full name ("NCN" -> "Nordic Cloud Network")."""
    word = name.strip().split("-")[0]
    return doc.acronyms.get(word, name) if word.isupper() else name


# ---------------------------------------------------------------- rules: (anchors, finder)


def _named_after(label: str, pattern: re.Pattern[str], form: str | None = None) -> Callable:
    """A rule (called ``label``) taking the capitalised name that follows ``pattern``."""

    def find(doc: DocContext, i: int, text: str) -> list[_Candidate]:
        out = []
        for m in pattern.finditer(text):
            if m.groupdict().get("adj") and _names_one_country(m["adj"]):
                continue  # "het Nederlandse programma Quickstep": a national programme
            run = _run_at(text, m.end())
            if run is None or _ADJECTIVE_ONLY.match(run.text) or is_region(run.text):
                continue  # "in het Arctisch gebied", "in Europa": a place, not a name
            name = _resolve(doc, run.text)
            joined_later = form == "operational" and _FUTURE.search(doc.lower(i))
            # "het project Arctic Shield": the text's own word says it is a project, whatever the name's head
            called_project = (m.groupdict().get("word") or "concept").lower().endswith(_PROJECT_WORDS)
            head = _head(name)
            operation = head in OPERATION_HEADS or head.endswith(_DUTCH_OPERATION_HEADS)
            if operation and not (joined_later or called_project):
                continue  # an operation ("de NAVO-missie"): a contribution, unless joined together in the future
            out.append(_Candidate(name, run.start, form=form))
        return out

    find.__name__ = label
    return find


# A name the text introduces as such: "onder de naam X", "genaamd X", "onder de noemer X".
_CALLED = re.compile(
    r"\b(?:[Oo]nder\s+de\s+(?:naam|noemer|titel)|genaamd|getiteld|[Mm]et\s+de\s+naam)\s+[«“‘'\"]?(?=[A-Z])"
)
_MISSION_WORDS = re.compile(r"\b(?:missie|operatie|inzet|ingezet|uitgezonden)\b")
# English heads that say a name is a programme: "Helicopter Exercise Programme", "European Defence Fund".
_PROGRAMME_HEADS = frozenset({"programme", "program", "initiative", "project", "fund", "network"})


def _called(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """A name introduced as the name of the cooperation the sentence speaks of."""
    if not _about_cooperation(doc, i):
        return []
    out = []
    # a name the sentence gives to working together ("Onder de naam Northern Shield werken ... samen") is the
    # cooperation's, whatever its head; else a name ending like an operation's is one
    joint = _cooperation(doc, i) and not _MISSION_WORDS.search(doc.lower(i))
    for m in _CALLED.finditer(text):
        run = _run_at(text, m.end())
        if run is not None and not is_region(run.text) and (joint or _head(run.text) not in OPERATION_HEADS):
            out.append(_Candidate(_resolve(doc, run.text), run.start))
    return out


def _head_named(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """A capitalised name whose English head says it is a programme, in a sentence about cooperation."""
    if not (_about_cooperation(doc, i) or _participates(doc, i)):
        return []
    return [
        _Candidate(run.text, run.start)
        for run in capitalised_runs(text)
        if _head(run.text) in _PROGRAMME_HEADS and len(run.text.split()) > 1
    ]


def _national(doc: DocContext, i: int, text: str) -> bool:
    """Whether ``text`` (the start of sentence ``i``) says "nationaal" (or "interdepartementale")."""
    # _NATIONAL ignores case, and its "i" matches "ı" and "İ" as well, which lower() keeps or makes two
    # letters: so the sentence is screened (in lower case) for the parts of the words without an "i".
    low = doc.lower(i)
    if "onaal" not in low and "onale" not in low and "nterdepartementale" not in low:
        return False
    return bool(_NATIONAL.search(text))


def _names_one_country(word: str) -> bool:
    """ "Nederlandse", "Duitse": one country's (a national programme); "Noors-Nederlandse" names two."""
    return len({m.id for m in find_mentions(word[:1].upper() + word[1:]) if m.kind == COUNTRY}) == 1


def _integration(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """E.g. "de integratie van de 12e Brigade in de Franse 3e Divisie"."""
    out = []
    for m in _INTEGRATION.finditer(text):
        out.append(
            _Candidate(f"integratie {m.group(1)} in {m.group(2)}", m.start(), form="integrated_operational")
        )
    if not out:
        for m in _INTEGRATION_OF.finditer(text):
            out.append(_Candidate(f"integratie van {m.group(1)}", m.start(), form="integrated_operational",
                                  rule="initiative.integration_of"))
    return out


def _joint_task(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """E.g. "zullen Denemarken en Nederland samen de bewaking van de Noordzee gaan uitvoeren"."""
    return [_Candidate(m.group(1), m.start(1), form="operational") for m in _JOINT_TASK.finditer(text)]


def _joint(noun: str) -> str:
    """ "gezamenlijke bewaking", but "gezamenlijk onderhoud" (a het-word)."""
    return f"gezamenlijk {noun}" if noun in _HET_NOUNS else f"gezamenlijke {noun}"


def _joint_verb(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """A task the partners do together, told with its verb: "gaan vanaf 2020 samen het luchtruim ...
    bewaken", "bewaken sinds 2017 samen het luchtruim": named as a noun ("gezamenlijke bewaking van het
    luchtruim ..."); maintenance is pooling, buying is joint procurement, any other task operational."""
    out = []
    for pattern in (_SAMEN_OBJECT_VERB, _VERB_SAMEN_OBJECT):
        for m in pattern.finditer(text):
            noun = _NOUN_OF_VERB.get(m.group("verb").lower())
            if noun:
                form = "pooling" if noun == "onderhoud" else "joint_procurement_sharing" if noun in _BUYING else None
                out.append(_Candidate(f"{_joint(noun)} van {m.group('object')}", m.start("object"),
                                      form=form or "operational", rule="initiative.joint_work"))
    return out


def _involved(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """E.g. "is Nederland betrokken bij de proefvaart van de nieuwe fregatten samen met Canada"."""
    out = []
    for m in _INVOLVED.finditer(text):
        phrase = _INVOLVED_END.split(text[m.end() : m.end() + 100])[0]
        if _DESIGNATOR.search(phrase) and "samen met" in doc.lower(i):
            out.append(_Candidate(phrase, m.end()))
    return out


def _joint_activity(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """E.g. "de gezamenlijke opleiding voor de CH-47 helikopter"."""
    out = []
    for m in _JOINT_ACTIVITY.finditer(text):
        phrase = noun_phrase(text, m.end())
        if _DESIGNATOR.search(phrase):
            out.append(_Candidate(text[m.start() : m.end() + len(phrase)], m.start()))
    return out


def _to_come(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """A joint body or means still to be set up, named with what it is for ("gezamenlijke staf voor de ...")."""
    out = []
    for m in _TO_COME.finditer(text):
        fronted = _FRONTED_FOR.match(text)
        purpose = m.group(2) or (f"voor {fronted.group(1)}" if fronted else None)
        if purpose:
            out.append(_Candidate(f"{m.group(1)} {purpose}", m.start(1), status="preparation",
                                  rule="initiative.to_come"))
    return out


def _founded(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """A joint unit or means being set up, named as the text names it: "de oprichting van de Duits-Nederlandse
    cyber-eenheid" (a run opened by an adjective of two countries), "het opzetten van een gezamenlijk
    opleidingscentrum voor ..." (a joint, bi- or multinational noun phrase)."""
    out = []
    for m in _FOUNDING.finditer(text):
        if _BINATIONAL_ADJECTIVE.match(text, m.end()):
            run = _run_at(text, m.end())
            name = run.text if run else ""
        elif _JOINT_ADJECTIVE.match(text, m.end()):
            name = noun_phrase(text, m.end())
            purpose = _PURPOSE.match(text, m.end() + len(name))
            if purpose:  # what it is for belongs to its name: "gezamenlijke staf voor de Patriot-eenheden"
                name += f" voor {purpose.group(1) or ''}{noun_phrase(text, purpose.end())}"
        else:
            continue
        if len(name.split()) >= 2 and not (set(_SPLIT_PARTS.split(name.lower())) & _TALKING_BODIES):
            out.append(_Candidate(name, m.end(), rule="initiative.founded"))
    return out


def _apposition(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """A name the next words call a project: "de Future Combat Drone, een gezamenlijk project van beide
    landen", "Blue Lance, een Noors-Nederlands initiatief"."""
    out = []
    for m in _CALLED_A_PROJECT.finditer(text):
        end = m.start()
        acronym = _ACRONYM_BEFORE.search(text, max(0, end - 20), end)
        end = acronym.start() if acronym else end  # "... Strike Approach (ELSA), een initiatief van ..."
        before = text[max(0, end - 80) : end]
        runs = [r for r in capitalised_runs(before) if r.end == len(before)]
        if runs and not find_mentions(runs[0].text):
            out.append(_Candidate(runs[0].text, end - len(before) + runs[0].start))
    return out


def _system_of(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """E.g. "Samenwerking bij de aanschaf en het onderhoud van de opvolger van de CV90"."""
    m = _SYSTEM_OF.search(text)
    return [_Candidate(m.group(1), m.start(1))] if m else []


def _examples(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """E.g. "de luchtbrug, MRTT en NSPA zijn voorbeelden van gedeelde capaciteiten"."""
    m = _EXAMPLES.search(text)
    if not m:
        return []
    head = max(text.rfind(ch, 0, m.start()) for ch in ".;:") + 1
    out = []
    for item in _ITEM_SPLIT.split(text[head : m.start()]):
        item = item.strip()
        if _SHORT_NAME.fullmatch(item) and not find_mentions(item):
            out.append(_Candidate(item, text.find(item, head)))
    return out


def _initiative_bracket(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """E.g. "het initiatief ter versterking van ... (Shared Airlift)"."""
    return [_Candidate(m.group(1), m.start(1)) for m in _INITIATIVE_BRACKET.finditer(text)]


def _mou_subject(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """E.g. "een MoU getekend over opleidingssamenwerking op het gebied van duiken": what it covers."""
    m = _MOU_SUBJECT.search(doc.lower(i))
    return [_Candidate(_INNER_FILLER.sub(" ", text[m.start(1) : m.end(1)]), m.start(1))] if m else []


def _enumerated(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """Items of "Het gaat onder andere om A, B en C" and "projecten, namelijk A, B en C"."""
    m = _ENUMERATION.search(text)
    if not m:
        return []
    context = doc.lower(i)[: m.start()] + (doc.lower(i - 1) if i > 0 and m.start() < 20 else "")
    if not _PROJECT_CONTEXT.search(context):
        return []
    out, pos = [], m.end()
    for item in _ITEM_SPLIT.split(text[m.end() :].rstrip(".")):
        start = text.find(item, pos)
        pos = max(pos, start + len(item))
        item = item.strip()
        if not item or _ITEM_SKIP.match(item) or _VERB.search(_ITEM_TRIM.sub("", item)):
            continue
        quoted = _QUOTED.search(item)
        name = quoted.group(1) if quoted else _ITEM_TRIM.sub("", item)
        names = find_mentions(name)
        if len(name.split()) > 8 or (names and all(n.kind == COUNTRY for n in names)):
            continue  # "te weten België en Luxemburg, ...": partners, not projects
        out.append(_Candidate(name, start, item_end=start + len(item)))
    return out


def _about_cooperation(doc: DocContext, i: int) -> bool:
    return _cooperation(doc, i) or (i > 0 and _cooperation(doc, i - 1))


def _cooperation(doc: DocContext, i: int) -> bool:
    key = ("cooperation", i)
    found = doc.memo.get(key)
    if found is None:  # asked about a sentence and about the one before it
        found = doc.memo[key] = bool(_COOPERATION.search(doc.lower(i)))
    return bool(found)


_PROJECT_AFTER_ACRONYM = re.compile(r"\s*\([A-Z][\w-]{1,12}\)[\s-]*(project|programma|programme|program)\b")


def _defined(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """Names with an acronym, in a sentence (or after one) about cooperation or the Netherlands taking part."""
    if not (_about_cooperation(doc, i) or _participates(doc, i)):
        return []
    out = []
    for name in doc.definitions.get(i, []):
        if _head(name.text) in _HEADS or name.text.lower().endswith(("fonds", "samenwerking")):
            out.append(_Candidate(name.text, name.start))
            continue
        # "het Multi Role Tanker Transport (MRTT) project": the word after the acronym says what it is.
        after = _PROJECT_AFTER_ACRONYM.match(text, name.end)
        if after and not _excluded(name.text):
            out.append(_Candidate(f"{name.text} {after.group(1)}", name.start))
    return out


def _glossed(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """A name explained by a Dutch gloss: "Nordsam (Noors-Nederlandse samenwerking)"."""
    out: list[_Candidate] = []
    for m in _GLOSS.finditer(text):
        before = text[: m.start()].rstrip()
        word = _NOT_IN_WORD.split(before[-80:].rsplit(None, 1)[-1])[-1] if before else ""
        if not word or not (word[0].isupper() or word[0].isdigit()):
            continue  # a name ends in a capitalised word just before its gloss: no need to look for one
        if not _about_cooperation(doc, i):
            return []
        runs = [r for r in capitalised_runs(before[-80:]) if r.end == len(before[-80:])]
        if runs and (_head(runs[0].text) in _HEADS or "samenwerking" in m.group(1)):
            start = len(before) - len(before[-80:]) + runs[0].start
            out.append(_Candidate(runs[0].text, start, countries=expand(find_mentions(m.group(1)))))
    return out



# ---------------------------------------------------------------- rules that read the reference lists

# Kinds of entry that are initiatives where a text speaks of them as cooperation: programmes, PESCO
# projects, and the multinational commands and units of the frameworks and units lists.
_INITIATIVE_KINDS = (PROGRAMME, PROJECT)
_JOINT_BODY_KINDS = (COMMAND, UNIT)
# "de PESCO-projecten Military Mobility": the name without the word for what it is.
_GENERIC_PREFIX = re.compile(
    r"^(?:[A-Z]+-)?(?:projecten|project|programma's|programma|initiatieven|initiatief)\s+(?=[A-Z])"
)
_TOP_LEVEL = 3  # partners named in the name or the sentence (see _partners)
_SERVES = re.compile(r"\b(?:gereed|inzet|ingezet|leverde|levert|bijdrage)\b")
_COMPOUND_AFTER = re.compile(r"-(?!programma|project|initiatief)[a-z]")
_AREA_BEFORE = re.compile(
    r"(?:\b(\w+)\s+)?samenwerking\s+(?:bij|op het gebied van|inzake|voor|in)\s+(?:het\s+|de\s+)?$"
)


_CAPABLE: dict[int, tuple[ReferenceIndex, frozenset[str]]] = {}


def _initiative_ids(index: ReferenceIndex) -> frozenset[str]:
    """The ids of the entries of ``index`` that may be initiatives (worked out once per index)."""
    known = _CAPABLE.get(id(index))
    if known is None or known[0] is not index:
        if len(_CAPABLE) > 4:
            _CAPABLE.clear()
        known = _CAPABLE[id(index)] = (
            index, frozenset(e.id for e in index.entries.values() if _may_be_initiative(e))
        )
    return known[1]


def _may_be_initiative(entry: Reference) -> bool:
    """A programme or project, or a bi- or multinational command or unit outside NATO's own structure."""
    return entry.kind in _INITIATIVE_KINDS or (
        entry.kind in _JOINT_BODY_KINDS and bool(entry.members) and entry.source != "nato"
    )


def _cooperation_near(doc: DocContext, i: int) -> bool:
    """Whether the paragraph speaks of cooperation: sentence ``i`` or one of the two before it."""
    return any(
        _cooperation(doc, j) for j in (i, i - 1, i - 2) if j >= 0 and not doc.sentences[j].heading
    )


def _contributing(doc: DocContext, i: int) -> bool:
    """ "het hoofdkwartier van het legerkorps stond gereed voor inzet als ... van de VJTF": a body that
    serves an operation or force is a contribution there, not an initiative."""
    return bool(_SERVES.search(doc.lower(i))) and any(m.kind in ("operation", "force") for m in doc.references(i))


def _binational(entry: Reference) -> bool:
    return HOME in entry.members and len(entry.members) <= 3


def _referenced(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """Programmes, projects and joint commands or units of the reference lists, named as the text writes
    them ("het 1e Duits-Nederlands legerkorps", "de Europese samenwerking bij het bijtanken in de lucht")."""
    out = []
    index = doc.reference_index
    for m in doc.references(i):
        entry = index.get(m.id)
        if not _may_be_initiative(entry):
            continue
        if not (_cooperation_near(doc, i) or _participates(doc, i)) or _contributing(doc, i) or "?" in text:
            continue  # a question asks whether there is cooperation; it does not say so
        if _COMPOUND_AFTER.match(text, m.end) or (m.surface.islower() and m.surface not in entry.aliases):
            continue  # "de air-to-air-refueling-capaciteit": a word for a capability, not the programme
        name, start = m.surface, m.start
        if name in doc.acronyms:
            name = doc.acronyms[name]  # "het EATC", defined as "European Air Transport Command (EATC)"
        area = _AREA_BEFORE.search(text, max(0, start - 60), start) if name[0].islower() else None
        if area:  # "de Europese samenwerking bij het bijtanken in de lucht": the cooperation is the name (an
            # activity; "samenwerking in het EATC" names the body)
            start = area.start(1) if area.group(1) and area.group(1)[0].isupper() else area.start()
            name = text[start : m.end]
        out.append(_Candidate(name, start, ref=entry.id, rule="initiative.reference"))
    return out


def _project_title(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """ "het project «Vervanging M-fregatten (ASWF)»": a joint project by its title. A project to replace or
    acquire something is an initiative only where the text says the partners do it together."""
    out = []
    for m in _PROJECT_TITLE.finditer(text):
        title = _ACRONYM_IN_TITLE.sub("", m.group(1)).strip()
        partners = _joint_project(doc, title) if title else None
        if partners is None:
            continue
        out.append(_Candidate(title, m.start(1), countries=partners, rule="initiative.project_title"))
    return out


def _joint_project(doc: DocContext, title: str) -> list[str] | None:
    """The partners with whom the text says the thing a project title names is done ("de gezamenlijke
    vervanging van de M-fregatten van Nederland en België", "Samen met België ... vervangt Defensie de
    M-fregatten"); None where it does not say so of a project to replace or acquire something."""
    words = [w for w in re.split(r"[\s/()]+", title.lower()) if len(w) > 3 and w not in _TITLE_VERBS]
    if not words or not _ACQUIRING_TITLE.match(title):
        return []  # not an acquisition: a named project is cooperation where a rule finds it
    for j in sorted(doc.having(_JOINT_WORDS)):
        low = doc.lower(j)
        if j >= 0 and any(w in low for w in words) and (doc.countries(j) or "beide landen" in low):
            return list(doc.countries(j)) or doc.discourse_countries(j)[:1]
    return None


def _integrated(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """ "Zo zal de Luchtmobiele Brigade volgend jaar geïntegreerd worden in de Duitse Division Schnelle
    Kräfte", "moet ook de 13de Lichte Brigade onder Duits bevel komen": a unit placed in or under a
    partner's. A binational unit so placed is the initiative itself ("het gecombineerde tankbataljon 414")."""
    out = []
    low = doc.lower(i)
    units = _units(doc, i)
    for m in _INTEGRATED_IN.finditer(low):
        anchor = m.start()
        # The unit just before, or before a clause set off by two commas ("het gecombineerde tankbataljon
        # 414, bemand door ..., geïntegreerd in").
        subject = next(
            (
                u
                for u in reversed(units)
                if u[1] <= anchor
                and (
                    (anchor - u[1] <= 60 and "," not in text[u[1] : anchor])
                    or (anchor - u[1] <= 120 and text[u[1] : anchor].count(",") == 2)
                )
            ),
            None,
        )
        host = next((u for u in units if u[0] >= m.end() and u[0] - m.end() <= 25), None)
        if subject is None or host is None:
            continue
        entry = subject[3]
        auxiliary = _AUXILIARY.findall(low[max(0, subject[0] - 60) : anchor])
        status = "preparation" if any(a in ("zal", "zullen", "gaat", "gaan") for a in auxiliary) else "running"
        if entry is not None and _binational(entry):
            out.append(_Candidate(text[subject[0] : subject[1]], subject[0], form="integrated_operational",
                                  ref=entry.id, rule="initiative.integrated_unit", status=status))
            continue
        name = f"integratie {text[subject[0] : subject[1]]} in {text[host[0] : host[1]]}"
        countries = [c for c in (_nationality(subject), _nationality(host)) if c]
        out.append(_Candidate(name, subject[0], countries=countries, form="integrated_operational",
                              rule="initiative.integrated", status=status))
    for m in _UNDER_COMMAND.finditer(text):
        subject = next(
            (
                u
                for u in reversed(units)
                if u[1] <= m.start() and m.start() - u[1] <= 30 and "," not in text[u[1] : m.start()]
            ),
            None,
        )
        if subject is None:
            continue
        code = country_code(m.group(1))
        name = f"{text[subject[0] : subject[1]]} onder {m.group(1)} bevel"
        countries = [c for c in (_nationality(subject), code) if c]
        out.append(_Candidate(name, subject[0], countries=countries, form="integrated_operational",
                              rule="initiative.under_command", status="preparation"))
    return out


def _units(doc: DocContext, i: int) -> list[tuple[int, int, str, Reference | None]]:
    """Units in sentence ``i``: (start, end, text, entry) for the units of the lists and for numbered
    brigades, divisions and battalions ("43e Mechanische Brigade", "1. Panzerdivision")."""
    text = doc.sentences[i].text
    index = doc.reference_index
    found = [
        (m.start, m.end, m.surface, index.get(m.id))
        for m in doc.references(i)
        if m.kind in (UNIT, COMMAND)
    ]
    for m in _NUMBERED_UNIT.finditer(text):
        if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b, _, _ in found):
            found.append((m.start(), m.end(), m.group(), None))
    return sorted(found, key=lambda u: u[0])


def _nationality(unit: tuple[int, int, str, Reference | None]) -> str | None:
    entry = unit[3]
    if entry is not None:
        return entry.nationality or (entry.members[0] if len(entry.members) == 1 else None)
    return None


def _joint_work(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """ "gaan België, Nederland en Luxemburg samenwerken om de nationale luchtruimen te bewaken": the joint
    task, named as a noun ("gezamenlijke bewaking van de nationale luchtruimen"); and "kwamen overeen dat
    ze de bewaking van burgervliegtuigen ... volgens een beurtrol zullen uitvoeren"."""
    out = []
    for m in _WORK_TOGETHER_TO.finditer(text):
        noun = _NOUN_OF_VERB.get(m.group(2).lower())
        if noun:
            out.append(_Candidate(f"{_joint(noun)} van {m.group(1)}", m.start(1), form="operational",
                                  rule="initiative.joint_work"))
    for m in _AGREED_TO_DO.finditer(text):
        task = _trim_task(m.group(1))
        if task:
            out.append(_Candidate(task, m.start(1), form="operational", rule="initiative.joint_work"))
    return out


def _trim_task(task: str) -> str:
    """A task without its relative clause and dates: "de bewaking van burgervliegtuigen waarvan een
    terroristische dreiging uitgaat vanaf 1 januari 2017 volgens een beurtrol" -> "bewaking van
    burgervliegtuigen volgens een beurtrol"."""
    task = _RELATIVE_CLAUSE.sub(" ", task)
    task = _DATE_PHRASE.sub(" ", task)
    return name_of(task)


def _joins_initiative(doc: DocContext, i: int, text: str) -> list[_Candidate]:
    """ "Nederland sluit hiervoor aan bij een initiatief van de Duitse regering": the partner's initiative,
    named by what it is for where the sentence before says it ("Defensie verwerft ... Leopard
    2A8-gevechtstanks" -> "Duits initiatief voor de verwerving van Leopard 2A8-gevechtstanks")."""
    out = []
    for m in _JOINS.finditer(text):
        who = m.group(1) or m.group(2)
        code = country_code(who)
        if not code or code == HOME:
            continue
        adjective = _ADJECTIVE_BASE.sub("", who) if who[0].isupper() else who
        name = f"{adjective} initiatief"
        purpose = _purpose_before(doc, i) if _ANAPHOR.search(text[: m.end()]) else None
        after = _INITIATIVE_PURPOSE.match(text, m.end())
        if purpose:
            name = f"{name} voor de {purpose}"
        elif after and (what := noun_phrase(text, after.end())):
            name = f"{name} {after.group(1)} {what}"
        out.append(_Candidate(name, m.start(), countries=[code], form="joint_procurement_sharing" if purpose else None,
                              rule="initiative.joins", status="running"))
    return out


def _purpose_before(doc: DocContext, i: int) -> str | None:
    """What the sentence before does, as a noun phrase: "Defensie verwerft minimaal 46 Leopard
    2A8-gevechtstanks" -> "verwerving van Leopard 2A8-gevechtstanks"."""
    if i == 0:
        return None
    text = doc.sentences[i - 1].text
    m = _ACQUIRES.search(text)
    if not m:
        return None
    noun = _NOUN_OF_VERB.get(m.group(1).lower())
    rest = _COUNT_WORDS.sub("", text[m.end() :]).strip().rstrip(".")
    rest = re.split(r"[,;:]|\s(?:en|voor|om|die|dat)\s", rest)[0]
    return f"{noun} van {rest}" if noun and rest else None


_PROJECT_TITLE = re.compile(r"\bproject\s+[«‘'\"“]([^»’'\"”]{3,80})[»’'\"”]")
_ACRONYM_IN_TITLE = re.compile(r"\s*\([A-Z][\w-]*\)")
_TITLE_VERBS = frozenset({"vervanging", "verwerving", "aanschaf", "modernisering", "instandhouding"})
_ACQUIRING_TITLE = re.compile(r"^(?:vervanging|verwerving|aanschaf|modernisering)\b", re.IGNORECASE)
_JOINT_WORDS = register_keywords("gezamenlijk", "samen met", "beide landen", "samen ")
_INTEGRATED_IN = re.compile(r"\bgeïntegreerd\s+(?:worden\s+|zijn\s+)?in\s+(?:de\s+|het\s+)?(?:[a-zà-ÿ]\w*e\s+)?")
_AUXILIARY = re.compile(r"\b(zal|zullen|gaat|gaan|werd|werden|wordt|worden|is|zijn|was|waren)\b")
_UNDER_COMMAND = re.compile(r"\bonder\s+((?:[A-Z]\w+))\s+bevel\b")
_NUMBERED_UNIT = re.compile(
    r"\b(?:\d{1,3}(?:e|de|ste|\.)?\s+)(?:[A-Z]\w+\s+|[a-z]\w+e\s+){0,2}?"
    r"(?:[Bb]rigade|[Dd]ivisie|Division|Panzerdivision|[Bb]ataljon|[Tt]ankbataljon|Korps|[Ll]egerkorps|Regiment)\b"
    r"|\b(?:[Tt]ankbataljon|[Bb]ataljon|Panzerbataillon)\s+\d{1,3}\b"
)
_WORK_TOGETHER_TO = re.compile(r"\bsamen(?:werken|gaan werken)\s+om\s+((?:de|het|hun)\s+[^.,;]{3,60}?)\s+te\s+(\w+)\b")
_AGREED_TO_DO = re.compile(
    r"\b(?:overeen|afgesproken|besloten)\s+dat\s+(?:ze|zij)\s+(?:samen\s+)?((?:de|het)\s+[^.;]{3,140}?)\s+"
    r"(?:zullen|gaan)\s+uitvoeren\b"
)
_RELATIVE_CLAUSE = re.compile(
    r"\s+(?:waarvan|waarin|waarbij|die|dat)\s+[^,.;]*?\s+\w+(?=\s+(?:vanaf|volgens|met|per|in|op|tot)\s)"
)
_DATE_PHRASE = re.compile(r"\s+(?:vanaf|per|met ingang van|sinds|tot)\s+(?:\d{1,2}\s+\w+\s+)?\d{4}\b")
_NOUN_OF_VERB = {
    "bewaken": "bewaking", "beveiligen": "beveiliging", "verdedigen": "verdediging", "beschermen": "bescherming",
    "bestrijden": "bestrijding", "onderhouden": "onderhoud", "ontwikkelen": "ontwikkeling",
    "verwerven": "verwerving", "verwerft": "verwerving", "aanschaffen": "aanschaf", "schaft": "aanschaf",
    "vervangen": "vervanging", "vervangt": "vervanging", "kopen": "aankoop", "koopt": "aankoop",
    "bestellen": "bestelling", "bestelt": "bestelling", "inkopen": "inkoop", "exploiteren": "exploitatie",
    "bemannen": "bemanning", "bevoorraden": "bevoorrading", "patrouilleren": "patrouille",
}
# Joining a partner's initiative: "sluit aan bij een initiatief van de Duitse regering", "neemt deel aan het
# Franse initiatief voor ...", "steunt het Noorse initiatief ter ...".
_JOINS = re.compile(
    r"\b(?:sluit\w*\s+(?:\w+\s+){0,2}?aan\s+bij|neemt\s+(?:\w+\s+){0,2}?deel\s+aan|doet\s+(?:\w+\s+){0,2}?mee\s+aan"
    r"|steun(?:t|en))\s+(?:een|het)\s+(?:initiatief\s+van\s+(?:de\s+)?(\w+)|([A-Z]\w+)\s+initiatief\b)"
)
# What a partner's initiative is for, named right after it: "... initiatief voor een Europese interventiemacht".
_INITIATIVE_PURPOSE = re.compile(r"(?:\s+regering|\s+minister\w*)?\s+(voor|ter|tot)\s+")
_ADJECTIVE_BASE = re.compile(r"e$")
_ANAPHOR = re.compile(r"\b(?:hiervoor|daarvoor|hierbij|daarbij|daarmee|hiermee)\b", re.IGNORECASE)
_ACQUIRES = re.compile(r"\b(verwerft|koopt|schaft|bestelt|vervangt)\b")
_COUNT_WORDS = re.compile(
    r"^\s*(?:(?:minimaal|minstens|ten minste|ongeveer|circa|ruim|nog|verder|extra|\d+|\w+tig)\s+)*"
)


_RULES: tuple[tuple[tuple[str, ...], Callable], ...] = (
    (
        register_keywords(
            "samenwerking in ", "samenwerking binnen ", "samenwerkingsactiviteit", "samengewerkt binnen ",
            "samengewerkt in ", "samenwerken in ", "samenwerken binnen ", "samenwerkt in ", "samenwerkt binnen ",
        ),
        _named_after(
            "within",
            # Led by the literal word, which the regex engine scans for at memchr speed: only the end of the
            # match is used, so where the word it ends ("defensiesamenwerking") starts does not matter.
            # the verb too: "wordt samengewerkt binnen X", "samenwerken in het X"
            re.compile(
                r"(?:samenwerking(?:sactiviteit)?|samengewerkt|samenwerken|samenwerkt)\s+(?:binnen|in)\s+"
                r"(?:het\s+|de\s+)?(?=[A-Z0-9])"
            )
        ),
    ),
    (
        register_keywords("concept ", "programma ", "project ", "initiatief ", "samenwerkingsverband "),
        _named_after(
            "programme_named",
            re.compile(
                # the word may be the head of a compound: "het Benelux-initiatief X", "het NAVO-programma X",
                # "het samenwerkingsprogramma X"; the adjective may name two countries ("het Noors-Nederlandse
                # project X"); a sentence may open with it: "Het project X loopt sinds ..."; the name may be
                # quoted ("het samenwerkingsverband 'X'")
                # ... or a participle phrase: "het door Duitsland geleide project X"
                r"\b(?:[Hh]et|[Dd]e)\s+(?:door\s+[\w-]+\s+)?(?:(?P<adj>[\w-]+)\s+)?"
                r"(?P<word>(?:[\w]+-)?(?:samenwerkings)?(?:concept|programma|project|initiatief)|samenwerkingsverband)\s+"
                r"(?:van\s+)?(?=[A-Z«“‘'\"])"
            )
        ),
    ),
    (
        register_keywords("zogenoemde ", "zogenaamde "),
        _named_after("so_called", re.compile(r"\b(?:[Hh]et|[Dd]e)\s+(?:zogenoemde|zogenaamde)\s+(?=[A-Z])")),
    ),
    (
        register_keywords("participe", "neemt", "nemen", "bij aan "),
        _named_after(
            "takes_part_in",
            re.compile(
                r"\b(?:(?:participeert|participeren|neemt|nemen)\b[^.]{0,30}?\b(?:in|deel aan)\s+"
                r"(?:het|de)\s+(?=[A-Z])|draagt\s+(?:\w+\s+)?bij\s+aan\s+(?:het|de)\s+(?=[A-Z]))"
            )
        ),
    ),
    (
        register_keywords("mou ", "memorandum of understanding "),
        _named_after("mou_named", re.compile(r"\b(?:mou|memorandum of understanding)\s+(?=[A-Z])", re.IGNORECASE)),
    ),
    (
        register_keywords("deelnemen aan", "deel te nemen aan"),
        _named_after(
            "joined_together",
            re.compile(
                r"\b(?:gezamenlijk|samen)\b[^.]{0,30}\b(?:deelnemen|deel te nemen)\s+aan\s+"
                r"(?:de|het)\s+(?=[A-Z])"
            ),
            form="operational",
        ),
    ),
    (register_keywords("onder de naam ", "onder de noemer ", "genaamd ", "getiteld ", "met de naam "), _called),
    (register_keywords("programme", "program ", "initiative", "project ", "fund ", "network"), _head_named),
    (register_keywords("integratie van"), _integration),
    (register_keywords("samen de ", "samen het "), _joint_task),
    (register_keywords("samen de ", "samen het ", "samen hun ", "samen een "), _joint_verb),
    (register_keywords("betrokken bij"), _involved),
    (register_keywords("gezamenlijke "), _joint_activity),
    (register_keywords("een gezamenlijk"), _to_come),
    (register_keywords("oprichting van", "opzetten van", "oprichten van", "opbouw van", "opbouwen van"), _founded),
    (register_keywords("project", "programma", "initiatief", "verband"), _apposition),
    (register_keywords("samenwerking bij"), _system_of),
    (register_keywords("voorbeelden van"), _examples),
    (register_keywords("het initiatief "), _initiative_bracket),
    (register_keywords("mou"), _mou_subject),
    (
        register_keywords(
            "het gaat ", "namelijk ", "te weten", "initiatieven:", "projecten:", "programma's:"
        ),
        _enumerated,
    ),
    (register_keywords("("), _glossed),
    (register_keywords("project «", "project ‘", "project '", 'project "', "project “"), _project_title),
    (register_keywords("geïntegreerd", " bevel"), _integrated),
    (register_keywords("samenwerken om", "samen gaan werken om", "uitvoeren"), _joint_work),
    (register_keywords("initiatief van", "initiatief voor", "initiatief ter", "initiatief tot"), _joins_initiative),
)


def _coordinated(doc: DocContext, text: str, found: list[_Candidate]) -> list[_Candidate]:
    """E.g. "de ABC en het XYZ": an acronym coordinated with an accepted programme is one too."""
    names = {c.name for c in found}
    acronyms = {acr for acr, full in doc.acronyms.items() if full in names}
    if not acronyms:
        return []
    out = []
    for m in _COORDINATED.finditer(text):
        if m.group(1) in acronyms and m.group(2) not in doc.acronyms:
            out.append(_Candidate(m.group(2), m.start(2), rule="initiative.coordinated"))
    return out


# ---------------------------------------------------------------- attributes


def _status(doc: DocContext, i: int, position: int) -> str | None:
    """The status word nearest before the name (else the first after it, else in the sentence before)."""
    hits = _status_words(doc, i)
    before = [h for h in hits if h[0] <= position]
    if before:
        return before[-1][1]
    if hits:
        return hits[0][1]
    if i > 0 and doc.lower(i).startswith(("het gaat", "dit ", "deze ")):
        earlier = _status_words(doc, i - 1)
        return earlier[0][1] if earlier else None
    return None


def _status_words(doc: DocContext, i: int) -> list[tuple[int, str | None]]:
    key = ("status", i)
    found = doc.memo.get(key)
    if found is None:
        found = doc.memo[key] = [(m.start(), m.lastgroup) for m in _STATUS.finditer(doc.lower(i))]
    return found  # type: ignore[return-value]


def _form(doc: DocContext, i: int, name: str) -> str | None:
    if _POOLING_NAME.match(name):
        return "pooling"
    key = ("form", i)
    if key not in doc.memo:
        doc.memo[key] = next((form for form, cue in _FORMS if doc.search(cue, i)), None)
    return doc.memo[key]  # type: ignore[return-value]


_CLAUSE = re.compile(r",\s+(?:en|maar|terwijl|waarbij|waarmee)\s+|;\s+")


def _clause(text: str, position: int) -> tuple[int, int]:
    """The clause of a sentence holding ``position``: partners of one project are named in its clause."""
    start, end = 0, len(text)
    for m in _CLAUSE.finditer(text):
        if m.end() <= position:
            start = m.end()
        elif m.start() > position:
            end = m.start()
            break
    return start, end


def _partners(doc: DocContext, i: int, candidate: _Candidate) -> tuple[list[str], int]:
    """Partners, and how directly the text gives them: 3 in the name or sentence ... 0 for the section."""
    own = expand(find_mentions(candidate.name)) + candidate.countries
    if any(code != HOME for code in own):
        return own, 3
    lo, hi = _clause(doc.sentences[i].text, candidate.start)
    mentions = doc.mentions(i)
    for scope in ([m for m in mentions if lo <= m.start < hi], mentions):
        named = [c for c in expand(scope) if c != HOME]
        if named:
            return named, 3
    itself = {m.id for m in find_mentions(candidate.name)} | {
        m.id
        for m in find_mentions(
            next((acr for acr, full in doc.acronyms.items() if full == candidate.name), "")
        )
    }
    orgs = [o for o in doc.organisations(i) if o != "BENELUX" and o not in itself]
    if orgs:
        return orgs, 3
    for found, level in (
        (doc.discourse_countries(i, window=3), 2),
        (doc.nearby_organisations(i), 1),
        (doc.discourse_countries(i), 1),
    ):
        if found:
            return found, level
    return doc.section_organisations(i), 0


def _participates(doc: DocContext, i: int) -> bool:
    """Whether the text says, in sentence ``i`` or the two after it, that the Netherlands takes part."""
    taking_part = _taking_part(doc)
    return i in taking_part or i + 1 in taking_part or i + 2 in taking_part


def _taking_part(doc: DocContext) -> frozenset[int]:
    """The sentences saying that the Netherlands takes part: found once per document, asked about often."""
    found = doc.memo.get(("taking_part",))
    if found is None:
        found = doc.memo[("taking_part",)] = frozenset(
            j
            for j in doc.having(_PARTICIPATION.words)
            if j >= 0
            and doc.search(_PARTICIPATION, j)
            and (HOME in doc.countries(j, foreign=False) or _WE.search(doc.lower(j)))
        )
    return found  # type: ignore[return-value]


def _key(name: str) -> str:
    return _NON_WORD.sub(" ", name.lower()).strip()


def _mentioned_taking_part(doc: DocContext, name: str) -> bool:
    """Whether a sentence naming ``name`` (or its acronym) is one that :func:`_participates` holds for.

    Those are the sentences saying that the Netherlands takes part and the two before each: few, so they
    are searched for the name rather than the whole text.
    """
    taking_part = _taking_part(doc)
    if not taking_part:
        return False
    words = [name.lower(), *(acr.lower() for acr, full in doc.acronyms.items() if full == name)]
    near = sorted({j for t in taking_part for j in (t - 2, t - 1, t) if j >= -1})
    return any(doc.holds(word, j) for j in near for word in words)


def _candidates(doc: DocContext) -> dict[int, list[Callable]]:
    """The rules worth running on each sentence, found by their anchor words."""
    todo: dict[int, list[Callable]] = {}
    for anchors, rule in _RULES:
        for i in doc.having(anchors):
            todo.setdefault(i, []).append(rule)
    todo = {i: todo[i] for i in doc.body(todo)}
    for i in doc.definitions:
        if doc.sentences[i].end > doc.lead_in:  # a lead-in sentence is context: no fact may point into it
            todo.setdefault(i, []).append(_defined)
    capable = _initiative_ids(doc.reference_index)
    named = [i for i, mentions in doc._references_by_sentence.items() if any(m.id in capable for m in mentions)]
    for i in doc.body(named):  # last: a name another rule reads keeps its form
        todo.setdefault(i, []).append(_referenced)
    return todo


def extract(doc: DocContext) -> list[Initiative]:
    found: list[_Initiative] = []
    index = doc.reference_index
    for i, rules in sorted(_candidates(doc).items()):
        text = doc.sentences[i].text
        candidates = [_named_by(c, rule) for rule in rules for c in rule(doc, i, text)]
        if len(candidates) > 1:  # a name of the lists that another rule read already: the same thing
            read = [(c.start, c.start + len(c.name)) for c in candidates if c.rule != "initiative.reference"]
            candidates = [
                c for c in candidates if c.rule != "initiative.reference" or not any(a <= c.start < b for a, b in read)
            ]
        items = [c for c in candidates if c.item_end is not None]
        candidates = [
            c
            for c in candidates
            if c.item_end is not None or not any(d.start <= c.start < d.item_end for d in items)
        ]  # inside a listed project
        if candidates:
            candidates += _coordinated(doc, text, candidates)
        named = [c.name for c in candidates if c.rule not in _DESCRIBING_RULES]
        if named:  # "samen de Future Combat Drone ontwikkelen, een gezamenlijk project": the project by its name
            candidates = [
                c for c in candidates if c.rule not in _DESCRIBING_RULES or not any(n in c.name for n in named)
            ]
        participates: bool | None = None  # computed once per sentence, when first needed
        for c in candidates:
            name = _GENERIC_PREFIX.sub("", name_of(_resolve(doc, tidy(c.name))))
            if (
                not name
                # a joint body to set up is an initiative (_founded has left out those that only meet)
                or (_excluded(name) and c.ref is None and c.rule not in ("initiative.to_come", "initiative.founded"))
                or (_national(doc, i, text[: c.start + 1]) and not _COOPERATION.search(name))
            ):
                continue
            national = c.rule != "initiative.project_title" and _ACQUIRING_TITLE.match(name)
            if national and _joint_project(doc, name) is None:
                continue  # "het project Vervanging F-16": a national acquisition
            whole = [m for m in find_mentions(name) if m.start == 0 and m.end == len(name)]
            if whole and not (whole[0].kind != COUNTRY and _INITIATIVE_WORD.search(doc.lower(i))):
                continue  # a country, or a framework such as the Northern Group, not a project
            if participates is None:
                participates = _participates(doc, i)
            ref = c.ref or _ref_of(index, name)
            key = _key(name)
            entry = next(
                (f for f in found if (ref and f.ref == ref) or f.key == key or fuzz.ratio(f.key, key) >= 90), None
            )
            if entry is not None and entry.level >= _TOP_LEVEL:
                entry.participates |= participates  # nothing a later mention could add to its partners
                entry.ref = entry.ref or ref
                continue
            partners, level = _partners(doc, i, c)
            if not partners and not participates and not _known_members(index, ref):
                continue
            if entry is None:
                found.append(
                    _Initiative(
                        name, key, partners, level, participates,
                        c.form or _form(doc, i, name),
                        c.status or _status(doc, i, c.start),
                        doc.evidence(i),
                        _CONFIDENCE.get(c.rule, 0.5) + 0.05 * level,
                        ref,
                        c.rule,
                        _others_only(doc, i, partners, level, participates),
                    )
                )
            else:
                entry.participates |= participates
                entry.ref = entry.ref or ref
                if level > entry.level:
                    entry.partners, entry.level = partners, level
    for entry in found:  # any mention of the name may show that the Netherlands takes part
        entry.participates = entry.participates or _mentioned_taking_part(doc, entry.name)
        if entry.ref:
            _complete_partners(doc, entry)
    return [_to_fact(doc, f) for f in found]


def _others_only(doc: DocContext, i: int, partners: list[str], level: int, participates: bool) -> bool:
    """Whether sentence ``i`` tells a project of other countries: two or more foreign countries named as doing it
    ("Duitsland en Frankrijk ontwikkelen samen ...", "het Frans-Duitse project ..."), none of them as the
    Netherlands' partner ("samen met Duitsland en Frankrijk"), and the Netherlands neither named nor speaking
    in the first person, or said not to take part ("waaraan Nederland niet deelneemt")."""
    foreign = {p for p in partners if p != HOME and p not in ORG_IDS}
    if level < _TOP_LEVEL or len(foreign) < 2 or participates:
        return False
    low = doc.lower(i)
    ours = home_voice(doc, i) or "Defensie" in doc.sentences[i].text  # the text's own ministry
    if ours and not _NOT_PARTICIPATING.search(low):
        return False
    return not any(
        m.kind == COUNTRY and _WITH_BEFORE.search(low, max(0, m.start - 16), m.start) for m in doc.mentions(i)
    )


def _known_members(index: ReferenceIndex, ref: str | None) -> bool:
    """Whether the lists know the Netherlands as a member of ``ref``, or an organisation that runs it."""
    entry = index.entries.get(ref) if ref else None
    return entry is not None and (HOME in entry.members or entry.org in ORG_IDS)


def _named_by(candidate: _Candidate, rule: Callable) -> _Candidate:
    """The candidate with the name of the rule that found it (where the rule does not name a finer one)."""
    if candidate.rule == "initiative.named":
        candidate.rule = "initiative." + rule.__name__.strip("_")
    return candidate


def _ref_of(index: ReferenceIndex, name: str) -> str | None:
    entry = index.lookup(name)
    return entry.id if entry is not None and entry.kind not in ("system", "unit") else None


_PARTICIPATING = re.compile(
    r"\b(?:deelname|deelnemen|neemt\b[^.]{0,40}\bdeel|nemen\b[^.]{0,40}\bdeel|in te stappen|stappen|instap"
    r"|opgestart|gestart|aangesloten|aansluiten|toetreden|toegetreden|intentie|participe\w*|lid|coördin\w*"
    r"|penvoerder|doet\s+mee|doen\s+mee)\b"
)
_NOT_PARTICIPATING = re.compile(
    r"\b(?:geen interesse|afzien|afgezien|niet (?:meer )?deel\w*|teruggetrokken|uitgestapt|zonder nederland)\b"
)
_WITH_BEFORE = re.compile(r"\bmet\s+(?:het\s+|de\s+)?$")
_TAKES_UP = re.compile(r"^(?:dat|dit|het|deze)\s+(?:programma|project|initiatief)\b")


def _complete_partners(doc: DocContext, entry: _Initiative) -> None:
    """The participants of a programme of the lists, gathered from every sentence that names it (or takes
    it up: "Dat programma werd opgestart door Nederland en Luxemburg") and says who takes part; for a
    programme with fixed members, the members the text names (all of them where it names none)."""
    ref = doc.reference_index.get(entry.ref)
    if all(p in ORG_IDS for p in entry.partners) and ref.org in ORG_IDS:
        entry.partners = [ref.org]  # a programme the EU or NATO runs: the organisation, not whoever is near
        return
    linked = {entry.ref} | {k for k, v in _SYSTEM_OF_PROGRAMME.items() if v == entry.ref}
    named: list[str] = []
    mentioned = sorted({j for ident in linked for j in _sentences_naming(doc).get(ident, ())})
    for j in sorted(set(mentioned) | {j + 1 for j in mentioned if j + 1 < len(doc.sentences)}):
        low = doc.lower(j)
        if j not in mentioned and not _TAKES_UP.match(low):
            continue
        if "?" in doc.sentences[j].text or _NOT_PARTICIPATING.search(low) or not _PARTICIPATING.search(low):
            continue
        named += [c for c in doc.countries(j) if c not in named]
    if not all(p in ORG_IDS for p in entry.partners):
        named = [c for c in entry.partners if c not in ORG_IDS] + [c for c in named if c not in entry.partners]
    if ref.members:
        inside = [c for c in named if c in ref.members]
        named = inside or ([c for c in ref.members if c != HOME] if _binational(ref) else named)
    if named:
        entry.partners = named
    if HOME in ref.members:
        entry.participates = True


def _sentences_naming(doc: DocContext) -> dict[str, list[int]]:
    """For each reference entry the document names, the sentences naming it (found once per document)."""
    found = doc.memo.get(("sentences_naming",))
    if found is None:
        found = {}
        for j, mentions in doc._references_by_sentence.items():
            for m in mentions:
                sentences = found.setdefault(m.id, [])
                if not sentences or sentences[-1] != j:
                    sentences.append(j)
        doc.memo[("sentences_naming",)] = found
    return found  # type: ignore[return-value]


# The systems some programmes are about: a mention of the aircraft is a mention of the fleet's programme.
_SYSTEM_OF_PROGRAMME = {"sys_mrtt": "fw_mmf"}
# How sure each rule is (before 0.05 for each level of how directly the text names the partners, see
# _partners): a name the lists know or the text defines is read as written; a description's name follows
# the text's words, which a reviewer may word otherwise.
_CONFIDENCE = {
    "initiative.reference": 0.7, "initiative.defined": 0.7, "initiative.within": 0.7,
    "initiative.programme_named": 0.7, "initiative.takes_part_in": 0.65, "initiative.project_title": 0.65,
    "initiative.glossed": 0.65, "initiative.mou_named": 0.65, "initiative.integration": 0.65,
    "initiative.integrated": 0.65, "initiative.integrated_unit": 0.65, "initiative.enumerated": 0.6,
    "initiative.so_called": 0.6, "initiative.examples": 0.6, "initiative.initiative_bracket": 0.6,
    "initiative.joined_together": 0.6, "initiative.under_command": 0.55, "initiative.integration_of": 0.55,
    "initiative.mou_subject": 0.55, "initiative.joint_task": 0.55, "initiative.involved": 0.55,
    "initiative.joint_activity": 0.55, "initiative.coordinated": 0.55, "initiative.joint_work": 0.5,
    "initiative.joins": 0.5, "initiative.to_come": 0.5, "initiative.system_of": 0.5, "initiative.called": 0.6,
    "initiative.head_named": 0.6, "initiative.founded": 0.55, "initiative.apposition": 0.6,
}


def _to_fact(doc: DocContext, f: _Initiative) -> Initiative:
    partners = list(f.partners)
    if f.participates or (not f.others_only and any(p not in ORG_IDS for p in partners)):
        partners.append(HOME)
    return Initiative(
        doc=doc.name,
        doc_date=doc.doc_date,
        evidence=f.evidence,
        confidence=round(min(f.confidence, 0.95), 2),
        rule=f.rule,
        name=f.name,
        partners=sorted_ids(partners),
        form=f.form,
        status=f.status,
    )
