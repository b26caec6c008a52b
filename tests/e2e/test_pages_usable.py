"""Pages a user who knows no codes can use: the IMS 404 for a classified link, a layout that works on a
phone, and filters and counts that keep the Back button working."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from ims.accounts.models import Role
from ims.accounts.permissions import MATRIX
from ims.core.classification import Classification
from ims.core.context_processors import MENU
from ims.register import services
from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "browser-test-wachtwoord"


@pytest.fixture
def register_and_people():
    for code, name in (("DE", "Duitsland"), ("BE", "België"), ("GE", "Georgië"), ("FJ", "Fiji")):
        PartnerFactory(code=code, name_nl=name)
    services.ring_assign(partner=services.partner_for("DE"), ring="strategic", valid_from=dt.date(2019, 1, 1))
    services.initiative_create(title="Geïntegreerde brigade", status="running", form="integrated_operational",
                               participants=[("DE", "lead")])
    services.initiative_create(title="Gezamenlijk helikopteronderhoud", status="preparation", form="pooling",
                               participants=[("BE", "lead")])
    services.initiative_create(title="Luchtruimbewaking", status="running", form="operational",
                               participants=[("BE", "participant")])
    secret = services.initiative_create(title="Geheime samenwerking", status="running", participants=[("DE", "lead")],
                                        classification=Classification.SECRET)
    UserFactory(username="analist", role="analyst", clearance=0, password=PASSWORD)
    UserFactory(username="raadpleger", role="viewer", clearance=0, password=PASSWORD)
    return {"secret": secret}


def test_a_viewer_following_a_classified_link_gets_the_ims_404_in_dutch(register_and_people, logged_in, live_server,
                                                                       screenshot_dir):
    page = logged_in("raadpleger", PASSWORD)
    response = page.goto(f"{live_server.url}/initiatieven/{register_and_people['secret'].pk}/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "nl"
    expect(page.locator("h1")).to_have_text("Deze pagina is er niet")
    expect(page.locator("main")).to_contain_text("gerubriceerd boven uw screeningsniveau")
    expect(page.locator("nav.mainnav")).to_contain_text("Initiatieven")  # the IMS layout, menu and all
    assert "Geheime samenwerking" not in page.content()
    assert "Page not found" not in page.content() and "URLconf" not in page.content()
    page.screenshot(path=str(screenshot_dir / "404-viewer.png"), full_page=True)


PHONE = {"width": 390, "height": 844}
ANALYST_MENU = len([item for item in MENU if item.action in MATRIX[Role.ANALYST]])
NARROW_PAGES = ("/initiatieven/", "/partners/", "/partners/DE/", "/overeenkomsten/", "/netwerk/",
                "/beoordeling/voorstel/", "/beoordeling/schillen/", "/beoordeling/scenarios/", "/handleiding/",
                "/bestaat-niet/")


def test_at_390_pixels_the_menu_and_the_pages_fit_the_screen(register_and_people, browser, live_server,
                                                              screenshot_dir):
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "analist")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/initiatieven/**")
    for path in NARROW_PAGES:
        page.goto(f"{live_server.url}{path}")
        links = page.locator("nav.mainnav a")
        assert links.count() == ANALYST_MENU  # every item of an analyst's menu, none hidden
        for n in range(links.count()):
            box = links.nth(n).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (path, n, box)
        # Nothing makes the page itself wider than the screen (a wide table scrolls inside its own box).
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    page.goto(f"{live_server.url}/initiatieven/")
    page.screenshot(path=str(screenshot_dir / "phone-initiatives.png"), full_page=True)
    context.close()


def test_filters_and_counts_are_links_and_back_steps_through_them(register_and_people, logged_in, live_server):
    page = logged_in("analist", PASSWORD)
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(3)

    page.select_option("#id_status", "running")
    expect(rows).to_have_count(2)
    expect(page).to_have_url(re.compile(r"status=running"))
    # A count beside the list filters it too, and says which filter is on.
    page.locator(".facets a", has_text="operationele samenwerking en gereedstelling").click()
    expect(rows).to_have_count(1)
    expect(page).to_have_url(re.compile(r"form=operational"))
    expect(page.locator("#id_form")).to_have_value("operational")
    expect(page.locator(".facets li.selected")).to_have_count(2)

    page.go_back()
    expect(rows).to_have_count(2)
    expect(page.locator("#id_form")).to_have_value("")
    expect(page.locator("#id_status")).to_have_value("running")
    page.go_back()
    expect(rows).to_have_count(3)
    expect(page.locator("#id_status")).to_have_value("")
    page.go_forward()
    expect(rows).to_have_count(2)

    # The selected count links back to the list without that filter.
    page.locator(".facets li.selected a").first.click()
    expect(rows).to_have_count(3)


def test_the_partner_list_opens_on_partners_that_matter_and_all_are_one_click_away(register_and_people, logged_in,
                                                                                 live_server):
    page = logged_in("analist", PASSWORD)
    page.click("nav.mainnav >> text=Partners")
    names = page.locator("table.list tbody tr td:first-child")
    expect(names).to_have_text(["Duitsland", "België"])  # a ring first, then activity; Fiji has neither
    page.click("text=Alle landen en organisaties")
    expect(names).to_have_text(["België", "Duitsland", "Fiji", "Georgië"])
    expect(page).to_have_url(re.compile(r"scope=alle"))
    page.go_back()
    expect(names).to_have_count(2)
    # Partner codes are found in any case, and a country's three-letter code leads to its page.
    for typed in ("de", "DEU", "deu"):
        page.goto(f"{live_server.url}/partners/{typed}/")
        expect(page).to_have_url(f"{live_server.url}/partners/DE/")
        expect(page.locator("h1")).to_contain_text("Duitsland")
