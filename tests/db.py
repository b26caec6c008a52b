"""Reading the database from a test as it is stored, past the gate's clearance filter."""

from __future__ import annotations

from django.db.models import Model, QuerySet


def in_db(model: type[Model]) -> QuerySet:
    """Every row of a classified model, whatever its level: for a test that inspects the database after an
    action, as a system job would (``unrestricted()``). What a user may see is read with ``for_user``."""
    return model._default_manager.unrestricted()
