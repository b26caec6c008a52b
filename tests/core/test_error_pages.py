"""Errors get IMS's own pages: Dutch (English once chosen), in the IMS layout, saying what to do next, and
never Django's technical page with its URL patterns, settings or traceback unless IMS_DEBUG=true."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client, override_settings
from django.urls import reverse

from tests.core.test_settings_and_cli import run_python
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

# What Django's technical pages show: URL patterns, settings, tracebacks with server paths.
TECHNICAL = ("URLconf", "Traceback", "DEBUG = True", "Django tried these URL patterns", "/src/ims/")


def parsed(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "lxml")


def assert_ims_page(response, status: int, heading: str) -> BeautifulSoup:
    assert response.status_code == status
    page = parsed(response)
    assert page.select_one("header.masthead") is not None and page.select_one("footer.footer") is not None
    assert page.select_one("h1").get_text(strip=True) == heading
    body = response.content.decode()
    assert not [t for t in TECHNICAL if t in body]
    return page


def test_a_missing_page_and_a_classified_one_get_the_same_dutch_404(viewer, login):
    secret = InitiativeFactory(title="Geheim plan", classification=3)
    client = login(viewer)
    hidden_url = reverse("register:initiative-detail", args=[secret.pk])
    missing_url = reverse("register:initiative-detail", args=[secret.pk + 1000])
    hidden, missing = client.get(hidden_url), client.get(missing_url)
    for response in (hidden, missing):
        page = assert_ims_page(response, 404, "Deze pagina is er niet")
        assert page.html["lang"] == "nl"
        assert "gerubriceerd boven uw screeningsniveau" in page.get_text()
        assert page.select_one("nav.mainnav") is not None  # the menu, to carry on from here
    assert "Geheim plan" not in hidden.content.decode()
    # The two pages differ only in the address they were asked for (and the form's ever-changing security token).
    def page_without(response, url: str) -> str:
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode().replace(url, ""))

    assert page_without(hidden, hidden_url) == page_without(missing, missing_url)


def test_the_404_speaks_english_once_chosen_and_tells_an_anonymous_visitor_to_log_in(client, analyst, login):
    page = assert_ims_page(client.get("/bestaat-niet/"), 404, "Deze pagina is er niet")
    assert page.select_one(f"a[href='{reverse('login')}']") is not None
    english = login(analyst)
    english.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = assert_ims_page(english.get("/bestaat-niet/"), 404, "This page does not exist")
    assert page.html["lang"] == "en"


def test_a_role_that_may_not_gets_the_dutch_403_with_the_reason(viewer, login):
    initiative = InitiativeFactory()
    page = assert_ims_page(login(viewer).get(reverse("register:initiative-edit", args=[initiative.pk])), 403,
                           "Dit mag u met uw rol niet doen")
    assert "U bent aangemeld als raadpleger" in page.get_text()
    assert page.select_one(f"a[href='{reverse('guide')}']") is not None


@override_settings(ROOT_URLCONF="tests.core.failing_urls")
def test_a_fault_in_ims_gets_the_dutch_500_without_a_traceback(analyst):
    client = Client(raise_request_exception=False)
    client.force_login(analyst)
    page = assert_ims_page(client.get("/faalt/"), 500, "Er ging iets mis in IMS")
    assert "secret.py" not in page.get_text()
    assert "Probeer het over enkele minuten opnieuw" in page.get_text()


def test_a_request_ims_cannot_read_gets_the_dutch_400(client):
    assert_ims_page(client.get("/", HTTP_HOST="niet-toegestaan.example"), 400, "IMS begreep dit verzoek niet")


def test_a_form_with_a_stale_security_token_is_explained(analyst):
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    page = assert_ims_page(client.post(reverse("logout")), 403, "Het formulier is verlopen")
    assert "Er is niets opgeslagen" in page.get_text()


def test_the_api_answers_its_errors_in_json(analyst, login):
    response = login(analyst).get("/api/v1/bestaat-niet/")
    assert response.status_code == 404 and response.json() == {"detail": "Niet gevonden."}


def test_static_files_are_served_with_debug_off(client, settings):
    assert settings.DEBUG is False
    response = client.get("/static/ims/ims.css")
    assert response.status_code == 200 and b".masthead" in b"".join(response.streaming_content)


@pytest.mark.parametrize(("environment", "debug"), [({}, "False"), ({"IMS_DEBUG": "true"}, "True")])
def test_the_ims_command_runs_with_debug_off_unless_asked(environment, debug):
    """`ims demo` and `ims serve` use these settings: Django's debug pages only with IMS_DEBUG=true."""
    result = run_python("from django.conf import settings as s; import django; django.setup(); print(s.DEBUG)",
                        DJANGO_SETTINGS_MODULE="ims.conf.dev", **environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == debug

