"""``agreement``: a signed or announced cooperation instrument (MoU, declaration or letter of intent,
joint vision statement, treaty, agreement, action plan).

An instrument is recognised by its name ("Memorandum of Understanding", "intentieverklaring",
"raamverdrag", "samenwerkingsovereenkomst", "visiedocument", "actieplan", ...). Its date is the date
written after it ("een MoU ... getekend in juni 2019") or, failing that, one before it that no other
instrument in the sentence claims ("Op 3 mei jl. heb ik ... een visiedocument getekend"). Its parties
are the countries in the sentence, or else the partner the paragraph is about, or else the organisation of
the section; the Netherlands is a party when the letter speaks for it or when only one foreign party is
named. Later mentions of the same instrument ("de DOI", "het MoU") are merged into it. Negated or
conditional mentions ("niet geleid tot een akkoord", "wanneer een akkoord wordt bereikt") are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ims.extract.common import expand, home_voice, sorted_ids, tidy
from ims.extract.context import HOME, DocContext, register_keywords
from ims.extract.facts import Agreement, Evidence
from ims.text.dates import DateMention, PartialDate
from ims.text.gazetteer import ORG_IDS

KEYWORDS = register_keywords(
    "memorandum", "mou", "declaration of intent", "doi", "letter of intent", "loi", "intentieverklaring",
    "vision statement", "jvs", "verdrag", "treaty", "actieplan", "action plan", "overeenkomst",
    "visiedocument", "akkoord", "agreement",
)
_KINDS = (
    ("MoU", r"memorandum of understanding|mou(?:'s)?"),
    ("DOI", r"declaration of intent|doi"),
    ("LOI", r"letter of intent|loi|intentieverklaring(?:en)?"),
    ("JVS", r"joint vision statement|jvs"),
    ("TREATY", r"\w*verdrag(?:en)?|treaty"),
    ("ACTION_PLAN", r"actieplan(?:nen)?|action plan"),
    ("AGREEMENT", r"\w*overeenkomst(?:en)?|visiedocument(?:en)?|(?:voorlopig(?:e)?\s+)?akkoord|agreement"),
)
# One \b in front of all kinds rather than one in front of each: the regex engine then tries them only where
# a word starts, several times faster.
_CUE = re.compile(r"\b(?:" + "|".join(rf"(?P<{kind}>(?:{pattern})\b)" for kind, pattern in _KINDS) + ")")
# "\w*verdrag" and "\w*overeenkomst" make the engine read every word to its end: in a sentence without the
# word a variant without that alternative finds just the same, faster.
_WORD_ENDS = ("verdrag", "overeenkomst")
_CUES = {
    (verdrag, overeenkomst): re.compile(
        _CUE.pattern.replace("" if verdrag else r"\w*verdrag(?:en)?|", "").replace(
            "" if overeenkomst else r"\w*overeenkomst(?:en)?|", ""
        )
    )
    for verdrag in (False, True)
    for overeenkomst in (False, True)
}
_NOT_AN_INSTRUMENT = re.compile(
    r"(?:niet|geen)\b[^.]{0,40}$|\b(?:wanneer|indien|zodra|mits|tenzij)\b[^.]{0,60}$|akkoord\s+(?:gaan|gegaan|ga)\b"
)
_NEGATED_AFTER = re.compile(r"^\W*(?:wordt|is|zal)\s+(?:niet|nog niet)\b")
_FOUNDING = re.compile(
    r"(?:navo|eu|vn|nato|noord-atlantisch)[- ]?verdrag|verdrag (?:van|betreffende|inzake) |atlantic treaty"
)
_CONCLUDED = re.compile(
    r"\b(?:ondertek\w*|getekend|tekende\w*|gesloten|sloten|sloot|afgesloten|overeengekomen"
    r"|bereikt|aangegaan|geratificeerd|ratificatie|bekrachtig\w*|aangekondigd)\b"
)
_SUBJECT = re.compile(
    r"\b(?:over|inzake|betreffende|ter|met betrekking tot|op het (?:gebied|terrein) van)\s+"
)
_NAME_AFTER = re.compile(r"\s+([A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|for|and|to))*)(?:\s+\(([A-Z][\w-]+)\))?")


@dataclass
class _Draft:
    kind: str
    parties: tuple[str, ...]
    date: PartialDate | None
    subject: str | None
    evidence: Evidence
    confidence: float
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


def _dates_for(cues: list[re.Match[str]], dates: list[DateMention]) -> list[DateMention | None]:
    """Give each instrument the first date after it (before the next one), else an unclaimed one before."""
    claimed: set[int] = set()
    chosen: list[DateMention | None] = []
    for n, cue in enumerate(cues):
        stop = cues[n + 1].start() if n + 1 < len(cues) else 10**9
        after = [k for k, d in enumerate(dates) if cue.end() <= d.start < stop and k not in claimed]
        chosen.append(dates[after[0]] if after else None)
        if after:
            claimed.add(after[0])
    for n, cue in enumerate(cues):
        if chosen[n] is None:
            before = [k for k, d in enumerate(dates) if d.end <= cue.start() and k not in claimed]
            if before:
                chosen[n] = dates[before[-1]]
                claimed.add(before[-1])
    return chosen


def _parties(doc: DocContext, i: int) -> tuple[list[str], int, float]:
    """Parties of an instrument in sentence ``i``, the first sentence they come from, and a confidence."""
    named = expand(doc.mentions(i))
    if any(code != HOME for code in named):
        return named, i, 0.9
    context = doc.discourse_countries(i)
    if context:  # the paragraph is about the Netherlands' relation with this partner
        return [*context, HOME], (i - 1 if i > 0 else i), 0.7
    orgs = doc.organisations(i) or doc.section_organisations(i)
    return orgs, i, 0.6


def _subject(text: str, cue: re.Match[str]) -> str | None:
    named = _NAME_AFTER.match(text, cue.end())
    if named and not text[cue.end() : named.start(1)].strip():
        return tidy(named.group(1))
    m = _SUBJECT.search(text, cue.end())
    if m and m.start() - cue.end() < 60:
        rest = re.split(r"[.;]|,\s(?:en|die|dat|waarbij)\b", text[m.end() :])[0]
        return tidy(rest)[:160] or None
    return None


def _mentions(doc: DocContext, i: int) -> list[_Draft]:
    text, low = doc.sentences[i].text, doc.lower(i)
    cues = []
    for m in _CUES[("verdrag" in low, "overeenkomst" in low)].finditer(low):
        if cues and cues[-1].lastgroup == m.lastgroup:
            continue  # "Memorandum of Understanding (MoU)": one instrument
        if _NOT_AN_INSTRUMENT.search(low, max(0, m.start() - 60), m.start()) or _NEGATED_AFTER.match(
            low[m.end() :]
        ):
            continue
        if (
            m.lastgroup == "TREATY"
            and _FOUNDING.search(low, max(0, m.start() - 25), m.end() + 12)
            and not _CONCLUDED.search(low)
        ):
            continue  # "artikel 5 van het NAVO-verdrag": a founding treaty, not a new instrument
        cues.append(m)
    if not cues:
        return []
    parties, first, confidence = _parties(doc, i)
    if not parties:
        return []
    foreign = [p for p in parties if p != HOME]
    if home_voice(doc, i) or (len(foreign) == 1 and foreign[0] not in ORG_IDS):
        parties = [*parties, HOME]
    drafts = []
    for cue, date in zip(cues, _dates_for(cues, doc.dates(i)), strict=True):
        drafts.append(
            _Draft(
                cue.lastgroup or "AGREEMENT",
                sorted_ids(parties),
                date.value if date else None,
                _subject(text, cue),
                doc.evidence(first, i),
                confidence if date else confidence - 0.2,
                [i],
            )
        )
    return drafts


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    merged: list[_Draft] = []
    for draft in drafts:
        target = next(
            (
                m
                for m in reversed(merged)
                if m.kind == draft.kind and m.parties == draft.parties and _compatible(m.date, draft.date)
            ),
            None,
        )
        if target is None:
            merged.append(draft)
            continue
        if draft.date is not None and (target.date is None or len(draft.date.iso()) > len(target.date.iso())):
            target.evidence, target.confidence = draft.evidence, max(target.confidence, draft.confidence)
        target.date = _more_precise(target.date, draft.date)
        target.subject = target.subject or draft.subject
        target.mentions += draft.mentions
    return merged


def _to_fact(doc: DocContext, d: _Draft) -> Agreement:
    return Agreement(
        doc=doc.name,
        doc_date=doc.doc_date,
        evidence=d.evidence,
        confidence=d.confidence,
        kind=d.kind,
        parties=d.parties,
        date=d.date.iso() if d.date else None,
        subject=d.subject or tidy(doc.sentences[d.mentions[0]].text)[:160],
    )


def extract(doc: DocContext) -> list[Agreement]:
    drafts = [d for i in doc.candidates(KEYWORDS) for d in _mentions(doc, i)]
    return [_to_fact(doc, d) for d in _merge(drafts)]
