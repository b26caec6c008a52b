"""Shared fixtures: users per role and clearance, and a logged-in client for each.

Django is imported inside the fixtures, so the pure packages' tests (text, extract, framework) also run
without it (`pytest -p no:django tests/framework`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED_DIR = Path(os.environ.get("IMS_SHARED_DIR", Path(__file__).resolve().parents[1].parent / "shared"))


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request activates its language in the worker's thread and LocaleMiddleware leaves it active; the next
    test in the same worker must start from the default language, as work outside a request does in use."""
    yield
    if "django.utils.translation" in sys.modules:
        from django.conf import settings

        if settings.configured:
            from django.utils import translation

            translation.deactivate()


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences",
                     "django_db_serialized_rollback"}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After every test that used the database, each row that stores the level it reaches (``ims.core.gate.REACH``)
    still stores the one its records give it: whatever the test wrote, and however (services, factories, the web,
    the API, imports), the gate's one-column reads showed exactly what the joins would have."""
    result = yield
    if item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames):
        from django.db import connection

        if connection.connection is not None and not connection.needs_rollback:
            from ims.core.gate import reach_mismatches, stored_reach_models

            stale = {m._meta.label: n for m in stored_reach_models() if (n := reach_mismatches(m))}
            assert not stale, f"stored reach out of step with the records it follows: {stale}"
    return result


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED_DIR / "seeds").is_dir():
        pytest.skip(f"the shared folder with the seed letters is not at {SHARED_DIR}")
    return SHARED_DIR


@pytest.fixture(scope="module")
def reference_partners(django_db_setup, django_db_blocker) -> Iterator[None]:
    """Every country and the organisations and frameworks of ``reference_load``, loaded once for a module
    instead of once per test (some seconds each), in a transaction rolled back at the module's end.

    Each test runs in a savepoint inside it (pytest-django's ``db``), so what a test writes is undone before
    the next one, as it was with a load of its own. Once asked for, the transaction holds for every later test
    of the module: only a module whose database tests all use the reference data asks for it."""
    from django.db import transaction

    from ims.register.reference import reference_load

    with django_db_blocker.unblock(), transaction.atomic():
        reference_load()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def make_user(db):
    from ims.accounts.models import Role
    from ims.core.classification import Classification
    from tests.factories import UserFactory

    def make(role: str = Role.ANALYST, clearance: int = Classification.SECRET, **kwargs):
        return UserFactory(role=role, clearance=clearance, **kwargs)

    return make


@pytest.fixture
def analyst(make_user):
    return make_user("analyst", 3, username="analist")


@pytest.fixture
def viewer(make_user):
    return make_user("viewer", 0, username="raadpleger")


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user
