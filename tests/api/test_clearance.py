"""A record above the user's clearance is absent from the API: not listed, not counted, 404 in detail, and not
named by the records that point at it."""

from __future__ import annotations

import pytest

from tests.api.conftest import SECRET_TITLE, rows

pytestmark = pytest.mark.django_db

# (list path, fixture attribute of the hidden record, lookup for its detail URL)
HIDDEN = [
    ("initiatives", "hidden", "pk"),
    ("partners", "hidden_partner", "code"),
    ("agreements", "hidden_agreement", "pk"),
    ("contributions", "hidden_contribution", "pk"),
    ("defence-spending", "hidden_spending", "pk"),
    ("commitments", "hidden_commitment", "pk"),
    ("milestones", "hidden_milestone", "pk"),
    ("documents", "secret_note", "pk"),
]


@pytest.mark.parametrize("path,attr,lookup", HIDDEN)
def test_hidden_from_a_departmental_confidential_user(register, dv_user, confidential_user, api, path, attr,
                                                      lookup):
    record = getattr(register, attr)
    key = getattr(record, lookup)
    dv, conf = api(dv_user), api(confidential_user)

    listed = dv.get(f"/api/v1/{path}/").json()
    ids = {row.get("id", row.get("code")) for row in listed["results"]}
    assert key not in ids
    assert listed["count"] == len(listed["results"])
    assert listed["count"] == conf.get(f"/api/v1/{path}/").json()["count"] - 1

    hidden = dv.get(f"/api/v1/{path}/{key}/")
    missing = dv.get(f"/api/v1/{path}/{'ZZ' if lookup == 'code' else 999999}/")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
    assert conf.get(f"/api/v1/{path}/{key}/").status_code == 200


def test_confidential_initiative_absent_from_list_count_and_detail(register, dv_user, api):
    client = api(dv_user)
    body = client.get("/api/v1/initiatives/?partner=DE").json()
    assert body["count"] == 1
    assert SECRET_TITLE not in str(body)
    assert client.get(f"/api/v1/initiatives/{register.hidden.pk}/").status_code == 404
    assert client.get(f"/api/v1/initiatives/{register.hidden.pk}/milestones/").status_code == 404


def test_references_to_hidden_records_are_left_out(register, dv_user, api):
    client = api(dv_user)
    loi = next(row for row in rows(client.get("/api/v1/agreements/?partner=BE")))
    assert loi["title"] == "LOI ondersteuning" and loi["initiative"] is None
    shown = client.get(f"/api/v1/initiatives/{register.shown.pk}/").json()
    assert [c["label"] for c in shown["citations"]] == ["Kamerstuk 33 279, nr. 30"], "no citation into a secret note"
    belgium = client.get("/api/v1/partners/BE/").json()
    assert [p["ring"] for p in belgium["ring_history"]] == ["strategic"], "no classified ring period"
    assert "Geheime herindeling" not in str(belgium)
    contribution = client.get(f"/api/v1/contributions/{register.contribution.pk}/").json()
    assert "NO" not in contribution["partners"]
    assert "Walrus" not in str(rows(client.get("/api/v1/milestones/")))
