import sys

from django.core.management.base import BaseCommand, CommandError

from ims.core.classification import Classification
from ims.ingest.services import documents_ingest


def progress_bar(stream):
    """A one-line progress bar on the terminal; plain lines when the output is not a terminal."""
    def show(done: int, total: int, name: str) -> None:
        width = 30
        filled = round(width * done / total) if total else width
        line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name}"
        if stream.isatty():
            stream.write("\r" + line[:100].ljust(100))
            if done == total:
                stream.write("\n")
        elif name:
            stream.write(line + "\n")
        stream.flush()

    return show


class Command(BaseCommand):
    help = "Lees documenten in: opslaan, feiten vinden en in de beoordelingsrij zetten."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+")
        parser.add_argument("--bundle", action="store_true",
                            help="de bestanden zijn delen van één document (pagina's van één rapport), in "
                                 "deze volgorde")
        parser.add_argument("--classification", choices=[c.name.lower() for c in Classification],
                            help="rubricering van de documenten (standaard: IMS_UPLOAD_CLASSIFICATION)")

    def handle(self, *args, files, bundle=False, classification=None, **options):
        level = Classification.from_code(classification) if classification else None
        outcomes = documents_ingest(paths=files, progress=progress_bar(sys.stderr), bundle=bundle,
                                    classification=level)
        failed = [o for o in outcomes if o.status == "failed"]
        for o in outcomes:
            if o.status == "failed":
                self.stderr.write(f"{o.filename}: {o.message}")
            elif o.status == "unchanged":
                self.stdout.write(f"{o.filename}: {o.message or 'al ingelezen'}, niets gewijzigd")
            else:
                self.stdout.write(f"{o.filename}: {o.facts} feiten in de beoordelingsrij")
        if failed:
            raise CommandError(f"{len(failed)} van {len(outcomes)} bestanden niet ingelezen.", returncode=1)
