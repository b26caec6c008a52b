"""API tokens go into the audit trail when they are issued or revoked, from the command and the admin alike.

The entry names the token's owner, never the key: the trail is readable by administrators, and a key in it
would be a working credential.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from rest_framework.authtoken.models import Token

from ims.core.audit import AuditAction, audit


def _audit(action: str, token: Token) -> None:
    audit(action=action, object_type="authtoken.token", object_id=str(token.user_id),
          object_repr=f"API-token van {token.user.username}"[:300], changes={"user": token.user.username})


# No sender: the admin saves tokens through the proxy model TokenProxy, whose signals name the proxy.
@receiver(post_save)
def on_token_saved(sender, instance, created: bool, **kwargs) -> None:
    if created and isinstance(instance, Token):
        _audit(AuditAction.CREATE, instance)


@receiver(post_delete)
def on_token_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Token):
        _audit(AuditAction.DELETE, instance)
