"""``agreement``: a signed or announced cooperation instrument (MoU, declaration or letter of intent,
joint vision statement, treaty, agreement, action plan).

The rules, by the ``rule`` name a fact carries:

* ``agreement.instrument`` — an instrument named by its word: "Memorandum of Understanding",
  "intentieverklaring", "raamverdrag", "verdragswijziging", "samenwerkingsovereenkomst",
  "visiedocument", "Technical Arrangement", "actieplan", "akkoord", and a (joint) "verklaring" that is
  signed ("hun handtekening onder een verklaring");
* ``agreement.signed_plan`` — a plan or arrangements that are signed ("tekenden een ambitieus plan",
  "ondertekenden de afspraken");
* ``agreement.agreed`` — the verb: "kwamen overeen dat ...", "zijn ... overeengekomen", "hebben ze
  afgesproken" (not "komt overeen met", which compares, nor "zoals afgesproken in", which cites);
* ``agreement.accession`` — a party joins an agreement ("besliste mee in te stappen in het akkoord"):
  the parties are the newcomer and those of the agreement a neighbouring sentence describes.

Each instrument word reads the part of its sentence up to the next one (its *window*): a sentence may
name several instruments, each with its own parties and date.

* **Parties**: those after "tussen" ("Verdrag tussen het Koninkrijk der Nederlanden en ...") or "met"
  ("het verdrag met België en Luxemburg"); else the countries in the window (a country after "in" is a
  place, not a party); else, when the sentence names no country at all, the partner the paragraph is
  about (a sentence whose countries belong to an instrument of its own does not lend them); else the
  organisation of the sentence or section; else, in a letter written in the Dutch government's voice,
  the Netherlands alone. NL is a party when it is named in the window, when the window speaks in the
  letter's first person ("door mij", "met mijn Belgische collega") or when one foreign party is named.
  A minister the window names signs for his own country (``data/ministers.json``: "Minister Vandeput
  tekende ..." is Belgium's; "De Maizière ... met zijn Poolse collega" is DE and PL); an unqualified
  "minister van Defensie" who signs is the text's own.
* **Not instruments**: one asked for, in a motion ("verzoekt de regering, ... een verdrag te sluiten") or
  a question ("Bent u bereid een MoU te tekenen?").
* **Date**: the first date after the word in its window ("het Joint Vision Statement van juni 2017");
  else, when the window says the instrument was concluded, the nearest date before it ("Op 3 mei heb ik
  ... een visiedocument getekend", "het op 2 juli 2018 te Washington tot stand gekomen Verdrag").
  Publication references ("Trb. 2018, 125", "Stb. 2019, 147") are no dates. An instrument only
  announced, prepared or joined gets the document's date; one whose signing a news item narrates
  ("ondertekenden", "tekende") without a date gets the document's date when that is known to the month;
  one signed on a bare weekday ("zetten donderdag hun handtekening") the last such day up to the document's.
  The day an instrument took effect ("trad ... in werking") does not date it.
* **One fact per instrument**: a later definite mention ("het verdrag", "de DOI", "dit nieuwe akkoord",
  "het Raamverdrag") of an instrument named shortly before is that instrument: its parties and date
  complete the first mention's. Mentions of the same kind with the same parties and compatible dates
  are merged too.

Not instruments: founding treaties cited as the frame ("artikel 5 van het NAVO-verdrag", "het Verdrag
van Lissabon") unless the window says they were concluded; negated or conditional mentions ("niet
geleid tot een akkoord", "wanneer een akkoord wordt bereikt"); "akkoord" as a verb ("gaat Nederland
akkoord met").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ims.extract.common import place_mentions, sorted_ids, text_voice, tidy
from ims.extract.context import HOME, DocContext, register_keywords
from ims.extract.facts import Agreement, Evidence
from ims.text.dates import DateMention, PartialDate
from ims.text.gazetteer import COUNTRY, FRAMEWORK, ORG_IDS
from ims.text.ministers import ministers_in

KEYWORDS = register_keywords(
    "memorandum", "mou", "declaration of intent", "doi", "letter of intent", "loi", "intentieverklaring",
    "vision statement", "jvs", "verdrag", "treaty", "actieplan", "action plan", "overeenkomst",
    "visiedocument", "akkoord", "agreement", "arrangement", "verklaring", "overeen", "afgesproken",
    "afspra", "plan",
)
RULE_INSTRUMENT = "agreement.instrument"
RULE_SIGNED_PLAN = "agreement.signed_plan"
RULE_AGREED = "agreement.agreed"
RULE_ACCESSION = "agreement.accession"

_KINDS = (
    ("MoU", r"memorandum of understanding|memorand(?:um|a) van overeenstemming|mou(?:'s)?"),
    ("DOI", r"declaration of intent|doi"),
    ("LOI", r"letters? of intent|statement of intent|loi|intentieverklaring(?:en)?"),
    (
        "JVS",
        r"joint vision statement|joint (?:declaration|statement)|jvs"
        r"|(?:gezamenlijke|gemeenschappelijke)\s+verklaring|verklaring",
    ),
    ("TREATY", r"verdragswijziging(?:en)?|\w*verdrag(?:en)?|treaty"),
    ("ACTION_PLAN", r"actieplan(?:nen)?|action plan"),
    (
        "AGREEMENT",
        r"\w*overeenkomst(?:en)?|visiedocument(?:en)?|(?:voorlopig(?:e)?\s+)?\w*akkoord(?:en)?|agreement"
        r"|technical arrangement|arrangement",
    ),
    ("PLAN", r"plan(?:nen)?|afspraak|afspraken"),
    ("AGREED", r"(?:kwam(?:en)?|komen)\s[^.;]{0,120}?\bovereen|overeengekomen|afgesproken"),
)
# Words one of which is in every mention of a kind: a sentence is searched only for the kinds whose words
# it holds ("\w*verdrag" and the like make the engine read every word to its end, and a regex of all kinds
# costs as much in every sentence that holds any of them). A plan or arrangements count only when signed.
_TRIGGERS = {
    "MoU": ("memorandum", "mou"),
    "DOI": ("declaration", "doi"),
    "LOI": ("of intent", "loi", "intentieverklaring"),
    "JVS": ("vision statement", "joint", "jvs", "verklaring"),
    "TREATY": ("verdrag", "treaty"),
    "ACTION_PLAN": ("actieplan", "action plan"),
    "AGREEMENT": ("overeenkomst", "visiedocument", "akkoord", "agreement", "arrangement"),
    "PLAN": ("plan", "afspra"),
    "AGREED": ("overeen", "afgesproken"),
}
_SIGNING_WORDS = ("tek", "handtekening")


@lru_cache(maxsize=512)
def _cue_regex(kinds: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for the kinds a sentence may hold, with \b in front of all of them rather than in front of
    each: the engine then tries them only where a word starts."""
    patterns = dict(_KINDS)
    return re.compile(r"\b(?:" + "|".join(rf"(?P<{kind}>(?:{patterns[kind]})\b)" for kind in kinds) + ")")


for _words in (*_TRIGGERS.values(), _SIGNING_WORDS):
    register_keywords(*_words)


def _kinds_by_sentence(doc: DocContext) -> dict[int, tuple[str, ...]]:
    """The kinds each sentence may hold, known from the document's one keyword pass (built once)."""
    signed = doc.having(_SIGNING_WORDS)
    found: dict[int, list[str]] = {}
    for kind, _ in _KINDS:
        for i in doc.having(_TRIGGERS[kind]):
            if kind != "PLAN" or i in signed:
                found.setdefault(i, []).append(kind)
    return {i: tuple(kinds) for i, kinds in found.items()}


# The word each kind's mentions share, by which a later definite mention finds its instrument: "de
# verklaring" is the "intentieverklaring" just named, "het verdrag" the "raamverdrag".
_HEADS = {"LOI": "verklaring", "DOI": "declaration", "JVS": "verklaring", "TREATY": "verdrag", "MoU": "mou"}
_GENERIC_HEADS = ("akkoord", "overeenkomst", "afspra")  # "dit nieuwe akkoord" may be any instrument
# Accords of domestic politics, not cooperation instruments.
_POLITICAL_ACCORD = re.compile(r"(?:regeer|coalitie|klimaat|pensioen|begrotings|lente|zorg|sociaal|bestuurs)akkoord")

# Denied ("geen (nieuw) akkoord", "niet geleid tot een akkoord") or conditional ("wanneer een akkoord wordt
# bereikt"): the negation stands right before the instrument or before the "tot" that reaches it.
_NOT_AN_INSTRUMENT = re.compile(
    r"\bgeen\s+(?:[\w-]+\s+)?$|\bniet\b[^.]{0,40}\btot\s+(?:een\s+|het\s+|de\s+)?(?:[\w-]+\s+)?$"
    r"|\b(?:wanneer|indien|zodra|mits|tenzij)\b[^.]{0,60}$"
)
# "Het akkoord wordt niet ...": denied. "nog niet" is not yet: an instrument in preparation, kept.
_NEGATED_AFTER = re.compile(r"\W*(?:wordt|is|zal)\s+niet\b")  # used with match() at the word's end
# "akkoord" as a verb: "gaat Nederland hier mee akkoord", "akkoord gaan met".
_AKKOORD_VERB = re.compile(r"\b(?:ga|gaat|gaan|ging|gingen|gegaan)\b[^,.;:]{0,40}$|\bmee\s+$")
_FOUNDING = re.compile(
    r"(?:navo|eu|vn|nato|noord-atlantisch\w*)[- ]?verdrag|verdrag(?:en)? (?:betreffende de europese|tot oprichting"
    r"|van (?:de )?(?:europese|noord))|atlantic treaty"
)
_CONCLUDED = re.compile(
    r"\b(?:ondertek\w*|getekend|tekende\w*|gesloten|sloten|sloot|afgesloten|overeengekomen|overeen"
    r"|bereikt(?:e|en)?|aangegaan|geratificeerd|ratificatie|bekrachtig\w*|aangekondigd|tot stand gekomen|handtekening"
    r"|aangesloten|toegetreden)\b"
)
# A finite form of signing (not the noun "ondertekening"): what makes a plan or arrangements an instrument.
_SIGNED = re.compile(r"\b(?:onder)?tek(?:en|ent|ende|enden|end)\b|\bgetekend\b|\bhandtekening\b")
# A news item narrating the signing in the simple past: the event of the day.
_NARRATED = re.compile(r"\b(?:onder)?tekenden?\b|\bslo(?:ot|ten)\b|\bkwamen\b[^.]{0,80}\bovereen")
_ANNOUNCED = re.compile(
    r"\b(?:zal|zullen|wil|willen|voornemens|van plan)\b[^.]{0,80}\b(?:(?:onder)?tekenen|sluiten|aangaan|aan te gaan)\b"
    r"|\b(?:zal|zullen)\b[^.]{0,80}\b(?:onder)?tekenen\b|\b(?:wordt|worden)\b[^.]{0,60}\b(?:onder)?tekend\b"
    r"|\bin voorbereiding\b|\bwordt\s+(?:verder\s+)?gewerkt\s+aan\b|\bvoorbereid\b|\baangekondigd\b"
    r"|\bnog\s+niet\b[^.]{0,40}\b(?:onder)?tekend\b|\bter\s+ondertekening\b|\bmoet\s+nog\b"
)
# An instrument asked for is not one that exists or is announced: a motion's request ("verzoekt de regering,
# met België een verdrag te sluiten") or a question ("Bent u bereid een MoU te tekenen?"), when what is asked
# is to conclude it. A question about a signing that took place ("hebben ... getekend?") still reports it.
_REQUEST = re.compile(r"\b(?:verzoekt|verzoeken|roept\b[^.]{0,80}\bop|draagt\b[^.]{0,80}\bop)\b")
_TO_CONCLUDE = re.compile(r"\b(?:te\s+)?(?:sluiten|(?:onder)?tekenen|aangaan|aan\s+te\s+gaan)\b")
# An amendment of an instrument is an instrument of its own, of the same kind ("de wijziging van het MoU").
_AMENDMENT = re.compile(
    r"\b(?:wijziging|amendement|aanvulling|addendum)(?:en)?\s+(?:van|op|bij)\s+(?:het|de|dit|deze)\s+$"
)
_ACCESSION = re.compile(
    r"\b(?:in\s*(?:te\s+)?stappen|instap\w*|toe\s*(?:te\s+)?treden|toetreding|aan\s*(?:te\s+)?sluiten|aansluiting)\b"
)
_DEFINITE = re.compile(r"\b(?:het|de|dit|deze|dat|die|dezelfde)\s+(?:[\w-]+\s+){0,2}$")
# Used with match() right after the instrument's word.
_TUSSEN = re.compile(r"[^,;.()]{0,40}?\btussen\s")
_MET = re.compile(r"\s*met\s")
_WITH = re.compile(r"\bmet\s")
# An infinitive clause right after "afgesproken": a few words, then "te" and a verb, before any punctuation.
_INFINITIVE_CLAUSE = re.compile(r"\s+(?:[\w-]+\s+){1,5}te\s+\w+")
# Where the list of parties after "tussen" or "met" ends.
_PARTY_LIST_END = re.compile(r"\s(?:inzake|betreffende|over|ter|om|dat|die|waarin|voor|van\s+\d)\b|[;,(]")
_OF_A_PLACE = re.compile(r"\s+van\s+[A-Z]")
# A date that opens or closes a period ("vanaf 1 januari 2017", "tot 2025") dates no signing.
_PERIOD = re.compile(
    r"\b(?:vanaf|tot(?:\s+en\s+met)?|t/m|sinds|per)\s+(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag)\s+)?$"
)
_CLAUSE_END = re.compile(r"[,;]")
# The day an instrument took effect is not the day it was signed: "trad op 1 april 2018 in werking".
_IN_FORCE = re.compile(r"\s+(?:\w+\s+)?in\s+werking\b")
_SUBORDINATE = re.compile(r"\b(?:dat|om)\b")
_PUBLICATION = re.compile(r"\b(?:trb|stb|stcrt|kamerstuk(?:ken)?(?:\s+i{1,2})?|handelingen(?:\s+i{1,2})?)\.?\s*$")
_SUBJECT = re.compile(r"\b(?:over|inzake|betreffende|ter|met betrekking tot|op het (?:gebied|terrein) van)\s+")
_NAME_AFTER = re.compile(r"\s+([A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|for|and|to))*)(?:\s+\(([A-Z][\w-]+)\))?")
# The letter's own voice in an instrument's window: the minister signs for the Netherlands ("door mij",
# "met mijn Belgische collega"). A Netherlands named elsewhere in the sentence is no party by that alone.
_FIRST_PERSON = re.compile(r"\b(?:ik|wij|we|mij|mijn|ons|onze|ons land|beide landen)\b")
# The Dutch government's voice: "ik", "wij" in a letter.
_GOVERNMENT_VOICE = re.compile(r"\b(?:ik|wij)\b")
_GOVERNMENT_VOICE_REACH = 12  # body sentences at the top of a letter: "Hierbij bied ik u ... aan"
# Sentences back within which a definite mention finds the instrument it names again (or anywhere in the
# same section).
_ANAPHOR_REACH = 6
# A sentence that picks the instrument of the sentence before up with a pronoun and tells when it was
# signed or concluded ("Het werd op 20 november in Berlijn ondertekend.", "Deze werden in mei gesloten.").
_PRONOUN_SIGNED = re.compile(r"^(?:het|dit|deze|dat|die|zij|ze)\s+(?:werd|werden|is|zijn|was|waren)\b")
# A date the text gives relative to the document ("gisteren", "op woensdag", "vorig jaar"): without the
# document's own date it stays unresolved, and a fact that should carry it is less sure.
_RELATIVE_DATE = re.compile(
    r"\b(?:eer)?gisteren\b|\bvandaag\b|\b(?:vorig|dit|volgend|komend)\s+jaar\b|\bjl\.|\bjongstleden\b"
    r"|\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b|\been\s+(?:dag|week|maand)\s+(?:eerder|later)\b"
)
_UNRESOLVED_CONFIDENCE = 0.45
# A bare weekday with a signing or closing told in the past ("zetten donderdag hun handtekening", "hebben
# dinsdag ... gesloten"): in news, the last such day up to the item's date.
_BARE_WEEKDAY = re.compile(r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b(?!\s+\d)")
_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
# The signer as the text's own minister: "Minister van Defensie X tekende ...", "de minister van Defensie
# heeft ... ondertekend". Unqualified (no "Duitse" before it, no "van België" after it), a ministry's news
# item or a letter means its own minister, and so its own country.
_OWN_MINISTER = re.compile(r"\bminister(?:\s+van\s+defensie)?\b(?!\s+van\s+(?!defensie))")
_ACCESSION_REACH = 2  # sentences around an accession where the agreement joined is described


@dataclass
class _Draft:
    kind: str
    rule: str
    parties: set[str]
    date: PartialDate | None
    subject_at: int  # where, in its first sentence, the instrument's word ends: the subject follows it
    evidence: Evidence
    confidence: float
    sentence: int
    head: str
    signed_narrated: bool = False
    announced: bool = False
    accession: bool = False
    mentions: list[int] = field(default_factory=list)


def _compatible(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    short, long = sorted((a.iso(), b.iso()), key=len)
    return long.startswith(short)


def _more_precise(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None or b is None:
        return a or b
    return a if len(a.iso()) >= len(b.iso()) else b


def _head(kind: str, word: str) -> str:
    for generic in _GENERIC_HEADS:
        if generic in word:
            return generic
    return _HEADS.get(kind, word)


def _usable_dates(low: str, dates: list[DateMention]) -> list[DateMention]:
    """Dates that can date an instrument: not a publication reference ("Trb. 2018, 125")."""
    return [d for d in dates if not _PUBLICATION.search(low, max(0, d.start - 25), d.start)]


def _founding(doc: DocContext, i: int, cue: re.Match[str], lo: int, hi: int) -> bool:
    """A founding or multilateral treaty cited as the frame ("artikel 5 van het NAVO-verdrag", "het
    Verdrag van Brussel"), unless the words around it say it was concluded ("Het Verdrag van Aken werd in
    2019 getekend") or, for one named after a city, name the countries that made it ("de Frans-Britse
    verdragen van Lancaster House")."""
    text, low = doc.sentences[i].text, doc.lower(i)
    if _CONCLUDED.search(low, max(lo, cue.start() - 40), min(hi, cue.end() + 80)):
        return False
    if _FOUNDING.search(low, max(0, cue.start() - 25), cue.end() + 16):
        return True
    return bool(_OF_A_PLACE.match(text, cue.end())) and not any(
        code != HOME for code in _countries_in(doc, i, lo, hi)
    )


def _date_for(
    low: str, cue: re.Match[str], lo: int, hi: int, dates: list[DateMention], claimed: set[int]
) -> DateMention | None:
    """The instrument's date: the first after its word, else (when the window says it was concluded) the
    nearest before. A date that starts or ends a period ("vanaf 1 januari") dates no signing; for the verb
    ("kwamen overeen dat ...") the date is in its own clause, not in what was agreed."""
    free = [
        d for d in dates
        if id(d) not in claimed and not _PERIOD.search(low, max(0, d.start - 14), d.start)
        and not _IN_FORCE.match(low, d.end)
    ]
    verb = cue.lastgroup == "AGREED"
    if verb:
        clause = _SUBORDINATE.search(low, cue.end(), hi)
        hi = clause.start() if clause else hi
    before = [d for d in free if lo <= d.start and d.end <= cue.start()]
    if verb and before:
        return before[-1]
    after = [d for d in free if cue.end() <= d.start < hi]
    if after:
        return after[0]
    if not _CONCLUDED.search(low, lo, hi):
        return None
    return before[-1] if before else None


def _countries_in(doc: DocContext, i: int, lo: int, hi: int) -> list[str]:
    """Countries named as possible parties in sentence ``i`` between ``lo`` and ``hi`` (not as places)."""
    mentions = doc.mentions(i)
    places = _places(doc, i)
    out: list[str] = []
    for k, m in enumerate(mentions):
        if not (lo <= m.start < hi) or k in places:
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


def _listed_after(doc: DocContext, i: int, low: str, cue: re.Match[str], hi: int) -> tuple[list[str], int]:
    """The parties "tussen ..." or "met ..." lists right after the instrument's word (countries, then
    organisations), and where the list
    ends (the words up to there are not another instrument's)."""
    m = _TUSSEN.match(low, cue.end(), hi) or _MET.match(low, cue.end(), hi)
    if not m:
        return [], cue.end()
    start = m.end()
    end = _PARTY_LIST_END.search(low, start, hi)
    stop = end.start() if end else hi
    listed = _countries_in(doc, i, start, stop)
    # An organisation listed as a side ("een MoU tussen de NAVO en Nederland") is a party by its id.
    # (One that stands for its member countries, as the Benelux does, gave those countries already.)
    orgs = [
        m.id for m in doc.mentions(i)
        if start <= m.start < stop and m.id in ORG_IDS and not m.members and m.id not in listed
    ]
    return listed + orgs, stop


def _discourse(doc: DocContext, i: int, bound: set[int]) -> list[str]:
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


@dataclass
class _Reader:
    """Reads the instruments of one document in order, merging later mentions into earlier ones."""

    doc: DocContext
    drafts: list[_Draft] = field(default_factory=list)
    bound: set[int] = field(default_factory=set)  # sentences whose countries an instrument took
    kinds: dict[int, tuple[str, ...]] = field(init=False)  # the kinds each sentence may hold

    def __post_init__(self) -> None:
        self.kinds = _kinds_by_sentence(self.doc)

    def government_voice(self) -> bool:
        key = ("agreement", "government_voice")
        found = self.doc.memo.get(key)
        if found is None:
            top = self.doc.body(range(len(self.doc.sentences)))[:_GOVERNMENT_VOICE_REACH]
            found = self.doc.memo[key] = any(_GOVERNMENT_VOICE.search(self.doc.lower(i)) for i in top)
        return bool(found)

    def cues(self, i: int) -> list[re.Match[str]]:
        low = self.doc.lower(i)
        signed = bool(_SIGNED.search(low))
        cues: list[re.Match[str]] = []
        kinds = self.kinds.get(i)
        if not kinds:
            return []
        for m in _cue_regex(kinds).finditer(low):
            kind = m.lastgroup
            if cues and cues[-1].lastgroup == kind and kind != "PLAN" and m.start() - cues[-1].end() < 4:
                continue  # "Memorandum of Understanding (MoU)": one instrument
            before = low[max(0, m.start() - 60) : m.start()]
            if _NOT_AN_INSTRUMENT.search(before) or _NEGATED_AFTER.match(low, m.end()):
                continue
            if kind == "AGREEMENT" and "akkoord" in m.group(0) and (
                _AKKOORD_VERB.search(before) or _POLITICAL_ACCORD.search(m.group(0))
            ):
                continue
            if kind == "PLAN" and not signed:
                continue  # a plan or arrangements that nobody signs are no instrument
            if kind == "AGREED" and not self._agreed(low, m):
                continue
            cues.append(m)
        return cues

    @staticmethod
    def _agreed(low: str, m: re.Match[str]) -> bool:
        """"overeengekomen", "afgesproken" as the verb of the sentence, not an adjective or a citation."""
        word = m.group(0)
        if word.startswith(("kw", "komen")):
            # "komen overeen met": correspond to, not agree
            return not (word.startswith("komen") and low[m.end() :].lstrip().startswith("met "))
        if low[max(0, m.start() - 8) : m.start()].rstrip().endswith("zoals"):
            return False  # "Zoals afgesproken in het ...": cites an instrument named next
        nxt = low[m.end() : m.end() + 12].lstrip()
        if not nxt or nxt[0] in ",.;:)" or nxt.startswith(("dat ", "om ", "en ", "te ")):
            return True
        # "hebben afgesproken nauw samen te werken": what is agreed as an infinitive clause without "om"
        return bool(_INFINITIVE_CLAUSE.match(low, m.end()))

    def read(self, i: int) -> None:
        doc = self.doc
        cues = self.cues(i)
        if not cues:
            return
        low = doc.lower(i)
        dates = _usable_dates(low, doc.dates(i))
        claimed: set[int] = set()
        windows = [
            (cues[k - 1].end() if k else 0, cues[k + 1].start() if k + 1 < len(cues) else len(low))
            for k in range(len(cues))
        ]
        consumed = 0
        for cue, (lo, hi) in zip(cues, windows, strict=True):
            lo = max(lo, consumed)
            listed, consumed = _listed_after(doc, i, low, cue, hi)
            kind = cue.lastgroup or "AGREEMENT"
            if kind == "AGREED":  # the verb's clause ends at its comma: "Was X ... overeengekomen, de plannen ..."
                comma = _CLAUSE_END.search(low, cue.end(), hi)
                hi = comma.start() if comma else hi
            if kind == "TREATY" and _founding(doc, i, cue, lo, hi):
                continue
            date = _date_for(low, cue, lo, hi, dates, claimed)
            if date is not None:
                claimed.add(id(date))
                if date.start > cue.end():  # the instrument's phrase runs to its date: "... van 6 mei 1997"
                    consumed = max(consumed, date.end)
            self._add(i, cue, kind, lo, hi, date, listed)

    def _add(
        self, i: int, cue: re.Match[str], kind: str, lo: int, hi: int, date: DateMention | None,
        listed: list[str],
    ) -> None:
        doc = self.doc
        text, low = doc.sentences[i].text, doc.lower(i)
        rule = {"PLAN": RULE_SIGNED_PLAN, "AGREED": RULE_AGREED}.get(kind, RULE_INSTRUMENT)
        if kind in ("PLAN", "AGREED"):
            kind = "AGREEMENT"
        # A bare "verklaring" is an instrument when it is signed ("hun handtekening onder een verklaring")
        # or names one signed before ("de verklaring" after "een intentieverklaring"); else a statement.
        statement = cue.group(0) == "verklaring" and not _SIGNED.search(low, lo, hi)
        head = _head(kind, cue.group(0))
        window = listed or _countries_in(doc, i, lo, hi)
        named = bool(_NAME_AFTER.match(text, cue.end())) and kind != "TREATY"
        amendment = bool(_AMENDMENT.search(low, max(0, cue.start() - 40), cue.start()))
        definite = bool(_DEFINITE.search(low, max(0, cue.start() - 40), cue.start())) and not (named or amendment)
        value = date.value if date else self._weekday_signed(low, lo, hi)
        accession = kind == "AGREEMENT" and bool(_ACCESSION.search(low, lo, hi))
        # Only an undated instrument takes a date from how it is told (see _undated).
        narrated = value is None and bool(_NARRATED.search(low, lo, hi))
        announced = value is None and bool(_ANNOUNCED.search(low, lo, hi))
        amended = self._antecedent(i, kind, head, None) if amendment else None
        if amended is not None:  # the amendment binds the parties of what it amends and those it names
            window = sorted(set(window) | amended.parties)
        if definite and not listed:
            target = self._antecedent(i, kind, head, value)
            if target is not None:
                self._complete(target, i, window, value, narrated, announced)
                self._bind(i, window)
                return
        if statement or self._requested(i, lo, hi):
            return
        # At most 0.85, even with the parties listed after "tussen" or "met": kind, parties and date must all
        # be right, which on the development corpus they are less often than bulk acceptance needs (95 %).
        confidence = 0.85
        parties = list(window)
        signer = None
        if not any(code != HOME for code in parties):
            if any(code != HOME for code in _countries_in(doc, i, 0, len(low))):
                return  # the sentence's foreign countries belong to its other instruments
            # The other side: a framework the window names ("het MoU over de JEF"), the text's own country
            # being this one; else the paragraph's partner. Who signs: a minister the window names (for the
            # country he serves), else an unqualified "minister van Defensie" (the text's own).
            framework = next((m.id for m in doc.mentions(i) if lo <= m.start < hi and m.kind == FRAMEWORK), None)
            signer = self._signing_minister(i, lo, hi, named_only=True)
            if framework is not None:
                signer = signer or text_voice(doc)
                parties, confidence = sorted({*parties, framework, signer}), 0.7
            else:
                if signer is None:
                    parties, confidence = _discourse(doc, i, self.bound) or parties, 0.7
                    signer = self._signing_minister(i, lo, hi)
                if signer is not None:  # with the paragraph's partner as the other side, or alone (less sure)
                    confidence = min(confidence, 0.7 if parties else 0.6)
                    parties = sorted({*parties, signer})
        if not parties:
            parties, confidence = list(doc.organisations(i) or doc.section_organisations(i)), 0.6
        if not parties and self.government_voice():
            parties, confidence = [HOME], 0.5
        foreign = [p for p in parties if p != HOME]
        if (
            parties
            and HOME not in parties
            and signer is None
            and (
                (len(foreign) == 1 and foreign[0] not in ORG_IDS)
                or _FIRST_PERSON.search(low, lo, hi)
                or self._counterparts_only(i, low, lo, hi)
            )
        ):
            # The other side is the minister the window names ("De Maizière ... met zijn Poolse collega"),
            # else the country whose text this is (the Netherlands, or Belgium whose news says "ons land").
            counterpart = "collega" in low or "ambtgeno" in low  # only then is a named minister the other side
            named = [code for _, code in ministers_in(text, lo, hi) if code not in parties] if counterpart else []
            voice = text_voice(doc)
            parties.append(named[0] if named else voice if voice not in parties else HOME)
        if value is None and doc.date is None and _RELATIVE_DATE.search(low, lo, hi):
            confidence = min(confidence, _UNRESOLVED_CONFIDENCE + 0.15)  # lowered by 0.15 more below
        self._bind(i, window)
        self.drafts.append(
            _Draft(
                kind=kind, rule=RULE_ACCESSION if accession else rule, parties=set(parties), date=value,
                subject_at=cue.end(), evidence=doc.evidence(i),
                confidence=confidence if value else confidence - 0.15,
                sentence=i, head=head, signed_narrated=narrated, announced=announced, accession=accession,
                mentions=[i],
            )
        )

    def _counterparts_only(self, i: int, low: str, lo: int, hi: int) -> bool:
        """"een MoU afgesloten met Denemarken en Noorwegen", "Met Noorwegen en Zweden is een akkoord bereikt":
        the countries after "met" are the other side; when no country stands before that "met" as the
        subject, the first side is the text's own."""
        met = _WITH.search(low, lo, hi)
        return met is not None and not _countries_in(self.doc, i, lo, met.start())

    def _weekday_signed(self, low: str, lo: int, hi: int) -> PartialDate | None:
        """The day of a signing the window tells in the past with a bare weekday, counted back from the
        document's date (which must be known to the day)."""
        day = self.doc.date
        if day is None or day.day is None or "dag" not in low:
            return None
        m = _BARE_WEEKDAY.search(low, lo, hi)
        if not m or not _CONCLUDED.search(low, lo, hi) or _ANNOUNCED.search(low, lo, hi):
            return None
        today = dt.date(day.year, day.month, day.day)  # type: ignore[arg-type]
        back = (today.weekday() - _WEEKDAYS.index(m.group(1))) % 7
        then = today - dt.timedelta(days=back)
        return PartialDate(then.year, then.month, then.day)

    def _requested(self, i: int, lo: int, hi: int) -> bool:
        """Whether the window asks for the instrument to be concluded (a motion's request, a question)."""
        low = self.doc.lower(i)
        asked = self.doc.sentences[i].text.rstrip().endswith("?") or bool(_REQUEST.search(low))
        return asked and bool(_TO_CONCLUDE.search(low, lo, hi))

    def _signing_minister(self, i: int, lo: int, hi: int, *, named_only: bool = False) -> str | None:
        """The country of the minister who signs in the window, when the window says it was signed: a
        minister known by name ("Minister Vandeput tekende ..."), else an unqualified "minister van Defensie"
        (no country's adjective right before it, no "van België" after it), who is the text's own."""
        low = self.doc.lower(i)
        if not _SIGNED.search(low, lo, hi):
            return None
        named = ministers_in(self.doc.sentences[i].text, lo, hi)
        if named or named_only:
            return named[0][1] if named else None
        adjectives = [m.end for m in self.doc.mentions(i) if m.kind == COUNTRY]
        for m in _OWN_MINISTER.finditer(low, lo, hi):
            if not any(0 <= m.start() - end <= 2 for end in adjectives):
                return text_voice(self.doc)
        return None

    def _bind(self, i: int, window: list[str]) -> None:
        """Countries an instrument lists as its several parties are not the partner the paragraph is about
        (a single partner is: the next sentence may well be about the same bilateral relation)."""
        if len([code for code in window if code != HOME]) >= 2:
            self.bound.add(i)

    def _antecedent(self, i: int, kind: str, head: str, date: PartialDate | None) -> _Draft | None:
        """The instrument a definite mention names again: the latest one shortly before with its word (when
        that one has another date, the mention is of another instrument)."""
        section = self.doc.section_start(i)
        for draft in reversed(self.drafts):
            if i - draft.sentence > _ANAPHOR_REACH and self.doc.section_start(draft.sentence) != section:
                return None
            if draft.kind == kind or draft.head == head or head in _GENERIC_HEADS:
                return draft if _compatible(draft.date, date) else None
        return None

    @staticmethod
    def _complete(
        target: _Draft, i: int, window: list[str], date: PartialDate | None, narrated: bool, announced: bool
    ) -> None:
        target.parties.update(window)
        if date is not None and (target.date is None or len(date.iso()) > len(target.date.iso())):
            target.date = date
            target.confidence = max(target.confidence, 0.85)
        target.signed_narrated |= narrated
        target.announced |= announced
        target.mentions.append(i)

    def _dated_next(self, draft: _Draft) -> None:
        """An undated instrument whose next sentence tells its signing with a pronoun takes that date; less
        sure, as the date comes from another sentence than the instrument's."""
        i = draft.sentence + 1
        if i >= len(self.doc.sentences) or self.kinds.get(i):
            return
        low = self.doc.lower(i)
        if not _PRONOUN_SIGNED.match(low) or not (_SIGNED.search(low) or _CONCLUDED.search(low)):
            return
        dates = [
            d for d in _usable_dates(low, self.doc.dates(i))
            if not _PERIOD.search(low, max(0, d.start - 14), d.start) and not _IN_FORCE.match(low, d.end)
        ]
        if dates:
            draft.date, draft.confidence = dates[0].value, min(draft.confidence + 0.15, 0.7)
            draft.mentions.append(i)

    def finish(self) -> list[_Draft]:
        for draft in self.drafts:
            if draft.date is None:
                self._dated_next(draft)
        for draft in self.drafts:
            if draft.accession:
                self._join_accession(draft)
        merged: list[_Draft] = []
        for draft in self.drafts:
            if not draft.parties:
                continue  # an instrument no party of which the text names (it may still have been named again)
            target = next(
                (
                    m
                    for m in reversed(merged)
                    if m.kind == draft.kind and m.parties == draft.parties and _compatible(m.date, draft.date)
                    and not (m.accession or draft.accession)
                ),
                None,
            )
            if target is None:
                merged.append(draft)
                continue
            if draft.date is not None and (target.date is None or len(draft.date.iso()) > len(target.date.iso())):
                target.evidence, target.confidence = draft.evidence, max(target.confidence, draft.confidence)
            target.date = _more_precise(target.date, draft.date)
            target.signed_narrated |= draft.signed_narrated
            target.announced |= draft.announced
            target.mentions += draft.mentions
        for draft in merged:
            if draft.date is None:
                draft.date = self._undated(draft)
        return merged

    def _join_accession(self, draft: _Draft) -> None:
        near = [
            other for other in self.drafts
            if other is not draft and abs(other.sentence - draft.sentence) <= _ACCESSION_REACH and other.parties
        ]
        if near:
            closest = min(near, key=lambda other: abs(other.sentence - draft.sentence))
            draft.parties |= closest.parties
            draft.confidence = min(draft.confidence, 0.7)

    def _undated(self, draft: _Draft) -> PartialDate | None:
        """An instrument the text gives no date: the document's when announced, prepared or joined, or
        when a news item narrates its signing (and the document's date is known to the month)."""
        date = self.doc.date
        if date is None:
            return None
        if draft.announced or draft.accession:
            return date
        if draft.signed_narrated and date.month is not None:
            return PartialDate(date.year, date.month)
        return None


def _subject(text: str, at: int) -> str | None:
    """What the instrument is about: the name right after its word, else what follows "over", "inzake" ..."""
    named = _NAME_AFTER.match(text, at)
    if named and not text[at : named.start(1)].strip():
        return tidy(named.group(1))
    m = _SUBJECT.search(text, at, at + 80)
    if m:
        rest = re.split(r"[.;]|,\s(?:en|die|dat|waarbij)\b", text[m.end() :])[0]
        return tidy(rest)[:160] or None
    return None


def _to_fact(doc: DocContext, d: _Draft) -> Agreement:
    return Agreement(
        doc=doc.name,
        doc_date=doc.doc_date,
        evidence=d.evidence,
        confidence=d.confidence,
        rule=d.rule,
        kind=d.kind,
        parties=sorted_ids(d.parties),
        date=d.date.iso() if d.date else None,
        subject=_subject(doc.sentences[d.sentence].text, d.subject_at)
        or tidy(doc.sentences[d.mentions[0]].text)[:160],
    )


def extract(doc: DocContext) -> list[Agreement]:
    reader = _Reader(doc)
    for i in doc.body(reader.kinds):  # the body sentences holding a word of some kind of instrument
        reader.read(i)
    return [_to_fact(doc, d) for d in reader.finish()]
