"""agreement: signed or announced cooperation instruments."""


def keyset(found: list[dict]) -> set[tuple]:
    return {(f["kind"], tuple(f["parties"]), f["date"]) for f in found}


def test_memorandum_with_date_and_partner(facts):
    text = (
        "Op 3 maart 2031 ondertekenden Nederland en Estland een Memorandum of Understanding over "
        "cyberoefeningen."
    )
    found = facts(text, "agreement")
    assert keyset(found) == {("MoU", ("EE", "NL"), "2031-03-03")}
    assert found[0]["subject"] == "cyberoefeningen"


def test_two_instruments_in_one_sentence_each_get_their_own_date(facts):
    text = (
        "Het MoU Arctic Logistics werd getekend in april 2030 en volgde op een intentieverklaring in "
        "oktober 2028 over gezamenlijke bevoorrading. Dat Nederland en Canada dit samen doen, is nieuw."
    )
    text = "De samenwerking met Canada groeit. " + text
    assert keyset(facts(text, "agreement")) == {
        ("MoU", ("CA", "NL"), "2030-04"),
        ("LOI", ("CA", "NL"), "2028-10"),
    }


def test_treaty_between_two_other_countries_does_not_include_nl(facts):
    text = "Spanje en Portugal sloten in 2027 een verdrag over maritieme patrouilles."
    assert keyset(facts(text, "agreement")) == {("TREATY", ("ES", "PT"), "2027")}


def test_later_mentions_merge_into_the_first(facts):
    text = (
        "Noorwegen en Nederland tekenden op 5 mei 2029 een Letter of Intent over helikopters. "
        "De LOI bevat een werkplan. In de LOI staan ook oefeningen."
    )
    assert keyset(facts(text, "agreement")) == {("LOI", ("NL", "NO"), "2029-05-05")}


def test_negated_and_conditional_agreements_are_ignored(facts):
    text = (
        "De gesprekken tussen de VS en Iran hebben niet geleid tot een akkoord. "
        "Pas wanneer een akkoord wordt bereikt, volgt een besluit."
    )
    assert facts(text, "agreement") == []


def test_founding_treaty_reference_is_not_a_new_agreement(facts):
    assert facts("Dit valt onder artikel 5 van het NAVO-verdrag.", "agreement") == []


def test_joint_vision_statement_and_action_plan(facts):
    text = (
        "Zoals vastgelegd in het Joint Vision Statement van mei 2026 werken Italië en Nederland samen via "
        "een actieplan. In het actieplan van 2030-2031 staan vier thema's."
    )
    assert keyset(facts(text, "agreement")) == {
        ("JVS", ("IT", "NL"), "2026-05"),
        ("ACTION_PLAN", ("IT", "NL"), "2030"),
    }
