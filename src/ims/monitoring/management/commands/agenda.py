"""``ims agenda --date D --format pdf|docx``: the BIA meeting's agenda as a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand

from ims.core.audit import AuditAction, audit
from ims.monitoring.agenda import AGENDA_FORMATS, agenda_data, agenda_filename, reader_at, render_agenda
from ims.reporting.management.commands._common import Fout, parse_level


def _date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Fout(f"'{value}' is geen datum; geef {name} als JJJJ-MM-DD, bijvoorbeeld 2020-03-02.") from None


class Command(BaseCommand):
    help = "De agenda van de BIA-vergadering als PDF of DOCX."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help="datum van de vergadering (JJJJ-MM-DD)")
        parser.add_argument("--format", dest="fmt", help="pdf of docx")
        parser.add_argument("--next", help="datum van de volgende vergadering (standaard vier weken later)")
        parser.add_argument("--classification", help="ten hoogste deze rubricering (standaard unclassified)")
        parser.add_argument("--out", help="bestand om te schrijven (standaard agenda-bia-DATUM.FORMAAT)")

    def handle(self, *args, date, fmt, next, classification, out, **options) -> None:
        meeting = _date(date, "--date")
        if meeting is None:
            raise Fout("Geef de datum van de vergadering op met --date, bijvoorbeeld --date 2020-03-02.")
        if fmt not in AGENDA_FORMATS:
            raise Fout(f"Onbekend formaat '{fmt or ''}'; kies uit {', '.join(AGENDA_FORMATS)}.")
        level = parse_level(classification)
        data = agenda_data(user=reader_at(level), meeting=meeting, next_meeting=_date(next, "--next"))
        content = render_agenda(data, fmt)
        target = Path(out) if out else Path.cwd() / agenda_filename(data, fmt)
        try:
            target.write_bytes(content)
        except OSError as exc:
            raise Fout(f"Kan {target} niet schrijven: {exc.strerror}.") from exc
        audit(action=AuditAction.DOWNLOAD, object_type="agenda", changes={"format": fmt, "date": str(meeting),
                                                                          "classification": level})
        self.stdout.write(f"{target} ({len(content):,} bytes, {data['classification_label']})")
