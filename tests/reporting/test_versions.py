"""Finalised versions are frozen: later register edits change neither their data nor their files, the page
shows what a new draft would change, and nothing can modify a finalised version."""

from __future__ import annotations

import copy
import hashlib

import pytest
from django.db import DatabaseError, connection, transaction

import ims
from ims.core.audit import AuditEntry
from ims.register import services as reg
from ims.reporting.builder.report import data_sha256
from ims.reporting.models import FrozenReportError, ReportFile, ReportVersion
from ims.reporting.services import ReportError, report_finalise, version_verify
from tests.db import in_db

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def final(small_register, analyst):
    return report_finalise(year=2019, classification=0, actor=analyst, reference="BS2019-0001")


def test_finalising_freezes_data_files_author_time_and_version(final, analyst):
    assert final.status == "final" and final.number == 1
    assert final.finalised_by == analyst and final.finalised_at is not None
    assert final.app_version == ims.__version__
    assert final.data["letterhead"]["reference"] == "BS2019-0001" and final.data["version"] == 1
    assert sorted(f.format for f in final.files.all()) == ["docx", "html", "md", "pdf"]
    assert all(f.sha256 == hashlib.sha256(bytes(f.content)).hexdigest() for f in final.files.all())
    assert bytes(final.files.get(format="pdf").content).startswith(b"%PDF")
    entry = AuditEntry.objects.filter(object_type="reporting.reportversion").get()
    assert entry.actor == analyst and entry.changes["definitief"] is True
    assert entry.changes["files"]["docx"] == final.files.get(format="docx").sha256


def test_later_register_edits_do_not_change_a_finalised_version(final, small_register, analyst, login):
    data_before = copy.deepcopy(final.data)
    files_before = {f.format: f.sha256 for f in final.files.all()}
    staf = small_register["initiatives"]["staf"]
    reg.initiative_update(initiative=staf, title="Gezamenlijke marinestaf (vernieuwd)", actor=analyst)
    reg.contribution_create(operation="Operatie Noordlicht", year=2019, partners=["NO"], actor=analyst)

    stored = in_db(ReportVersion).get(pk=final.pk)
    assert stored.data == data_before
    assert data_sha256(stored.data) == final.data_sha256
    assert {f.format: hashlib.sha256(bytes(f.content)).hexdigest() for f in stored.files.all()} == files_before
    assert version_verify(stored) == {"data": True, "docx": True, "html": True, "md": True, "pdf": True}

    page = login(analyst).get("/rapportage/?year=2019&classification=0").content.decode()
    difference = page[page.index('id="verschil"'):page.index("Definitieve versies")]
    assert "versie 1" in difference
    assert "Operatie Noordlicht" in difference  # the new contribution would be in the new draft
    assert "Gezamenlijke marinestaf (vernieuwd)" in difference
    # The version's own page shows the frozen content, not the register's current state.
    frozen = login(analyst).get(f"/rapportage/versies/{final.pk}/").content.decode()
    assert "Operatie Noordlicht" not in frozen and "ongewijzigd" in frozen


def test_a_second_finalisation_is_a_new_version(final, analyst):
    second = report_finalise(year=2019, classification=0, actor=analyst)
    assert second.number == 2 and second.data["letterhead"]["reference"] == "IMS-2019-2"
    assert in_db(ReportVersion).get(pk=final.pk).number == 1


def test_a_finalised_version_cannot_be_modified(final):
    final.reference = "gewijzigd"
    with pytest.raises(FrozenReportError):
        final.save()
    with pytest.raises(FrozenReportError):
        final.delete()
    with pytest.raises(FrozenReportError):
        in_db(ReportVersion).filter(pk=final.pk).update(reference="gewijzigd")
    with pytest.raises(FrozenReportError):
        in_db(ReportVersion).filter(pk=final.pk).delete()
    stored_file = final.files.get(format="pdf")
    stored_file.content = b"%PDF-vervalst"
    with pytest.raises(FrozenReportError):
        stored_file.save()
    with pytest.raises(FrozenReportError):
        ReportFile.objects.filter(version=final).update(content=b"")
    # Behind the application's back, the database refuses too.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE reporting_reportversion SET reference = 'x' WHERE id = %s", [final.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE reporting_reportfile SET sha256 = %s WHERE version_id = %s", ["0" * 64, final.pk])
    assert in_db(ReportVersion).get(pk=final.pk).reference == "BS2019-0001"


def test_finalising_is_refused_above_clearance_and_for_viewers(small_register, make_user, viewer):
    limited = make_user("analyst", 1, username="beperkt")
    with pytest.raises(ReportError, match="boven uw eigen screeningsniveau"):
        report_finalise(year=2019, classification=2, actor=limited)
    with pytest.raises(ReportError, match="Uw rol"):
        report_finalise(year=2019, classification=0, actor=viewer)
    assert not in_db(ReportVersion).exists()
