"""The fields of each fact type (``spec/facts.md``), declared once.

Extraction builds its facts with these fields, the review screen makes a typed widget per field and shows
a label per value, the command line picks the fields it prints, and the tests check against them. Every
field has a :class:`FieldKind` that says what sort of value it holds (so a form knows which widget to
make and how to read it back), the two glossary labels, and for a vocabulary the enum its codes come from.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .ladder import Form
from .vocab import AgreementKind, FactType, LabelledEnum, Ring, SpendingStatus, Status


class FieldKind(StrEnum):
    """What sort of value a fact's field holds."""

    VOCABULARY = "vocabulary"  # one code of the field's vocabulary (ring, instrument, form, status)
    PARTNER = "partner"  # one country (ISO 3166-1 alpha-2) or organisation code
    PARTNERS = "partners"  # a sorted list of such codes
    COUNTRY = "country"  # one country code (where an operation is)
    YEAR = "year"  # a calendar year
    DATE = "date"  # ISO 8601 at the precision the text gives: 2019-05-21, 2019-05 or 2019
    AMOUNT = "amount"  # a sum of money in units (4.9 billion is 4900000000)
    CURRENCY = "currency"  # ISO 4217: EUR, GBP, USD
    PERCENTAGE = "percentage"  # a share of GDP, in percent (0.95)
    COUNT = "count"  # a whole number of people or items
    NAME = "name"  # a name as the text writes it; matched by fuzzy ratio
    TEXT = "text"  # free text, not scored


# Kinds whose value is a whole number, and those whose value may have decimals.
INTEGER_KINDS = frozenset({FieldKind.YEAR, FieldKind.COUNT})
NUMBER_KINDS = frozenset({FieldKind.AMOUNT, FieldKind.PERCENTAGE})


@dataclass(frozen=True)
class FactField:
    """One field of a fact type. ``required`` fields always have a value (a list may be empty); ``scored`` is
    false for what the scoring of ``spec/facts.md`` ignores."""

    name: str
    kind: FieldKind
    label_nl: str
    label_en: str
    vocabulary: type[LabelledEnum] | None = None
    required: bool = False
    scored: bool = True

    def __post_init__(self) -> None:
        if (self.kind == FieldKind.VOCABULARY) != (self.vocabulary is not None):
            raise ValueError(f"{self.name}: a vocabulary field, and only that, names its vocabulary")

    def codes(self) -> tuple[str, ...]:
        """The codes a vocabulary field takes; empty for any other field."""
        return self.vocabulary.codes() if self.vocabulary else ()


_PARTNER = FactField("partner", FieldKind.PARTNER, "partner", "partner", required=True)
_PARTNERS = FactField("partners", FieldKind.PARTNERS, "partners", "partners", required=True)
_YEAR = FactField("year", FieldKind.YEAR, "jaar", "year")
_DATE = FactField("date", FieldKind.DATE, "datum", "date")
_SUBJECT = FactField("subject", FieldKind.TEXT, "onderwerp", "subject", scored=False)
_STATUS_LABELS = ("status", "status")

FACT_FIELDS: dict[FactType, tuple[FactField, ...]] = {
    FactType.partner_ring: (
        _PARTNER,
        FactField("ring", FieldKind.VOCABULARY, "schil", "ring", Ring, required=True),
        _YEAR,
    ),
    FactType.agreement: (
        FactField("kind", FieldKind.VOCABULARY, "instrument", "instrument", AgreementKind, required=True),
        FactField("parties", FieldKind.PARTNERS, "partijen", "parties", required=True),
        _DATE,
        _SUBJECT,
    ),
    FactType.defence_spending: (
        _PARTNER,
        _YEAR,
        FactField("amount", FieldKind.AMOUNT, "bedrag", "amount"),
        FactField("currency", FieldKind.CURRENCY, "valuta", "currency"),
        FactField("pct_gdp", FieldKind.PERCENTAGE, "% van het bbp", "% of GDP"),
        FactField("status", FieldKind.VOCABULARY, *_STATUS_LABELS, SpendingStatus, required=True),
    ),
    FactType.contribution: (
        FactField("operation", FieldKind.NAME, "operatie", "operation", required=True),
        FactField("location", FieldKind.COUNTRY, "locatie", "location"),
        _YEAR,
        FactField("personnel", FieldKind.COUNT, "militairen", "military personnel"),
        _PARTNERS,
    ),
    FactType.procurement: (
        _PARTNER,
        FactField("system", FieldKind.NAME, "systeem", "system", required=True),
        FactField("quantity", FieldKind.COUNT, "aantal", "quantity"),
        _YEAR,
    ),
    FactType.commitment: (
        FactField("member", FieldKind.NAME, "Kamerlid", "member of Parliament"),
        _SUBJECT,
        _DATE,
    ),
    FactType.initiative: (
        FactField("name", FieldKind.NAME, "naam", "name", required=True),
        _PARTNERS,
        FactField("form", FieldKind.VOCABULARY, "samenwerkingsvorm", "form of cooperation", Form),
        FactField("status", FieldKind.VOCABULARY, *_STATUS_LABELS, Status),
    ),
}


def fact_fields(fact_type: str) -> tuple[FactField, ...]:
    """The fields of a fact type, in the order of ``spec/facts.md``; none for an unknown type."""
    try:
        return FACT_FIELDS[FactType(fact_type)]
    except ValueError:
        return ()


def fact_field(fact_type: str, name: str) -> FactField | None:
    """One field of a fact type by its name, or None."""
    return next((f for f in fact_fields(fact_type) if f.name == name), None)


# Every field name has one label, whatever the fact type (``status`` is a status for spending and initiatives
# alike), so a field can be labelled by its name alone.
FIELD_BY_NAME: dict[str, FactField] = {f.name: f for fields in FACT_FIELDS.values() for f in fields}
