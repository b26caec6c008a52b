"""The raw index tables (SQLite's FTS5 table, the vocabulary of both) follow the index entries: a flushed
database, as every test that commits leaves behind, keeps no hit or count of a record that is gone."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection

from ims.register import services
from ims.search.selectors import search


def _raw_rows() -> dict[str, int]:
    tables = ["search_term"] + ([] if connection.vendor == "postgresql" else ["search_fts"])
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.django_db(transaction=True)
def test_a_flush_leaves_no_index_rows_behind(make_user):
    analyst = make_user(username="zoeker")
    services.initiative_create(title="Mijnenbestrijding", summary="Samen nieuwe mijnenjagers verwerven.")
    assert search(user=analyst, q="mijnenjagers").count == 1
    assert all(_raw_rows().values())

    call_command("flush", interactive=False, verbosity=0)

    assert _raw_rows() == dict.fromkeys(_raw_rows(), 0)
    assert search(user=make_user(username="zoeker2"), q="mijnenjagers").count == 0
