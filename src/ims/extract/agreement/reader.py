"""Reads the instruments of one document in order: each cue of a sentence with its own window, parties
and date; a later definite mention or an amendment finds the instrument it names again; mentions of one
instrument are merged, and accessions join the agreement described next to them."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field

from ims.extract.agreement import cues as cue_words
from ims.extract.agreement.dating import (
    RELATIVE_DATE,
    UNRESOLVED_CONFIDENCE,
    compatible,
    date_for,
    more_precise,
    pronoun_signed_date,
    undated,
    usable_dates,
    week_signed,
    weekday_signed,
)
from ims.extract.agreement.parties import (
    BOTH,
    FIRST_PERSON,
    counted_group,
    counterparts_only,
    countries_in,
    discourse,
    firm_after,
    government_voice,
    listed_after,
    signing_minister,
)
from ims.extract.agreement.wording import (
    ACCESSION,
    AMENDMENT,
    ANNOUNCED,
    DEFINITE,
    EARLIER,
    NARRATED,
    SIGNED,
    SIGNED_PAST,
    SIGNED_PERFECT,
    requested,
)
from ims.extract.common import text_voice
from ims.extract.context import HOME, DocContext
from ims.extract.facts import Evidence
from ims.text.dates import DateError, DateMention, PartialDate
from ims.text.gazetteer import FRAMEWORK, ORG_IDS
from ims.text.ministers import ministers_in

RULE_INSTRUMENT = "agreement.instrument"
RULE_SIGNED_PLAN = "agreement.signed_plan"
RULE_AGREED = "agreement.agreed"
RULE_ACCESSION = "agreement.accession"

_CLAUSE_END = re.compile(r"[,;]")
_WITH_BEFORE = re.compile(r"\bmet\s+(?:de\s+|het\s+)?$")
NAME_AFTER = re.compile(r"\s+([A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|for|and|to))*)(?:\s+\(([A-Z][\w-]+)\))?")
# A declaration that is an instrument only when signed: "verklaring" alone, or a compound naming what it
# declares. ("gezamenlijke verklaring" names a joint one, an instrument as such.)
_BARE_DECLARATIONS = ("sverklaring", "defensieverklaring")
# Sentences back within which a definite mention finds the instrument it names again (or anywhere in the
# same section).
_ANAPHOR_REACH = 6
_ACCESSION_REACH = 2  # sentences around an accession where the agreement joined is described


@dataclass
class Draft:
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


@dataclass
class Reader:
    """Reads the instruments of one document in order, merging later mentions into earlier ones."""

    doc: DocContext
    drafts: list[Draft] = field(default_factory=list)
    bound: set[int] = field(default_factory=set)  # sentences whose countries an instrument took
    kinds: dict[int, tuple[str, ...]] = field(init=False)  # the kinds each sentence may hold

    def __post_init__(self) -> None:
        self.kinds = cue_words.kinds_by_sentence(self.doc)

    def read(self, i: int) -> None:
        doc = self.doc
        low = doc.lower(i)
        cues = cue_words.cues(low, self.kinds.get(i))
        if not cues:
            return
        dates = usable_dates(low, doc.dates(i))
        claimed: set[int] = set()
        windows = [
            (cues[k - 1].end() if k else 0, cues[k + 1].start() if k + 1 < len(cues) else len(low))
            for k in range(len(cues))
        ]
        consumed = 0
        for cue, (lo, hi) in zip(cues, windows, strict=True):
            lo = max(lo, consumed)
            listed, consumed = listed_after(doc, i, low, cue, lo, hi)
            kind = cue.lastgroup or "AGREEMENT"
            if cue_words.spending_norm(low, lo, hi):
                continue
            if kind == "AGREED":  # the verb's clause ends at its comma: "Was X ... overeengekomen, de plannen ..."
                comma = _CLAUSE_END.search(low, cue.end(), hi)
                hi = comma.start() if comma else hi
            if kind == "TREATY" and cue_words.founding(doc, i, cue, lo, hi):
                continue
            date = date_for(low, cue, lo, hi, dates, claimed)
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
        # So is a compound that says what it declares ("samenwerkingsverklaring", "partnerschapsverklaring").
        bare = cue.group(0) == "verklaring" or cue.group(0).endswith(_BARE_DECLARATIONS)
        statement = bare and not SIGNED.search(low, lo, hi)
        head = cue_words.head(kind, cue.group(0))
        window = listed or countries_in(doc, i, lo, hi)
        firm = firm_after(doc, i, cue.end(), hi)
        if firm is not None:  # "met de Duitse firma X": the firm's country is no party
            window = [code for code in window if code not in countries_in(doc, i, *firm)]
        named = bool(NAME_AFTER.match(text, cue.end())) and kind != "TREATY"
        amendment = bool(AMENDMENT.search(low, max(0, cue.start() - 40), cue.start()))
        definite = bool(DEFINITE.search(low, max(0, cue.start() - 40), cue.start())) and not (named or amendment)
        value = date.value if date else weekday_signed(doc, low, lo, hi) or week_signed(doc, low, lo, hi)
        if (
            value is not None and date is not None and date.relative and self._ahead(value)
            and SIGNED_PAST.search(low, lo, hi) and not ANNOUNCED.search(low, lo, hi)
        ):
            # "tekenden op 3 juli" in a June item: a signing told in the past lies before the text, so a day
            # without its year is last year's, not this year's still to come.
            with contextlib.suppress(DateError):  # 29 February in a year without it: left as read
                value = PartialDate(value.year - 1, value.month, value.day)
        if value is not None and self._ahead(value) and ANNOUNCED.search(low, lo, hi):
            # A signing planned for later ("streeft ernaar het in 2030 te ondertekenen"): not signed yet, so
            # an instrument announced now, which the conventions date with the document.
            value = None
        accession = kind == "AGREEMENT" and bool(ACCESSION.search(low, lo, hi))
        # Only an undated instrument takes a date from how it is told (see undated()).
        # News tells the event of the day in the perfect tense too ("Nederland en Estland hebben een
        # intentieverklaring getekend"); a letter in the government's voice so tells what may lie long before.
        told = NARRATED.search(low, lo, hi) or (SIGNED_PERFECT.search(low, lo, hi) and not government_voice(doc))
        narrated = value is None and bool(told) and not EARLIER.search(low, lo, hi)
        announced = value is None and bool(ANNOUNCED.search(low, lo, hi))
        amended = self._antecedent(i, kind, head, None) if amendment else None
        if amended is not None:  # the amendment binds the parties of what it amends and those it names
            window = sorted(set(window) | amended.parties)
        if definite and not listed:
            target = self._antecedent(i, kind, head, value)
            if target is not None:
                self._complete(target, i, window, value, narrated, announced)
                self._bind(i, window)
                return
        if statement or requested(low, text.rstrip().endswith("?"), lo, hi):
            return
        # At most 0.85, even with the parties listed after "tussen" or "met": kind, parties and date must all
        # be right, which on the development corpus they are less often than bulk acceptance needs (95 %).
        confidence = 0.85
        parties = list(window)
        signer = None
        if not any(code != HOME for code in parties):
            if any(code != HOME for code in countries_in(doc, i, 0, len(low))):
                return  # the sentence's foreign countries belong to its other instruments
            if firm is not None:
                return  # "een overeenkomst met Lockheed Martin": a contract with a firm, not between states
            # The other side: a framework the window names ("het MoU over de JEF"), the text's own country
            # being this one; else the paragraph's partner. Who signs: a minister the window names (for the
            # country he serves), else an unqualified "minister van Defensie" (the text's own).
            framework = next((m.id for m in doc.mentions(i) if lo <= m.start < hi and m.kind == FRAMEWORK), None)
            # An organisation the window names as the other side: "heeft met de NAVO een MoU gesloten".
            framework = framework or next(
                (
                    m.id for m in doc.mentions(i)
                    if lo <= m.start < hi and m.id in ORG_IDS and not m.members
                    and _WITH_BEFORE.search(low, max(0, m.start - 12), m.start)
                ),
                None,
            )
            signer = signing_minister(doc, i, lo, hi, named_only=True)
            if framework is not None:
                signer = signer or text_voice(doc)
                parties, confidence = sorted({*parties, framework, signer}), 0.7
            else:
                if signer is None:
                    counted = counted_group(doc, i, low, lo, hi)
                    parties, confidence = counted or discourse(doc, i, self.bound) or parties, 0.7
                    signer = signing_minister(doc, i, lo, hi)
                if signer is not None:  # with the paragraph's partner as the other side, or alone (less sure)
                    confidence = min(confidence, 0.7 if parties else 0.6)
                    parties = sorted({*parties, signer})
        if not parties and rule == RULE_AGREED:
            return  # "Binnen de NAVO is afgesproken dat ...": a decision of the alliance, no one signing
        if not parties:
            parties, confidence = list(doc.organisations(i) or doc.section_organisations(i)), 0.6
        if not parties and government_voice(doc):
            parties, confidence = [HOME], 0.5
        foreign = [p for p in parties if p != HOME]
        if (
            parties
            and HOME not in parties
            and signer is None
            and (
                (len(foreign) == 1 and foreign[0] not in ORG_IDS)
                or FIRST_PERSON.search(low, lo, hi)
                or (len(foreign) < 2 and BOTH.search(low, lo, hi))
                or counterparts_only(doc, i, low, lo, hi)
            )
        ):
            # The other side is the minister the window names ("De Maizière ... met zijn Poolse collega"),
            # else the country whose text this is (the Netherlands, or Belgium whose news says "ons land").
            counterpart = "collega" in low or "ambtgeno" in low  # only then is a named minister the other side
            named = [code for _, code in ministers_in(text, lo, hi) if code not in parties] if counterpart else []
            voice = text_voice(doc)
            parties.append(named[0] if named else voice if voice not in parties else HOME)
        if value is None and doc.date is None and RELATIVE_DATE.search(low, lo, hi):
            confidence = min(confidence, UNRESOLVED_CONFIDENCE + 0.15)  # lowered by 0.15 more below
        self._bind(i, window)
        self.drafts.append(
            Draft(
                kind=kind, rule=RULE_ACCESSION if accession else rule, parties=set(parties), date=value,
                subject_at=cue.end(), evidence=doc.evidence(i),
                confidence=confidence if value else confidence - 0.15,
                sentence=i, head=head, signed_narrated=narrated, announced=announced, accession=accession,
                mentions=[i],
            )
        )

    def _bind(self, i: int, window: list[str]) -> None:
        """Countries an instrument lists as its several parties are not the partner the paragraph is about
        (a single partner is: the next sentence may well be about the same bilateral relation)."""
        if len([code for code in window if code != HOME]) >= 2:
            self.bound.add(i)

    def _antecedent(self, i: int, kind: str, head: str, date: PartialDate | None) -> Draft | None:
        """The instrument a definite mention names again: the latest one shortly before with its word (when
        that one has another date, the mention is of another instrument)."""
        section = self.doc.section_start(i)
        for draft in reversed(self.drafts):
            if i - draft.sentence > _ANAPHOR_REACH and self.doc.section_start(draft.sentence) != section:
                return None
            if draft.kind == kind or draft.head == head or head in cue_words.GENERIC_HEADS:
                return draft if compatible(draft.date, date) else None
        return None

    @staticmethod
    def _complete(
        target: Draft, i: int, window: list[str], date: PartialDate | None, narrated: bool, announced: bool
    ) -> None:
        target.parties.update(window)
        if date is not None and (target.date is None or len(date.iso()) > len(target.date.iso())):
            target.date = date
            target.confidence = max(target.confidence, 0.85)
        target.signed_narrated |= narrated
        target.announced |= announced
        target.mentions.append(i)

    def _dated_next(self, draft: Draft) -> None:
        """An undated instrument whose next sentence tells its signing with a pronoun takes that date; less
        sure, as the date comes from another sentence than the instrument's."""
        i = draft.sentence + 1
        if i >= len(self.doc.sentences) or self.kinds.get(i):
            return
        date = pronoun_signed_date(self.doc, i)
        if date is not None:
            draft.date, draft.confidence = date, min(draft.confidence + 0.15, 0.7)
            draft.mentions.append(i)

    def finish(self) -> list[Draft]:
        for draft in self.drafts:
            if draft.date is None:
                self._dated_next(draft)
        for draft in self.drafts:
            if draft.accession:
                self._join_accession(draft)
        merged: list[Draft] = []
        for draft in self.drafts:
            if not draft.parties:
                continue  # an instrument no party of which the text names (it may still have been named again)
            target = next(
                (
                    m
                    for m in reversed(merged)
                    if m.kind == draft.kind and m.parties == draft.parties and compatible(m.date, draft.date)
                    and not (m.accession or draft.accession)
                ),
                None,
            )
            if target is None:
                merged.append(draft)
                continue
            if draft.date is not None and (target.date is None or len(draft.date.iso()) > len(target.date.iso())):
                target.evidence, target.confidence = draft.evidence, max(target.confidence, draft.confidence)
            target.date = more_precise(target.date, draft.date)
            target.signed_narrated |= draft.signed_narrated
            target.announced |= draft.announced
            target.mentions += draft.mentions
        for draft in merged:
            if draft.date is None:
                draft.date = undated(
                    self.doc, announced=draft.announced, accession=draft.accession, narrated=draft.signed_narrated
                )
        return merged

    def _ahead(self, date: PartialDate) -> bool:
        """Whether ``date`` lies after the document's own date, at the precision both give."""
        own = self.doc.date
        if own is None:
            return False
        a, b = date.iso(), own.iso()
        n = min(len(a), len(b))
        return a[:n] > b[:n]

    def _join_accession(self, draft: Draft) -> None:
        near = [
            other for other in self.drafts
            if other is not draft and abs(other.sentence - draft.sentence) <= _ACCESSION_REACH and other.parties
        ]
        if near:
            closest = min(near, key=lambda other: abs(other.sentence - draft.sentence))
            draft.parties |= closest.parties
            draft.confidence = min(draft.confidence, 0.7)

