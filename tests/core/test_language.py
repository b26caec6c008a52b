"""The interface is Dutch by default, whatever the browser asks; English when the user chooses it."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

import ims

pytestmark = pytest.mark.django_db


def test_dutch_even_for_an_english_browser(analyst, login):
    response = login(analyst).get(reverse("register:partner-list"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Content-Language"] == "nl"
    assert "<h1>Partners</h1>" in response.content.decode()
    assert "Schil" in response.content.decode()


def test_english_after_choosing_it(analyst, login):
    client = login(analyst)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/initiatieven/"})
    assert response.status_code == 302
    page = client.get(reverse("register:initiative-list")).content.decode()
    assert "<h1>Initiatives</h1>" in page
    assert "Form of cooperation" in page


def test_an_unknown_language_cookie_falls_back_to_dutch(analyst, login, settings):
    client = login(analyst)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert client.get(reverse("register:initiative-list"))["Content-Language"] == "nl"


# -- the English catalogue ---------------------------------------------------------------------------------------

CATALOGUE = Path(ims.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%%|%[sd]")


def po_entries(path: Path) -> list[dict]:
    """The live entries of a .po file as dicts: flags, msgctxt, msgid, msgid_plural and msgstr by index.

    Just enough of the format for our own catalogue; obsolete (#~) entries and the header are left out.
    """
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry: dict = {"flags": set(), "msgctxt": None, "msgid_plural": None, "msgstr": {}}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#") or not line.strip():
                continue
            elif line.startswith('"'):
                value = ast.literal_eval(line)
                if isinstance(key, int):
                    entry["msgstr"][key] += value
                else:
                    entry[key] += value
            else:
                keyword, _, literal = line.partition(" ")
                value = ast.literal_eval(literal)
                if keyword.startswith("msgstr"):
                    key = int(keyword[7:-1]) if "[" in keyword else 0
                    entry["msgstr"][key] = value
                else:
                    key = keyword
                    entry[key] = value
        if entry.get("msgid"):
            entries.append(entry)
    return entries


def test_the_english_catalogue_is_complete_and_compiled():
    entries = po_entries(CATALOGUE)
    assert len(entries) > 300
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    empty = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
    assert not fuzzy, f"fuzzy entries: {fuzzy}"
    assert not empty, f"untranslated entries: {empty}"
    for e in entries:
        if "python-format" in e["flags"]:
            wanted = sorted(PLACEHOLDER.findall(e["msgid_plural"] or e["msgid"]))
            for msgstr in e["msgstr"].values():
                assert sorted(PLACEHOLDER.findall(msgstr)) == wanted, e["msgid"]
    # What Django serves is the compiled .mo: it must say what the .po says (run `make messages`).
    with CATALOGUE.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    for e in entries:
        key = e["msgid"] if e["msgctxt"] is None else f"{e['msgctxt']}\x04{e['msgid']}"
        if e["msgid_plural"] is None:
            assert compiled.get(key) == e["msgstr"][0], f".mo is stale for {e['msgid']!r}"
        else:
            assert compiled.get((key, 1)) == e["msgstr"][1], f".mo is stale for {e['msgid']!r}"


def test_doel_is_a_goal_of_an_initiative_but_a_target_in_defence_spending():
    from ims.register.models import Goal
    from ims.register.vocab import SpendingStatus

    with translation.override("en"):
        assert str(Goal._meta.verbose_name) == "goal"
        assert str(SpendingStatus.TARGET.label) == "target"
    with translation.override("nl"):
        assert str(Goal._meta.verbose_name) == str(SpendingStatus.TARGET.label) == "doel"


# -- key pages in English -------------------------------------------------------------------------------------------

KEY_PAGES = {
    # page: (English headings it must show, Dutch headings it must not show)
    "initiative list": (["<h1>Initiatives</h1>", ">Form of cooperation<", ">Goal category<", ">Sort<"],
                        ["<h1>Initiatieven</h1>", ">Samenwerkingsvorm<", ">Doelcategorie<", ">Sorteren<"]),
    "partner page": (["Current ring", ">Ring assignment over the years<", ">Defence spending<",
                      ">Contributions to operations<"],
                     ["Huidige schil", ">Schilindeling door de jaren<", ">Defensie-uitgaven<",
                      ">Bijdragen aan operaties en missies<"]),
    "review queue": (["<h1>Ingestion and review</h1>", ">Ingest documents<", ">Review queue<", ">Recent jobs<"],
                     ["<h1>Inlezen en beoordelen</h1>", ">Documenten inlezen<", ">Beoordelingsrij<",
                      ">Recente opdrachten<"]),
    "report index": (["Report to Parliament", ">Download draft<", ">Final versions<", ">Preview of the draft<"],
                     ["Rapportage aan de Kamer", ">Concept downloaden<", ">Definitieve versies<",
                      ">Voorbeeld van het concept<"]),
    "assessment proposal": (["<h1>Assess a new proposal</h1>", ">Goals<", ">Costs and timeline<",
                             ">Weighting and alternatives<"],
                            ["<h1>Nieuw voorstel beoordelen</h1>", ">Doelen<", ">Kosten en tijdpad<",
                             ">Weging en alternatieven<"]),
}


@pytest.mark.parametrize("page", KEY_PAGES)
def test_key_pages_speak_english_once_chosen(page, analyst, login):
    from tests.factories import ParticipationFactory, RingAssignmentFactory

    partner = RingAssignmentFactory().partner
    ParticipationFactory(partner=partner)
    url = {
        "initiative list": reverse("register:initiative-list"),
        "partner page": reverse("register:partner-detail", args=[partner.code]),
        "review queue": reverse("ingest:queue"),
        "report index": reverse("reporting:index"),
        "assessment proposal": reverse("assessment:proposal"),
    }[page]
    client = login(analyst)
    client.post(reverse("set_language"), {"language": "en", "next": url})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    body = response.content.decode()
    english, dutch = KEY_PAGES[page]
    assert [h for h in english if h not in body] == []
    assert [h for h in dutch if h in body] == []
