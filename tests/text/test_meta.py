"""A letter's own metadata: date, reference, Kamerstuk number, subject, signer."""

from __future__ import annotations

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
