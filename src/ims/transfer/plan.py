"""Which tables the file holds, in which order, and which it leaves out (and why).

Every concrete table Django manages is exported, auto-created many-to-many tables and simple-history's
tables included, unless it is named in ``EXCLUDED`` with the reason. So a model added later travels
with the register without anyone touching this module; ``tests/transfer`` fails when a model uses a field
type the codec does not know.
"""

from __future__ import annotations

from django.apps import apps
from django.db import models

# Label → why it is not in the file. Shown in docs/export-format.md too.
EXCLUDED: dict[str, str] = {
    "contenttypes.contenttype": "made by migrate on every database; references to it travel as natural keys",
    "auth.permission": "made by migrate on every database; references to it travel as natural keys",
    "sessions.session": "logins in progress on the old server; everyone logs in again",
    "authtoken.token": "API tokens are secrets stored in the clear; issue new ones with ims createtoken",
    "axes.accessattempt": "login throttling of the old server, by client address; the audit trail keeps the logins",
    "axes.accessattemptexpiration": "login throttling of the old server (see axes.accessattempt)",
    "axes.accessfailurelog": "login throttling of the old server (see axes.accessattempt)",
    "axes.accesslog": "login throttling of the old server (see axes.accessattempt)",
    "search.searchentry": "the search index is derived from the register; rebuilt when an import ends",
}

# Field types that are derived from other columns and rebuilt after an import, never carried in the file.
DERIVED_FIELD_TYPES = frozenset({"SearchVectorField"})


def _tables() -> list[type[models.Model]]:
    """Every model with a table of its own that Django creates (proxies and unmanaged models have none)."""
    return [m for m in apps.get_models(include_auto_created=True) if m._meta.managed and not m._meta.proxy]


def stale_exclusions() -> list[str]:
    """Labels in EXCLUDED that name no table (any more): an exclusion must say what it leaves out."""
    labels = {m._meta.label_lower for m in _tables()}
    return sorted(label for label in EXCLUDED if label not in labels)


def exported_models() -> list[type[models.Model]]:
    """The exported models in dependency order: a model comes after the models its foreign keys point to.

    Ties (and cycles, which the deferred foreign-key checks of both databases tolerate) are broken by label,
    so the order is the same on every machine.
    """
    chosen = {m._meta.label_lower: m for m in _tables() if m._meta.label_lower not in EXCLUDED}
    needs = {
        label: {
            f.related_model._meta.concrete_model._meta.label_lower
            for f in model._meta.local_concrete_fields
            if f.is_relation and f.related_model is not None
        } & (chosen.keys() - {label})
        for label, model in chosen.items()
    }
    ordered: list[str] = []
    remaining = set(chosen)
    while remaining:
        ready = sorted(label for label in remaining if not (needs[label] & remaining))
        label = ready[0] if ready else min(remaining)
        ordered.append(label)
        remaining.discard(label)
    return [chosen[label] for label in ordered]


def stored_fields(model: type[models.Model]) -> list[models.Field]:
    """The columns the file carries for a model: those of its own table (a child in multi-table inheritance
    leaves its parent's to the parent's lines), except derived and generated ones."""
    return [
        f for f in model._meta.local_concrete_fields
        if f.get_internal_type() not in DERIVED_FIELD_TYPES and not getattr(f, "generated", False)
    ]
