"""The migrations describe the models exactly, so a database built from them is the one the code expects."""

from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_its_migration():
    # makemigrations --check leaves with status 1 when the models and the migrations differ.
    try:
        call_command("makemigrations", "--check", "--dry-run", verbosity=0)
    except SystemExit as exc:
        pytest.fail(f"the models differ from their migrations (makemigrations exit status {exc.code})")
