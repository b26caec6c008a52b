from django.core.management.base import BaseCommand

from ims.register.reference import reference_load


class Command(BaseCommand):
    help = "Laad de referentiegegevens: alle landen en de organisaties en samenwerkingsverbanden."

    def handle(self, *args, **options):
        result = reference_load()
        self.stdout.write(f"Referentiegegevens geladen: {result['partners']} partners ({result['new']} nieuw).")
