"""Pages cost a bounded number of queries, the same for 10 rows as for 100 (no N+1)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ims.register import services
from tests.factories import InitiativeFactory, ParticipationFactory, PartnerFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15


@pytest.fixture
def big_register():
    partners = [PartnerFactory(code=code) for code in ("DE", "BE", "FR", "NO", "GB")]
    for partner in partners:
        services.ring_assign(partner=partner, ring="strategic", valid_from=dt.date(2019, 1, 1))
    for n in range(120):
        initiative = InitiativeFactory(title=f"Project {n:03d}", classification=n % 3)
        for partner in partners[: 1 + n % 4]:
            ParticipationFactory(initiative=initiative, partner=partner)
    return partners


def count_queries(client, url) -> int:
    """The queries of a page seen again: the first request of a login also renews its session (at most once a
    minute), a write that is the login's, not the page's."""
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return real_queries(ctx.captured_queries)


def real_queries(captured: list[dict]) -> int:
    """Statements that read or write data; transaction control around the session save is bookkeeping."""
    return sum(1 for q in captured if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "BEGIN", "COMMIT")))


@pytest.mark.parametrize(
    "url_name,query",
    [
        ("register:initiative-list", "status=running&form=pooling&ring=strategic"),
        ("register:initiative-list", ""),
        ("register:partner-list", ""),
        ("register:agreement-list", ""),
    ],
)
def test_list_queries_do_not_grow_with_page_size(big_register, analyst, login, url_name, query):
    client = login(analyst)
    base = reverse(url_name) + "?" + query
    small = count_queries(client, base + "&per_page=10")
    large = count_queries(client, base + "&per_page=100")
    assert small == large
    assert large <= MAX_QUERIES


def test_detail_pages_have_bounded_queries(big_register, analyst, login):
    client = login(analyst)
    initiative = big_register[0].initiatives.first()
    assert count_queries(client, reverse("register:initiative-detail", args=[initiative.pk])) <= MAX_QUERIES
    assert count_queries(client, reverse("register:partner-detail", args=["DE"])) <= MAX_QUERIES
