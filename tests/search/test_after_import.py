"""An imported register is findable: the export file carries no index, so the import's end rebuilds it."""

from __future__ import annotations

import pytest

from ims.search import engine
from ims.search.models import SearchEntry
from ims.search.selectors import search
from ims.transfer.plan import EXCLUDED
from ims.transfer.signals import register_imported
from tests.db import in_db

pytestmark = pytest.mark.django_db


def test_the_index_is_not_in_the_export_file():
    assert "search.searchentry" in EXCLUDED


def test_the_end_of_an_import_indexes_the_register(corpus, analyst):
    before = {(hit.kind, hit.title) for hit in search(user=analyst, q="onderzeeboten").hits}
    assert before
    # What an import leaves: the register's rows, and an empty index.
    in_db(SearchEntry).all().delete()
    engine.clear()
    assert not search(user=analyst, q="onderzeeboten").hits

    register_imported.send(sender=None, using="default", counts={})

    assert {(hit.kind, hit.title) for hit in search(user=analyst, q="onderzeeboten").hits} == before
