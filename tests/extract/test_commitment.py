"""commitment: promises to Parliament and requests by members."""


def keyset(found: list[dict]) -> set[tuple]:
    return {(f["member"], f["date"]) for f in found}


def test_request_by_a_named_member(facts):
    text = (
        "Tijdens het commissiedebat van maart 2030 heb ik toegezegd, op verzoek van het lid Van der Berg, "
        "te rapporteren."
    )
    assert keyset(facts(text, "commitment")) == {("Van der Berg", "2030-03")}


def test_several_members_and_one_fact_each(facts):
    text = (
        "Op verzoek van de leden Jansen en De Wit zal ik ingaan op de oefeningen. "
        "Later zal ik ook de vragen van het lid Jansen beantwoorden."
    )
    assert keyset(facts(text, "commitment")) == {("Jansen", "2024-05-15"), ("De Wit", "2024-05-15")}


def test_member_request_dated_by_the_debate_just_mentioned(facts):
    text = (
        "Tijdens het notaoverleg van juni 2029 heb ik met de Kamer gesproken. "
        "Op verzoek van het lid Smit zal ik dieper ingaan op de kosten."
    )
    assert keyset(facts(text, "commitment")) == {("Smit", "2029-06")}


def test_promises_without_a_member(facts):
    text = (
        "Hiermee voldoe ik aan mijn toezegging tijdens de begrotingsbehandeling van november 2029. "
        "Het kabinet zal u afzonderlijk informeren over de kosten."
    )
    assert keyset(facts(text, "commitment")) == {(None, "2029-11"), (None, "2024-05-15")}


def test_handled_promises_and_present_tense_are_not_commitments(facts):
    text = "De toezeggingen die ik heb gedaan zijn verwerkt. Hierbij bericht ik u over de voortgang."
    assert facts(text, "commitment") == []
