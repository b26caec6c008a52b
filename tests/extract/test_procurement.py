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
