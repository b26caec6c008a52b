"""The facts read out of a document, in the exact shape of ``spec/facts.md``.

One frozen dataclass per fact type. Every fact carries the common fields (``doc``, ``doc_date``,
``evidence``) and a ``confidence`` between 0 and 1 that says how directly the text states it (an
explicit, fully specified statement scores high; a fact assembled from context scores lower), so that a
review queue can sort on it, and the ``rule`` that produced it, so that a reviewer (and a developer) can
trace a wrong fact to the rule that made it. ``to_json()`` gives the facts.md fields plus ``confidence`` and
``rule``, nothing else. The fact types, their fields and the codes those take are declared in
:mod:`ims.framework.fact_fields`; the dataclasses here follow it (a test holds them to it).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar

from ims.framework.vocab import FactType


@dataclass(frozen=True)
class Evidence:
    """Character offsets (end exclusive) into the document's original text."""

    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Fact:
    """Common fields of every fact."""

    type: ClassVar[str] = ""
    doc: str
    doc_date: str | None
    evidence: Evidence
    confidence: float
    rule: str = ""  # the extractor's name for the rule that produced the fact, e.g. "agreement.signed"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: type, doc, doc_date, the type's own fields, evidence, confidence."""
        out: dict[str, Any] = {"type": self.type, "doc": self.doc, "doc_date": self.doc_date}
        for f in fields(self):
            if f.name not in ("doc", "doc_date", "evidence", "confidence", "rule"):
                value = getattr(self, f.name)
                out[f.name] = list(value) if isinstance(value, tuple) else value
        out["evidence"] = {"start": self.evidence.start, "end": self.evidence.end}
        out["confidence"] = round(self.confidence, 2)
        out["rule"] = self.rule
        return out


@dataclass(frozen=True, kw_only=True)
class PartnerRing(Fact):
    type: ClassVar[str] = FactType.partner_ring.value
    partner: str
    ring: str
    year: int | None


@dataclass(frozen=True, kw_only=True)
class Agreement(Fact):
    type: ClassVar[str] = FactType.agreement.value
    kind: str
    parties: tuple[str, ...]
    date: str | None
    subject: str | None


@dataclass(frozen=True, kw_only=True)
class DefenceSpending(Fact):
    type: ClassVar[str] = FactType.defence_spending.value
    partner: str
    year: int | None
    amount: int | float | None
    currency: str | None
    pct_gdp: float | None
    status: str


@dataclass(frozen=True, kw_only=True)
class Contribution(Fact):
    type: ClassVar[str] = FactType.contribution.value
    operation: str
    location: str | None
    year: int | None
    personnel: int | None
    partners: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Procurement(Fact):
    type: ClassVar[str] = FactType.procurement.value
    partner: str
    system: str
    quantity: int | None
    year: int | None


@dataclass(frozen=True, kw_only=True)
class Commitment(Fact):
    type: ClassVar[str] = FactType.commitment.value
    member: str | None
    subject: str | None
    date: str | None


@dataclass(frozen=True, kw_only=True)
class Initiative(Fact):
    type: ClassVar[str] = FactType.initiative.value
    name: str
    partners: tuple[str, ...]
    form: str | None
    status: str | None
