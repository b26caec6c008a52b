"""Assessment of one option under a weighting scenario, every figure with its reasons.

Each figure is the sum of the effects of its reasons (:class:`Reason`, with a Dutch sentence), so
nothing moves a figure without appearing in the explanation. A reason's ``factor`` names what caused
it: an input field by its JSON path (``goals[2]``, ``costs.staff_fte``, ``partners[0].ring``; ``[*]``
for all items, ``&`` joins causes that act together) or a derived figure (``score.military``).

Formulas, one sentence each:

1. **Goal score** per category, 0..100: ``G_c = 100 * (1 - prod(1 - strength))`` over the category's
   goals - each goal closes its strength's share of the gap the earlier goals left, so an extra goal
   never lowers the score and several goals add up with diminishing returns.
2. **Partner fit**, 0..100 per partner: 25 points each for small distance ``25 * (1 - d)``, similar
   culture ``25 * c``, operational synergy ``25 * s`` and the ring (strategic 25, affiliated 15,
   opportunity 5); a missing ring is suggested from the criteria by :mod:`ims.framework.rings`.
3. **Feasibility** (kansrijkheid), 0..100 points - the framework's "more likely as themes are more
   clearly defined, partners more homogeneous and results more concrete, preferably bottom-up":
   20 x the share of goals marked concrete; 20 x the share of goals naming an expected result;
   5 for a planned start, 5 for a planned end, 2.5 per milestone up to 4; 15 for homogeneous partners
   (5 per criterion x (1 - spread), spread = max - min among the partners); 15 bottom-up or 5 top-down;
   10 x mean partner fit / 100; minus 10 for each partner at a large distance or of a different
   political culture when the form is operational or deeper; never below 0. "Niet samenwerken" carries
   no cooperation risk: 100. The **feasibility factor** ``F = 0.5 + 0.5 * feasibility / 100`` is the
   share of the goal value counted: half for a vague option, all of it for a concrete one.
4. **Costs**, points, each saturating at its maximum and half of it at a reference amount: staff
   ``10 * x / (x + 10 FTE)``; units not deployable elsewhere ``10 * u / (u + 2)``; money
   ``20 * m / (m + EUR 10 mln)`` with ``m`` = yearly budget + start-up spread over five years.
5. **Value per category** ``N_c = F * G_c - K`` and **total** ``T = sum(w_c * N_c) = F * sum(w_c * G_c)
   - K`` with ``w`` the scenario's normalised weights. ``T`` is linear in the weights: the flip analysis
   in :mod:`ims.framework.compare` relies on that.
6. **Sovereignty**: freedom of action given up and capacity to act gained, per step of the depth ladder
   (:mod:`ims.framework.ladder`, both monotone in depth); an option touching a capability the
   Netherlands keeps on its own is flagged. Sovereignty is reported beside the total, not in it: the
   trade of freedom for capacity is a political judgement, not a cost.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from ._fmt import amount, date, eur, num, pct, quoted, signed
from .ladder import CAPACITY_GAINED, FREEDOM_GIVEN_UP, LADDER_LENGTH
from .model import PartnerProfile, Proposal
from .rings import RingSuggestion, deep_form_misfit, suggest_ring_for
from .scenarios import Scenario
from .vocab import BASELINE_LABEL_NL, CostItem, GoalCategory, Origin, Ring

# Partner fit (points of 100).
FIT_PER_CRITERION = 25.0
RING_FIT: dict[Ring, float] = {Ring.strategic: 25.0, Ring.affiliated: 15.0, Ring.opportunity: 5.0}
# Feasibility (points of 100).
THEME_POINTS = 20.0
RESULT_POINTS = 20.0
DATE_POINTS = 5.0
MILESTONE_POINTS = 2.5
MILESTONES_COUNTED = 4
HOMOGENEITY_POINTS = 15.0
ORIGIN_POINTS: dict[Origin, float] = {Origin.bottom_up: 15.0, Origin.top_down: 5.0}
PARTNER_FIT_POINTS = 10.0
MISFIT_PENALTY = 10.0
FLOOR_SHARE = 0.5  # the feasibility factor runs from this share to 1
# Costs: (maximum points, amount at which half the maximum is reached).
STAFF_COST = (10.0, 10.0)
UNIT_COST = (10.0, 2.0)
MONEY_COST = (20.0, 10_000_000.0)
STARTUP_YEARS = 5

_HOMOGENEITY_CRITERIA = {
    "political_distance": "politiek-strategische afstand",
    "culture_similarity": "politieke cultuur",
    "operational_synergy": "operationele synergie",
}


@dataclass(frozen=True)
class Reason:
    """One cause of a figure: what (``factor``), how much (``effect``, in the figure's unit), why."""

    factor: str
    effect: float
    text_nl: str


@dataclass(frozen=True)
class Figure:
    """A number and its reasons; ``value`` is exactly the sum of the reasons' effects."""

    value: float
    reasons: tuple[Reason, ...]

    @classmethod
    def of(cls, reasons: Iterable[Reason]) -> Figure:
        reasons = tuple(reasons)
        return cls(math.fsum(reason.effect for reason in reasons), reasons)


@dataclass(frozen=True)
class PartnerFit:
    """How well one partner fits; ``suggestion`` is set when the ring was not given."""

    partner: PartnerProfile
    ring: Ring
    suggestion: RingSuggestion | None
    fit: Figure
    misfit: tuple[str, ...]


@dataclass(frozen=True)
class Sovereignty:
    """Freedom of action given up against capacity to act gained (both 0..100)."""

    freedom_of_action_given_up: Figure
    capacity_to_act_gained: Figure
    touches_sovereign_capability: bool

    @property
    def balance(self) -> float:
        return self.capacity_to_act_gained.value - self.freedom_of_action_given_up.value


@dataclass(frozen=True)
class Assessment:
    """The assessment of one option under one scenario. See the module docstring for the formulas."""

    proposal: Proposal
    scenario: Scenario
    goal_scores: dict[GoalCategory, Figure]
    partner_fits: tuple[PartnerFit, ...]
    feasibility: Figure
    feasibility_factor: float
    costs: Figure
    category_values: dict[GoalCategory, float]
    total: Figure
    sovereignty: Sovereignty
    warnings: tuple[str, ...]

    def figures(self) -> dict[str, Figure]:
        """Every figure by a stable name, e.g. ``score.military``, ``fit.BE``, ``total``."""
        named = {f"score.{category.value}": figure for category, figure in self.goal_scores.items()}
        named.update({f"fit.{fit.partner.code}": fit.fit for fit in self.partner_fits})
        named["feasibility"] = self.feasibility
        named["costs"] = self.costs
        named["sovereignty.freedom_of_action"] = self.sovereignty.freedom_of_action_given_up
        named["sovereignty.capacity_to_act"] = self.sovereignty.capacity_to_act_gained
        named["total"] = self.total
        return named


def assess(proposal: Proposal, scenario: Scenario) -> Assessment:
    """Assess one option (a proposal or the baseline) under a weighting scenario."""
    goal_scores = {category: _goal_score(proposal, category) for category in GoalCategory}
    fits = tuple(_partner_fit(proposal, i, partner) for i, partner in enumerate(proposal.partners))
    feasibility = _feasibility(proposal, fits)
    factor = FLOOR_SHARE + (1.0 - FLOOR_SHARE) * feasibility.value / 100.0
    costs = _costs(proposal)
    values = {category: factor * goal_scores[category].value - costs.value for category in GoalCategory}
    total = _total(scenario, goal_scores, feasibility.value, factor, costs.value)
    return Assessment(
        proposal=proposal,
        scenario=scenario,
        goal_scores=goal_scores,
        partner_fits=fits,
        feasibility=feasibility,
        feasibility_factor=factor,
        costs=costs,
        category_values=values,
        total=total,
        sovereignty=_sovereignty(proposal),
        warnings=_warnings(proposal, fits),
    )


def _goal_score(proposal: Proposal, category: GoalCategory) -> Figure:
    reasons = []
    remaining = 100.0
    for i, goal in enumerate(proposal.goals):
        if goal.category != category:
            continue
        effect = remaining * goal.strength
        reasons.append(
            Reason(
                f"goals[{i}]",
                effect,
                f"Doel {quoted(goal.statement)} (sterkte {pct(goal.strength)}) vult {pct(goal.strength)} "
                f"van de resterende {num(remaining)} punten: {signed(effect)}.",
            )
        )
        remaining -= effect
    if not reasons:
        reasons.append(Reason("goals", 0.0, f"Geen doelen in de categorie {category.label_nl}: 0 punten."))
    return Figure.of(reasons)


def _partner_fit(proposal: Proposal, index: int, partner: PartnerProfile) -> PartnerFit:
    path = f"partners[{index}]"
    top = num(FIT_PER_CRITERION, 0)
    distance = FIT_PER_CRITERION * (1.0 - partner.political_distance)
    culture = FIT_PER_CRITERION * partner.culture_similarity
    synergy = FIT_PER_CRITERION * partner.operational_synergy
    suggestion: RingSuggestion | None = None
    if partner.ring is not None:
        ring = partner.ring
        ring_reason = Reason(
            f"{path}.ring", RING_FIT[ring], f"Schil {ring.label_nl}: {num(RING_FIT[ring])} van {top} punten."
        )
    else:
        suggestion = suggest_ring_for(partner)
        ring = suggestion.ring
        # A suggested ring depends on all the partner's criteria, so it is attributed to the whole partner.
        ring_reason = Reason(
            path,
            RING_FIT[ring],
            f"Schil niet opgegeven, uit de criteria voorgesteld: {ring.label_nl}: "
            f"{num(RING_FIT[ring])} van {top} punten.",
        )
    fit = Figure.of(
        (
            Reason(
                f"{path}.political_distance",
                distance,
                f"Politiek-strategische afstand {num(partner.political_distance, 2)}: "
                f"{num(distance)} van {top} punten.",
            ),
            Reason(
                f"{path}.culture_similarity",
                culture,
                f"Vergelijkbaarheid politieke cultuur {num(partner.culture_similarity, 2)}: "
                f"{num(culture)} van {top} punten.",
            ),
            Reason(
                f"{path}.operational_synergy",
                synergy,
                f"Operationele synergie {num(partner.operational_synergy, 2)}: {num(synergy)} van {top} punten.",
            ),
            ring_reason,
        )
    )
    deep = proposal.form is not None and proposal.form.is_deep
    return PartnerFit(partner, ring, suggestion, fit, deep_form_misfit(partner) if deep else ())


def _form_label(proposal: Proposal) -> str:
    return proposal.form.label_nl if proposal.form is not None else BASELINE_LABEL_NL


def _misfit_phrase(fit: PartnerFit) -> str:
    parts = []
    if "political_distance" in fit.misfit:
        parts.append(f"de politiek-strategische afstand is groot ({num(fit.partner.political_distance, 2)})")
    if "culture_similarity" in fit.misfit:
        parts.append(f"de politieke cultuur verschilt ({num(fit.partner.culture_similarity, 2)})")
    return " en ".join(parts)


def _feasibility(proposal: Proposal, fits: tuple[PartnerFit, ...]) -> Figure:
    if proposal.is_baseline:
        return Figure.of(
            [Reason("form", 100.0, "Niet samenwerken kent geen samenwerkingsrisico: kansrijkheid 100 punten.")]
        )
    reasons = [*_concreteness(proposal), *_timeline(proposal), *_homogeneity(proposal.partners)]
    if proposal.origin is not None:
        points = ORIGIN_POINTS[proposal.origin]
        why = (
            "op initiatief van de partners (voorkeur)"
            if proposal.origin == Origin.bottom_up
            else ("vanuit een internationaal kader")
        )
        reasons.append(
            Reason(
                "origin",
                points,
                f"{proposal.origin.label_nl.capitalize()}, {why}: {num(points)} van 15 punten.",
            )
        )
    if fits:
        mean_fit = math.fsum(fit.fit.value for fit in fits) / len(fits)
        points = PARTNER_FIT_POINTS * mean_fit / 100.0
        reasons.append(
            Reason("partners", points, f"Gemiddelde partnerfit {num(mean_fit)}: {num(points)} van 10 punten.")
        )
    for i, fit in enumerate(fits):
        if not fit.misfit:
            continue
        cause = f"partners[{i}].{fit.misfit[0]}" if len(fit.misfit) == 1 else f"partners[{i}]"
        reasons.append(
            Reason(
                f"form & {cause}",
                -MISFIT_PENALTY,
                f"Een diepe vorm ({_form_label(proposal)}) met {fit.partner.name} is minder kansrijk: "
                f"{_misfit_phrase(fit)}: {signed(-MISFIT_PENALTY)} punten.",
            )
        )
    raw = math.fsum(reason.effect for reason in reasons)
    if raw < 0:
        reasons.append(Reason("feasibility.floor", -raw, f"Kansrijkheid komt niet onder 0: {signed(-raw)} punten."))
    return Figure.of(reasons)


def _concreteness(proposal: Proposal) -> list[Reason]:
    goals = proposal.goals
    if not goals:
        return [Reason("goals", 0.0, "Geen doelen genoemd: 0 punten voor concreetheid van thema en resultaat.")]
    concrete = sum(goal.concrete for goal in goals)
    with_result = sum(goal.expected_result is not None for goal in goals)
    theme = THEME_POINTS * concrete / len(goals)
    result = RESULT_POINTS * with_result / len(goals)
    return [
        Reason(
            "goals[*].concrete",
            theme,
            f"{concrete} van {len(goals)} doelen zijn concreet omschreven: {num(theme)} van 20 punten.",
        ),
        Reason(
            "goals[*].expected_result",
            result,
            f"{with_result} van {len(goals)} doelen noemen een verwacht resultaat: {num(result)} van 20 punten.",
        ),
    ]


def _timeline(proposal: Proposal) -> list[Reason]:
    timeline = proposal.timeline
    reasons = []
    for field, planned, label, value in (
        ("planned_start", "Geplande", "start", timeline.planned_start),
        ("planned_end", "Gepland", "einde", timeline.planned_end),
    ):
        points = DATE_POINTS if value is not None else 0.0
        said = f"{planned} {label} {date(value)}" if value is not None else f"Geen {planned.lower()} {label}"
        reasons.append(Reason(f"timeline.{field}", points, f"{said}: {num(points)} van 5 punten."))
    counted = min(timeline.milestones, MILESTONES_COUNTED)
    points = MILESTONE_POINTS * counted
    reasons.append(
        Reason(
            "timeline.milestones",
            points,
            f"{timeline.milestones} mijlpalen: {num(points)} van 10 punten "
            f"({num(MILESTONE_POINTS)} per mijlpaal, tot {MILESTONES_COUNTED}).",
        )
    )
    return reasons


def _homogeneity(partners: tuple[PartnerProfile, ...]) -> list[Reason]:
    if len(partners) < 2:
        return [Reason("partners", HOMOGENEITY_POINTS, "Eén partner: volledig homogeen, 15 van 15 punten.")]
    per_criterion = HOMOGENEITY_POINTS / len(_HOMOGENEITY_CRITERIA)
    reasons = []
    for criterion, label in _HOMOGENEITY_CRITERIA.items():
        values = [getattr(partner, criterion) for partner in partners]
        spread = max(values) - min(values)
        points = per_criterion * (1.0 - spread)
        reasons.append(
            Reason(
                f"partners[*].{criterion}",
                points,
                f"Spreiding in {label} tussen de partners {num(spread, 2)}: "
                f"{num(points)} van {num(per_criterion)} punten.",
            )
        )
    return reasons


def _saturating(amount: float, cost: tuple[float, float]) -> float:
    maximum, half_at = cost
    return maximum * amount / (amount + half_at)


def _costs(proposal: Proposal) -> Figure:
    costs = proposal.costs
    staff = _saturating(costs.staff_fte, STAFF_COST)
    units = _saturating(costs.units_committed, UNIT_COST)
    money_per_year = costs.budget_eur_per_year + costs.startup_eur / STARTUP_YEARS
    money = _saturating(money_per_year, MONEY_COST)
    return Figure.of(
        (
            Reason(
                "costs.staff_fte",
                staff,
                f"{CostItem.staff_fte.label_nl.capitalize()} {amount(costs.staff_fte)}: {num(staff)} van "
                f"{num(STAFF_COST[0], 0)} punten (de helft bij {num(STAFF_COST[1], 0)} fte).",
            ),
            Reason(
                "costs.units_committed",
                units,
                f"{CostItem.units_committed.label_nl.capitalize()} {amount(costs.units_committed)}, "
                f"niet elders inzetbaar: {num(units)} van {num(UNIT_COST[0], 0)} punten "
                f"(de helft bij {num(UNIT_COST[1], 0)} eenheden).",
            ),
            Reason(
                "costs.budget_eur_per_year & costs.startup_eur",
                money,
                f"Budget {eur(costs.budget_eur_per_year)} per jaar plus {eur(costs.startup_eur)} "
                f"opstartkosten verdeeld over {STARTUP_YEARS} jaar ({eur(money_per_year)} per jaar), "
                f"niet beschikbaar voor andere doelen: {num(money)} van {num(MONEY_COST[0], 0)} punten "
                f"(de helft bij {eur(MONEY_COST[1])}).",
            ),
        )
    )


def _total(
    scenario: Scenario,
    goal_scores: dict[GoalCategory, Figure],
    feasibility: float,
    factor: float,
    costs: float,
) -> Figure:
    weights = scenario.normalised
    reasons = [
        Reason(
            f"score.{category.value}",
            weights[category] * goal_scores[category].value,
            f"{category.label_nl.capitalize()}: score {num(goal_scores[category].value)} x gewicht "
            f"{pct(weights[category])} = {signed(weights[category] * goal_scores[category].value)}.",
        )
        for category in GoalCategory
    ]
    value = math.fsum(reason.effect for reason in reasons)
    discount = -(1.0 - factor) * value
    reasons.append(
        Reason(
            "feasibility",
            discount,
            f"Kansrijkheid {num(feasibility)} van 100: de doelen tellen voor {pct(factor)} mee: {signed(discount)}.",
        )
    )
    reasons.append(Reason("costs", -costs, f"Kosten: {signed(-costs)}."))
    return Figure.of(reasons)


def _sovereignty(proposal: Proposal) -> Sovereignty:
    form = proposal.form
    if form is None:
        freedom = Figure.of([Reason("form", 0.0, "Niet samenwerken: de vrijheid van handelen blijft geheel behouden.")])
        capacity = Figure.of([Reason("form", 0.0, "Niet samenwerken: er komt geen handelingsvermogen bij.")])
    else:
        step = f"{form.label_nl} (stap {form.depth} van {LADDER_LENGTH})"
        freedom = Figure.of(
            [
                Reason(
                    "form",
                    FREEDOM_GIVEN_UP[form],
                    f"{step.capitalize()} beperkt de vrijheid van handelen met {num(FREEDOM_GIVEN_UP[form])} punten.",
                )
            ]
        )
        capacity = Figure.of(
            [
                Reason(
                    "form",
                    CAPACITY_GAINED[form],
                    f"{step.capitalize()} geeft {num(CAPACITY_GAINED[form])} punten handelingsvermogen terug.",
                )
            ]
        )
    return Sovereignty(freedom, capacity, proposal.touches_sovereign_capability)


def _warnings(proposal: Proposal, fits: tuple[PartnerFit, ...]) -> tuple[str, ...]:
    warnings = [
        f"Waarschuwing: {_form_label(proposal)} met {fit.partner.name} ({fit.partner.code}): "
        f"{_misfit_phrase(fit)}; verdiepte samenwerking slaagt het best met nabije, gelijkgezinde partners."
        for fit in fits
        if fit.misfit
    ]
    if proposal.touches_sovereign_capability:
        touched = f" ({', '.join(proposal.capabilities_touched)})" if proposal.capabilities_touched else ""
        warnings.append(f"Let op: raakt een capaciteit waarover Nederland zelfstandig wil blijven beschikken{touched}.")
    return tuple(warnings)
