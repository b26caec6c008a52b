"""agreement: signed or announced cooperation instruments."""

import pytest


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


def rules(found: list[dict]) -> set[str]:
    return {f["rule"] for f in found}


def test_parties_listed_after_tussen_and_a_treaty_dated_before_its_word(facts):
    text = (
        "Het wetsvoorstel strekt tot goedkeuring van het op 4 mei 2030 te Oslo tot stand gekomen Verdrag tussen "
        "het Koninkrijk der Nederlanden en het Koninkrijk Noorwegen inzake oefenterreinen (Trb. 2030, 77)."
    )
    assert keyset(facts(text, "agreement")) == {("TREATY", ("NL", "NO"), "2030-05-04")}


def test_each_instrument_of_a_long_preamble_reads_its_own_part_of_the_sentence(facts):
    # Cited founding treaties are no new instruments; a treaty whose only country is its subject ("in de
    # Republiek Polen") has no party of its own; one that lists its parties has them.
    text = (
        "Gelet op het Noord-Atlantisch Verdrag van 4 april 1949, het Verdrag van Lissabon van 13 december "
        "2007, het Verdrag inzake de status van strijdkrachten in de Republiek Polen van 1 maart 2001, het "
        "Verdrag tussen het Koninkrijk der Nederlanden en de Republiek Polen inzake oefeningen van 9 juni "
        "2011, en de Gemeenschappelijke Verklaring van 2 mei 2012 van de Minister van Defensie van het "
        "Koninkrijk der Nederlanden,"
    )
    assert keyset(facts(text, "agreement")) == {("TREATY", ("NL", "PL"), "2011-06-09")}


def test_later_definite_mentions_complete_the_first(facts):
    text = (
        "Zoals toegezegd informeer ik u over het verdrag met Denemarken inzake luchtruimbewaking. "
        "Het verdrag is op 2 februari jl. in Kopenhagen getekend door de Deense minister en door mij. "
        "De tekst van het verdrag staat in het Tractatenblad (Trb. 2031, nr. 12). "
        "Het verdrag is van groot belang."
    )
    found = facts(text, "agreement", date="2031-02-20")
    assert keyset(found) == {("TREATY", ("DK", "NL"), "2031-02-02")}


def test_a_definite_mention_with_another_date_is_another_instrument(facts):
    text = (
        "In 2030 ondertekenden Nederland en Finland een MoU over logistiek. "
        "Het MoU Arctic Signals werd getekend in maart 2031."
    )
    assert keyset(facts(text, "agreement")) == {("MoU", ("FI", "NL"), "2030"), ("MoU", ("FI", "NL"), "2031-03")}


def test_a_signed_plan_and_signed_arrangements(facts):
    text = "Gisteren tekenden de Nederlandse minister en haar Finse collega een plan om samen te oefenen."
    found = facts(text, "agreement", date="2031-04-09")
    assert keyset(found) == {("AGREEMENT", ("FI", "NL"), "2031-04-08")}
    assert rules(found) == {"agreement.signed_plan"}
    assert facts("Er is een plan om samen te oefenen met Finland.", "agreement") == []


def test_the_verb_agreed_dates_by_its_own_clause(facts):
    text = (
        "In mei 2029 kwamen de ministers van Nederland, Denemarken en Noorwegen overeen dat zij vanaf "
        "1 januari 2031 samen patrouilleren."
    )
    found = facts(text, "agreement")
    assert keyset(found) == {("AGREEMENT", ("DK", "NL", "NO"), "2029-05")}
    assert rules(found) == {"agreement.agreed"}


@pytest.mark.parametrize(
    "text",
    [
        "De Deense bijdrage komt overeen met twee fregatten.",  # compares
        "Zoals afgesproken in het actieplan oefenen zij samen.",  # cites; the action plan has no party here
        "Waarom gaat Nederland hier mee akkoord?",  # "akkoord" as a verb
        "In het coalitieakkoord met de andere partijen staat dat Noorwegen een partner is.",  # domestic politics
        "Volgens een verklaring van het Deense ministerie verloopt de oefening goed.",  # a statement
    ],
)
def test_not_agreements(facts, text):
    assert facts(text, "agreement") == []


def test_a_signed_declaration_is_a_joint_vision_statement(facts):
    text = "Op 9 oktober zetten de Nederlandse en Deense commandanten hun handtekening onder een verklaring."
    assert keyset(facts(text, "agreement", date="2031-01")) == {("JVS", ("DK", "NL"), "2030-10-09")}


def test_a_news_item_narrating_a_signing_is_dated_with_the_item(facts):
    text = "Minister De Boer en haar Deense collega ondertekenden de afspraken aan boord van een fregat."
    assert keyset(facts(text, "agreement", date="2031-06-12")) == {("AGREEMENT", ("DK", "NL"), "2031-06")}


def test_an_accession_joins_the_agreement_described_next(facts):
    text = (
        "Zo besliste Zweden om mee in te stappen in het patrouilleakkoord. In maart 2029 kwamen de ministers "
        "van Nederland, Denemarken en Noorwegen overeen dat zij samen patrouilleren."
    )
    found = {(f["kind"], tuple(f["parties"]), f["date"], f["rule"]) for f in facts(text, "agreement", date="2031-02")}
    assert found == {
        ("AGREEMENT", ("DK", "NL", "NO", "SE"), "2031-02", "agreement.accession"),
        ("AGREEMENT", ("DK", "NL", "NO"), "2029-03", "agreement.agreed"),
    }


def test_a_letter_naming_no_other_party_gives_the_netherlands_alone(facts):
    text = (
        "Hierbij bied ik u de rapportage aan. In 2020 is het Memorandum of Understanding over de testfase "
        "ondertekend."
    )
    assert keyset(facts(text, "agreement")) == {("MoU", ("NL",), "2020")}


def test_countries_of_another_instrument_are_not_the_partner_of_the_paragraph(facts):
    # The letter speaks for a programme the Netherlands runs: its Letter of Intent, first named without
    # other parties, is the Netherlands'; the next sentence lists the other signatories.
    text = (
        "Hierbij bied ik u de antwoorden aan. Wij hebben in 2029 een Letter of Intent ondertekend. "
        "Kunnen de landen die de Letter of Intent hebben ondertekend (Spanje, Italië en Portugal) nog "
        "aansluiten? Ja, in het Memorandum of Understanding is de procedure voor toetreding beschreven."
    )
    assert keyset(facts(text, "agreement", date="2031")) == {
        ("LOI", ("ES", "IT", "NL", "PT"), "2029"),
        ("MoU", ("NL",), None),
    }


def test_an_amendment_is_an_instrument_of_its_own_and_one_not_yet_signed_is_dated_with_the_letter(facts):
    text = (
        "In 2028 ondertekenden Nederland en Noorwegen een MoU over helikopters. De wijziging van het MoU "
        "voor de toetreding van Denemarken is nog niet ondertekend."
    )
    assert keyset(facts(text, "agreement", date="2031-03-02")) == {
        ("MoU", ("NL", "NO"), "2028"),
        ("MoU", ("DK", "NL", "NO"), "2031-03-02"),
    }


def test_a_negation_denies_only_the_instrument_it_stands_before(facts):
    text = "Van belang is het verdrag dat Frankrijk en Italië in 2029 sloten; er komt geen nieuw verdrag."
    assert keyset(facts(text, "agreement")) == {("TREATY", ("FR", "IT"), "2029")}


def test_a_shared_view_is_no_vision_statement(facts):
    assert facts("Ook hebben Noorwegen en Nederland een gemeenschappelijke visie op onderhoud.", "agreement") == []


def test_a_minister_known_by_name_signs_for_the_country_he_serves(facts):
    # Only the minister's name says whose instrument it is; a partner of the paragraph does not override it.
    text = (
        "De samenwerking met Noorwegen is hecht. Minister Pistorius heeft op 9 mei 2030 een intentieverklaring "
        "getekend om deel te nemen aan een programma voor transportvliegtuigen."
    )
    assert keyset(facts(text, "agreement")) == {("LOI", ("DE",), "2030-05-09")}


def test_an_unqualified_minister_of_defence_is_the_texts_own(facts):
    belgian = (
        "Belgische militairen oefenen in Belgische kazernes. Minister van Defensie Janssens heeft op 2 maart "
        "2030 een intentieverklaring ondertekend over de aankoop van drones."
    )
    assert keyset(facts(belgian, "agreement")) == {("LOI", ("BE",), "2030-03-02")}
    # With a country's adjective the minister is that country's, and the parties come from the text.
    foreign = "De Franse minister van Defensie heeft op 2 maart 2030 met Nederland een MoU ondertekend."
    assert keyset(facts(foreign, "agreement")) == {("MoU", ("FR", "NL"), "2030-03-02")}


@pytest.mark.parametrize(
    "text",
    [
        "verzoekt de regering, met Denemarken een verdrag te sluiten over de bescherming van kabels,",
        "Bent u bereid met Finland een MoU te tekenen over winteroefeningen?",
    ],
)
def test_an_instrument_asked_for_is_not_an_instrument(facts, text):
    assert facts(text, "agreement") == []


def test_a_question_about_a_signing_that_took_place_still_reports_it(facts):
    text = "Klopt het dat Nederland en Zweden op 4 april 2024 een MoU hebben getekend?"
    assert keyset(facts(text, "agreement")) == {("MoU", ("NL", "SE"), "2024-04-04")}


def test_an_intention_to_conclude_is_announced_and_takes_the_documents_date(facts):
    text = "Het kabinet is voornemens dit najaar met Litouwen een overeenkomst te sluiten over luchtverdediging."
    assert keyset(facts(text, "agreement")) == {("AGREEMENT", ("LT", "NL"), "2024-05-15")}


def test_a_bare_weekday_of_a_signing_told_in_the_past_counts_back_from_the_news_items_day(facts):
    # 2030-05-15 is a Wednesday: "maandag" is two days before; a signing still to come gets no weekday date.
    text = "Nederland en Zweden hebben maandag een samenwerkingsovereenkomst getekend over mijnenbestrijding."
    assert keyset(facts(text, "agreement", "2030-05-15")) == {("AGREEMENT", ("NL", "SE"), "2030-05-13")}
    text = "Nederland en Zweden zullen vrijdag een samenwerkingsovereenkomst tekenen over mijnenbestrijding."
    assert keyset(facts(text, "agreement", "2030-05-15")) == {("AGREEMENT", ("NL", "SE"), "2030-05-15")}


def test_the_verb_of_agreeing_takes_its_parties_from_its_own_clause_and_minister(facts):
    text = (
        "Had Lecornu eerder met zijn Spaanse collega samenwerking bij de luchtmacht afgesproken, het plan met "
        "Nederland gaat verder."
    )
    assert keyset(facts(text, "agreement", None)) == {("AGREEMENT", ("ES", "FR"), None)}


def test_a_dutch_memorandum_and_a_date_of_taking_effect(facts):
    # "memorandum van overeenstemming" is an MoU; the day it took effect is not the day it was signed.
    text = "Het memorandum van overeenstemming tussen Nederland en Chili trad op 1 mei 2029 in werking."
    assert keyset(facts(text, "agreement")) == {("MoU", ("CL", "NL"), None)}


def test_joining_an_instrument_dates_it_for_the_one_who_joins(facts):
    text = "Nederland heeft zich in 2028 aangesloten bij het MoU over gezamenlijke munitieopslag."
    assert keyset(facts(text, "agreement")) == {("MoU", ("NL",), "2028")}


def test_in_a_belgian_text_our_country_is_belgium(facts):
    text = (
        "De Belgische marine krijgt nieuwe schepen. Belgische militairen oefenen in België. Ons land "
        "ondertekende op 3 mei 2030 met Frankrijk een akkoord over de opleiding van duikers."
    )
    assert keyset(facts(text, "agreement")) == {("AGREEMENT", ("BE", "FR"), "2030-05-03")}


def test_a_framework_as_the_other_side_with_the_texts_own_country(facts):
    # The conventions: "een MoU over de JEF" gives the framework's id plus NL.
    text = "Nederland heeft op 2 oktober 2029 het MoU over de Joint Expeditionary Force ondertekend."
    assert keyset(facts(text, "agreement")) == {("MoU", ("JEF", "NL"), "2029-10-02")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # passive with the parties after "door"
        (
            "De intentieverklaring werd op 4 maart 2030 ondertekend door Nederland en Noorwegen.",
            ("LOI", ("NL", "NO"), "2030-03-04"),
        ),
        # the subject before the instrument, a perfect tense
        (
            "Nederland en Denemarken hebben op 5 februari 2030 een overeenkomst gesloten over opleidingen.",
            ("AGREEMENT", ("DK", "NL"), "2030-02-05"),
        ),
        # who signs on whose behalf
        (
            "Op 6 maart 2030 tekende de staatssecretaris namens Nederland een Letter of Intent met Zweden.",
            ("LOI", ("NL", "SE"), "2030-03-06"),
        ),
        # an accord reached, the date before the instrument's word; partners as a compound adjective
        (
            "De ministers bereikten op 7 maart 2030 een akkoord over de Duits-Nederlandse luchtverdediging.",
            ("AGREEMENT", ("DE", "NL"), "2030-03-07"),
        ),
        # the Benelux countries as the signatories
        (
            "De Benelux-landen ondertekenden op 8 maart 2030 een verdrag over hun luchtruim.",
            ("TREATY", ("BE", "LU", "NL"), "2030-03-08"),
        ),
        # an abbreviation for a memorandum, a Dutch memorandum
        (
            "Nederland en Estland hebben op 10 maart 2030 een MoU getekend over cyberverdediging.",
            ("MoU", ("EE", "NL"), "2030-03-10"),
        ),
        (
            "Nederland, Denemarken en Canada hebben op 3 mei 2030 een memorandum van overeenstemming getekend.",
            ("MoU", ("CA", "DK", "NL"), "2030-05-03"),
        ),
        # two other countries: the Netherlands is no party
        (
            "De overeenkomst werd op 2 maart 2030 in Brussel gesloten tussen Luxemburg en België.",
            ("AGREEMENT", ("BE", "LU"), "2030-03-02"),
        ),
        # entering into force dates no signing
        (
            "Het memorandum van overeenstemming tussen België en Nederland is op 1 maart 2030 in werking getreden.",
            ("MoU", ("BE", "NL"), None),
        ),
    ],
)
def test_the_ways_letters_and_news_tell_an_agreement(facts, text, expected):
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {expected}


def test_the_countries_after_met_are_the_other_side_of_the_texts_own_country(facts):
    text = "Daarnaast is er een Memorandum of Understanding afgesloten met Denemarken en Noorwegen in 2029."
    assert keyset(facts(text, "agreement")) == {("MoU", ("DK", "NL", "NO"), "2029")}
    # a country before "met" is the first side itself
    text = "Duitsland heeft in 2029 een MoU gesloten met Polen en Tsjechië."
    assert keyset(facts(text, "agreement")) == {("MoU", ("CZ", "DE", "PL"), "2029")}


def test_a_pronoun_in_the_next_sentence_dates_the_signing_less_surely(facts):
    text = (
        "Het verdrag tussen Nederland en Duitsland over elkaars eenheden trad op 1 februari 2030 in werking. "
        "Het was op 20 november 2029 in Berlijn ondertekend."
    )
    found = facts(text, "agreement")
    assert keyset(found) == {("TREATY", ("DE", "NL"), "2029-11-20")}
    assert found[0]["confidence"] < 0.8


def test_no_agreement_reaches_the_top_confidence_band(facts):
    # Kind, parties and date must all be right: on the development corpus agreements are right less often
    # than the 95 % that bulk acceptance asks, so even one with every field in its own sentence stays below.
    text = "Op 6 maart 2030 ondertekenden Nederland en Zweden een Letter of Intent tussen beide landen."
    assert [f["confidence"] for f in facts(text, "agreement")] == [0.85]


def test_agreed_with_an_infinitive_clause(facts):
    text = "Nederland en Luxemburg hebben in mei 2030 afgesproken gezamenlijk een satelliet te gebruiken."
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {("AGREEMENT", ("LU", "NL"), "2030-05")}


def test_an_agreement_signed_last_month(facts):
    text = "Ik heb vorige maand met mijn Duitse collega een akkoord getekend over de tankeenheid."
    assert keyset(facts(text, "agreement", date="2030-06-12")) == {("AGREEMENT", ("DE", "NL"), "2030-05")}


def test_an_organisation_listed_as_a_side_is_a_party(facts):
    text = "Op 4 mei 2030 is een MoU tussen de NAVO en Nederland getekend over de opslag van brandstof."
    assert keyset(facts(text, "agreement")) == {("MoU", ("NATO", "NL"), "2030-05-04")}
    # the Benelux stands for its members, who are the parties
    text = "Op 4 mei 2030 is een verdrag tussen de Benelux-landen getekend over de luchtruimbewaking."
    assert keyset(facts(text, "agreement")) == {("TREATY", ("BE", "LU", "NL"), "2030-05-04")}


@pytest.mark.parametrize(
    "text",
    [
        "In 2029 kwamen de bondgenoten overeen dat zij 3 procent van hun bbp aan defensie zouden besteden.",
        "De norm die de lidstaten in 2029 afspraken, is 3 procent van het bruto binnenlands product.",
        "Nederland heeft met de andere bondgenoten afgesproken 3 procent te besteden.",
        "Op de top spraken de bondgenoten af om uiterlijk in 2035 vijf procent aan defensie uit te geven.",
        "Op de top is afgesproken dat alle lidstaten toewerken naar 3 procent.",
    ],
)
def test_a_norm_for_defence_spending_is_no_instrument(facts, text):
    # The alliance's spending norm is a defence_spending target, not a cooperation instrument.
    assert facts(text, "agreement") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the separable verb in a main clause, in the past and the present
        (
            "Nederland en Zweden spraken in maart 2030 af de opleiding van duikers samen te doen.",
            ("AGREEMENT", ("NL", "SE"), "2030-03"),
        ),
        # reaching agreement, with the date before the verb
        (
            "Op 3 mei 2030 bereikten Finland en Nederland overeenstemming over gezamenlijke opslag.",
            ("AGREEMENT", ("FI", "NL"), "2030-05-03"),
        ),
        (
            "Nederland en Finland hebben in april 2030 overeenstemming bereikt over gezamenlijke opslag.",
            ("AGREEMENT", ("FI", "NL"), "2030-04"),
        ),
        # becoming agreed
        (
            "In februari 2030 werden Noorwegen en Nederland het eens over een gezamenlijke werf.",
            ("AGREEMENT", ("NL", "NO"), "2030-02"),
        ),
    ],
)
def test_the_other_ways_dutch_says_they_agreed(facts, text, expected):
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "De ministers van Zweden en Nederland spraken over de wens de studie in 2030 af te ronden.",  # "af te ronden"
        "Zweden en Nederland zijn het eens over het belang van oefenen.",  # agreeing in opinion
        "Dit is in overeenstemming met de wens van Zweden.",  # in accordance with
    ],
)
def test_not_an_agreement_of_the_verb(facts, text):
    assert facts(text, "agreement") == []


def test_what_they_agreed_in_a_named_instrument_is_that_instrument(facts):
    text = "In de intentieverklaring van 2029 spraken Nederland en Zweden af vaker samen te oefenen."
    assert keyset(facts(text, "agreement")) == {("LOI", ("NL", "SE"), "2029")}


def test_the_date_of_a_letter_referred_to_dates_no_signing(facts):
    text = (
        "In mijn brief van 4 februari 2030 (Kamerstuk 12 345, nr. 6) meldde ik u dat Nederland en Zweden een "
        "intentieverklaring hebben getekend."
    )
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {("LOI", ("NL", "SE"), None)}


def test_a_joint_declaration_of_intent_is_a_declaration_of_intent(facts):
    text = "Nederland en Zweden hebben op 14 mei 2030 een Joint Declaration of Intent ondertekend."
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {("DOI", ("NL", "SE"), "2030-05-14")}


def test_a_foreign_subject_with_the_other_side_after_met(facts):
    # The subject before the instrument is its first side, not the text's own country.
    assert keyset(facts("De Verenigde Staten stappen uit het verdrag met Rusland.", "agreement")) == {
        ("TREATY", ("RU", "US"), None)
    }
    text = "Na overleg met Duitsland heeft Frankrijk een MoU met Polen gesloten."
    assert keyset(facts(text, "agreement", date=None)) == {("MoU", ("FR", "PL"), None)}


def test_an_instrument_under_negotiation_is_in_preparation(facts):
    text = "Nederland onderhandelt met Zweden over een nieuw verdrag."
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {("TREATY", ("NL", "SE"), "2030-06-01")}


def test_the_day_an_instrument_runs_out_dates_no_signing(facts):
    text = "Het MoU met Zweden loopt in 2035 af."
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {("MoU", ("NL", "SE"), None)}


def test_a_technical_arrangement_in_dutch(facts):
    text = "Nederland en Zweden ondertekenden op 2 april 2030 een technische regeling over het gebruik van havens."
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {("AGREEMENT", ("NL", "SE"), "2030-04-02")}


def test_signed_earlier_this_month(facts):
    text = "Nederland en Zweden ondertekenden eerder deze maand een MoU over de opleiding van duikers."
    assert keyset(facts(text, "agreement", date="2030-06-20")) == {("MoU", ("NL", "SE"), "2030-06")}


@pytest.mark.parametrize(
    "text",
    [
        "Het streven is om de overeenkomst met Zweden in 2031 te ondertekenen.",
        "Nederland en Zweden gaan in 2031 een overeenkomst sluiten over havens.",
        "Nederland en Zweden gaan een overeenkomst sluiten over havens.",
    ],
)
def test_a_signing_planned_for_later_is_announced_now(facts, text):
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {("AGREEMENT", ("NL", "SE"), "2030-06-01")}


def test_a_paper_of_the_dutch_parliament_speaks_for_the_netherlands(facts):
    # A short letter to the Staten-Generaal may name the Belgian colleague and never the Netherlands.
    text = (
        "Brief voor de Staten-Generaal, Tweede Kamer, ter attentie van haar voorzitter. Op 2 mei 2030 sprak ik "
        "met de Belgische collega over het trainen van duikers. Minister van Defensie Janssen tekende daarna een "
        "intentieverklaring over duikers."
    )
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {("LOI", ("BE", "NL"), "2030-06")}


def test_the_languages_of_a_treaty_are_no_parties(facts):
    text = (
        "Op 6 april 2030 sloten Nederland en Zweden een verdrag over havens. Het verdrag is opgesteld in de "
        "Nederlandse, de Zweedse en de Engelse taal."
    )
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {("TREATY", ("NL", "SE"), "2030-04-06")}


def test_a_signing_told_as_earlier_is_not_the_news_of_the_day(facts):
    text = "Eerder tekenden Nederland en Zweden al een overeenkomst over de opleiding van duikers."
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {("AGREEMENT", ("NL", "SE"), None)}


def test_an_instrument_under_discussion_is_in_preparation(facts):
    text = "Met Zweden wordt nu gesproken over een vergelijkbare overeenkomst."
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {("AGREEMENT", ("NL", "SE"), "2030-06-01")}


def test_laid_down_in_an_instrument_dates_it_but_a_cited_frame_stays_a_frame(facts):
    text = "De samenwerking met Zweden werd in 2029 vastgelegd in een akkoord."
    assert keyset(facts(text, "agreement", date="2030-06-01")) == {("AGREEMENT", ("NL", "SE"), "2029")}
    text = "Het recht op zelfverdediging, zoals vastgelegd in artikel 5 van het NAVO-verdrag, geldt ook voor Zweden."
    assert facts(text, "agreement", date="2030-06-01") == []


def test_both_countries_are_the_two_named_before(facts):
    text = "Zweden en Finland breiden hun samenwerking uit. De ministers van beide landen tekenden gisteren een MoU."
    assert keyset(facts(text, "agreement", date="2030-06-12")) == {("MoU", ("FI", "SE"), "2030-06-11")}
    text = "De samenwerking met Zweden groeit. De ministers van beide landen tekenden gisteren een MoU."
    assert keyset(facts(text, "agreement", date="2030-06-12")) == {("MoU", ("NL", "SE"), "2030-06-11")}


@pytest.mark.parametrize(
    "text",
    [
        "Het kabinet heeft zijn akkoord gegeven aan de Zweedse deelname aan de oefening.",
        "Na akkoord van de Kamer kan Zweden deelnemen aan het project.",
        "Met akkoord van Zweden wordt het schip in Den Helder onderhouden.",
        "Zweden heeft akkoord gegeven voor de gezamenlijke opleiding.",
        "De regering van Zweden verleende haar akkoord aan de oefening.",
        "De Voorzitter: Dan is dat akkoord, met instemming van de Zweedse delegatie.",
    ],
)
def test_akkoord_as_consent_is_no_instrument(facts, text):
    assert facts(text, "agreement") == []


def test_an_accord_with_its_article_still_gives(facts):
    text = "Het akkoord met Zweden geeft de marine meer ruimte; het werd in 2029 gesloten."
    assert keyset(facts(text, "agreement")) == {("AGREEMENT", ("NL", "SE"), "2029")}


@pytest.mark.parametrize(
    "text",
    [
        "Er is veel overeenkomst tussen de Nederlandse en de Zweedse aanpak.",
        "De overeenkomsten en verschillen tussen de Nederlandse en Zweedse marine zijn klein.",
        "De Zweedse aanpak vertoont duidelijke overeenkomsten met de Nederlandse.",
    ],
)
def test_overeenkomst_as_likeness_is_no_instrument(facts, text):
    assert facts(text, "agreement") == []


# The same instrument written in other ways: the rule is the language's, not one text's.


def test_an_enumeration_of_three_sides_after_tussen_or_met(facts):
    text = "Het MoU tussen Nederland, Estland en Letland over gedeelde radars werd in mei 2031 ondertekend."
    assert keyset(facts(text, "agreement")) == {("MoU", ("EE", "LV", "NL"), "2031-05")}
    text = "Nederland heeft met Estland, Letland en Litouwen een verdrag gesloten over gedeelde radars."
    assert [f["parties"] for f in facts(text, "agreement")] == [["EE", "LT", "LV", "NL"]]
    # A comma followed by something else than a country ends the list of sides.
    text = "Het verdrag met Estland, dat in 2030 werd gesloten, regelt de gedeelde radars."
    assert keyset(facts(text, "agreement")) == {("TREATY", ("EE", "NL"), "2030")}


def test_a_signing_told_by_a_participle_before_the_noun(facts):
    text = "De op 9 maart 2031 door Nederland en Estland getekende intentieverklaring regelt de radars."
    assert keyset(facts(text, "agreement")) == {("LOI", ("EE", "NL"), "2031-03-09")}


@pytest.mark.parametrize(
    "text",
    [
        "Nederland en Estland hebben de intentie uitgesproken een verdrag te sluiten over gedeelde radars.",
        "Nederland tekent volgende maand een intentieverklaring met Estland over gedeelde radars.",
        "Binnenkort ondertekenen Nederland en Estland een MoU over gedeelde radars.",
    ],
)
def test_an_instrument_still_to_be_concluded_is_announced_with_the_document(facts, text):
    found = facts(text, "agreement", "2031-06-20")
    assert [(f["parties"], f["date"]) for f in found] == [(["EE", "NL"], "2031-06-20")]


def test_an_organisation_named_as_the_other_side_before_the_instrument(facts):
    text = "Nederland heeft op 9 maart 2031 met de NAVO een MoU gesloten over gedeelde radars."
    assert keyset(facts(text, "agreement")) == {("MoU", ("NATO", "NL"), "2031-03-09")}
    text = "Met het EDA is in 2031 een overeenkomst gesloten over gedeelde radars."
    assert keyset(facts(text, "agreement")) == {("AGREEMENT", ("EDA", "NL"), "2031")}


def test_a_signing_told_in_the_past_lies_before_the_text(facts):
    # A June item: "op 12 juli" told in the past is last July, not the July still to come.
    text = "Op 12 juli tekenden de ministers van Nederland en Estland een verklaring over gedeelde radars."
    assert keyset(facts(text, "agreement", "2031-06-20")) == {("JVS", ("EE", "NL"), "2030-07-12")}
    text = "Nederland en Estland hebben in oktober een MoU gesloten over gedeelde radars."
    assert keyset(facts(text, "agreement", "2031-06-20")) == {("MoU", ("EE", "NL"), "2030-10")}
    # A day already past this year stays in this year.
    text = "Op 3 mei tekenden Nederland en Estland een MoU over gedeelde radars."
    assert keyset(facts(text, "agreement", "2031-06-20")) == {("MoU", ("EE", "NL"), "2031-05-03")}


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "De minister heeft vorige week met haar Finse collega een intentieverklaring getekend.",
            "2031-06-10",
            ("LOI", ("FI", "NL"), "2031-06"),
        ),
        # the week before a day early in the month lies in the month before
        (
            "Nederland en Ierland hebben afgelopen week een Memorandum of Understanding getekend.",
            "2031-06-03",
            ("MoU", ("IE", "NL"), "2031-05"),
        ),
        (
            "Deze week is in Praag een intentieverklaring getekend door Nederland en Tsjechië.",
            "2031-06-10",
            ("LOI", ("CZ", "NL"), "2031-06"),
        ),
    ],
)
def test_a_signing_told_by_its_week_is_dated_with_the_weeks_month(facts, text, date, expected):
    assert keyset(facts(text, "agreement", date=date)) == {expected}


def test_a_week_to_come_is_no_signing_date(facts):
    text = "Nederland en Tsjechië zullen deze week een intentieverklaring ondertekenen."
    assert keyset(facts(text, "agreement", date="2031-06-10")) == {("LOI", ("CZ", "NL"), "2031-06-10")}


def test_the_years_an_agreement_covers_date_no_signing(facts):
    text = "Nederland en Slovenië zijn een samenwerkingsovereenkomst aangegaan voor de periode 2031-2035."
    assert keyset(facts(text, "agreement", date="2031-06-10")) == {("AGREEMENT", ("NL", "SI"), None)}


@pytest.mark.parametrize(
    "text",
    [
        # named in the sentence after
        "De drie landen ondertekenden in maart 2031 een Declaration of Intent over een gezamenlijk commando. "
        "Het gaat om Nederland, Denemarken en Litouwen.",
        # named in the sentence before
        "Nederland, Denemarken en Litouwen werken al jaren samen. De drie landen ondertekenden in maart 2031 een "
        "Declaration of Intent over een gezamenlijk commando.",
    ],
)
def test_three_countries_counted_are_those_a_neighbouring_sentence_names(facts, text):
    assert keyset(facts(text, "agreement", date="2031-06-10")) == {("DOI", ("DK", "LT", "NL"), "2031-03")}


def test_a_neighbouring_sentence_naming_another_number_of_countries_is_not_the_group(facts):
    text = (
        "De drie landen ondertekenden in maart 2031 een Declaration of Intent over een gezamenlijk commando. "
        "Ook Spanje en Italië waren aanwezig."
    )
    assert all(f["parties"] != ["ES", "IT", "NL"] for f in facts(text, "agreement", date="2031-06-10"))


@pytest.mark.parametrize(
    "second",
    ["De ondertekening vond plaats op 4 mei in Stockholm.", "Dat gebeurde op 4 mei in Stockholm."],
)
def test_a_signing_told_as_an_event_in_the_next_sentence_dates_it(facts, second):
    text = "Nederland en Zweden hebben een Memorandum of Understanding gesloten over onderzeeboten. " + second
    assert keyset(facts(text, "agreement", date="2031-06-10")) == {("MoU", ("NL", "SE"), "2031-05-04")}


@pytest.mark.parametrize(
    "text",
    [
        # a decision of an alliance, with no one named as signing
        "Binnen de NAVO is afgesproken dat de bondgenoten hun paraatheid verhogen.",
        # an appointment to meet again
        "Ik heb met mijn Duitse collega afgesproken elkaar volgend jaar weer te spreken.",
        # contracts with firms, not instruments between states
        "Nederland heeft een overeenkomst met Lockheed Martin gesloten voor extra onderdelen.",
        "Defensie heeft een raamovereenkomst met de Duitse firma Rheinmetall getekend voor munitie.",
    ],
)
def test_not_instruments_of_cooperation_between_states(facts, text):
    assert facts(text, "agreement") == []


def test_an_organisation_or_a_country_after_met_is_still_the_other_side(facts):
    text = "Nederland heeft met de NAVO een Memorandum of Understanding gesloten. Ook is een MoU met Peru getekend."
    assert {tuple(f["parties"]) for f in facts(text, "agreement")} == {("NATO", "NL"), ("NL", "PE")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Op 2 juni ondertekenden Nederland en Japan een samenwerkingsverklaring op defensiegebied.",
            ("JVS", ("JP", "NL"), "2031-06-02"),
        ),
        (
            "De ministers van Nederland en Polen tekenden op 8 mei een partnerschapsverklaring.",
            ("JVS", ("NL", "PL"), "2031-05-08"),
        ),
        # a statement of intent is a letter of intent, joint or not
        (
            "Nederland en Estland ondertekenden op 3 mei een Joint Statement of Intent over cyberoefeningen.",
            ("LOI", ("EE", "NL"), "2031-05-03"),
        ),
    ],
)
def test_signed_declarations_named_by_a_compound_and_a_joint_statement_of_intent(facts, text, expected):
    assert keyset(facts(text, "agreement", date="2031-06-10")) == {expected}


def test_a_declaration_nobody_signs_is_a_statement(facts):
    text = "In hun samenwerkingsverklaring benadrukken Nederland en Japan het belang van vrije zeeroutes."
    assert facts(text, "agreement", date="2031-06-10") == []


def test_a_news_item_telling_a_signing_in_the_perfect_is_dated_with_the_item(facts):
    text = "Nederland en Estland hebben een intentieverklaring getekend over logistieke samenwerking."
    assert keyset(facts(text, "agreement", date="2031-06-10")) == {("LOI", ("EE", "NL"), "2031-06")}


@pytest.mark.parametrize(
    "text",
    [
        # a letter in the government's voice tells what may lie long before
        "Hierbij informeer ik uw Kamer over de samenwerking met Griekenland. Nederland heeft met Griekenland een "
        "Memorandum of Understanding getekend over opleidingen.",
        # told as earlier than the news
        "Nederland en Estland hebben eerder al een intentieverklaring getekend.",
    ],
)
def test_a_signing_in_the_perfect_in_a_letter_or_told_as_earlier_stays_undated(facts, text):
    assert [f["date"] for f in facts(text, "agreement", date="2031-06-10")] == [None]
