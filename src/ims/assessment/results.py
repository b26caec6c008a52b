"""From request values to a shown result: the option, "niet samenwerken" and any others, compared.

The views parse input and render; this module puts the selectors' proposals through the framework
and collects what the pages show beside the figures: the problems that stop an assessment and the
notes on defaults the register forced.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ims import framework as fw
from ims.register.models import Initiative
from ims.register.vocab import GoalCategory

from . import selectors
from .charts import flip_chart_svg
from .forms import OWN_WEIGHTS, ProposalForm, own_weights, proposal_data

DEFAULT_SCENARIO = "balanced"
# The fields of the framework's proposal and scenario JSON in the words of the pages, so that a problem says
# what it is about in plain Dutch ("doel 1, sterkte"), not by its JSON path ("goals[0].strength").
FIELD_WORDS = {
    "title": _("titel"),
    "kind": _("soort samenwerking"),
    "form": _("samenwerkingsvorm"),
    "origin": _("totstandkoming"),
    "goals": _("doelen"),
    "partners": _("partners"),
    "costs": _("kosten"),
    "timeline": _("tijdpad"),
    "weights": _("gewichten"),
    "scenario": _("scenario"),
    "category": _("categorie"),
    "statement": _("omschrijving"),
    "strength": _("sterkte"),
    "concrete": _("concreet"),
    "expected_result": _("beoogd resultaat"),
    "code": _("partnercode"),
    "name": _("naam"),
    "ring": _("schil"),
    "political_distance": _("politiek-strategische afstand"),
    "culture_similarity": _("vergelijkbaarheid politieke cultuur"),
    "operational_synergy": _("operationele synergie"),
    "bottom_up_goals": _("bottom-up doelen"),
    "staff_fte": _("stafcapaciteit (fte)"),
    "units_committed": _("gecommitteerde eenheden"),
    "budget_eur_per_year": _("budget per jaar"),
    "startup_eur": _("opstartkosten"),
    "planned_start": _("geplande start"),
    "planned_end": _("gepland einde"),
    "milestones": _("mijlpalen"),
    "touches_sovereign_capability": _("soevereine capaciteit"),
}
# The one-item words for the lists: goals[0] is "doel 1".
ITEM_WORDS = {"goals": _("doel"), "partners": _("partner"), "capabilities_touched": _("capaciteit")}
# Problems about more than one field, in the words of the proposal form (the framework's own words name JSON).
PLAIN_MESSAGES = {
    "goals": _("Geef ten minste één doel een sterkte boven nul: samenwerking dient altijd een doel."),
    "partners": _("Kies ten minste één partner: samenwerken doet u met een ander."),
    "timeline.planned_end": _("Ligt vóór de geplande start."),
    "weights": _("Geef ten minste één gewicht boven nul."),
}
_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


# Groups whose name adds nothing before the field in them ("gepland einde", not "tijdpad, gepland einde").
SILENT_GROUPS = {"costs", "timeline"}


def _where(path: str) -> str:
    """A JSON path in words: ``goals[0].strength`` -> ``doel 1, sterkte``; ``weights.military`` -> ``gewicht
    militair (effectiviteit)``."""
    steps = path.split(".")
    words = []
    for n, step in enumerate(steps):
        match = _STEP.fullmatch(step)
        name, index = match.groups() if match else (step, None)
        last = n == len(steps) - 1
        if name in SILENT_GROUPS and not last:
            continue
        if index is not None and name in ITEM_WORDS:
            words.append(f"{ITEM_WORDS[name]} {int(index) + 1}")
        elif name in GoalCategory.values:
            label = str(GoalCategory(name).label)
            words[-1:] = [f"{_('gewicht')} {label}"] if steps[n - 1:n] == ["weights"] else [*words[-1:], label]
        else:
            words.append(str(FIELD_WORDS.get(name, name)))
    return ", ".join(words)


def plain_message(problem: fw.Problem) -> str:
    """What is wrong, as one Dutch sentence without JSON paths or codes where the framework's wording has them."""
    if problem.path in PLAIN_MESSAGES:
        return str(PLAIN_MESSAGES[problem.path])
    return capfirst(problem.message).rstrip(".") + "."


# The goal fields of the proposal form, per field of a goal in the framework's JSON.
GOAL_FORM_FIELDS = {"statement": "statement", "strength": "strength", "expected_result": "result",
                    "concrete": "result", "category": "strength"}


def _form_field(path: str, data: dict[str, Any]) -> str | None:
    """The proposal form's field a problem is about, by its JSON path and the data the path points into."""
    head, *rest = path.split(".")
    match = _STEP.fullmatch(head)
    name, index = match.groups() if match else (head, None)
    if name == "goals" and index is not None:
        goals = data.get("goals") or []
        category = goals[int(index)].get("category") if int(index) < len(goals) else None
        return f"{GOAL_FORM_FIELDS.get(rest[0] if rest else '', 'strength')}_{category}" if category else None
    if name == "partners":
        return "partners"
    if name in SILENT_GROUPS and rest:
        return rest[0]
    if name == "weights" and rest:
        return f"weight_{rest[0]}"
    if name == "touches_sovereign_capability":
        return "sovereign"
    return name if name in ("title", "kind", "form", "origin", "scenario") else None


def attach_problems(form: ProposalForm, problems: Sequence[fw.Problem], data: dict[str, Any]) -> None:
    """Put the framework's problems on the proposal form, each on the field it is about, in plain Dutch.

    A field the form itself already found fault with keeps that one message: the framework saw no value there,
    so what it says follows from the first fault (a goal whose strength is no number is a missing goal). The
    same holds for the problems of a group of fields (no goal at all, weights all zero), which the form shows
    above the group.
    """
    for problem in problems:
        field = _form_field(problem.path, data)
        if field in form.fields:
            if not form.has_error(field):
                form.add_error(field, plain_message(problem))
        elif problem.path in form.group_errors:
            if not any(form.has_error(name) for name in form.group_fields(problem.path)):
                form.group_errors[problem.path].append(plain_message(problem))
        else:
            form.add_error(None, describe_problem(problem))


def describe_problem(problem: fw.Problem) -> str:
    """A framework problem in plain Dutch, saying what it is about: ``Doel 1, sterkte: moet tussen 0 en 1 liggen``."""
    message = plain_message(problem)
    if not problem.path:
        return message
    return f"{capfirst(_where(problem.path))}: {message[:1].lower()}{message[1:]}"


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


def proposal_outcome(*, user, form: ProposalForm) -> Outcome | None:
    """The assessment of the proposal typed into the form, or None when the form has problems.

    Call it after ``form.is_valid()``, valid or not: the framework judges whatever the form could read, and its
    problems go onto the form's fields beside the form's own, so that the user sees every problem at once.
    """
    cleaned = form.cleaned_data
    profiles = selectors.partner_profiles(user=user, codes=cleaned.get("partners") or [])
    data = proposal_data(cleaned, profiles.partners)
    known = {partner["code"] for partner in profiles.partners}
    proposal = scenario = None
    try:
        proposal = fw.validate_proposal(data, known_partners=known)
    except fw.ProposalError as error:
        attach_problems(form, error.problems, data)
    try:
        if cleaned.get("scenario") == OWN_WEIGHTS:
            scenario = fw.Scenario(OWN_WEIGHTS, timezone.localdate(), own_weights(cleaned), "Eigen weging")
        elif cleaned.get("scenario"):
            scenario = selectors.scenario_get(user=user, name=cleaned["scenario"])
    except fw.ScenarioError as error:
        attach_problems(form, error.problems, data)
    if form.errors or any(form.group_errors.values()) or proposal is None or scenario is None:
        return None
    others, notes = _others(user, cleaned.get("compare") or [], {proposal.title})
    return evaluate(proposal, scenario, others, [*profiles.notes, *notes])
