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
