"""The register's refusals, shared by the write gate, the clearance rule and the services."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


class RegisterError(Exception):
    """A write the register refuses; the message is for the user, in Dutch."""


class AboveClearance(RegisterError, PermissionDenied):
    """A write at a level above the actor's own clearance (one message, wherever it is refused)."""

    MESSAGE = "De rubricering ligt boven uw eigen screeningsniveau."

    def __init__(self, message: str = MESSAGE) -> None:
        super().__init__(message)
