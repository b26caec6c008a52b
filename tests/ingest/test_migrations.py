"""Migration 0005 gives the files already kept the fingerprint as it is now taken, without page furniture."""

from __future__ import annotations

import hashlib
import importlib

import pytest
from django.apps import apps

from ims.ingest.models import DocumentFile
from ims.register.services import document_register
from ims.text.fingerprint import text_fingerprint

pytestmark = pytest.mark.django_db

PAGED = ("Tweede Kamer, vergaderjaar 2019–2020, 33 279, nr. 17\n\nDen Haag, 3 maart 2020\n\n"
         "Nederland en België tekenden een MoU.\n\nPagina 1 van 1\n")
migration = importlib.import_module("ims.ingest.migrations.0005_fingerprint_without_page_furniture")


def test_stored_fingerprints_of_a_documents_own_text_are_taken_again():
    document = document_register(title="Brief", text=PAGED, sha256="a" * 64)
    old = migration._letters_and_digits_fingerprint(PAGED)
    own = DocumentFile.objects.create(document=document, filename="brief.pdf", sha256="a" * 64, text_sha256=old)
    other = DocumentFile.objects.create(document=document, filename="bijlage.txt", sha256="b" * 64,
                                        text_sha256=hashlib.sha256(b"iets anders").hexdigest())
    migration.fingerprints_without_page_furniture(apps, None)
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.text_sha256 == text_fingerprint(PAGED) != old
    assert other.text_sha256 == hashlib.sha256(b"iets anders").hexdigest()
