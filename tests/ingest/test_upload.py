"""Uploads are checked by content and size before anything is stored; a good upload becomes a job."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ims.ingest.models import IngestJob
from tests.ingest.upload_steps import upload_confirmed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("brief.pdf", b"dit is geen pdf", "past niet bij het soort bestand"),
        ("brief.docx", b"%PDF-1.4 verkeerd", "past niet bij het soort bestand"),
        ("brief.txt", b"tekst\x00\x01\x02binair", "past niet bij het soort bestand"),
        ("brief.exe", b"MZ", "niet ondersteund"),
        ("leeg.txt", b"", "leeg"),
    ],
)
def test_bad_uploads_are_refused_with_a_reason(analyst, login, name, content, message):
    response = login(analyst).post(reverse("ingest:queue"), {"documents": [SimpleUploadedFile(name, content)]})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not IngestJob.objects.exists()


def test_oversized_uploads_are_refused(analyst, login, settings):
    settings.IMS_UPLOAD_MAX_BYTES = 100
    big = SimpleUploadedFile("groot.txt", b"x" * 101)
    response = login(analyst).post(reverse("ingest:queue"), {"documents": [big]})
    assert "groter dan" in response.content.decode()
    assert not IngestJob.objects.exists()


def test_a_good_upload_starts_a_job_and_shows_its_progress(analyst, login, settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path
    settings.IMS_TASKS = "inprocess"
    letter = SimpleUploadedFile("brief.txt", "Den Haag, 3 maart 2020. Nederland en België tekenden een MoU.".encode())
    response = upload_confirmed(login(analyst), [letter])
    job = IngestJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("ingest:job", args=[job.pk])
    assert list(job.items.values_list("filename", flat=True)) == ["brief.txt"]
    # Stored under its digest beside the other uploads; nothing is left waiting for a confirmation.
    assert [p.relative_to(tmp_path).parts[1:] for p in tmp_path.glob("*/*") if p.is_file()] == [("brief.txt",)]
    page = login(analyst).get(response["Location"]).content.decode()
    assert "<progress" in page and "brief.txt" in page
