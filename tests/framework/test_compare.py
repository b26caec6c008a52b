"""compare(): the baseline is always there, ranking under the scenario, exact flip points."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ims.framework import (
    ComparisonError,
    GoalCategory,
    Proposal,
    Scenario,
    assess,
    baseline,
    compare,
    comparison_to_dict,
    render_comparison_text,
)

from .strategies import FAST, baselines, proposals, simple_proposal, weights

DAY = dt.date(2024, 1, 1)


@st.composite
def option_lists(draw: st.DrawFn, min_size: int = 1, max_size: int = 4) -> list[Proposal]:
    count = draw(st.integers(min_size, max_size))
    return [draw(proposals(title=f"Optie {i + 1}")) for i in range(count)]


def _scenario(found: dict) -> Scenario:
    return Scenario("own", DAY, found, "Eigen")


@FAST
@given(option_lists(), weights, st.booleans(), baselines())
def test_the_baseline_is_always_in_a_comparison_once(
    options: list[Proposal], found: dict, own_baseline: bool, alone: Proposal
) -> None:
    given_options = [*options, alone] if own_baseline else options
    comparison = compare(given_options, _scenario(found))
    baselines_in = [item for item in comparison.assessments if item.proposal.is_baseline]
    assert len(baselines_in) == 1
    assert comparison.baseline_added is not own_baseline
    assert len(comparison.ranking) == len(options) + 1
    totals = [item.total.value for item in comparison.ranking]
    assert totals == sorted(totals, reverse=True)


@FAST
@given(option_lists(min_size=1, max_size=3), weights)
def test_flip_points_really_are_where_the_totals_are_equal(options: list[Proposal], found: dict) -> None:
    comparison = compare(options, _scenario(found))
    by_title = {item.proposal.title: item.proposal for item in comparison.assessments}
    for pair in comparison.flips:
        for point in (*pair.edge_points, *pair.direction_points):
            assert sum(point.weights.values()) == pytest.approx(1.0)
            assert min(point.weights.values()) >= -1e-12
            at = _scenario({c: max(w, 0.0) for c, w in point.weights.items()})
            first, second = assess(by_title[pair.a], at), assess(by_title[pair.b], at)
            scale = 1 + abs(first.total.value)
            assert first.total.value == pytest.approx(second.total.value, abs=1e-7 * scale)
            assert point.total == pytest.approx(first.total.value, abs=1e-7 * scale)


@FAST
@given(option_lists(min_size=2, max_size=2), weights)
def test_never_flips_means_the_same_order_in_every_corner(options: list[Proposal], found: dict) -> None:
    comparison = compare(options, _scenario(found))
    for pair in comparison.flips:
        first, second = (item for item in comparison.assessments if item.proposal.title in (pair.a, pair.b))
        differences = [first.category_values[c] - second.category_values[c] for c in GoalCategory]
        # The total is linear, so the signs in the three corners of the weight triangle decide everything
        # (differences within rounding noise count as ties).
        if pair.never_flips:
            assert min(differences) >= -1e-9 or max(differences) <= 1e-9
        else:
            assert min(differences) < 0 < max(differences)
            assert len(pair.edge_points) == 2 and pair.direction_points


@FAST
@given(proposals(title="A"), proposals(title="B"), weights, st.sampled_from(list(GoalCategory)), st.floats(0.01, 10))
def test_raising_a_weight_never_lowers_an_option_against_one_that_serves_that_category_less(
    a: Proposal, b: Proposal, found: dict, category: GoalCategory, extra: float
) -> None:
    before, raised = _scenario(found), _scenario({**found, category: found[category] + extra})
    a_before, b_before = assess(a, before), assess(b, before)
    assume(a_before.category_values[category] >= b_before.category_values[category])

    def advantage(scenario: Scenario) -> float:
        # A's lead in total, scaled back from normalised to the raw weights: never shrinks as w_c grows.
        return (assess(a, scenario).total.value - assess(b, scenario).total.value) * sum(scenario.weights.values())

    assert advantage(raised) >= advantage(before) - 1e-6 * (1 + abs(advantage(before)))
    if a_before.total.value > b_before.total.value + 1e-9:
        assert assess(a, raised).total.value >= assess(b, raised).total.value - 1e-9


@FAST
@given(proposals(title="A"), weights, st.sampled_from(list(GoalCategory)), st.floats(0.01, 10), st.floats(0, 0.99))
def test_raising_a_weight_favours_the_option_that_serves_that_category_with_stronger_goals(
    a: Proposal, found: dict, category: GoalCategory, extra: float, weaker: float
) -> None:
    # B is A with the goals of one category weakened: same feasibility and costs, serves that category less.
    b = dataclasses.replace(
        a,
        title="B",
        goals=tuple(
            dataclasses.replace(goal, strength=goal.strength * weaker) if goal.category == category else goal
            for goal in a.goals
        ),
    )
    before, raised = _scenario(found), _scenario({**found, category: found[category] + extra})
    lead_before = assess(a, before).total.value - assess(b, before).total.value
    lead_raised = assess(a, raised).total.value - assess(b, raised).total.value
    assert lead_before >= -1e-9
    assert lead_raised * sum(raised.weights.values()) >= lead_before * sum(before.weights.values()) - 1e-7


def test_two_to_five_options_side_by_side_baseline_counted() -> None:
    scenario = _scenario({c: 1 for c in GoalCategory})
    with pytest.raises(ComparisonError, match="2 tot 5"):
        compare([baseline()], scenario)
    many = [simple_proposal(title=f"Optie {i}") for i in range(5)]
    with pytest.raises(ComparisonError, match="dit zouden er 6 zijn"):
        compare(many, scenario)
    assert len(compare(many[:4], scenario).assessments) == 5
    assert len(compare([*many[:4], baseline()], scenario).assessments) == 5


def test_titles_must_differ_and_only_one_baseline() -> None:
    scenario = _scenario({c: 1 for c in GoalCategory})
    with pytest.raises(ComparisonError) as caught:
        compare(
            [simple_proposal(), simple_proposal(), baseline(), dataclasses.replace(baseline(), title="Alleen")],
            scenario,
        )
    paths = {problem.path for problem in caught.value.problems}
    assert paths == {"options[1].title", "options[3]"}
    with pytest.raises(ComparisonError, match=r"options\[0\]\.title"):
        compare([simple_proposal(title="Niet samenwerken")], scenario)
    with pytest.raises(ComparisonError):
        compare("geen lijst", scenario)  # type: ignore[arg-type]


@FAST
@given(option_lists(min_size=1, max_size=3), weights)
def test_chart_data_is_plain_and_consistent_with_the_totals(options: list[Proposal], found: dict) -> None:
    scenario = _scenario(found)
    comparison = compare(options, scenario)
    chart = comparison.flip_chart_data()
    json.dumps(chart)
    json.dumps(comparison_to_dict(comparison))
    totals = {item.proposal.title: item.total.value for item in comparison.assessments}
    for sweep in chart["sweeps"]:
        x = sweep["scenario_weight"]
        for line in sweep["lines"]:
            (x0, y0), (x1, y1) = line["from"], line["to"]
            at_scenario = y0 + (y1 - y0) * (x - x0) / (x1 - x0)
            assert at_scenario == pytest.approx(totals[line["title"]], abs=1e-6 * (1 + abs(y0) + abs(y1)))
    for pair in chart["pairs"]:
        for point in pair["segment"]:
            assert min(point.values()) == pytest.approx(0, abs=1e-12)  # on an edge of the weight triangle
    text = render_comparison_text(comparison)
    assert all(pair.text_nl in text for pair in comparison.flips)
