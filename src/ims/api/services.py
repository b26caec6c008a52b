"""Writes of the API itself: issuing tokens. Register writes go through ``ims.register.services``."""

from __future__ import annotations

from django.db import transaction
from rest_framework.authtoken.models import Token

from ims.accounts.models import User
from ims.core.clearance import require_clearance


@transaction.atomic
def token_issue(*, user: User, actor=None) -> Token:
    """A fresh API token for ``user``; an earlier one stops working (one token per user, so issuing rotates).

    Both the revocation and the new token are audited (see ``signals``).
    """
    # A token reads what its user may read: nobody issues one for a user cleared above themselves.
    require_clearance(actor, user.clearance)
    if not user.is_active:
        raise ValueError(f"Gebruiker {user.username} is niet actief; een token zou niet werken.")
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)
