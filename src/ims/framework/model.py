"""The input of an assessment: a proposal (voorstel) for cooperation, or the baseline "niet samenwerken".

:func:`validate_proposal` turns a JSON-like dict into a :class:`Proposal`, collecting every problem into
one :class:`ProposalError` whose messages name the field by its JSON path (``goals[2].category``) and
say what is wrong. :func:`proposal_to_dict` is its inverse, so the Django side can store a proposal as
JSON and read it back unchanged.

Scales, chosen once for every proposal:

* ``Goal.strength`` is 0..1: how far the goal, if reached, serves its category (0 = hardly, 1 = fully).
* partner criteria are 0..1: ``political_distance`` 0 = no distance; ``culture_similarity`` and
  ``operational_synergy`` 1 = identical / already doing much together.
* ``Costs`` are the extra costs of the option: staff in FTE, units (battalion, squadron or ship
  equivalents) not deployable elsewhere, money in euros.

A proposal with ``form`` null is the baseline "niet samenwerken": it has no partners and no origin, but
it can carry goals (what the Netherlands achieves alone) and costs (what going it alone costs).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from ._parse import MISSING, Reader, describe
from .errors import ProposalError
from .ladder import Form
from .vocab import BASELINE_LABEL_NL, GoalCategory, Kind, Origin, Ring

__all__ = [
    "Costs",
    "Goal",
    "PartnerProfile",
    "Proposal",
    "ProposalError",
    "Timeline",
    "baseline",
    "proposal_to_dict",
    "validate_proposal",
]

# The Netherlands itself; it cannot be its own partner.
HOME_CODE = "NL"


@dataclass(frozen=True)
class Goal:
    """One goal the option serves, in one category; ``strength`` is 0..1."""

    category: GoalCategory
    statement: str
    strength: float
    concrete: bool = False
    expected_result: str | None = None


@dataclass(frozen=True)
class PartnerProfile:
    """A partner as the assessment sees it; ``ring`` None means: suggest one from the criteria."""

    code: str
    name: str
    ring: Ring | None
    political_distance: float
    culture_similarity: float
    operational_synergy: float
    bottom_up_goals: int = 0


@dataclass(frozen=True)
class Costs:
    """Extra costs of the option: staff, units not deployable elsewhere, money per year and at start."""

    staff_fte: float = 0.0
    units_committed: float = 0.0
    budget_eur_per_year: float = 0.0
    startup_eur: float = 0.0


@dataclass(frozen=True)
class Timeline:
    """Planned start and end (either may be unknown) and the number of milestones in the plan."""

    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    milestones: int = 0


@dataclass(frozen=True)
class Proposal:
    """An option to assess. ``form`` None is the baseline "niet samenwerken"."""

    title: str
    goals: tuple[Goal, ...]
    form: Form | None
    origin: Origin | None
    partners: tuple[PartnerProfile, ...]
    costs: Costs = field(default_factory=Costs)
    timeline: Timeline = field(default_factory=Timeline)
    kind: Kind | None = None
    capabilities_touched: tuple[str, ...] = ()
    touches_sovereign_capability: bool = False

    @property
    def is_baseline(self) -> bool:
        return self.form is None

    def goals_in(self, category: GoalCategory) -> tuple[Goal, ...]:
        """The goals of one category, in input order."""
        return tuple(goal for goal in self.goals if goal.category == category)


def baseline(
    goals: Iterable[Goal] = (),
    costs: Costs | None = None,
    title: str = BASELINE_LABEL_NL.capitalize(),
    capabilities_touched: Iterable[str] = (),
) -> Proposal:
    """The alternative "niet samenwerken": no partners, no form.

    Give it the goals the Netherlands still reaches alone and what going it alone costs; with neither,
    its goals go unmet and it costs nothing extra, so its total is 0 and every option is measured
    against that zero.
    """
    return Proposal(
        title=title,
        goals=tuple(goals),
        form=None,
        origin=None,
        partners=(),
        costs=costs if costs is not None else Costs(),
        capabilities_touched=tuple(capabilities_touched),
    )


# --- parsing ------------------------------------------------------------------------------------------

_CODE_RE = re.compile(r"[A-Z][A-Z0-9_]{1,31}")
_PROPOSAL_FIELDS = (
    "title",
    "kind",
    "form",
    "origin",
    "goals",
    "partners",
    "costs",
    "timeline",
    "capabilities_touched",
    "touches_sovereign_capability",
)
_GOAL_FIELDS = ("category", "statement", "strength", "concrete", "expected_result")
_PARTNER_FIELDS = (
    "code",
    "name",
    "ring",
    "political_distance",
    "culture_similarity",
    "operational_synergy",
    "bottom_up_goals",
)
_COST_FIELDS = ("staff_fte", "units_committed", "budget_eur_per_year", "startup_eur")
_TIMELINE_FIELDS = ("planned_start", "planned_end", "milestones")


def validate_proposal(data: Any, known_partners: Collection[str] | None = None) -> Proposal:
    """Parse and check a JSON-like dict; :class:`ProposalError` lists every problem with its path.

    ``known_partners``, when given, is the set of partner codes the register knows; any other code is
    reported by name. Never raises anything else, whatever ``data`` is.
    """
    reader = Reader()
    top = reader.obj(data, "", _PROPOSAL_FIELDS, "een voorstel")
    if top is None:
        raise ProposalError(reader.problems)

    title = reader.text(top, "title", "")
    # form must be given; null is the explicit choice for "niet samenwerken".
    form = reader.choice(top, "form", "", Form, nullable=True)
    is_baseline = "form" in top and top["form"] is None
    # The baseline has no origin or kind; a cooperation option must say both.
    origin = reader.choice(top, "origin", "", Origin, required=not is_baseline)
    kind = reader.choice(top, "kind", "", Kind, required=not is_baseline)
    raw_goals = reader.items(top, "goals", "", optional=is_baseline)
    goals = [_goal(reader, raw, f"goals[{i}]") for i, raw in enumerate(raw_goals)]
    partners = _partners(reader, reader.items(top, "partners", "", optional=is_baseline), known_partners)
    costs = _costs(reader, top, is_baseline)
    timeline = _timeline(reader, top)
    capabilities = []
    for i, raw in enumerate(reader.items(top, "capabilities_touched", "", optional=True)):
        if isinstance(raw, str) and raw.strip():
            capabilities.append(raw.strip())
        else:
            reader.fail(f"capabilities_touched[{i}]", f"moet een niet-lege tekst zijn, maar is {describe(raw)}")
    sovereign = reader.flag(top, "touches_sovereign_capability", "", default=False)

    if is_baseline and partners:
        reader.fail("partners", "‘niet samenwerken’ (form null) heeft geen partners")
    if not is_baseline and _empty_list(top, "partners"):
        reader.fail("partners", "een samenwerkingsvorm vraagt ten minste één partner")
    if not is_baseline and _empty_list(top, "goals"):
        reader.fail("goals", "samenwerking dient altijd een doel: geef ten minste één doel")

    if reader.problems:
        raise ProposalError(reader.problems)
    return Proposal(
        title=title or "",
        goals=tuple(goal for goal in goals if goal is not None),
        form=form,
        origin=origin,
        partners=tuple(partner for partner in partners if partner is not None),
        costs=costs or Costs(),
        timeline=timeline or Timeline(),
        kind=kind,
        capabilities_touched=tuple(capabilities),
        touches_sovereign_capability=bool(sovereign),
    )


def _empty_list(data: dict[str, Any], key: str) -> bool:
    return isinstance(data.get(key), list | tuple) and not data[key]


def _goal(reader: Reader, raw: Any, path: str) -> Goal | None:
    data = reader.obj(raw, path, _GOAL_FIELDS, "een doel")
    if data is None:
        return None
    before = len(reader.problems)
    category = reader.choice(data, "category", path, GoalCategory)
    statement = reader.text(data, "statement", path)
    strength = reader.number(data, "strength", path, high=1.0)
    concrete = reader.flag(data, "concrete", path, default=False)
    result = reader.text(data, "expected_result", path, optional=True)
    if len(reader.problems) > before:
        return None
    # No new problem, so every field was read and none of them is None.
    return Goal(category, statement, strength, concrete, result)  # type: ignore[arg-type]


def _partners(reader: Reader, raws: list[Any], known: Collection[str] | None) -> list[PartnerProfile | None]:
    partners: list[PartnerProfile | None] = []
    first_seen: dict[str, str] = {}
    for i, raw in enumerate(raws):
        path = f"partners[{i}]"
        data = reader.obj(raw, path, _PARTNER_FIELDS, "een partner")
        if data is None:
            partners.append(None)
            continue
        before = len(reader.problems)
        code = reader.text(data, "code", path)
        if code is not None:
            where = f"{path}.code"
            if not _CODE_RE.fullmatch(code):
                reader.fail(where, f"partnercode {code!r} is geen landcode (BE) of organisatie (NATO)")
            elif code == HOME_CODE:
                reader.fail(where, "Nederland (NL) kan geen partner van zichzelf zijn")
            elif known is not None and code not in known:
                reader.fail(where, f"onbekende partnercode {code!r}: niet in het register")
            elif code in first_seen:
                reader.fail(where, f"partner {code!r} komt dubbel voor (ook {first_seen[code]})")
            else:
                first_seen[code] = path
        name = reader.text(data, "name", path)
        ring = reader.choice(data, "ring", path, Ring, required=False)
        distance = reader.number(data, "political_distance", path, high=1.0)
        culture = reader.number(data, "culture_similarity", path, high=1.0)
        synergy = reader.number(data, "operational_synergy", path, high=1.0)
        goals = reader.number(data, "bottom_up_goals", path, integer=True, default=0)
        if len(reader.problems) > before:
            partners.append(None)
            continue
        # No new problem, so every field was read and none of them is None.
        partners.append(PartnerProfile(code, name, ring, distance, culture, synergy, int(goals)))  # type: ignore[arg-type]
    return partners


def _costs(reader: Reader, top: dict[str, Any], is_baseline: bool) -> Costs | None:
    # Cooperation is not free: an option must state its costs; the baseline may leave them out.
    raw = reader.get(top, "costs", "", None if is_baseline else MISSING)
    if raw is None or raw is MISSING:
        return None
    data = reader.obj(raw, "costs", _COST_FIELDS, "de kosten")
    if data is None:
        return None
    values = [reader.number(data, key, "costs") for key in _COST_FIELDS]
    if any(value is None for value in values):
        return None
    return Costs(*values)  # type: ignore[arg-type]


def _timeline(reader: Reader, top: dict[str, Any]) -> Timeline | None:
    raw = top.get("timeline")
    if raw is None:
        return None
    data = reader.obj(raw, "timeline", _TIMELINE_FIELDS, "het tijdpad")
    if data is None:
        return None
    start = reader.date(data, "planned_start", "timeline")
    end = reader.date(data, "planned_end", "timeline")
    milestones = reader.number(data, "milestones", "timeline", integer=True, default=0)
    if start and end and end < start:
        reader.fail("timeline.planned_end", f"ligt vóór planned_start ({end} < {start})")
        return None
    if milestones is None:
        return None
    return Timeline(start, end, int(milestones))


def proposal_to_dict(proposal: Proposal) -> dict[str, Any]:
    """The JSON form that :func:`validate_proposal` reads back into an equal :class:`Proposal`."""
    timeline = proposal.timeline
    return {
        "title": proposal.title,
        "kind": proposal.kind.value if proposal.kind else None,
        "form": proposal.form.value if proposal.form else None,
        "origin": proposal.origin.value if proposal.origin else None,
        "goals": [
            {
                "category": goal.category.value,
                "statement": goal.statement,
                "strength": goal.strength,
                "concrete": goal.concrete,
                "expected_result": goal.expected_result,
            }
            for goal in proposal.goals
        ],
        "partners": [
            {
                "code": partner.code,
                "name": partner.name,
                "ring": partner.ring.value if partner.ring else None,
                "political_distance": partner.political_distance,
                "culture_similarity": partner.culture_similarity,
                "operational_synergy": partner.operational_synergy,
                "bottom_up_goals": partner.bottom_up_goals,
            }
            for partner in proposal.partners
        ],
        "costs": {key: getattr(proposal.costs, key) for key in _COST_FIELDS},
        "timeline": {
            "planned_start": timeline.planned_start.isoformat() if timeline.planned_start else None,
            "planned_end": timeline.planned_end.isoformat() if timeline.planned_end else None,
            "milestones": timeline.milestones,
        },
        "capabilities_touched": list(proposal.capabilities_touched),
        "touches_sovereign_capability": proposal.touches_sovereign_capability,
    }
