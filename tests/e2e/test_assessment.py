"""A policy officer fills in a new proposal and watches the assessment follow every change."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from ims.framework import GoalCategory
from ims.register import services
from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def partners_and_officer():
    for code, name in (("BE", "België"), ("DE", "Duitsland"), ("NL", "Nederland")):
        PartnerFactory(code=code, name_nl=name)
    services.ring_assign(partner=PartnerFactory(code="BE"), ring="strategic", valid_from=dt.date(2019, 1, 1))
    UserFactory(username="analist", role="analyst", clearance=3, password="browser-test-wachtwoord")


def test_fill_in_a_proposal_and_see_the_result_change(partners_and_officer, logged_in, live_server, screenshot_dir):
    page = logged_in("analist", "browser-test-wachtwoord")
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text
            else None)
    page.click("text=Beoordelen")
    page.wait_for_url("**/beoordeling/voorstel/")
    result = page.locator("#assessment-result")
    expect(result).to_contain_text("Nog geen beoordeling")

    page.fill("#id_title", "Gezamenlijke helikopteropleiding")
    page.select_option("#id_partners", ["BE", "DE"])
    page.fill("#id_strength_military", "0.6")
    page.fill("#id_result_military", "Meer gekwalificeerde vliegers")
    page.fill("#id_strength_financial_economic", "0.4")
    page.fill("#id_staff_fte", "2")

    total = result.locator(".total-value")
    expect(total).to_be_visible()
    expect(result).to_contain_text("Niet samenwerken")  # the baseline is always beside it
    expect(result.locator("svg.flipchart")).to_be_visible()
    expect(page).to_have_url(re.compile(r"partners=BE&partners=DE"))  # the address bar follows the form
    before = total.inner_text()
    assert re.fullmatch(r"-?\d+,\d", before)

    # A heavier financial-economic weight changes the total of this proposal.
    page.select_option("#id_scenario", "economic-headwinds")
    expect(result).to_contain_text("Economische tegenwind")
    expect(total).not_to_have_text(before)
    after = total.inner_text()

    # A deeper form on the ladder gives up more freedom of action; the sovereignty section says so.
    sovereignty = result.locator("section", has_text="Soevereiniteit")
    expect(sovereignty).to_contain_text("stap 2 van 6")
    page.select_option("#id_form", "integrated_operational")
    expect(sovereignty).to_contain_text("stap 5 van 6")
    expect(total).to_have_text(after)

    # Own weights: all zero is refused, above the weights and in the result; they appear only when chosen.
    expect(page.locator(".weights")).to_be_hidden()
    page.select_option("#id_scenario", "eigen-weging")
    expect(page.locator(".weights")).to_be_visible()
    for code in GoalCategory.codes():
        page.fill(f"#id_weight_{code}", "0")
    expect(result).to_contain_text("Geef ten minste één gewicht boven nul.")
    expect(page.locator("#group-weights")).to_have_text("Geef ten minste één gewicht boven nul.")
    expect(total).to_have_count(0)

    # Problems of every kind come together, each beside its field, while typing.
    page.select_option("#id_scenario", "balanced")
    page.fill("#id_strength_military", "3")
    page.fill("#id_planned_start", "2025-01-01")
    page.fill("#id_planned_end", "2024-01-01")
    page.fill("#id_milestones", "-1")
    problems = page.locator("form.proposal-form [data-field-error]")
    expect(problems).to_have_count(3)
    expect(page.locator("#id_strength_military")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_strength_military ~ .error")).to_have_text(
        "Moet tussen 0 en 1 liggen (is 3).")
    expect(page.locator("#id_planned_end ~ .error")).to_have_text("Ligt vóór de geplande start.")
    expect(result.locator(".error-summary li")).to_have_count(3)
    expect(page.locator("#group-weights [data-field-error]")).to_have_count(0)  # fixed by the scenario choice

    page.screenshot(path=str(screenshot_dir / "assessment-proposal.png"), full_page=True)
    assert blocked == [], blocked
