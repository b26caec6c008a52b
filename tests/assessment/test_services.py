"""Criteria, suggestions, rings and scenarios are written as history, by the roles allowed, and checked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from ims.assessment import selectors, services
from ims.assessment.models import PartnerCriteria, RingSuggestion, WeightingScenario
from ims.core.audit import AuditEntry
from ims.core.classification import Classification
from ims.core.services import RegisterError
from ims.register.models import RingAssignment
from tests.db import in_db

pytestmark = pytest.mark.django_db

# The first day of the current year: a decision dated then rewrites no year gone by.
THIS_YEAR = dt.date(timezone.localdate().year, 1, 1)


def test_recording_criteria_stores_them_and_a_suggestion_with_its_explanation(world, analyst):
    belgium = world["partners"]["BE"]
    criteria, suggestion = services.criteria_record(
        partner=belgium, distance=0.1, culture=0.9, synergy=0.8, reason="Buurland, zelfde bondgenootschappen.",
        actor=analyst, valid_from=dt.date(2024, 3, 1),
    )
    assert criteria.political_distance == Decimal("0.100") and criteria.created_by == analyst
    assert suggestion.criteria == criteria and suggestion.date == dt.date(2024, 3, 1)
    assert (suggestion.ring, suggestion.bottom_up_goals, suggestion.shared_framework) == ("strategic", 3, True)
    assert suggestion.explanation.startswith("Voorgestelde schil: strategische partner")

    # A new judgement is a new row; the old criteria and suggestion stay.
    services.criteria_record(partner=belgium, distance=0.7, culture=0.3, synergy=0.2, reason="Herzien.",
                             actor=analyst, valid_from=dt.date(2024, 6, 1))
    assert in_db(PartnerCriteria).filter(partner=belgium).count() == 2
    assert list(in_db(RingSuggestion).filter(partner=belgium).order_by("date").values_list("ring", flat=True)) == [
        "strategic", "opportunity"]


def test_a_suggestion_is_classified_as_high_as_what_it_counted(world, analyst, low_analyst, viewer):
    germany = world["partners"]["DE"]
    _criteria, seen_all = services.criteria_record(partner=germany, distance=0.1, culture=0.9, synergy=0.9,
                                                   reason="Nauw verweven.", actor=analyst)
    assert (seen_all.ring, seen_all.bottom_up_goals, seen_all.classification) == ("strategic", 3, Classification.SECRET)
    # Someone who cannot see the secret initiative gets a suggestion built from what they can see.
    _criteria, seen_open = services.criteria_record(partner=germany, distance=0.1, culture=0.9, synergy=0.9,
                                                    reason="Nauw verweven.", actor=low_analyst)
    assert (seen_open.ring, seen_open.bottom_up_goals, seen_open.classification) == ("affiliated", 0, 0)


def test_criteria_out_of_range_or_without_reason_are_refused(world, analyst, low_analyst):
    belgium = world["partners"]["BE"]
    with pytest.raises(RegisterError, match="tussen 0 en 1"):
        services.criteria_record(partner=belgium, distance=1.2, culture=0.5, synergy=0.5, reason="x", actor=analyst)
    with pytest.raises(RegisterError, match="toelichting"):
        services.criteria_record(partner=belgium, distance=0.2, culture=0.5, synergy=0.5, reason="  ", actor=analyst)
    with pytest.raises(RegisterError, match="screeningsniveau"):
        services.criteria_record(partner=belgium, distance=0.2, culture=0.5, synergy=0.5, reason="x",
                                 actor=low_analyst, classification=Classification.SECRET)
    assert not in_db(PartnerCriteria).exists()


def test_a_viewer_may_not_record_criteria(world, viewer):
    with pytest.raises(PermissionDenied):
        services.criteria_record(partner=world["partners"]["BE"], distance=0.1, culture=0.9, synergy=0.8,
                                 reason="x", actor=viewer)


def test_a_bia_member_sets_the_ring_with_history_and_audit(world, bia):
    france = world["partners"]["FR"]
    assignment = services.ring_set(partner=france, ring="strategic", reason="Besluit BIA: nauwere band.",
                                   actor=bia, valid_from=THIS_YEAR)
    periods = list(in_db(RingAssignment).filter(partner=france).order_by("valid_from")
                   .values_list("ring", "valid_from", "valid_to", "reason"))
    assert periods == [
        ("affiliated", dt.date(2019, 1, 1), THIS_YEAR, "Vastgesteld voor de test."),
        ("strategic", THIS_YEAR, None, "Besluit BIA: nauwere band."),
    ]
    assert assignment.history.first().history_user == bia
    entry = AuditEntry.objects.filter(object_type="register.ringassignment", object_id=str(assignment.pk)).get()
    assert (entry.action, entry.actor_name) == ("create", "bia-lid")
    assert entry.changes["reason"] == "Besluit BIA: nauwere band."


@pytest.mark.parametrize("role", ["analyst", "viewer"])
def test_analysts_and_viewers_may_not_set_a_ring(world, make_user, role):
    user = make_user(role, Classification.SECRET, username=f"geen-bia-{role}")
    with pytest.raises(PermissionDenied):
        services.ring_set(partner=world["partners"]["FR"], ring="strategic", reason="Waarom niet.", actor=user)
    assert in_db(RingAssignment).filter(partner=world["partners"]["FR"]).count() == 1


def test_a_ring_needs_a_reason_and_a_known_ring(world, bia):
    with pytest.raises(RegisterError, match="reden"):
        services.ring_set(partner=world["partners"]["FR"], ring="strategic", reason="", actor=bia)
    with pytest.raises(RegisterError, match="Onbekende schil"):
        services.ring_set(partner=world["partners"]["FR"], ring="kern", reason="x", actor=bia)
    with pytest.raises(RegisterError, match="begint al een schilindeling"):
        services.ring_set(partner=world["partners"]["FR"], ring="strategic", reason="Zelfde dag.", actor=bia,
                          valid_from=dt.date(2019, 1, 1), confirmed=True)
    assert in_db(RingAssignment).filter(partner=world["partners"]["FR"]).count() == 1


def periods_of(partner) -> list[tuple]:
    return list(in_db(RingAssignment).filter(partner=partner).order_by("valid_from")
                .values_list("ring", "valid_from", "valid_to"))


def test_a_decision_before_any_ring_is_not_recorded_silently_and_names_the_reports_it_changes(world, bia):
    """The case of the issue: a partner without a ring made strategic from 2015 changes every report since."""
    china = world["partners"]["CN"]
    with pytest.raises(services.RingNeedsConfirmation) as refused:
        services.ring_set(partner=china, ring="strategic", reason="Terug in de tijd.", actor=bia,
                          valid_from=dt.date(2015, 1, 1))
    assert refused.value.change.report_years == tuple(range(2015, THIS_YEAR.year + 1))
    assert periods_of(china) == []
    services.ring_set(partner=china, ring="strategic", reason="Terug in de tijd.", actor=bia,
                      valid_from=dt.date(2015, 1, 1), confirmed=True)
    assert periods_of(china) == [("strategic", dt.date(2015, 1, 1), None)]


def test_a_decision_before_the_last_change_is_fitted_in_before_it(world, bia):
    france = world["partners"]["FR"]  # affiliated since 2019
    with pytest.raises(services.RingNeedsConfirmation) as refused:
        services.ring_set(partner=france, ring="strategic", reason="Al eerder.", actor=bia,
                          valid_from=dt.date(2016, 1, 1))
    change = refused.value.change
    assert change.before_last_change and change.valid_to == dt.date(2019, 1, 1)
    assert change.report_years == (2016, 2017, 2018)
    services.ring_set(partner=france, ring="strategic", reason="Al eerder.", actor=bia,
                      valid_from=dt.date(2016, 1, 1), confirmed=True)
    assert periods_of(france) == [("strategic", dt.date(2016, 1, 1), dt.date(2019, 1, 1)),
                                  ("affiliated", dt.date(2019, 1, 1), None)]


def test_a_decision_inside_a_closed_period_splits_it_and_keeps_the_later_decision(world, bia):
    france = world["partners"]["FR"]
    services.ring_set(partner=france, ring="strategic", reason="Nu.", actor=bia, valid_from=THIS_YEAR)
    services.ring_set(partner=france, ring="opportunity", reason="Tussendoor.", actor=bia,
                      valid_from=dt.date(2020, 6, 1), confirmed=True)
    assert periods_of(france) == [("affiliated", dt.date(2019, 1, 1), dt.date(2020, 6, 1)),
                                  ("opportunity", dt.date(2020, 6, 1), THIS_YEAR),
                                  ("strategic", THIS_YEAR, None)]


def test_a_decision_in_an_earlier_year_after_the_last_change_asks_too(world, bia):
    germany = world["partners"]["DE"]  # affiliated since 2019
    last_year = dt.date(THIS_YEAR.year - 1, 6, 1)
    with pytest.raises(services.RingNeedsConfirmation) as refused:
        services.ring_set(partner=germany, ring="strategic", reason="Vorig jaar.", actor=bia, valid_from=last_year)
    change = refused.value.change
    assert not change.before_last_change and change.in_past_year
    assert change.report_years == (last_year.year, THIS_YEAR.year)
    # Dated this year, after the last change, it is an ordinary decision.
    services.ring_set(partner=germany, ring="strategic", reason="Dit jaar.", actor=bia, valid_from=THIS_YEAR)
    assert periods_of(germany)[-1] == ("strategic", THIS_YEAR, None)


def test_divergences_are_the_partners_whose_latest_visible_suggestion_differs(world, analyst, viewer):
    partners = world["partners"]
    services.criteria_record(partner=partners["BE"], distance=0.1, culture=0.9, synergy=0.8, reason="Buurland.",
                             actor=analyst)  # strategic, ring strategic: agrees
    services.criteria_record(partner=partners["FR"], distance=0.7, culture=0.3, synergy=0.2, reason="Verder weg.",
                             actor=analyst)  # opportunity, ring affiliated: differs
    services.criteria_record(partner=partners["DE"], distance=0.1, culture=0.9, synergy=0.9, reason="Verweven.",
                             actor=analyst)  # strategic via the secret goals, ring affiliated: differs, secretly
    services.criteria_record(partner=partners["CN"], distance=0.9, culture=0.1, synergy=0.1, reason="Ver weg.",
                             actor=analyst)  # no ring in force: nothing to differ from
    assert [row.partner.code for row in selectors.ring_divergences(user=analyst)] == ["DE", "FR"]
    assert [row.partner.code for row in selectors.ring_divergences(user=viewer)] == ["FR"]
    overview = {row.partner.code: row for row in selectors.ring_overview(user=viewer)}
    assert overview["DE"].suggestion is None  # the secret suggestion is not shown to the viewer
    assert overview["CN"].suggestion.ring == "opportunity" and not overview["CN"].divergent


def test_the_ring_set_after_a_divergence_ends_it(world, analyst, bia):
    france = world["partners"]["FR"]
    services.criteria_record(partner=france, distance=0.7, culture=0.3, synergy=0.2, reason="Verder weg.",
                             actor=analyst)
    assert [row.partner.code for row in selectors.ring_divergences(user=bia)] == ["FR"]
    services.ring_set(partner=france, ring="opportunity", reason="Volgt het voorstel.", actor=bia)
    assert selectors.ring_divergences(user=bia) == []


def test_own_scenarios_are_validated_and_stored(world, analyst, viewer):
    row = services.scenario_create(name="crisis-2024", label_nl="Crisis", actor=analyst,
                                   weights={"political_strategic": 3, "military": 2, "financial_economic": 0})
    assert row.to_framework().normalised[next(iter(row.to_framework().weights))] == pytest.approx(0.6)
    with pytest.raises(RegisterError, match="niet allemaal nul"):
        services.scenario_create(name="nul", label_nl="Nul", actor=analyst,
                                 weights={"political_strategic": 0, "military": 0, "financial_economic": 0})
    with pytest.raises(RegisterError, match="military: mag niet negatief"):
        services.scenario_create(name="negatief", label_nl="Negatief", actor=analyst,
                                 weights={"political_strategic": 1, "military": -1, "financial_economic": 1})
    with pytest.raises(RegisterError, match="meegeleverd"):
        services.scenario_create(name="balanced", label_nl="Anders", actor=analyst,
                                 weights={"political_strategic": 1, "military": 1, "financial_economic": 1})
    with pytest.raises(PermissionDenied):
        services.scenario_create(name="kijker", label_nl="Kijker", actor=viewer,
                                 weights={"political_strategic": 1, "military": 1, "financial_economic": 1})
    assert list(in_db(WeightingScenario).values_list("name", flat=True)) == ["crisis-2024"]


def test_shipped_scenarios_load_once(db):
    assert services.scenarios_load_shipped() == 3
    assert services.scenarios_load_shipped() == 0
    stored = in_db(WeightingScenario).get(name="economic-headwinds").to_framework()
    assert stored.normalised == selectors.scenario_get(name="economic-headwinds").normalised


def test_the_database_refuses_what_the_services_refuse(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        WeightingScenario.objects.create(name="leeg", label_nl="Leeg", date=dt.date(2024, 1, 1),
                                         weight_political_strategic=0, weight_military=0, weight_financial_economic=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        WeightingScenario.objects.create(name="min", label_nl="Min", date=dt.date(2024, 1, 1),
                                         weight_political_strategic=-1, weight_military=2, weight_financial_economic=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerCriteria.objects.create(partner=world["partners"]["BE"], valid_from=dt.date(2024, 1, 1),
                                       political_distance=Decimal("1.5"), culture_similarity=Decimal("0.5"),
                                       operational_synergy=Decimal("0.5"), reason="Te ver.")
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerCriteria.objects.create(partner=world["partners"]["BE"], valid_from=dt.date(2024, 1, 1),
                                       political_distance=Decimal("0.5"), culture_similarity=Decimal("0.5"),
                                       operational_synergy=Decimal("0.5"), reason="")
