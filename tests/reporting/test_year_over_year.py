"""Year over year: build the register as it stood in 2018, change it in 2019 (a new initiative, a status
change, a ring change, a new agreement), and the 2019 report's change section and `ims report-diff 2018 2019`
list exactly those changes."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from ims.register import services as reg
from ims.register.models import Agreement, Initiative
from ims.register.vocab import PartnerKind
from ims.reporting.builder import build_report
from ims.reporting.diff import change_lines
from ims.reporting.render import render
from ims.reporting.services import report_finalise

from .test_docx import body_order, open_docx

pytestmark = pytest.mark.django_db
D = dt.date

EXPECTED = [
    ("Nieuwe initiatieven", ["Arctische training (Noorwegen)"]),
    ("Statuswijzigingen", ["Opleiding tankbemanningen: voorbereiding → in uitvoering"]),
    ("Wijzigingen in de schilindeling", ["Noorwegen: gelieerde partner → strategische partner"]),
    ("Nieuwe overeenkomsten", ["MoU Noordzee (Memorandum of Understanding, België)"]),
]


@pytest.fixture
def register_2018(db):
    for code in ("NL", "BE", "DE", "NO"):
        reg.partner_upsert(code=code, kind=PartnerKind.COUNTRY)
    reg.ring_assign(partner=reg.partner_for("BE"), ring="strategic", valid_from=D(2012, 5, 11))
    reg.ring_assign(partner=reg.partner_for("DE"), ring="strategic", valid_from=D(2012, 5, 11))
    reg.ring_assign(partner=reg.partner_for("NO"), ring="affiliated", valid_from=D(2012, 5, 11))
    staf = reg.initiative_create(title="Gezamenlijke marinestaf", status="running", actual_start=D(2015, 3, 1),
                                 participants=[("BE", "participant"), ("NL", "participant")])
    tank = reg.initiative_create(title="Opleiding tankbemanningen", status="preparation", planned_start=D(2017, 1, 1),
                                 participants=[("DE", "lead"), ("NL", "participant")])
    reg.agreement_create(kind="LOI", title="Intentieverklaring opleiding", parties=["DE", "NL"],
                         signed_on=D(2017, 2, 1))
    return {"staf": staf, "tank": tank}


def change_in_2019(register: dict, actor=None) -> None:
    reg.initiative_create(title="Arctische training", status="running", actual_start=D(2019, 2, 1),
                          participants=[("NO", "participant"), ("NL", "participant")], actor=actor)
    reg.initiative_update(initiative=register["tank"], status="running", actor=actor)
    reg.ring_assign(partner=reg.partner_for("NO"), ring="strategic", valid_from=D(2019, 1, 1), actor=actor)
    reg.agreement_create(kind="MoU", title="MoU Noordzee", parties=["BE", "NL"], signed_on=D(2019, 4, 2), actor=actor)


def diff_command(*args: str) -> list[tuple[str, list[str]]]:
    out = io.StringIO()
    call_command("report_diff", *args, stdout=out)
    groups, current = [], None
    for line in out.getvalue().splitlines()[1:]:
        if line.startswith("  - "):
            current[1].append(line[4:])
        else:
            current = (re.sub(r" \(\d+\):$", "", line), [])
            groups.append(current)
    return groups


def changes_section(content: bytes) -> list[str]:
    order = body_order(open_docx(content))
    start = order.index(("h1", "Wijzigingen sinds de vorige rapportage"))
    end = next(n for n in range(start + 1, len(order)) if order[n][0] == "h1")
    # The minister's signature closes the letter, between this last section and the annexes.
    return [text for _, text in order[start + 1:end] if text and text != "DE MINISTER VAN DEFENSIE"]


def test_against_the_finalised_2018_report(register_2018, analyst):
    final_2018 = report_finalise(year=2018, classification=0, actor=analyst)
    assert final_2018.data["counts"]["initiatives"] == 2
    change_in_2019(register_2018, actor=analyst)

    data = build_report(year=2019, level=0)
    assert data["baseline"]["kind"] == "final" and data["baseline"]["version"] == 1
    assert change_lines(data["changes"]) == EXPECTED
    assert data["changes"]["initiatives_ended"] == []
    assert diff_command("2018", "2019") == EXPECTED

    # The same changes in the rendered report's section, after its opening sentence.
    section = changes_section(render(data, "docx"))
    assert section[0].startswith("Dit overzicht vergelijkt 2019 met de definitieve rapportage over 2018 (versie 1")
    listed = [line.rstrip(".") for line in section[1:] if not line.endswith(":") and not line.startswith("Figuur")]
    assert listed == [line for _, lines in EXPECTED for line in lines]
    # Annex 2 says per project what changed since last year.
    changes = {row["project"]: row["change"] for row in data["annex2"]["rows"]}
    assert changes == {"Arctische training": "nieuw",
                       "Gezamenlijke marinestaf": "ongewijzigd",
                       "Opleiding tankbemanningen": "status: voorbereiding → in uitvoering"}


def test_against_the_register_history_without_a_finalised_report(register_2018, analyst):
    # The register was entered in 2018: date its history accordingly.
    in_2018 = timezone.make_aware(dt.datetime(2018, 6, 1, 12))
    Initiative.history.update(history_date=in_2018)
    Agreement.history.update(history_date=in_2018)
    change_in_2019(register_2018, actor=analyst)
    # ... and the changes in 2019.
    in_2019 = timezone.make_aware(dt.datetime(2019, 5, 1, 12))
    Initiative.history.filter(history_date__gt=in_2018).update(history_date=in_2019)
    Agreement.history.filter(history_date__gt=in_2018).update(history_date=in_2019)

    data = build_report(year=2019, level=0)
    assert data["baseline"]["kind"] == "register"
    assert change_lines(data["changes"]) == EXPECTED
    assert diff_command("2018", "2019", "--from-register") == EXPECTED
    # The 2018 report itself shows the status as it stood then.
    rows = {r["project"]: r["status"] for r in build_report(year=2018, level=0)["annex2"]["rows"]}
    assert rows == {"Gezamenlijke marinestaf": "in uitvoering", "Opleiding tankbemanningen": "voorbereiding"}


def test_an_ended_initiative_is_listed_as_ended(register_2018, analyst):
    report_finalise(year=2018, classification=0, actor=analyst)
    reg.initiative_update(initiative=register_2018["staf"], status="completed", actual_end=D(2019, 3, 1))
    facts = build_report(year=2019, level=0)["changes"]
    assert [(r["title"], r["from_label"], r["to_label"]) for r in facts["initiatives_ended"]] == [
        ("Gezamenlijke marinestaf", "in uitvoering", "afgerond")]
    assert facts["status_changes"] == [] and facts["initiatives_new"] == []


def test_no_changes_gives_a_sentence(register_2018, analyst):
    report_finalise(year=2018, classification=0, actor=analyst)
    data = build_report(year=2019, level=0)
    section = next(s for s in data["sections"] if s["key"] == "changes")
    text = " ".join(s["text"] for b in section["blocks"] if b["kind"] == "p" for s in b["sentences"])
    assert "geen initiatieven bijgekomen of beëindigd" in text
    assert diff_command("2018", "2019")[-1][0] == "Geen wijzigingen tussen 2018 en 2019."
