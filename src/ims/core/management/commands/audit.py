from django.core.management.base import BaseCommand, CommandError

from ims.core.audit import verify


class Command(BaseCommand):
    help = "Het auditspoor: 'ims audit verify' controleert de hele keten."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, action, **options):
        result = verify()
        if not result.ok:
            raise CommandError(f"Auditspoor NIET in orde na {result.checked} goede regels: {result.problem}.")
        self.stdout.write(f"Auditspoor in orde: {result.checked} regels gecontroleerd.")
