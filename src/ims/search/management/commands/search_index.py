from django.core.management.base import BaseCommand

from ims.search.services import rebuild


class Command(BaseCommand):
    help = ("Bouw de zoekindex opnieuw op uit het hele register, bijvoorbeeld na het inlezen van een export of na "
            "gegevens die buiten de diensten van het register om zijn geschreven.")

    def handle(self, *args, **options):
        self.stdout.write(f"{rebuild()} gegevens in de zoekindex.")
