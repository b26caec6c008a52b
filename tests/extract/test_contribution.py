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


def test_an_operation_of_the_reference_lists_as_the_text_writes_it(facts):
    text = (
        "In 2031 leverde Nederland een fregat aan EUNAVFOR Atalanta en stafofficieren aan de Resolute "
        "Support-missie."
    )
    found = facts(text, "contribution")
    assert {(f["operation"], f["year"]) for f in found} == {("EUNAVFOR Atalanta", 2031), ("Resolute Support", 2031)}
    assert {f["rule"] for f in found} == {"contribution.reference"}


def test_a_described_contribution_with_its_country_as_location_and_the_year_it_runs_to(facts):
    text = (
        "Het kabinet heeft besloten de Nederlandse bijdrage aan de strijd tegen piraterij in Somalië te "
        "verlengen tot en met 31 december 2030, zoals gemeld in de brief van 12 maart 2027."
    )
    assert keyset(facts(text, "contribution", "2029-09-01")) == {("strijd tegen piraterij", "SO", 2030, None, ())}


def test_a_deployment_with_one_fact_per_place(facts):
    text = (
        "Nederland verdiept door de militaire inzet aan de zuidflank de samenwerking met Italië in Albanië "
        "en Griekenland."
    )
    found = keyset(facts(text, "contribution"))
    assert {(op, loc) for op, loc, *_ in found} == {("inzet aan de zuidflank", "AL"), ("inzet aan de zuidflank", "GR")}


def test_dutch_troops_present_in_a_country(facts):
    text = "Ondertussen zijn er nog 120 Nederlandse militairen in Estland."
    assert keyset(facts(text, "contribution")) == {("militaire aanwezigheid in Estland", "EE", 2024, 120, ())}


def test_the_year_that_opens_the_paragraph(facts):
    text = (
        "In 2030 nam Defensie deel aan elf missies en operaties. "
        "Hierbij ging het bijvoorbeeld om de VN-missie UNIFIL in Libanon."
    )
    assert keyset(facts(text, "contribution", "2031-05-01")) == {("UNIFIL", "LB", 2030, None, ())}


def test_an_air_campaign_over_several_countries_has_no_location(facts):
    text = "Wij beëindigen de Nederlandse F-35 inzet in de strijd tegen ISIS boven Noord-Syrië en Irak."
    found = keyset(facts(text, "contribution"))
    assert {(op, loc) for op, loc, *_ in found} == {("F-35 inzet in de strijd tegen ISIS", None)}


def test_a_place_of_the_lists_gives_the_country(facts):
    text = "Nederland droeg tot 2010 de verantwoordelijkheid voor ISAF-Kunduz."
    assert keyset(facts(text, "contribution", "2009-05-01")) == {("ISAF-Kunduz", "AF", 2010, None, ())}


def test_deployments_said_with_other_verbs_and_questions(facts):
    found = keyset(facts("Nederland stuurt twee F-35's naar Polen.", "contribution"))
    assert {(op, loc) for op, loc, *_ in found} == {("inzet F-35's in Polen", "PL")}
    found = keyset(facts("De Koninklijke Marine zet een fregat in voor EMASoH.", "contribution"))
    assert {op for op, *_ in found} == {"EMASoH"}
    assert facts("Moet Nederland meer militairen bijdragen aan EUTM Mali?", "contribution") == []
    found = keyset(facts("Nederland droeg 40 militairen bij aan EUTM Mali.", "contribution"))
    assert {(op, loc, personnel) for op, loc, _, personnel, _ in found} == {("EUTM Mali", "ML", 40)}


def test_flights_taken_up_for_another_country_are_a_contribution_of_their_own(facts):
    text = (
        "Intussen vliegen er Nederlandse F-35's boven Estland. Dat gebeurt binnenkort ook boven Roemenië, met "
        "F-16-toestellen."
    )
    found = {(f["operation"], f["location"]) for f in facts(text, "contribution", "2030-04-02")}
    assert found == {("vluchten van F-35's boven Estland", "EE"), ("vluchten van F-16-toestellen boven Roemenië", "RO")}
