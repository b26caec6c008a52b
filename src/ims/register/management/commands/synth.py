from django.core.management.base import BaseCommand, CommandError

from ims.register.synth import synth_register


class Command(BaseCommand):
    help = "Maak een deterministisch synthetisch register voor benchmarks en belastingtests."

    def add_arguments(self, parser):
        parser.add_argument("--initiatives", type=int, default=1000)
        parser.add_argument("--partners", type=int, default=200)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, initiatives, partners, seed, **options):
        if initiatives < 0 or partners < 1:
            raise CommandError("Geef een niet-negatief aantal initiatieven en ten minste één partner.")
        result = synth_register(initiatives=initiatives, partners=partners, seed=seed)
        self.stdout.write(", ".join(f"{n} {k}" for k, n in result.items()))
