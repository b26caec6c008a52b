from django.core.management.base import BaseCommand

from ims.reporting.builder.report import ReportInputError, check_input
from ims.reporting.builder.snapshot import report_snapshot, snapshot_for
from ims.reporting.diff import change_lines, diff_snapshots

from ._common import Fout, parse_level, parse_year


class Command(BaseCommand):
    help = ("Wat er veranderde tussen de rapportages over twee jaren: nieuwe en beëindigde initiatieven, "
            "statuswijzigingen, wijzigingen in de schilindeling en nieuwe overeenkomsten.")

    def add_arguments(self, parser):
        parser.add_argument("year_from", nargs="?", help="het eerdere jaar, bijvoorbeeld 2018")
        parser.add_argument("year_to", nargs="?", help="het latere jaar, bijvoorbeeld 2019")
        parser.add_argument("--classification", help="rubricering van beide rapportages (standaard unclassified)")
        parser.add_argument("--from-register", action="store_true",
                            help="ook voor het eerdere jaar het register gebruiken, niet de laatste definitieve "
                                 "versie van die rapportage")

    def handle(self, *args, year_from, year_to, classification, from_register, **options):
        if not year_from or not year_to:
            raise Fout("Geef twee jaren op, bijvoorbeeld: ims report-diff 2018 2019.")
        first, second = parse_year(year_from), parse_year(year_to)
        level = parse_level(classification)
        if first >= second:
            raise Fout(f"Het eerste jaar ({first}) moet vóór het tweede ({second}) liggen.")
        try:
            check_input(first, level)
            check_input(second, level)
        except ReportInputError as exc:
            raise Fout(str(exc)) from exc
        # The same comparison as the report's own year-over-year section: the earlier year as Parliament
        # received it (its last finalised version) where there is one, else as the register describes it.
        old, info = report_snapshot(year=first, level=level, prefer_final=not from_register)
        if info["kind"] == "final":
            self.stdout.write(f"{first}: definitieve rapportage, versie {info['version']}")
        else:
            self.stdout.write(f"{first}: zoals het register dat jaar nu beschrijft")
        new = snapshot_for(year=second, level=level)
        groups = change_lines(diff_snapshots(old, new))
        if not groups:
            self.stdout.write(f"Geen wijzigingen tussen {first} en {second}.")
            return
        for title, lines in groups:
            self.stdout.write(f"{title} ({len(lines)}):")
            for line in lines:
                self.stdout.write(f"  - {line}")
