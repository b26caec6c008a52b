"""A policy officer logs in, narrows the initiatives down with the live filters, and opens one."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from ims.register import services
from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def register_with_people():
    for code, name in (("DE", "Duitsland"), ("BE", "België")):
        PartnerFactory(code=code, name_nl=name)
    services.ring_assign(partner=PartnerFactory(code="DE"), ring="strategic", valid_from=dt.date(2019, 1, 1))
    services.initiative_create(title="Geïntegreerde brigade", status="running", form="integrated_operational",
                               participants=[("DE", "lead")],
                               summary="Een brigade die in een Duitse divisie is opgenomen.")
    services.initiative_create(title="Gezamenlijk helikopteronderhoud", status="preparation", form="pooling",
                               participants=[("BE", "lead")])
    services.initiative_create(title="Luchtruimbewaking", status="running", form="operational",
                               participants=[("BE", "participant")])
    UserFactory(username="analist", role="analyst", clearance=3, password="browser-test-wachtwoord")


def test_log_in_filter_and_open_an_initiative(register_with_people, logged_in, screenshot_dir):
    page = logged_in("analist", "browser-test-wachtwoord")
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(3)

    page.select_option("#id_status", "running")
    expect(rows).to_have_count(2)
    expect(page).to_have_url(re.compile(r"status=running"))  # the address bar follows the filters

    page.fill("#id_q", "brigade")
    expect(rows).to_have_count(1)
    page.click("text=Geïntegreerde brigade")
    page.wait_for_url("**/initiatieven/*/")
    assert page.locator("h1").inner_text() == "Geïntegreerde brigade"
    assert "geïntegreerde operationele samenwerking" in page.content()
    page.screenshot(path=str(screenshot_dir / "initiative.png"))

