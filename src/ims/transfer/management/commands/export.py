from pathlib import Path

from django.core.management.base import BaseCommand

from ims.transfer.exporting import register_export
from ims.transfer.fileformat import TransferRefused

from ._common import Fout


class Command(BaseCommand):
    help = ("Schrijf het hele register (met geschiedenis, beoordelingsrij, rapportages en auditspoor) naar één "
            "bestand; zie docs/export-format.md.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="het exportbestand (JSON Lines); een bestaand wordt vervangen")

    def handle(self, *args, file: Path, **options):
        if not file.parent.is_dir():
            raise Fout(f"De map {file.parent} bestaat niet.")
        try:
            result = register_export(path=file)
        except TransferRefused as exc:
            raise Fout(str(exc)) from None
        self.stdout.write(f"Register uitgevoerd naar {result.path}: {result.rows} regels uit {result.tables} "
                          f"tabellen (SHA-256 {result.sha256}).")
