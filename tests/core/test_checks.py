"""A CHECK constraint answered in Python comes to the database's answer whenever it answers at all, NULLs and
negations included; what it does not model, it leaves to the database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import models
from django.db.models import F, Q, Value
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from ims.core.checks import UNDECIDED, check_holds
from ims.register.models import Partner
from ims.register.vocab import PartnerKind

FIELDS = {"n": models.IntegerField(), "m": models.IntegerField(), "d": models.DecimalField(max_digits=9,
          decimal_places=2), "day": models.DateField(), "end": models.DateField(), "s": models.CharField()}
# Conditions of the kinds the register's constraints use, and combinations of them.
CONDITIONS = [
    Q(n__gte=0), Q(n__lte=3), Q(n__gt=F("m")), Q(n__lt=F("m")), Q(n=2), ~Q(n=2), Q(n__in=[1, 2, 3]),
    Q(s__in=["a", "b"]), ~Q(s="a"), Q(s=""), ~Q(s=""), Q(n__isnull=True), Q(n__isnull=False), Q(n=None),
    Q(d__gte=0), Q(d__gte=0, d__lte=Decimal("1.5")), Q(end__gte=F("day")), Q(end__gt=F("day")),
    Q(n__isnull=True) | Q(n__gte=1), Q(s="a", n__isnull=False) | Q(~Q(s="a"), n__isnull=True),
    ~Q(s="a") | Q(n__in=[1, 2]), Q(m__isnull=False) | Q(d__isnull=False), ~(Q(n__gte=1) | Q(m__gte=1)),
    Q(n__gte=0) & ~Q(d__lte=1), ~Q(n__in=[1]) & Q(s__in=["a", "c"]), ~(~Q(n=2) | Q(m__gte=3)),
]
small = st.one_of(st.none(), st.integers(-2, 4))
day = st.one_of(st.none(), st.dates(dt.date(2019, 1, 1), dt.date(2019, 1, 4)))


def database_says(condition: Q, against: dict) -> bool:
    """Django's own check: the condition asked of the database, an unknown outcome passing."""
    return condition.check(against)


def python_says(condition: Q, against: dict):
    outcome = check_holds(condition, against)
    return outcome if outcome is UNDECIDED else outcome is not False


class TestPythonAgreesWithTheDatabase(TestCase):
    @settings(max_examples=120, deadline=None, derandomize=True)
    @given(n=small, m=small, d=st.one_of(st.none(), st.decimals(-1, 2, places=2)), day=day, end=day,
           s=st.one_of(st.none(), st.sampled_from(["", "a", "b", "c"])))
    def test_agree(self, n, m, d, day, end, s):
        values = {"n": n, "m": m, "d": d, "day": day, "end": end, "s": s}
        against = {name: Value(value, FIELDS[name]) for name, value in values.items()}
        for condition in CONDITIONS:
            answer = python_says(condition, against)
            assert answer is not UNDECIDED, condition
            assert answer == database_says(condition, against), (condition, values)


@pytest.mark.parametrize("condition", [
    Q(s__regex=r"^[A-Z]+$"),  # a regular expression: the databases' dialects differ
    Q(s__gte="a"),  # the order of strings is the database's collation
    Q(n__gte=F("m") + 1),  # an expression on the right
    Q(s__lower="a"),  # a transform
    Q(n__in=[]),  # Django answers an empty list itself
    Q(d__gte=2.5),  # a decimal compared with a float
    Q(n__gte=0) & Q(s__regex="a"),  # true so far, and then one it cannot answer
])
def test_what_python_cannot_answer_exactly_is_left_to_the_database(condition):
    against = {"n": Value(1, FIELDS["n"]), "m": Value(0, FIELDS["m"]), "d": Value(Decimal("1.00"), FIELDS["d"]),
               "s": Value("a", FIELDS["s"])}
    assert check_holds(condition, against) is UNDECIDED


def test_one_false_part_decides_an_and_and_one_true_part_an_or_whatever_the_rest():
    against = {"kind": Value(PartnerKind.COUNTRY), "code": Value("NL")}
    assert check_holds(Q(kind=PartnerKind.COUNTRY) | Q(code__regex="^[A-Z]+$"), against) is True
    assert check_holds(~Q(kind=PartnerKind.COUNTRY) & Q(code__regex="^[A-Z]+$"), against) is False


def test_an_excluded_field_or_an_expression_as_value_is_left_to_the_database():
    assert check_holds(Q(n__gte=0), {}) is UNDECIDED
    assert check_holds(Q(n__gte=0), {"n": F("m") + 1}) is UNDECIDED


@pytest.mark.django_db
def test_every_country_passes_the_partner_checks_without_asking_the_database(django_assert_num_queries):
    partner = Partner(code="NL", kind=PartnerKind.COUNTRY, name_nl="Nederland", name_en="Netherlands")
    checks = [c for c in Partner._meta.constraints if isinstance(c, models.CheckConstraint)]
    with django_assert_num_queries(0):
        against = partner._get_field_expression_map(meta=Partner._meta)
        assert all(check_holds(c.condition, against) is True for c in checks)
    partner.code = "XX"
    assert any(check_holds(c.condition, partner._get_field_expression_map(meta=Partner._meta)) is False
               for c in checks)
