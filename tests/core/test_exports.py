"""Every list's exports: CSV for Dutch Excel, XLSX read back with openpyxl, JSON; filters, sort and clearance
kept; each one in the audit trail."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ims.core.audit import AuditEntry
from ims.core.classification import Classification
from ims.core.exports import write_xlsx
from ims.register import services

pytestmark = pytest.mark.django_db

SECRET = "Geheim project Noordkaap"


@pytest.fixture
def register(db):
    germany = services.partner_upsert(code="DE", kind="country")
    services.partner_upsert(code="NO", kind="country")
    services.ring_assign(partner=germany, ring="strategic", valid_from=dt.date(2019, 12, 12))
    services.initiative_create(title="Open oefening", status="running", form="integrated_operational",
                               participants=[("DE", "lead")], planned_start=dt.date(2019, 3, 1),
                               planned_end=dt.date(2021, 12, 31))
    services.initiative_create(title="Afgerond project", status="completed", participants=[("NO", "participant")],
                               planned_start=dt.date(2015, 1, 1))
    services.initiative_create(title=SECRET, status="running", classification=Classification.CONFIDENTIAL,
                               participants=[("NO", "lead")])
    services.agreement_create(kind="MoU", title="MoU Duitsland", parties=["DE"], signed_on=dt.date(2018, 4, 2))
    services.agreement_create(kind="TREATY", title="Geheim verdrag", parties=["NO"],
                              classification=Classification.SECRET)


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


LISTS = ["register:initiative-list", "register:partner-list", "register:agreement-list", "assessment:rings"]


@pytest.mark.parametrize("url_name", LISTS)
def test_csv_is_for_dutch_excel_and_parses(register, analyst, login, url_name):
    response = login(analyst).get(reverse(url_name), {"format": "csv"})
    raw = _body(response)
    assert raw.startswith("\ufeff".encode())
    assert response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows)


@pytest.mark.parametrize("url_name", LISTS)
def test_xlsx_reads_back_with_a_frozen_header(register, analyst, login, url_name):
    response = login(analyst).get(reverse(url_name), {"format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(_body(response))).active
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    assert all(sheet.column_dimensions[c].width > 0 for c in "AB")


def test_the_initiative_list_keeps_its_filters_sort_and_types(register, analyst, login):
    client = login(analyst)
    response = client.get(reverse("register:initiative-list"), {"format": "xlsx", "status": "running",
                                                                 "sort": "-title"})
    sheet = load_workbook(io.BytesIO(_body(response))).active
    rows = list(sheet.iter_rows(values_only=True))
    header, *data = rows
    assert header[:5] == ("Nummer", "Titel", "Soort", "Samenwerkingsvorm", "Status")
    assert [r[1] for r in data] == ["Open oefening", SECRET]  # running only, titles descending
    first = data[0]
    assert isinstance(first[0], int)
    assert first[5] == dt.datetime(2019, 3, 1) and first[6] == dt.datetime(2021, 12, 31)  # dates, not text
    assert first[4] != "running"  # the label, not the code
    assert first[7] == "Duitsland"
    assert sheet["F2"].is_date and sheet["F2"].number_format == "dd-mm-yyyy"

    csv_rows = list(csv.DictReader(io.StringIO(_body(client.get(reverse("register:initiative-list"), {
        "format": "csv", "status": "completed"})).decode("utf-8-sig")), delimiter=";"))
    assert [(r["Titel"], r["Geplande start"]) for r in csv_rows] == [("Afgerond project", "2015-01-01")]

    body = json.loads(_body(client.get(reverse("register:initiative-list"), {"format": "json", "status": "running",
                                                                            "sort": "-title"})))
    assert body["count"] == 2 and [r["status"] for r in body["rows"]] == ["running", "running"]
    assert body["rows"][0]["planned_start"] == "2019-03-01"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("url_name", LISTS)
def test_no_export_shows_a_record_above_clearance(register, viewer, analyst, login, url_name, fmt):
    def text(user) -> str:
        body = _body(login(user).get(reverse(url_name), {"format": fmt}))
        if fmt != "xlsx":
            return body.decode("utf-8-sig")
        sheet = load_workbook(io.BytesIO(body)).active
        return "\n".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row)

    seen = text(viewer)
    assert SECRET not in seen and "Geheim verdrag" not in seen
    if url_name in ("register:initiative-list", "register:agreement-list"):
        assert SECRET in text(analyst) or "Geheim verdrag" in text(analyst)


def test_exports_are_audited_with_format_and_filters(register, analyst, login):
    login(analyst).get(reverse("register:agreement-list"), {"format": "xlsx", "kind": "MoU"})
    entry = AuditEntry.objects.get(action="export")
    assert entry.object_type == "overeenkomsten"
    assert entry.changes["format"] == "xlsx" and "kind=MoU" in entry.changes["query"]


def test_every_list_page_offers_the_three_exports(register, analyst, login):
    for url_name in LISTS:
        page = login(analyst).get(reverse(url_name)).content.decode()
        assert all(f"format={fmt}" in page for fmt in ("xlsx", "csv", "json")), url_name


def test_write_xlsx_streams_a_generator_it_never_holds(tmp_path):
    produced = []

    def rows():
        for n in range(5000):
            produced.append(n)
            yield [n, f"rij {n}", dt.date(2020, 1, 1) + dt.timedelta(days=n % 365), n / 4]

    target = tmp_path / "out.xlsx"
    with target.open("wb") as handle:
        assert write_xlsx(handle, title="test", headers=["n", "tekst", "datum", "kwart"], values=rows()) == 5000
    sheet = load_workbook(target, read_only=True).active
    last = next(sheet.iter_rows(min_row=5001, max_row=5001, values_only=True))
    assert last[0] == 4999 and last[2].date() == dt.date(2020, 1, 1) + dt.timedelta(days=4999 % 365)
    assert last[3] == pytest.approx(4999 / 4)


def test_the_rings_list_exports_labels_for_people_and_codes_for_machines(register, analyst, login):
    client = login(analyst)
    rows = list(csv.DictReader(io.StringIO(_body(client.get(reverse("assessment:rings"), {"format": "csv"}))
                                           .decode("utf-8-sig")), delimiter=";"))
    assert [(r["Code"], r["Schil van kracht"], r["Wijkt af"]) for r in rows] == [("DE", "strategische partner", "nee")]
    body = json.loads(_body(client.get(reverse("assessment:rings"), {"format": "json"})))
    assert body["rows"][0]["ring"] == "strategic" and body["rows"][0]["divergent"] is False


def _list_urls() -> list[str]:
    """Every page of the project that takes no argument in its address (lists among them)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    found: list[str] = []

    def walk(patterns, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace in ("admin", "api") or entry.pattern.converters:
                    continue
                walk(entry.url_patterns, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
            elif isinstance(entry, URLPattern) and entry.name and not entry.pattern.converters:
                found.append(namespace + entry.name)

    walk(get_resolver().url_patterns, "")
    return [name for name in found if not any(word in name for word in ("logout", "login", "feed"))]


def test_every_exportable_list_heads_its_columns_with_the_dutch_labels_of_its_page(analyst, login):
    """Walks every list that answers ``?format=csv`` with a CSV: no header in CSV or XLSX is a raw key."""
    from ims.core.exports import COLUMN_LABELS

    client = login(analyst)
    exported: dict[str, list[str]] = {}
    for url_name in _list_urls():
        try:
            url = reverse(url_name)
        except Exception:  # a page whose address needs what the walk cannot give
            continue
        response = client.get(url, {"format": "csv"})
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/csv"):
            continue
        header = next(csv.reader(io.StringIO(_body(response).decode("utf-8-sig")), delimiter=";"))
        sheet = load_workbook(io.BytesIO(_body(client.get(url, {"format": "xlsx"})))).active
        assert [c.value for c in next(sheet.iter_rows(max_row=1))] == header, url_name
        exported[url_name] = header
    assert {"register:commitment-list", "register:contribution-list", "register:spending-list",
            "register:procurement-list", "register:document-list", "monitoring:milestone-list",
            "monitoring:plan-list", "monitoring:official-list", "register:initiative-list",
            "assessment:rings"} <= exported.keys()  # the walk reaches the lists
    for url_name, header in exported.items():
        raw = [h for h in header if h in COLUMN_LABELS or re.fullmatch(r"[a-z][a-z0-9_]*", h)]
        assert not raw, f"{url_name}: {raw}"
        assert len(set(header)) == len(header), url_name


def test_a_column_without_a_label_is_refused():
    from ims.core.exports import column_labels

    assert column_labels("overeenkomsten", ["id", "kind"]) == ["Nummer", "Instrument"]
    with pytest.raises(KeyError):
        column_labels("toezeggingen", ["id", "made_up_field"])


def test_the_newer_lists_show_labels_in_spreadsheets_and_codes_in_json(analyst, login):
    services.document_register(title="Brief over de export", text="Tekst.", date=dt.date(2020, 2, 3))
    client = login(analyst)
    sheet = load_workbook(io.BytesIO(_body(client.get(reverse("register:document-list"), {"format": "xlsx"})))).active
    header, first = list(sheet.iter_rows(values_only=True))[:2]
    assert header == ("Nummer", "Titel", "Datum", "Kamerstuk", "Kenmerk", "Rubricering")
    assert first[1] == "Brief over de export" and first[5] == "Ongerubriceerd"
    body = json.loads(_body(client.get(reverse("register:document-list"), {"format": "json"})))
    assert body["rows"][0]["classification"] == 0
