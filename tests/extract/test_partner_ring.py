"""partner_ring: partners placed in the Dutch rings, explicitly or by enumeration."""


def test_enumerated_strategic_partners(facts):
    text = (
        "Deze brief behandelt de strategische partners van Defensie, te weten Duitsland, Frankrijk "
        "en Polen in 2031."
    )
    found = facts(text, "partner_ring")
    assert {(f["partner"], f["ring"], f["year"]) for f in found} == {
        ("DE", "strategic", 2031),
        ("FR", "strategic", 2031),
        ("PL", "strategic", 2031),
    }


def test_partners_named_in_the_sentence_before(facts):
    text = "Ook Canada en Japan verdienen aandacht. Dit zijn gelieerde partners met wie wij oefenen."
    found = facts(text, "partner_ring")
    assert {(f["partner"], f["ring"], f["year"]) for f in found} == {
        ("CA", "affiliated", 2024),
        ("JP", "affiliated", 2024),
    }
    assert found[0]["evidence"]["start"] == 0  # the evidence covers both sentences


def test_opportunity_partner(facts):
    found = facts("Voor deze missie is Zweden een gelegenheidspartner.", "partner_ring")
    assert [(f["partner"], f["ring"]) for f in found] == [("SE", "opportunity")]


def test_another_countrys_partners_are_not_a_dutch_ring(facts):
    text = (
        "In de Deense defensievisie worden Nederland, Noorwegen en Zweden aangemerkt "
        "als strategische partners."
    )
    assert facts(text, "partner_ring") == []


def test_ring_word_without_partners_gives_nothing(facts):
    assert (
        facts("Nederland gaat intensiever samenwerken met deze strategische partners.", "partner_ring") == []
    )


def rows(found: list[dict]) -> set[tuple]:
    return {(f["partner"], f["ring"], f["rule"]) for f in found}


def test_countries_named_as_places_are_not_partners(facts):
    text = (
        "Nederland werkt samen met strategische partners, waaronder met Noorwegen in Estland en Letland, en met "
        "Canada in Polen."
    )
    assert rows(facts(text, "partner_ring")) == {
        ("NO", "strategic", "partner_ring.enumeration"),
        ("CA", "strategic", "partner_ring.enumeration"),
    }


def test_one_of_the_strategic_defence_partners(facts):
    found = facts("Noorwegen is één van de strategische defensiepartners van Nederland.", "partner_ring")
    assert rows(found) == {("NO", "strategic", "partner_ring.enumeration")}


def test_a_partner_called_a_strategic_ally_or_partnership(facts):
    assert rows(facts("De premier noemde Canada een ‘strategische bondgenoot’.", "partner_ring")) == {
        ("CA", "strategic", "partner_ring.called")
    }
    text = "Voor Nederland geldt de samenwerking met Noorwegen als een strategisch partnerschap."
    assert rows(facts(text, "partner_ring")) == {("NO", "strategic", "partner_ring.called")}


def test_a_partnership_of_two_other_countries_is_not_a_dutch_ring(facts):
    text = "Het strategisch partnerschap tussen Frankrijk en Italië wordt verdiept."
    assert facts(text, "partner_ring") == []


def test_partners_listed_as_items_after_a_colon(facts):
    text = (
        "Hierbij bericht ik u over de partners.\n\nDe gelieerde partners van Defensie zijn:\n– Canada;\n"
        "– Japan.\n\nDaarna volgt meer."
    )
    assert rows(facts(text, "partner_ring")) == {
        ("CA", "affiliated", "partner_ring.list"),
        ("JP", "affiliated", "partner_ring.list"),
    }


def test_sections_per_partner_under_a_ring_heading(facts):
    text = (
        "Inleiding\n\nDeze brief gaat over de partners.\n\nStrategische partners\n\nDe samenwerking groeit.\n\n"
        "Canada en Japan\n\nDe oefeningen gaan door.\n\nZweden\n\nDe marine oefent.\n\nOperaties\n\n"
        "In Estland is een eenheid gestationeerd.\n\nLetland\n\nOok hier.\n"
    )
    assert rows(facts(text, "partner_ring")) == {
        ("CA", "strategic", "partner_ring.heading"),
        ("JP", "strategic", "partner_ring.heading"),
        ("SE", "strategic", "partner_ring.heading"),
    }
