"""What both commands share: a refusal printed as one Dutch line ("Fout: …") with exit status 2."""

from __future__ import annotations

from django.core.management.base import CommandError


class Fout(CommandError):
    def __init__(self, message: str) -> None:
        super().__init__(message, returncode=2)
