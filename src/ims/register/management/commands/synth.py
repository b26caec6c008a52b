from django.core.management.base import BaseCommand, CommandError

from ims.monitoring.synth import synth_monitoring
from ims.register.synth import synth_register


class Command(BaseCommand):
    help = "Maak een deterministisch synthetisch register voor benchmarks en belastingtests."

    def add_arguments(self, parser):
        parser.add_argument("--initiatives", type=int, default=1000)
        parser.add_argument("--partners", type=int, default=200)
        parser.add_argument("--seed", type=int, default=1)
        # The BIA's monitoring on top of the register (ims.monitoring.synth); none unless asked for.
        parser.add_argument("--plans", type=int, default=0)
        parser.add_argument("--milestones", type=int, default=0, help="mijlpalen van samenwerkingsplannen")
        parser.add_argument("--officials", type=int, default=0)
        parser.add_argument("--activities", type=int, default=0)

    def handle(self, *args, initiatives, partners, seed, plans, milestones, officials, activities, **options):
        if min(initiatives, plans, milestones, officials, activities) < 0 or partners < 1:
            raise CommandError("Geef niet-negatieve aantallen en ten minste één partner.")
        if milestones and not plans:
            raise CommandError("Mijlpalen van plannen vragen ten minste één plan (--plans).")
        result = synth_register(initiatives=initiatives, partners=partners, seed=seed)
        result |= synth_monitoring(plans=plans, milestones=milestones, officials=officials, activities=activities,
                                   seed=seed)
        self.stdout.write(", ".join(f"{n} {k}" for k, n in result.items()))
