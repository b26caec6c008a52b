"""Worked examples from the substance of the 2012 policy note and the 2015 report.

Three options the letters discuss: a mechanised brigade integrated into a German division, joint
air policing of Benelux airspace with Belgium and Luxembourg, and pooled NH-90 maintenance with
Belgium. Each is ranked against "niet samenwerken" and against the others under the three scenarios,
as the framework's text implies: efficiency options rise in economic headwinds, operational and
integrated options rise in times of international instability.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from ims.framework import (
    SCENARIOS,
    Costs,
    Goal,
    GoalCategory,
    Proposal,
    baseline,
    compare,
    get_scenario,
    render_text,
    validate_proposal,
)
from ims.framework.compare import Comparison
from ims.framework.examples import example_paths

BRIGADE, AIR_POLICING, NH90 = "integrated_brigade_de", "air_policing_benelux", "nh90_maintenance_be"


@pytest.fixture(scope="module")
def options() -> dict[str, Proposal]:
    return {
        name: validate_proposal(json.loads(example_paths()[name].read_text(encoding="utf-8")))
        for name in (BRIGADE, AIR_POLICING, NH90)
    }


@pytest.fixture(scope="module")
def comparisons(options: dict[str, Proposal]) -> dict[str, Comparison]:
    return {name: compare(list(options.values()), scenario) for name, scenario in SCENARIOS.items()}


def _rank(comparison: Comparison, options: dict[str, Proposal], name: str) -> int:
    return comparison.rank_of(options[name].title)


def _total(comparison: Comparison, options: dict[str, Proposal], name: str) -> float:
    return next(a.total.value for a in comparison.assessments if a.proposal.title == options[name].title)


def test_every_option_beats_not_cooperating_under_every_scenario(comparisons: dict[str, Comparison]) -> None:
    for comparison in comparisons.values():
        assert comparison.baseline_added
        assert comparison.ranking[-1].proposal.is_baseline


def test_economic_headwinds_put_pooled_maintenance_first(comparisons, options) -> None:
    headwinds, instability = comparisons["economic-headwinds"], comparisons["international-instability"]
    assert _rank(headwinds, options, NH90) == 1
    assert _rank(headwinds, options, NH90) < _rank(instability, options, NH90)


def test_international_instability_puts_the_integrated_brigade_first(comparisons, options) -> None:
    headwinds, instability = comparisons["economic-headwinds"], comparisons["international-instability"]
    assert _rank(instability, options, BRIGADE) == 1
    assert _rank(instability, options, BRIGADE) < _rank(headwinds, options, BRIGADE)


def test_operational_options_gain_on_pooling_when_instability_grows(comparisons, options) -> None:
    for deep in (BRIGADE, AIR_POLICING):
        lead = {
            name: _total(comparison, options, deep) - _total(comparison, options, NH90)
            for name, comparison in comparisons.items()
        }
        assert lead["economic-headwinds"] < lead["balanced"] < lead["international-instability"]


def test_brigade_and_pooling_change_places_between_balanced_and_headwind_weights(comparisons, options) -> None:
    pair = next(
        pair
        for pair in comparisons["balanced"].flips
        if {pair.a, pair.b} == {options[BRIGADE].title, options[NH90].title}
    )
    assert not pair.never_flips
    financial = GoalCategory.financial_economic
    (point,) = [point for point in pair.direction_points if point.along == f"axis:{financial.value}"]
    balanced = get_scenario("balanced").normalised[financial]
    headwinds = get_scenario("economic-headwinds").normalised[financial]
    assert balanced < point.weights[financial] < headwinds
    assert "keert om" in pair.text_nl


def test_going_it_alone_with_its_own_costs_still_ranks_last(options) -> None:
    # Keeping every capability national: full control, but extra money and staff under tight budgets.
    alone = baseline(
        goals=[
            Goal(
                GoalCategory.military, "Alle taken met eigen middelen blijven uitvoeren", 0.3, True, "Eigen paraatheid"
            )
        ],
        costs=Costs(staff_fte=8, units_committed=1, budget_eur_per_year=4_000_000, startup_eur=0),
        title="Alles zelf blijven doen",
    )
    for scenario in SCENARIOS.values():
        comparison = compare([*options.values(), alone], scenario)
        assert not comparison.baseline_added
        assert comparison.ranking[-1].proposal.title == "Alles zelf blijven doen"
        assert comparison.baseline.total.value < 0  # its costs outweigh the little it adds


def test_deeper_cooperation_gives_up_more_freedom_of_action(comparisons, options) -> None:
    by_title = {a.proposal.title: a.sovereignty for a in comparisons["balanced"].assessments}
    freedom = {name: by_title[options[name].title].freedom_of_action_given_up.value for name in options}
    assert freedom[BRIGADE] > freedom[AIR_POLICING] > freedom[NH90] > 0


def test_air_policing_touches_a_capability_kept_on_our_own(comparisons, options) -> None:
    air = next(a for a in comparisons["balanced"].assessments if a.proposal.title == options[AIR_POLICING].title)
    assert air.sovereignty.touches_sovereign_capability
    assert any("luchtruim" in warning for warning in air.warnings)
    assert "Let op" in render_text(air)


def test_adding_luxembourg_makes_air_policing_less_homogeneous(options) -> None:
    air = options[AIR_POLICING]
    belgium_only = dataclasses.replace(air, partners=air.partners[:1])
    scenario = get_scenario("balanced")
    with_lux = compare([air], scenario).assessments[0]
    without = compare([belgium_only], scenario).assessments[0]
    assert with_lux.feasibility.value < without.feasibility.value


def test_integrating_a_brigade_with_a_distant_partner_is_warned(options) -> None:
    brigade = options[BRIGADE]
    distant = dataclasses.replace(brigade.partners[0], code="XX", name="Verre partner", political_distance=0.7)
    risky = dataclasses.replace(brigade, title="Brigade met verre partner", partners=(distant,))
    comparison = compare([brigade, risky], get_scenario("international-instability"))
    assessed = {a.proposal.title: a for a in comparison.assessments}
    assert any("Verre partner" in warning for warning in assessed["Brigade met verre partner"].warnings)
    assert comparison.rank_of(brigade.title) < comparison.rank_of("Brigade met verre partner")
