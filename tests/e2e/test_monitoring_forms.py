"""A BIA member makes a cooperation plan and a milestone of it through the forms, and finds the milestone on
the plan's page and among the dashboard's milestones due soon."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "browser-test-wachtwoord"


@pytest.fixture
def bia_member():
    PartnerFactory(code="GB", name_nl="Verenigd Koninkrijk")
    return UserFactory(username="bia", first_name="Bea", last_name="Ambt", role="bia_member", clearance=1,
                       password=PASSWORD)


def test_a_plan_and_its_milestone_made_in_the_forms_show_on_the_plan_and_the_dashboard(bia_member, page,
                                                                                      live_server):
    today = dt.date.today()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "bia")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/monitoring/")

    page.get_by_role("link", name="Nieuw samenwerkingsplan").click()
    page.fill("#id_title", "Actieplan Verenigd Koninkrijk")
    page.select_option("#id_partner", label="Verenigd Koninkrijk")
    page.fill("#id_starts_on", (today - dt.timedelta(days=30)).isoformat())
    page.fill("#id_ends_on", (today + dt.timedelta(days=365)).isoformat())
    page.select_option("#id_goals-0-category", index=1)
    page.fill("#id_goals-0-statement", "Amfibische eenheden treden samen op.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("h1")).to_have_text("Actieplan Verenigd Koninkrijk")
    expect(page.locator("body")).to_contain_text("Amfibische eenheden treden samen op.")

    page.get_by_role("link", name="Mijlpaal toevoegen").click()
    page.fill("#id_title", "Eerste gezamenlijke oefening")
    page.select_option("#id_owner", label="Bea Ambt (bia)")
    page.fill("#id_due_on", (today + dt.timedelta(days=20)).isoformat())
    page.select_option("#id_status", "on_track")
    page.get_by_role("button", name="Opslaan").click()
    row = page.locator("table.milestones tr.milestone")
    expect(row.locator("td:nth-child(2)")).to_have_text(["Eerste gezamenlijke oefening"])
    expect(row.locator("td:nth-child(5)")).to_have_text(["Bea Ambt"])

    page.goto(f"{live_server.url}/monitoring/")
    soon = page.locator("section:has(h2:text('Mijlpalen binnenkort')) tr.milestone td:nth-child(2)")
    expect(soon).to_have_text(["Eerste gezamenlijke oefening"])
    expect(page.locator('a[data-number="due_soon"] strong')).to_have_text("1")
