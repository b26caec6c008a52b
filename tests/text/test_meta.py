"""A letter's own metadata: date, reference, Kamerstuk number, subject, signer."""

from __future__ import annotations

import json

import pytest

from ims.text.dates import PartialDate
from ims.text.meta import read_meta

MINISTRY_LETTER = """> Retouradres Postbus 1 1000 AA Stad

Aan de Kamer
Onze referentie
XY2031000123
Datum 4 april 2031
Betreft Samenwerking met IJsland
Bij beantwoording datum,
onze referentie en betreft
vermelden.
Aanleiding
Hierbij bericht ik u over de samenwerking met IJsland.

Pagina 1 van 4

Mr. P.Q. de Vries-Jansen
"""

KAMERSTUK = """Nr. 7  BRIEF VAN DE MINISTER VAN DEFENSIE

Den Haag, 9 juni 2029

Hierbij zend ik u een nota.

De minister van Defensie,
K. L. Bakker

Tweede Kamer, vergaderjaar 2028–2029, 36 001, nr. 7 2
"""


def test_ministry_letter():
    meta = read_meta(MINISTRY_LETTER)
    assert meta.date == PartialDate(2031, 4, 4)
    assert meta.reference == "XY2031000123"
    assert meta.subject == "Samenwerking met IJsland"
    assert meta.signer == "Mr. P.Q. de Vries-Jansen"
    assert meta.page_total == 4


def test_subject_in_a_column_layout_sits_next_to_the_label():
    letter = "Datum 1 mei 2030\nOefenprogramma met Canada 2030\nBetreft\nKamer der Staten-Generaal\n"
    assert read_meta(letter).subject == "Oefenprogramma met Canada 2030"


def test_printed_kamerstuk():
    meta = read_meta(KAMERSTUK)
    assert meta.date == PartialDate(2029, 6, 9)
    assert meta.kamerstuk == "36 001, nr. 7"
    assert meta.signer == "K. L. Bakker"


def test_fragment_without_metadata():
    meta = read_meta("vervolg van een zin over Spanje en Portugal.\n")
    assert (meta.date, meta.reference, meta.kamerstuk, meta.subject, meta.signer) == (None,) * 5


def test_signer_on_the_last_line_of_content_before_the_page_footer():
    text = "Hierbij bericht ik u.\n\nHoogachtend,\n\nA.B. Jansen\n\nPagina 2 van 2\n\n"
    assert read_meta(text).signer == "A.B. Jansen"


def test_role_line_found_after_earlier_lines_that_name_the_minister():
    text = (
        "Zoals de minister van Buitenlandse Zaken schreef, gaat het goed.\n\nDe minister van Defensie,\n"
        "C.D. de Boer\n"
    )
    assert read_meta(text).signer == "C.D. de Boer"


def test_kamerstuk_number_found_anywhere_in_the_text():
    text = "Inleiding.\n" * 500 + "Tweede Kamer, vergaderjaar 2028–2029, 36 001, nr. 7\n"
    assert read_meta(text).kamerstuk == "36 001, nr. 7"


# ---------------------------------------------------------------- the date of every kind of document


def test_a_motion_is_dated_by_the_day_it_was_moved():
    motion = "36 001 Begroting\n\nNr. 12 MOTIE VAN HET LID DE GRAAF\n\nVoorgesteld 3 december 2030\n\nDe Kamer,\n"
    assert read_meta(motion).date == PartialDate(2030, 12, 3)
    during = "Nr. 4 MOTIE VAN DE LEDEN A EN B\n\nVoorgesteld tijdens het wetgevingsoverleg van 9 maart 2031\n"
    assert read_meta(during).date == PartialDate(2031, 3, 9)


def test_written_questions_are_dated_by_the_day_they_were_sent_in():
    questions = (
        "Vragen van het lid Kok aan de Minister van Defensie over oefeningen in Noorwegen "
        "(ingezonden 14 januari 2031).\n\nVraag 1\n"
    )
    assert read_meta(questions).date == PartialDate(2031, 1, 14)


def test_an_answer_that_mentions_when_the_questions_came_is_not_dated_by_them():
    answer = "Hierbij bied ik u de antwoorden aan. Deze vragen werden ingezonden op 2 mei 2031.\n"
    assert read_meta(answer).date is None


def test_a_news_page_is_dated_by_its_date_line():
    page = "vrijdag, 4. april 2031 - 09:12 Bijgewerkt: 05-04-2031\n\nMariniers oefenen in Schotland\n\nTekst.\n"
    assert read_meta(page).date == PartialDate(2031, 4, 4)
    assert read_meta("Nieuwsbericht | 12-02-2031\n\nTitel\n").date == PartialDate(2031, 2, 12)
    assert read_meta("Gepubliceerd op 7 juni 2031\nTitel\n").date == PartialDate(2031, 6, 7)


def test_a_stored_page_with_its_date_in_front():
    assert read_meta(" date 2031-05 Het kabinet besloot gisteren ...").date == PartialDate(2031, 5)
    assert read_meta("date 2031-05-02 Het kabinet ...").date == PartialDate(2031, 5, 2)


def test_a_place_and_date_line_of_another_place_is_no_letter_date():
    # A treaty's place and date of signature under its title dates the treaty, not the publication.
    treaty = "A. TITEL\n\nVerdrag tussen twee staten over oefenterreinen;\n\nLissabon, 3 maart 2030\n"
    assert read_meta(treaty).date is None


def test_a_running_sentence_with_a_date_is_no_date_line():
    assert read_meta("Op 3 maart 2030 sprak de minister met haar Deense collega over samenwerking.\n").date is None


def test_a_registration_line_dates_a_paper_refined_by_its_titles_day():
    page = "Brief 30 december\n\nBijlage\n\nNummer: 2031D00042, datum: 2031-01-08, bijgewerkt: 2031-02-01\n"
    assert read_meta(page).date == PartialDate(2030, 12, 30)
    plain = "Verslag\n\nNummer: 2031D00042, datum: 2031-01-08, versie: 2\n"
    assert read_meta(plain).date == PartialDate(2031, 1, 8)


def test_a_paper_dated_only_by_its_session():
    # The session runs from September to September: its first year, unless the text names a day in the
    # second (then the paper is at least that late).
    debate = "Handeling\n\nTweede Kamer der Staten-Generaal2030-2031nr. 20\n\nBegroting 2031\n"
    assert read_meta(debate).date == PartialDate(2030)
    memo = "Vergaderjaar 2030-2031\n\nDe wet is op 4 februari 2031 aangenomen en op 9 juli 2030 getekend.\n"
    assert read_meta(memo).date == PartialDate(2031)


def test_an_inferred_date_says_so():
    # A part of a bundle takes another part's stated date over one inferred from the session or reference.
    assert read_meta("Vergaderjaar 2030-2031\n\nTekst.\n").date_inferred
    assert not read_meta("Den Haag, 2 juni 2031\n\nTekst.\n").date_inferred
    assert not read_meta("Tekst zonder datum.\n").date_inferred


def test_a_reference_without_an_empty_date_field_dates_nothing():
    # A continuation page repeats the reference in its side block: its date is the letter's, not a guess.
    assert read_meta("Onze referentie\nBS2031004567\nPagina 2 van 3\n").date is None


def test_an_empty_date_field_leaves_the_year_of_the_ministry_reference():
    letter = "Onze referentie BS2031004567 Datum Betreft Antwoorden op vragen over oefeningen\n"
    assert read_meta(letter).date == PartialDate(2031)


def test_a_one_line_title_with_a_year():
    assert read_meta("Jaardag 2031 van de landmacht\n\nHet jaar begon goed.\n").date == PartialDate(2031)
    assert read_meta("Van 2029 tot 2031 in de Baltische staten\n\nTekst.\n").date is None  # two years


def test_the_text_comes_before_the_file_and_the_file_before_the_address():
    from ims.text.properties import FileProperties

    file = FileProperties(published=PartialDate(2031, 4, 2), address="https://example.org/2030/01/05/a")
    assert read_meta("Datum 1 april 2031\n", file).date == PartialDate(2031, 4, 1)
    assert read_meta("Een bericht zonder datum.\n", file).date == PartialDate(2031, 4, 2)
    address_only = FileProperties(address="https://example.org/nieuws/2030/01/05/bericht")
    assert read_meta("Een bericht zonder datum.\n", address_only).date == PartialDate(2030, 1, 5)


def test_the_development_corpus_is_dated_as_its_gold_says(shared_dir):
    # Every document of every kind in the development corpus gets its gold date, or none where the date is
    # only in the page's address (which a stored text does not carry); never a wrong one. Only counts are
    # reported: a fifth of the corpus is held out for measuring.
    dev = shared_dir / "dev"
    if not (dev / "gold").is_dir():
        pytest.skip("no development corpus beside the checkout")
    wrong = missing = right = 0
    for gold in sorted((dev / "gold").glob("*.gold.jsonl")):
        lines = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        if not lines:
            continue
        text = (dev / "texts" / lines[0]["doc"]).read_text(encoding="utf-8")
        found = read_meta(text).date
        if found is None:
            missing += 1
        elif found.iso() == lines[0]["doc_date"]:
            right += 1
        else:
            wrong += 1
    assert (wrong, missing) == (0, 3), f"{right} right, {wrong} wrong, {missing} undated"


def test_a_line_that_is_only_a_lead_word_is_no_date_line():
    assert read_meta("Nieuws\n\nMariniers oefenen\n").date is None


@pytest.mark.parametrize(
    "head",
    [
        "> Retouradres Postbus 1 2500 AA Den Haag Ministerie van Defensie Datum 9 oktober 2031 Betreft Tankers\n",
        "Vergaderjaar 2031–2032 Nr. 3 BRIEF VAN DE MINISTER Aan de Voorzitter Den Haag, 9 oktober 2031 Met deze\n",
    ],
)
def test_a_letterhead_flattened_into_one_line_still_gives_its_date(head):
    assert read_meta(head + "Met deze brief informeer ik u over de tankers.\n").date == PartialDate(2031, 10, 9)


def test_a_date_label_without_a_day_after_it_is_no_stated_date():
    # The empty field leaves the year of the ministry reference, inferred.
    meta = read_meta("Onze referentie BS2031000001 Datum Betreft Tankers en meer\n")
    assert meta.date == PartialDate(2031)


def test_a_classification_marking_on_a_line_of_its_own_is_read_the_highest_first():
    assert read_meta("STG. CONFIDENTIEEL\nDatum 3 maart 2020\n\nTekst.\n").classification == "confidential"
    assert read_meta("Ongerubriceerd\nStg. Geheim\n\nTekst.\n").classification == "secret"
    assert read_meta("  Departementaal Vertrouwelijk \n\nTekst.\n").classification == "departmental_confidential"


def test_the_words_of_a_marking_in_a_sentence_are_no_marking():
    assert read_meta("Stukken die Stg. Geheim zijn, gaan per koerier.\n").classification is None
