"""Every read endpoint lists, filters, sorts and pages like the web lists, and shows a record in detail."""

from __future__ import annotations

import pytest

from tests.api.conftest import SECRET_TITLE, rows

pytestmark = pytest.mark.django_db

LISTS = ["partners", "initiatives", "milestones", "agreements", "contributions", "defence-spending",
         "commitments", "documents"]


def titles(response) -> list[str]:
    return [row["title"] for row in rows(response)]


@pytest.mark.parametrize("path", LISTS)
def test_each_list_pages_and_links_to_a_detail_with_an_etag(register, analyst, api, path):
    client = api(analyst)
    body = client.get(f"/api/v1/{path}/").json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == len(body["results"]) >= 2
    first = body["results"][0]
    detail = client.get(first["url"])
    assert detail.status_code == 200
    assert detail["ETag"] == f'"{detail.json()["version"]}"'
    assert detail.json()["version"] == 1


def test_partners_carry_current_ring_and_ring_history(register, analyst, api):
    germany = api(analyst).get("/api/v1/partners/DE/").json()
    assert germany["current_ring"] == "strategic"
    assert [(p["ring"], p["valid_from"], p["valid_to"]) for p in germany["ring_history"]] == [
        ("affiliated", "2012-01-01", "2018-01-01"), ("strategic", "2018-01-01", None)]
    assert germany["ring_history"][0]["reason"] == "Beleidsnota 2012"
    assert germany["memberships"] == ["NATO"]
    assert api(analyst).get("/api/v1/partners/NATO/").json()["members"] == ["BE", "DE"]


@pytest.mark.parametrize(
    "query,codes",
    [("ring=strategic", {"BE", "DE"}), ("kind=organisation", {"NATO"}), ("q=duits", {"DE"}), ("q=be", {"BE"}),
     ("ring=opportunity", set())],
)
def test_partner_filters(register, analyst, api, query, codes):
    assert {row["code"] for row in rows(api(analyst).get(f"/api/v1/partners/?{query}"))} == codes


@pytest.mark.parametrize(
    "query,expected",
    [
        ("partner=BE", ["Benelux luchtruimbewaking"]),
        ("ring=strategic", ["Benelux luchtruimbewaking", "Duits-Nederlandse brigade", SECRET_TITLE]),
        ("form=integrated_operational", ["Duits-Nederlandse brigade"]),
        ("status=study", ["Benelux luchtruimbewaking"]),
        ("kind=operational", ["Duits-Nederlandse brigade"]),
        ("category=military", ["Duits-Nederlandse brigade"]),
        ("framework=NATO", ["Duits-Nederlandse brigade"]),
        ("q=luchtmobiele", ["Duits-Nederlandse brigade"]),
        ("status=running&partner=DE&sort=-title", [SECRET_TITLE, "Duits-Nederlandse brigade"]),
    ],
)
def test_initiative_filters_match_the_web_list(register, analyst, api, query, expected):
    assert titles(api(analyst).get(f"/api/v1/initiatives/?{query}")) == expected


def test_initiative_sorting_and_paging(register, analyst, api):
    client = api(analyst)
    first = client.get("/api/v1/initiatives/?sort=start&per_page=2").json()
    assert first["count"] == 3 and first["previous"] is None
    assert [r["title"] for r in first["results"]] == ["Duits-Nederlandse brigade", "Benelux luchtruimbewaking"]
    second = client.get(first["next"]).json()
    assert [r["title"] for r in second["results"]] == ["Geheime samenwerking Noordflank"]
    assert second["next"] is None and second["previous"]


def test_initiative_detail_has_goals_budgets_milestones_and_agreements(register, analyst, api):
    body = api(analyst).get(f"/api/v1/initiatives/{register.shown.pk}/").json()
    assert body["participants"] == [{"partner": "DE", "name": "Duitsland", "role": "lead"}]
    assert body["frameworks"] == ["NATO"]
    assert body["goals"][0]["category"] == "military"
    assert body["goals"][0]["measurements"] == [{"period": "2019", "value": "3.00"}]
    assert body["budgets"] == [{"year": 2019, "amount_eur": "1000000.00"}]
    assert [m["title"] for m in body["milestones"]] == ["Integratie voltooid"]
    assert body["agreements"] == [register.agreement.pk]
    assert {c["label"] for c in body["citations"]} == {"Kamerstuk 33 279, nr. 30", "GEHEIM-7"}


@pytest.mark.parametrize(
    "path,query,expected",
    [
        ("agreements", "partner=BE", {"LOI ondersteuning"}),
        ("agreements", "kind=MoU", {"MoU luchtmobiel"}),
        ("agreements", "q=walrus", {"DOI Walrus"}),
        ("contributions", "partner=BE", {"Resolute Support"}),
        ("contributions", "q=walrus", {"Operatie Walrus"}),
        ("contributions", "year=2018", set()),
        ("defence-spending", "partner=DE", {"DE"}),
        ("defence-spending", "status=planned", {"BE"}),
        ("defence-spending", "year=2019", {"DE"}),
        ("commitments", "status=answered", {"Rapporteren over de brigade"}),
        ("commitments", "q=bosman", {"Rapporteren over de brigade"}),
        ("milestones", "status=planned", {"Integratie voltooid", "Walrus gereed"}),
        ("documents", "q=33 279", {"Kamerbrief IMS 2019"}),
        ("documents", "q=walrus", {"Notitie Walrus"}),
    ],
)
def test_other_list_filters(register, analyst, api, path, query, expected):
    found = rows(api(analyst).get(f"/api/v1/{path}/?{query}"))
    key = {"contributions": "operation", "defence-spending": "partner", "commitments": "subject"}.get(path, "title")
    assert {row[key] for row in found} == expected


def test_milestones_filter_by_initiative(register, analyst, api):
    found = rows(api(analyst).get(f"/api/v1/milestones/?initiative={register.shown.pk}"))
    assert [m["title"] for m in found] == ["Integratie voltooid"]
    nested = api(analyst).get(f"/api/v1/initiatives/{register.shown.pk}/milestones/").json()
    assert [m["title"] for m in nested] == ["Integratie voltooid"]


def test_documents_carry_metadata_not_the_full_text(register, analyst, api):
    body = api(analyst).get(f"/api/v1/documents/{register.letter.pk}/").json()
    assert body["cite_label"] == "Kamerstuk 33 279, nr. 30"
    assert "text" not in body
    assert "strategische partner" not in str(body)


def test_related_records_are_named_by_code_and_id(register, analyst, api):
    client = api(analyst)
    assert client.get(f"/api/v1/agreements/{register.agreement.pk}/").json()["initiative"] == register.shown.pk
    contribution = client.get(f"/api/v1/contributions/{register.contribution.pk}/").json()
    assert (contribution["location"], contribution["partners"]) == ("DE", ["BE", "DE", "NO"])
    assert client.get(f"/api/v1/commitments/{register.commitment.pk}/").json()["answered_in"] == register.letter.pk


@pytest.mark.parametrize("query", ["status=bogus", "ring=inner", "sort=secret", "form=x", "category=y"])
def test_an_unknown_filter_value_is_a_400_in_dutch(register, analyst, api, query):
    response = api(analyst).get(f"/api/v1/initiatives/?{query}")
    assert response.status_code == 400
    name = query.split("=")[0]
    assert "is een ongeldige keuze" in response.json()[name][0]


def test_a_missing_record_is_404(register, analyst, api):
    client = api(analyst)
    assert client.get("/api/v1/initiatives/999999/").status_code == 404
    assert client.get("/api/v1/partners/XX/").status_code == 404
    assert client.get("/api/v1/initiatives/abc/").status_code == 404


def test_lists_are_audited_as_exports(register, analyst, api):
    from ims.core.audit import AuditEntry

    api(analyst).get("/api/v1/initiatives/?status=running")
    entry = AuditEntry.objects.filter(action="export").latest("id")
    assert (entry.actor_name, entry.object_type, entry.changes["query"]) == ("analist", "api:initiatives",
                                                                              "status=running")
