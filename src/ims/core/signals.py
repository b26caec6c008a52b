"""Logins, failed logins and logouts go into the audit trail."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .audit import AuditAction, audit


def _ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs) -> None:
    audit(action=AuditAction.LOGIN, actor=user, ip=_ip(request), object_type="accounts.user", object_id=str(user.pk),
          object_repr=user.username)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs) -> None:
    if user is not None:
        audit(action=AuditAction.LOGOUT, actor=user, ip=_ip(request), object_type="accounts.user",
              object_id=str(user.pk), object_repr=user.username)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs) -> None:
    # Only the username is kept; never the password that was tried.
    audit(action=AuditAction.LOGIN_FAILED, actor=None, ip=_ip(request), object_type="accounts.user",
          object_repr=str(credentials.get("username", ""))[:150])
