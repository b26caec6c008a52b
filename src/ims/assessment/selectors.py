"""Every read of the assessment app. Each selector takes the requesting user and applies clearance first.

The central job here is mapping the register onto the framework's input: :func:`proposal_for_initiative`
turns an initiative, its participants' criteria and rings, its goals, costs and plan into a
:class:`ims.framework.Proposal`. The register does not hold everything the framework asks for, so some
values are defaults; each default is a constant below and is named in the notes shown with the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from ims import framework as fw
from ims.core.models import clearance_of
from ims.framework.model import HOME_CODE
from ims.register import selectors as register_selectors
from ims.register.models import Initiative, Participation, Partner, RingAssignment
from ims.register.reference import ABBREVIATIONS
from ims.register.ring_layers import effective_periods
from ims.register.vocab import Origin, ParticipantRole, PartnerKind, Status
from ims.reporting.models import ReportVersion
from ims.reporting.selectors import versions_visible

from . import ring_change
from .models import PartnerCriteria, RingSuggestion, WeightingScenario

# The register records goals without a strength. A goal counts for 0.6 of its category by default:
# a stated goal is more than a wish but not yet a guarantee; naming an expected result or an indicator
# makes it more likely to be reached and measured, so each adds 0.1.
GOAL_STRENGTH = 0.6
GOAL_STRENGTH_STEP = 0.1
# A partner without recorded criteria is assessed as neither close nor distant.
NEUTRAL_CRITERION = 0.5
# The Netherlands appears in the register as a participant of its own initiatives; it is not a partner
# (HOME_CODE, the framework's own rule).
# Observers follow an initiative but do not cooperate in it, so they are no partner in the assessment.
NOT_COOPERATING_ROLES = (ParticipantRole.OBSERVER,)
# How many initiatives a comparison menu offers; the register can hold thousands.
COMPARE_CHOICES_LIMIT = 200


def _today() -> dt.date:
    return timezone.localdate()


# --- scenarios ------------------------------------------------------------------------------------------

def scenarios_all(*, user=None) -> dict[str, fw.Scenario]:
    """The shipped scenarios (from code, with or without rows) followed by the users' own, by name.

    ``user`` None is for the system (commands); pages pass the requesting user so that a classified
    scenario stays hidden from those without clearance.
    """
    scenarios = dict(fw.SCENARIOS)
    rows = WeightingScenario.objects.for_actor(user)  # None: the system, which sees every scenario
    # Names are unique per classification: of two scenarios with one name, the more classified one (the later
    # in this order) is the one a reader who may see both gets, as with the layers of ring periods.
    for row in rows.exclude(name__in=list(fw.SCENARIOS)).order_by("name", "classification"):
        scenarios[row.name] = row.to_framework()
    return scenarios


def scenario_get(*, user=None, name: str) -> fw.Scenario:
    """One scenario by name; :class:`ims.framework.ScenarioError` names an unknown one and the choices."""
    scenarios = scenarios_all(user=user)
    if name in scenarios:
        return scenarios[name]
    raise fw.ScenarioError([fw.Problem("scenario", f"onbekend scenario {name!r}; kies uit {', '.join(scenarios)}")])


def scenario_rows(*, user) -> QuerySet[WeightingScenario]:
    return WeightingScenario.objects.for_user(user).order_by("name")


# --- partners as the framework sees them ---------------------------------------------------------------

@dataclass(frozen=True)
class BottomUp:
    """Concrete goals reachable bottom-up with a partner, and the highest classification counted."""

    goals: int = 0
    initiatives: int = 0
    classification: int = 0


def bottom_up_goals(*, user, partners: Iterable[Partner]) -> dict[int, BottomUp]:
    """Per partner: the goals of the running, bottom-up initiatives it takes part in that the user may see."""
    visible = Initiative.objects.for_user(user).filter(status=Status.RUNNING, origin=Origin.BOTTOM_UP)
    rows = (
        Participation.objects.for_user(user)
        .filter(partner__in=[p.pk for p in partners], initiative__in=visible.values("pk"))
        .exclude(role__in=NOT_COOPERATING_ROLES)
        .order_by()
        .values("partner")
        .annotate(goals=Count("initiative__goals"), initiatives=Count("initiative", distinct=True),
                  top=Max("initiative__classification"))
    )
    return {row["partner"]: BottomUp(row["goals"], row["initiatives"], row["top"] or 0) for row in rows}


def shares_framework(*, user, partner: Partner) -> bool:
    """Whether the Netherlands meets the partner within a larger framework (NATO, EU, Benelux, ...).

    An organisation or framework is such a setting itself. For a country, some visible organisation or
    framework must count both it and the Netherlands among its members (or it, when the register does
    not hold the Netherlands).
    """
    if partner.kind != PartnerKind.COUNTRY:
        return True
    settings = Partner.objects.for_user(user).filter(kind__in=[PartnerKind.ORGANISATION, PartnerKind.FRAMEWORK])
    settings = settings.filter(members=partner)
    home = Partner.objects.for_user(user).filter(code=HOME_CODE).first()
    if home is not None:
        settings = settings.filter(members=home)
    return settings.exists()


def _latest_criteria_id(user, on: dt.date) -> Subquery:
    return Subquery(
        PartnerCriteria.objects.for_user(user)
        .filter(partner=OuterRef("pk"), valid_from__lte=on)
        .order_by("-valid_from", "-id")
        .values("pk")[:1]
    )


def _latest_suggestion(user, column: str) -> Subquery:
    return Subquery(
        RingSuggestion.objects.for_user(user)
        .filter(partner=OuterRef("pk"))
        .order_by("-date", "-id")
        .values(column)[:1]
    )


def criteria_current(*, user, partners: Sequence[Partner], on: dt.date | None = None) -> dict[int, PartnerCriteria]:
    """The criteria in force on a date (today) per partner, as far as the user may see them."""
    ids = (
        Partner.objects.for_user(user).filter(pk__in=[p.pk for p in partners])
        .annotate(criteria_id=_latest_criteria_id(user, on or _today()))
        .values_list("pk", "criteria_id")
    )
    wanted = {criteria_id: partner_id for partner_id, criteria_id in ids if criteria_id}
    return {wanted[c.pk]: c for c in PartnerCriteria.objects.for_user(user).filter(pk__in=wanted)}


@dataclass(frozen=True)
class Profiles:
    """Partner profiles in the framework's JSON form, the codes not found, and notes on defaults used."""

    partners: list[dict[str, Any]]
    unknown: list[str]
    notes: list[str]


def _named(partner: Partner) -> str:
    """"België (BE)"; an organisation by its name alone when that holds its Dutch abbreviation
    ("Noord-Atlantische Verdragsorganisatie (NAVO)", not "… (NAVO) (NATO)": the code is English)."""
    short = ABBREVIATIONS.get(partner.code, (partner.code,))[0]  # the note is Dutch, whatever the page
    return partner.name_nl if short in partner.name_nl else f"{partner.name_nl} ({short})"


def partner_profiles(*, user, codes: Sequence[str]) -> Profiles:
    """The framework's view of partners (by code, in the given order) from what the user may see.

    The ring is the one in force today; without one the framework suggests a ring from the criteria.
    """
    found = {p.code: p for p in register_selectors.partner_list(user=user).filter(code__in=list(codes))}
    partners = [found[code] for code in codes if code in found]
    criteria = criteria_current(user=user, partners=partners)
    counts = bottom_up_goals(user=user, partners=partners)
    profiles, notes = [], []
    for partner in partners:
        judged = criteria.get(partner.pk)
        if judged is None:
            notes.append(
                f"Voor {_named(partner)} zijn geen partnercriteria vastgelegd: "
                "afstand, cultuur en synergie zijn neutraal (0,5) aangenomen."
            )
        values = {
            name: float(getattr(judged, name)) if judged is not None else NEUTRAL_CRITERION
            for name in ("political_distance", "culture_similarity", "operational_synergy")
        }
        profiles.append({
            "code": partner.code,
            "name": partner.name_nl,
            "ring": partner.current_ring or None,
            **values,
            "bottom_up_goals": counts.get(partner.pk, BottomUp()).goals,
        })
    return Profiles(profiles, [code for code in codes if code not in found], notes)


RING_ORDER = {ring: index for index, ring in enumerate(fw.Ring.codes())}


def partner_choices(*, user) -> list[Partner]:
    """Visible partners a proposal can name: everyone but the Netherlands, partners in a ring first.

    The usual partners are the ones in a ring; putting them on top saves scrolling past every country.
    """
    partners = (register_selectors.partner_list(user=user).exclude(code=HOME_CODE)
                .only("code", "name_nl", "name_en", "kind"))
    return sorted(partners, key=lambda p: (RING_ORDER.get(p.current_ring, len(RING_ORDER)), p.name_nl))


# --- initiatives as proposals --------------------------------------------------------------------------

@dataclass(frozen=True)
class InitiativeInput:
    """An initiative mapped onto the framework: the JSON-like data, the proposal if valid, and why not."""

    initiative: Initiative
    data: dict[str, Any]
    proposal: fw.Proposal | None
    problems: tuple[fw.Problem, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


def goal_strength(*, expected_result: str, indicator: str) -> float:
    """The documented default strength of a register goal (see :data:`GOAL_STRENGTH`)."""
    return round(GOAL_STRENGTH + GOAL_STRENGTH_STEP * (bool(expected_result) + bool(indicator)), 2)


def _mean_budget(amounts: list[Decimal]) -> float:
    return float(sum(amounts) / len(amounts)) if amounts else 0.0


def initiative_input(*, user, pk: int) -> InitiativeInput:
    """Map a visible initiative onto the framework; ``Initiative.DoesNotExist`` when it is not visible."""
    initiative = register_selectors.initiative_get(user=user, pk=pk)
    cooperating = [
        p for p in initiative.participations.all()
        if p.role not in NOT_COOPERATING_ROLES and p.partner.code != HOME_CODE
    ]
    profiles = partner_profiles(user=user, codes=[p.partner.code for p in cooperating])
    goals = list(initiative.goals.all())
    budgets = [b.amount_eur for b in initiative.budgets.all()]
    data: dict[str, Any] = {
        "title": initiative.title,
        "kind": initiative.kind,
        "goals": [
            {
                "category": goal.category,
                "statement": goal.statement,
                "strength": goal_strength(expected_result=goal.expected_result, indicator=goal.indicator),
                "concrete": bool(goal.expected_result or goal.indicator),
                # An indicator names what the goal is measured by, which is the result it expects.
                "expected_result": goal.expected_result or (goal.indicator or None),
            }
            for goal in goals
        ],
        "partners": profiles.partners,
        "costs": {
            "staff_fte": float(initiative.staff_fte or 0),
            "units_committed": float(initiative.units_committed or 0),
            "budget_eur_per_year": _mean_budget(budgets),
            "startup_eur": 0.0,
        },
        "timeline": {
            "planned_start": initiative.planned_start.isoformat() if initiative.planned_start else None,
            "planned_end": initiative.planned_end.isoformat() if initiative.planned_end else None,
            "milestones": len(initiative.milestones.all()),
        },
        "capabilities_touched": [],
        "touches_sovereign_capability": initiative.sovereign_capability,
    }
    # A blank form or origin is left out, so the framework names it as missing; a null form would
    # mean "niet samenwerken" instead.
    if initiative.form:
        data["form"] = initiative.form
    if initiative.origin:
        data["origin"] = initiative.origin
    notes = [*profiles.notes]
    if goals:
        notes.append(
            "Het register legt geen doelsterkte vast: elk doel telt voor 60%, 70% met een beoogd resultaat "
            "of een indicator, 80% met beide."
        )
    notes.append(
        "Kosten: stafcapaciteit en eenheden uit het register; budget per jaar is het gemiddelde van de "
        f"vastgelegde jaarbudgetten ({len(budgets)} jaar); opstartkosten staan niet apart in het register (0)."
    )
    observers = [p.partner.name_nl for p in initiative.participations.all() if p.role in NOT_COOPERATING_ROLES]
    if observers:
        notes.append(f"Waarnemers tellen niet als partner: {', '.join(observers)}.")
    try:
        proposal = fw.validate_proposal(data)
    except fw.ProposalError as error:
        return InitiativeInput(initiative, data, None, error.problems, tuple(notes))
    return InitiativeInput(initiative, data, proposal, (), tuple(notes))


def proposal_for_initiative(*, user, pk: int) -> fw.Proposal:
    """The framework proposal for a visible initiative.

    Raises ``Initiative.DoesNotExist`` when the user may not see it and :class:`ims.framework.ProposalError`
    when the register lacks what the framework needs (a form on the ladder, an origin, goals, partners).
    """
    mapped = initiative_input(user=user, pk=pk)
    if mapped.proposal is None:
        raise fw.ProposalError(mapped.problems)
    return mapped.proposal


def compare_choices(*, user, exclude: int | None = None) -> list[Initiative]:
    """Initiatives that can be set beside another: visible and placed on the ladder."""
    qs = Initiative.objects.for_user(user).exclude(form="").exclude(origin="").order_by("title")
    if exclude is not None:
        qs = qs.exclude(pk=exclude)
    return list(qs.only("pk", "title")[:COMPARE_CHOICES_LIMIT])


# --- rings: criteria, suggestion and the ring in force ---------------------------------------------------

@dataclass(frozen=True)
class RingRow:
    partner: Partner  # annotated with current_ring
    criteria: PartnerCriteria | None
    suggestion: RingSuggestion | None

    @property
    def divergent(self) -> bool:
        """The latest suggestion differs from the ring in force (a partner without a ring has none to differ)."""
        ring = self.partner.current_ring
        return bool(self.suggestion and ring and self.suggestion.ring != ring)


def _ring_partners(user) -> QuerySet[Partner]:
    return register_selectors.partner_list(user=user).annotate(
        criteria_id=_latest_criteria_id(user, _today()),
        suggestion_id=_latest_suggestion(user, "pk"),
        suggested_ring=_latest_suggestion(user, "ring"),
    )


def _rows(user, partners: QuerySet[Partner]) -> list[RingRow]:
    partners = list(partners)
    criteria = PartnerCriteria.objects.for_user(user).in_bulk([p.criteria_id for p in partners if p.criteria_id])
    suggestions = RingSuggestion.objects.for_user(user).in_bulk(
        [p.suggestion_id for p in partners if p.suggestion_id]
    )
    return [RingRow(p, criteria.get(p.criteria_id), suggestions.get(p.suggestion_id)) for p in partners]


def ring_overview(*, user, divergent_only: bool = False) -> list[RingRow]:
    """Partners with a ring in force, criteria or a suggestion, each with the latest of what the user may see."""
    qs = _ring_partners(user).filter(
        Q(current_ring__isnull=False) | Q(criteria_id__isnull=False) | Q(suggestion_id__isnull=False)
    )
    if divergent_only:
        qs = qs.filter(current_ring__isnull=False, suggested_ring__isnull=False).exclude(
            suggested_ring=F("current_ring")
        )
    return _rows(user, qs.order_by("name_nl"))


def ring_divergences(*, user) -> list[RingRow]:
    """Partners whose latest suggestion (as far as the user may see) differs from the ring in force."""
    return ring_overview(user=user, divergent_only=True)


@dataclass(frozen=True)
class PartnerRings:
    """One partner's ring history as the framework sees it: criteria, suggestions and rings, newest first."""

    row: RingRow
    criteria: list[PartnerCriteria]
    suggestions: list[RingSuggestion]
    rings: list[RingAssignment]
    bottom_up: BottomUp
    shared_framework: bool


def partner_rings(*, user, code: str) -> PartnerRings:
    """``Partner.DoesNotExist`` when the partner is not visible to the user."""
    rows = _rows(user, _ring_partners(user).filter(code=code))
    if not rows:
        raise Partner.DoesNotExist(code)
    row = rows[0]
    partner = row.partner
    return PartnerRings(
        row=row,
        criteria=list(PartnerCriteria.objects.for_user(user).filter(partner=partner)
                      .select_related("created_by").order_by("-valid_from", "-id")),
        suggestions=list(RingSuggestion.objects.for_user(user).filter(partner=partner)
                         .select_related("criteria").order_by("-date", "-id")),
        rings=effective_periods(RingAssignment.objects.for_user(user).filter(partner=partner)
                                .select_related("created_by"))[::-1],
        bottom_up=bottom_up_goals(user=user, partners=[partner]).get(partner.pk, BottomUp()),
        shared_framework=shares_framework(user=user, partner=partner),
    )


@dataclass(frozen=True)
class RingDecision:
    """What a ring decision would change, as far as the user may see: for the confirmation step."""

    change: ring_change.RingChange
    finalised: list[ReportVersion]  # final reports over the years whose ring list changes; they stay as they are


def ring_decision(*, user, partner: Partner, ring: str, valid_from: dt.date) -> RingDecision:
    # The layer the decision is written in (see services.ring_set), as the service will plan it.
    periods = RingAssignment.objects.for_level(0).filter(partner=partner, classification=0).only(
        "ring", "valid_from", "valid_to")
    change = ring_change.plan(list(periods), ring=ring, valid_from=valid_from, today=_today())
    finalised = list(versions_visible(user=user).filter(year__in=change.report_years).order_by("year", "number"))
    return RingDecision(change=change, finalised=finalised)


def user_clearance(user) -> int:
    """The user's clearance as an integer; 0 for anyone without one."""
    return clearance_of(user) or 0
