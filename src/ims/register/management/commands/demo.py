from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from ims.accounts.models import Role
from ims.accounts.services import user_create
from ims.assessment.services import scenarios_load_shipped
from ims.core.classification import Classification
from ims.ingest.services import documents_ingest
from ims.monitoring.demo import monitoring_demo_load
from ims.register.demo import demo_load
from ims.register.reference import reference_load
from ims.reporting.demo import developments_demo_load

# One login per role; the analyst and the administrator may see everything, the viewer only open data.
DEMO_USERS = (
    ("raadpleger", Role.VIEWER, Classification.UNCLASSIFIED),
    ("analist", Role.ANALYST, Classification.SECRET),
    ("bia", Role.BIA_MEMBER, Classification.CONFIDENTIAL),
    ("beheerder", Role.ADMINISTRATOR, Classification.SECRET),
)
DEMO_PASSWORD_SUFFIX = "-demo-2026"


class Command(BaseCommand):
    help = "Zet de demo klaar (database, referentiegegevens, demoregister, gebruikers) en start de webinterface."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="alles laden, maar de webserver niet starten")
        parser.add_argument("--bind", default="127.0.0.1:8000")

    def handle(self, *args, no_serve, bind, **options):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        ref = reference_load()
        self.stdout.write(f"Referentiegegevens: {ref['partners']} partners ({ref['new']} nieuw).")
        self.stdout.write(f"Wegingsscenario's: {scenarios_load_shipped()} nieuw.")
        seeds = settings.IMS_SHARED_DIR / "seeds"
        created = demo_load(seeds_dir=seeds)
        summary = ", ".join(f"{n} {k}" for k, n in sorted(created.items())) or "niets nieuw"
        self.stdout.write(f"Demoregister: {summary}.")
        self.stdout.write(f"Ontwikkelingen bij partners: {developments_demo_load()} nieuw.")
        if seeds.is_dir():
            # The seed letters also go through ingestion, so a new user finds their facts waiting for review.
            outcomes = documents_ingest(paths=sorted(seeds.glob("*.txt")))
            waiting = sum(o.facts for o in outcomes)
            self.stdout.write(f"Beoordelingsrij: {waiting} nieuwe feiten uit {len(outcomes)} brieven "
                              f"(bekijk ze onder Inlezen).")
        self.stdout.write("Demogebruikers (gebruikersnaam / wachtwoord):")
        for username, role, clearance in DEMO_USERS:
            password = username + DEMO_PASSWORD_SUFFIX
            user_create(username=username, password=password, role=role, clearance=int(clearance))
            self.stdout.write(f"  {username:12} / {password:22} {Role(role).label}, {clearance.label}")
        # After the users: the BIA member owns the demo milestones.
        created = monitoring_demo_load()
        self.stdout.write("Monitoring: " + (", ".join(f"{n} {k}" for k, n in created.items() if n) or "niets nieuw")
                          + ".")
        if not no_serve:
            call_command("serve", bind=bind)
