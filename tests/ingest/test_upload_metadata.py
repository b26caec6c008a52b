"""An upload carries what the uploader knows (title, date, reference, Kamerstuk number, classification); the same
letter in another format is one document with both files; each file of a batch gets its own line; and an upload
never fills, changes or names a document the uploader may not see."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ims.ingest.jobs import job_run
from ims.ingest.models import DocumentFile, ExtractedFact, IngestJob
from ims.ingest.services import documents_ingest
from ims.register.models import SourceDocument
from ims.register.services import document_register
from tests.db import in_db
from tests.ingest.upload_steps import upload_confirmed

pytestmark = pytest.mark.django_db

LETTER = ("Den Haag, 3 maart 2020\n\nOnderwerp: Samenwerking met België\n\n"
          "Nederland en België tekenden op 2 maart 2020 een MoU over maritieme samenwerking.\n"
          "België is een strategische partner van Nederland.\n")


@pytest.fixture(autouse=True)
def _uploads(reference_partners, settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.IMS_TASKS = "celery"  # not started: the tests run the job themselves


def _upload(client, files, **changes):
    response = upload_confirmed(client, files, **changes)
    return response, IngestJob.objects.order_by("-pk").first()


def test_an_upload_carries_its_metadata_and_classification(make_user, login):
    officer = make_user("analyst", 3, username="beleid")
    response, job = _upload(login(officer), [SimpleUploadedFile("brief.txt", LETTER.encode())],
                            **{"0-title": "Eigen titel", "0-date": "04-03-2020", "0-reference": "BS2020012345",
                               "0-kamerstuk": "33279-17", "0-classification": "3"})
    assert response.status_code == 302
    job_run(job.pk)
    document = in_db(SourceDocument).get()
    assert (document.title, document.date, document.reference, document.kamerstuk, document.classification) == (
        "Eigen titel", dt.date(2020, 3, 4), "BS2020012345", "33279-17", 3)
    assert set(in_db(ExtractedFact).values_list("classification", flat=True)) == {3}


def test_left_as_read_the_metadata_comes_from_the_letter_and_the_classification_from_the_settings(
        make_user, login, settings):
    settings.IMS_UPLOAD_CLASSIFICATION = 1
    officer = make_user("analyst", 3, username="beleid")
    sent = login(officer).post(reverse("ingest:queue"), {"documents": [SimpleUploadedFile("brief.txt",
                                                                                          LETTER.encode())]})
    page = login(officer).get(sent["Location"]).content.decode()
    assert '<option value="1" selected>Departementaal Vertrouwelijk</option>' in page
    _, job = _upload(login(officer), [SimpleUploadedFile("brief.txt", LETTER.encode())])
    job_run(job.pk)
    document = in_db(SourceDocument).get()
    assert (document.date, document.classification) == (dt.date(2020, 3, 3), 1)


def test_nobody_uploads_above_their_own_clearance(make_user, login):
    officer = make_user("analyst", 1, username="beleid")
    response, job = _upload(login(officer), [SimpleUploadedFile("brief.txt", LETTER.encode())],
                            **{"0-classification": "3"})
    assert response.status_code == 400 and job is None
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert "Stg. Geheim" not in response.content.decode()


def test_a_good_file_goes_in_and_a_bad_one_gets_its_line(analyst, login):
    response, job = _upload(login(analyst), [SimpleUploadedFile("leeg.txt", b""),
                                             SimpleUploadedFile("brief.txt", LETTER.encode())])
    assert response.status_code == 302
    job_run(job.pk)
    lines = dict(job.items.values_list("filename", "status"))
    assert lines == {"leeg.txt": "failed", "brief.txt": "ingested"}
    assert job.items.get(filename="leeg.txt").message == "het bestand is leeg."
    page = login(analyst).get(reverse("ingest:job", args=[job.pk])).content.decode()
    assert "leeg.txt" in page and "het bestand is leeg." in page
    # The good file's line says what it left in the queue and leads there.
    document = in_db(SourceDocument).get()
    facts = in_db(ExtractedFact).filter(document=document).count()
    rows = {tr.select_one("td").get_text(strip=True): tr.select("td") for tr in
            BeautifulSoup(page, "lxml").select("table.list tbody tr")}
    found = rows["brief.txt"][2].select_one("a")
    assert facts > 1 and found.get_text() == f"{facts} feiten gevonden"
    assert found["href"] == reverse("ingest:review", args=[document.pk])


def test_the_same_letter_as_pdf_after_its_text_is_one_document_with_both_files(analyst, login, tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    text = tmp_path / "brief.txt"
    text.write_text(LETTER, encoding="utf-8")
    pdf = tmp_path / "brief.pdf"
    paragraphs = "".join(f"<p>{line}</p>" for line in LETTER.splitlines() if line)
    weasyprint.HTML(string=f"<html><body>{paragraphs}</body></html>").write_pdf(pdf)
    first = documents_ingest(paths=[text], actor=analyst)[0]
    facts = in_db(ExtractedFact).count()
    second = documents_ingest(paths=[pdf], actor=analyst)[0]
    assert (first.status, second.status) == ("ingested", "unchanged")
    assert second.document == first.document and in_db(SourceDocument).count() == 1
    assert sorted(DocumentFile.objects.values_list("filename", flat=True)) == ["brief.pdf", "brief.txt"]
    assert in_db(ExtractedFact).count() == facts > 0
    review = login(analyst).get(reverse("ingest:review", args=[first.document.pk])).content.decode()
    assert BeautifulSoup(review, "lxml").select_one(".files").get_text() == "brief.txt, brief.pdf"


def _pdf_with_running_header_and_footer(text: str, path) -> None:
    """``text`` as a PDF of several pages, each headed by the Kamerstuk line and footed by its page number, as the
    Kamer's own PDFs are."""
    weasyprint = pytest.importorskip("weasyprint")
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line)
    margins = ("@page { @top-center { content: 'Tweede Kamer, vergaderjaar 2019–2020, 33 279, nr. 17' }"
               " @bottom-center { content: 'Pagina ' counter(page) ' van ' counter(pages) }"
               " @bottom-right { content: counter(page) } }")
    weasyprint.HTML(string=f"<html><head><style>{margins}</style></head><body>{paragraphs}</body></html>"
                    ).write_pdf(path)


# Long enough to run over a page, so that the header and footer stand between its lines.
LONG_LETTER = LETTER + "".join(f"Punt {n}: de samenwerking op zee wordt in {2020 + n % 5} verder uitgewerkt.\n"
                               for n in range(1, 60))


def test_a_pdf_with_running_headers_and_page_numbers_is_the_same_letter_as_its_text(analyst, tmp_path):
    text = tmp_path / "brief.txt"
    text.write_text(LONG_LETTER, encoding="utf-8")
    pdf = tmp_path / "brief.pdf"
    _pdf_with_running_header_and_footer(LONG_LETTER, pdf)
    assert "Pagina 2 van" in documents_ingest(paths=[pdf], actor=analyst)[0].document.text
    first = in_db(SourceDocument).get()
    facts = in_db(ExtractedFact).count()
    second = documents_ingest(paths=[text], actor=analyst)[0]
    assert (second.status, second.document) == ("unchanged", first)
    assert in_db(SourceDocument).count() == 1 and in_db(ExtractedFact).count() == facts
    assert sorted(DocumentFile.objects.values_list("filename", flat=True)) == ["brief.pdf", "brief.txt"]


def test_another_letter_with_the_same_layout_is_another_document(analyst, tmp_path):
    pdf = tmp_path / "brief.pdf"
    _pdf_with_running_header_and_footer(LONG_LETTER, pdf)
    other = tmp_path / "andere-brief.txt"
    other.write_text(LONG_LETTER.replace("2 maart 2020", "9 maart 2020"), encoding="utf-8")
    outcomes = documents_ingest(paths=[pdf, other], actor=analyst)
    assert [o.status for o in outcomes] == ["ingested", "ingested"]
    assert in_db(SourceDocument).count() == 2


def test_a_letter_without_facts_is_listed_and_linked(analyst, login, tmp_path):
    path = tmp_path / "bericht.txt"
    path.write_text("Den Haag, 3 maart 2020\n\nHierbij ontvangt u de agenda van de vergadering.\n", encoding="utf-8")
    outcome = documents_ingest(paths=[path], actor=analyst)[0]
    assert (outcome.status, outcome.facts, outcome.message) == ("ingested", 0, "geen feiten gevonden")
    client = login(analyst)
    queue = client.get(reverse("ingest:queue")).content.decode()
    assert reverse("ingest:review", args=[outcome.document.pk]) in queue
    # Its review screen says there is nothing to review and leads to its document page, which shows the letter.
    review = BeautifulSoup(client.get(reverse("ingest:review", args=[outcome.document.pk])).content, "lxml")
    empty = review.select_one(".facts-column .empty")
    assert "geen feiten gevonden" in empty.get_text()
    document_page = client.get(empty.select_one("a")["href"])
    assert document_page.status_code == 200
    assert "agenda van de vergadering" in BeautifulSoup(document_page.content, "lxml").select_one(".doctext").get_text()


def test_an_upload_never_fills_a_secret_document_nor_says_it_exists(make_user, tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    secret = document_register(title="Geheime brief", sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                               classification=3)
    officer = make_user("analyst", 1, username="beleid")
    outcome = documents_ingest(paths=[path], actor=officer)[0]
    assert outcome.status == "ingested" and outcome.document != secret
    assert (outcome.document.classification, outcome.document.title) != (3, "Geheime brief")
    secret.refresh_from_db()
    assert (secret.text, secret.extracted_at) == ("", None)
    assert not in_db(ExtractedFact).filter(document=secret).exists()
    # And a copy under another name of a secret document that was read is a new document too, not "al aanwezig".
    original = tmp_path / "origineel.txt"
    original.write_text(LETTER + "Noorwegen is een gelegenheidspartner.\n", encoding="utf-8")
    documents_ingest(paths=[original], actor=make_user("analyst", 3, username="geheim"), classification=3)
    copy = tmp_path / "kopie.txt"
    copy.write_bytes(original.read_bytes())
    outcome = documents_ingest(paths=[copy], actor=make_user("analyst", 0, username="laag"))[0]
    assert (outcome.status, outcome.message, outcome.document.classification) == ("ingested", "", 0)


@pytest.mark.parametrize(("value", "level"), [(None, "0"), ("departmental_confidential", "1"), ("2", "2"),
                                              ("Secret", "3")])
def test_the_default_classification_of_uploads_is_set_by_code_or_number(value, level):
    from tests.core.test_settings_and_cli import run_python

    environment = {} if value is None else {"IMS_UPLOAD_CLASSIFICATION": value}
    result = run_python("from django.conf import settings as s; import django; django.setup(); "
                        "print(s.IMS_UPLOAD_CLASSIFICATION)", DJANGO_SETTINGS_MODULE="ims.conf.dev", **environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == level


def test_a_default_classification_that_is_no_level_stops_the_start_with_its_reason():
    from tests.core.test_settings_and_cli import run_python

    result = run_python("import django; django.setup()", DJANGO_SETTINGS_MODULE="ims.conf.dev",
                        IMS_UPLOAD_CLASSIFICATION="geheim")
    assert result.returncode != 0
    assert "IMS_UPLOAD_CLASSIFICATION: Onbekende rubricering 'geheim'" in result.stderr
