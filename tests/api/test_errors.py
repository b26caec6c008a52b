"""Every error of the API is JSON with a message in Dutch (English with Accept-Language: en) that names the field
where there is one: wrong paging, ids out of range, bodies that are not flat JSON objects, unknown addresses,
oversized requests, and whatever Django itself would have answered with an HTML page."""

from __future__ import annotations

import datetime as dt
import gettext
from pathlib import Path

import pytest
import rest_framework
from django.utils import timezone, translation

pytestmark = pytest.mark.django_db


def patch(client, url: str, body: str, version: int = 1, **headers):
    return client.generic("PATCH", url, body, content_type="application/json", HTTP_IF_MATCH=f'"{version}"',
                          **headers)


@pytest.mark.parametrize("path", ["initiatives/abc/", "initiatives/1.json", "initiatives/1", "onbekend/",
                                  "initiatives/9999999999999999999999/", "partners/" + "X" * 30 + "/"])
def test_an_unknown_address_under_the_api_is_a_json_404(register, analyst, api, path):
    response = api(analyst).get(f"/api/v1/{path}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Niet gevonden."}


def test_an_unknown_address_is_a_json_404_for_a_patch_too_not_a_redirect(register, analyst, api):
    response = patch(api(analyst), f"/api/v1/initiatives/{register.shown.pk}", '{"title": "x"}')
    assert (response.status_code, response.json()) == (404, {"detail": "Niet gevonden."})


@pytest.mark.parametrize("query,field", [
    ("page=false", "page"), ("page=0", "page"), ("page=-1", "page"), ("page=1.5", "page"), ("page=", "page"),
    ("per_page=false", "per_page"), ("per_page=0", "per_page"), ("per_page=-1", "per_page"),
    ("per_page=1.5", "per_page"), ("per_page=101", "per_page"), ("page=last", "page"),
])
def test_invalid_paging_is_a_400_naming_the_parameter(register, viewer, api, query, field):
    response = api(viewer).get(f"/api/v1/initiatives/?{query}")
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert response.json()[field][0].startswith("Geef een geheel getal van 1 tot en met")


def test_a_page_past_the_last_is_a_404_saying_which_is_the_last(register, viewer, api):
    response = api(viewer).get("/api/v1/initiatives/?page=7&per_page=1")
    assert response.status_code == 404
    assert response.json() == {"detail": "Pagina 7 bestaat niet; de laatste is pagina 2."}


@pytest.mark.parametrize("value", ["9223372036854775808", "1" * 40, "1.0", " 1", "1_000", "-1"])
def test_an_id_filter_out_of_range_or_not_a_whole_number_is_a_400(register, viewer, api, value):
    response = api(viewer).get("/api/v1/milestones/", {"initiative": value})
    assert response.status_code == 400
    assert list(response.json()) == ["initiative"]


TOO_DEEP = "De JSON is te diep genest: ten hoogste 8 niveaus van objecten en lijsten."


@pytest.mark.parametrize("body,message", [
    ("[" * 1000 + "]" * 1000, TOO_DEEP),
    ('{"title": ' + "[" * 20 + "]" * 20 + "}", TOO_DEEP),
    ("null", 'Stuur een JSON-object met de velden, zoals {"title": "…"}.'),
    ('["title"]', 'Stuur een JSON-object met de velden, zoals {"title": "…"}.'),
    ('{"title": "x",\n "summary": }', "Ongeldige JSON op regel 2, kolom 13."),
    ('{"staff_fte": NaN}', "JSON kent geen NaN; stuur een getal of null."),
])
def test_a_body_that_is_not_a_json_object_is_a_400_in_dutch(register, analyst, api, body, message):
    response = patch(api(analyst), f"/api/v1/initiatives/{register.shown.pk}/", body)
    assert (response.status_code, response.json()) == (400, {"detail": message})


def test_a_body_above_the_upload_limit_is_a_413(register, analyst, api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2**20
    response = patch(api(analyst), f"/api/v1/initiatives/{register.shown.pk}/", '{"summary": "' + "x" * 2**20 + '"}')
    assert response.status_code == 413
    # Django refuses it when something reads the whole body first, the parser when it reads the stream itself.
    assert response.json()["detail"] in {"Het verzoek is te groot.", "De inhoud is te groot: ten hoogste 1 MB."}


@pytest.mark.parametrize("field,value", [("title", 0), ("title", ["x"]), ("sovereign_capability", "true"),
                                         ("units_committed", "3"), ("units_committed", True)])
def test_a_value_of_the_wrong_json_type_is_refused_naming_the_field(register, analyst, api, field, value):
    import json

    response = patch(api(analyst), f"/api/v1/initiatives/{register.shown.pk}/", json.dumps({field: value}))
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert response.json()[field][0] in {"Geef tekst (een JSON-string).", "Geef true of false.",
                                         "Een geldig getal is vereist."}


def test_1500_query_parameters_are_a_400_even_under_debug(register, viewer, api, settings):
    settings.DEBUG = True
    query = "&".join(f"f{n}=1" for n in range(1500))
    response = api(viewer).get(f"/api/v1/initiatives/?{query}")
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Te veel parameters: ten hoogste 1000."]}


def test_a_django_error_page_under_the_api_becomes_json(register, viewer, api):
    response = api(viewer).get("/api/v1/partners/", HTTP_HOST="elders.example")  # DisallowedHost: Django's 400
    assert response.status_code == 400
    assert response.json() == {"detail": "Het verzoek is ongeldig."}


def test_a_session_change_without_csrf_is_refused_in_dutch(register, analyst):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(analyst)
    response = patch(client, f"/api/v1/initiatives/{register.shown.pk}/", '{"title": "x"}')
    assert response.status_code == 403
    assert response.json()["detail"].startswith("CSRF-controle mislukt")


def test_accept_language_en_gives_english_messages(register, analyst, api):
    client = api(analyst)
    english = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}
    missing = client.get("/api/v1/initiatives/999999/", **english)
    assert missing.json() == {"detail": "Not found."}
    assert missing["Content-Language"] == "en"
    assert "Accept-Language" in missing["Vary"]
    wrong = patch(client, f"/api/v1/initiatives/{register.shown.pk}/", '{"title": 0, "status": "x"}', **english)
    assert wrong.json() == {"title": ["Not a valid string."], "status": ['"x" is not a valid choice.']}
    paging = client.get("/api/v1/initiatives/?per_page=0", **english)
    assert paging.json() == {"per_page": ["Give a whole number from 1 to 100."]}
    assert client.get("/api/v1/nergens/", **english).json() == {"detail": "Not found."}
    # Without the header, or with a language IMS does not speak, Dutch.
    assert client.get("/api/v1/initiatives/999999/", HTTP_ACCEPT_LANGUAGE="fr").json() == {"detail": "Niet gevonden."}


def test_every_message_of_the_rest_framework_reads_dutch():
    """DRF's own Dutch catalogue misses some ("Not a valid string."); ours fills them in."""
    catalogue = Path(rest_framework.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.mo"
    with catalogue.open("rb") as mo:
        messages = [key for key in gettext.GNUTranslations(mo)._catalog if isinstance(key, str) and key]
    assert len(messages) > 100
    for skipped in ("Extra Actions", "content", "main content", "navbar", "request form", "request info",
                    "response info"):  # the browsable API's page, which IMS does not serve
        messages.remove(skipped)
    same_in_dutch = {"Filters", "Token", "Tokens", "Key"}
    with translation.override("nl"):
        english = [m for m in messages if translation.gettext(m) == m and m not in same_in_dutch]
    assert english == []


def test_a_milestone_can_be_done_early_but_not_on_a_day_to_come(register, analyst, api):
    client = api(analyst)
    url = f"/api/v1/initiatives/{register.shown.pk}/milestones/"
    early = client.post(url, {"title": "Vroeg klaar", "due_on": "2020-06-01", "done_on": "2020-05-01",
                              "status": "done"}, format="json")
    assert early.status_code == 201, early.content
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    future = client.post(url, {"title": "Nog niet", "due_on": tomorrow, "done_on": tomorrow, "status": "done"},
                         format="json")
    assert future.status_code == 400
    assert future.json() == {"done_on": ["Een mijlpaal kan niet gereed zijn op een dag die nog moet komen."]}
