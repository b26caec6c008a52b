"""initiative: named cooperation programmes and projects."""


def keyset(found: list[dict]) -> set[tuple]:
    return {(f["name"], tuple(f["partners"])) for f in found}


def test_named_programme_with_acronym_and_context_partner(facts):
    text = (
        "Nederland en Zweden werken steeds nauwer samen. "
        "Het binationale programma Nordic Cloud Network (NCN) "
        "is in 2030 gestart."
    )
    assert keyset(facts(text, "initiative")) == {("Nordic Cloud Network", ("NL", "SE"))}


def test_cooperation_within_a_unit_takes_partners_from_its_name(facts):
    text = "Op dit moment is de samenwerking binnen het Frans-Nederlandse Mariniersbataljon het belangrijkst."
    assert keyset(facts(text, "initiative")) == {("Frans-Nederlandse Mariniersbataljon", ("FR", "NL"))}


def test_enumerated_projects(facts):
    text = (
        "Op 1 juni 2030 tekenden Spanje en Nederland een visiedocument over verdere samenwerking. "
        "Het gaat onder meer om onderhoud aan de NH-90 helikopter, Maritime Patrol "
        "en een aantal andere thema's."
    )
    found = keyset(facts(text, "initiative"))
    assert found == {("onderhoud aan de NH-90 helikopter", ("ES", "NL")), ("Maritime Patrol", ("ES", "NL"))}


def test_programme_of_an_organisation_with_dutch_participation(facts):
    text = (
        "De EU werkt aan het concept van Shared Airlift om transport te bundelen. "
        "Nederland neemt deel aan drie projecten daarvan."
    )
    assert keyset(facts(text, "initiative")) == {("Shared Airlift", ("EU", "NL"))}


def test_organisation_programme_without_dutch_participation(facts):
    text = "In EU-verband worden kansen onderzocht in het zogenoemde Brussel-proces."
    assert keyset(facts(text, "initiative")) == {("Brussel-proces", ("EU",))}


def test_descriptive_projects(facts):
    text = (
        "De landmacht werkt aan de integratie van de 13 Lichte Brigade in de Duitse 10e Pantserdivisie. "
        "Denemarken en Nederland zullen samen de bewaking van de Noordzee gaan uitvoeren."
    )
    found = keyset(facts(text, "initiative"))
    assert ("integratie 13 Lichte Brigade in Duitse 10e Pantserdivisie", ("DE", "NL")) in found
    assert ("bewaking van de Noordzee", ("DK", "NL")) in found


def test_frameworks_national_programmes_and_operations_are_not_initiatives(facts):
    text = (
        "Nederland richt zich op de landen van de zogenaamde Northern Group. "
        "Het project bouwt op het Nederlandse programma Quickstep. "
        "Tevens maakte Nederland samen met Polen deel uit van de Allied Reaction Force."
    )
    assert facts(text, "initiative") == []
