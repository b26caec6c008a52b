"""``ims load-scenarios``: store the three shipped weighting scenarios as rows (idempotent).

The pages and ``ims assess`` work without the rows; storing them puts the shipped scenarios in the
history beside the users' own and keeps their names taken.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from ...services import scenarios_load_shipped


class Command(BaseCommand):
    help = "Sla de meegeleverde wegingsscenario's op (een tweede keer voegt niets toe)."

    def handle(self, *args, **options) -> None:
        created = scenarios_load_shipped()
        self.stdout.write(f"Wegingsscenario's: {created} nieuw.")
