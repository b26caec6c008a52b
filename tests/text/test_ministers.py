"""The list of ministers of Defence: documented like the reference lists, every name of one country."""

from __future__ import annotations

import re

from ims.text.countries import country_name
from ims.text.ministers import minister_list, ministers_in


def test_the_list_says_where_it_comes_from_and_when():
    data = minister_list()
    assert len(data["source"]) > 40 and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", data["date"])
    forms: dict[str, str] = {}
    for entry in data["entries"]:
        country_name(entry["country"])  # a real country code
        for form in (entry["name"], *entry["aliases"]):
            assert forms.setdefault(form, entry["country"]) == entry["country"], form


def test_names_are_read_as_written_and_as_whole_words():
    text = "Minister Bijleveld sprak met Pistorius; de hagel viel en Hagelslag is geen minister."
    assert ministers_in(text) == [(9, "NL"), (29, "DE")]
    assert ministers_in("De Maizière en Von der Leyen") == [(0, "DE"), (15, "DE")]
