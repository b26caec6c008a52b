"""contribution: Dutch contributions to operations, missions and forces."""

from ims.extract.context import _VOCABULARY
from ims.extract.contribution import _OP_SUFFIXES, _RUN_WORDS
from ims.extract.names import OPERATION_HEADS


def keyset(found: list[dict]) -> set[tuple]:
    return {(f["operation"], f["location"], f["year"], f["personnel"], tuple(f["partners"])) for f in found}


def test_personnel_and_location(facts):
    text = "Nederland leverde in 2030 ongeveer 150 militairen aan de Enhanced Vigilance Activity in Roemenië."
    assert keyset(facts(text, "contribution")) == {("Enhanced Vigilance Activity", "RO", 2030, 150, ())}


def test_operation_named_with_operation_and_missie(facts):
    text = (
        "Samen met Italië en Spanje werkte Nederland in 2029 mee aan Operation Atlantic Shield in Portugal "
        "en aan de Ocean Watch-missie in Kenia."
    )
    found = keyset(facts(text, "contribution"))
    assert ("Operation Atlantic Shield", "PT", 2029, None, ("ES", "IT")) in found
    assert ("Ocean Watch", "KE", 2029, None, ("ES", "IT")) in found


def test_foreign_troops_are_not_dutch_personnel(facts):
    text = (
        "Daarnaast namen 80 Franse militairen deel aan de noodhulp die Nederland na orkaan Maria "
        "aan Haïti bood."
    )
    assert keyset(facts(text, "contribution")) == {("noodhulp orkaan Maria", "HT", 2024, None, ("FR",))}


def test_both_countries_refers_to_the_partner_of_the_paragraph(facts):
    text = (
        "De samenwerking met Denemarken is hecht. Beide landen leveren eenheden aan de NATO Response Force."
    )
    assert keyset(facts(text, "contribution")) == {("NATO Response Force", None, 2024, None, ("DK",))}


def test_acronym_defined_earlier_is_the_same_operation(facts):
    text = (
        "Nederland maakte deel uit van de Allied Reaction Force (ARF). "
        "Ook stond een Nederlands hoofdkwartier gereed voor inzet bij de ARF."
    )
    found = facts(text, "contribution")
    assert [f["operation"] for f in found] == ["Allied Reaction Force"]


def test_supplied_units_and_bodies_are_not_operations(facts):
    text = "Nederland leverde een Special Operations Task Group. Het Joint Force Command werd opgericht."
    assert facts(text, "contribution") == []


def test_campaign_against_something(facts):
    text = "In 2031 is samen met de Franse marine de strijd tegen piraterij in de Golf van Guinee voortgezet."
    found = keyset(facts(text, "contribution"))
    assert {op for op, *_ in found} == {"strijd tegen piraterij in de Golf van Guinee"}


def test_every_word_that_makes_a_run_an_operation_is_a_keyword():
    # Runs of capitalised words are read only in sentences holding one of _RUN_WORDS (found by the
    # document's keyword pass): every head, "Operation"/"Operatie" in front, "-missie" and the like behind.
    assert OPERATION_HEADS <= set(_RUN_WORDS) <= _VOCABULARY
    assert all(any(word in suffix for word in _RUN_WORDS) for suffix in _OP_SUFFIXES)
    assert all(any(word in prefix.lower() for word in _RUN_WORDS) for prefix in ("Operation ", "Operatie "))


def test_an_operation_named_by_an_acronym_without_an_operation_word(facts):
    # The second sentence holds no operation word: the acronym, defined for an operation, names it.
    text = "De Allied Reaction Force (ARF) is nieuw. In 2030 neemt Nederland deel aan de ARF."
    assert keyset(facts(text, "contribution")) == {("Allied Reaction Force", None, 2030, None, ())}
