"""Writes on users. Staff and superuser flags follow from the role, so they are set here only.

Every change to a user, from the command, the demo load or the admin, goes into the audit trail with the
before and after of what an auditor asks about (role, clearance, active, staff), and nobody grants a
clearance above their own.
"""

from __future__ import annotations

from django.db import transaction

from ims.core.audit import AuditAction, audit
from ims.core.classification import Classification
from ims.core.clearance import require_clearance

from .models import Role, User

# What the trail keeps of a user; never the password (hash) or login times.
AUDITED = ("username", "email", "first_name", "last_name", "role", "clearance", "is_active", "is_staff",
           "is_superuser")


def user_values(user: User | None) -> dict:
    return {} if user is None else {name: getattr(user, name) for name in AUDITED}


def user_audit(*, user: User, before: dict, actor=None) -> None:
    """One entry for a user that was created (``before`` empty) or changed; nothing when nothing changed."""
    after = user_values(user)
    if not before:
        changes = after
    else:
        changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
        if not changes:
            return
    audit(action=AuditAction.CREATE if not before else AuditAction.UPDATE, actor=actor, obj=user,
          object_type="accounts.user", object_repr=user.username, changes=changes)


def user_audit_delete(*, user: User, actor=None) -> None:
    audit(action=AuditAction.DELETE, actor=actor, obj=user, object_type="accounts.user", object_repr=user.username,
          changes=user_values(user))


def user_grant_check(*, actor, level: int) -> None:
    """An administrator grants no clearance above their own (``actor`` None: a command on the server)."""
    require_clearance(actor, level)


@transaction.atomic
def user_create(
    *, username: str, password: str, role: str, clearance: int | str, email: str = "", actor=None
) -> User:
    """Create a user or bring an existing one up to the given role and clearance (idempotent)."""
    if role not in Role.values:
        raise ValueError(f"Onbekende rol '{role}'; kies uit: {', '.join(Role.values)}.")
    level = Classification.from_code(clearance) if isinstance(clearance, str) else Classification(clearance)
    user_grant_check(actor=actor, level=level)
    user = User.objects.filter(username=username).first() or User(username=username)
    before = {} if user._state.adding else user_values(user)
    user.role = role
    user.clearance = level
    user.email = email
    is_admin = role == Role.ADMINISTRATOR
    user.is_staff = is_admin
    user.is_superuser = is_admin
    if user._state.adding or not user.check_password(password):
        user.set_password(password)
    user.full_clean()
    user.save()
    user_audit(user=user, before=before, actor=actor)
    return user
