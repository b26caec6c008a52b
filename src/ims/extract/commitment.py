"""``commitment``: a commitment (toezegging) to Parliament, or a request by a member.

Two kinds of sentence count:

* a request or question by a named member ("op verzoek van het lid Jansen", "de door het lid De Vries
  gestelde vragen", "de motie van de leden X en Y"): one fact per member and document;
* a promise to Parliament without a member: a dated toezegging ("mijn toezegging tijdens het
  wetgevingsoverleg van maart 2030") or a future promise to inform the Kamer ("zal ik ingaan
  op", "zal het kabinet u informeren", "De Kamer zal ... ontvangen"). A remark that earlier promises have
  been handled ("De toezeggingen ... zijn verwerkt") is not a new commitment.

The date is the debate's date in the sentence; else, for a member's request, the date of the debate the
paragraph was just talking about; else the letter's own date.
"""

from __future__ import annotations

import re

from ims.extract.common import Needs, tidy
from ims.extract.context import DocContext, register_keywords
from ims.extract.facts import Commitment
from ims.text.dates import PartialDate

KEYWORDS = register_keywords(
    "toezegging", "toegezegd", "zeg ik toe", "het lid ", "de leden ", "kamerlid", "motie", "zal ik",
    "zal het kabinet", "de kamer zal", "informeren",
)
_PARTICLE = r"(?:(?:[Vv]an\s+(?:der\s+|den\s+|de\s+)?|[Dd]e\s+|[Dd]en\s+|[Tt]er\s+|[Tt]en\s+))?"
_SURNAME = rf"{_PARTICLE}[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?"
_MEMBER = re.compile(
    rf"\b(?:het\s+(?:Kamer)?lid|Kamerlid|de\s+(?:Kamer)?leden|motie(?:\s+van)?(?:\s+het\s+lid|\s+de\s+leden)?)\s+"
    rf"({_SURNAME})(?:\s*(?:,|en)\s+({_SURNAME}))*"
)
_SURNAMES = re.compile(_SURNAME)
_PROMISE = Needs(
    r"\b(?:zal\s+(?:ik|het kabinet|de minister|de regering)\b|(?:ik|het kabinet|de regering)\s+zal\b"
    r"|zal\b[^.]{0,80}\binformeren\b|de kamer zal\b[^.]{0,80}\bontvangen\b|zeg(?:t)? (?:ik )?toe\b)",
    ("zal", "zeg"),
)
_PLEDGE = Needs(r"\b(?:toezegging|toegezegd)\b", ("toezegging", "toegezegd"))
_DEBATE = Needs(
    r"\b(?:begrotingsbehandeling|behandeling|overleg|debat|commissiedebat|notaoverleg"
    r"|wetgevingsoverleg|vragenuur|toezegging\w*|toegezegd)\b",
    ("behandeling", "overleg", "debat", "vragenuur", "toezegging", "toegezegd"),
)
_DONE = Needs(
    r"\b(?:verwerkt|afgehandeld|uitgevoerd|ingelost)\b", ("verwerkt", "afgehandeld", "uitgevoerd", "ingelost")
)
_SUBJECT = re.compile(r"\b(?:ingaan op|informeren over|in te gaan op|over)\s+")
_LOOK_BACK = 3


def _debate_date(doc: DocContext, i: int) -> PartialDate | None:
    """The date of the debate sentence ``i`` refers to, if it names one."""
    if not _DEBATE.search(doc.lower(i)):
        return None
    dates = [d.value for d in doc.dates(i) if d.value.month is not None]
    return dates[0] if dates else None


def _earlier_debate_date(doc: DocContext, i: int) -> PartialDate | None:
    stop = max(doc.section_start(i), i - _LOOK_BACK)
    for j in range(i - 1, stop - 1, -1):
        date = _debate_date(doc, j)
        if date:
            return date
    return None


def _subject(text: str) -> str:
    m = _SUBJECT.search(text)
    return tidy(text[m.end() :] if m else text)[:200]


def _members(text: str) -> list[str]:
    out: list[str] = []
    for m in _MEMBER.finditer(text):
        for name in _SURNAMES.findall(text, m.start(1), m.end()):
            if name not in out:
                out.append(" ".join(name.split()))
    return out


def extract(doc: DocContext) -> list[Commitment]:
    facts: dict[tuple[str, str | None], Commitment] = {}
    for i in doc.candidates(KEYWORDS):
        text, low = doc.sentences[i].text, doc.lower(i)
        members = _members(text)
        own_date = _debate_date(doc, i)
        for member in members:
            if ("member", member) in facts:
                continue  # one fact per member: later remarks belong to the first request
            date = own_date or _earlier_debate_date(doc, i) or doc.date
            facts[("member", member)] = Commitment(
                doc=doc.name,
                doc_date=doc.doc_date,
                evidence=doc.evidence(i),
                confidence=0.85,
                member=member,
                subject=_subject(text),
                date=date.iso() if date else None,
            )
        if members:
            continue
        promise = bool(_PROMISE.search(low))
        pledge = bool(_PLEDGE.search(low)) and own_date is not None
        if not (promise or pledge) or (_DONE.search(low) and not promise):
            continue
        date = own_date or doc.date
        key = ("date", date.iso() if date else None)
        if key not in facts:
            facts[key] = Commitment(
                doc=doc.name,
                doc_date=doc.doc_date,
                evidence=doc.evidence(i),
                confidence=0.7 if pledge else 0.6,
                member=None,
                subject=_subject(text),
                date=key[1],
            )
    return list(facts.values())
