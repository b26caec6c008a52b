"""``ims export``: every exported table, row by row in primary-key order, into one file.

A system job: it reads the whole register whatever its classification, because the file is the register
itself, not a view of it for someone. The reads go through ``_all_rows`` alone, and the export is
recorded in the audit trail (as the most highly classified export there is).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, models, transaction
from django.db.migrations.loader import MigrationLoader

import ims
from ims.core.audit import AuditAction, AuditEntry, audit
from ims.core.classification import Classification
from ims.core.gate import is_gated

from .codec import INTEGER_TYPES, codecs
from .fileformat import FORMAT, FORMAT_VERSION, TransferRefused, dumps, write
from .plan import EXCLUDED, exported_models, stored_fields


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    tables: int
    sha256: str


def schema_migrations() -> dict[str, str]:
    """The last migration of every app, as this code defines them; refuses a database that lags behind."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    leaves = loader.graph.leaf_nodes()
    missing = [f"{app}.{name}" for app, name in leaves if (app, name) not in loader.applied_migrations]
    if missing:
        raise TransferRefused(f"De database is niet bijgewerkt ({', '.join(missing[:3])} ontbreekt); "
                              "voer eerst 'ims migrate' uit.")
    return dict(sorted(leaves))


@contextmanager
def _snapshot() -> Iterator[None]:
    """One consistent view of every table while they are read one after another."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def _all_rows(model: type[models.Model]) -> models.QuerySet:
    """The explicit unrestricted read: every row, no clearance filter (system job, see the module docstring).
    A classified model says so through its gate; the others (users, history, link tables) have no filter."""
    if is_gated(model):
        return model._default_manager.unrestricted()
    return model._base_manager.all()


def _lines(model: type[models.Model]) -> Iterator[bytes]:
    pk = model._meta.pk
    label = model._meta.label_lower
    fields = [f for f in stored_fields(model) if not f.primary_key]
    pk_out = codecs(pk)[0]
    outs = [(f.name, codecs(f)[0]) for f in fields]
    query = _all_rows(model).values_list(pk.attname, *(f.attname for f in fields))
    if pk.get_internal_type() in INTEGER_TYPES:
        values = query.order_by(pk.attname).iterator(chunk_size=2000)
    else:
        # Text and UUID keys sort differently per database (collations); sort them here, by the written key.
        values = iter(sorted(query, key=lambda row: str(pk_out(row[0]))))
    for row in values:
        yield dumps({"model": label, "pk": pk_out(row[0]),
                     "fields": {name: out(value) for (name, out), value in zip(outs, row[1:], strict=True)}})


def register_export(*, path: Path) -> ExportResult:
    """Write the whole register to ``path`` (replacing it) and audit the export."""
    path = Path(path)
    migrations = schema_migrations()
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    with tempfile.TemporaryFile(dir=path.parent) as body:
        with _snapshot():
            for model in exported_models():
                n = 0
                for line in _lines(model):
                    body.write(line)
                    digest.update(line)
                    n += 1
                counts[model._meta.label_lower] = n
            last = _all_rows(AuditEntry).order_by("-id").values_list("at", flat=True).first()
        header = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            # Nothing that differs between two exports of the same register (no clock, no host name), so
            # that export → import → export gives the same bytes; "as_of" is the register's last audited act.
            "created": {"by": "ims export", "ims_version": ims.__version__,
                        "as_of": codecs(AuditEntry._meta.get_field("at"))[0](last)},
            "migrations": migrations,
            "counts": counts,
            "excluded": sorted(EXCLUDED),
            "sha256": digest.hexdigest(),
        }
        write(path, header, body)
    rows = sum(counts.values())
    audit(action=AuditAction.EXPORT, object_type="register", object_repr="Het hele register (ims export)",
          classification=max(Classification.values),
          changes={"bestand": path.name, "regels": rows, "sha256": digest.hexdigest()})
    return ExportResult(path=path, rows=rows, tables=len(counts), sha256=digest.hexdigest())
