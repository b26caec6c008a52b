from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from ims.accounts.models import Role, User
from ims.accounts.permissions import Action, may
from ims.accounts.services import user_create
from ims.core.classification import Classification

pytestmark = pytest.mark.django_db


def test_createuser_command_sets_role_and_clearance(capsys):
    call_command("createuser", "attache", role="viewer", clearance="departmental_confidential",
                 password="lang-genoeg-wachtwoord")
    user = User.objects.get(username="attache")
    assert (user.role, user.clearance, user.is_staff) == (Role.VIEWER, Classification.DEPARTMENTAL_CONFIDENTIAL, False)
    assert user.check_password("lang-genoeg-wachtwoord")
    assert "raadpleger" in capsys.readouterr().out


def test_createuser_twice_updates_instead_of_duplicating():
    user_create(username="x", password="pw-een-1234", role="viewer", clearance="unclassified")
    user_create(username="x", password="pw-twee-1234", role="administrator", clearance="secret")
    user = User.objects.get(username="x")
    assert (user.role, user.clearance, user.is_staff, user.is_superuser) == ("administrator", 3, True, True)
    assert User.objects.filter(username="x").count() == 1


def test_unknown_role_or_clearance_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="Onbekende rol 'general'"):
        user_create(username="y", password="pw-1234567", role="general", clearance="secret")
    with pytest.raises(ValueError, match="Onbekende rubricering 'topsecret'"):
        user_create(username="y", password="pw-1234567", role="viewer", clearance="topsecret")
    with pytest.raises(CommandError):
        call_command("createuser", "z", role="king", clearance="secret", password="x")


@pytest.mark.parametrize(
    "role,allowed",
    [
        (Role.VIEWER, {Action.VIEW}),
        (Role.ANALYST, {Action.VIEW, Action.EDIT}),
        (Role.BIA_MEMBER, {Action.VIEW, Action.EDIT, Action.SET_RING}),
        (Role.ADMINISTRATOR, set(Action)),
    ],
)
def test_permissions_matrix(make_user, role, allowed):
    user = make_user(role=role)
    assert {a for a in Action if may(user, a)} == allowed
    user.is_active = False
    assert not any(may(user, a) for a in Action)
