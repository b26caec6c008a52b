"""A cooperation plan and an official have a history tab, as every record page of the register has: who
changed what, when, in Dutch words and dates, their parts (a plan's goals and milestones, an official's
activities) included."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from ims.monitoring import services as monitoring
from tests.core.test_visible_language import TELLTALE_PATTERN, visible_text

pytestmark = pytest.mark.django_db


def read(user, url: str) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return visible_text(response.content.decode())


def test_a_plan_page_has_a_history_tab_with_its_goals_and_milestones(plans, make_user):
    editor = make_user("bia_member", 3, username="redacteur")
    monitoring.plan_update(plan=plans.plan, ends_on=dt.date(2021, 6, 30), actor=editor)
    monitoring.plan_milestone_add(plan=plans.plan, title="Eerste gezamenlijke landing", due_on=dt.date(2020, 3, 1),
                                  actor=editor)
    detail = read(editor, reverse("monitoring:plan-detail", args=[plans.plan.pk]))
    assert "Gegevens Geschiedenis" in detail
    text = read(editor, reverse("monitoring:plan-history", args=[plans.plan.pk]))
    assert "redacteur" in text and "31 december 2020 30 juni 2021" in text
    assert "Amfibische eenheden kunnen samen optreden." in text and "Eerste gezamenlijke landing" in text
    assert not TELLTALE_PATTERN.findall(text) and " as of " not in text


def test_an_official_page_has_a_history_tab_with_its_activities(plans, make_user):
    editor = make_user("bia_member", 3, username="redacteur")
    official = monitoring.official_create(name="Kolonel Jansen", partner=plans.uk, starts_on=dt.date(2019, 1, 1),
                                          actor=editor)
    monitoring.activity_record(official=official, kind="visit", occurred_on=dt.date(2019, 5, 2), partner=plans.uk,
                               text="Bezoek aan het Britse ministerie", actor=editor)
    text = read(editor, reverse("monitoring:official-history", args=[official.pk]))
    assert "Activiteit: 2 mei 2019: Bezoek aan het Britse ministerie" in text
    assert "bezoek" in text and not TELLTALE_PATTERN.findall(text)


def test_a_hidden_plan_has_no_history_for_a_low_clearance_reader(plans, make_user):
    client = Client()
    client.force_login(make_user("viewer", 0))
    assert client.get(reverse("monitoring:plan-history", args=[plans.secret_plan.pk])).status_code == 404
    assert client.get(reverse("monitoring:plan-history", args=[987654])).status_code == 404


def test_a_plans_initiatives_are_named_and_a_hidden_one_withheld(plans, make_user):
    low = read(make_user("bia_member", 0, username="lezer"), reverse("monitoring:plan-history", args=[plans.plan.pk]))
    assert "Initiatieven – Gezamenlijke amfibische oefening, niet zichtbaar voor uw screeningsniveau" in low
    assert "Geheime onderzeebootsamenwerking" not in low
    high = read(make_user("bia_member", 3, username="redacteur"),
                reverse("monitoring:plan-history", args=[plans.plan.pk]))
    assert "Initiatieven – Geheime onderzeebootsamenwerking, Gezamenlijke amfibische oefening" in high
