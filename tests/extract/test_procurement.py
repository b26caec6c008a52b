"""procurement: equipment acquired with or from a partner."""


def keyset(found: list[dict]) -> set[tuple]:
    return {(f["partner"], f["system"], f["quantity"], f["year"]) for f in found}


def test_quantity_and_ordered_earlier(facts):
    text = (
        "De materieelsamenwerking met Duitsland groeit. Met de aanschaf van twaalf extra Boxer-voertuigen "
        "en de 40 CV90's die al eerder waren besteld, breidt Nederland de vloot uit."
    )
    found = keyset(facts(text, "procurement"))
    assert ("DE", "Boxer", 12, 2024) in found
    assert ("DE", "CV90", 40, None) in found


def test_list_of_programmes(facts):
    text = (
        "In 2030 is de materieelsamenwerking met Frankrijk voortgezet voor de modernisering van de "
        "Caracal-helikopter, de verwerving van de onbemande MQ-25 Stingray en de vervanging van mijnen."
    )
    assert keyset(facts(text, "procurement")) == {
        ("FR", "Caracal", None, 2030),
        ("FR", "MQ-25 Stingray", None, 2030),
        ("FR", "mijnen", None, 2030),
    }


def test_possibilities_and_other_countries_purchases_are_not_procurement(facts):
    text = (
        "Samenwerking bij de verwerving van de opvolger van de F-35 biedt perspectieven. "
        "Ook zal Italië moeten besluiten over de aanschaf van fregatten."
    )
    assert facts(text, "procurement") == []


def test_an_acquisition_said_with_a_verb_and_the_system_s_country_of_origin(facts):
    # No partner is named: the system of the reference lists comes from Sweden.
    assert keyset(facts("Defensie verwerft minimaal 24 nieuwe CV90-voertuigen.", "procurement")) == {
        ("SE", "CV90", 24, 2024)
    }


def test_a_type_designation_runs_on_after_the_system(facts):
    found = keyset(facts("Defensie koopt verder 6 zogeheten Leopard 2A7 ARV's aan.", "procurement"))
    assert found == {("DE", "Leopard 2A7 ARV", 6, 2024)}


def test_what_is_replaced_is_not_what_is_bought(facts):
    text = "Defensie vervangt samen met Noorwegen de Walrusklasse door nieuwe onderzeeboten van de Orka-klasse."
    assert keyset(facts(text, "procurement")) == {("NO", "Orka-klasse", None, 2024)}


def test_a_counted_class_noun_stands_for_the_system_named_before(facts):
    text = (
        "Nederland bestelt 3 extra C-390-transportvliegtuigen. "
        "Die komen boven op de 5 transportvliegtuigen die al eerder waren besteld."
    )
    assert keyset(facts(text, "procurement")) == {("BR", "C-390", 3, 2024), ("BR", "C-390", 5, None)}


def test_alternatives_give_no_quantity_and_wishes_no_fact(facts):
    assert keyset(facts("Nederland schaft vijf of zes Chinook-helikopters aan.", "procurement")) == {
        ("US", "Chinook", None, 2024)
    }
    assert facts("Defensie wil twee extra Reaper-drones kopen.", "procurement") == []


def test_a_replacement_is_procurement_with_a_partner_only_when_done_together(facts):
    assert facts("Onderdeel daarvan is de vervanging van de Goalkeeper door een nieuw systeem.", "procurement") == []
    text = "De gezamenlijke vervanging van de M-fregatten van Nederland en België, twee per land, begint in 2030."
    assert keyset(facts(text, "procurement")) == {("BE", "M-fregatten", 2, 2030)}


def test_buying_together_and_a_firm_is_no_partner(facts):
    text = "Nederland en Noorwegen bestellen gezamenlijk NASAMS-luchtverdedigingssystemen."
    assert keyset(facts(text, "procurement")) == {("NO", "NASAMS", None, 2024)}
    text = "Defensie koopt 8 IRIS-T-systemen bij het Zweedse Saab Group."
    assert keyset(facts(text, "procurement")) == {("DE", "IRIS-T", 8, 2024)}  # the system's country, not the firm's
