"""assess(): goal scores, feasibility, costs, sovereignty, partner fit - every figure with its reasons."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ims.framework import (
    Costs,
    Form,
    Goal,
    GoalCategory,
    Origin,
    PartnerProfile,
    Proposal,
    Ring,
    Scenario,
    assess,
    baseline,
    get_scenario,
    render_text,
    to_dict,
)
from ims.framework.assess import Assessment

from .strategies import FAST, baselines, close_partner, forms, goals, proposals, simple_proposal, unit, weights

BALANCED = get_scenario("balanced")
scenarios = st.sampled_from(["balanced", "economic-headwinds", "international-instability"]).map(get_scenario)


# --- properties -----------------------------------------------------------------------------------------


@FAST
@given(st.one_of(proposals(), baselines()), goals(), st.data(), scenarios)
def test_serving_an_extra_goal_never_lowers_that_categorys_score(
    proposal: Proposal, extra: Goal, data: st.DataObject, scenario: Scenario
) -> None:
    at = data.draw(st.integers(0, len(proposal.goals)))
    more = dataclasses.replace(proposal, goals=(*proposal.goals[:at], extra, *proposal.goals[at:]))
    before, after = assess(proposal, scenario), assess(more, scenario)
    for category in GoalCategory:
        if category == extra.category:
            assert after.goal_scores[category].value >= before.goal_scores[category].value - 1e-9
        else:
            assert after.goal_scores[category].value == pytest.approx(before.goal_scores[category].value)


@FAST
@given(proposals(), forms, forms)
def test_a_deeper_form_never_gives_up_less_freedom_of_action(proposal: Proposal, one: Form, other: Form) -> None:
    shallow, deep = sorted((one, other), key=lambda form: form.depth)
    shallow_sov = assess(dataclasses.replace(proposal, form=shallow), BALANCED).sovereignty
    deep_sov = assess(dataclasses.replace(proposal, form=deep), BALANCED).sovereignty
    assert deep_sov.freedom_of_action_given_up.value >= shallow_sov.freedom_of_action_given_up.value
    assert deep_sov.capacity_to_act_gained.value >= shallow_sov.capacity_to_act_gained.value
    alone = assess(baseline(), BALANCED).sovereignty
    assert alone.freedom_of_action_given_up.value == 0 <= shallow_sov.freedom_of_action_given_up.value


@FAST
@given(st.one_of(proposals(), baselines()), scenarios)
def test_every_figure_is_the_sum_of_its_reasons_and_all_reasons_are_rendered(
    proposal: Proposal, scenario: Scenario
) -> None:
    assessment = assess(proposal, scenario)
    text = render_text(assessment)
    for name, figure in assessment.figures().items():
        assert figure.reasons, name
        assert figure.value == pytest.approx(sum(reason.effect for reason in figure.reasons), abs=1e-9), name
        for reason in figure.reasons:
            assert reason.text_nl in text
    json.dumps(to_dict(assessment))


@FAST
@given(st.one_of(proposals(), baselines()), weights)
def test_total_is_linear_in_the_normalised_weights(proposal: Proposal, found: dict) -> None:
    scenario = Scenario("own", dt.date(2024, 1, 1), found, "Eigen")
    assessment = assess(proposal, scenario)
    expected = sum(scenario.normalised[c] * assessment.category_values[c] for c in GoalCategory)
    assert assessment.total.value == pytest.approx(expected, abs=1e-7)
    assert 0 <= assessment.feasibility.value <= 100
    assert 0.5 <= assessment.feasibility_factor <= 1


def _mutations(proposal: Proposal, draw: Callable) -> dict[str, Proposal]:
    """One changed input per JSON path the explanation should be able to name."""
    replace = dataclasses.replace
    found: dict[str, Proposal] = {}

    def with_goal(index: int, **changes: object) -> Proposal:
        goals_ = list(proposal.goals)
        goals_[index] = replace(goals_[index], **changes)
        return replace(proposal, goals=tuple(goals_))

    def withclose_partner(index: int, **changes: object) -> Proposal:
        partners = list(proposal.partners)
        partners[index] = replace(partners[index], **changes)
        return replace(proposal, partners=tuple(partners))

    for i, goal in enumerate(proposal.goals):
        found[f"goals[{i}].strength"] = with_goal(i, strength=draw(unit))
        found[f"goals[{i}].concrete"] = with_goal(i, concrete=not goal.concrete)
        found[f"goals[{i}].expected_result"] = with_goal(i, expected_result=None if goal.expected_result else "x")
    for i in range(len(proposal.partners)):
        for criterion in ("political_distance", "culture_similarity", "operational_synergy"):
            found[f"partners[{i}].{criterion}"] = withclose_partner(i, **{criterion: draw(unit)})
        found[f"partners[{i}].bottom_up_goals"] = withclose_partner(i, bottom_up_goals=draw(st.integers(0, 8)))
        found[f"partners[{i}].ring"] = withclose_partner(i, ring=draw(st.none() | st.sampled_from(list(Ring))))
    for field in ("staff_fte", "units_committed", "budget_eur_per_year", "startup_eur"):
        found[f"costs.{field}"] = replace(proposal, costs=replace(proposal.costs, **{field: draw(st.floats(0, 1e8))}))
    timeline = proposal.timeline
    found["timeline.planned_start"] = replace(
        proposal, timeline=replace(timeline, planned_start=None if timeline.planned_start else dt.date(2000, 1, 1))
    )
    found["timeline.planned_end"] = replace(
        proposal, timeline=replace(timeline, planned_end=None if timeline.planned_end else dt.date(2050, 1, 1))
    )
    found["timeline.milestones"] = replace(proposal, timeline=replace(timeline, milestones=draw(st.integers(0, 8))))
    found["origin"] = replace(
        proposal, origin=Origin.top_down if proposal.origin == Origin.bottom_up else Origin.bottom_up
    )
    found["form"] = replace(proposal, form=draw(forms))
    return found


def _names(factor: str, path: str) -> bool:
    """Does a reason's factor (possibly several causes joined by '&', '[*]' for any item) name ``path``?"""
    for part in factor.split(" & "):
        pattern = re.escape(part).replace(r"\[\*\]", r"\[\d+\]")
        if re.fullmatch(pattern + r"([.\[].*)?", path):
            return True
    return False


@FAST
@given(proposals(), st.data())
def test_every_factor_that_moved_a_score_appears_in_its_explanation(proposal: Proposal, data: st.DataObject) -> None:
    before = assess(proposal, BALANCED)
    for path, changed in _mutations(proposal, data.draw).items():
        after = assess(changed, BALANCED)
        for name, figure in before.figures().items():
            if name == "total":
                continue  # the total's reasons are the figures below, checked next
            moved = after.figures()[name]
            if abs(moved.value - figure.value) <= 1e-9:
                continue
            named = [r for r in (*figure.reasons, *moved.reasons) if r.effect != 0 and _names(r.factor, path)]
            assert named, f"{path} moved {name} from {figure.value} to {moved.value} without a reason"
        # The total's reasons name every figure that moved it.
        totals = {reason.factor: reason.effect for reason in after.total.reasons}
        for category in GoalCategory:
            if after.goal_scores[category].value != before.goal_scores[category].value:
                assert f"score.{category.value}" in totals
        assert "feasibility" in totals and "costs" in totals


# --- examples of the rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("partner", "phrase"),
    [
        (close_partner(political_distance=0.8), "afstand is groot"),
        (close_partner(culture_similarity=0.2), "politieke cultuur verschilt"),
    ],
)
def test_deep_form_with_a_distant_or_different_partner_is_warned(partner: PartnerProfile, phrase: str) -> None:
    deep = assess(simple_proposal(Form.integrated_operational, partner), BALANCED)
    assert len(deep.warnings) == 1 and phrase in deep.warnings[0] and "België (BE)" in deep.warnings[0]
    assert any(reason.effect == -10 for reason in deep.feasibility.reasons)
    shallow = assess(simple_proposal(Form.pooling, partner), BALANCED)
    assert shallow.warnings == ()
    assert deep.feasibility.value == pytest.approx(shallow.feasibility.value - 10)


def test_touching_a_capability_kept_on_our_own_is_flagged() -> None:
    flagged = assess(
        simple_proposal(touches_sovereign_capability=True, capabilities_touched=("onderzeeboten",)), BALANCED
    )
    assert flagged.sovereignty.touches_sovereign_capability
    assert any("zelfstandig" in warning and "onderzeeboten" in warning for warning in flagged.warnings)


def test_bottom_up_is_preferred_over_top_down() -> None:
    up = assess(simple_proposal(origin=Origin.bottom_up), BALANCED)
    down = assess(simple_proposal(origin=Origin.top_down), BALANCED)
    assert up.feasibility.value - down.feasibility.value == pytest.approx(10)
    assert up.total.value > down.total.value


def test_missing_ring_is_suggested_from_the_criteria() -> None:
    fit = assess(simple_proposal(partner=close_partner(ring=None)), BALANCED).partner_fits[0]
    assert fit.ring is Ring.strategic and fit.suggestion is not None
    assert "voorgesteld" in fit.fit.reasons[-1].text_nl
    far = assess(simple_proposal(partner=close_partner(ring=None, political_distance=0.9)), BALANCED).partner_fits[0]
    assert far.ring is Ring.opportunity and far.fit.value < fit.fit.value


def test_heterogeneous_partners_make_an_option_less_feasible() -> None:
    alike = simple_proposal(partners=(close_partner(), close_partner(code="LU", name="Luxemburg")))
    mixed = simple_proposal(
        partners=(close_partner(), close_partner(code="LU", name="Luxemburg", operational_synergy=0.25))
    )
    assert assess(mixed, BALANCED).feasibility.value < assess(alike, BALANCED).feasibility.value


def test_baseline_has_no_cooperation_risk_and_keeps_all_freedom() -> None:
    alone = assess(
        baseline(goals=[Goal(GoalCategory.military, "Eigen capaciteit", 0.4)], costs=Costs(0, 0, 10_000_000, 0)),
        BALANCED,
    )
    assert alone.feasibility.value == 100 and alone.feasibility_factor == 1
    assert alone.costs.value == pytest.approx(10)  # half of the money maximum at EUR 10 mln a year
    assert alone.total.value == pytest.approx(40 / 3 - 10)
    assert alone.partner_fits == () and alone.sovereignty.balance == 0


def test_goal_score_closes_the_gap_goal_by_goal() -> None:
    two = simple_proposal(
        goals=(Goal(GoalCategory.military, "a", 0.5), Goal(GoalCategory.military, "b", 0.5, True, "r"))
    )
    score = assess(two, BALANCED).goal_scores[GoalCategory.military]
    assert score.value == pytest.approx(75)
    assert [reason.effect for reason in score.reasons] == pytest.approx([50, 25])


def _check_figures(assessment: Assessment) -> None:
    for figure in assessment.figures().values():
        assert figure.value == pytest.approx(sum(reason.effect for reason in figure.reasons))


def test_vague_top_down_option_with_misfits_is_floored_at_zero_feasibility() -> None:
    vague = simple_proposal(
        form=Form.role_task_specialisation,
        origin=Origin.top_down,
        goals=(Goal(GoalCategory.military, "iets", 0.5),),
        partners=(
            close_partner(
                political_distance=0.9, culture_similarity=0.1, operational_synergy=0.0, ring=Ring.opportunity
            ),
            close_partner(code="FR", name="Frankrijk", political_distance=0.0, culture_similarity=1.0),
            close_partner(code="US", name="Verenigde Staten", political_distance=0.95, culture_similarity=0.3),
        ),
    )
    assessment = assess(vague, BALANCED)
    assert assessment.feasibility.value == pytest.approx(0)
    assert assessment.feasibility.reasons[-1].factor == "feasibility.floor"
    assert assessment.feasibility_factor == pytest.approx(0.5)
    _check_figures(assessment)
