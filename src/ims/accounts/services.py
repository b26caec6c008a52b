"""Writes on users. Staff and superuser flags follow from the role, so they are set here only."""

from __future__ import annotations

from django.db import transaction

from ims.core.classification import Classification

from .models import Role, User


@transaction.atomic
def user_create(
    *, username: str, password: str, role: str, clearance: int | str, email: str = ""
) -> User:
    """Create a user or bring an existing one up to the given role and clearance (idempotent)."""
    if role not in Role.values:
        raise ValueError(f"Onbekende rol '{role}'; kies uit: {', '.join(Role.values)}.")
    level = Classification.from_code(clearance) if isinstance(clearance, str) else Classification(clearance)
    user = User.objects.filter(username=username).first() or User(username=username)
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
    return user
