from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from ims.transfer.fileformat import TransferRefused
from ims.transfer.importing import import_header, register_import

from ._common import Fout


class Command(BaseCommand):
    help = "Lees een bestand van 'ims export' in een lege database in (alles of niets); zie docs/export-format.md."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="het exportbestand")

    def handle(self, *args, file: Path, **options):
        try:
            # The file first: a wrong file is refused before anything happens to the database.
            header = import_header(path=file)
            executor = MigrationExecutor(connection)
            if executor.migration_plan(executor.loader.graph.leaf_nodes()):
                call_command("migrate", interactive=False, verbosity=0)
            result = register_import(path=file, header=header)
        except TransferRefused as exc:
            raise Fout(str(exc)) from None
        self.stdout.write(f"Register ingelezen uit {file}: {result.rows} regels in {result.tables} tabellen; "
                          f"auditspoor in orde ({result.audit_entries} regels).")
