"""The BIA agenda as PDF and DOCX, opened again and read; clearance applies to everything on it."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document
from pdfminer.high_level import extract_text

from ims.assessment import services as assessment
from ims.register import services as register

D = dt.date


@pytest.fixture
def meeting(plans, make_user):
    register.milestone_create(plan=plans.plan, title="Oefening te laat", due_on=D(2020, 1, 15))
    register.milestone_create(plan=plans.secret_plan, title="Geheim te laat", due_on=D(2020, 1, 10))
    register.milestone_create(plan=plans.plan, title="Vóór de volgende vergadering", due_on=D(2020, 3, 20))
    register.milestone_create(plan=plans.plan, title="Na de volgende vergadering", due_on=D(2020, 5, 1))
    register.initiative_create(title="Voorstel maritieme patrouille", status="idea")
    register.commitment_create(subject="Brief over de BIA-plannen", made_on=D(2019, 6, 1), due_on=D(2019, 12, 1))
    register.commitment_create(subject="Geheime toezegging", made_on=D(2019, 6, 1), classification=3)
    register.ring_assign(partner=plans.uk, ring="strategic", valid_from=D(2019, 1, 1))
    assessment.criteria_record(partner=plans.uk, distance=0.9, culture=0.2, synergy=0.1, reason="Verder weg",
                               valid_from=D(2019, 6, 1),
                               actor=make_user("analyst", 3, username="criteria"))
    return plans


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    return header + "\n" + "\n".join(p.text for p in document.paragraphs)


def test_the_docx_agenda_read_back(meeting, tmp_path):
    out = tmp_path / "agenda.docx"
    call_command("agenda", "--date", "2020-03-02", "--format", "docx", "--out", str(out), stdout=io.StringIO())
    text = _docx_text(out.read_bytes())
    assert "Agenda BIA 2 maart 2020" in text
    assert "Ten hoogste Ongerubriceerd" in text
    order = ["Mijlpalen die te laat zijn", "Oefening te laat", "Schilvoorstellen die afwijken",
             "Verenigd Koninkrijk: voorgesteld gelegenheidspartner, vastgesteld strategische partner",
             "Voorstellen die op beoordeling wachten", "Voorstel maritieme patrouille",
             "Open toezeggingen aan de Kamer", "Brief over de BIA-plannen (uiterlijk 1 december 2019, over de termijn)",
             "Mijlpalen vóór de volgende vergadering (30 maart 2020)", "Vóór de volgende vergadering"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    for hidden in ("Geheim te laat", "Geheime toezegging", "Na de volgende vergadering", "{{", "{%"):
        assert hidden not in text


def test_the_pdf_agenda_read_back_at_a_higher_level(meeting, tmp_path):
    out = tmp_path / "agenda.pdf"
    call_command("agenda", "--date", "2020-03-02", "--format", "pdf", "--classification", "secret",
                 "--out", str(out), stdout=io.StringIO())
    text = " ".join(extract_text(str(out)).split())
    assert "Agenda BIA 2 maart 2020" in text
    assert "Geheim te laat" in text and "Geheime toezegging" in text
    assert "Oefening te laat" in text


def test_the_agenda_downloads_at_the_users_clearance(meeting, make_user, client):
    client.force_login(make_user("bia_member", 0, username="bia-0"))
    response = client.get(reverse("monitoring:agenda"), {"date": "2020-03-02", "format": "docx"})
    assert response["Content-Disposition"] == 'attachment; filename="agenda-bia-2020-03-02.docx"'
    text = _docx_text(b"".join([response.content]))
    assert "Oefening te laat" in text and "Geheim te laat" not in text
    assert client.get(reverse("monitoring:agenda"), {"format": "exe"}).status_code == 404


def test_the_command_refuses_bad_input(db):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="geen datum"):
        call_command("agenda", "--date", "2 maart", "--format", "pdf")
    with pytest.raises(CommandError, match="Onbekend formaat"):
        call_command("agenda", "--date", "2020-03-02", "--format", "odt")
