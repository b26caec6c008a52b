"""The review screen's pieces: the document text cut at the facts that cite it, each fact as a card in Dutch, and
the pages that show what a fact became in the register."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from django.db.models import Model
from django.urls import NoReverseMatch, reverse

from ims.register.vocab import vocab_label

from .fields import fields_of, value_text


@dataclass(frozen=True)
class Piece:
    text: str
    facts: tuple[int, ...]


def highlight(text: str, spans: Iterable[tuple[int, int, int]]) -> list[Piece]:
    """Split ``text`` at every span boundary; spans are (start, end, fact id) and may overlap."""
    spans = [(max(0, s), min(len(text), e), f) for s, e, f in spans if e > s]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces = []
    for a, b in pairwise(cuts):
        covering = tuple(sorted(f for s, e, f in spans if s <= a and b <= e))
        pieces.append(Piece(text[a:b], covering))
    return pieces


# Where a register record is shown, most specific page first; pages that do not exist (yet) are skipped.
_PAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "register.initiative": (("register:initiative-detail", "pk"),),
    "register.agreement": (("register:agreement-detail", "pk"), ("register:agreement-list", "")),
    "register.ringassignment": (("assessment:partner-rings", "partner"), ("register:partner-detail", "partner")),
    "register.defencespending": (("register:spending-detail", "pk"), ("register:spending-list", ""),
                                 ("register:partner-detail", "partner")),
    "register.procurement": (("register:procurement-detail", "pk"), ("register:procurement-list", ""),
                             ("register:partner-detail", "partner")),
    "register.contribution": (("register:contribution-detail", "pk"), ("register:contribution-list", "")),
    "register.commitment": (("register:commitment-detail", "pk"), ("register:commitment-list", "")),
}


def record_url(record: Model) -> str | None:
    """The page that shows ``record``, or None when it has none."""
    for name, arg in _PAGES.get(record._meta.label_lower, ()):
        args = {"pk": [record.pk], "partner": [getattr(getattr(record, "partner", None), "code", None)], "": []}[arg]
        if None in args:
            continue
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


def record_text(record: Model) -> str:
    """'initiatief ‘Tactical Edge Networking’': what kind of record, and which."""
    return f"{record._meta.verbose_name} ‘{record}’"


def document_url(document_pk: int) -> str:
    """The page of a source document; the review screen until the register has one."""
    try:
        return reverse("register:document-detail", args=[document_pk])
    except NoReverseMatch:
        return reverse("ingest:review", args=[document_pk])


@dataclass
class Card:
    """One fact on the review screen: its values in Dutch, the sentence it was read from, its correction form,
    and where it went in the register."""

    fact: Any
    rows: list[tuple[str, str]]
    quote: str
    form: Any
    record: Model | None = None
    url: str | None = None
    error: str = ""
    ring_change: Any = None
    open_form: bool = False
    corrected: bool = False  # the refused decision was a correction: a confirmation sends it again
    record_label: str = ""


def cards(facts, text: str, *, forms: Mapping[int, Any], records: Mapping[str, Model],
          partner_names: Mapping[str, str]) -> list[Card]:
    out = []
    for fact in facts:
        rows = [(vocab_label(f), value_text(f, fact.payload.get(f.name), partner_names))
                for f in fields_of(fact.fact_type)]
        record = records.get(fact.target)
        out.append(Card(fact=fact, rows=rows, quote=text[fact.start:fact.end].strip(), form=forms[fact.pk],
                        record=record, url=record_url(record) if record is not None else None,
                        record_label=record_text(record) if record is not None else ""))
    return out
