"""Validating a record answers its CHECK constraints from its values where Python answers exactly as the
database would, asks the database about the rest at once, and comes to exactly the answer Django's
one-query-per-constraint way comes to, down to the message that names what is wrong."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from ims.core.models import ChecksAtOnce
from ims.register.models import DefenceSpending, Partner
from ims.register.vocab import PartnerKind, SpendingStatus
from tests.factories import PartnerFactory

CHECKS = sum(isinstance(c, models.CheckConstraint) for c in DefenceSpending._meta.constraints)


def one_by_one(record: ChecksAtOnce) -> dict | None:
    """What Django's own validate_constraints says: the errors, or None."""
    try:
        models.Model.validate_constraints(record)
    except ValidationError as error:
        return error.message_dict
    return None


def at_once(record: ChecksAtOnce) -> dict | None:
    try:
        record.validate_constraints()
    except ValidationError as error:
        return error.message_dict
    return None


def check_queries(captured: CaptureQueriesContext) -> int:
    # Django asks a condition as a bare "SELECT 1 AS "_check" WHERE …": each CHECK constraint, and the condition
    # of each conditional unique constraint.
    return sum('"_check"' in q["sql"] for q in captured.captured_queries)


@pytest.mark.django_db
def test_a_valid_record_asks_the_database_no_check_that_its_values_answer():
    record = DefenceSpending(partner=PartnerFactory(code="BE"), year=2019, pct_gdp=Decimal("0.95"),
                             status=SpendingStatus.ACTUAL)
    assert CHECKS >= 5
    with CaptureQueriesContext(connection) as captured:
        record.validate_constraints()
    with CaptureQueriesContext(connection) as django_way:
        models.Model.validate_constraints(record)
    # Every CHECK constraint of this figure is answered from its values (ims.core.checks); what is left is the
    # condition of its conditional unique constraint, asked as Django asks it.
    assert check_queries(django_way) - check_queries(captured) == CHECKS


@pytest.mark.django_db
def test_the_checks_that_need_the_database_cost_one_query_together():
    # An organisation's code must fit a pattern: a regular expression, which is left to the database; the
    # partner's other checks are answered from its values.
    partner = Partner(code="NIEUW_VERBOND", kind=PartnerKind.ORGANISATION, name_nl="Nieuw", name_en="New")
    checks = sum(isinstance(c, models.CheckConstraint) for c in Partner._meta.constraints)
    with CaptureQueriesContext(connection) as captured:
        partner.validate_constraints()
    with CaptureQueriesContext(connection) as django_way:
        models.Model.validate_constraints(partner)
    assert checks >= 3
    assert (check_queries(captured), check_queries(django_way)) == (1, checks)
    partner.code = "nieuw verbond"
    assert at_once(partner) == one_by_one(partner) is not None


@pytest.mark.django_db
def test_a_broken_constraint_is_named_as_django_names_it():
    record = DefenceSpending(partner=PartnerFactory(code="BE"), year=2019, amount=Decimal("-5"), currency="EUR",
                             status=SpendingStatus.ACTUAL)
    errors = at_once(record)
    assert errors == one_by_one(record)
    assert "Een bedrag kan niet negatief zijn." in errors["__all__"]


@pytest.mark.django_db
def test_the_database_still_refuses_what_validation_would_have():
    record = DefenceSpending(partner=PartnerFactory(code="BE"), year=None, pct_gdp=Decimal("1.5"),
                             status=SpendingStatus.ACTUAL)
    assert at_once(record) is not None
    with pytest.raises(IntegrityError), transaction.atomic():
        record.save()


money = st.one_of(st.none(), st.decimals(min_value=-10, max_value=10**6, places=2, allow_nan=False,
                                         allow_infinity=False))
percent = st.one_of(st.none(), st.decimals(min_value=-5, max_value=150, places=3, allow_nan=False,
                                           allow_infinity=False))


class TestSameAnswerAsDjango(TestCase):
    """Any combination of figures: the combined check and Django's agree on valid or not, and on the messages."""

    @settings(max_examples=60, deadline=None, derandomize=True)
    @given(year=st.one_of(st.none(), st.integers(1990, 2030)), amount=money, pct=percent,
           currency=st.sampled_from(["", "EUR", "GB", "NOK"]),
           status=st.sampled_from([*SpendingStatus.values, "gok"]), classification=st.integers(0, 5))
    def test_agree(self, year, amount, pct, currency, status, classification):
        partner = PartnerFactory(code="NO")
        record = DefenceSpending(partner=partner, year=year, amount=amount, pct_gdp=pct, currency=currency,
                                 status=status, classification=classification)
        assert at_once(record) == one_by_one(record)
