"""Every URL the project serves, fetched as every role at every clearance (and anonymously): nothing above
the user's clearance may appear in any response, no response may be a server error, a hidden object must
answer exactly like one that does not exist, and no write gets past the permissions matrix or clearance.

The URLs come from the URL resolver (see ``tests/core/crawl.py``): a new page, admin screen or API
endpoint is crawled without being listed here. Run with ``-s`` to see how many requests were made.
"""

from __future__ import annotations

import copy
import json
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from ims.accounts.models import Role
from ims.accounts.permissions import MATRIX, Action
from ims.ingest.models import ExtractedFact, IngestJob
from ims.monitoring.models import CooperationPlan
from ims.register.models import Citation, DefenceSpending, Initiative, SourceDocument
from ims.reporting.models import ReportVersion
from ims.reporting.render import CONTENT_TYPES
from tests.core import crawl, probes
from tests.core.crawl import LEVELS, REPORT_YEAR, Target, World
from tests.db import in_db

# URL names whose pk is not the pk of the model the name starts with; every other name is read from
# the admin, the DRF view or the name itself (see crawl.view_model).
EXPLICIT_MODELS = {
    "ingest:job": IngestJob,
    "ingest:review": SourceDocument,
    "ingest:bulk-accept": SourceDocument,
    "ingest:fact-decide": ExtractedFact,
    "reporting:version": ReportVersion,
    "reporting:version-download": ReportVersion,
    "reporting:source": Citation,
    "register:spending-detail": DefenceSpending,
    "register:spending-history": DefenceSpending,
    "register:document-detail": SourceDocument,
    "register:document-history": SourceDocument,
    "monitoring:plan-detail": CooperationPlan,
    "monitoring:plan-edit": CooperationPlan,
    "monitoring:plan-milestone-create": CooperationPlan,
    "monitoring:plan-history": CooperationPlan,
}
# A prefix of every marker: a search for it finds every marked record, and its echo in the search box
# gives none of them away.
SEARCH = "MARKERL"

# On SQLite every role reads at every clearance. On PostgreSQL each role reads at its lowest and highest: the
# clearance filter is the same queryset on both databases, and the full crawl twice would take more of the CI's
# time than anything else, for the same answer. What differs between the databases (search, ordering, the
# triggers) is covered by the rest of the suite, which runs on both.
READ_LEVELS = LEVELS if connection.vendor == "sqlite" else [LEVELS[0], LEVELS[-1]]
USERS: list[tuple[str | None, int | None]] = [(role, level) for role in Role.values for level in READ_LEVELS]
USERS.append((None, None))
# The writes are sent by fewer users than the reads. A role's refusal does not depend on its clearance, so it is
# tried at the highest, where no object is hidden and every write reaches the role check. An editor's refusal
# above their clearance depends on the object's level relative to the clearance, so each editing role takes one
# clearance, together covering every level that can be hidden.
NOT_EDITING = [(role, LEVELS[-1]) for role in Role.values if Action.EDIT not in MATRIX[Role(role)]]
NOT_EDITING.append((None, None))
EDITING = [(role, LEVELS[-2 - i]) for i, role in enumerate(r for r in Role.values if Action.EDIT in MATRIX[Role(r)])]
# Writes that the generic edit body below is known to get through when aimed at a visible object: if they
# stop changing anything, the refusals this module counts would prove nothing.
MUST_WRITE = {"register:initiative-edit", "ingest:fact-decide", "api:initiative-detail", "monitoring:activity-delete"}
TALLY: Counter[str] = Counter()
# What each user's GET of each URL answered, kept by the read crawl for the write tests that run after it.
GET_STATUS: dict[tuple[str | None, int | None, str], int] = {}


def _user_id(value: tuple[str | None, int | None]) -> str:
    role, level = value
    return "anoniem" if role is None else f"{role}-{level}"


# --- the register and the site ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[World]:
    """One register for the whole module, rolled back at its end; each test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        started = time.perf_counter()
        built = crawl.build_world()
        TALLY["set-up seconds"] = round(time.perf_counter() - started)
        yield built
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def site(world: World, django_db_blocker) -> list[Target]:
    with django_db_blocker.unblock():
        targets, notes = crawl.targets(world, EXPLICIT_MODELS)
    TALLY["URL patterns"] = len(crawl.endpoints())
    TALLY["URLs (filled in)"] = len(targets)
    for note in notes:
        print("crawl:", note)
    return targets


@pytest.fixture(scope="module", autouse=True)
def report_tally() -> Iterator[None]:
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    TALLY["seconds (wall)"] = round(time.perf_counter() - wall)
    TALLY["seconds (cpu)"] = round(time.process_time() - cpu)
    if probes.SENT:
        TALLY["probe requests"] = probes.SENT["requests"]
    if TALLY:
        print("\naccess crawl:", ", ".join(f"{k}: {v}" for k, v in sorted(TALLY.items())))


@pytest.fixture
def quiet_requests() -> Iterator[None]:
    # Thousands of expected 403s and 404s would otherwise each log a warning line.
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


class _TypesetAsText:
    """Stands in for WeasyPrint in the crawl: the "PDF" is the HTML it would have been typeset from.

    Typesetting takes seconds per document, and every word in a PDF comes from that HTML, so the crawl reads
    the HTML instead; the finalised versions' real PDFs are read with pdfminer in their own test below.
    """

    def __init__(self, string: str = "", **_kwargs: Any) -> None:
        self.string = string

    def write_pdf(self, *_args: Any, **_kwargs: Any) -> bytes:
        return crawl.TYPESET + self.string.encode("utf-8")


@pytest.fixture
def no_typesetting(monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint

    from ims.reporting.render import pdf as report_pdf

    for owner in (weasyprint, report_pdf):
        monkeypatch.setattr(owner, "HTML", _TypesetAsText)
        monkeypatch.setattr(owner, "CSS", lambda *args, **kwargs: None)


_BUILT: dict[tuple, dict] = {}
_RENDERED: dict[tuple, bytes] = {}


@pytest.fixture
def reports_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report for a year and level is the same for every user (the builder takes no user; the views
    check the level against the clearance before calling it), and the crawl changes nothing it reads: so it
    is built and rendered once per year, level and format instead of once per request."""
    from ims.reporting import views

    build, render = views.build_report, views.render_report

    def built(**kwargs: Any) -> dict:
        key = tuple(sorted(kwargs.items()))
        if key not in _BUILT:
            _BUILT[key] = build(**kwargs)
        return copy.deepcopy(_BUILT[key])

    def rendered(data: dict, fmt: str) -> bytes:
        key = (data["year"], data["classification"], data.get("status"), data.get("version"), fmt)
        if key not in _RENDERED:
            _RENDERED[key] = render(data, fmt)
        return _RENDERED[key]

    monkeypatch.setattr(views, "build_report", built)
    monkeypatch.setattr(views, "render_report", rendered)


def _login(world: World, role: str | None, clearance: int | None) -> Client:
    client = Client(raise_request_exception=False)
    if role is not None:
        client.force_login(world.users[(role, clearance)])
    return client


def _stay_logged_in(client: Client, world: World, role: str | None, clearance: int | None) -> None:
    if role is not None and "_auth_user_id" not in client.session:
        client.force_login(world.users[(role, clearance)])  # a logout URL was crawled; carry on logged in


def _levels_for(clearance: int | None) -> set[int]:
    """The object levels a user's crawl visits: the open records (where hidden links show up), the user's
    own level (the most a page can show them) and every level above (which must stay hidden). Levels in
    between would add more pages of the same kinds; they are left out to keep the crawl affordable."""
    floor = -1 if clearance is None else clearance
    return {0, floor} | {level for level in LEVELS if level > floor}


def _filters(world: World, level: int) -> str:
    """A query string naming records of one level in every filter the pages know: partner, scenario,
    initiative to compare with, and the report's year and level."""
    initiative = world.first(Initiative, level)
    org, scenario = world.identifiers[level]
    return (f"?partner={org}&scenario={scenario}&compare={initiative.pk}&initiative={initiative.pk}"
            f"&year={REPORT_YEAR}&classification={level}&afwijkend=1")


def _variants(world: World, clearance: int | None) -> list[str]:
    """Query strings a page that names no object is fetched with: search, both exports, and filters at the
    user's own level and just above it."""
    variants = ["", f"?q={SEARCH}", f"?q={SEARCH}&format=json"]
    if clearance is not None:
        variants.append(_filters(world, clearance) + "&format=csv")
        if clearance + 1 in LEVELS:
            variants.append(_filters(world, clearance + 1))
    return variants


def _shut_out(role: str | None, target: Target) -> bool:
    """Whether the user is turned away at the door of the target's part of the site, before any view reads an
    object: anonymous visitors everywhere (every view asks for a login first), and every role but the
    administrator's in the admin (the admin site itself refuses them). Such a door does not depend on the
    object behind it, so one URL per pattern shows that each view keeps it shut."""
    if role is None:
        return True
    return crawl.is_admin(target.endpoint) and Action.ADMINISTER not in MATRIX[Role(role)]


def _rank(target: Target) -> int:
    return -1 if target.level is None else target.level


def _plan(world: World, targets: list[Target], role: str | None,
          clearance: int | None) -> list[tuple[Target, str]]:
    levels = _levels_for(clearance)
    variants = _variants(world, clearance)
    plan = []
    # Behind a shut door, the one URL of each pattern that names the most classified object: were the door
    # open, that page would give away the most.
    doors: dict[str, Target] = {}
    for target in targets:
        if _shut_out(role, target):
            kept = doors.get(target.endpoint.regex)
            if kept is None or _rank(target) > _rank(kept):
                doors[target.endpoint.regex] = target
            continue
        if target.level is not None and target.level not in levels:
            continue
        # The API's ".json" twins of its list URLs answer the same query as the lists themselves.
        suffixed = crawl.is_drf(target.endpoint) and target.endpoint.kwargs
        if crawl.reads_query(target.endpoint) and not target.names_object and not suffixed:
            plan += [(target, query) for query in variants]
        else:
            plan.append((target, ""))
    return plan + [(target, "") for target in doors.values()]


def _is_hidden(target: Target, clearance: int | None) -> bool:
    return target.level is not None and target.level > (-1 if clearance is None else clearance)


def _refused(response: HttpResponse) -> bool:
    return response.status_code in (401, 403, 404, 405) or _is_login(response)


def _is_login(response: HttpResponse) -> bool:
    if response.status_code != 302:
        return False
    return urlparse(response["Location"]).path in {resolve_url(settings.LOGIN_URL), reverse("admin:login")}


# --- reading ------------------------------------------------------------------------------------------------

@pytest.mark.usefixtures("quiet_requests", "no_typesetting", "reports_built_once")
@pytest.mark.parametrize("who", USERS, ids=_user_id)
def test_nothing_above_clearance_in_any_response(world: World, site: list[Target], who, db) -> None:
    role, clearance = who
    client = _login(world, role, clearance)
    hidden = world.hidden_from(clearance)
    hidden_ids = world.hidden_identifiers(clearance)
    visible = [m for m in world.markers.values() if m not in hidden]
    problems: list[str] = []
    seen: set[str] = set()
    statuses: dict[tuple, dict[bool, set[int]]] = defaultdict(lambda: {True: set(), False: set()})
    plan = _plan(world, site, role, clearance)
    for target, query in plan:
        url = target.url + query
        response = client.get(url)
        text = crawl.body_text(response)
        if response.status_code >= 500:
            problems.append(f"{response.status_code} {url}")
        problems += [f"{m} in {url} ({response.status_code})" for m in hidden if m in text]
        problems += [f"{i} in {url} ({response.status_code})" for i in hidden_ids if i in text and i not in url]
        seen.update(m for m in visible if m in text)
        if _shut_out(role, target):
            if target.names_object and not _refused(response):
                problems.append(f"{url} answers {response.status_code} behind a door that is shut to the user")
        elif not query:
            GET_STATUS[(role, clearance, url)] = response.status_code
            if target.absent or _is_hidden(target, clearance):
                statuses[target.shape][target.absent].add(response.status_code)
        _stay_logged_in(client, world, role, clearance)
    for shape, by_kind in statuses.items():
        if by_kind[False] and by_kind[False] != by_kind[True]:
            problems.append(f"{shape}: a hidden object answers {sorted(by_kind[False])}, "
                            f"a missing one {sorted(by_kind[True])}")
    TALLY["GET requests"] += len(plan)
    assert not problems, "\n".join(sorted(set(problems))[:80])
    # The crawl saw the user's own levels, so it did not just collect login pages and errors.
    assert set(visible) <= seen
    # Every pattern was requested at least once, so the floor grows with the URLconf.
    assert len({t.endpoint.regex for t, _q in plan}) == len(crawl.endpoints())


def test_finalised_reports_hold_nothing_above_their_level(world: World, db) -> None:
    """The stored files of each finalised version, PDF and Word included, read back as text."""
    versions = in_db(ReportVersion).filter(year=REPORT_YEAR).prefetch_related("files")
    assert versions.count() == len(crawl.VERSION_LEVELS)
    for version in versions:
        for stored in version.files.all():
            response = HttpResponse(bytes(stored.content), content_type=CONTENT_TYPES[stored.format])
            text = crawl.body_text(response)
            assert world.markers[version.classification] in text, (version, stored.format)
            leaked = [m for m in world.hidden_from(version.classification) if m in text]
            assert not leaked, (version, stored.format, leaked)


# --- writing ------------------------------------------------------------------------------------------------

def _edit_body(target: Target, clearance: int) -> dict[str, Any]:
    """One body for every edit form the project has: each view reads the fields it knows. It is valid where
    it needs to be (see MUST_WRITE), so a refusal is the permission or clearance check, not a bad form."""
    obj = target.obj
    stored = type(obj)._base_manager.filter(pk=obj.pk).first() if obj is not None else None
    version = getattr(stored, "version", 1)
    level = getattr(stored, "classification", 0)
    return {
        "base_version": version, "version": version, "classification": min(level, clearance),
        "title": "Gewijzigd door de kruiper", "summary": "Kruiper", "kind": "general", "status": "running",
        "form": "pooling", "origin": "bottom_up", "due_on": "2020-01-01",
        "decision": "reject", "note": "Kruiper", "min_confidence": "0",  # the review of facts
        "action": "refresh",  # the partner's ring page
        "post": "yes",  # the admin's delete confirmation
    }


def _create_body(level: int) -> dict[str, Any]:
    """New records at a given level: a scenario, partner criteria, a finalised report."""
    return {
        "name": f"kruiper-{level}", "label_nl": "Kruiper", "date": "2020-01-01", "weight_political_strategic": "1",
        "weight_military": "1", "weight_financial_economic": "1", "classification": level, "year": REPORT_YEAR,
        "action": "criteria", "political_distance": "0.5", "culture_similarity": "0.5",
        "operational_synergy": "0.5", "valid_from": "2020-01-01", "reason": "Kruiper", "reference": "Kruiper",
    }


API_EDIT = {"title"}
API_CREATE = {"title", "due_on", "classification"}
# A decision dated in an earlier year rewrites the past and is recorded only when confirmed, as this one is.
RING_BODY = {"action": "ring", "ring": "opportunity", "valid_from": "2020-01-01", "reason": "Kruiper",
             "confirmed": "on"}


def _send(client: Client, target: Target, method: str, body: dict[str, Any],
          above: int | None = None) -> tuple[HttpResponse, bool]:
    """Send one write and undo it; returns the response and whether the database changed (with ``above``:
    whether a record classified above that level was added)."""
    with transaction.atomic():
        measure = crawl.fingerprint if above is None else (lambda: crawl.classified_above(above))
        before = measure()
        if crawl.is_drf(target.endpoint):
            # The API refuses fields it does not know, so it gets only the ones it has (the version goes in If-Match).
            data = {k: v for k, v in body.items() if k in (API_EDIT if above is None else API_CREATE)}
            response = getattr(client, method)(target.url, data=json.dumps(data), content_type="application/json",
                                               HTTP_IF_MATCH=f'"{body.get("version", 1)}"')
        else:
            response = client.post(target.url, data=body)
        changed = measure() != before
        transaction.set_rollback(True)
    TALLY["write requests"] += 1
    return response, changed


def _methods(target: Target) -> tuple[str, ...]:
    return ("post", "put", "patch", "delete") if crawl.is_drf(target.endpoint) else ("post",)


@pytest.mark.usefixtures("quiet_requests", "no_typesetting")
@pytest.mark.parametrize("who", NOT_EDITING, ids=_user_id)
def test_roles_without_edit_change_nothing(world: World, site: list[Target], who, db) -> None:
    """Every URL, every write method: refused (403/404/405, or the login page), and nothing changes. A view
    that answers a POST as it answers a GET is a page that ignores POST, which is allowed."""
    role, clearance = who
    client = _login(world, role, clearance)
    bodies = [_edit_body, lambda _t, c: _create_body(c), lambda _t, _c: RING_BODY]
    problems = []
    for target, _query in _plan(world, site, role, clearance):
        for method in _methods(target):
            # Only the site's own views dispatch on the body ("action", "decision"); admin and API refuse by role.
            plain_view = not (crawl.is_admin(target.endpoint) or crawl.is_drf(target.endpoint))
            for body in bodies if plain_view else bodies[:1]:
                response, changed = _send(client, target, method, body(target, clearance or 0))
                status = response.status_code
                if changed:
                    problems.append(f"{method.upper()} {target.url} ({status}) changed the database")
                if status >= 500:
                    problems.append(f"{method.upper()} {target.url}: {status}")
                elif status not in (401, 403, 404, 405) and not _is_login(response):
                    answer = GET_STATUS.get((role, clearance, target.url)) or client.get(target.url).status_code
                    if answer != status:
                        problems.append(f"{method.upper()} {target.url}: {status} (a GET gets {answer})")
                _stay_logged_in(client, world, role, clearance)
    assert not problems, "\n".join(sorted(set(problems))[:80])


@pytest.mark.usefixtures("quiet_requests", "no_typesetting")
@pytest.mark.parametrize("who", EDITING, ids=_user_id)
def test_edits_aimed_above_clearance_change_nothing(world: World, site: list[Target], who, db) -> None:
    """An editor's write aimed at an object above their clearance answers like one aimed at nothing and
    changes nothing; a new record above their clearance is refused too. The same writes aimed at an object
    they may see go through (MUST_WRITE), which shows that the refusals are the clearance check at work."""
    role, clearance = who
    client = _login(world, role, clearance)
    problems = []
    answers: dict[tuple, dict[bool, set[int]]] = defaultdict(lambda: {True: set(), False: set()})
    wrote: set[str] = set()
    for target, _query in _plan(world, site, role, clearance):
        for method in _methods(target):
            hidden = _is_hidden(target, clearance)
            if _shut_out(role, target):
                response, changed = _send(client, target, method, _edit_body(target, clearance))
                if changed or (target.names_object and not _refused(response)):
                    problems.append(f"{method.upper()} {target.url} ({response.status_code}) got past a shut door")
            elif target.names_object and (hidden or target.absent):
                response, changed = _send(client, target, method, _edit_body(target, clearance))
                answers[(*target.shape, method)][target.absent].add(response.status_code)
                if changed:
                    problems.append(f"{method.upper()} {target.url} ({response.status_code}) changed the database")
                if response.status_code in (200, 201, 204) or response.status_code >= 500:
                    problems.append(f"{method.upper()} {target.url}: {response.status_code}")
            elif target.level == clearance and target.names_object:
                # The same write aimed at an object the editor may see: the control that the body works.
                response, changed = _send(client, target, method, _edit_body(target, clearance))
                if changed:
                    wrote.add(target.endpoint.label)
            offers_new = not target.names_object or target.level == clearance
            if method == "post" and offers_new and not crawl.is_admin(target.endpoint):
                # A new record one level above the editor's clearance: refused wherever it is offered.
                response, changed = _send(client, target, method, _create_body(clearance + 1), above=clearance)
                if changed:
                    problems.append(f"POST {target.url} made a record above the editor's clearance")
            _stay_logged_in(client, world, role, clearance)
    for shape, by_kind in answers.items():
        if by_kind[False] and by_kind[False] != by_kind[True]:
            problems.append(f"{shape}: aimed at a hidden object {sorted(by_kind[False])}, "
                            f"at a missing one {sorted(by_kind[True])}")
    assert not problems, "\n".join(sorted(set(problems))[:80])
    assert wrote >= MUST_WRITE, f"the edit body no longer gets through to {sorted(MUST_WRITE - wrote)}"


@pytest.mark.usefixtures("quiet_requests")
@pytest.mark.parametrize("role", Role.values)
def test_setting_a_ring_needs_the_set_ring_right(world: World, role: str, db) -> None:
    client = _login(world, role, LEVELS[-1])
    target = Target(crawl.Endpoint("", None, None, {}), reverse("assessment:partner-rings", args=["DE"]))
    response, changed = _send(client, target, "post", RING_BODY)
    if Action.SET_RING in MATRIX[Role(role)]:
        assert changed and response.status_code == 302
    else:
        assert not changed and response.status_code == 403


def test_accepting_a_fact_keeps_to_its_classification(world: World, db) -> None:
    """A fact from a classified letter makes or feeds only records at least as classified; a fact never
    changes (let alone declassifies) a record its reviewer cannot see."""
    from ims.core.services import record_save
    from ims.ingest import services as ingest
    from ims.register.models import Contribution, DefenceSpending

    def fact(level: int, fact_type: str, payload: dict) -> ExtractedFact:
        document = world.first(SourceDocument, level)
        return record_save(ExtractedFact(document=document, fact_type=fact_type, payload=payload, start=0, end=5,
                                         confidence=0.9, classification=level))

    open_contribution = world.first(Contribution, 0)
    partners_before = sorted(open_contribution.partners.values_list("code", flat=True))
    secret = fact(3, "contribution", {"operation": open_contribution.operation, "year": REPORT_YEAR,
                                      "partners": ["BE"]})
    ingest.fact_accept(fact=secret, actor=world.users[("analyst", 3)])
    made = in_db(Contribution).get(pk=secret.target.rsplit(":", 1)[1])
    assert made.classification == 3
    assert sorted(open_contribution.partners.values_list("code", flat=True)) == partners_before

    # A figure hidden from the reviewer is, to them, not there: the fact makes a figure of its own level beside it.
    figure = in_db(DefenceSpending).get(partner__code="DE", year=2015 + 3)
    opened = fact(0, "defence_spending", {"partner": "DE", "year": figure.year, "status": "actual", "pct_gdp": 9.9})
    ingest.fact_accept(fact=opened, actor=world.users[("analyst", 0)])
    made = in_db(DefenceSpending).get(pk=opened.target.rsplit(":", 1)[1])
    assert (made.classification, made.pct_gdp) == (0, Decimal("9.9"))
    stored = in_db(DefenceSpending).get(pk=figure.pk)
    assert (stored.classification, stored.pct_gdp, stored.version) == (3, figure.pct_gdp, figure.version)


def test_the_admin_site_follows_the_matrix_not_the_staff_flag(world: World, db) -> None:
    viewer = world.users[("viewer", LEVELS[-1])]
    viewer.is_staff = viewer.is_superuser = True  # ticked on the user screen, role unchanged
    viewer.save()
    response = _login(world, "viewer", LEVELS[-1]).get(reverse("admin:index"))
    assert _is_login(response)
    assert _login(world, "administrator", LEVELS[-1]).get(reverse("admin:index")).status_code == 200


# --- write probes: a hidden record named in a parameter answers as a missing one ---------------------------

# An administrator at Departementaal Vertrouwelijk: every page, form and admin screen is open to the role, so
# every parameter is reached, and the records at Stg. Confidentieel and Stg. Geheim are hidden.
PROBER = ("administrator", 1)
# The probes run in shards, which xdist spreads over its workers (see probes.shard); each is a test of its own.
PROBE_SHARDS = probes.shards()
# Keys the probes must find read, each in a shard where a form of the project reads it, so that the discovery
# cannot quietly collapse to nothing: a shard that no longer probes one fails.
MUST_PROBE: dict[str, set[str]] = {
    "register": {"partner", "participations-0-partner"},
    "assessment": {"scenario", "compare", "name", "partners"},
    "monitoring": {"plan", "initiative", "initiatives", "plans"},
    "ingest": {"partners"},  # the review screen's partner picker (the upload's steps name no record)
}
# Forms whose record fields must be probed on the form itself, not just somewhere in its shard: an edit form that
# shares its fields with a create form would otherwise pass on the create form's probes alone.
MUST_PROBE_ON: dict[str, set[tuple[str, str, str]]] = {
    "monitoring": {("monitoring:activity-edit", "post", key) for key in ("partner", "initiatives", "plans")},
}
# Keys by which a view chooses what a POST does; each value is a path of its own, with fields of its own.
DISPATCH = {"decision": ("accept", "correct", "reject"), "action": ("criteria", "ring", "refresh")}


def _probe_bodies(target: Target, clearance: int) -> list[tuple[str, dict[str, Any]]]:
    """The requests a target is probed with: a GET, and a valid-looking body for each write method."""
    if crawl.is_drf(target.endpoint):
        edit = {k: v for k, v in _edit_body(target, clearance).items() if k in API_EDIT | {"version"}}
        return [("get", {})] + [(method, edit) for method in _methods(target)]
    bodies = [_edit_body(target, clearance)]
    if not crawl.is_admin(target.endpoint):
        bodies += [_create_body(clearance), RING_BODY]
    return [("get", {})] + [("post", body) for body in bodies]


@pytest.mark.usefixtures("quiet_requests", "no_typesetting", "reports_built_once")
@pytest.mark.parametrize("shard", PROBE_SHARDS)
def test_hidden_records_named_in_parameters_answer_as_missing_ones(world: World, site: list[Target], shard: str, db,
                                                                   monkeypatch) -> None:
    """Every query-string filter, form field, formset field and API field that names a record, found by asking
    each view which keys it reads: the id or code of a record above the user's clearance gets the same
    answer as one of a record that does not exist (status, page, messages, redirect) and changes the
    database alike."""
    role, clearance = PROBER
    user = world.users[PROBER]
    client = _login(world, role, clearance)

    def relogin() -> None:
        _stay_logged_in(client, world, role, clearance)

    problems: list[str] = []
    probed: set[str] = set()
    fields: set[tuple[str, str, str]] = set()
    for target in probes.targets(site):
        if probes.shard(target.endpoint) != shard:
            continue
        queue = _probe_bodies(target, clearance)
        tried = {(method, key, body.get(key)) for method, body in queue for key in DISPATCH}
        while queue:
            method, base = queue.pop(0)
            read, body = probes.keys_read(client, target, method, base, monkeypatch)
            relogin()
            # A view that chooses what a POST does by a key (accept, correct, reject) reads other fields on
            # each path: every path is probed.
            for key in DISPATCH.keys() & read if method != "get" else ():
                for value in DISPATCH[key]:
                    if (method, key, value) not in tried:
                        tried.add((method, key, value))
                        queue.append((method, {**base, key: value}))
            for key, kinds in probes.references(read).items():
                for probe in probes.probes_for(key, kinds, user):
                    problems += probes.pair(client, target, method, body, probe, relogin)
                    probed.add(probes._stem(key) if "-" not in key else key)
                    fields.add((target.endpoint.label, method, key))
    TALLY["probed (page, method, key)"] += len(fields)
    print(f"probed keys ({shard}):", ", ".join(sorted(probed)))
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(sorted(set(problems))[:80])
    must = MUST_PROBE.get(shard, set())
    assert probed >= must, f"no longer probed in {shard}: {sorted(must - probed)}"
    on_forms = MUST_PROBE_ON.get(shard, set())
    assert fields >= on_forms, f"no longer probed in {shard}: {sorted(on_forms - fields)}"


def test_every_shard_that_must_probe_a_key_exists() -> None:
    """A shard renamed or gone would otherwise take its keys out of the check above without a failure."""
    assert MUST_PROBE.keys() | MUST_PROBE_ON.keys() <= set(PROBE_SHARDS), \
        sorted((MUST_PROBE.keys() | MUST_PROBE_ON.keys()) - set(PROBE_SHARDS))
