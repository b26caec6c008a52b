"""`ims assess`: a proposal file or an initiative, JSON or text; bad input is one precise line and exit 2."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from ims import framework as fw
from ims.assessment import services
from ims.framework.cli import load_proposal
from ims.framework.examples import example_paths
from tests.factories import PartnerFactory

from .conftest import NAVY_TITLE, SECRET_TITLE

pytestmark = pytest.mark.django_db

NH90 = example_paths()["nh90_maintenance_be"]


def assess(*args: str) -> str:
    out = io.StringIO()
    call_command("assess", *args, stdout=out)
    return out.getvalue()


def refused(*args: str) -> str:
    with pytest.raises(CommandError) as error:
        assess(*args)
    assert error.value.returncode == 2
    message = str(error.value)
    assert "\n" not in message
    return message


def test_a_shipped_example_gives_json_with_the_total(db):
    PartnerFactory(code="BE", name_nl="België")
    data = json.loads(assess("--proposal", str(NH90), "--scenario", "economic-headwinds", "--format", "json"))
    expected = fw.assess(load_proposal(NH90), fw.SCENARIOS["economic-headwinds"])
    assert data["total"]["value"] == pytest.approx(expected.total.value)
    assert data["scenario"]["name"] == "economic-headwinds"
    assert data["total"]["reasons"][0]["text_nl"].startswith("Politiek-strategisch: score")


def test_text_output_of_an_initiative_with_its_assumptions(world):
    text = assess("--initiative", str(world["navy"].pk))
    assert text.startswith(f"Beoordeling: {NAVY_TITLE}")
    assert "Totaal: " in text and "Aannames (register)" in text


def test_an_unknown_scenario_is_named_with_the_choices(db):
    PartnerFactory(code="BE")
    message = refused("--proposal", str(NH90), "--scenario", "vredestijd")
    assert "onbekend scenario 'vredestijd'" in message and "balanced" in message


def test_an_own_scenario_from_the_database_is_used(world, analyst):
    services.scenario_create(name="alleen-militair", label_nl="Alleen militair", actor=analyst,
                             weights={"political_strategic": 0, "military": 1, "financial_economic": 0})
    data = json.loads(assess("--initiative", str(world["navy"].pk), "--scenario", "alleen-militair",
                             "--format", "json"))
    assert data["scenario"]["normalised"] == {"political_strategic": 0, "military": 1, "financial_economic": 0}


def test_an_unknown_partner_is_named(db, tmp_path):
    data = json.loads(NH90.read_text(encoding="utf-8"))
    data["partners"][0]["code"] = "ZZ"
    path = tmp_path / "voorstel.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    message = refused("--proposal", str(path))
    assert "partners[0].code" in message and "onbekende partnercode 'ZZ'" in message


@pytest.mark.parametrize(("weights", "said"), [
    ("0,0,0", "de gewichten mogen niet allemaal nul zijn"),
    ("1,-2,1", "weights.military: mag niet negatief zijn"),
    ("1,2", "geef drie gewichten"),
    ("1,veel,1", "weights.military: moet een getal zijn"),
])
def test_invalid_weights_are_refused(db, weights, said):
    PartnerFactory(code="BE")
    assert said in refused("--proposal", str(NH90), f"--weights={weights}")


def test_valid_own_weights_are_used(db):
    PartnerFactory(code="BE")
    data = json.loads(assess("--proposal", str(NH90), "--weights=0,0,1", "--format", "json"))
    assert data["scenario"]["normalised"]["financial_economic"] == 1.0


def test_a_bad_file_is_named(db, tmp_path):
    broken = tmp_path / "kapot.json"
    broken.write_text("{", encoding="utf-8")
    assert "kapot.json: geen geldige JSON" in refused("--proposal", str(broken))
    invalid = tmp_path / "fout.json"
    invalid.write_text(json.dumps({"title": "x", "form": "piramide"}), encoding="utf-8")
    assert "onbekende waarde 'piramide'" in refused("--proposal", str(invalid))


def test_an_initiative_is_read_with_the_clearance_asked_for(world, viewer):
    assert SECRET_TITLE in assess("--initiative", str(world["secret"].pk))  # the system sees everything
    message = refused("--initiative", str(world["secret"].pk), "--as", viewer.username)
    assert f"initiatief {world['secret'].pk} bestaat niet of is niet zichtbaar" in message
    assert "onbekende of inactieve gebruiker 'niemand'" in refused("--initiative", "1", "--as", "niemand")


def test_an_initiative_the_framework_cannot_assess_names_the_field(world):
    message = refused("--initiative", str(world["no_form"].pk))
    assert "Samenwerkingsvorm: verplicht veld ontbreekt." in message


def test_load_scenarios_is_idempotent(db):
    out = io.StringIO()
    call_command("load_scenarios", stdout=out)
    call_command("load_scenarios", stdout=out)
    assert out.getvalue().splitlines() == ["Wegingsscenario's: 3 nieuw.", "Wegingsscenario's: 0 nieuw."]
