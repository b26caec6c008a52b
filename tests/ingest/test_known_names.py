"""The register teaches the extractor: what reviewers accepted is found in the next document, also where no
rule would find it; ``ims extract --register`` uses it too, plain ``ims extract`` needs no database."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ims.cli import main as ims_main
from ims.core.classification import Classification
from ims.extract.known import KnownName
from ims.extract.pipeline import extract_text
from ims.ingest.models import ExtractedFact
from ims.ingest.selectors import known_names
from ims.ingest.services import documents_ingest, fact_accept
from ims.register.models import Initiative
from ims.register.services import document_register
from tests.db import in_db

pytestmark = pytest.mark.django_db

FIRST = "Den Haag, 2 oktober 2030. Nederland en Duitsland bereiden samen het Nordic Cloud Network (NCN) voor."
# Names the programme in passing: no cooperation wording, no acronym defined, nothing a rule reads as one.
SECOND = "Den Haag, 9 maart 2031.\n\nTijdens het werkbezoek kwam ook het Nordic Cloud Network ter sprake.\n"


@pytest.fixture
def accepted(reference_partners, analyst):
    """An initiative accepted from a first letter, as a reviewer would."""
    document = document_register(title="Eerste brief", text=FIRST, date=dt.date(2030, 10, 2))
    fact = ExtractedFact.objects.create(
        document=document, fact_type="initiative", start=26, end=len(FIRST), confidence=0.8,
        payload={"name": "Nordic Cloud Network", "partners": ["DE", "NL"], "form": None, "status": "preparation"},
    )  # fmt: skip
    fact_accept(fact=fact, actor=analyst)
    return in_db(Initiative).get()


def test_the_rules_alone_do_not_find_the_initiative_in_the_second_letter():
    assert [f for f in extract_text(SECOND, "tweede.txt") if f.type == "initiative"] == []


def test_an_accepted_initiative_is_found_in_the_next_letter(accepted, analyst, tmp_path):
    letter = tmp_path / "tweede.txt"
    letter.write_text(SECOND, encoding="utf-8")
    [outcome] = documents_ingest(paths=[letter], actor=analyst)
    [fact] = in_db(ExtractedFact).filter(document=outcome.document, fact_type="initiative")
    assert fact.payload["name"] == "Nordic Cloud Network" and fact.payload["partners"] == ["DE", "NL"]
    assert fact.rule == "register.initiative"
    assert SECOND[fact.start : fact.end].startswith("Tijdens het werkbezoek")
    fact_accept(fact=fact, actor=analyst)  # and accepting it cites the same initiative, nothing new
    assert in_db(Initiative).get() == accepted and accepted.citations.count() == 2


def test_known_names_hold_what_the_user_may_see_at_the_documents_level(accepted, analyst, make_user):
    secret = Initiative.objects.create(title="Geheim Programma (GP)", classification=Classification.SECRET)
    names = known_names(user=analyst)
    assert names.initiatives == (KnownName("Nordic Cloud Network", (), {"partners": ["DE", "NL"]}),)
    assert secret.title not in json.dumps(names.to_json())
    # Higher levels on request only, and then only for a user cleared for them.
    assert len(known_names(user=analyst, level=Classification.SECRET).initiatives) == 2
    low = make_user(clearance=Classification.UNCLASSIFIED)
    assert len(known_names(user=low, level=Classification.SECRET).initiatives) == 1
    acronyms = {k.name: k.aliases for k in known_names(user=analyst, level=Classification.SECRET).initiatives}
    assert acronyms["Geheim Programma"] == ("GP",)


def test_ims_extract_register_uses_the_register_and_plain_extract_does_not(accepted, tmp_path, capsys):
    letter = tmp_path / "tweede.txt"
    letter.write_text(SECOND, encoding="utf-8")
    assert ims_main(["extract", str(letter)]) == 0
    assert "Nordic Cloud Network" not in capsys.readouterr().out
    assert ims_main(["extract", "--register", str(letter)]) == 0
    [line] = [json.loads(x) for x in capsys.readouterr().out.splitlines() if '"initiative"' in x]
    assert (line["name"], line["rule"]) == ("Nordic Cloud Network", "register.initiative")
