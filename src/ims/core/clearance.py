"""The one rule about writing above one's clearance: nobody records, grants or issues what they could not
read back themselves. Services, forms, the API, the admin and reporting all ask here, so the rule and its
message exist once.
"""

from __future__ import annotations

from .classification import Classification
from .errors import AboveClearance

__all__ = ["AboveClearance", "clearance_choices", "clearance_of", "require_clearance", "within_clearance"]


def clearance_of(user) -> int | None:
    """A user's clearance as an integer, or None for anonymous or inactive users (they see nothing)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return int(user.clearance)


def within_clearance(actor, level: int) -> bool:
    """May ``actor`` write at ``level``? ``None`` is a system job (a command, a loader), bound by nothing."""
    if actor is None:
        return True
    clearance = clearance_of(actor)
    return clearance is not None and int(level) <= clearance


def require_clearance(actor, level: int) -> None:
    """Refuse (``AboveClearance``) a write by ``actor`` at a level above their own clearance."""
    if not within_clearance(actor, level):
        raise AboveClearance()


def clearance_choices(user) -> list[tuple[int, str]]:
    """The classification choices a form offers ``user``: none above their own clearance."""
    ceiling = clearance_of(user) or 0
    return [(int(value), str(label)) for value, label in Classification.choices if value <= ceiling]
