"""``procurement``: equipment the Netherlands acquires with or from a partner.

A sentence counts when it reports an acquisition that is decided or under way, by the Netherlands (named,
"we", "Defensie", the Dutch services, or "beide landen" in a text about the Netherlands and a partner),
not a possibility or a wish ("biedt perspectieven", "wordt gezocht naar", "wil kopen", "zou"). The
acquisition is said with a noun ("aanschaf van", "verwerving van", "vervanging van", "een order van") or a
verb ("koopt", "schaft ... aan", "verwerft", "bestelt", "vervangt ... door", "samen ... aanschaffen").

What is acquired: a system of the reference lists in the clause of that word ("Defensie verwerft
minimaal 46 Leopard 2A8-gevechtstanks"), named as the text writes it and run on over a type designation
("Leopard 2A8 DTV's"); a designated or named system after "<actie> van" that the lists do not know
("aanschaf van twaalf extra Boxer-voertuigen"); or a counted class noun ("een order van twee toestellen",
"de 37 gevechtsvliegtuigen") standing for the system of that class named in the sentences around it. What
is replaced is not acquired where the text names its successor ("vervangt de M-fregatten door
ASW-fregatten"); a capability ("mijnenbestrijdingscapaciteit") is named by the text's word for the
vessels or aircraft of its entry.

Quantity: the number before the system ("acht of negen" is none), or the share per country ("twee per
land", "elk ... twee"). Year: the year stated in the clause, else the document's; none for what was
ordered or decided earlier ("al eerder besteld", "waartoe het vorige kabinet al had besloten", "naast de 37
die al ..."). Partner: the partner named as buying together ("samen met België", "van Nederland en
België"), else the country the system comes from (the F-35 from the US), else the partner of the
paragraph. Firms and shipyards are not partners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ims.extract.common import Needs, home_voice, noun_phrase, tidy
from ims.extract.context import HOME, DocContext, register_keywords
from ims.extract.facts import Procurement
from ims.text.gazetteer import COUNTRY, SYSTEM, RefMention, reference_index
from ims.text.numbers import find_amounts, find_cardinals

KEYWORDS = register_keywords(
    "aanschaf", "aankoop", "aangekocht", "verwerv", "verwerft", "bestel", "gekocht",
    "aangeschaft", "koopt", "kocht", "kopen", "schaft", "schaffen", "modernisering", "upgrade", "vervang",
    "remanufacture", "levering", "order",
)
_MONEY_CUES = register_keywords("€", "euro", "dollar")
# The nouns for what systems are ("toestellen", "fregatten"): a sentence without one counts none.
_CLASS_NOUNS = frozenset(
    noun for entry in reference_index().entries.values() if entry.kind == SYSTEM for noun in entry.classes
)
_CLASS_WORDS = register_keywords(*sorted(_CLASS_NOUNS))
_ADDITION_CUES = register_keywords("naast de ", "boven op de ", "bovenop de ", "in aanvulling op de ")
_ACTION = re.compile(
    r"\b(?:aanschaf|aanschaffing|aankoop|verwerving|modernisering|upgrade|vervanging|remanufacture|levering"
    r"|bestelling|koop|order)\s+van\s+(?:de\s+|het\s+|een\s+)?"
)
_CUE = re.compile(
    r"\b(?:aanschaf\w*|aankoop|aangekocht|verwerv\w*|verwerft|bestel\w*|besteld|gekocht|aangeschaft|koopt|kocht"
    r"|kopen|schaft|schaffen|modernisering|upgrade|vervang\w*|remanufacture|levering|order)\b"
)
_ORDERED_WORDS = ("besteld", "gekocht", "aangeschaft", "geleverd", "aangekocht")
_ORDERED = re.compile(rf"\b(?:{'|'.join(_ORDERED_WORDS)})\b")
_HEDGE = Needs(
    r"\b(?:mogelijkhe\w*|perspectie\w*|gezocht|zoeken|onderzo\w*|studie\w*|overweeg\w*|overwogen|wens\w*"
    r"|beoogd\w*|voorbereid\w*|voorbereiding|bezig met|besluiten|zou|zouden|wil|willen|wilde|wilden)\b",
    (
        "mogelijkhe", "perspectie", "gezocht", "zoeken", "onderzo", "studie", "overweeg", "overwogen", "wens",
        "beoogd", "voorbereid", "bezig met", "besluiten", "zou", "wil",
    ),
)
_BUYER = Needs(
    r"\b(?:koninklijke (?:marine|landmacht|luchtmacht|marechaussee)|defensie|materieelsamenwerking"
    r"|beide landen|de twee landen|het kabinet)\b",
    ("koninklijke ", "defensie", "materieelsamenwerking", "beide landen", "de twee landen", "het kabinet"),
)
_EARLIER = re.compile(r"\b(?:al eerder|eerder|reeds|vorige kabinet|al\b[^,.;]{0,60}\b(?:besloten|besteld|geplaatst))")
# A project's title ("het project «Vervanging M-fregatten»", "Vervanging F-16") names no acquisition itself.
_TITLE_BEFORE = re.compile(r"(?:«[^»]*|\bVervanging\s+(?:van\s+)?(?:de\s+)?)$")
_IN_ADDITION = re.compile(r"\b(?:naast|boven ?op|bovenop|in aanvulling op)\s+(?:de|het)\s+$")
_IN_ADDITION_ANYWHERE = re.compile(r"\b(?:naast|boven ?op|bovenop|in aanvulling op)\s+(?:de|het)\s+\d")
_DESIGNATOR = re.compile(r"\b[A-Z][A-Za-z]{0,4}-?\d{1,3}[A-Za-z]?(?:\s+[A-Z][a-z]{2,})?")
_PROPER_COMPOUND = re.compile(r"\b([A-Z][a-zA-Z]{2,})-[a-z]")
_PLURAL = re.compile(r"(?<=\w)['’]?s$")
_GENERIC = frozenset(
    {
        "materieel", "capaciteiten", "middelen", "systemen", "wapensystemen", "uitrusting", "onderdelen",
        "eenheden", "krijgsmacht", "strijdkrachten", "vloot", "organisatie", "reservedelen", "documentatie",
        "squadron", "squadrons", "nederland", "defensie", "toestel", "toestellen", "vliegtuig", "vliegtuigen",
        "systeem", "voertuig", "voertuigen", "schip", "schepen", "raketten",
    }
)
# Words between a number and what it counts: "minimaal 46 Leopard", "4 zogeheten", "twaalf extra".
_COUNT_GAP = re.compile(r"^\s+(?:(?:extra|nieuwe|zogeheten|zogenoemde|zogenaamde|moderne|onbemande)\s+)*$")
_ALTERNATIVE = re.compile(r"\b(?:of|tot|à)\s+$")
_SHARE_AFTER = re.compile(r"^[^.;]{0,40}?\b(\w+)\s+per\s+land\b")
_EACH = re.compile(r"\b(?:elk|ieder)\b")
_REPLACED_BY = re.compile(r"\bdoor\s+")
_CLAUSE_CUT = re.compile(r",\s+(?!\w+\s+per\s+land)|;|\s+en\s+(?=(?:de|het)\s+(?:aanschaf|verwerving|vervanging))")
_JOINT = re.compile(r"\b(?:gezamenlijk\w*|samen|beide landen|de twee landen|per land)\b")
_CAPABILITY = "capaciteit"
_COUNTED = re.compile(r"\s+(?:(?:extra|nieuwe|zogeheten)\s+)*([\w’']+)")
_DESIGNATION_TAIL = re.compile(r"^\s(?:[A-Z]{2,5}|[A-Z]?\d[\w-]*)(?=['’]?s?\b)")
# What follows a country's name when it names a firm: "de Belgische industrie", "het Franse Naval Group".
_FIRM_WORDS = re.compile(
    r"^\s*(?:industrie|bedrijfsleven|bedrijf|scheepswerf|defensie-industrie|[A-Z][a-z]+\s+(?:Group|Systems|Industries))\b"
)
_SYSTEM_LINK = {"fw_mmf": "sys_mrtt"}  # programmes that are about one system: the fleet's aircraft


@dataclass
class _Item:
    system: str
    key: str  # the entry id, or the name in lower case
    start: int
    quantity: int | None
    earlier: bool
    origin: str | None
    confidence: float
    rule: str
    replaced: bool = False  # named only as what a "vervanging" replaces
    year: int | None = None  # the year its clause states


def _clauses(text: str) -> list[tuple[int, int]]:
    """Clauses of a sentence: between commas and semicolons (not before "... per land")."""
    spans, start = [], 0
    for m in _CLAUSE_CUT.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _clause_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    return next(((a, b) for a, b in spans if a <= pos < b), (0, 0))


def _count_before(text: str, start: int) -> tuple[int | None, int]:
    """The number just before a system ("minimaal 46 Leopard", "4 zogeheten"), and where it starts;
    (None, start) where there is none or the text gives alternatives ("acht of negen")."""
    offset = max(0, start - 40)
    found = [c for c in find_cardinals(text[offset:start]) if c.value not in range(1900, 2101)]
    if not found:
        return None, start
    c = found[-1]
    between = text[offset + c.end : start]
    if between.strip() and not _COUNT_GAP.match(between):
        return None, start
    if _ALTERNATIVE.search(text[max(0, offset + c.start - 6) : offset + c.start]):
        return None, offset + c.start  # "acht of negen extra F-35's": no one number
    return c.value, offset + c.start


def _share_after(text: str, end: int) -> int | None:
    """ "de M-fregatten van Nederland en België, twee per land": each country's share."""
    share = _SHARE_AFTER.match(text[end:])
    if share:
        cards = find_cardinals(share.group(1))
        return cards[0].value if cards else None
    return None


def _system_name(doc: DocContext, i: int, m: RefMention) -> tuple[str, int]:
    """The system as the text names it, run on over a type designation ("Leopard 2A8 DTV's"); a
    capability is named by the text's word for its vessels or aircraft."""
    text = doc.sentences[i].text
    name, end = m.surface, m.end
    tail = _DESIGNATION_TAIL.match(text[end:])
    if tail:
        name, end = name + tail.group(), end + tail.end()
    name = _PLURAL.sub("", name) if name[-1:] in "s" and name[-3:-1].isupper() else name
    entry = doc.reference_index.get(m.id)
    if len(name.split()) > 3:
        return entry.name, end  # "Anti Submarine Warfare (ASW-) fregatten": the usual short name
    if name.lower().endswith(_CAPABILITY):
        return _vessel_word(doc, m.id) or entry.name, end
    return name, end


def _vessel_word(doc: DocContext, ident: str) -> str | None:
    """How the text otherwise calls the things of an entry ("mijnenbestrijdingsvaartuigen")."""
    for j in sorted(doc._references_by_sentence):  # the few sentences that name any entry
        for m in doc.references(j):
            if m.id == ident and not m.surface.lower().endswith(_CAPABILITY):
                return m.surface
    return None


def _nearby_system(doc: DocContext, i: int, noun: str) -> tuple[str, str, str | None] | None:
    """The system a class noun stands for ("twee toestellen" after "MRTT"): the nearest entry of that class
    named in the sentences around ``i`` (earlier first)."""
    index = doc.reference_index
    for j in (i, i - 1, i - 2, i - 3, i + 1, i + 2):
        if not 0 <= j < len(doc.sentences):
            continue
        for m in reversed(doc.references(j)):
            ident = _SYSTEM_LINK.get(m.id, m.id)
            entry = index.entries.get(ident)
            if entry is not None and entry.kind == SYSTEM and noun in entry.classes:
                return entry.name, entry.id, entry.origin
    return None


def _class_nouns(doc: DocContext) -> frozenset[str]:
    return _CLASS_NOUNS if doc.reference_index is reference_index() else frozenset(
        noun for entry in doc.reference_index.entries.values() if entry.kind == SYSTEM for noun in entry.classes
    )


def _replaced(text: str, m: RefMention, systems: list[RefMention]) -> bool:
    """ "vervangt de M-fregatten door ASW-fregatten": the first is what goes, not what is bought."""
    after = text[m.end : m.end + 60]
    door = _REPLACED_BY.search(after)
    return bool(door) and any(other.start >= m.end + door.end() - 1 for other in systems if other.id != m.id)


def _only_replaced(low: str, clause: tuple[int, int], cue: str | None, pos: int) -> bool:
    """ "de vervanging van de M-fregatten": named as what goes (not "vervangt ... door <what comes>")."""
    if not cue or not cue.startswith("vervang"):
        return False
    at = low.find(cue, clause[0], clause[1])
    return not (0 <= at < pos and " door " in low[at:pos])


def _spans_of(mentions: list[RefMention]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in mentions]


def _cue_in(cues: list[tuple[int, str]], clause: tuple[int, int]) -> str | None:
    """The acquisition word in the clause, if any (the one nearest its start)."""
    return next((word for pos, word in cues if clause[0] <= pos < clause[1]), None)


def _items(doc: DocContext, i: int) -> list[_Item]:
    text, low = doc.sentences[i].text, doc.lower(i)
    spans = _clauses(text)
    cues = [(c.start(), c.group()) for c in _CUE.finditer(low)]
    paid = bool(find_amounts(text)) if "€" in text or "euro" in low or "dollar" in low else False
    if not cues and not paid and not _IN_ADDITION_ANYWHERE.search(low):
        return []
    index = doc.reference_index
    systems = [m for m in doc.references(i) if index.get(_SYSTEM_LINK.get(m.id, m.id)).kind == SYSTEM]
    out: list[_Item] = []
    taken: list[tuple[int, int]] = []
    for m in systems:
        clause = _clause_of(spans, m.start)
        cue = _cue_in(cues, clause)
        entry = index.get(_SYSTEM_LINK.get(m.id, m.id))
        name, end = _system_name(doc, i, m) if entry.id == m.id else (entry.name, m.end)
        count, count_start = _count_before(text, m.start)
        # "De beide landen leggen elk 2 miljard euro neer om hun marine met twee ASW-fregatten te versterken":
        # money paid for a number of systems is an acquisition too.
        paid_for = cue is None and paid and count is not None
        if (cue is None and not paid_for) or _replaced(text, m, systems) or _FIRM_WORDS.match(text[end:]):
            continue
        if _TITLE_BEFORE.search(text, max(0, m.start - 60), m.start):
            continue
        in_addition = _IN_ADDITION.search(low, max(0, count_start - 30), count_start)
        # "de aanschaf van twaalf Boxers en de 40 CV90's die al eerder waren besteld": the words between the
        # systems of a clause belong to the one before them.
        lo = max([e for s_, e in _spans_of(systems) if e <= m.start and s_ >= clause[0]], default=clause[0])
        hi = min([s_ for s_, _ in _spans_of(systems) if s_ > m.start and s_ < clause[1]], default=clause[1])
        earlier = bool(_EARLIER.search(low, lo, hi) or in_addition)
        quantity = count if count is not None else _share_after(text, end)
        rule = "procurement.paid_for" if paid_for else "procurement.system"
        out.append(
            _Item(name, entry.id, m.start, quantity, earlier, entry.origin, 0.65 if paid_for else 0.85, rule,
                  replaced=_only_replaced(low, clause, cue, m.start))
        )
        taken.append((m.start, end))
    # Systems the lists do not know, after "<actie> van": "aanschaf van twaalf extra Boxer-voertuigen".
    for a in _ACTION.finditer(text) if cues else ():
        phrase = noun_phrase(text, a.end())
        if any(a.end() <= s < a.end() + len(phrase) for s, _ in taken):
            continue
        system = _system(phrase, _class_nouns(doc))
        if system:
            clause = _clause_of(spans, a.start())
            earlier = bool(_EARLIER.search(low, clause[0], clause[1]))
            out.append(
                _Item(system, system.lower(), a.end(), _head_count(phrase), earlier, None, 0.75,
                      "procurement.action_of")
            )
    # Counted class nouns: "een order van twee toestellen", "naast de 37 gevechtsvliegtuigen die al ...".
    classes = _class_nouns(doc)
    for c in find_cardinals(text) if i in doc.having(_CLASS_WORDS) else ():
        word = _COUNTED.match(text, c.end)
        if not word or word.group(1).lower() not in classes or c.value in range(1900, 2101):
            continue
        pos = word.start(1)
        if any(s <= pos < e for s, e in taken) or _ALTERNATIVE.search(text[max(0, c.start - 6) : c.start]):
            continue
        clause = _clause_of(spans, pos)
        in_addition = _IN_ADDITION.search(low, max(0, c.start - 30), c.start)
        if not (_cue_in(cues, clause) or in_addition):
            continue
        system = _nearby_system(doc, i, word.group(1).lower())
        if system is None:
            continue
        name, ident, origin = system
        earlier = bool(_EARLIER.search(low, clause[0], clause[1]) or in_addition)
        out.append(_Item(name, ident, pos, c.value, earlier, origin, 0.7, "procurement.counted_class"))
    dates = doc.dates(i)
    for item in out:  # the year its clause states, else the sentence's ("In 2030 is ... voortgezet voor ...")
        clause = _clause_of(spans, item.start)
        in_clause = [d.value.year for d in dates if clause[0] <= d.start < clause[1]]
        item.year = in_clause[0] if in_clause else (dates[0].value.year if dates else None)
    return out


def _head_count(phrase: str) -> int | None:
    """A number at the head of the phrase ("twaalf extra Boxer-voertuigen")."""
    found = find_cardinals(phrase[:40])
    return found[0].value if found and not phrase[: found[0].start].strip() else None


def _system(phrase: str, classes: frozenset[str] = frozenset()) -> str | None:
    """The short name of the system in a noun phrase, or None for a generic one."""
    designator = _DESIGNATOR.search(phrase)
    if designator:
        return _PLURAL.sub("", designator.group()) if designator.group()[-2:-1].isdigit() else designator.group()
    proper = _PROPER_COMPOUND.search(phrase)
    if proper:
        return proper.group(1)
    words = [w for w in phrase.split() if not w[0].isdigit()]
    last = words[-1].lower() if words else ""
    if not words or last in _GENERIC or last.endswith("organisatie") or words[-1][0].isupper():
        return None
    if words[-1].lower() in classes and _head_count(phrase) is not None:
        return None  # "een order van twee toestellen": a counted class noun stands for a system named nearby
    return tidy(words[-1])


def _partners(doc: DocContext, i: int, item: _Item) -> tuple[str | None, float]:
    """The partner buying together with the Netherlands, else the country the system comes from."""
    text = doc.sentences[i].text
    named = [
        m.id
        for m in doc.mentions(i)
        if m.kind == COUNTRY and m.id != HOME and not _FIRM_WORDS.match(text[m.end :])
    ]
    if item.replaced and not _JOINT.search(doc.lower(i)):
        return None, 0.0  # a replacement is procurement with a partner only where they replace together
    if named:
        return named[0], 0.0
    # The partner the paragraph is about ("De materieelsamenwerking met Duitsland groeit. Met de aanschaf
    # van ..."), else the country the system comes from.
    context = [c for c in doc.discourse_countries(i, window=2) if c != HOME]
    if context:
        return context[0], -0.1
    if item.origin and item.origin != HOME:
        return item.origin, -0.05
    context = [c for c in doc.discourse_countries(i) if c != HOME]
    return (context[0], -0.2) if context else (None, 0.0)


def _buyer(doc: DocContext, i: int, low: str) -> bool:
    return bool(home_voice(doc, i) or _BUYER.search(low) or (i > 0 and home_voice(doc, i - 1)))


def extract(doc: DocContext) -> list[Procurement]:
    facts: dict[tuple[str, str, int | None, int | None], Procurement] = {}
    replaced: dict[str, str] = {}  # system names that only a "vervanging" names -> their entry id
    # Sentences with an acquisition word; those with an amount of money or "naast de 37 ..." only where they
    # name a system of the lists.
    named = doc._references_by_sentence.keys()
    others = (doc.having(_MONEY_CUES) & named) | doc.having(_ADDITION_CUES)
    for i in sorted(set(doc.candidates(KEYWORDS)) | set(doc.body(others))):
        low = doc.lower(i)
        if _HEDGE.search(low) or not _buyer(doc, i, low):
            continue
        for item in _items(doc, i):
            partner, adjust = _partners(doc, i, item)
            if partner is None:
                continue
            year = None if item.earlier else (item.year or doc.year)
            key = (partner, item.key, item.quantity, year)
            if item.replaced:
                replaced.setdefault(item.system, item.key)
            if key in facts:
                continue
            facts[key] = Procurement(
                doc=doc.name,
                doc_date=doc.doc_date,
                evidence=doc.evidence(i),
                confidence=round(item.confidence + adjust, 2),
                rule=item.rule,
                partner=partner,
                system=item.system,
                quantity=item.quantity,
                year=year,
            )
    return _merge_shares(doc, _without_replaced(doc, list(facts.values()), replaced))


def _without_replaced(doc: DocContext, found: list[Procurement], replaced: dict[str, str]) -> list[Procurement]:
    """ "Nederland doet dat bij de vervanging van de vier M-fregatten": what is replaced is not bought when
    the text acquires a successor of the same class (the ASW-fregatten)."""
    if not replaced:
        return found
    index = doc.reference_index
    entries = {f.system: index.entries.get(replaced.get(f.system, "")) or index.lookup(f.system) for f in found}
    out = []
    for fact in found:
        entry = entries[fact.system]
        if fact.system in replaced and entry is not None:
            successors = [
                other
                for other in found
                if other.system not in replaced
                and (e := entries[other.system]) is not None
                and e.id != entry.id
                and set(e.classes) & set(entry.classes)
            ]
            if successors:
                continue
        out.append(fact)
    return out


def _merge_shares(doc: DocContext, found: list[Procurement]) -> list[Procurement]:
    """One fact per (partner, system, year): a stated quantity beats none."""
    out: dict[tuple[str, str, int | None], Procurement] = {}
    for fact in found:
        key = (fact.partner, fact.system.lower(), fact.year)
        known = out.get(key)
        if known is None or (known.quantity is None and fact.quantity is not None):
            out[key] = fact
    return list(out.values())
