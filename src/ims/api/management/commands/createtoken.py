from django.core.management.base import BaseCommand, CommandError

from ims.accounts.models import User
from ims.api.services import token_issue


class Command(BaseCommand):
    help = "Geef een gebruiker een nieuw API-token en toon het (een eerder token vervalt)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Onbekende gebruiker '{username}'.")
        try:
            token = token_issue(user=user)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        # The key alone on stdout, so that scripts can capture it; the explanation goes to stderr.
        self.stderr.write(f"API-token voor {user.username} (header: Authorization: Token <token>):")
        self.stdout.write(token.key)
