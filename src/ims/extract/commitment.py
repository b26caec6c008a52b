"""``commitment``: a commitment (toezegging) to Parliament, or a request by a member, the committee or the
Kamer.

The kinds of statement, each with its rule name:

* ``commitment.motion`` — a motion (the document itself or one of several in it): "De Kamer, gehoord de
  beraadslaging, ... verzoekt de regering ... en gaat over tot de orde van de dag." A motion is a request
  only when it asks something ("verzoekt", "draagt ... op", "roept ... op"). The member is its first
  signatory, the name under the motion (else the one in its title "MOTIE VAN HET LID ..."), never a name
  in the dossier title above it ("Initiatiefnota van het lid ..."); in the Handelingen the first of those
  the chair names after it ("Deze motie is voorgesteld door de leden X en Y"). The date is the day it was
  moved.
* ``commitment.member_request`` — questions or a request by named members: "Vragen van de leden A en B
  ... (ingezonden 3 mei 2030)", "op verzoek van het lid A", "de door het lid A gestelde vragen": one fact
  per member, dated by the debate or the day of sending in that the sentence (or the paragraph just
  before) names, or the day it tells the asking on ("stelden gisteren vragen"), else null — the request
  was made earlier, on a day the text does not give. In a debate or its report: "De heer X (VVD) vraagt",
  "Mevrouw X verzocht". A first name before a particle is no part of the name ("Jasper van Dijk").
* ``commitment.cited_motion`` — motions a letter answers: "de moties Jansen (Kamerstuk ...), De Vries en
  Smit/Bakker": one fact per motion, for its first submitter; null date unless the motion's own phrase
  dates it.
* ``commitment.pledge`` — a toezegging the letter refers to, with the debate it was made in: "Zoals
  toegezegd tijdens het algemeen overleg van 26 maart jl.", "mijn toezegging tijdens de
  begrotingsbehandeling van november 2030": dated by the debate; mentions of the same debate are one
  fact.
* ``commitment.promise`` — a promise the letter itself makes to inform Parliament: the government in
  the future ("zal ik ... ingaan op", "zullen wij ... schetsen", "is voornemens de Kamer ... te
  informeren", "Ik zeg de Kamer toe ...", as a record tells it "De minister zegde toe ...") or the Kamer
  receiving ("De Kamer zal ... ontvangen", "kan het parlement een brief
  tegemoet zien"): dated with the letter. A sentence that only elaborates the promise before it ("Wij
  zullen daarbij ook ingaan op ...") is part of it. "We zullen extra stappen moeten zetten" promises
  nothing to Parliament.
* ``commitment.kamer_request`` — a request by the committee or the Kamer: "op verzoek van de Kamer",
  "(verzoek vaste commissie voor Defensie)", "De Kamer heeft ons gevraagd ...", "vragen gesteld door de
  vaste commissie": member null, dated by the debate or sending-in it names (this sentence or the next),
  else with the letter when the sentence also promises, else null.

* a list a sentence announces as toezeggingen ("heb ik de volgende toezeggingen gedaan:" with dashed,
  bulleted or numbered items) gives one ``commitment.pledge`` per item, dated by the debate the lead names;
* news tells a promise in the third person ("De minister heeft de Kamer toegezegd ...", "beloofde de Kamer
  een brief") and a request with a bare weekday ("diende dinsdag een motie in": the last such day up to
  the item's date) or with the member's party in brackets ("Visser (SGP) vroeg ...").

A debate or request told as past lies before the text: a day without its year that would fall after the
text's date is last year's. An expectation or hope to inform ("Ik verwacht de Kamer ... te kunnen
informeren") is a hedge, no promise. A remark that earlier promises have been handled ("De toezeggingen ...
zijn verwerkt") is no new commitment. Questions and answers in a debate are not scanned for promises by
members.
"""

from __future__ import annotations

import contextlib
import re

from ims.extract.common import Needs, tidy
from ims.extract.context import DocContext, register_keywords
from ims.extract.facts import Commitment, Evidence
from ims.text.dates import DateError, DateMention, PartialDate, find_dates, last_weekday

KEYWORDS = register_keywords(
    "toezegging", "toegezegd", "zeg ik toe", "het lid ", "de leden ", "kamerlid", "kamerleden", "motie", "zal ik",
    "de heer ", "mevrouw ",
    "zullen wij", "zullen we", "wij zullen", "we zullen", "ik zal", "zal het kabinet", "zal de regering",
    "de kamer zal", "informeren", "tegemoet zien", "verzoek", "gevraagd", "verzocht", "commissie", "voornemens",
    "informeer", "nformeerd", "ontvangt", "toe te zeggen", "zegt", "zeggen", "zeg ", "zegde", "belo", ") vr",
    "hoogte", "stuur",
    ") ver", ") wil",
)
_PARTICLE = (
    r"(?:(?:El\s+|Al\s+|[Vv]an\s+(?:der\s+|den\s+|de\s+)?|[Dd]e\s+|[Dd]en\s+|[Tt]er\s+|[Tt]en\s+|[Tt]\s*'?\s*))?"
)
_NAME_WORD = r"[A-Z][\w'’]*[a-zà-ÿ][\w'’]*"
_SURNAME = rf"{_PARTICLE}{_NAME_WORD}(?:-{_NAME_WORD})*"
# A first name before a surname that starts with a particle: "Jasper van Dijk" is the member Van Dijk.
_FIRST_NAME = rf"(?:{_NAME_WORD}\s+(?=(?:van|de|den|ter|ten)\s))?"
_PARTY = r"\([^()\n]{1,30}\)"  # "(VVD)", "(beiden PVV)" after a member's name
# The parties of the Tweede Kamer since 2000, as news writes them in brackets after a member's name.
_PARTIES = (
    r"VVD|CDA|PvdA|D66|SP|GroenLinks|GL|PVV|ChristenUnie|CU|SGP|PvdD|DENK|FvD|JA21|BBB|NSC|Volt|50PLUS"
    r"|GL-PvdA|GroenLinks-PvdA|LPF|LN|BIJ1|Groep\s+[A-Z][\w-]+"
)
# A member named in a request: "het lid X", "de leden X en Y", "Kamerlid X", "de motie (van het lid) X".
_MEMBER = re.compile(
    rf"\b(?:[Hh]et\s+(?:Kamer)?lid|Kamerlid|(?:[Dd]e\s+)?Kamerleden|[Dd]e\s+leden"
    rf"|motie(?:\s+van)?(?:\s+het\s+lid|\s+de\s+leden)?)\s+"
    rf"({_FIRST_NAME}{_SURNAME})(?:\s*{_PARTY})?"
    # more names in the list, not the title of the next member ("het lid A (X) en Kamerlid B")
    rf"(?:\s*(?:,|en)\s+(?!Kamerl)({_FIRST_NAME}{_SURNAME})(?:\s*{_PARTY})?)*"
    # A member asking in a debate or its report: "De heer X (VVD) vraagt ...", "Mevrouw X verzocht ...".
    rf"|\b(?:[Dd]e\s+heer|[Mm]evrouw)\s+({_SURNAME})(?:\s*{_PARTY})?\s+(?=(?:vraagt|vroeg|verzoekt|verzocht)\b)"
    # News names a member by the party after the name: "Visser (SGP) vroeg de minister ...".
    # (Not a minister asking the Kamer: "Rutte (VVD) vroeg de Kamer om steun".)
    rf"|\b({_SURNAME})\s*\((?:{_PARTIES})\)\s+"
    rf"(?=(?:vraagt|vroeg|verzoekt|verzocht|wil|wilde)\b(?!\s+(?:de\s+(?:[Tt]weede\s+)?[Kk]amer|het\s+[Pp]arlement)\b))"
)
_SURNAMES = re.compile(rf"{_FIRST_NAME}({_SURNAME})")
_PARTY_BRACKETS = re.compile(_PARTY)
# A member named as the author of an initiative, not as one who asks: "Initiatiefnota van het lid X".
_AUTHORED = re.compile(r"initiatief\w*\s+van\s+$", re.IGNORECASE)
# "de moties X (Kamerstuk ...), Y en Z/W": the list after the word, each item a first submitter. A lower-case
# "van" before a capital is the preposition ("de motie van Jansen"): a particle that opens a surname is
# written with a capital when no first name precedes it ("de motie van Van Dijk").
_MOTIONS = re.compile(
    r"\bmoties?(?:\s+|-)(?:(?:van\s+)?(?:het\s+lid|de\s+leden)\s+|van\s+(?=[A-Z]))?(?=[A-Z]|[Vv]an\s|[Dd]e\s|[Tt]er?\s)"
)
# Words that follow "de motie van" without being a member's name.
_NOT_A_MEMBER = frozenset({"kamer", "regering", "commissie", "minister", "staatssecretaris", "kabinet", "fractie"})
_MOTION_NAME = re.compile(rf"({_SURNAME})((?:\s*/\s*{_SURNAME})*)(?:\s+c\.s\.)?")
# What may follow a motion's name before the next one: its reference in brackets (or a bracket that the
# text forgot to open: "X Kamerstuk 36 001, nr. 4)"), then a comma or "en".
_MOTION_REF = re.compile(r"\s*(?:\([^()]{0,80}\)|Kamerstuk[^()]{0,60}\))")
_MOTION_SEP = re.compile(r"\s*(?:,\s*(?:en\s+)?|\s+en\s+)")

_MOTION_BODY_START = "De Kamer,"
_MOTION_BODY_END = "gaat over tot de orde van de dag"
_MOTION_ASKS = re.compile(r"\b(?:verzoekt|draagt\b[^;]{0,200}\bop\b|roept\b[^;]{0,200}\bop\b)")
_MOTION_TITLE = re.compile(
    r"MOTIE\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)\s+([^\n]+?)\s*(?:C\.S\.)?\s*(?:TER\s+VERVANGING\b[^\n]*)?$", re.MULTILINE
)
# The heading the Handelingen give a motion (since 2019): "Motie van het lid X c.s. over ...".
_MOTION_HEADING = re.compile(rf"^Motie\s+van\s+(?:het\s+lid|de\s+leden)\s+({_SURNAME})", re.MULTILINE)
_SIGNATORY = re.compile(rf"{_SURNAME}(?:\s+c\.s\.)?")
_SIGNATORIES = re.compile(rf"(?:{_SURNAME}(?:\s+c\.s\.)?\s*){{2,8}}(?:$|(?=Voorgesteld\b|Motie\b|Nr\.|Kamerstuk\b|\d))")
_PROPOSED = re.compile(r"Voorgesteld\b[^\n]{0,80}")
# A record of a debate names the motion's signatories after its body: "De voorzitter: Deze motie is
# voorgesteld door de leden X en Y." The first of them is its member; the sentence is part of the motion.
_PROPOSED_BY = re.compile(rf"\bmotie\s+is\s+voorgesteld\s+door\s+(?:het\s+lid|de\s+leden)\s+({_SURNAME})[^.\n]*")
_PROPOSED_BY_REACH = 300

# The government promises in the future tense, or the Kamer is to receive.
_GOVERNMENT = r"(?:ik|wij|we|het\s+kabinet|de\s+regering|de\s+minister|de\s+staatssecretaris)"
# The ways of promising, each with the words one of which it needs (a sentence is searched only with the
# forms whose words it holds: one regex of all of them costs as much in every sentence with "zal").
_PROMISES = (
    Needs(
        rf"\b(?:(?:zal|zullen)\s+{_GOVERNMENT}\b|{_GOVERNMENT}\s+(?:zal|zullen)\b"
        r"|(?:zal|zullen)\b[^.]{0,80}\binformeren\b|de\s+(?:tweede\s+)?kamer\s+zal\b[^.]{0,80}\bontvangen\b)",
        ("zal", "zullen"),
    ),
    Needs(r"\bvoornemens\b[^.]{0,80}\bte\s+informeren\b", ("voornemens",)),
    Needs(
        r"\b(?:kan|kunt|mag|zal|zult)\s+(?:de\s+(?:tweede\s+)?kamer|het\s+parlement|u)\b[^.]{0,120}\btegemoet\s+zien\b"
        r"|(?:de\s+(?:tweede\s+)?kamer|het\s+parlement|u)\s+(?:kan|kunt|mag|zal|zult)\b[^.]{0,120}\btegemoet\s+zien\b",
        ("tegemoet",),
    ),
    # "Ik zeg de Kamer toe ...", and as a record of a debate tells it: "De minister zegde toe ...".
    Needs(r"\bzeg(?:t|gen|de|den)?\b[^.]{0,60}\btoe\b", ("zeg",)),
    # The present for the future: "Ik informeer de Kamer voor de zomer over ...".
    Needs(
        r"\b(?:(?:informeer|informeren|stuur|sturen|zend|zenden|bericht|berichten)\s+(?:ik|wij|we)"
        r"|(?:ik|wij|we)\s+(?:informeer|informeren|stuur|sturen|zend|zenden|bericht|berichten))\b[^.]{0,60}"
        r"\b(?:(?:voor|na|in)\s+(?:de|het)\s+(?:zomer|zomerreces|kerstreces|voorjaar|najaar|reces|eind)"
        r"|uiterlijk|binnenkort|zo spoedig)",
        ("informe", "stuur", "zend", "bericht"),
    ),
    # The time first: "Voor de zomer stuur ik u een brief", "Na het reces informeer ik de Kamer".
    Needs(
        r"\b(?:(?:voor|na|in)\s+(?:de|het)\s+(?:zomer|zomerreces|kerstreces|voorjaar|najaar|reces|eind)\w*"
        r"|uiterlijk|binnenkort)\b[^.]{0,40}\b(?:informeer|informeren|stuur|sturen|zend|zenden|bericht|berichten)"
        r"\s+(?:ik|wij|we)\b",
        ("informe", "stuur", "zend", "bericht"),
    ),
    # Keeping the Kamer informed: "Ik houd uw Kamer op de hoogte van ...".
    Needs(
        r"\b(?:houd|houden)\s+(?:(?:ik|wij|we)\s+)?(?:de\s+(?:tweede\s+)?kamer|uw\s+kamer|u)\b[^.]{0,40}"
        r"\bop\s+de\s+hoogte\b",
        ("hoogte",),
    ),
    # The Kamer to be informed or to receive: "De Kamer wordt voor de zomer geïnformeerd", "ontvangt u".
    Needs(r"\b(?:de\s+kamer|uw\s+kamer|u)\s+(?:wordt|zal\s+worden)\b[^.]{0,80}\bge(?:ï|i)nformeerd\b", ("nformeerd",)),
    Needs(
        r"\b(?:ontvangt\s+(?:u|de\s+kamer|uw\s+kamer)|(?:u|de\s+kamer|uw\s+kamer)\s+ontvangt)\b[^.]{0,80}"
        r"\b(?:brief|rapportage|reactie|nota|overzicht|voortgangsrapportage|kabinetsreactie|beantwoording"
        r"|evaluatie|rapport|notitie|analyse|plan|visie)",
        ("ontvangt",),
    ),
)
# A toezegging reported in the third person, as news or a record of a debate tells it: "De minister heeft de
# Kamer toegezegd ...", "Het kabinet beloofde een brief ...", "Staatssecretaris X heeft beloofd ...". It is one
# to Parliament only where the Kamer or informing it is named: "heeft Oekraïne steun toegezegd" is none.
_REPORTED_PLEDGE = Needs(
    r"\b(?:minister|staatssecretaris|kabinet|regering|bewinds(?:man|vrouw|lieden))\b[^.]{0,60}"
    r"\b(?:toegezegd|beloofd|beloofde|beloofden|belooft)\b",
    ("toegezegd", "belo"),
)
_PARLIAMENT_NAMED = re.compile(
    r"\b(?:de\s+(?:tweede\s+)?kamer|het\s+parlement|kamerleden|informeren|rapporteren|(?:toe\s+)?te\s+sturen"
    r"|toe\s+te\s+zenden)\b"
)
# A promise is one to Parliament when it is about informing it: these verbs and nouns.
_TO_PARLIAMENT = Needs(
    r"\b(?:informeren|in\s*(?:te\s+)?gaan\s+op|ingaan|toelichten|toe\s+te\s+lichten|schetsen|overzicht"
    r"|rapporteren|rapportage|sturen|toesturen|zenden|toezenden|voorleggen|berichten|uiteenzetten"
    r"|beantwoorden|reageren|reactie|brief|notitie|nota|kamer|parlement|u)\b",
    ("inform", "gaan", "ingaan", "licht", "schets", "overzicht", "rapport", "stur", "zend", "voorleg", "bericht",
     "uiteen", "antwoord", "reageer", "reager", "reactie", "brief", "notitie", "nota", "kamer", "parlement", "u "),
)
# A promise hedged as an obligation ("zullen ... moeten") or denied is none; nor is an expectation or a hope
# ("Ik verwacht de Kamer voor de zomer te kunnen informeren"), which the ways of promising above leave out.
_NOT_A_PROMISE = re.compile(r"\b(?:zal|zullen)\b[^.]{0,60}\b(?:moeten|niet)\b")
_ELABORATION = re.compile(r"^\W*(?:\w+\s+){0,4}?(?:daarbij|daarin|hierin|daarop|daarnaast)\b")
_PLEDGE = Needs(r"\b(?:toezegging(?:en)?|toegezegd)\b", ("toezegging", "toegezegd"))
# The government's own toezegging, even where no debate date comes with it ("Hiermee doe ik mijn toezegging
# gestand", "zoals toegezegd"); "bestaande toezeggingen" of forces to NATO are no promise to Parliament.
_OWN_PLEDGE = Needs(
    r"\b(?:mijn|onze)\s+(?:\w+\s+)?toezegging|\b(?:heb|hebben)\s+(?:ik|wij|we)\b[^.]{0,40}\btoegezegd\b"
    # the subject first: "Ik heb de Kamer toegezegd ...", "Wij hebben uw Kamer in mei toegezegd ..."
    r"|\b(?:ik|wij|we)\s+(?:heb|hebben)\b[^.]{0,60}\btoegezegd\b"
    r"|\b(?:zoals|als)\s+(?:(?:is|eerder|reeds)\s+)?toegezegd\b|\btoezegging\s+(?:die\s+(?:ik|wij)|aan\s+(?:de|uw)\s+kamer)",
    ("toezegging", "toegezegd"),
)
_DEBATE = Needs(
    r"\b(?:begrotingsbehandeling|behandeling|overleg|algemeen overleg|debat|commissiedebat|notaoverleg"
    r"|wetgevingsoverleg|vragenuur|toezegging\w*|toegezegd|ingezonden)\b",
    ("behandeling", "overleg", "debat", "vragenuur", "toezegging", "toegezegd", "ingezonden"),
)
# A member asking, told in the past with its day: "stelden gisteren vragen", "vroeg op 3 mei": that day.
# In the perfect tense the auxiliary and the participle stand apart: "heeft op 3 mei een motie ingediend".
_ASKED = re.compile(
    r"\b(?:stelde|stelden|vroeg|vroegen|verzocht|verzochten|diende|dienden)\b"
    r"|\b(?:heeft|hebben)\b[^.]{0,80}\b(?:gevraagd|verzocht|ingediend|gesteld)\b"
)
_BARE_WEEKDAY = re.compile(r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b(?!\s+\d)")
_SUBMITTED = Needs(r"\bingezonden\b", ("ingezonden",))
_DONE = Needs(
    r"\b(?:verwerkt|afgehandeld|uitgevoerd|ingelost)\b", ("verwerkt", "afgehandeld", "uitgevoerd", "ingelost")
)
_KAMER_REQUEST = Needs(
    r"(?:\bop\s+verzoek\s+van\s+(?:de\s+)?(?:tweede\s+kamer|kamer|vaste\s+commissie|commissie)"
    r"|\(verzoek\s+(?:van\s+de\s+)?(?:vaste\s+)?commissie"
    # "De Kamer heeft mij gevraagd", "De Kamer heeft tijdens het debat van 3 mei gevraagd"
    r"|\b(?:tweede\s+)?kamer\s+heeft\s+(?:[^.]{0,60}?\s)?(?:gevraagd|verzocht)\b"
    # the committee asking ("De vaste commissie voor Defensie heeft mij gevraagd ...", "De commissie verzoekt
    # ..."); not the European Commission (see _NOT_THE_COMMITTEE)
    r"|\b(?:de|uw)\s+(?:vaste\s+)?commissie\s+(?:voor\s+[\w-]+\s+)?(?:heeft\s+(?:[^.]{0,60}?\s)?"
    r"(?:gevraagd|verzocht)|vraagt|verzoekt|vroeg|verzocht)\b"
    r"|\b(?:vragen|verzoek)\s+(?:gesteld\s+)?(?:door|van)\s+de\s+(?:vaste\s+)?commissie)",
    ("verzoek", "gevraagd", "verzocht", "commissie"),
)
_NOT_THE_COMMITTEE = re.compile(r"\b(?:europese|eu-)\s*commissie\b")
_SUBJECT = re.compile(r"\b(?:ingaan op|informeren over|in te gaan op|over)\s+")
# The request's own date right after it: "... van de vaste commissie voor Defensie van 3 mei jl.".
_REQUEST_DATED = re.compile(r"(?:\s+voor\s+[\w-]+(?:\s+[\w-]+)?)?\s+van\s+")
_LOOK_BACK = 3

RULE_MOTION = "commitment.motion"
RULE_MEMBER = "commitment.member_request"
RULE_CITED_MOTION = "commitment.cited_motion"
RULE_PLEDGE = "commitment.pledge"
RULE_PROMISE = "commitment.promise"
RULE_KAMER = "commitment.kamer_request"


for _needs in (*_PROMISES, _PLEDGE, _KAMER_REQUEST, _REPORTED_PLEDGE):
    register_keywords(*_needs.words)


def _screens(doc: DocContext) -> dict[int, frozenset[int]]:
    """For each way of promising, pledging and requesting, the sentences holding one of its words (from the
    document's keyword pass, once per document)."""
    return {id(needs): doc.having(needs.words) for needs in (*_PROMISES, _PLEDGE, _KAMER_REQUEST, _REPORTED_PLEDGE)}


def _holds(screens: dict[int, frozenset[int]], i: int, low: str, needs: Needs) -> bool:
    """Whether sentence ``i`` (lower case ``low``) matches ``needs``; the regex runs only where its words are."""
    return i in screens[id(needs)] and needs.regex.search(low) is not None


def _debate_date(doc: DocContext, i: int) -> PartialDate | None:
    """The date of the debate (or the sending-in) sentence ``i`` refers to, if it names one: the first
    date after the word for the debate ("het algemeen overleg van 26 maart jl."), else the first date."""
    debate = _DEBATE.search(doc.lower(i))
    if not debate:
        return None
    dates = [d for d in doc.dates(i) if d.value.month is not None]
    after = [d for d in dates if d.start >= debate.start()]
    if not dates:
        return None
    found = (after or dates)[0]
    low = doc.lower(i)
    if _PAST_DEBATE.search(low) and not _COMING_AFTER.match(low, found.end):
        return _before_text(doc, found)
    return found.value


# A debate told as past: a toezegging made in it, a request or question asked in it.
_PAST_DEBATE = re.compile(
    r"\b(?:toegezegd|toezegging\w*|gevraagd|verzocht|vroeg|vroegen|stelde|stelden|gesteld|ingediend|ingezonden)\b"
)
_COMING_AFTER = re.compile(r"\s*(?:a\.s\.|as\.|aanstaande)")


def _before_text(doc: DocContext, found: DateMention) -> PartialDate:
    """A day or month without its year, told as past, that would fall after the text's own date: last
    year's ("Tijdens het AO van 12 juli heb ik toegezegd ..." in a June letter)."""
    value, own = found.value, doc.date
    if not found.relative or own is None or own.month is None or value.month is None:
        return value
    if (value.month, value.day or 1) > (own.month, own.day or 31) and value.year == own.year:
        with contextlib.suppress(DateError):
            return PartialDate(value.year - 1, value.month, value.day)
    return value


def _asked_date(doc: DocContext, i: int) -> PartialDate | None:
    """The day a member asked, where the sentence tells the asking in the past and gives its day: a date,
    or in news a bare weekday ("diende dinsdag een motie in"), the last such day up to the item's date."""
    low = doc.lower(i)
    if not _ASKED.search(low):
        return None
    dates = [d for d in doc.dates(i) if d.value.day is not None]
    if dates:
        return _before_text(doc, dates[0])
    weekday = _BARE_WEEKDAY.search(low) if "dag" in low else None
    return last_weekday(doc.date, weekday.group(1)) if weekday and doc.date else None


def _earlier_debate_date(doc: DocContext, i: int) -> PartialDate | None:
    stop = max(doc.section_start(i), i - _LOOK_BACK)
    for j in range(i - 1, stop - 1, -1):
        date = _debate_date(doc, j)
        if date:
            return date
    return None


def _request_date(doc: DocContext, i: int) -> PartialDate | None:
    """The date a request of the committee or the Kamer carries: "het verzoek van de vaste commissie van
    3 mei jl.", "De vaste commissie heeft op 3 mei gevraagd ..."."""
    low = doc.lower(i)
    m = _KAMER_REQUEST.search(low)
    if m is None:
        return None
    # told with its day between the auxiliary and the verb: "De commissie heeft op 3 mei gevraagd ..."
    inside = [d.value for d in doc.dates(i) if m.start() <= d.start < m.end() and d.value.month is not None]
    if inside:
        return inside[0]
    tail = _REQUEST_DATED.match(low, m.end())
    if not tail:
        return None
    dates = [d.value for d in doc.dates(i) if d.start == tail.end() and d.value.month is not None]
    return dates[0] if dates else None


def _submitted_next(doc: DocContext, i: int) -> tuple[PartialDate | None, int]:
    """A sending-in date in the sentence after ``i`` ("Deze vragen werden ingezonden op ..."), and the last
    sentence the statement then spans."""
    j = i + 1
    if j < len(doc.sentences) and not doc.sentences[j].heading and _SUBMITTED.search(doc.lower(j)):
        dates = [d.value for d in doc.dates(j) if d.value.month is not None]
        if dates:
            return dates[0], j
    return None, i


def _subject(text: str) -> str:
    m = _SUBJECT.search(text)
    return tidy(text[m.end() :] if m else text)[:200]


def _members(text: str) -> list[str]:
    out: list[str] = []
    for m in _MEMBER.finditer(text):
        if _AUTHORED.search(text[max(0, m.start() - 60) : m.start()]):
            continue
        if text[m.start() : m.start() + 5].lower() == "motie":
            continue  # a motion named in a letter: the cited-motion rule reads its list
        first = next(m.start(k) for k in (1, 3, 4) if m.start(k) >= 0)
        # A party in brackets after a name is no member, however it is written ("(PvdA)", "(GroenLinks)").
        names = _PARTY_BRACKETS.sub(lambda b: " " * len(b.group()), text[first : m.end()])
        for name in _SURNAMES.findall(names):
            name = " ".join(name.split())
            if name not in out:
                out.append(name)
    return out


def _cited_motion_ends(text: str) -> list[tuple[str, int]]:
    """The first submitters of the motions a sentence names ("de moties A (…), B en C/D": A, B, C), each with
    where its name (and its reference in brackets) ends: the motion's own date may follow there ("de motie
    Jansen (...) van 3 mei 2030")."""
    out: list[tuple[str, int]] = []
    for m in _MOTIONS.finditer(text):
        pos = m.end()
        single = not m.group(0).lower().startswith("moties")  # "de motie van de leden A en B": A's motion
        while True:
            name = _MOTION_NAME.match(text, pos)
            if not name:
                break
            first = " ".join(name.group(1).split())
            if first.split()[-1].lower() in _NOT_A_MEMBER:
                break
            pos = name.end()
            ref = _MOTION_REF.match(text, pos)
            if ref:
                pos = ref.end()
            if all(first != known for known, _ in out):
                out.append((first, pos))
            if single:
                break
            sep = _MOTION_SEP.match(text, pos)
            if not sep:
                break
            pos = sep.end()
    return out


# The motion's own date right after its name: "de motie Jansen van 3 mei 2030", "(...), ingediend op 3 mei".
_MOTION_DATED = re.compile(r"\s*,?\s*(?:(?:ingediend|voorgesteld|aangenomen)\s+)?(?:van|op|d\.d\.)\s+")


def _motion_own_date(doc: DocContext, i: int, at: int) -> PartialDate | None:
    tail = _MOTION_DATED.match(doc.sentences[i].text, at)
    if not tail:
        return None
    dates = [d.value for d in doc.dates(i) if d.start == tail.end() and d.value.month is not None]
    return dates[0] if dates else None


def _title_case(name: str) -> str:
    """"VAN DER STAAIJ" as a letter writes it without first name: "Van der Staaij"."""
    words = name.split()
    out = []
    for n, word in enumerate(words):
        low = word.lower()
        particle = low in ("van", "der", "den", "de", "ter", "ten", "in", "'t")
        out.append(low if particle and n else "-".join(part.capitalize() for part in low.split("-")))
    return " ".join(out)


def _motions(doc: DocContext) -> list[Commitment]:
    """The motions a document holds (a motion, or a list of them in a record of votes)."""
    text = doc.clean.text
    facts: list[Commitment] = []
    at = text.find(_MOTION_BODY_START)
    while at >= 0:
        end = text.find(_MOTION_BODY_END, at)
        if end < 0:
            break
        end = text.find(".", end)
        end = len(text) if end < 0 else end + 1
        body = doc.flat[at:end]
        if _MOTION_ASKS.search(body):
            by = _PROPOSED_BY.search(doc.flat, end, end + _PROPOSED_BY_REACH)
            member = _signatory(text, end) or (by.group(1) if by else None) or _titled_member(text, at)
            proposed = _proposed_date(text, at) or _proposed_after(text, end) or doc.date
            start, stop = doc.clean.span_to_original(at, end)
            facts.append(
                Commitment(
                    doc=doc.name, doc_date=doc.doc_date, evidence=Evidence(start, stop),
                    confidence=0.95 if member else 0.7, rule=RULE_MOTION, member=member,
                    subject=_motion_subject(body), date=proposed.iso() if proposed else None,
                )
            )
        at = text.find(_MOTION_BODY_START, end)
    return facts


def _signatory(text: str, end: int) -> str | None:
    """The first name under a motion: the first line after its body, if it is a name, or if it is nothing
    but names (a layout that lost its line breaks: "Visser Bos", "Visser Bos Voorgesteld 12 maart 2030")."""
    for line in text[end : end + 200].splitlines():
        line = line.strip()
        if line:
            m = _SIGNATORY.fullmatch(line) or (_SIGNATORIES.match(line) and _SIGNATORY.match(line))
            return " ".join(m.group(0).replace("c.s.", "").split()) if m else None
    return None


def _titled_member(text: str, at: int) -> str | None:
    titles = list(_MOTION_TITLE.finditer(text, max(0, at - 1500), at))
    headed = list(_MOTION_HEADING.finditer(text, max(0, at - 600), at))
    if headed and (not titles or headed[-1].start() > titles[-1].start()):
        return " ".join(headed[-1].group(1).split())  # "Motie van het lid Van Helvert c.s. over ..."
    if not titles:
        return None
    first = re.split(r"\s+EN\s+|\s*,\s*|\s*/\s*", titles[-1].group(1).strip())[0]
    return _title_case(first) if first else None


def _proposed_date(text: str, at: int) -> PartialDate | None:
    lines = list(_PROPOSED.finditer(text, max(0, at - 600), at))
    found = find_dates(lines[-1].group(0)) if lines else []
    return found[0].value if found else None


def _proposed_after(text: str, end: int) -> PartialDate | None:
    """ "Voorgesteld 12 maart 2030" under the motion's signatories, where a layout put it after the body."""
    m = _PROPOSED.search(text, end, end + 200)
    found = find_dates(m.group(0)) if m else []
    return found[0].value if found else None


def _motion_subject(body: str) -> str:
    m = _MOTION_ASKS.search(body)
    return tidy(body[m.start() : m.start() + 200] if m else body[:200])


def _fact(doc: DocContext, first: int, last: int, rule: str, confidence: float, member: str | None,
          date: PartialDate | None) -> Commitment:
    return Commitment(
        doc=doc.name, doc_date=doc.doc_date, evidence=doc.evidence(first, last), confidence=confidence, rule=rule,
        member=member, subject=_subject(doc.sentences[first].text), date=date.iso() if date else None,
    )


def _motion_spans(doc: DocContext) -> list[tuple[int, int]]:
    text = doc.clean.text
    spans, at = [], text.find(_MOTION_BODY_START)
    while at >= 0:
        end = text.find(_MOTION_BODY_END, at)
        if end < 0:
            break
        by = _PROPOSED_BY.search(doc.flat, end, end + len(_MOTION_BODY_END) + _PROPOSED_BY_REACH)
        spans.append((at, by.end() if by else end))
        at = text.find(_MOTION_BODY_START, end)
    return spans


# A sentence that announces a list of toezeggingen ("Tijdens het AO van 3 mei heb ik de volgende toezeggingen
# gedaan:"), and the items of the list after it ("- ...", "1. ...", "a) ...", "• ...").
_LIST_LEAD = re.compile(r"\b(?:toezegging(?:en)?|toegezegd|zeg(?:de)?\b[^.]{0,40}\btoe)\b[^.]*:\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)]|[a-z][.)])\s+")


def _pledge_lists(doc: DocContext) -> tuple[list[Commitment], set[int]]:
    """One toezegging per item of a list that a sentence announces as toezeggingen, dated by the debate the
    announcing sentence names (else the letter); and the sentences read so (the lead and its items)."""
    facts: list[Commitment] = []
    read: set[int] = set()
    for i in doc.candidates(("toezegging", "toegezegd", "toe")):
        if i in read or not _LIST_LEAD.search(doc.lower(i)):
            continue
        items = []
        j = i + 1
        while j < len(doc.sentences) and _LIST_ITEM.match(doc.sentences[j].text):
            items.append(j)
            j += 1
        if not items:
            continue
        date = _debate_date(doc, i) or _earlier_debate_date(doc, i) or doc.date
        read.update((i, *items))
        for j in items:
            subject = tidy(_LIST_ITEM.sub("", doc.sentences[j].text))[:200]
            facts.append(
                Commitment(
                    doc=doc.name, doc_date=doc.doc_date, evidence=doc.evidence(j), confidence=0.75, rule=RULE_PLEDGE,
                    member=None, subject=subject, date=date.iso() if date else None,
                )
            )
    return facts, read


def extract(doc: DocContext) -> list[Commitment]:
    facts: list[Commitment] = _motions(doc)
    listed, list_sentences = _pledge_lists(doc)
    facts += listed
    motion_spans = _motion_spans(doc)
    members_seen = {f.member for f in facts}
    pledged: set[str | None] = set()
    last_promise = -2
    requested = False
    screens = _screens(doc)
    for i in doc.candidates(KEYWORDS):
        sentence = doc.sentences[i]
        if any(a <= sentence.end and sentence.start <= b for a, b in motion_spans):
            continue  # a motion and its heading: read as a whole above
        if i in list_sentences:
            continue  # a list of toezeggingen: one fact per item, read above
        text, low = sentence.text, doc.lower(i)
        if text.rstrip().endswith("?"):
            continue  # a question in a debate or in written questions asks; it promises nothing
        # Cheap tests first: most sentences with a keyword state no commitment at all.
        asking = "lid" in low or "leden" in low or "de heer" in low or "mevrouw" in low or ") " in low
        members = _members(text) if asking else []
        cited = [(n, at) for n, at in _cited_motion_ends(text) if n not in members_seen] if "motie" in low else []
        promise = (
            any(_holds(screens, i, low, form) for form in _PROMISES)
            and bool(_TO_PARLIAMENT.search(low))
            and not _NOT_A_PROMISE.search(low)
        ) or (_holds(screens, i, low, _REPORTED_PLEDGE) and bool(_PARLIAMENT_NAMED.search(low)))
        pledge_word = _holds(screens, i, low, _PLEDGE)
        kamer = _holds(screens, i, low, _KAMER_REQUEST) and not _NOT_THE_COMMITTEE.search(low)
        if not (members or cited or promise or pledge_word or kamer):
            continue
        own_date = _debate_date(doc, i)
        for member in members:
            if member in members_seen:
                continue  # one fact per member: later remarks belong to the first request
            members_seen.add(member)
            date = own_date or _asked_date(doc, i) or _earlier_debate_date(doc, i)
            facts.append(_fact(doc, i, i, RULE_MEMBER, 0.85 if date else 0.75, member, date))
        for member, at in cited:
            if member in members_seen:
                continue
            members_seen.add(member)
            facts.append(_fact(doc, i, i, RULE_CITED_MOTION, 0.8, member, _motion_own_date(doc, i, at)))
        by_member = bool(members) and not cited  # "op verzoek van het lid X zal ik": the member's request
        pledge = pledge_word and own_date is not None
        own_pledge = pledge_word and not pledge and bool(_OWN_PLEDGE.search(low))
        if by_member or not (promise or pledge or own_pledge or kamer) or (_DONE.search(low) and not promise):
            continue
        if pledge:
            key = own_date.iso() if own_date else None
            if key not in pledged:
                pledged.add(key)
                facts.append(_fact(doc, i, i, RULE_PLEDGE, 0.85, None, own_date))
        elif own_pledge and not promise:
            # A toezegging without its debate's date: the debate the paragraph just named, else the letter.
            date = _earlier_debate_date(doc, i) or doc.date
            key = date.iso() if date else None
            if key not in pledged:
                pledged.add(key)
                facts.append(_fact(doc, i, i, RULE_PLEDGE, 0.6, None, date))
        elif promise:
            if last_promise == i - 1 and _ELABORATION.match(low):
                last_promise = i
                continue  # "Wij zullen daarbij ook ...": more of the promise just made
            last_promise = i
            rule = RULE_KAMER if kamer else RULE_PROMISE
            facts.append(_fact(doc, i, i, rule, 0.7 if kamer else 0.6, None, own_date or doc.date))
        else:
            date, last = (own_date, i) if own_date else (_request_date(doc, i), i)
            if date is None:
                date, last = _submitted_next(doc, i)
            if date is None and requested:
                continue  # the request already noted ("Antwoorden op vragen van de vaste commissie ...")
            requested = True
            facts.append(_fact(doc, i, last, RULE_KAMER, 0.7, None, date))
    return facts
