from pathlib import Path

from django.core.management.base import BaseCommand

from ims.reporting.builder import build_report
from ims.reporting.builder.report import ReportInputError, check_input
from ims.reporting.models import REPORT_FORMATS
from ims.reporting.render import filename, render
from ims.reporting.services import report_downloaded

from ._common import Fout, parse_level, parse_year


class Command(BaseCommand):
    help = ("Schrijf de rapportage aan de Kamer over een jaar als docx, pdf, html of md, met alleen gegevens tot "
            "en met de gekozen rubricering.")

    def add_arguments(self, parser):
        # Checked by the command itself, so that a mistake gets one Dutch line instead of argparse's English.
        parser.add_argument("--year", help="het jaar van de rapportage, bijvoorbeeld 2019")
        parser.add_argument("--format", dest="fmt", help="docx, pdf, html of md")
        parser.add_argument("--classification", help="unclassified (standaard), departmental_confidential, "
                                                     "confidential of secret")
        parser.add_argument("--out", help="bestand om te schrijven (standaard: rapportage-JAAR-RUBRICERING-"
                                          "concept.FORMAAT in de huidige map)")

    def handle(self, *args, year, fmt, classification, out, **options):
        year = parse_year(year)
        level = parse_level(classification)
        if fmt not in REPORT_FORMATS:
            raise Fout(f"Onbekend formaat '{fmt or ''}'; kies uit {', '.join(REPORT_FORMATS)}.")
        try:
            check_input(year, level)
        except ReportInputError as exc:
            raise Fout(str(exc)) from exc
        data = build_report(year=year, level=level)
        content = render(data, fmt)
        target = Path(out) if out else Path.cwd() / filename(data, fmt)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        except OSError as exc:
            raise Fout(f"Kan {target} niet schrijven: {exc.strerror}.") from exc
        # A report written by a command is an export like a download: it goes into the audit trail.
        report_downloaded(actor=None, year=year, level=level, fmt=fmt)
        self.stdout.write(f"{target} ({len(content):,} bytes, {data['classification_label']}, "
                          f"{data['counts']['initiatives']} initiatieven, {len(data['sources'])} bronnen)")
