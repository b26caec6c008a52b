"""From request values to a shown result: the option, "niet samenwerken" and any others, compared.

The views parse input and render; this module puts the selectors' proposals through the framework
and collects what the pages show beside the figures: the problems that stop an assessment and the
notes on defaults the register forced.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.utils import timezone

from ims import framework as fw
from ims.register.models import Initiative
from ims.register.vocab import GoalCategory

from . import selectors
from .charts import flip_chart_svg
from .forms import OWN_WEIGHTS, ProposalForm, own_weights, proposal_data

DEFAULT_SCENARIO = "balanced"
# The proposal's top-level JSON fields in the words of the pages, so a problem says which field it is.
FIELD_LABELS = {
    "title": "titel",
    "kind": "soort samenwerking",
    "form": "samenwerkingsvorm",
    "origin": "totstandkoming",
    "goals": "doelen",
    "partners": "partners",
    "costs": "kosten",
    "timeline": "tijdpad",
    "weights": "gewichten",
}


def describe_problem(problem: fw.Problem) -> str:
    """A framework problem with the field's Dutch name in front of its JSON path."""
    head = problem.path.split(".")[0].split("[")[0]
    label = FIELD_LABELS.get(head)
    where = f"{label} ({problem.path})" if label and problem.path else problem.path
    return f"{where}: {problem.message}" if where else problem.message


@dataclass(frozen=True)
class Outcome:
    """What a result panel shows; ``assessment`` is None when ``problems`` stopped it."""

    scenario: fw.Scenario | None
    assessment: fw.Assessment | None = None
    comparison: fw.Comparison | None = None
    chart_svg: str = ""
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.assessment is not None


def evaluate(proposal: fw.Proposal, scenario: fw.Scenario, others: Sequence[fw.Proposal] = (),
             notes: Sequence[str] = ()) -> Outcome:
    """Assess the proposal beside "niet samenwerken" (and the others), ranked, with the flip chart."""
    try:
        comparison = fw.compare([proposal, *others], scenario)
    except fw.ComparisonError as error:
        return Outcome(scenario, problems=tuple(describe_problem(p) for p in error.problems), notes=tuple(notes))
    return Outcome(
        scenario=scenario,
        assessment=comparison.assessments[0],
        comparison=comparison,
        chart_svg=flip_chart_svg(comparison),
        notes=tuple(notes),
    )


def _scenario(user, name: str) -> tuple[fw.Scenario | None, list[str]]:
    try:
        return selectors.scenario_get(user=user, name=name or DEFAULT_SCENARIO), []
    except fw.ScenarioError as error:
        return None, [describe_problem(p) for p in error.problems]


def _others(user, pks: Sequence[int], taken: set[str]) -> tuple[list[fw.Proposal], list[str]]:
    """Other initiatives as options; titles made unique, since the comparison tells options apart by title."""
    options, notes = [], []
    for pk in pks:
        try:
            mapped = selectors.initiative_input(user=user, pk=pk)
        except Initiative.DoesNotExist:
            notes.append(f"Initiatief {pk} is niet gevonden en niet meegenomen.")
            continue
        if mapped.proposal is None:
            reasons = "; ".join(describe_problem(p) for p in mapped.problems)
            notes.append(f"‘{mapped.initiative.title}’ kan niet worden vergeleken: {reasons}")
            continue
        option = mapped.proposal
        if option.title in taken:
            option = dataclasses.replace(option, title=f"{option.title} (#{pk})")
        taken.add(option.title)
        options.append(option)
    return options, notes


def initiative_outcome(*, user, pk: int, scenario_name: str = DEFAULT_SCENARIO,
                       compare: Sequence[int] = ()) -> tuple[selectors.InitiativeInput, Outcome]:
    """The assessment of a visible initiative; ``Initiative.DoesNotExist`` when the user may not see it."""
    mapped = selectors.initiative_input(user=user, pk=pk)
    scenario, problems = _scenario(user, scenario_name)
    problems += [describe_problem(p) for p in mapped.problems]
    if scenario is None or mapped.proposal is None:
        return mapped, Outcome(scenario, problems=tuple(problems), notes=mapped.notes)
    others, notes = _others(user, [other for other in compare if other != pk], {mapped.proposal.title})
    return mapped, evaluate(mapped.proposal, scenario, others, [*mapped.notes, *notes])


def proposal_query(data: dict[str, Any], scenario: str = DEFAULT_SCENARIO) -> str:
    """The proposal form's query string for an initiative's data: "what if" starts from the register.

    The form has one goal per category; several register goals are folded into one with the strength
    that gives the same category score (the framework's ``1 - prod(1 - strength)``).
    """
    params: list[tuple[str, Any]] = [(key, data.get(key) or "") for key in ("title", "kind", "form", "origin")]
    params += [("partners", partner["code"]) for partner in data.get("partners", [])]
    for code in GoalCategory.values:
        goals = [goal for goal in data.get("goals", []) if goal["category"] == code]
        if not goals:
            continue
        strength = 1 - math.prod(1 - goal["strength"] for goal in goals)
        params += [
            (f"statement_{code}", "; ".join(goal["statement"] for goal in goals)[:300]),
            (f"strength_{code}", round(strength, 3)),
            (f"result_{code}", next((goal["expected_result"] for goal in goals if goal["expected_result"]), "")),
        ]
    params += [(key, value) for key, value in data.get("costs", {}).items()]
    timeline = data.get("timeline", {})
    params += [(key, timeline.get(key) or "") for key in ("planned_start", "planned_end", "milestones")]
    if data.get("touches_sovereign_capability"):
        params.append(("sovereign", "on"))
    params.append(("scenario", scenario))
    return urlencode(params)


def proposal_outcome(*, user, form: ProposalForm) -> Outcome:
    """The assessment of the proposal typed into the form; the form must have been validated."""
    cleaned = form.cleaned_data
    profiles = selectors.partner_profiles(user=user, codes=cleaned.get("partners") or [])
    data = proposal_data(cleaned, profiles.partners)
    known = {partner["code"] for partner in profiles.partners}
    problems: list[str] = []
    try:
        proposal = fw.validate_proposal(data, known_partners=known)
    except fw.ProposalError as error:
        proposal = None
        problems += [describe_problem(p) for p in error.problems]
    if cleaned["scenario"] == OWN_WEIGHTS:
        try:
            scenario = fw.Scenario(OWN_WEIGHTS, timezone.localdate(), own_weights(cleaned), "Eigen weging")
        except fw.ScenarioError as error:
            scenario = None
            problems += [describe_problem(p) for p in error.problems]
    else:
        scenario, more = _scenario(user, cleaned["scenario"])
        problems += more
    if proposal is None or scenario is None:
        return Outcome(scenario, problems=tuple(problems), notes=tuple(profiles.notes))
    others, notes = _others(user, cleaned.get("compare") or [], {proposal.title})
    return evaluate(proposal, scenario, others, [*profiles.notes, *notes])
