"""Names the register already knows, as patterns for the next document ("the register teaches the extractor").

The extractor stays pure: it takes the names as plain data (:class:`KnownNames`), and the application
builds them from the register (``ims.ingest.selectors.known_names``). A document that names a known
initiative, operation, agreement or system yields that fact even where no rule recognises the sentence;
where a rule already found it, the rule's fact stands and nothing is added.

Each known thing is a :class:`KnownName`: the name as the register has it, other forms the text may use
(an acronym, a Dutch form), and the fact fields the register holds for it (``partners`` of an initiative,
``location`` of an operation, ``kind``/``parties``/``date`` of an agreement, ``partner`` of a system).
Fields that the text states where the name stands are taken from the text instead: the year of an
operation or a purchase, the countries of an initiative's sentence.

Rule authors may also read ``DocContext.known`` (the same object, or None) to use the names in their rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from ims.extract.context import HOME, DocContext
from ims.extract.facts import Agreement, Contribution, Evidence, Fact, Initiative, Procurement

# A fact from a known name rests on the name alone, not on a sentence a rule understood: below the facts of
# the rules, so that bulk acceptance at a high threshold leaves them to a reviewer.
CONFIDENCE = 0.5
SIMILAR = 85  # the scorer's name match: a rule's fact with a name this similar is the same thing
_MIN_LENGTH = 3  # shorter forms ("EU", "F") would match everywhere


@dataclass(frozen=True)
class KnownName:
    """One thing the register knows: its name, other forms of it, and the fact fields it holds."""

    name: str
    aliases: tuple[str, ...] = ()
    fields: Mapping[str, Any] = field(default_factory=dict)

    def forms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.strip() for f in (self.name, *self.aliases) if len(f.strip()) >= _MIN_LENGTH))

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "aliases": list(self.aliases), "fields": dict(self.fields)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> KnownName:
        return cls(data["name"], tuple(data.get("aliases", ())), dict(data.get("fields", {})))


@dataclass(frozen=True)
class KnownNames:
    """Everything the register can teach the extractor, by the fact type it yields."""

    initiatives: tuple[KnownName, ...] = ()
    operations: tuple[KnownName, ...] = ()  # contributions
    agreements: tuple[KnownName, ...] = ()
    systems: tuple[KnownName, ...] = ()  # procurement

    def __bool__(self) -> bool:
        return bool(self.initiatives or self.operations or self.agreements or self.systems)

    def to_json(self) -> dict[str, list[dict[str, Any]]]:
        return {kind: [k.to_json() for k in getattr(self, kind)] for kind in _KINDS}

    @classmethod
    def from_json(cls, data: Mapping[str, Iterable[Mapping[str, Any]]]) -> KnownNames:
        return cls(**{kind: tuple(KnownName.from_json(k) for k in data.get(kind, ())) for kind in _KINDS})


_KINDS = ("initiatives", "operations", "agreements", "systems")
_FACT_TYPE = {"initiatives": "initiative", "operations": "contribution", "agreements": "agreement",
              "systems": "procurement"}  # fmt: skip
_NAME_FIELD = {"initiative": "name", "contribution": "operation", "agreement": "subject", "procurement": "system"}


def extract(doc: DocContext, known: KnownNames, found: Sequence[Fact]) -> list[Fact]:
    """Facts for the known names ``doc`` mentions that the rules' facts (``found``) do not already hold."""
    out: list[Fact] = []
    for kind in _KINDS:
        fact_type = _FACT_TYPE[kind]
        have = [f for f in found if f.type == fact_type]
        for entry in getattr(known, kind):
            if any(_same(f, entry) for f in have):
                continue
            i = _first_mention(doc, entry)
            if i is None or (fact_type == "agreement" and any(_overlap(f.evidence, doc.evidence(i)) for f in have)):
                continue  # an agreement's subject is the rule's own words: the sentence tells it is the same
            fact = _BUILD[fact_type](doc, i, entry)
            if fact is not None:
                out.append(fact)
                have.append(fact)
    return out


def _same(fact: Fact, entry: KnownName) -> bool:
    """Whether a fact already names ``entry``: a similar name, or (an agreement's subject) one holding it."""
    name = (getattr(fact, _NAME_FIELD[fact.type]) or "").casefold()
    return any(fuzz.ratio(name, form.casefold()) >= SIMILAR or (fact.type == "agreement" and form.casefold() in name)
               for form in entry.forms())  # fmt: skip


def _overlap(a: Evidence, b: Evidence) -> bool:
    return a.start < b.end and b.start < a.end


def _first_mention(doc: DocContext, entry: KnownName) -> int | None:
    """The first body sentence naming ``entry`` as a whole word (any of its forms, in any case)."""
    best: int | None = None
    for form in entry.forms():
        low = form.lower()
        pattern = re.compile(rf"(?<!\w){re.escape(low)}(?!\w)")
        for i in doc.body(doc.find(low)):
            if best is not None and i >= best:
                break
            if pattern.search(doc.lower(i)):
                best = i
                break
    return best


def _common(doc: DocContext, i: int, kind: str) -> dict[str, Any]:
    return {"doc": doc.name, "doc_date": doc.doc_date, "evidence": doc.evidence(i), "confidence": CONFIDENCE,
            "rule": f"register.{kind}"}  # fmt: skip


def _year(doc: DocContext, i: int) -> int | None:
    years = doc.years(i)
    return years[0] if years else doc.year


def _initiative(doc: DocContext, i: int, entry: KnownName) -> Fact:
    countries = doc.countries(i)
    partners = entry.fields.get("partners") or ([*countries, HOME] if countries else [])
    return Initiative(name=entry.name, partners=tuple(sorted(set(partners))), form=entry.fields.get("form"),
                      status=entry.fields.get("status"), **_common(doc, i, "initiative"))  # fmt: skip


def _operation(doc: DocContext, i: int, entry: KnownName) -> Fact:
    location = entry.fields.get("location")
    partners = [c for c in doc.countries(i) if c != location]
    return Contribution(operation=entry.name, location=location, year=_year(doc, i), personnel=None,
                        partners=tuple(sorted(partners)), **_common(doc, i, "operation"))  # fmt: skip


def _agreement(doc: DocContext, i: int, entry: KnownName) -> Fact:
    parties = tuple(sorted(entry.fields.get("parties") or ()))
    return Agreement(kind=entry.fields.get("kind") or "AGREEMENT", parties=parties, date=entry.fields.get("date"),
                     subject=entry.name, **_common(doc, i, "agreement"))  # fmt: skip


def _system(doc: DocContext, i: int, entry: KnownName) -> Fact | None:
    partner = entry.fields.get("partner") or next(iter(doc.countries(i)), None)
    if partner is None:  # a purchase from nobody the text or the register names is no procurement fact
        return None
    return Procurement(partner=partner, system=entry.name, quantity=None, year=_year(doc, i),
                       **_common(doc, i, "system"))  # fmt: skip


_BUILD = {"initiative": _initiative, "contribution": _operation, "agreement": _agreement, "procurement": _system}
