"""Every API list costs the same number of queries for 10 rows as for 100 (no N+1)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ims.core.services import record_link
from ims.register import models
from tests.factories import InitiativeFactory, ParticipationFactory, PartnerFactory, RingAssignmentFactory

pytestmark = pytest.mark.django_db

LISTS = ["partners", "initiatives", "milestones", "agreements", "contributions", "defence-spending",
         "commitments", "documents"]
MAX_QUERIES = 20


@pytest.fixture
def big_register(register):
    """Over a hundred of every kind, each with relations, written straight through the ORM for speed."""
    from ims.text.countries import COUNTRY_CODES

    partners = [PartnerFactory(code=code) for code in COUNTRY_CODES if code not in {"DE", "BE", "NO"}][:110]
    for partner in partners:
        RingAssignmentFactory(partner=partner, ring="strategic", valid_from=dt.date(2019, 1, 1))
    citation = register.shown.citations.first()
    for n in range(110):
        partner = partners[n]
        initiative = InitiativeFactory(title=f"Project {n:03d}", classification=n % 3)
        ParticipationFactory(initiative=initiative, partner=partner)
        record_link(initiative, add={"frameworks": [register.nato]})
        record_link(initiative, add={"citations": [citation]})
        models.Milestone.objects.create(initiative=initiative, title=f"Mijlpaal {n}", due_on=dt.date(2020, 1, 1))
        agreement = models.Agreement.objects.create(kind="MoU", title=f"MoU {n}", initiative=initiative)
        record_link(agreement, add={"parties": [partner]})
        record_link(agreement, add={"citations": [citation]})
        contribution = models.Contribution.objects.create(operation=f"Operatie {n}", year=2019, location=partner)
        record_link(contribution, add={"partners": [partner]})
        models.DefenceSpending.objects.create(partner=partner, year=2019, status="actual", pct_gdp=Decimal("1.5"))
        models.Commitment.objects.create(subject=f"Toezegging {n}", made_on=dt.date(2019, 1, 1),
                                         status="answered", answered_in=register.letter)
        models.SourceDocument.objects.create(title=f"Brief {n}", sha256=f"{n + 10_000:064x}")


def count(client, url: str) -> int:
    client.get(url)  # seen before: a login's first request also renews its session (at most once a minute)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    assert response.json()["count"] > 100
    return sum(1 for q in ctx.captured_queries
               if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "BEGIN", "COMMIT")))


def test_list_queries_do_not_grow_with_the_page(big_register, analyst, api):
    # One test over every list, so that the large register is built once.
    client = api(analyst)
    counts = {path: (count(client, f"/api/v1/{path}/?per_page=10"), count(client, f"/api/v1/{path}/?per_page=100"))
              for path in LISTS}
    assert {path: small for path, (small, _) in counts.items()} == {path: large for path, (_, large) in counts.items()}
    assert max(large for _, large in counts.values()) <= MAX_QUERIES, counts
