"""Weighting scenarios: the shipped three, and validation of users' own."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ims.framework import SCENARIOS, GoalCategory, Scenario, ScenarioError, get_scenario

from .strategies import FAST, weights

P, M, F = GoalCategory.political_strategic, GoalCategory.military, GoalCategory.financial_economic
DAY = dt.date(2024, 1, 1)


def test_three_scenarios_ship_under_their_command_line_names() -> None:
    assert list(SCENARIOS) == ["balanced", "economic-headwinds", "international-instability"]
    balanced = get_scenario("balanced").normalised
    assert balanced[P] == pytest.approx(balanced[M]) == pytest.approx(balanced[F])


def test_economic_headwinds_weigh_efficiency_more() -> None:
    weights = get_scenario("economic-headwinds").normalised
    assert weights[F] > weights[P] and weights[F] > weights[M]


def test_international_instability_weighs_political_and_military_goals_more() -> None:
    weights = get_scenario("international-instability").normalised
    assert min(weights[P], weights[M]) > weights[F]


def test_users_add_their_own_with_codes_or_members() -> None:
    own = Scenario("crisis-2024", DAY, {"political_strategic": 3, "military": 5, F: 2}, "Crisis")
    assert own.weights == {P: 3.0, M: 5.0, F: 2.0}
    assert own.normalised == pytest.approx({P: 0.3, M: 0.5, F: 0.2})


def test_negative_weight_refused_with_its_path() -> None:
    with pytest.raises(ScenarioError) as caught:
        Scenario("x", DAY, {P: 1, M: -0.5, F: 1}, "X")
    assert "weights.military" in str(caught.value)
    assert "negatief" in str(caught.value)


def test_all_zero_weights_refused() -> None:
    with pytest.raises(ScenarioError, match="niet allemaal nul"):
        Scenario("x", DAY, {P: 0, M: 0, F: 0.0}, "X")


def test_unknown_and_missing_categories_are_named() -> None:
    with pytest.raises(ScenarioError) as caught:
        Scenario("x", DAY, {"political_strategic": 1, "militery": 1, "economic": 2}, "X")
    message = str(caught.value)
    assert "weights.militery: onbekend veld" in message and "weights.economic: onbekend veld" in message
    assert "weights.military: verplicht veld ontbreekt" in message
    assert "weights.financial_economic" in message


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ScenarioError) as caught:
        Scenario("", "2024-01-01", {P: float("nan"), M: True, F: 1}, "")  # type: ignore[arg-type]
    paths = {problem.path for problem in caught.value.problems}
    assert paths == {"name", "label_nl", "date", "weights.political_strategic", "weights.military"}


def test_unknown_scenario_is_named_with_the_choices() -> None:
    with pytest.raises(ScenarioError) as caught:
        get_scenario("storm")
    assert "'storm'" in str(caught.value)
    assert "economic-headwinds" in str(caught.value)


@FAST
@given(weights)
def test_any_non_negative_weights_not_all_zero_make_a_scenario(found: dict[GoalCategory, float]) -> None:
    scenario = Scenario("own", DAY, found, "Eigen")
    assert sum(scenario.normalised.values()) == pytest.approx(1.0)


@FAST
@given(weights, st.sampled_from(list(GoalCategory)), st.floats(max_value=-1e-9, allow_nan=False))
def test_any_negative_weight_is_refused(found: dict, category: GoalCategory, negative: float) -> None:
    with pytest.raises(ScenarioError):
        Scenario("own", DAY, {**found, category: negative}, "Eigen")
