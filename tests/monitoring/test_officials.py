"""Attachés and other officials: a page per official with the share of activities that serve a goal, an
initiative or a plan, and those that serve none; nothing above the reader's clearance is shown or counted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from ims.monitoring import selectors
from ims.monitoring import services as monitoring
from tests.monitoring.conftest import exported

D = dt.date


@pytest.fixture
def attache(plans):
    official = monitoring.official_create(name="Kolonel A. de Vries", partner=plans.uk, starts_on=D(2019, 8, 1),
                                          clearance=3)
    record = monitoring.activity_record
    record(official=official, kind="visit", occurred_on=D(2019, 9, 1), partner=plans.uk, text="Werkbezoek Portsmouth",
           goal_category="military")
    record(official=official, kind="meeting", occurred_on=D(2019, 9, 2), partner=plans.uk, text="Overleg amfibisch",
           initiatives=[plans.open_initiative])
    record(official=official, kind="exercise", occurred_on=D(2019, 9, 3), partner=plans.uk, text="Oefening plan",
           plans=[plans.plan])
    record(official=official, kind="report", occurred_on=D(2019, 9, 4), partner=plans.uk, text="Receptie ambassade")
    record(official=official, kind="meeting", occurred_on=D(2019, 9, 5), partner=plans.uk, text="Geheim overleg",
           initiatives=[plans.secret_initiative])
    record(official=official, kind="visit", occurred_on=D(2019, 9, 6), partner=plans.uk, text="Geheim bezoek",
           classification=3)
    return official


def test_share_of_activities_that_serve_something_for_a_cleared_reader(attache, make_user):
    page = selectors.official_page(user=make_user("bia_member", 3, username="bia-3"), pk=attache.pk)
    assert (page.total, page.serving, page.share) == (6, 4, 67)
    assert sorted(a.text for a in page.unserving) == ["Geheim bezoek", "Receptie ambassade"]


def test_a_low_clearance_reader_sees_neither_the_secret_activity_nor_what_it_serves(attache, make_user, client):
    reader = make_user("viewer", 0, username="viewer-0")
    page = selectors.official_page(user=reader, pk=attache.pk)
    # The secret activity is left out; the open one that serves only a secret initiative serves nothing the
    # reader may see, so it counts as serving none (and names nothing hidden).
    assert (page.total, page.serving) == (5, 3)
    assert sorted(a.text for a in page.unserving) == ["Geheim overleg", "Receptie ambassade"]
    client.force_login(reader)
    html = client.get(reverse("monitoring:official-detail", args=[attache.pk])).content.decode()
    assert "60%" in html
    assert "Geheime onderzeebootsamenwerking" not in html and "Geheim bezoek" not in html
    listed = exported(client.get(reverse("monitoring:official-list"), {"format": "json"}))["rows"]
    assert [(r["name"], r["activities"]) for r in listed] == [("Kolonel A. de Vries", 5)]


def test_a_hidden_official_is_a_404(plans, make_user, client):
    hidden = monitoring.official_create(name="Geheime functionaris", partner=plans.uk, starts_on=D(2019, 1, 1),
                                        classification=3)
    client.force_login(make_user("bia_member", 0, username="bia-0"))
    assert client.get(reverse("monitoring:official-detail", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("monitoring:official-detail", args=[987654])).status_code == 404
