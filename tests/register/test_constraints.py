"""Bad input is refused with a Dutch message by the services, and by the database on every other path.

Each rule is tested twice: through the service (``ValidationError``/``RegisterError`` with a readable
message) and straight at the database, bypassing validation (``IntegrityError``), on whichever
database the run uses — the suite runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ims.core.gate import gate_open
from ims.core.services import RegisterError
from ims.register import models, services
from tests.db import in_db
from tests.factories import InitiativeFactory, PartnerFactory, RingAssignmentFactory

pytestmark = pytest.mark.django_db


def refused_by_database(make_row) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        make_row()


def test_initiative_ending_before_it_starts_is_refused():
    with pytest.raises(ValidationError) as err:
        services.initiative_create(title="Achterstevoren", planned_start=dt.date(2020, 1, 1),
                                   planned_end=dt.date(2019, 1, 1))
    assert "vóór de geplande start" in str(err.value)
    refused_by_database(lambda: models.Initiative.objects.create(
        title="x", planned_start=dt.date(2020, 1, 1), planned_end=dt.date(2019, 1, 1)))
    assert not in_db(models.Initiative).exists()


def test_unknown_country_code_is_refused():
    with pytest.raises(RegisterError, match="Onbekende landcode 'XQ'"):
        services.partner_upsert(code="XQ", kind="country")
    with pytest.raises(ValidationError, match="Onbekende landcode"):
        models.Partner(code="XQ", kind="country", name_nl="x", name_en="x").full_clean()
    refused_by_database(lambda: models.Partner.objects.create(code="XQ", kind="country", name_nl="x", name_en="x"))


def test_known_country_code_is_accepted_with_dutch_name():
    partner = services.partner_upsert(code="DE", kind="country")
    assert (partner.name_nl, partner.name_en) == ("Duitsland", "Germany")


def test_negative_personnel_is_refused():
    PartnerFactory(code="LT")
    with pytest.raises(ValidationError) as err:
        services.contribution_create(operation="Oefening", year=2019, location="LT", personnel=-5)
    assert "personnel" in err.value.message_dict
    refused_by_database(lambda: models.Contribution.objects.create(operation="x", year=2019, personnel=-1))


def test_negative_budget_is_refused():
    with pytest.raises(ValidationError):
        services.initiative_create(title="Te duur", budgets={2020: Decimal("-10")})
    assert not in_db(models.Initiative).filter(title="Te duur").exists(), "the whole create is rolled back"
    initiative = InitiativeFactory()
    refused_by_database(lambda: models.InitiativeBudget.objects.create(
        initiative=initiative, year=2020, amount_eur=Decimal("-1")))


@pytest.mark.parametrize("pct", [Decimal("-0.1"), Decimal("100.5"), Decimal("250")])
def test_percentage_of_gdp_outside_0_to_100_is_refused(pct):
    partner = PartnerFactory(code="BE")
    with pytest.raises(ValidationError) as err:
        services.spending_record(partner="BE", year=2019, status="actual", pct_gdp=pct)
    assert "pct_gdp" in err.value.message_dict
    refused_by_database(lambda: models.DefenceSpending.objects.create(
        partner=partner, year=2019, status="actual", pct_gdp=pct))


def test_percentage_of_gdp_at_the_bounds_is_accepted():
    PartnerFactory(code="BE")
    assert services.spending_record(partner="BE", year=2019, status="actual", pct_gdp=Decimal("0")).pk
    assert services.spending_record(partner="BE", year=2020, status="actual", pct_gdp=Decimal("100")).pk


def test_same_partner_year_and_status_is_one_figure():
    partner = PartnerFactory(code="BE")
    services.spending_record(partner="BE", year=2019, status="actual", pct_gdp=Decimal("0.9"))
    services.spending_record(partner="BE", year=2019, status="actual", pct_gdp=Decimal("0.95"))
    assert in_db(models.DefenceSpending).get(partner=partner).pct_gdp == Decimal("0.95")
    refused_by_database(lambda: models.DefenceSpending.objects.create(
        partner=partner, year=2019, status="actual", pct_gdp=1))


def test_overlapping_ring_assignment_is_refused():
    partner = PartnerFactory(code="FR")
    RingAssignmentFactory(partner=partner, valid_from=dt.date(2012, 1, 1), valid_to=dt.date(2019, 1, 1))
    overlapping = models.RingAssignment(partner=partner, ring="affiliated", valid_from=dt.date(2018, 6, 1),
                                        valid_to=dt.date(2020, 1, 1))
    with pytest.raises(ValidationError, match="overlapt"):
        overlapping.full_clean()
    refused_by_database(lambda: models.RingAssignment.objects.create(
        partner=partner, ring="affiliated", valid_from=dt.date(2018, 6, 1), valid_to=dt.date(2020, 1, 1)))
    refused_by_database(lambda: models.RingAssignment.objects.create(
        partner=partner, ring="affiliated", valid_from=dt.date(2010, 1, 1)))


def test_overlap_is_refused_on_update_too():
    partner = PartnerFactory(code="FR")
    RingAssignmentFactory(partner=partner, valid_from=dt.date(2012, 1, 1), valid_to=dt.date(2015, 1, 1))
    later = RingAssignmentFactory(partner=partner, valid_from=dt.date(2016, 1, 1))
    with gate_open("test: past the model, straight to the database"):
        refused_by_database(lambda: in_db(models.RingAssignment).filter(pk=later.pk).update(
            valid_from=dt.date(2014, 1, 1)))


def test_adjacent_ring_periods_and_other_partners_do_not_clash():
    fr, de = PartnerFactory(code="FR"), PartnerFactory(code="DE")
    RingAssignmentFactory(partner=fr, valid_from=dt.date(2012, 1, 1), valid_to=dt.date(2019, 1, 1))
    RingAssignmentFactory(partner=fr, valid_from=dt.date(2019, 1, 1))
    RingAssignmentFactory(partner=de, valid_from=dt.date(2012, 1, 1))
    assert in_db(models.RingAssignment).count() == 3


def test_ring_assign_closes_the_open_period_and_keeps_history():
    partner = PartnerFactory(code="NO")
    services.ring_assign(partner=partner, ring="affiliated", valid_from=dt.date(2012, 5, 11), reason="2012")
    services.ring_assign(partner=partner, ring="strategic", valid_from=dt.date(2019, 12, 12), reason="2019")
    periods = list(partner.ring_assignments.order_by("valid_from").values_list("ring", "valid_from", "valid_to"))
    assert periods == [
        ("affiliated", dt.date(2012, 5, 11), dt.date(2019, 12, 12)),
        ("strategic", dt.date(2019, 12, 12), None),
    ]


def test_ring_period_ending_before_it_starts_is_refused():
    partner = PartnerFactory(code="DK")
    with pytest.raises(ValidationError, match="vóór het begin"):
        models.RingAssignment(partner=partner, ring="strategic", valid_from=dt.date(2019, 1, 1),
                              valid_to=dt.date(2018, 1, 1)).full_clean()
    refused_by_database(lambda: models.RingAssignment.objects.create(
        partner=partner, ring="strategic", valid_from=dt.date(2019, 1, 1), valid_to=dt.date(2018, 1, 1)))


def test_one_lead_nation_per_initiative():
    for code in ("DE", "BE"):
        PartnerFactory(code=code)
    with pytest.raises(RegisterError, match="lead nation"):
        services.initiative_create(title="Twee leiders", participants=[("DE", "lead"), ("BE", "lead")])
    initiative = services.initiative_create(title="Een leider", participants=[("DE", "lead"), ("BE", "participant")])
    with gate_open("test: past the model, straight to the database"):
        refused_by_database(lambda: in_db(models.Participation).filter(initiative=initiative, partner__code="BE")
                            .update(role="lead"))


def test_milestone_done_needs_a_done_date():
    initiative = InitiativeFactory()
    with pytest.raises(ValidationError):
        services.milestone_create(initiative=initiative, title="Klaar?", due_on=dt.date(2020, 1, 1), status="done")
    refused_by_database(lambda: models.Milestone.objects.create(
        initiative=initiative, title="x", due_on=dt.date(2020, 1, 1), status="done"))


def test_answered_commitment_names_its_answer():
    refused_by_database(lambda: models.Commitment.objects.create(
        subject="x", made_on=dt.date(2014, 11, 1), status="answered"))


def test_unknown_partner_in_a_service_is_named():
    with pytest.raises(RegisterError, match="ZZ_UNKNOWN"):
        services.initiative_create(title="Met onbekende", participants=[("ZZ_UNKNOWN", "participant")])
    assert not in_db(models.Initiative).filter(title="Met onbekende").exists()
