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
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from ims.accounts import models as accounts_models
from ims.accounts.models import Role
from ims.accounts.permissions import MATRIX, Action
from ims.core import audit
from ims.core.classification import Classification
from ims.framework import ladder
from ims.framework import vocab as framework_vocab
from ims.ingest import models as ingest_models
from ims.monitoring import vocab as monitoring_vocab
from ims.register import vocab as register_vocab
from ims.reporting import models as reporting_models
from ims.search import models as search_models
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
# Every module that defines choice lists shown on screen: the register's and the monitoring's vocabularies,
# and the statuses of the review queue, the report versions, the roles, the audit trail and the search.
CHOICE_MODULES = (register_vocab, monitoring_vocab, ingest_models, reporting_models, accounts_models, audit,
                  search_models)
# What else gives away a value shown as the code stores it, on the IMS pages and in the admin alike: a date as ISO
# writes it (the one Dutch format is "1 maart 2020") and Python's None for a value that is not known; a number as
# Python writes it, with a decimal point ("0.95", "1.2"; "100.000" is Dutch for a hundred thousand) or a large one
# without grouping ("4900000000"); a list of ids as Python writes it ("[11881, 11882]"), where the names of the
# records they stand for belong.
NOT_DUTCH = re.compile(r"(?<![\w.,-])(\[\d+(?:, \d+)+\]|\d{4}-\d{2}-\d{2}|None|\d+\.(?:\d{1,2}|\d{4,})|\d{5,})"
                       r"(?![\w.,-]?\d|[\w-])")
# A list of one id, which a report writes too (its footnote markers, "[3]"), but a history tab never should.
ONE_ID = re.compile(r"\[\d+\]")
# Numbers written without grouping: a post-office box ("Postbus 20701", as on the letter paper) and the id the
# admin names when a link pointed to a record that is not there ("Partner met ID ‘987654’ bestaat niet").
PO_BOX = re.compile(r"\bPostbus \d+|\bID ‘\d+’")
# The attributes whose text a user sees (a tooltip, a placeholder, a button) or hears (a screen reader).
READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")


def vocabularies() -> list[tuple[str, list[tuple[str, str]]]]:
    """(name, [(code, Dutch label)]) of every vocabulary of the framework and the register."""
    found = []
    for name, member in [*vars(framework_vocab).items(), ("Form", ladder.Form)]:
        if inspect.isclass(member) and issubclass(member, framework_vocab.LabelledEnum) and list(member):
            found.append((f"framework.{name}", [(m.value, m.label_nl) for m in member]))
    with translation.override("nl"):
        for module in CHOICE_MODULES:
            for name, member in vars(module).items():
                if inspect.isclass(member) and issubclass(member, models.TextChoices) and member.__module__ == \
                        module.__name__:
                    found.append((f"{module.__name__}.{name}",
                                  [(value, str(label)) for value, label in member.choices]))
        # The clearance levels are stored as numbers; their code names (``departmental_confidential``) are
        # what the command line and the glossary use, and as telltale as any other code.
        found.append(("core.Classification", [(level.name.lower(), str(level.label)) for level in Classification]))
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
    return {code for code, _label in every
            if not is_abbreviation(code) and code.lower() not in dutch_words | DUTCH_TOO}


# Codes that are ordinary Dutch words, though no label happens to use them ("het document").
DUTCH_TOO = {"document"}


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
    # The monitoring's, the review queue's, the reports', the roles' and the clearances' codes too.
    assert {"due_soon", "attache", "exercise", "no_milestone", "rejected", "draft", "bia_member", "analyst",
            "departmental_confidential", "secret", "login_failed", "policy_paper"} <= TELLTALE
    assert not {"pooling", "open", "lead", "MoU", "DOI"} & TELLTALE
    assert TELLTALE_PATTERN.search("de schil strategic") and not TELLTALE_PATTERN.search("strategische partner")


def test_dates_numbers_and_none_as_python_writes_them_are_caught_and_dutch_notation_is_not():
    assert [NOT_DUTCH.search(t).group(0) for t in ("bbp 0.95 %", "4900000000 euro", "op 2019-01-03", "einde None",
                                                "Partijen – [11, 12, 16]")] \
        == ["0.95", "4900000000", "2019-01-03", "None", "[11, 12, 16]"]
    assert not [t for t in ("0,95 %", "4.900.000.000 euro", "100.000", "3 januari 2019", "BS2019021031", "art. 3.2.1")
                if NOT_DUTCH.search(t)]


def test_visible_text_is_what_the_user_reads():
    html = ('<html><head><title>T</title><script>var idea = 1;</script></head><body><a href="?status=idea" '
            'title="uitleg">status</a><select><option value="running">in uitvoering</option></select>'
            '<input type="submit" value="Opslaan"><input type="hidden" name="form" value="pooling"></body></html>')
    assert visible_text(html) == "T status in uitvoering uitleg Opslaan"


# Who reads: every role, at the highest clearance, so that every record is on the pages.
READERS = [(role, LEVELS[-1]) for role in Role.values]


def _pages(targets: list[Target], role: str) -> list[Target]:
    """One URL per pattern and object kind: the least classified object there is (levels differ in what is
    shown, not in how; some kinds, such as final report versions, exist only above the lowest level), the object
    that is not there (the 404 page), and the pages that name no object; minus what the role is refused at the
    door (the admin for every role but the administrator's)."""
    administers = Action.ADMINISTER in MATRIX[Role(role)]
    lowest: dict[tuple, int] = {}  # per pattern and kind of object
    for target in targets:
        if target.names_object and not target.absent and target.level is not None:
            key = (target.shape, type(target.obj))
            lowest[key] = min(lowest.get(key, target.level), target.level)
    chosen = []
    for target in targets:
        name = target.endpoint.name or ""
        if name in NOT_THE_DUTCH_INTERFACE:
            continue
        if crawl.is_admin(target.endpoint) and not administers:
            continue
        if target.names_object and not target.absent and target.level is not None \
                and target.level != lowest[(target.shape, type(target.obj))]:
            continue
        chosen.append(target)
    return chosen


def _problems(url: str, name: str | None, response) -> list[str]:
    """What is wrong with one answer: a server error, a code or "---------" in its visible text."""
    if response.status_code >= 500:
        return [f"{response.status_code} {url} ({name})"]
    if not _is_page(response):
        return []
    text = visible_text(response.content.decode())
    problems = []
    codes = sorted(set(TELLTALE_PATTERN.findall(text)))
    if codes:
        where = TELLTALE_PATTERN.search(text)
        problems.append(f"{url} ({name}) shows {codes}: …{text[max(0, where.start() - 60):where.end() + 60]}…")
    if EMPTY_CHOICE_DASHES in text:
        problems.append(f"{url} ({name}) shows {EMPTY_CHOICE_DASHES}")
    slips = [*NOT_DUTCH.finditer(PO_BOX.sub("Postbus", text))]
    if name and name.endswith("-history"):
        slips += ONE_ID.finditer(text)
    for slip in slips:
        problems.append(f"{url} ({name}) shows {slip.group(0)!r}: …{text[max(0, slip.start() - 60):slip.end() + 60]}…")
    return problems


def _is_page(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html") and not response.streaming


# The pages of the Dutch interface that every role that may edit must have read as a page (200), each with a
# real object where it names one: the register's and the monitoring's lists, record pages and history tabs,
# and every create and edit form. The crawl fills every URL pattern; this holds it to actually reaching them.
MUST_READ = {
    "guide", "search:results",
    *(f"register:{kind}-{page}" for kind in ("agreement", "commitment", "contribution", "spending",
                                            "procurement", "document", "initiative")
      for page in ("list", "detail", "history")),
    "register:partner-list", "register:partner-detail", "register:partner-history", "register:network",
    "register:initiative-create", "register:initiative-edit",
    "monitoring:dashboard", "monitoring:milestone-list", "monitoring:initiative-gaps", "monitoring:commitment-list",
    "monitoring:plan-list", "monitoring:plan-create", "monitoring:plan-detail", "monitoring:plan-edit",
    "monitoring:plan-milestone-create", "monitoring:milestone-edit", "monitoring:milestone-note",
    "monitoring:official-list", "monitoring:official-create", "monitoring:official-detail",
    "monitoring:official-edit", "monitoring:official-activity", "monitoring:calendar",
    "monitoring:plan-history", "monitoring:official-history", "monitoring:activity-detail",
    "monitoring:activity-history", "monitoring:activity-edit", "monitoring:activity-delete",
    "assessment:proposal", "assessment:initiative", "assessment:rings", "assessment:partner-rings",
    "assessment:scenarios", "ingest:queue", "ingest:upload-confirm", "ingest:review", "reporting:index",
    "reporting:version",
}
# Forms not sent empty: sending them does something without asking (log out, switch language, accept every
# fact above the threshold, delete in the admin), which would change the pages read after them.
NOT_SENT = re.compile(r"^(logout|admin:logout|set_language|ingest:bulk-accept|admin:.*_delete)$")


# A letter for the upload's confirmation step, which exists only for an upload: dated and with a subject, so that
# the step shows them as read.
LETTER = ("Datum 3 maart 2020\nBetreft Oefening op zee\nOns kenmerk BS2020001234\n\n"
          "Nederland en Noorwegen oefenen samen op zee.\n")


def _upload_to_confirm(client: Client) -> list[Target]:
    """The confirmation step of a letter the reader sends, as a page to read like the crawl's."""
    sent = client.post(reverse("ingest:queue"), {"documents": [SimpleUploadedFile("brief.txt", LETTER.encode())]})
    assert sent.status_code == 302, sent.content.decode()[:2000]
    endpoint = next(e for e in crawl.endpoints() if e.name == "ingest:upload-confirm")
    return [Target(endpoint, sent["Location"], shape=(endpoint.label,))]


@pytest.mark.usefixtures("quiet_requests", "no_typesetting", "reports_built_once")
@pytest.mark.parametrize("who", READERS, ids=lambda who: who[0])
def test_every_page_and_every_form_speaks_dutch_to_every_role(world: World, site: list[Target], who,  # noqa: F811
                                                               db, settings, tmp_path) -> None:
    """Every page as it opens, and every form on it sent back empty (the form again, with its errors beside
    the fields and its menus still empty), as every role."""
    role, clearance = who
    settings.UPLOAD_DIR = tmp_path
    client = Client(raise_request_exception=False)
    client.force_login(world.users[(role, clearance)])
    problems: list[str] = []
    read: set[str] = set()
    forms: dict[str, str | None] = {}
    staged = _upload_to_confirm(client) if Action.EDIT in MATRIX[Role(role)] else []
    for target in _pages(site, role) + staged:
        response = client.get(target.url)
        if "_auth_user_id" not in client.session:  # a logout URL was fetched; carry on logged in
            client.force_login(world.users[(role, clearance)])
        name = target.endpoint.name
        problems += _problems(target.url, name, response)
        if response.status_code != 200 or not _is_page(response):
            continue
        if not target.absent:
            read.add(name or target.endpoint.label)
        for form in BeautifulSoup(response.content, "lxml").select("form[method=post], form[method=POST]"):
            action = urljoin(target.url, form.get("action") or target.url)
            path = urlsplit(action).path
            try:
                sent_to = resolve(path).view_name
            except Resolver404:
                problems.append(f"{target.url} ({name}) has a form sent to nowhere: {action}")
                continue
            if not NOT_SENT.match(sent_to or ""):
                forms.setdefault(action, sent_to)
    for action, sent_to in forms.items():
        response = client.post(action, {})
        assert "_auth_user_id" in client.session, f"POST {action} logged the user out"
        problems += _problems(f"POST {action}", sent_to, response)
        if response.status_code == 200 and _is_page(response):
            read.add(f"POST {sent_to}")
    assert not problems, "\n".join(problems[:60])
    if Action.EDIT in MATRIX[Role(role)]:
        assert not MUST_READ - read, sorted(MUST_READ - read)
        # Sent empty, the create and edit forms come back with their errors (not a redirect, not a refusal).
        assert {"POST register:initiative-create", "POST register:initiative-edit", "POST monitoring:plan-create",
                "POST monitoring:plan-edit", "POST monitoring:official-create",
                "POST monitoring:milestone-edit",
                "POST monitoring:activity-edit"} <= read, sorted(r for r in read if r.startswith("POST"))
    assert len(read) > 20  # the crawl read pages, not only redirects and downloads
