"""The permissions matrix: which role may do what. Views and services ask here, nowhere else."""

from __future__ import annotations

from enum import StrEnum

from .models import Role, User


class Action(StrEnum):
    VIEW = "view"
    EDIT = "edit"
    SET_RING = "set_ring"
    ADMINISTER = "administer"


MATRIX: dict[Role, frozenset[Action]] = {
    Role.VIEWER: frozenset({Action.VIEW}),
    Role.ANALYST: frozenset({Action.VIEW, Action.EDIT}),
    Role.BIA_MEMBER: frozenset({Action.VIEW, Action.EDIT, Action.SET_RING}),
    Role.ADMINISTRATOR: frozenset({Action.VIEW, Action.EDIT, Action.SET_RING, Action.ADMINISTER}),
}


def may(user: User | None, action: Action) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return action in MATRIX[Role(user.role)]


def roles_that_may(action: Action) -> list[Role]:
    """The roles the matrix allows an action, in the order of the roles (for pages that say who may)."""
    return [role for role in Role if action in MATRIX[role]]
