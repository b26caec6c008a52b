from django.core.management.base import BaseCommand, CommandError

from ims.accounts.models import Role
from ims.accounts.services import user_create
from ims.core.classification import Classification


class Command(BaseCommand):
    help = "Maak een gebruiker met een rol en een screeningsniveau (of werk die bij)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument(
            "--clearance", required=True, choices=[c.name.lower() for c in Classification]
        )
        parser.add_argument("--password", help="zonder deze optie wordt het wachtwoord gevraagd")
        parser.add_argument("--email", default="")

    def handle(self, *args, username, role, clearance, password, email, **options):
        if not password:
            import getpass

            password = getpass.getpass("Wachtwoord: ")
        try:
            user = user_create(username=username, password=password, role=role, clearance=clearance, email=email)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Gebruiker {user.username}: rol {user.get_role_display()}, "
                          f"screening {user.get_clearance_display()}.")
