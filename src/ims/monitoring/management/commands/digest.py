"""``ims digest [--dry-run] [--user NAME]``: the weekly digest of late and upcoming milestones per owner."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from ims.monitoring.digest import digests_send, owners
from ims.monitoring.status import today, window_days


class Command(BaseCommand):
    help = "Stuur elke eigenaar een overzicht van mijlpalen die te laat zijn of binnenkort vallen."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Alleen tonen wat verstuurd zou worden.")
        parser.add_argument("--user", default="", help="Alleen deze gebruiker.")

    def handle(self, *args, dry_run: bool, user: str, **options) -> None:
        if user and not owners(user).exists():
            raise CommandError(f"Onbekende of inactieve gebruiker '{user}'.")
        on = today()
        for digest, outcome in digests_send(username=user, dry_run=dry_run, on=on):
            self.stdout.write(f"== {digest.user.username}: {outcome}")
            if dry_run and (digest.late or digest.due_soon):
                self.stdout.write(f"Onderwerp: {digest.subject}")
                self.stdout.write(digest.body(on=on, days=window_days()))
