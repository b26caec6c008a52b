"""Country names for people to read come from CLDR (through Babel), in Dutch and English; codes from ISO."""

from __future__ import annotations

import pytest

from ims.text.countries import COUNTRY_CODES, alpha2_for, country_name


@pytest.mark.parametrize(("code", "dutch", "english"), [
    ("GE", "Georgië", "Georgia"),
    ("GB", "Verenigd Koninkrijk", "United Kingdom"),
    ("KR", "Zuid-Korea", "South Korea"),
    ("DE", "Duitsland", "Germany"),
])
def test_countries_have_their_usual_dutch_and_english_names(code, dutch, english):
    assert country_name(code) == country_name(code, "nl") == dutch
    assert country_name(code, "en") == english


def test_every_country_code_has_a_name_in_both_languages():
    assert len(COUNTRY_CODES) == 249
    for code in COUNTRY_CODES:
        assert country_name(code, "nl") and country_name(code, "en")
    with pytest.raises(KeyError):
        country_name("ZZ")


def test_a_three_letter_code_gives_the_two_letter_one():
    assert alpha2_for("DEU") == alpha2_for("deu") == "DE"
    assert alpha2_for("GEO") == "GE"
    assert alpha2_for("NATO") is None and alpha2_for("EDA") is None and alpha2_for("DE") is None
