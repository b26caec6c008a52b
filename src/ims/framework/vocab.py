"""The framework's vocabularies, each list of names in one place.

Codes, Dutch labels and English labels follow ``spec/glossary.md`` exactly; the interface and the
reports show the Dutch label, the database and the JSON exchange format store the code. The depth
ladder lives in :mod:`ims.framework.ladder` because it carries an order and sovereignty figures.

Every vocabulary is a :class:`LabelledEnum`: a ``str`` enum whose value is the plain code, so a member
compares equal to, serialises as and is stored as its code, and Django can take its choices from
:meth:`LabelledEnum.choices`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol, Self


class Labelled(Protocol):
    """Anything with the two glossary labels: a vocabulary member, a fact type's field."""

    label_nl: str
    label_en: str


class LabelledEnum(StrEnum):
    """A ``str``-valued enum whose members carry a Dutch and an English label.

    Members are declared as ``code = ("code", "Dutch label", "English label")``.
    """

    label_nl: str
    label_en: str

    def __new__(cls, value: str, label_nl: str, label_en: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label_nl = label_nl
        member.label_en = label_en
        return member

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        """All codes, in declaration order."""
        return tuple(member.value for member in cls)

    @classmethod
    def choices(cls) -> tuple[tuple[str, str], ...]:
        """``(code, Dutch label)`` pairs, the shape Django expects for ``choices``."""
        return tuple((member.value, member.label_nl) for member in cls)


class GoalCategory(LabelledEnum):
    """Why cooperate (doelen): the three categories of goals."""

    political_strategic = ("political_strategic", "politiek-strategisch", "political-strategic")
    military = ("military", "militair (effectiviteit)", "military (effectiveness)")
    financial_economic = (
        "financial_economic",
        "financieel-economisch (doelmatigheid)",
        "financial-economic (efficiency)",
    )


class Ring(LabelledEnum):
    """With whom (schil): the three partner rings, closest first."""

    strategic = ("strategic", "strategische partner", "strategic partner")
    affiliated = ("affiliated", "gelieerde partner", "affiliated partner")
    opportunity = ("opportunity", "gelegenheidspartner", "partner of opportunity")


class Origin(LabelledEnum):
    """How an initiative came about (totstandkoming); the framework prefers bottom-up."""

    bottom_up = ("bottom_up", "bottom-up", "bottom-up")
    top_down = ("top_down", "top-down", "top-down")


class Kind(LabelledEnum):
    """Kind of cooperation (soort samenwerking)."""

    general = ("general", "algemene militaire samenwerking", "general military cooperation")
    materiel = ("materiel", "materieelsamenwerking", "materiel cooperation")
    operational = ("operational", "samenwerking bij operationele inzet", "operational deployment")


class Status(LabelledEnum):
    """Status of an initiative."""

    idea = ("idea", "idee", "idea")
    study = ("study", "studie", "study")
    preparation = ("preparation", "voorbereiding", "preparation")
    running = ("running", "in uitvoering", "running")
    completed = ("completed", "afgerond", "completed")
    stopped = ("stopped", "gestopt", "stopped")


class SovereigntyAspect(LabelledEnum):
    """The two sides of the sovereignty trade-off along the depth ladder."""

    freedom_of_action = ("freedom_of_action", "vrijheid van handelen", "freedom of action")
    capacity_to_act = ("capacity_to_act", "handelingsvermogen", "capacity to act")


class CostItem(LabelledEnum):
    """What cooperation costs (kosten)."""

    staff_fte = ("staff_fte", "stafcapaciteit (fte)", "staff (FTE)")
    units_committed = ("units_committed", "gecommitteerde eenheden", "units committed")
    budget_eur = ("budget_eur", "budget (€)", "budget (€)")


class AgreementKind(LabelledEnum):
    """Kind of cooperation instrument (instrument), as ``spec/facts.md`` names them."""

    MoU = ("MoU", "Memorandum of Understanding", "Memorandum of Understanding")
    DOI = ("DOI", "intentieverklaring (Declaration of Intent)", "Declaration of Intent")
    LOI = ("LOI", "Letter of Intent", "Letter of Intent")
    JVS = ("JVS", "Joint Vision Statement", "Joint Vision Statement")
    TREATY = ("TREATY", "verdrag", "treaty")
    AGREEMENT = ("AGREEMENT", "overeenkomst", "agreement")
    ACTION_PLAN = ("ACTION_PLAN", "actieplan", "action plan")


class SpendingStatus(LabelledEnum):
    """What a defence spending figure is: spent, budgeted, or a norm to reach."""

    actual = ("actual", "gerealiseerd", "actual")
    planned = ("planned", "begroot", "budgeted")
    # A spending target (such as 2 % of GDP), not an initiative's goal.
    target = ("target", "doel", "target")


class FactType(LabelledEnum):
    """The kinds of fact read out of a document (``spec/facts.md``); their fields are in :mod:`.fact_fields`."""

    partner_ring = ("partner_ring", "schilindeling", "ring assignment")
    agreement = ("agreement", "overeenkomst", "agreement")
    defence_spending = ("defence_spending", "defensie-uitgaven", "defence spending")
    contribution = ("contribution", "bijdrage aan een operatie", "contribution to an operation")
    procurement = ("procurement", "verwerving", "procurement")
    commitment = ("commitment", "toezegging", "commitment to Parliament")
    initiative = ("initiative", "initiatief", "initiative")


# The alternative that is always on the table: not cooperating at all.
BASELINE_LABEL_NL = "niet samenwerken"
BASELINE_LABEL_EN = "not cooperating"
