"""The Dutch interface speaks Dutch on every page and in every form, to every role: no code of a vocabulary
(``strategic``, ``integrated_operational``, ``idea``) and no "---------" in what a user reads, and no page that
fails (500).

The pages are every URL pattern the project serves, filled with real objects by the access crawl's machinery
(``tests/core/crawl.py``), fetched by a user of each role who may see everything. What a user reads is the
text of the page, the options of its menus and the titles and labels the browser shows or reads out; not the
markup, the query strings or the values a form sends, which may carry codes.
"""

from __future__ import annotations

import inspect
import re

import pytest
from bs4 import BeautifulSoup
from django.db import models
from django.test import Client
from django.utils import translation

from ims.accounts.models import Role
from ims.accounts.permissions import MATRIX, Action
from ims.framework import ladder
from ims.framework import vocab as framework_vocab
from ims.register import vocab as register_vocab
from tests.core import crawl
from tests.core.crawl import LEVELS, Target, World
from tests.core.test_access_crawl import (  # noqa: F401  (fixtures, shared with the access crawl)
    EXPLICIT_MODELS,
    no_typesetting,
    quiet_requests,
    reports_built_once,
    site,
    world,
)

# Not the Dutch interface: the API's documentation (Swagger UI) describes the JSON exchange format, whose
# values are the codes.
NOT_THE_DUTCH_INTERFACE = {"api:docs"}
EMPTY_CHOICE_DASHES = "---------"
# The attributes whose text a user sees (a tooltip, a placeholder, a button) or hears (a screen reader).
READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")


def vocabularies() -> list[tuple[str, list[tuple[str, str]]]]:
    """(name, [(code, Dutch label)]) of every vocabulary of the framework and the register."""
    found = []
    for name, member in [*vars(framework_vocab).items(), ("Form", ladder.Form)]:
        if inspect.isclass(member) and issubclass(member, framework_vocab.LabelledEnum) and list(member):
            found.append((f"framework.{name}", [(m.value, m.label_nl) for m in member]))
    with translation.override("nl"):
        for name, member in vars(register_vocab).items():
            if inspect.isclass(member) and issubclass(member, models.Choices) and member.__module__ == \
                    register_vocab.__name__:
                found.append((f"register.{name}", [(value, str(label)) for value, label in member.choices]))
    return found


def is_abbreviation(code: str) -> bool:
    """MoU, DOI, LOI, JVS: the abbreviations Dutch civil servants write themselves, and letters quote."""
    return len(code) <= 4 and sum(c.isupper() for c in code) >= 2


def telltale_codes() -> set[str]:
    """The codes whose appearance in Dutch text gives away that a code, not its label, was shown.

    A code that is also a Dutch word of the interface (it occurs in some Dutch label: ``pooling``, ``open``,
    ``lead``) or an abbreviation Dutch uses itself (``MoU``) tells nothing, so it is not on the list; every
    other code is (``strategic``, ``integrated_operational``, ``idea``, ``TREATY``).
    """
    every = [(code, label) for _name, pairs in vocabularies() for code, label in pairs]
    dutch_words = {word for _code, label in every for word in re.findall(r"[\w-]+", label.lower())}
    return {code for code, _label in every if not is_abbreviation(code) and code.lower() not in dutch_words}


TELLTALE = telltale_codes()
TELLTALE_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, TELLTALE), key=len, reverse=True))
                              + r")(?![\w-])")


def visible_text(html: str) -> str:
    """What a user of the page reads: its text, the options of its menus, the labels of its buttons, and the
    tooltips, placeholders and accessible names; not scripts, styles or the values forms send."""
    page = BeautifulSoup(html, "lxml")
    for hidden in page.select("script, style, template"):
        hidden.decompose()
    parts = [page.get_text(" ")]
    for element in page.find_all(True):
        parts += [element[a] for a in READ_ATTRIBUTES if isinstance(element.get(a), str)]
        if element.name == "input" and element.get("type") in ("submit", "button", "reset"):
            parts.append(element.get("value", ""))
    return " ".join(" ".join(parts).split())


def test_the_list_of_telltale_codes_comes_from_the_vocabularies_and_spares_dutch_words():
    assert {"strategic", "integrated_operational", "idea", "bottom_up", "TREATY", "ACTION_PLAN",
            "organisation", "planned"} <= TELLTALE
    assert not {"pooling", "open", "lead", "MoU", "DOI"} & TELLTALE
    assert TELLTALE_PATTERN.search("de schil strategic") and not TELLTALE_PATTERN.search("strategische partner")


def test_visible_text_is_what_the_user_reads():
    html = ('<html><head><title>T</title><script>var idea = 1;</script></head><body><a href="?status=idea" '
            'title="uitleg">status</a><select><option value="running">in uitvoering</option></select>'
            '<input type="submit" value="Opslaan"><input type="hidden" name="form" value="pooling"></body></html>')
    assert visible_text(html) == "T status in uitvoering uitleg Opslaan"


# Who reads: every role, at the highest clearance, so that every record is on the pages.
READERS = [(role, LEVELS[-1]) for role in Role.values]


def _pages(targets: list[Target], role: str) -> list[Target]:
    """One URL per pattern and object kind: an open object (levels differ in what is shown, not in how), the
    object that is not there (the 404 page), and the pages that name no object; minus what the role is
    refused at the door (the admin for every role but the administrator's)."""
    administers = Action.ADMINISTER in MATRIX[Role(role)]
    chosen = []
    for target in targets:
        name = target.endpoint.name or ""
        if name in NOT_THE_DUTCH_INTERFACE:
            continue
        if crawl.is_admin(target.endpoint) and not administers:
            continue
        if target.names_object and not target.absent and target.level not in (None, 0):
            continue
        chosen.append(target)
    return chosen


@pytest.mark.usefixtures("quiet_requests", "no_typesetting", "reports_built_once")
@pytest.mark.parametrize("who", READERS, ids=lambda who: who[0])
def test_every_page_speaks_dutch_to_every_role(world: World, site: list[Target], who, db) -> None:  # noqa: F811
    role, clearance = who
    client = Client(raise_request_exception=False)
    client.force_login(world.users[(role, clearance)])
    problems: list[str] = []
    read = 0
    for target in _pages(site, role):
        response = client.get(target.url)
        if "_auth_user_id" not in client.session:  # a logout URL was fetched; carry on logged in
            client.force_login(world.users[(role, clearance)])
        if response.status_code >= 500:
            problems.append(f"{response.status_code} {target.url}")
            continue
        if not response.get("Content-Type", "").startswith("text/html") or response.streaming:
            continue
        read += 1
        text = visible_text(response.content.decode())
        codes = sorted(set(TELLTALE_PATTERN.findall(text)))
        if codes:
            where = TELLTALE_PATTERN.search(text)
            problems.append(f"{target.url} ({target.endpoint.name}) shows {codes}: "
                            f"…{text[max(0, where.start() - 60):where.end() + 60]}…")
        if EMPTY_CHOICE_DASHES in text:
            problems.append(f"{target.url} ({target.endpoint.name}) shows {EMPTY_CHOICE_DASHES}")
    assert not problems, "\n".join(problems[:60])
    assert read > 20  # the crawl read pages, not only redirects and downloads
