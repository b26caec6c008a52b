"""``ims assess``: assess an initiative from the register or a proposal file under a weighting scenario.

    ims assess --initiative 12 --scenario economic-headwinds --format text
    ims assess --proposal voorstel.json --scenario balanced --format json
    ims assess --proposal voorstel.json --weights 2,1,1

The file is read and validated by the framework (:func:`ims.framework.cli.load_proposal`); the partner
codes in it must be known to the register. ``--initiative`` maps the register through the same
selector the web page uses, as a system user who sees everything unless ``--as USER`` says whose
clearance applies. Bad input ends with one precise line on stderr and exit status 2.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from ims import framework as fw
from ims.accounts.models import Role, User
from ims.core.classification import Classification
from ims.framework.cli import EXIT_BAD_INPUT, FORMATS, load_proposal
from ims.register.models import Initiative, Partner

from ... import selectors
from ...results import describe_problem

OWN_WEIGHTS = "eigen-weging"


def system_user() -> User:
    """An unsaved user with the highest clearance: the command reads the register as the system does."""
    return User(username="ims-systeem", role=Role.ADMINISTRATOR, clearance=max(Classification.values),
                is_active=True)


def render(assessment: fw.Assessment, fmt: str) -> str:
    """The framework's own renderings, as its command line prints them."""
    if fmt == "json":
        return json.dumps(fw.to_dict(assessment), ensure_ascii=False, indent=2) + "\n"
    return fw.render_text(assessment)


class Command(BaseCommand):
    help = "Beoordeel een initiatief of een voorstel (JSON) volgens het beleidskader."

    def add_arguments(self, parser: CommandParser) -> None:
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--initiative", type=int, metavar="ID", help="een initiatief uit het register")
        source.add_argument("--proposal", metavar="FILE.json", help="een voorstel als JSON-bestand")
        parser.add_argument("--scenario", default="balanced",
                            help="naam van een wegingsscenario (meegeleverd of eigen); standaard balanced")
        parser.add_argument("--weights", metavar="PS,MIL,FIN",
                            help="eigen gewichten voor politiek-strategisch, militair en financieel-economisch, "
                                 "in plaats van --scenario")
        parser.add_argument("--format", choices=FORMATS, default="text")
        parser.add_argument("--as", dest="as_user", metavar="USER",
                            help="lees het register met de rubricering van deze gebruiker (standaard: alles)")

    def handle(self, *args, **options) -> None:
        try:
            user = self._user(options["as_user"])
            scenario = self._scenario(user, options["scenario"], options["weights"])
            notes: tuple[str, ...] = ()
            if options["initiative"] is not None:
                proposal, notes = self._initiative(user, options["initiative"])
            else:
                proposal = self._proposal(user, options["proposal"])
        except fw.FrameworkError as error:
            raise CommandError(str(error), returncode=EXIT_BAD_INPUT) from None
        output = render(fw.assess(proposal, scenario), options["format"])
        if notes and options["format"] == "text":
            # The JSON keeps the framework's shape; the text says which values the register lacked.
            output += "\nAannames (register)\n" + "".join(f"  - {note}\n" for note in notes)
        self.stdout.write(output, ending="")

    @staticmethod
    def _user(username: str | None) -> User:
        if username is None:
            return system_user()
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"onbekende of inactieve gebruiker {username!r}", returncode=EXIT_BAD_INPUT)
        return user

    @staticmethod
    def _scenario(user: User, name: str, weights: str | None) -> fw.Scenario:
        if weights is None:
            return selectors.scenario_get(user=user, name=name)
        parts = [part.strip() for part in weights.split(",")]
        if len(parts) != len(fw.GoalCategory):
            problem = fw.Problem("weights", f"geef drie gewichten, gescheiden door komma's: {weights!r}")
            raise fw.ScenarioError([problem])
        values: dict[str, object] = {}
        for category, part in zip(fw.GoalCategory, parts, strict=True):
            try:
                values[category.value] = float(part)
            except ValueError:
                # Left as text, so that the framework's message names the category and the value.
                values[category.value] = part
        return fw.Scenario(OWN_WEIGHTS, timezone.localdate(), values, "Eigen weging")

    @staticmethod
    def _initiative(user: User, pk: int) -> tuple[fw.Proposal, tuple[str, ...]]:
        try:
            mapped = selectors.initiative_input(user=user, pk=pk)
        except Initiative.DoesNotExist:
            # Not visible and not there read the same, so the command tells no more than the web page.
            raise fw.ProposalError(
                [fw.Problem("initiative", f"initiatief {pk} bestaat niet of is niet zichtbaar")]
            ) from None
        if mapped.proposal is None:
            raise fw.ProposalError(fw.Problem(f"initiatief {pk}", describe_problem(p)) for p in mapped.problems)
        return mapped.proposal, mapped.notes

    @staticmethod
    def _proposal(user: User, path: str) -> fw.Proposal:
        proposal = load_proposal(path)
        known = set(Partner.objects.for_user(user).filter(code__in=[p.code for p in proposal.partners])
                    .values_list("code", flat=True))
        unknown = [
            fw.Problem(f"{path}: partners[{i}].code", f"onbekende partnercode {partner.code!r}: niet in het register")
            for i, partner in enumerate(proposal.partners)
            if partner.code not in known
        ]
        if unknown:
            raise fw.ProposalError(unknown)
        return proposal
