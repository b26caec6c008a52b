"""``ims import``: a file of ``ims export`` into an empty database, all of it or nothing.

A system job: rows are written as they are in the file, primary keys included, straight into the tables
(no services, no signals, no new history or audit entries: the file already holds those), in one
transaction. Afterwards the sequences continue after the highest key, the constraints are checked, and the
audit trail's hash chain must verify, or nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.db.migrations.loader import MigrationLoader

from ims.core.audit import verify

from .codec import codecs
from .fileformat import TransferRefused, read_header, rows
from .plan import exported_models, stored_fields
from .signals import register_imported

BATCH = 1000


@dataclass(frozen=True)
class ImportResult:
    rows: int
    tables: int
    audit_entries: int


def import_header(*, path: Path) -> dict[str, Any]:
    """The file's header once format, version, checksum and schema are right; refuses the file otherwise."""
    header = read_header(Path(path))
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    unknown = [f"{app}.{name}" for app, name in sorted(header["migrations"].items()) if (app, name) not in graph.nodes]
    if unknown:
        raise TransferRefused(f"Het bestand komt uit een nieuwere versie van IMS (onbekende migratie "
                              f"{', '.join(unknown[:3])}). Werk IMS bij en lees het dan in.")
    return header


class _Table:
    """How the rows of one model go in: their columns, how each value is read, and the INSERT statement."""

    def __init__(self, model: type[models.Model]) -> None:
        self.label = model._meta.label_lower
        self.pk = model._meta.pk
        self.fields = [f for f in stored_fields(model) if not f.primary_key]
        self.names = {f.name for f in self.fields}
        self.into = {f.name: codecs(f)[1] for f in (self.pk, *self.fields)}
        quote = connection.ops.quote_name
        columns = ", ".join(quote(f.column) for f in (self.pk, *self.fields))
        marks = ", ".join(["%s"] * (1 + len(self.fields)))
        self.sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"

    def values(self, number: int, row: dict[str, Any]) -> list[Any]:
        given = row["fields"]
        unknown = sorted(set(given) - self.names)
        if unknown:
            raise TransferRefused(f"Regel {number}: {self.label} heeft geen veld '{unknown[0]}'. Niets ingelezen.")
        if row["pk"] is None:
            raise TransferRefused(f"Regel {number}: {self.label} zonder primaire sleutel. Niets ingelezen.")
        out = [self._prepare(number, self.pk, row["pk"])]
        for field in self.fields:
            # A field the file does not know (it predates a migration) gets the field's default.
            out.append(self._prepare(number, field, given[field.name]) if field.name in given
                       else self._db(field, field.get_default()))
        return out

    def _prepare(self, number: int, field: models.Field, value: Any) -> Any:
        try:
            return self._db(field, self.into[field.name](value))
        except (ValueError, TypeError) as exc:
            raise TransferRefused(f"Regel {number}: {self.label}.{field.name} is ongeldig ({exc}). "
                                  "Niets ingelezen.") from None

    @staticmethod
    def _db(field: models.Field, value: Any) -> Any:
        if field.get_internal_type() == "JSONField" and not (value is None and field.null):
            return field.get_db_prep_value(value, connection)  # JSON null stays a JSON value
        return field.get_db_prep_save(value, connection)


def _refuse_if_not_empty(models_: list[type[models.Model]]) -> None:
    filled = [m for m in models_ if m._base_manager.exists()]
    if filled:
        # Named by what a person recognises: the tables themselves, not their history or link tables.
        named = [str(m._meta.verbose_name_plural) for m in filled
                 if not m._meta.auto_created and not m.__name__.startswith("Historical")][:3]
        more = len(filled) - len(named)
        what = ", ".join(named) if named else f"{more} tabellen"
        if named and more:
            what += f" en {more} andere tabellen"
        raise TransferRefused(
            f"De database is niet leeg (er staan al gegevens in: {what}). 'ims import' leest alleen in een "
            "lege database in: maak een nieuwe database aan (IMS_DATABASE_URL) en probeer het opnieuw.")


def _load(path: Path, tables: dict[str, type[models.Model]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    prepared: dict[str, _Table] = {}
    batch: list[list[Any]] = []
    current: _Table | None = None
    with connection.cursor() as cursor:
        for number, row in rows(path):
            label = row["model"]
            if label not in tables:
                raise TransferRefused(f"Regel {number}: onbekende soort gegevens '{label}'. Niets ingelezen.")
            if label not in prepared:
                prepared[label] = _Table(tables[label])
            table = prepared[label]
            if batch and (table is not current or len(batch) >= BATCH):
                cursor.executemany(current.sql, batch)
                batch = []
            current = table
            batch.append(table.values(number, row))
            counts[label] = counts.get(label, 0) + 1
        if batch:
            cursor.executemany(current.sql, batch)
        # Sequences continue after the highest key read in (PostgreSQL; SQLite keeps track by itself).
        for sql in connection.ops.sequence_reset_sql(no_style(), list(tables.values())):
            cursor.execute(sql)
    return counts


def register_import(*, path: Path, header: dict[str, Any]) -> ImportResult:
    """Read the file (already checked by ``import_header``) into this empty, migrated database."""
    ordered = exported_models()
    tables = {m._meta.label_lower: m for m in ordered}
    try:
        with transaction.atomic():
            _refuse_if_not_empty(ordered)
            counts = _load(Path(path), tables)
            expected = {label: n for label, n in header["counts"].items() if n}
            if counts != expected:
                wrong = sorted(set(counts.items()) ^ set(expected.items()))[0][0]
                raise TransferRefused(f"Het aantal regels voor '{wrong}' wijkt af van de kopregel: het bestand "
                                      "is onvolledig of samengevoegd. Niets ingelezen.")
            connection.check_constraints()
            chain = verify()
            if not chain.ok:
                raise TransferRefused(
                    f"Het auditspoor klopt na het inlezen niet: {chain.problem}. Heeft deze installatie dezelfde "
                    "IMS_AUDIT_KEY als de bron? Niets ingelezen.")
    except (DatabaseError, OverflowError) as exc:
        raise TransferRefused(f"De database weigert de gegevens: {exc}. Niets ingelezen.".replace("\n", " ")) from exc
    register_imported.send(sender=register_import, using=connection.alias, counts=counts)
    return ImportResult(rows=sum(counts.values()), tables=len(counts), audit_entries=chain.checked)
