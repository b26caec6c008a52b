"""initiative: named cooperation programmes and projects."""

import pytest


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


def test_a_programme_of_the_lists_with_the_members_it_has(facts):
    # Two members, both known: the partners follow the lists where the sentence names neither.
    text = "Duitsland en Nederland werken nauw samen. Over de geplande Tiefintegration is nog niet besloten."
    found = facts(text, "initiative")
    assert {(f["name"], tuple(f["partners"]), f["rule"]) for f in found} == {
        ("Tiefintegration", ("DE", "NL"), "initiative.reference")
    }


def test_a_unit_integrated_in_a_partner_s_division(facts):
    text = "In 2031 werd de 43e Gemechaniseerde Brigade geïntegreerd in de Division Schnelle Kräfte."
    found = facts(text, "initiative")
    assert [(f["name"], tuple(f["partners"]), f["form"], f["status"]) for f in found] == [
        ("integratie 43e Gemechaniseerde Brigade in Division Schnelle Kräfte", ("DE", "NL"),
         "integrated_operational", "running")
    ]


def test_a_unit_placed_under_a_partner_s_command(facts):
    text = "Volgend jaar komt ook de 11e Luchtmobiele Brigade onder Duits bevel."
    assert keyset(facts(text, "initiative")) == {("11e Luchtmobiele Brigade onder Duits bevel", ("DE", "NL"))}


def test_a_replacement_project_is_an_initiative_only_when_done_together(facts):
    joint = (
        "Met deze brief informeer ik u over het project «Vervanging patrouilleschepen». "
        "Nederland en België zullen hun patrouilleschepen gezamenlijk vervangen."
    )
    assert keyset(facts(joint, "initiative")) == {("Vervanging patrouilleschepen", ("BE", "NL"))}
    national = "Met deze brief informeer ik u over het project «Vervanging pantserhouwitsers» van de landmacht."
    assert facts(national, "initiative") == []


def test_working_together_to_do_something_names_the_joint_task(facts):
    text = "Vanaf 2030 gaan Denemarken en Nederland samenwerken om de Noordzee te bewaken."
    assert keyset(facts(text, "initiative")) == {("gezamenlijke bewaking van de Noordzee", ("DK", "NL"))}


def test_joining_a_partner_s_initiative_for_an_acquisition(facts):
    text = (
        "Defensie verwerft twintig Skyranger-luchtverdedigingssystemen. "
        "Nederland sluit hiervoor aan bij een initiatief van de Duitse regering."
    )
    assert keyset(facts(text, "initiative")) == {
        ("Duits initiatief voor de verwerving van Skyranger-luchtverdedigingssystemen", ("DE", "NL"))
    }


def test_questions_and_meetings_are_not_initiatives(facts):
    text = (
        "Neemt Nederland deel aan het Europees Defensiefonds? "
        "Dit werd besproken tijdens het zogenoemde Noordzee-overleg met België."
    )
    assert facts(text, "initiative") == []


def test_a_bracket_with_the_full_name_and_its_acronym(facts):
    text = "Sinds 2029 neemt Nederland deel aan de ontwikkelfase van de drone (Joint Drone Development; JDD)."
    assert keyset(facts(text, "initiative")) == {("Joint Drone Development", ("NL",))}


def test_projects_of_the_lists_named_without_the_word_for_them(facts):
    text = "Nederland neemt deel aan de PESCO-projecten Military Mobility en European Medical Command."
    assert keyset(facts(text, "initiative")) == {
        ("Military Mobility", ("EU", "NL")),
        ("European Medical Command", ("EU", "NL")),
    }
    assert facts(text, "contribution") == []  # PESCO is a framework, not an operation


def test_a_body_the_netherlands_is_a_member_of(facts):
    text = "De samenwerking in het European Air Transport Command (EATC) verloopt goed."
    assert keyset(facts(text, "initiative")) == {("European Air Transport Command", ("NL",))}


def test_joining_a_programme_is_taking_part(facts):
    text = "Het European Sky Shield Initiative (ESSI) ontstond op voorstel van Duitsland; Nederland sloot zich aan."
    assert keyset(facts(text, "initiative")) == {("European Sky Shield Initiative", ("DE", "NL"))}


def test_a_joint_body_still_to_be_set_up_is_an_initiative_in_preparation(facts):
    text = (
        "Voor de Belgische en Nederlandse fregatten, die al jaren samen varen, moet er een gezamenlijke "
        "onderhoudsstaf komen."
    )
    [found] = facts(text, "initiative")
    assert found["name"] == "gezamenlijke onderhoudsstaf voor de Belgische en Nederlandse fregatten"
    assert found["partners"] == ["BE", "NL"] and found["status"] == "preparation"


def test_a_project_named_by_the_word_after_its_acronym(facts):
    text = "Nederland werkt met Noorwegen samen in het Arctic Sensor Grid (ASG) project."
    assert [(f["name"], f["partners"]) for f in facts(text, "initiative")] == [
        ("Arctic Sensor Grid project", ["NL", "NO"])
    ]


@pytest.mark.parametrize(
    ("text", "name", "form", "status"),
    [
        (
            "Denemarken en Nederland gaan vanaf 2031 samen de zeebodem in de Oostzee bewaken.",
            "gezamenlijke bewaking van de zeebodem in de Oostzee", "operational", "preparation",
        ),
        (
            "Noorwegen en Nederland onderhouden sinds 2029 samen hun onderzeeboten.",
            "gezamenlijk onderhoud van hun onderzeeboten", "pooling", "running",
        ),
    ],
)
def test_a_task_done_together_told_with_its_verb(facts, text, name, form, status):
    [found] = facts(text, "initiative")
    assert (found["name"], found["form"], found["status"]) == (name, form, status)


def test_talking_together_is_no_task(facts):
    assert facts("Wij gaan samen het gesprek aangaan met de Kamer.", "initiative") == []


# The same programme written in other ways: the rule is the language's, not one text's.


def test_the_word_for_a_programme_as_the_head_of_a_compound(facts):
    text = "Binnen het Benelux-initiatief Shared Harbour Protection bewaken de marines samen de havens."
    assert [f["name"] for f in facts(text, "initiative")] == ["Shared Harbour Protection"]


@pytest.mark.parametrize(
    ("wording", "status"),
    [
        ("Het project Shared Harbour Protection met België loopt sinds vorig jaar.", "running"),
        ("Het project Shared Harbour Protection met België is operationeel.", "running"),
        ("Het project Shared Harbour Protection met België is van start gegaan.", "running"),
        ("Voor het project Shared Harbour Protection met België wordt een haalbaarheidsstudie gedaan.", "study"),
        ("Nederland overweegt met België het project Shared Harbour Protection.", "idea"),
        ("Het project Shared Harbour Protection met België is opgeleverd.", "completed"),
    ],
)
def test_status_in_other_words(facts, wording, status):
    assert [(f["name"], f["status"]) for f in facts(wording, "initiative")] == [("Shared Harbour Protection", status)]


@pytest.mark.parametrize(
    "text",
    [
        "Nederland en Noorwegen werken samen onder de naam Polar Lab.",
        "Het samenwerkingsverband, genaamd Polar Lab, omvat Nederland en Noorwegen.",
        "Nederland en Noorwegen starten een gezamenlijk project onder de noemer Polar Lab.",
    ],
)
def test_a_name_introduced_as_the_name_of_the_cooperation(facts, text):
    assert [(f["name"], f["partners"]) for f in facts(text, "initiative")] == [("Polar Lab", ["NL", "NO"])]


def test_the_verb_of_cooperating_within_a_named_programme(facts):
    text = "Met Noorwegen wordt samengewerkt binnen Polar Logistics Network."
    assert [(f["name"], f["partners"]) for f in facts(text, "initiative")] == [
        ("Polar Logistics Network", ["NL", "NO"])
    ]


def test_an_english_head_says_a_name_is_a_programme(facts):
    text = "In het Polar Exercise Programme oefenen bemanningen uit Nederland en Noorwegen samen."
    assert [f["name"] for f in facts(text, "initiative")] == ["Polar Exercise Programme"]
    # Without cooperation in the sentence (or the one before) a programme's name is no joint initiative.
    assert facts("Het Polar Exercise Programme kost veel geld.", "initiative") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the text's own word says it is a project, whatever the name's head ("Shield" usually names an operation)
        (
            "Nederland en Noorwegen zijn in 2030 gestart met het project Arctic Shield voor kustwacht op zee.",
            ("Arctic Shield", ("NL", "NO")),
        ),
        # a compound of "samenwerking" and a quoted name, whose quotes say where it ends
        (
            "Het samenwerkingsverband 'Nordic Sealift' omvat Nederland, Denemarken en Zweden.",
            ("Nordic Sealift", ("DK", "NL", "SE")),
        ),
        (
            "Het programma ‘Benelux Drones’ wordt door België, Luxemburg en Nederland gezamenlijk gefinancierd.",
            ("Benelux Drones", ("BE", "LU", "NL")),
        ),
        # an adjective of two countries makes it joint, not national
        (
            "Het Noors-Nederlandse project SEAGUARD, gericht op onderzeebootbestrijding, is in 2031 afgerond.",
            ("SEAGUARD", ("NL", "NO")),
        ),
    ],
)
def test_a_name_the_text_calls_a_project_programme_or_partnership(facts, text, expected):
    assert keyset(facts(text, "initiative")) == {expected}


def test_a_programme_of_one_other_country_stays_national(facts):
    text = "Nederland volgt met belangstelling het Zweedse programma Baltic Guard voor kustbewaking."
    assert facts(text, "initiative") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Samen met Duitsland werkt Nederland aan de oprichting van een gezamenlijk logistiek commando voor de "
            "landmacht.",
            ("gezamenlijk logistiek commando voor de landmacht", ("DE", "NL")),
        ),
        (
            "De oprichting van de Duits-Nederlandse Cyber Eenheid is in voorbereiding.",
            ("Duits-Nederlandse Cyber Eenheid", ("DE", "NL")),
        ),
        (
            "Nederland en België bespreken het opzetten van een binationale opleidingsschool voor mijnenbestrijding.",
            ("binationale opleidingsschool voor mijnenbestrijding", ("BE", "NL")),
        ),
        (
            "Samen met Frankrijk werken we aan de oprichting van een gezamenlijk hoofdkwartier voor speciale "
            "operaties.",
            ("gezamenlijk hoofdkwartier voor speciale operaties", ("FR", "NL")),
        ),
    ],
)
def test_a_joint_unit_or_means_being_set_up(facts, text, expected):
    found = facts(text, "initiative")
    assert keyset(found) == {expected}
    assert found[0]["rule"] == "initiative.founded"


@pytest.mark.parametrize(
    "text",
    [
        "Met Luxemburg is gesproken over de oprichting van een gezamenlijke stuurgroep voor materieel.",  # a body
        "De oprichting van de NAVO in 1949 was een keerpunt.",  # no joint unit
        "Het kabinet steunt de oprichting van een Europees fonds voor innovatie.",  # not said to be joint
    ],
)
def test_setting_up_a_body_that_meets_or_something_not_joint_is_no_initiative(facts, text):
    assert facts(text, "initiative") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nederland sluit aan bij het Franse initiatief voor een Europese interventiemacht.",
            ("Frans initiatief voor een Europese interventiemacht", ("FR", "NL")),
        ),
        (
            "Defensie neemt deel aan het Noorse initiatief ter versterking van de Arctische samenwerking.",
            ("Noors initiatief ter versterking van de Arctische samenwerking", ("NL", "NO")),
        ),
        (
            "Nederland sluit zich aan bij een initiatief van de Britse regering voor gezamenlijke munitieproductie.",
            ("Brits initiatief voor gezamenlijke munitieproductie", ("GB", "NL")),
        ),
    ],
)
def test_joining_a_partner_s_initiative_named_by_its_purpose(facts, text, expected):
    assert keyset(facts(text, "initiative")) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nederland werkt met Zweden samen in de Joint Sealift Partnership (JSP), die schepen deelt.",
            ("Joint Sealift Partnership", ("NL", "SE")),
        ),
        (
            "Binnen de Noordzee-samenwerking neemt Nederland deel aan Coastal Surveillance Pooling (CSP) met België "
            "en Denemarken.",
            ("Coastal Surveillance Pooling", ("BE", "DK", "NL")),
        ),
    ],
)
def test_a_defined_name_whose_english_head_says_what_partners_share(facts, text, expected):
    assert keyset(facts(text, "initiative")) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "Binnen PESCO is Nederland coördinator van het project Military Mobility.",
        "Binnen PESCO doet Nederland mee aan het project Military Mobility.",
    ],
)
def test_leading_or_joining_an_organisation_s_project_is_taking_part(facts, text):
    assert keyset(facts(text, "initiative")) == {("Military Mobility", ("EU", "NL"))}



@pytest.mark.parametrize(
    "text",
    [
        "Nederland neemt met 200 militairen deel aan de NAVO-missie in Litouwen, samen met Duitsland en Noorwegen.",
        "Nederland neemt samen met Estland deel aan de EU-trainingsmissie in Mali.",
    ],
)
def test_a_mission_taken_part_in_is_a_contribution_not_an_initiative(facts, text):
    assert facts(text, "initiative") == []


def test_a_name_the_next_words_call_a_project(facts):
    text = "Nederland en Frankrijk ontwikkelen samen de Future Combat Drone, een gezamenlijk project van beide landen."
    # the project by its name, not also described by what the partners do together
    assert keyset(facts(text, "initiative")) == {("Future Combat Drone", ("FR", "NL"))}


def test_a_country_the_next_words_relate_to_a_project_is_no_project(facts):
    text = "Nederland werkt nauw samen met Duitsland, een vaste partner in het programma."
    assert facts(text, "initiative") == []


def test_a_name_ends_before_the_verb_of_an_inverted_clause(facts):
    text = "Binnen het Noordzee-samenwerkingsprogramma Blue Lance werken Nederland en Denemarken aan drones."
    assert keyset(facts(text, "initiative")) == {("Blue Lance", ("DK", "NL"))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Duitsland en Frankrijk ontwikkelen samen het programma Future Combat Air System, waaraan Nederland "
            "niet deelneemt.",
            ("Future Combat Air System", ("DE", "FR")),
        ),
        (
            "Het Frans-Duitse project Main Ground Combat System loopt vertraging op.",
            ("Main Ground Combat System", ("DE", "FR")),
        ),
        # with the Netherlands: named, the text's own ministry, or partners after "met"
        (
            "Nederland, Duitsland en Frankrijk ontwikkelen samen het programma Future Combat Air System.",
            ("Future Combat Air System", ("DE", "FR", "NL")),
        ),
        (
            "Defensie werkt in het project Main Ground Combat System samen met Duitsland en Frankrijk.",
            ("Main Ground Combat System", ("DE", "FR", "NL")),
        ),
    ],
)
def test_a_project_of_other_countries_is_theirs_alone(facts, text, expected):
    assert keyset(facts(text, "initiative")) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle phrase between the article and the word
        (
            "Nederland treedt toe tot het door Duitsland geleide project Mobile Hospital.",
            ("Mobile Hospital", ("DE", "NL")),
        ),
        # "Onder de naam" opening the sentence; the name of working together, whatever its head
        (
            "Onder de naam Northern Shield werken Nederland en Noorwegen samen aan onderzeebootbestrijding.",
            ("Northern Shield", ("NL", "NO")),
        ),
        # an apposition after the name's acronym
        (
            "Nederland sluit zich aan bij de European Long-Range Strike Approach (ELSA), een initiatief van "
            "Frankrijk, Duitsland, Italië en Polen.",
            ("European Long-Range Strike Approach", ("DE", "FR", "IT", "NL", "PL")),
        ),
        # a task done together with an indefinite object
        (
            "Nederland en Duitsland gaan samen een nieuw type fregat ontwikkelen.",
            ("gezamenlijke ontwikkeling van een nieuw type fregat", ("DE", "NL")),
        ),
    ],
)
def test_more_ways_a_name_or_a_joint_task_is_introduced(facts, text, expected):
    assert keyset(facts(text, "initiative")) == {expected}


def test_a_name_given_to_a_mission_stays_an_operation(facts):
    text = "Onder de naam Northern Shield worden Nederlandse en Noorse fregatten samen ingezet bij de missie."
    assert facts(text, "initiative") == []
