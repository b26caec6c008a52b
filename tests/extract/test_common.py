"""Helpers the extractors share."""

from ims.extract.common import place_mentions
from ims.text.gazetteer import find_mentions


def places(text: str) -> list[str]:
    mentions = find_mentions(text)
    return [mentions[k].id for k in sorted(place_mentions(text.lower(), mentions))]


def test_countries_after_in_and_those_coordinated_with_them_are_places():
    assert places("Samen met Noorwegen in Estland, Letland en Litouwen oefenen.") == ["EE", "LV", "LT"]
    assert places("Strijdkrachten in de Republiek Polen en in de Verenigde Staten.") == ["PL", "US"]


def test_actors_are_no_places():
    assert places("Noorwegen en Canada tekenden een verdrag met Polen.") == []
    # A country named after a place, as the next actor, starts a list of its own.
    assert places("De Deense militairen in Estland en de Noorse collega's werken samen.") == ["EE"]
