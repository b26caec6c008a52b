"""Known names (``ims.extract.known``): plain data in, a fact for each known thing a document names where the
rules found none; no database involved."""

from __future__ import annotations

from ims.extract.known import CONFIDENCE, KnownName, KnownNames
from ims.extract.pipeline import extract_text

KNOWN = KnownNames(
    initiatives=(KnownName("Nordic Cloud Network", ("NCN",), {"partners": ["DE", "NL", "NO"]}),),
    operations=(KnownName("Enhanced Forward Presence", ("eFP",), {"location": "LT"}),),
    agreements=(KnownName("Raamverdrag defensiesamenwerking", (), {"kind": "TREATY", "parties": ["NL", "US"],
                                                                   "date": "2018"}),
                KnownName("Helsinki Final Act", ("Slotakte van Helsinki",),
                          {"kind": "AGREEMENT", "parties": ["OSCE"]})),
    systems=(KnownName("Chinook", (), {"partner": "US"}),),
)  # fmt: skip
TEXT = (
    "Den Haag, 9 maart 2031.\n\nDe staatssecretaris sprak in Oslo over het NCN. In 2031 blijft de eFP in "
    "Litouwen een speerpunt. Het Raamverdrag defensiesamenwerking kwam kort aan bod. De Chinook-vloot werd "
    "eveneens besproken. Ook de Slotakte van Helsinki bleef niet onvermeld.\n"
)


def by_type(facts):
    return {f.type: f.to_json() for f in facts if f.type != "agreement" or f.rule.startswith("register.")}


def test_each_known_thing_the_text_names_becomes_its_fact():
    facts = by_type(extract_text(TEXT, "brief.txt", known=KNOWN))
    assert facts["initiative"]["name"] == "Nordic Cloud Network" and facts["initiative"]["partners"] == [
        "DE", "NL", "NO"]  # fmt: skip
    assert (facts["contribution"]["operation"], facts["contribution"]["location"]) == (
        "Enhanced Forward Presence", "LT")  # fmt: skip
    assert facts["contribution"]["year"] == 2031
    assert (facts["agreement"]["subject"], facts["agreement"]["parties"]) == ("Helsinki Final Act", ["OSCE"])
    assert (facts["procurement"]["system"], facts["procurement"]["partner"]) == ("Chinook", "US")
    for fact in (facts["initiative"], facts["contribution"], facts["procurement"]):
        assert fact["rule"].startswith("register.") and fact["confidence"] == CONFIDENCE
        assert TEXT[fact["evidence"]["start"] : fact["evidence"]["end"]][0].isupper()


def test_without_known_names_the_rules_alone_miss_them():
    facts = extract_text(TEXT, "b.txt")
    assert not {"initiative", "contribution", "procurement"} & {f.type for f in facts}
    assert not any(f.rule.startswith("register.") for f in facts)


def test_an_agreement_a_rule_already_read_in_the_sentence_is_not_added_again():
    def raamverdrag(facts):
        return [f for f in facts if f.type == "agreement" and "Raamverdrag" in TEXT[f.evidence.start : f.evidence.end]]

    rules = raamverdrag(extract_text(TEXT, "b.txt"))
    with_known = raamverdrag(extract_text(TEXT, "b.txt", known=KNOWN))
    assert len(with_known) == 1 and (not rules or with_known == rules)


def test_a_name_inside_another_word_is_no_mention():
    known = KnownNames(initiatives=(KnownName("Nordic Cloud", ("NCN",)),))
    text = "Den Haag, 9 maart 2031.\n\nDe NCNX-module en de Nordic Cloudbase werden besproken.\n"
    assert [f for f in extract_text(text, "b.txt", known=known) if f.type == "initiative"] == []


def test_a_thing_the_rules_found_is_not_found_twice():
    text = ("Den Haag, 9 maart 2031.\n\nNederland en Noorwegen werken samen in het Nordic Cloud Network (NCN), "
            "een programma voor gedeelde opslag.\n")  # fmt: skip
    rules = [f for f in extract_text(text, "b.txt") if f.type == "initiative"]
    with_known = [f for f in extract_text(text, "b.txt", known=KNOWN) if f.type == "initiative"]
    assert len(with_known) == 1
    if rules:  # the rule's own fact stands
        assert with_known == rules


def test_known_names_travel_as_plain_json():
    assert KnownNames.from_json(KNOWN.to_json()) == KNOWN
    assert not KnownNames() and KNOWN
