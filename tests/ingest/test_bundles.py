"""Pages of one report read in as a bundle: only on request (command line, upload checkbox) or on strong
evidence; the review screen says so, and shows which rule found each fact."""

from __future__ import annotations

import shutil

import pytest
from bench import quality
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from ims.ingest.jobs import job_run
from ims.ingest.models import BundledReading, BundleReason, ExtractedFact, IngestJob
from ims.ingest.services import documents_ingest
from ims.register.models import SourceDocument
from tests.db import in_db
from tests.ingest.upload_steps import upload_confirmed

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_pages(shared_dir, tmp_path):
    """Pages 1, 2 and 3 of the 2015 report, in page order."""
    out = []
    for name in quality.SEED_BUNDLES[0]:
        shutil.copy(shared_dir / "seeds" / name, tmp_path / name)
        out.append(tmp_path / name)
    return out


def eijsink(document):
    return [f.payload["date"] for f in in_db(ExtractedFact).filter(document=document, fact_type="commitment")
            if f.payload["member"] == "Eijsink"]  # fmt: skip


def test_pages_read_in_one_by_one_stay_apart(report_pages):
    outcomes = documents_ingest(paths=report_pages)
    assert not BundledReading.objects.exists()
    assert outcomes[1].document.date is None and eijsink(outcomes[1].document) == [None]


def test_ims_ingest_bundle_reads_the_pages_as_one_report(report_pages, capsys):
    call_command("ingest", "--bundle", *map(str, report_pages))
    documents = [in_db(SourceDocument).get(filename=p.name) for p in report_pages]
    readings = [d.bundled_reading for d in documents]
    assert [r.position for r in readings] == [0, 1, 2] and len({r.bundle for r in readings}) == 1
    assert {r.reason for r in readings} == {BundleReason.DECLARED}
    assert str(documents[1].date) == "2015-10-30" and eijsink(documents[1]) == ["2014-11"]


def test_the_upload_checkbox_declares_a_bundle(report_pages, analyst, login, settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.IMS_TASKS = "celery"  # not started: the test runs the job itself
    files = [SimpleUploadedFile(p.name, p.read_bytes()) for p in report_pages]
    upload_confirmed(login(analyst), files, bundle=True)
    job = IngestJob.objects.get()
    assert job.bundle and list(job.items.values_list("filename", flat=True)) == [p.name for p in report_pages]
    job_run(job.pk)
    assert BundledReading.objects.count() == 3


def test_the_review_screen_says_a_document_was_read_in_a_bundle_and_names_each_facts_rule(
    report_pages, analyst, login
):
    documents_ingest(paths=report_pages, bundle=True)
    page2 = in_db(SourceDocument).get(filename=report_pages[1].name)
    fact = in_db(ExtractedFact).filter(document=page2).first()
    fact.rule = "commitment.op_verzoek"  # the extraction rules fill it in; here it must only be shown
    fact.save()
    html = login(analyst).get(reverse("ingest:review", args=[page2.pk])).content.decode()
    assert "Gelezen als deel van een bundel (op verzoek van wie het inlas)" in html
    for other in (report_pages[0], report_pages[2]):
        other_pk = in_db(SourceDocument).get(filename=other.name).pk
        assert reverse("ingest:review", args=[other_pk]) in html and other.name in html
    assert "regel <code>commitment.op_verzoek</code>" in html


def test_a_document_read_alone_says_nothing_about_bundles(report_pages, analyst, login):
    [outcome] = documents_ingest(paths=report_pages[:1])
    html = login(analyst).get(reverse("ingest:review", args=[outcome.document.pk])).content.decode()
    assert "bundel" not in html


def test_the_review_screen_offers_the_bulk_threshold_the_bench_computed(report_pages, analyst, login):
    from ims.ingest.forms import default_bulk_threshold

    [outcome] = documents_ingest(paths=report_pages[:1])
    html = login(analyst).get(reverse("ingest:review", args=[outcome.document.pk])).content.decode()
    # In Dutch notation, as the confidence on each card: 0,9, never 0.9.
    shown = str(default_bulk_threshold()).replace(".", ",")
    assert f'name="min_confidence" value="{shown}"' in html
