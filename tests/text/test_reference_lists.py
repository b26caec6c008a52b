"""The reference lists: each names its source and date, and every name resolves to exactly one entry."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from ims.text.countries import is_country_code
from ims.text.gazetteer import (
    REFERENCE_KINDS,
    Reference,
    ReferenceIndex,
    find_references,
    reference,
    reference_entries,
    reference_index,
    reference_lists,
)


def test_every_list_names_its_source_and_date():
    lists = reference_lists()
    assert {data["list"] for data in lists} >= {"nato", "eu", "pesco", "frameworks", "systems", "units"}
    for data in lists:
        assert len(data["source"]) > 40, data["list"]  # a source one can look up, not a word
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", data["date"]), data["list"]
        assert data["title"] and data["entries"], data["list"]


def test_entries_are_well_formed():
    ids = [entry.id for entry in reference_entries()]
    assert len(ids) == len(set(ids)), "an id is used twice"
    for entry in reference_entries():
        assert entry.kind in REFERENCE_KINDS, entry.id
        for code in (entry.location, entry.origin, entry.nationality, *entry.members):
            # XK: Kosovo's code in common use (and in the gazetteer), not in ISO 3166-1 itself.
            assert code is None or is_country_code(code) or code == "XK", (entry.id, code)


def test_every_name_resolves_to_one_entry():
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in reference_entries():
        for alias in entry.surfaces():
            owners[" ".join(alias.split()).lower()].add(entry.id)
    shared = {alias: ids for alias, ids in owners.items() if len(ids) > 1}
    assert not shared
    for entry in reference_entries():
        for alias in entry.surfaces():
            assert reference(alias) == entry, alias


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("JSF", "sys_f35"),
        ("F35", "sys_f35"),
        ("Joint Strike Fighter", "sys_f35"),
        ("EU-Battlegroup", "eu_battlegroup"),
        ("1e Duits-Nederlands legerkorps", "fw_1gnc"),
        ("1ste Duits-Nederlandse Legerkorps", "fw_1gnc"),
        ("11e Luchtmobiele Brigade", "nl_11_air_assault"),
        ("mijnenbestrijdingsvaartuigen", "sys_minehunters"),
        ("vooruitgeschoven aanwezigheid", "nato_efp"),
    ],
)
def test_abbreviations_and_dutch_forms_resolve(name, ident):
    assert reference(name).id == ident


def test_names_are_found_as_whole_words_in_running_text():
    text = (
        "Onze eenheden vlogen met F35-toestellen en leverden een fregat aan de Standing NATO Maritime Group 2, "
        "naast een bijdrage aan de enhanced forward presence."
    )
    assert [(m.surface, m.id) for m in find_references(text)] == [
        ("F35", "sys_f35"),
        ("Standing NATO Maritime Group 2", "nato_snmg2"),
        ("enhanced forward presence", "nato_efp"),
    ]
    assert find_references("de Patriotten en patriot, de Leopardtank") == []


def test_a_short_acronym_counts_only_where_the_text_names_its_entry():
    # "EPC" is also the European Political Community: alone it is nobody's.
    assert find_references("De EPC kwam bijeen in Granada.") == []
    found = find_references("De European Patrol Corvette (EPC) is een project; de EPC vaart in 2030.")
    assert [(m.surface, m.id) for m in found] == [
        ("European Patrol Corvette", "pesco_epc"), ("EPC", "pesco_epc"), ("EPC", "pesco_epc")
    ]


def test_an_index_takes_further_names():
    extra = Reference(id="register-17", name="Nordic Cloud Network", kind="programme", aliases=("NCN",))
    index: ReferenceIndex = reference_index().with_names([extra])
    assert [m.id for m in index.find("Het NCN groeit; de Nordic Cloud Network-partners tekenen.")] == [
        "register-17",
        "register-17",
    ]
    assert index.lookup("nordic cloud network") == extra
    assert reference_index().lookup("Nordic Cloud Network") is None
