"""Names of countries and organisations, matched on whole words."""

from __future__ import annotations

from ims.text.countries import country_name
from ims.text.gazetteer import (
    COUNTRY,
    ORGANISATIONS,
    country_code,
    find_mentions,
    is_region,
    organisation,
    patterns,
)


def ids(text: str) -> list[str]:
    return [m.id for m in find_mentions(text)]


def test_names_adjectives_and_people():
    assert ids("Polen, de Italiaanse marine, de Canadezen en Zuid-Korea") == ["PL", "IT", "KR"]
    assert ids("Spanjaarden") == []  # not in the table: nothing rather than a guess
    assert ids("de Portugese en Chinese delegaties") == ["PT", "CN"]


def test_compound_adjectives_give_both_countries():
    assert ids("de Frans-Duitse brigade") == ["FR", "DE"]
    assert ids("het Belgisch-Luxemburgse bataljon") == ["BE", "LU"]


def test_short_forms_are_case_sensitive():
    assert ids("de VS en het VK") == ["US", "GB"]
    assert ids("Ajax vs. Feyenoord") == []


def test_whole_words_only():
    assert ids("Nederlanderschap, Polenreis, Irakese") == []
    assert ids("de NAVO-top en EU-gelden") == ["NATO", "EU"]


def test_regions_are_not_countries():
    assert ids("Latijns-Amerika en het Midden-Oosten") == []
    assert is_region("Europa") and not is_region("Estland")


def test_organisations_and_groups():
    assert ids("de OVSE, de VN en de Northern Group") == ["OSCE", "UN", "NORTHERN_GROUP"]
    benelux = find_mentions("de Benelux-landen")[0]
    assert benelux.id == "BENELUX" and benelux.members == ("BE", "LU", "NL")
    assert find_mentions("de Benelux")[0].members == ()


def test_typographic_apostrophe():
    assert ids("de Bahama’s en de Bahama's") == ["BS", "BS"]


def test_tables_for_the_django_side():
    assert country_name("GB") == "Verenigd Koninkrijk"
    assert country_name("DE") == "Duitsland"
    assert country_name("GB", "en") == "United Kingdom"
    assert country_code("Noorse") == "NO" and country_code("Atlantis") is None
    assert {org.id for org in ORGANISATIONS} == {
        "NATO", "EU", "UN", "OSCE", "EDA", "BENELUX", "NORTHERN_GROUP", "JEF", "EI2", "PESCO",
    }
    assert organisation("EI2").kind == "framework" and organisation("NATO").kind == "organisation"


def test_patterns_for_grep():
    found = patterns()
    assert len(found) == len(set(found)) > 300
    assert "Verenigde Staten" in found and "Belgische" in found and "NAVO" in found
    assert all(m.kind == COUNTRY for m in find_mentions("Chili"))
