"""commitment: promises to Parliament and requests by members."""


import pytest


def keyset(found: list[dict]) -> set[tuple]:
    return {(f["member"], f["date"]) for f in found}


def rules(found: list[dict]) -> set[str]:
    return {f["rule"] for f in found}


def test_request_by_a_named_member(facts):
    text = (
        "Tijdens het commissiedebat van maart 2030 heb ik toegezegd, op verzoek van het lid Van der Berg, "
        "te rapporteren."
    )
    assert keyset(facts(text, "commitment")) == {("Van der Berg", "2030-03")}


def test_several_members_and_one_fact_each(facts):
    # The request was made before the letter, on a day the text does not give: no date (the letter's
    # own date would be a guess).
    text = (
        "Op verzoek van de leden Jansen en De Wit zal ik ingaan op de oefeningen. "
        "Later zal ik ook de vragen van het lid Jansen beantwoorden."
    )
    assert keyset(facts(text, "commitment")) == {("Jansen", None), ("De Wit", None)}


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


MOTION = """36 010 Initiatiefnota van het lid Van Dam over marinesamenwerking

Nr. 9 MOTIE VAN HET LID TER HORST C.S.

Voorgesteld 4 maart 2031

De Kamer,

gehoord de beraadslaging,

overwegende dat de marines van Nederland en Denemarken al jaren samen oefenen;

verzoekt de regering, de mogelijkheden voor gezamenlijk onderhoud te onderzoeken,

en gaat over tot de orde van de dag.

Ter Horst

Van Dam

Kok
"""


def test_a_motion_is_a_request_by_its_first_signatory_on_the_day_it_was_moved(facts):
    found = facts(MOTION, "commitment", date="2031-03-04")
    # Not the author of the initiative note in the dossier title, nor the co-signatories.
    assert keyset(found) == {("Ter Horst", "2031-03-04")}
    assert rules(found) == {"commitment.motion"}
    assert found[0]["confidence"] >= 0.9


def test_a_motion_without_a_name_under_it_takes_the_name_in_its_title(facts):
    text = MOTION.split("Ter Horst\n")[0]
    assert keyset(facts(text, "commitment", date="2031-03-04")) == {("Ter Horst", "2031-03-04")}


def test_a_motion_that_asks_nothing_is_no_request(facts):
    text = MOTION.replace("verzoekt de regering, de mogelijkheden", "spreekt uit dat de mogelijkheden")
    assert facts(text, "commitment", date="2031-03-04") == []


def test_written_questions_give_one_fact_per_asking_member(facts):
    text = (
        "Vragen van de leden Kok en Van Dijk (beiden SP) aan de Minister van Defensie over de oefening in "
        "Noorwegen (ingezonden 2 februari 2031).\n\nVraag 1\n\nKent u het bericht over de oefening?\n"
    )
    found = facts(text, "commitment", date="2031-02-02")
    assert keyset(found) == {("Kok", "2031-02-02"), ("Van Dijk", "2031-02-02")}


def test_motions_a_letter_answers_one_fact_per_first_submitter(facts):
    text = (
        "Deze brief gaat ook in op de moties Kok (Kamerstuk 36 001, nr. 4), Van Dijk (Kamerstuk 36 001, "
        "nr. 7) en Ter Horst/Kok (Kamerstuk 36 001, nr. 9) en op de motie-De Graaf."
    )
    found = facts(text, "commitment")
    assert keyset(found) == {("Kok", None), ("Van Dijk", None), ("Ter Horst", None), ("De Graaf", None)}
    assert rules(found) == {"commitment.cited_motion"}


def test_the_motion_of_the_kamer_names_no_member(facts):
    assert facts("Dit volgt uit de motie van de Kamer over oefeningen.", "commitment") == []


def test_an_initiative_note_by_a_member_is_no_request(facts):
    assert facts("Ik reageer op de initiatiefnota van het lid Van Dam over de marine.", "commitment") == []


def test_a_promise_next_to_a_cited_motion_is_a_promise_of_its_own(facts):
    text = "De regering is voornemens de Kamer spoedig nader te informeren, mede gelet op de motie Kok."
    assert keyset(facts(text, "commitment")) == {(None, "2024-05-15"), ("Kok", None)}


def test_a_pledge_is_dated_by_the_debate_it_was_made_in(facts):
    text = (
        "Den Haag, 2 april 2031\n\nZoals toegezegd tijdens het commissiedebat van 12 maart jl. over de "
        "marine, informeer ik u hierbij over de oefening."
    )
    found = facts(text, "commitment", date="2031-04-02")
    assert keyset(found) == {(None, "2031-03-12")}
    assert rules(found) == {"commitment.pledge"}


@pytest.mark.parametrize(
    "text",
    [
        "Gelijktijdig met de begroting kan de Kamer een brief tegemoet zien waarin wij de plannen toelichten.",
        "Mede op verzoek van de Tweede Kamer zullen wij in die brief de kosten schetsen.",
        "Voor de zomer zal ik u informeren over de uitkomst.",
    ],
)
def test_promises_to_inform_parliament_are_dated_with_the_letter(facts, text):
    assert keyset(facts(text, "commitment")) == {(None, "2024-05-15")}


def test_an_elaboration_of_a_promise_is_part_of_it(facts):
    text = (
        "Op verzoek van de Kamer zullen wij een overzicht geven van de projecten. "
        "Wij zullen daarbij ook ingaan op de samenhang tussen de projecten."
    )
    assert len(facts(text, "commitment")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "We zullen extra stappen moeten zetten om de norm te halen.",  # an obligation, no promise to the Kamer
        "Zal de minister de Kamer daarover informeren?",  # a question asks, it promises nothing
        "De toezeggingen uit het debat zijn in deze brief verwerkt.",
    ],
)
def test_not_commitments(facts, text):
    assert facts(text, "commitment") == []


def test_a_committee_request_dated_by_the_sending_in_the_next_sentence_names(facts):
    text = (
        "Hierbij bied ik u de antwoorden aan op de vragen gesteld door de vaste commissie voor Defensie over "
        "de oefening. Deze vragen werden ingezonden op 3 maart 2031. Antwoorden op vragen van de vaste "
        "commissie voor Defensie over de oefening."
    )
    found = facts(text, "commitment", date="2031-04-01")
    assert keyset(found) == {(None, "2031-03-03")}
    assert rules(found) == {"commitment.kamer_request"}


@pytest.mark.parametrize(
    "text",
    [
        "De minister zal de Kamer voor de zomer informeren over de oefening.",
        "De staatssecretaris zegt toe de Kamer over de uitkomst te berichten.",
        "Ik informeer de Kamer voor het zomerreces over de stand van zaken.",
        "De Kamer wordt voor de zomer geïnformeerd over de evaluatie.",
        "Na de zomer ontvangt u een brief over de evaluatie.",
    ],
)
def test_more_ways_of_promising_to_inform_parliament(facts, text):
    assert keyset(facts(text, "commitment")) == {(None, "2024-05-15")}


def test_present_tense_without_a_future_time_is_no_promise(facts):
    assert facts("Hierbij informeer ik u over de oefening in Noorwegen.", "commitment") == []


def test_members_with_their_party_between_the_names(facts):
    text = (
        "Vragen van de leden Kok (SP) en Van Dijk (GL) aan de Minister van Defensie over de marine "
        "(ingezonden 9 mei 2031)."
    )
    assert keyset(facts(text, "commitment", date="2031-05-09")) == {("Kok", "2031-05-09"), ("Van Dijk", "2031-05-09")}


def test_an_own_toezegging_without_its_debates_date_is_dated_with_the_letter(facts):
    text = "Met deze brief doe ik mijn toezegging gestand."
    assert keyset(facts(text, "commitment")) == {(None, "2024-05-15")}
    # Pledges of forces to an alliance are no promise to Parliament.
    assert facts("Dit gaat niet ten koste van bestaande toezeggingen aan de NAVO.", "commitment") == []


def test_one_motion_of_two_members_is_its_first_submitters(facts):
    text = "Met deze brief geef ik uitvoering aan de motie van de leden Kok en Van Dijk over oefeningen."
    assert keyset(facts(text, "commitment")) == {("Kok", None)}


def test_a_committee_request_dated_by_the_day_it_names(facts):
    text = "In deze brief ga ik in op het verzoek van de vaste commissie voor Defensie van 3 mei jl. over de marine."
    assert keyset(facts(text, "commitment", date="2031-05-20")) == {(None, "2031-05-03")}


def test_a_motion_in_the_record_of_a_debate_is_the_first_proposers(facts):
    # The Handelingen name the signatories after the motion's body; that sentence is part of the motion.
    text = (
        "Mevrouw Smit (GL):\nIk dien daarom de volgende motie in.\n\nMotie\n\nDe Kamer,\n\ngehoord de "
        "beraadslaging,\n\nverzoekt de regering, jaarlijks te rapporteren over de kosten van de missie,\n\nen gaat "
        "over tot de orde van de dag.\n\nDe voorzitter:\nDeze motie is voorgesteld door de leden Smit en "
        "Dekker.\n\nZij krijgt nr. 12 (36 100-X).\n"
    )
    found = facts(text, "commitment", "2030-11-12")
    assert keyset(found) == {("Smit", "2030-11-12")} and rules(found) == {"commitment.motion"}


@pytest.mark.parametrize(
    "text",
    [
        "Ik zeg de Kamer toe dat ik voor het kerstreces een brief stuur over de munitievoorraden.",
        "De staatssecretaris zegde toe de Kamer na de zomer te informeren over de werving.",
    ],
)
def test_a_toezegging_in_a_debate_is_a_promise_dated_with_the_record(facts, text):
    assert keyset(facts(text, "commitment", "2030-06-04")) == {(None, "2030-06-04")}


def test_members_asking_in_the_past_are_dated_by_the_day_the_text_gives(facts):
    text = "De Kamerleden Postma (NSC) en El Abassi (DENK) stelden gisteren vragen over de kazernes."
    assert keyset(facts(text, "commitment", "2030-02-20")) == {
        ("Postma", "2030-02-19"), ("El Abassi", "2030-02-19")
    }


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("Het lid Pechtold vroeg naar de kosten van de luchtverdediging.", {"Pechtold"}),
        ("Mevrouw Karabulut (SP) vraagt de minister om een lijst van de oefeningen.", {"Karabulut"}),
        ("De heer Omtzigt verzocht om een toelichting op de planning.", {"Omtzigt"}),
        ("Op vragen van de leden Kees van der Staaij en Bisschop antwoord ik.", {"van der Staaij", "Bisschop"}),
    ],
)
def test_members_asking_in_a_debate_or_its_report(facts, text, members):
    assert {f["member"] for f in facts(text, "commitment")} == members


def test_a_speakers_line_asks_nothing(facts):
    assert facts("De heer Sjoerdsma (D66):\nVoorzitter, dank u wel.", "commitment") == []


def test_a_motion_headed_as_the_handelingen_do_is_the_first_named_members(facts):
    text = (
        "Motie van de leden Stoffer en Kuzu over de kustwacht\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\n"
        "verzoekt de regering, de kustwacht uit te breiden,\n\nen gaat over tot de orde van de dag.\n\n"
        "Zij krijgt nr. 7 (36200-X).\n"
    )
    found = facts(text, "commitment", "2031-11-20")
    assert keyset(found) == {("Stoffer", "2031-11-20")} and rules(found) == {"commitment.motion"}


# The same request or promise written in other ways: the rule is the language's, not one letter's.


def test_a_party_in_brackets_is_no_member_however_it_is_spelled(facts):
    text = "Het lid Kramer (GroenLinks) en Kamerlid Bos (PvdA) hebben gevraagd naar de onderhoudskosten."
    assert {f["member"] for f in facts(text, "commitment")} == {"Kramer", "Bos"}


def test_lower_case_van_after_motie_is_the_preposition(facts):
    text = "De regering geeft uitvoering aan de motie van Kramer over het gedeelde onderhoud van de tankers."
    assert keyset(facts(text, "commitment")) == {("Kramer", None)}
    # A particle opening the surname is capitalised when no first name precedes it.
    text = "De regering geeft uitvoering aan de motie van Van Houten over het gedeelde onderhoud."
    assert keyset(facts(text, "commitment")) == {("Van Houten", None)}


def test_a_cited_motion_dated_by_its_own_phrase(facts):
    text = "Deze brief gaat in op de motie-Kramer van 9 april jl. over het gedeelde onderhoud van de tankers."
    assert keyset(facts(text, "commitment", "2031-06-01")) == {("Kramer", "2031-04-09")}
    text = "Ik kom terug op de motie van het lid Kramer (Kamerstuk 40 100, nr. 7) van 9 april 2031."
    assert keyset(facts(text, "commitment", "2031-06-01")) == {("Kramer", "2031-04-09")}


def test_a_request_told_in_the_perfect_tense_is_dated_by_its_day(facts):
    text = "Het lid Kramer heeft op 9 april 2031 een motie ingediend die vraagt om gedeeld onderhoud van de tankers."
    assert keyset(facts(text, "commitment", "2031-06-01")) == {("Kramer", "2031-04-09")}
    text = "Op 9 april 2031 hebben de leden Kramer en Bos schriftelijke vragen gesteld over de tankers."
    assert keyset(facts(text, "commitment", "2031-06-01")) == {("Kramer", "2031-04-09"), ("Bos", "2031-04-09")}


def test_the_committee_asking_is_a_request_of_the_kamer(facts):
    text = "De vaste commissie voor Defensie heeft mij gevraagd om een reactie op het rapport over de tankers."
    assert keyset(facts(text, "commitment")) == {(None, None)}
    text = "De commissie verzoekt om een overzicht van de gedeelde tankers."
    assert keyset(facts(text, "commitment")) == {(None, None)}
    # The European Commission is no committee of the Kamer.
    assert facts("De Europese Commissie heeft verzocht om een overzicht van de tankers.", "commitment") == []


@pytest.mark.parametrize(
    "text",
    [
        "De minister heeft de Kamer toegezegd voor de zomer een brief over de tankers te sturen.",
        "Het kabinet beloofde de Tweede Kamer een overzicht van de gedeelde tankers.",
        "Staatssecretaris Kramer heeft beloofd de Kamer in het najaar te informeren over de tankers.",
    ],
)
def test_a_promise_reported_in_the_third_person(facts, text):
    found = facts(text, "commitment", "2031-06-01")
    assert keyset(found) == {(None, "2031-06-01")}
    assert rules(found) == {"commitment.promise"}


def test_a_pledge_to_another_country_is_no_promise_to_parliament(facts):
    assert facts("Het kabinet heeft Oekraïne extra luchtverdediging toegezegd.", "commitment") == []
    assert facts("De minister belooft de bemanningen betere huisvesting.", "commitment") == []


def test_news_dates_a_request_by_a_bare_weekday(facts):
    # Friday 13 June 2031: "dinsdag" is the Tuesday of that week.
    text = "CDA-Kamerlid Kramer diende dinsdag een motie in die de regering oproept de tankers te behouden."
    assert keyset(facts(text, "commitment", "2031-06-13")) == {("Kramer", "2031-06-10")}
    # Without the item's day the weekday cannot be placed.
    assert keyset(facts(text, "commitment", "2031-06")) == {("Kramer", None)}


def test_news_names_a_member_by_the_party_in_brackets(facts):
    text = "Kramer (SGP) vroeg de minister tijdens het debat om opheldering over de tankers."
    assert keyset(facts(text, "commitment")) == {("Kramer", None)}
    # A minister asking the Kamer is no member's request.
    assert facts("Bos (VVD) vroeg de Kamer om steun voor de tankers.", "commitment") == []


def test_toezeggingen_in_the_plural(facts):
    text = "Tijdens het notaoverleg van 9 april 2031 heb ik twee toezeggingen gedaan over de tankers."
    assert keyset(facts(text, "commitment", "2031-06-01")) == {(None, "2031-04-09")}


def test_a_list_announced_as_toezeggingen_gives_one_commitment_per_item(facts):
    text = (
        "Tijdens het notaoverleg van 9 april 2031 heb ik de volgende toezeggingen gedaan:\n"
        "- de Kamer ontvangt voor de zomer een brief over de tankers;\n"
        "- ik stuur een overzicht van het gedeelde onderhoud;\n"
        "- de evaluatie van de tankers gaat na afloop naar de Kamer.\n"
        "Verder is gesproken over de begroting.\n"
    )
    found = facts(text, "commitment", "2031-06-01")
    assert [f["date"] for f in found] == ["2031-04-09"] * 3
    assert [f["subject"][:12] for f in found] == ["de Kamer ont", "ik stuur een", "de evaluatie"]


def test_a_numbered_list_of_toezeggingen(facts):
    text = (
        "In het notaoverleg van 9 april 2031 is toegezegd:\n"
        "1. een brief over de tankers voor de zomer;\n"
        "2. een overzicht van het gedeelde onderhoud.\n"
    )
    assert [f["date"] for f in facts(text, "commitment", "2031-06-01")] == ["2031-04-09", "2031-04-09"]


def test_a_motion_whose_signatories_lost_their_line_breaks(facts):
    body = (
        "De Kamer, gehoord de beraadslaging, constaterende dat de tankers verouderen; verzoekt de regering, "
        "het onderhoud met de partners te delen, en gaat over tot de orde van de dag."
    )
    assert keyset(facts(body + " Kramer Van der Bos", "commitment", "2031-06-01")) == {("Kramer", "2031-06-01")}
    # A date of moving under the names dates the motion.
    found = facts(body + " Van der Bos Kramer Voorgesteld 9 april 2031", "commitment", "2031-06-01")
    assert keyset(found) == {("Van der Bos", "2031-04-09")}
    # A sentence after the motion is no list of names.
    assert keyset(facts(body + " De motie werd aangenomen.", "commitment", "2031-06-01")) == {(None, "2031-06-01")}


def test_a_debate_or_request_told_as_past_lies_before_the_letter(facts):
    # A June letter: "12 juli" told as past is last July.
    text = "Tijdens het notaoverleg van 12 juli heb ik toegezegd de Kamer te informeren over de tankers."
    assert keyset(facts(text, "commitment", "2031-06-20")) == {(None, "2030-07-12")}
    text = "Het lid Kramer vroeg op 12 juli naar het onderhoud van de tankers."
    assert keyset(facts(text, "commitment", "2031-06-20")) == {("Kramer", "2030-07-12")}
    # A debate still to come ("a.s.") stays ahead, and a day already past this year stays in this year.
    text = "Tijdens het notaoverleg van 12 juli a.s. zal ik de Kamer informeren over de tankers."
    assert keyset(facts(text, "commitment", "2031-06-20")) == {(None, "2031-07-12")}
    text = "Tijdens het notaoverleg van 12 mei heb ik toegezegd de Kamer te informeren over de tankers."
    assert keyset(facts(text, "commitment", "2031-06-20")) == {(None, "2031-05-12")}


@pytest.mark.parametrize(
    "text",
    [
        "Voor de zomer stuur ik u een brief over de gedeelde tankers.",
        "Ik houd uw Kamer op de hoogte van het gedeelde onderhoud van de tankers.",
        "De Kamer ontvangt de evaluatie van de tankers voor het einde van het jaar.",
    ],
)
def test_more_ways_of_promising_to_inform_the_kamer(facts, text):
    found = facts(text, "commitment", "2031-06-01")
    assert keyset(found) == {(None, "2031-06-01")}
    assert rules(found) == {"commitment.promise"}


def test_an_expectation_to_inform_is_no_promise(facts):
    text = "Ik verwacht de Kamer voor de zomer te kunnen informeren over de tankers."
    assert facts(text, "commitment") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb de Kamer toegezegd haar jaarlijks te rapporteren over internationale samenwerking.",
        "Wij hebben uw Kamer eerder toegezegd een overzicht te sturen van alle samenwerkingsprojecten.",
    ],
)
def test_the_governments_own_pledge_told_with_its_subject_first(facts, text):
    found = facts(text, "commitment", date="2031-06-10")
    assert keyset(found) == {(None, "2031-06-10")}
    assert rules(found) == {"commitment.pledge"}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("De vaste commissie voor Defensie heeft op 3 mei gevraagd om een reactie op het rapport.", "2031-05-03"),
        ("De Kamer heeft tijdens het debat gevraagd om een overzicht van de kosten.", None),
    ],
)
def test_a_request_of_the_committee_or_the_kamer_with_words_between_its_verb(facts, text, date):
    found = facts(text, "commitment", date="2031-06-10")
    assert keyset(found) == {(None, date)}
    assert rules(found) == {"commitment.kamer_request"}
