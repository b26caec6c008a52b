from django.core.management.base import BaseCommand

from ims.reporting.demo import developments_demo_load


class Command(BaseCommand):
    help = ("Laad de demo-ontwikkelingen bij partners (verkiezingen, regeringen, beleidsstukken) voor de "
            "rapportage; na 'ims demo', want ze verwijzen naar de brieven van het demoregister.")

    def handle(self, *args, **options):
        created = developments_demo_load()
        self.stdout.write(f"Ontwikkelingen bij partners: {created} nieuw.")
