"""The twins of every list: the same filters and sort, as CSV, XLSX or JSON, streamed and audited.

A list view hands ``export_response`` its rows (a queryset, read in chunks, or any iterable), the keys of its
columns and a function from a row to its values. The spreadsheets' header row shows each column by the Dutch
label the list page shows, from ``COLUMN_LABELS`` below (the one place that maps column keys to labels; a list
that calls a column otherwise says so in ``LIST_LABELS``); the JSON keeps the keys, for programs. Nothing holds
the whole list: CSV and JSON are written row by row into the response, and XLSX
by openpyxl's write-only mode into a temporary file that is then streamed.

CSV is for Dutch Excel: UTF-8 with a byte order mark, ``;`` between fields, a decimal comma, dates as
YYYY-MM-DD, yes/no as "ja"/"nee". XLSX has typed cells (numbers as numbers, dates as dates), a frozen header
row with a filter on it and column widths fitting the first rows. JSON is ``{"rows": [...], "count": N}`` with
the keys as names and ISO dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import chain, islice
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .audit import AuditAction, audit

EXPORT_FORMATS = ("csv", "xlsx", "json")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}
CHUNK = 1000  # rows read from the database at a time
_WIDTH_SAMPLE = 200  # rows the XLSX column widths are fitted to
_MAX_WIDTH = 60


# Column key -> the label its list page shows above it.
COLUMN_LABELS: dict[str, Promise] = {
    "id": _("Nummer"),
    "code": _("Code"),
    "title": _("Titel"),
    "name": _("Naam"),
    "name_nl": _("Naam (Nederlands)"),
    "name_en": _("Naam (Engels)"),
    "kind": _("Soort"),
    "form": _("Samenwerkingsvorm"),
    "status": _("Status"),
    "state": _("Termijn"),
    "planned_start": _("Geplande start"),
    "planned_end": _("Gepland einde"),
    "partner": _("Partner"),
    "partners": _("Partners"),
    "parties": _("Partijen"),
    "ring": _("Schil"),
    "initiatives": _("Initiatieven"),
    "initiative": _("Initiatief"),
    "plan": _("Samenwerkingsplan"),
    "owner": _("Eigenaar"),
    "signed_on": _("Datum ondertekening of aankondiging"),
    "subject": _("Onderwerp"),
    "member": _("Kamerlid"),
    "made_on": _("Gedaan op"),
    "due_on": _("Uiterlijk"),
    "done_on": _("Gereed op"),
    "answered_in": _("Beantwoord in"),
    "operation": _("Operatie of missie"),
    "year": _("Jaar"),
    "location": _("Locatie"),
    "personnel": _("Militairen"),
    "amount": _("Bedrag"),
    "currency": _("Valuta"),
    "pct_gdp": _("% van het bbp"),
    "system": _("Systeem"),
    "quantity": _("Aantal"),
    "date": _("Datum"),
    "kamerstuk": _("Kamerstuk"),
    "reference": _("Kenmerk"),
    "classification": _("Rubricering"),
    "updated_at": _("Laatst gewijzigd"),
    "starts_on": _("Begin"),
    "ends_on": _("Einde"),
    "milestones": _("Mijlpalen"),
    "activities": _("Activiteiten"),
    "suggested_ring": _("Voorgestelde schil"),
    "suggested_on": _("Datum voorstel"),
    "political_distance": _("Politiek-strategische afstand"),
    "culture_similarity": _("Vergelijkbaarheid politieke cultuur"),
    "operational_synergy": _("Operationele synergie"),
    "criteria_from": _("Criteria vanaf"),
    "explanation": _("Toelichting bij het voorstel"),
    "divergent": _("Wijkt af"),
}
# Lists (by export name) whose page calls a column otherwise.
LIST_LABELS: dict[str, dict[str, Promise]] = {
    "overeenkomsten": {"kind": _("Instrument")},
    "schillen": {"name": _("Partner"), "ring": _("Schil van kracht")},
    "defensie-uitgaven": {"status": _("Soort cijfer")},
    "mijlpalen": {"title": _("Mijlpaal"), "due_on": _("Gepland gereed")},
    "samenwerkingsplannen": {"partner": _("Partner of kader")},
    "functionarissen": {"kind": _("Functie"), "partner": _("Geplaatst bij")},
}


def column_labels(name: str, columns: Sequence[str]) -> list[str]:
    """The header row of the list ``name``: each column's label on the list page.

    A column without a label is a programming error, raised at once: a spreadsheet would show the bare key."""
    own = LIST_LABELS.get(name, {})
    missing = [key for key in columns if key not in own and key not in COLUMN_LABELS]
    if missing:
        raise KeyError(f"no label for the column(s) {', '.join(missing)} of the list {name!r}")
    return [str(own.get(key) or COLUMN_LABELS[key]) for key in columns]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _rows(rows: Iterable[Any]) -> Iterator[Any]:
    if isinstance(rows, QuerySet):
        return rows.iterator(chunk_size=CHUNK)  # prefetches still apply, per chunk
    return iter(rows)


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Decimal | float):
        return str(value).replace(".", ",")
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value) if isinstance(value, Promise) else value


def _csv(headers: Sequence[str], values: Iterator[Sequence[Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(headers)
    for row in values:
        yield writer.writerow([_csv_value(v) for v in row])


def _json(columns: Sequence[str], values: Iterator[Sequence[Any]]) -> Iterator[str]:
    yield '{"rows": ['
    count = 0
    for row in values:
        record = {key: str(v) if isinstance(v, Promise) else v for key, v in zip(columns, row, strict=True)}
        yield ("," if count else "") + json.dumps(record, cls=DjangoJSONEncoder, ensure_ascii=False)
        count += 1
    yield f'], "count": {count}}}'


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones; the register stores UTC
    return value


def _width(value: Any) -> int:
    if isinstance(value, dt.date):
        return 11
    return len(str(value)) if value is not None else 0


def write_xlsx(target, *, title: str, headers: Sequence[str], values: Iterator[Sequence[Any]]) -> int:
    """Write rows into an XLSX file (an open binary file) without holding them; returns the number of rows."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31] or "export")
    sample = list(islice(values, _WIDTH_SAMPLE))
    for index, header in enumerate(headers):
        width = max([len(str(header)), *(_width(row[index]) for row in sample)])
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(_MAX_WIDTH, width + 2)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    head = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=str(header))
        cell.font = bold
        head.append(cell)
    sheet.append(head)
    count = 0
    for row in chain(sample, values):
        cells = []
        for value in row:
            value = _xlsx_value(value)
            if isinstance(value, dt.date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "dd-mm-yyyy" if not isinstance(value, dt.datetime) else "dd-mm-yyyy hh:mm"
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
        count += 1
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
    book.save(target)
    return count


def export_response(
    fmt: str,
    *,
    name: str,
    columns: Sequence[str],
    rows: Iterable[Any],
    row: Callable[[Any], Sequence[Any]],
    query: str = "",
    shown: Callable[[Any], Sequence[Any]] | None = None,
) -> HttpResponse:
    """The list ``rows`` in ``fmt`` (one of EXPORT_FORMATS), as a download named after ``name``.

    ``row`` gives a row's values as the JSON has them (codes); ``shown``, where given, as the spreadsheets show
    them to people (labels in the user's language), with the same columns.

    Every export is in the audit trail: who took which list, in which format, with which filters.
    """
    audit(action=AuditAction.EXPORT, object_type=name, changes={"format": fmt, "query": query})
    titles = column_labels(name, columns)
    if fmt == "json":
        return StreamingHttpResponse(_json(columns, (row(item) for item in _rows(rows))),
                                     content_type=CONTENT_TYPES["json"])
    values = ((shown or row)(item) for item in _rows(rows))
    if fmt == "xlsx":
        spool = tempfile.TemporaryFile()  # noqa: SIM115  (FileResponse closes it once it is sent)
        write_xlsx(spool, title=name, headers=titles, values=values)
        spool.seek(0)
        return FileResponse(spool, as_attachment=True, filename=f"{name}.xlsx", content_type=CONTENT_TYPES["xlsx"])
    response = StreamingHttpResponse(_csv(titles, values), content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
