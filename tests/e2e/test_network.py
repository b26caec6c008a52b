"""The network view: the picture is drawn, a filter redraws it, and a click on a node opens that page."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from ims.core.services import record_link
from ims.register import services
from tests.factories import FrameworkFactory, PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def web():
    germany = PartnerFactory(code="DE", name_nl="Duitsland")
    belgium = PartnerFactory(code="BE", name_nl="België")
    record_link(FrameworkFactory(code="NATO", name_nl="NAVO", kind="organisation"),
                add={"members": [germany, belgium]})
    services.ring_assign(partner=germany, ring="strategic", valid_from=dt.date(2012, 1, 1))
    services.initiative_create(title="Geïntegreerde brigade", status="running", form="integrated_operational",
                               participants=[("DE", "lead")], frameworks=["NATO"])
    services.initiative_create(title="Helikopteronderhoud", status="study", form="pooling",
                               participants=[("BE", "lead"), ("DE", "participant")])
    UserFactory(username="analist", role="analyst", clearance=3, password="browser-test-wachtwoord")


def drawn(page) -> int:
    return page.evaluate("window.imsNetwork.nodes().length")


def test_draw_filter_and_open_a_node(web, logged_in, live_server, screenshot_dir):
    page = logged_in("analist", "browser-test-wachtwoord")
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
            else None)
    page.click("nav.mainnav >> text=Netwerk")
    page.wait_for_url("**/netwerk/")
    network = page.locator("#network")
    expect(network).to_have_attribute("data-drawn", "5")  # two initiatives, two partners, one framework
    assert drawn(page) == 5
    expect(page.locator("#network-counts")).to_have_text("2 initiatieven · 2 partners · 1 kaders")
    assert page.locator("#network canvas").count() > 0
    page.screenshot(path=str(screenshot_dir / "network.png"))

    page.select_option("#id_form", "pooling")
    expect(network).to_have_attribute("data-drawn", "3")  # the helicopters and their two partners, no framework
    labels = page.evaluate("window.imsNetwork.nodes().map(n => n.data('label')).sort()")
    assert labels == ["België", "Duitsland", "Helikopteronderhoud"]
    assert "form=pooling" in page.url

    # Measured where the node is once the page has settled: in view, and two frames after the new drawing (the
    # renderer takes the layout's viewport on its next frame); a loaded machine may take long to navigate.
    network.scroll_into_view_if_needed()
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    box = network.bounding_box()
    spot = page.evaluate("window.imsNetwork.nodes('[label = \"Helikopteronderhoud\"]').renderedPosition()")
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    page.wait_for_url("**/initiatieven/*/", timeout=30_000)
    assert page.locator("h1").inner_text() == "Helikopteronderhoud"
    assert refused == [], "the page must work under the Content-Security-Policy"
