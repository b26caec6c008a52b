"""The report page: the level is limited to the user's clearance, downloads and finalisation are audited,
and the source links show the cited passage only to those who may see the document."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from ims.core.audit import AuditAction, AuditEntry
from ims.reporting.models import ReportVersion
from tests.db import in_db

pytestmark = pytest.mark.django_db


def test_a_level_above_the_users_clearance_is_refused(small_register, viewer, login):
    client = login(viewer)
    for url in ("/rapportage/?year=2019&classification=2", "/rapportage/concept.pdf?year=2019&classification=2"):
        response = client.get(url)
        assert response.status_code == 403
        body = response.content.decode()
        assert "boven uw screeningsniveau" in body
        assert "Zeeleeuw" not in body and "Gezamenlijke marinestaf" not in body
    response = client.post("/rapportage/definitief/", {"year": 2019, "classification": 2})
    assert response.status_code == 403
    # The level menu offers only what the user may see.
    page = BeautifulSoup(client.get("/rapportage/?year=2019&classification=0").content, "lxml")
    assert [o["value"] for o in page.select("select#classification option")] == ["0"]
    assert not AuditEntry.objects.filter(action=AuditAction.DOWNLOAD).exists()


def test_bad_input_is_explained_not_crashed(small_register, analyst, login):
    client = login(analyst)
    response = client.get("/rapportage/?year=abc", follow=True)
    assert response.status_code == 200 and "Geef het jaar en de rubricering als getal" in response.content.decode()
    response = client.get("/rapportage/?year=1800", follow=True)
    assert "valt buiten het bereik" in response.content.decode()
    assert client.get("/rapportage/concept.xls?year=2019").status_code == 404


def test_draft_and_version_downloads_are_in_the_audit_trail(small_register, analyst, login):
    client = login(analyst)
    response = client.get("/rapportage/concept.docx?year=2019&classification=2")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="rapportage-2019-stg-confidentieel-concept.docx"'
    entry = AuditEntry.objects.get(action=AuditAction.DOWNLOAD)
    assert entry.actor == analyst and entry.classification == 2
    assert entry.changes == {"year": 2019, "classification": 2, "format": "docx", "version": None}

    response = client.post("/rapportage/definitief/", {"year": 2019, "classification": 0, "reference": "BS-1",
                                                       "confirmed": "yes"})
    version = in_db(ReportVersion).get()
    assert response.status_code == 302 and response["Location"] == f"/rapportage/versies/{version.pk}/"
    response = client.get(f"/rapportage/versies/{version.pk}/bestand.pdf")
    assert response.status_code == 200 and response.content == bytes(version.files.get(format="pdf").content)
    entry = AuditEntry.objects.filter(action=AuditAction.DOWNLOAD).latest("id")
    assert entry.changes["version"] == 1 and entry.changes["format"] == "pdf"
    assert "versie 1" in entry.object_repr


def test_versions_above_clearance_are_invisible(small_register, analyst, viewer, login):
    login(analyst).post("/rapportage/definitief/", {"year": 2019, "classification": 2, "confirmed": "yes"})
    version = in_db(ReportVersion).get()
    client = login(viewer)
    assert client.get(f"/rapportage/versies/{version.pk}/").status_code == 404
    assert client.get(f"/rapportage/versies/{version.pk}/bestand.docx").status_code == 404
    assert "Nog geen enkele rapportage is definitief gemaakt" in client.get("/rapportage/").content.decode()


def test_a_viewer_cannot_finalise(small_register, viewer, login):
    response = login(viewer).post("/rapportage/definitief/", {"year": 2019, "classification": 0})
    assert response.status_code == 403  # refused by role, like every other write
    assert not in_db(ReportVersion).exists()


def test_source_links_show_the_cited_passage_within_clearance(small_register, analyst, viewer, login):
    from ims.register.models import Citation

    open_citation = in_db(Citation).filter(document=small_register["letter"]).first()
    secret = in_db(Citation).get(document=small_register["secret_note"], start=0)
    page = login(analyst).get(f"/rapportage/bron/{open_citation.pk}/").content.decode()
    assert 'id="passage"' in page and "Kamerstuk 35 000 X, nr. 12" in page
    assert login(viewer).get(f"/rapportage/bron/{secret.pk}/").status_code == 404
    assert login(analyst).get(f"/rapportage/bron/{secret.pk}/").status_code == 200


def test_finalising_asks_for_confirmation_first(small_register, analyst, login):
    """"Definitief maken" freezes a version for good, so the first press says what it does and freezes nothing."""
    client = login(analyst)
    response = client.post("/rapportage/definitief/", {"year": 2019, "classification": 0, "reference": "BS-7"})
    assert response.status_code == 200 and not in_db(ReportVersion).exists()
    page = BeautifulSoup(response.content, "lxml")
    text = " ".join(page.select_one("section.confirm").get_text(" ").split())
    assert "De rapportage over 2019 definitief maken?" in text and "Dit wordt versie 1." in text
    assert "Onze referentie: BS-7." in text
    confirm = {i["name"]: i["value"] for i in page.select("section.confirm form input[type=hidden]")}
    assert confirm == {"csrfmiddlewaretoken": confirm["csrfmiddlewaretoken"], "year": "2019", "classification": "0",
                       "reference": "BS-7", "confirmed": "yes"}
    back = page.select_one("section.confirm a[href*='/rapportage/?']")
    assert back["href"] == "/rapportage/?year=2019&classification=0"
    response = client.post("/rapportage/definitief/", confirm)
    assert response.status_code == 302 and in_db(ReportVersion).get().reference == "BS-7"
