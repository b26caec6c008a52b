"""Shared fixtures: users per role and clearance, and a logged-in client for each.

Django is imported inside the fixtures, so the pure packages' tests (text, extract, framework) also run
without it (`pytest -p no:django tests/framework`).
"""

from __future__ import annotations

import os
import sys
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


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED_DIR / "seeds").is_dir():
        pytest.skip(f"the shared folder with the seed letters is not at {SHARED_DIR}")
    return SHARED_DIR


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
