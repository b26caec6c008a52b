"""A BIA member logs in, lands on the dashboard, clicks the number of late milestones and sees exactly those."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from ims.monitoring import services as monitoring
from ims.register import services as register
from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "browser-test-wachtwoord"


@pytest.fixture
def late_and_soon():
    today = dt.date.today()
    uk = PartnerFactory(code="GB", name_nl="Verenigd Koninkrijk")
    plan = monitoring.plan_create(title="Actieplan VK", partner=uk, starts_on=today - dt.timedelta(days=400),
                                  ends_on=today + dt.timedelta(days=400))
    secret = monitoring.plan_create(title="Geheim plan", partner=uk, starts_on=today - dt.timedelta(days=400),
                                    ends_on=today + dt.timedelta(days=400), classification=3)
    for days, title in ((-90, "Oudste te laat"), (-3, "Net te laat"), (30, "Binnenkort gereed"), (300, "Later")):
        register.milestone_create(plan=plan, title=title, due_on=today + dt.timedelta(days=days))
    register.milestone_create(plan=secret, title="Geheim te laat", due_on=today - dt.timedelta(days=10))
    UserFactory(username="bia", role="bia_member", clearance=0, password=PASSWORD)


def test_the_late_count_opens_the_same_milestones(late_and_soon, page, live_server, screenshot_dir):
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "bia")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/monitoring/")  # the BIA member's home page
    late = page.locator('a[data-number="late"]')
    expect(late.locator("strong")).to_have_text("2")
    on_dashboard = page.locator("section:has(h2:text('Mijlpalen te laat')) tr.milestone td:nth-child(2)")
    expect(on_dashboard).to_have_text(["Oudste te laat", "Net te laat"])
    page.screenshot(path=str(screenshot_dir / "monitoring-dashboard.png"), full_page=True)
    late.click()
    page.wait_for_url(re.compile(r"/monitoring/mijlpalen/\?state=late$"))
    listed = page.locator("table.milestones tbody tr td:nth-child(2)")
    expect(listed).to_have_text(["Oudste te laat", "Net te laat"])  # oldest first, nothing hidden, nothing more
    expect(page.locator("nav.pager")).to_contain_text("1–2 van 2")
