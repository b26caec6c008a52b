"""The register mapped onto the framework: goals, partners, costs and plan as documented, clearance first."""

from __future__ import annotations

import datetime as dt

import pytest

from ims import framework as fw
from ims.assessment import selectors, services
from ims.register.models import Initiative

from .conftest import NAVY_TITLE

pytestmark = pytest.mark.django_db


def test_an_initiative_becomes_a_proposal_with_documented_defaults(world, analyst):
    proposal = selectors.proposal_for_initiative(user=analyst, pk=world["navy"].pk)
    assert proposal.title == NAVY_TITLE
    assert proposal.form == fw.Form.integrated_operational and proposal.origin == fw.Origin.bottom_up
    strengths = {goal.category.value: goal.strength for goal in proposal.goals}
    # 0.6 per goal, 0.1 more for an expected result, 0.1 more for an indicator.
    assert strengths == {"military": 0.8, "financial_economic": 0.7, "political_strategic": 0.7}
    assert [goal.concrete for goal in proposal.goals] == [True, True, True]
    # Without a result, the indicator stands in as what the goal is expected to deliver.
    assert proposal.goals[2].expected_result == "gezamenlijke verklaringen"
    assert proposal.costs == fw.Costs(staff_fte=4.0, units_committed=1.0, budget_eur_per_year=500_000.0,
                                      startup_eur=0.0)
    assert proposal.timeline == fw.Timeline(dt.date(2020, 1, 1), dt.date(2024, 12, 31), 2)


def test_partners_are_the_cooperating_ones_with_ring_in_force_and_criteria(world, analyst):
    mapped = selectors.initiative_input(user=analyst, pk=world["navy"].pk)
    # The Netherlands is no partner of itself; France only observes.
    assert [p.code for p in mapped.proposal.partners] == ["BE"]
    belgium = mapped.proposal.partners[0]
    assert belgium.ring == fw.Ring.strategic
    assert (belgium.political_distance, belgium.culture_similarity) == (0.5, 0.5)
    assert any("geen partnercriteria" in note and "België (BE)" in note for note in mapped.notes)
    assert any("Waarnemers" in note and "Frankrijk" in note for note in mapped.notes)

    services.criteria_record(partner=world["partners"]["BE"], distance=0.1, culture=0.9, synergy=0.8,
                             reason="Buurland, zelfde bondgenootschappen.", actor=analyst)
    belgium = selectors.proposal_for_initiative(user=analyst, pk=world["navy"].pk).partners[0]
    assert (belgium.political_distance, belgium.culture_similarity, belgium.operational_synergy) == (0.1, 0.9, 0.8)
    assert belgium.bottom_up_goals == 3  # the navy staff's three goals


def test_bottom_up_goals_count_only_what_the_user_may_see(world, analyst, viewer):
    germany = world["partners"]["DE"]
    assert selectors.bottom_up_goals(user=analyst, partners=[germany])[germany.pk].goals == 3
    assert germany.pk not in selectors.bottom_up_goals(user=viewer, partners=[germany])


def test_an_initiative_above_the_clearance_does_not_exist(world, viewer):
    with pytest.raises(Initiative.DoesNotExist):
        selectors.proposal_for_initiative(user=viewer, pk=world["secret"].pk)


def test_an_initiative_without_a_form_names_the_missing_field(world, analyst):
    with pytest.raises(fw.ProposalError) as error:
        selectors.proposal_for_initiative(user=analyst, pk=world["no_form"].pk)
    assert [problem.path for problem in error.value.problems] == ["form"]


def test_scenarios_shipped_ones_without_rows_and_own_ones_by_clearance(world, analyst, viewer):
    assert list(selectors.scenarios_all(user=viewer)) == ["balanced", "economic-headwinds",
                                                          "international-instability"]
    services.scenario_create(name="geheim-scenario", label_nl="Geheim", weights={
        "political_strategic": 1, "military": 3, "financial_economic": 0}, actor=analyst, classification=3)
    assert "geheim-scenario" in selectors.scenarios_all(user=analyst)
    assert "geheim-scenario" not in selectors.scenarios_all(user=viewer)
    with pytest.raises(fw.ScenarioError, match="geheim-scenario"):
        selectors.scenario_get(user=viewer, name="geheim-scenario")


def test_partner_choices_put_partners_in_a_ring_first_and_leave_out_the_netherlands(world, analyst):
    codes = [p.code for p in selectors.partner_choices(user=analyst)]
    assert "NL" not in codes
    assert codes[:3] == ["BE", "DE", "FR"]  # strategic first, then the affiliated by name


def test_a_partner_without_criteria_is_named_in_dutch_without_its_english_code(world, analyst):
    profiles = selectors.partner_profiles(user=analyst, codes=["NATO", "BE"])
    nato_note, belgium_note = profiles.notes
    assert nato_note.startswith("Voor NAVO zijn geen partnercriteria") and "NATO" not in nato_note
    assert belgium_note.startswith("Voor België (BE) zijn geen partnercriteria")
