"""The OpenAPI 3 schema describes every endpoint and validates."""

from __future__ import annotations

import io
import re

import pytest
import yaml
from django.core.management import call_command
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/v1/partners/": {"get"},
    "/api/v1/partners/{code}/": {"get"},
    "/api/v1/initiatives/": {"get"},
    "/api/v1/initiatives/{id}/": {"get", "patch"},
    "/api/v1/initiatives/{id}/milestones/": {"get", "post"},
    "/api/v1/milestones/": {"get"},
    "/api/v1/milestones/{id}/": {"get", "patch"},
    "/api/v1/agreements/": {"get"},
    "/api/v1/agreements/{id}/": {"get"},
    "/api/v1/contributions/": {"get"},
    "/api/v1/contributions/{id}/": {"get"},
    "/api/v1/defence-spending/": {"get"},
    "/api/v1/defence-spending/{id}/": {"get"},
    "/api/v1/commitments/": {"get"},
    "/api/v1/commitments/{id}/": {"get"},
    "/api/v1/documents/": {"get"},
    "/api/v1/documents/{id}/": {"get"},
    "/api/v1/search/": {"get"},
    "/api/v1/plans/": {"get"},
    "/api/v1/plans/{id}/": {"get", "patch"},
    "/api/v1/officials/": {"get"},
    "/api/v1/officials/{id}/": {"get"},
    "/api/v1/activities/": {"get"},
    "/api/v1/activities/{id}/": {"get"},
}


@pytest.fixture
def schema(analyst, api) -> dict:
    response = api(analyst).get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def test_the_served_schema_lists_every_endpoint_and_method(schema):
    assert schema["openapi"].startswith("3.")
    found = {path: set(ops) - {"parameters"} for path, ops in schema["paths"].items()}
    assert found == PATHS


def test_the_served_schema_validates(schema):
    validate_schema(schema)  # raises on any violation of the OpenAPI 3 JSON schema


def test_the_schema_documents_filters_if_match_and_conflicts(schema):
    params = {p["name"] for p in schema["paths"]["/api/v1/initiatives/"]["get"]["parameters"]}
    assert {"partner", "ring", "form", "status", "kind", "category", "framework", "q", "sort", "page",
            "per_page"} <= params
    patch = schema["paths"]["/api/v1/initiatives/{id}/"]["patch"]
    assert any(p["name"] == "If-Match" and p["in"] == "header" and p["required"] for p in patch["parameters"])
    assert {"200", "412", "428"} <= set(patch["responses"])


def test_the_schema_command_validates_without_warnings(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out), stderr=io.StringIO())
    assert set(yaml.safe_load(out.read_text())["paths"]) == set(PATHS)


def test_the_docs_page_needs_a_login_and_loads_nothing_from_outside(analyst, api):
    assert api().get("/api/v1/docs/").status_code == 401
    page = api(analyst).get("/api/v1/docs/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(s.startswith("/") for s in sources), sources
    assert "<style" not in page and "<script>" not in page, "the CSP allows neither inline style nor script"
    script = api(analyst).get("/api/v1/docs/?script=")
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.content.decode()


def test_the_schema_documents_the_errors_every_operation_can_answer_with(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            expected = {"401", "403", "406", "414"}
            if "{" in path:
                expected.add("404")
            if method == "get" and not path.endswith("}/"):
                expected |= {"400", "404"}  # a bad filter or page; a page past the last
            if method in ("patch", "post"):
                expected |= {"400", "404", "413", "415"}
            if method == "patch":
                expected |= {"412", "428"}
            assert expected <= codes, (method, path, sorted(expected - codes))
            for code, response in operation["responses"].items():
                assert "application/json" in response["content"], (method, path, code)


def test_the_schema_says_which_references_can_be_null(schema):
    components = schema["components"]["schemas"]
    assert components["Agreement"]["properties"]["initiative"]["nullable"] is True
    assert components["Commitment"]["properties"]["answered_in"]["nullable"] is True
    assert components["Contribution"]["properties"]["location"]["nullable"] is True


def test_the_schema_bounds_ids_and_paging_and_types_if_match(schema):
    get = schema["paths"]["/api/v1/initiatives/{id}/"]["get"]
    (id_parameter,) = [p for p in get["parameters"] if p["name"] == "id"]
    assert id_parameter["schema"] == {"type": "integer", "minimum": 1, "maximum": 10**18 - 1}
    listed = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/milestones/"]["get"]["parameters"]}
    assert (listed["page"]["minimum"], listed["per_page"]["minimum"], listed["per_page"]["maximum"]) == (1, 1, 100)
    assert listed["initiative"]["maximum"] == 10**18 - 1
    patch = schema["paths"]["/api/v1/initiatives/{id}/"]["patch"]
    (if_match,) = [p for p in patch["parameters"] if p["name"] == "If-Match"]
    assert re.fullmatch(if_match["schema"]["pattern"], '"3"') and not re.fullmatch(if_match["schema"]["pattern"], "*")
    body = schema["components"]["schemas"]["PatchedInitiativeUpdateRequest"]
    assert (body["additionalProperties"], body["minProperties"]) == (False, 1)
