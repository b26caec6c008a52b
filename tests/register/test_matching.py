"""The register's matching rules: which record a fact describes, among those the user may see."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ims.core.classification import Classification
from ims.core.services import RegisterError
from ims.register import matching
from ims.register.services import (
    agreement_create,
    commitment_create,
    contribution_create,
    initiative_create,
    procurement_create,
    spending_record,
)

pytestmark = pytest.mark.django_db

SECRET, LOW = Classification.SECRET, Classification.DEPARTMENTAL_CONFIDENTIAL


@pytest.fixture
def low(reference_partners, make_user):
    return make_user("analyst", LOW, username="analist-laag")


def test_an_agreement_matches_on_kind_parties_and_the_date_at_the_coarser_precision(low):
    made = agreement_create(kind="MoU", title="MoU", parties=["NL", "DE"], signed_on=dt.date(2019, 10, 2))
    found = matching.agreement_for_fact(user=low, kind="MoU", parties=["DE", "NL"], signed_on=dt.date(2019, 10, 1),
                                        precision="month", level=0)
    assert found == made
    assert matching.agreement_for_fact(user=low, kind="LOI", parties=["DE", "NL"], signed_on=dt.date(2019, 10, 2),
                                       precision="day", level=0) is None
    assert matching.agreement_for_fact(user=low, kind="MoU", parties=["DE", "NL"], signed_on=dt.date(2019, 11, 1),
                                       precision="month", level=0) is None


def test_only_records_the_user_sees_and_at_least_as_classified_as_the_fact_are_matched(low):
    initiative_create(title="Geheim Programma", classification=SECRET)
    assert matching.initiative_for_fact(user=low, name="Geheim Programma", level=0) is None
    visible = initiative_create(title="Tactical Edge Networking", classification=0)
    assert matching.initiative_for_fact(user=low, name="het Tactical Edge Networking-project", level=0) == visible
    assert matching.initiative_for_fact(user=low, name="Tactical Edge Networking", level=LOW) is None
    assert matching.initiative_for_fact(user=None, name="Geheim Programma", level=0) is not None  # a system job


def test_contributions_procurements_and_commitments_match_by_their_own_keys(low):
    efp = contribution_create(operation="Enhanced Forward Presence", year=2019)
    assert matching.contribution_for_fact(user=low, operation="enhanced forward presence", year=2019, level=0) == efp
    assert matching.contribution_for_fact(user=low, operation="Enhanced Forward Presence", year=2020, level=0) is None
    f35 = procurement_create(partner="US", system="F-35A", quantity=9, year=2019)
    assert matching.procurement_for_fact(user=low, partner="US", system="F-35", quantity=9, year=2019, level=0) == f35
    assert matching.procurement_for_fact(user=low, partner="US", system="F-35", quantity=8, year=2019,
                                         level=0) is None
    promise = commitment_create(member="Eijsink", subject="x", made_on=dt.date(2014, 11, 3))
    assert matching.commitment_for_fact(user=low, member="Eijsink", made_on=dt.date(2014, 11, 20), level=0) == promise


def test_a_spending_figure_hidden_from_the_user_is_no_match_and_a_lower_visible_one_refuses(low):
    spending_record(partner="BE", year=2019, status="actual", pct_gdp=Decimal("1.5"), classification=SECRET)
    assert matching.spending_for_fact(user=low, partner="BE", year=2019, status="actual", level=0) is None
    spending_record(partner="BE", year=2019, status="actual", pct_gdp=Decimal("0.9"))
    figure = matching.spending_for_fact(user=low, partner="BE", year=2019, status="actual", level=0)
    assert (figure.classification, figure.pct_gdp) == (0, Decimal("0.9"))
    with pytest.raises(RegisterError, match="lager gerubriceerd"):
        matching.spending_for_fact(user=low, partner="BE", year=2019, status="actual", level=LOW)
