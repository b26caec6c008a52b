"""A text's fingerprint ignores layout and page furniture, and nothing else."""

from ims.text.fingerprint import text_fingerprint

BODY = "Den Haag, 3 maart 2020\n\nNederland en België tekenden een MoU.\nHet MoU loopt tot 2025.\n"


def test_running_headers_footers_and_page_numbers_do_not_count():
    paged = ("Tweede Kamer, vergaderjaar 2019–2020, 33 279, nr. 17\n\nDen Haag, 3 maart 2020\n\n"
             "Nederland en België tekenden\neen MoU.\n\nPagina 1 van 2\n\f"
             "Tweede Kamer, vergaderjaar 2019–2020, 33 279, nr. 17\n\nHet MoU loopt tot 2025.\n\n2\n\f")
    assert text_fingerprint(paged) == text_fingerprint(BODY)


def test_a_different_letter_or_digit_counts():
    assert text_fingerprint(BODY.replace("2025", "2026")) != text_fingerprint(BODY)
    assert text_fingerprint(BODY.replace("België", "Belgie")) != text_fingerprint(BODY)


def test_a_text_without_letters_or_digits_has_none():
    assert text_fingerprint(" \n–\n") == ""
