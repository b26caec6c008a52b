"""A web upload takes two steps: the files are sent, then the uploader sees what each letter says of itself
(title, date, reference, Kamerstuk number) prefilled and open to correction, chooses the classification, and
confirms. Nothing reaches the register, the review queue or the list of jobs before that; a cancelled or
abandoned upload leaves nothing behind."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ims.ingest.jobs import job_run
from ims.ingest.models import ExtractedFact, IngestJob
from ims.ingest.staging import STAGED_MAX_AGE, staged_root
from ims.register.models import SourceDocument
from ims.register.reference import reference_load
from tests.db import in_db
from tests.ingest.upload_steps import confirmation_fields

pytestmark = pytest.mark.django_db

LETTER = ("Tweede Kamer der Staten-Generaal\n\nDatum 12 mei 2021\nBetreft Samenwerking met Noorwegen\n"
          "Ons kenmerk BS2021012345\n\nNederland en Noorwegen tekenden op 11 mei 2021 een MoU over maritieme "
          "samenwerking.\nNoorwegen is een strategische partner van Nederland.\n\n"
          "Tweede Kamer, vergaderjaar 2020–2021, 33 279, nr. 17\n")
OTHER = "Den Haag, 3 maart 2020\n\nNederland en België tekenden op 2 maart 2020 een MoU.\n"


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    reference_load()
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.IMS_TASKS = "celery"  # not started: the tests run the job themselves


def _send(client, *files, **data):
    return client.post(reverse("ingest:queue"), {"documents": list(files), **data})


def _letter(name="brief.txt", text=LETTER):
    return SimpleUploadedFile(name, text.encode())


def _nothing_read() -> bool:
    return not (IngestJob.objects.exists() or in_db(SourceDocument).exists() or in_db(ExtractedFact).exists())


def test_sending_a_letter_shows_what_it_says_of_itself_and_reads_nothing_in_yet(analyst, login, settings):
    settings.IMS_UPLOAD_CLASSIFICATION = 1
    response = _send(login(analyst), _letter())
    assert response.status_code == 302
    page = login(analyst).get(response["Location"])
    assert page.status_code == 200
    assert confirmation_fields(page.content) == {"0-title": "Samenwerking met Noorwegen", "0-date": "12 mei 2021",
                                     "0-reference": "BS2021012345", "0-kamerstuk": "33 279, nr. 17",
                                     "0-classification": "1"}
    assert BeautifulSoup(page.content, "lxml").select_one("fieldset.staged-file legend").get_text() == "brief.txt"
    assert _nothing_read()
    queue = login(analyst).get(reverse("ingest:queue")).content.decode()
    assert "brief.txt" not in queue and "Nog geen opdrachten." in queue
    # The file waits beside the other uploads, apart from them.
    assert [p.name for p in staged_root().glob("*/*/*")] == ["brief.txt"]


def test_confirmed_as_read_the_letter_goes_in_with_its_own_metadata(analyst, login):
    client = login(analyst)
    confirm = _send(client, _letter())["Location"]
    response = client.post(confirm, {**confirmation_fields(client.get(confirm).content), "confirm": ""})
    job = IngestJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("ingest:job", args=[job.pk])
    assert job.items.get().metadata == {}  # nothing stated: the letter says it
    job_run(job.pk)
    document = in_db(SourceDocument).get()
    assert (document.title, document.date, document.reference, document.kamerstuk) == (
        "Samenwerking met Noorwegen", dt.date(2021, 5, 12), "BS2021012345", "33 279, nr. 17")
    assert not staged_root().exists() or not any(staged_root().iterdir())
    assert (job.items.get().path.startswith(str(staged_root().parent)) and "staged" not in job.items.get().path)


def test_what_the_uploader_corrects_and_the_classification_chosen_are_what_is_stored(make_user, login):
    officer = make_user("analyst", 3, username="beleid")
    client = login(officer)
    confirm = _send(client, _letter(), _letter("andere.txt", OTHER))["Location"]
    fields = confirmation_fields(client.get(confirm).content)
    assert fields["1-title"] == "andere" and fields["1-date"] == "3 maart 2020" and fields["1-reference"] == ""
    fields.update({"0-title": "Eigen titel", "0-date": "04-03-2020", "0-classification": "3",
                   "1-reference": "BS2020000001", "1-classification": "2"})
    assert client.post(confirm, fields).status_code == 302
    job_run(IngestJob.objects.get().pk)
    documents = {d.filename: d for d in in_db(SourceDocument)}
    first, second = documents["brief.txt"], documents["andere.txt"]
    assert (first.title, first.date, first.reference, first.classification) == (
        "Eigen titel", dt.date(2020, 3, 4), "BS2021012345", 3)
    assert (second.title, second.date, second.reference, second.classification) == (
        "andere", dt.date(2020, 3, 3), "BS2020000001", 2)
    assert set(in_db(ExtractedFact).filter(document=first).values_list("classification", flat=True)) == {3}


def test_bad_input_is_said_in_dutch_at_its_field_and_starts_nothing(make_user, login):
    officer = make_user("analyst", 1, username="beleid")
    client = login(officer)
    confirm = _send(client, _letter())["Location"]
    page = client.get(confirm).content.decode()
    assert "Stg. Geheim" not in page  # nobody stores a letter above their own clearance
    response = client.post(confirm, {**confirmation_fields(page), "0-date": "31-02-2021", "0-classification": "3"})
    assert response.status_code == 400
    errors = {field.select_one("input, select")["name"]: field.select_one("[data-field-error]").get_text()
              for field in BeautifulSoup(response.content, "lxml").select(".staged-file .field")
              if field.select_one("[data-field-error]")}
    assert errors == {"0-date": "Geen datum; schrijf bijvoorbeeld 21-05-2019, mei 2019 of 2019.",
                      "0-classification": "Selecteer een geldige keuze. 3 is geen beschikbare keuze."}
    assert _nothing_read()
    # The page comes back with what was typed, and can still be confirmed.
    assert client.post(confirm, {**confirmation_fields(page), "0-date": "12-05-2021"}).status_code == 302


def test_a_file_that_cannot_be_read_is_said_at_the_file_field_or_listed_beside_the_good_ones(analyst, login):
    broken = SimpleUploadedFile("kapot.pdf", b"%PDF-1.4 maar verder niets")
    response = _send(login(analyst), broken)
    assert response.status_code == 200
    errors = [e.get_text() for e in BeautifulSoup(response.content, "lxml").select("[data-field-error]")]
    assert errors == ["kapot.pdf: het bestand kan niet worden gelezen: het is beschadigd, versleuteld of bevat "
                      "geen tekst."]
    assert _nothing_read() and not any(staged_root().iterdir())
    client = login(analyst)
    confirm = _send(client, SimpleUploadedFile("kapot.pdf", b"%PDF-1.4 maar verder niets"), _letter())["Location"]
    page = client.get(confirm)
    assert "kapot.pdf: het bestand kan niet worden gelezen" in page.content.decode()
    client.post(confirm, confirmation_fields(page.content))
    assert dict(IngestJob.objects.get().items.values_list("filename", "status")) == {
        "kapot.pdf": "failed", "brief.txt": "pending"}


def test_a_cancelled_upload_leaves_nothing_behind(analyst, login):
    client = login(analyst)
    confirm = _send(client, _letter())["Location"]
    response = client.post(confirm, {"cancel": ""}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("ingest:queue")
    assert "Inlezen geannuleerd" in response.content.decode()
    assert _nothing_read() and not any(staged_root().iterdir())
    assert client.get(confirm).status_code == 404


def test_an_abandoned_upload_is_cleared_at_a_later_one(analyst, login):
    client = login(analyst)
    abandoned = _send(client, _letter())["Location"]
    [folder] = staged_root().iterdir()
    old = time.time() - STAGED_MAX_AGE.total_seconds() - 60
    os.utime(folder, (old, old))
    recent = _send(client, _letter("andere.txt", OTHER))["Location"]
    assert [f.name for f in staged_root().iterdir()] == [recent.rstrip("/").rsplit("/", 1)[-1]]
    assert client.get(abandoned).status_code == 404 and client.get(recent).status_code == 200


def test_only_the_uploader_sees_their_upload_waiting(analyst, make_user, login):
    confirm = _send(login(analyst), _letter())["Location"]
    other = make_user("analyst", 3, username="collega")
    assert login(other).get(confirm).status_code == 404
    assert login(other).post(confirm, {"cancel": ""}).status_code == 404
    assert len(list(staged_root().iterdir())) == 1
    assert login(analyst).get(reverse("ingest:upload-confirm", args=[".." * 10])).status_code == 404


def test_the_parts_of_one_document_share_one_classification(make_user, login):
    officer = make_user("analyst", 3, username="beleid")
    client = login(officer)
    confirm = _send(client, _letter(), _letter("deel2.txt", OTHER), bundle="on")["Location"]
    page = client.get(confirm).content.decode()
    assert "delen van één document" in page
    response = client.post(confirm, {**confirmation_fields(page), "0-classification": "3", "1-classification": "2"})
    assert response.status_code == 400
    assert response.content.decode().count("De delen van één document krijgen één rubricering.") == 2
    assert _nothing_read()


def test_the_confirmation_step_speaks_english_once_chosen(analyst, login):
    client = login(analyst)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(_send(client, _letter())["Location"]).content.decode()
    assert "<h1>Confirm upload</h1>" in page and "Confirm and read in" in page
    assert "Parliamentary paper number" in page and "Kamerstuknummer" not in page


def test_the_steps_name_no_record_so_the_access_probes_have_nothing_to_try_there(analyst, login, monkeypatch):
    """The access crawl's write probes (tests/core/probes.py) try every key that names a record with a hidden one;
    they reach the confirmation step only through a token, which is its uploader's alone. Should the step ever
    take a record, the crawl must be given a staged upload of its prober."""
    from tests.core import probes

    client = login(analyst)
    with probes.noting_reads(monkeypatch) as sent_keys:
        confirm = _send(client, _letter())["Location"]
    with probes.noting_reads(monkeypatch) as confirm_keys:
        client.post(confirm, {"0-date": "gisteren"})
    assert "bundle" in sent_keys and {"0-title", "0-classification", "cancel"} <= confirm_keys
    assert probes.references(sent_keys | confirm_keys) == {}


def test_a_letter_marked_with_its_classification_is_prefilled_with_it(make_user, login):
    officer = make_user("analyst", 3, username="beleid")
    client = login(officer)
    confirm = _send(client, _letter(text="Stg. Confidentieel\n" + LETTER))["Location"]
    page = client.get(confirm).content
    assert confirmation_fields(page)["0-classification"] == "2"
    assert "Het document is gemarkeerd als Stg. Confidentieel." in page.decode()


def test_a_letter_marked_above_the_uploaders_clearance_is_not_read_in_by_them(make_user, login):
    officer = make_user("analyst", 1, username="beleid")
    client = login(officer)
    confirm = _send(client, _letter(text="STG. GEHEIM\n" + LETTER))["Location"]
    fields = confirmation_fields(client.get(confirm).content)
    assert fields["0-classification"] == "1"  # no higher choice is offered
    response = client.post(confirm, fields)
    assert response.status_code == 400
    error = BeautifulSoup(response.content, "lxml").select_one(".staged-file [data-field-error]").get_text()
    assert error == ("Het document is gemarkeerd als Stg. Geheim, hoger dan uw screeningsniveau: laat het inlezen "
                     "door iemand met die screening.")
    assert _nothing_read()


def test_an_upload_confirmed_twice_starts_one_job(analyst, login):
    from ims.ingest.forms import confirm_forms
    from ims.ingest.staging import staged_get, upload_confirm

    client = login(analyst)
    token = _send(client, _letter())["Location"].rstrip("/").rsplit("/", 1)[-1]
    # Both requests found the upload waiting before either took it.
    first, second = staged_get(token=token, actor=analyst), staged_get(token=token, actor=analyst)
    forms = confirm_forms(first, analyst, {"0-classification": "0"})
    assert all(f.is_valid() for f in forms)
    assert upload_confirm(staged=first, actor=analyst, stated=[f.stated() for f in forms]) is not None
    assert upload_confirm(staged=second, actor=analyst, stated=[f.stated() for f in forms]) is None
    assert IngestJob.objects.count() == 1
