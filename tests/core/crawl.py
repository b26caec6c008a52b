"""The access crawl's machinery: a register with a marked record of every kind at every level, the list of
every URL the project serves (read from the URL resolver, so a new endpoint is crawled without anyone
listing it), and reading a response's text whatever its format.

A marker is a word that occurs nowhere but in the titles and texts of records at one level. If the marker of
a level above a user's clearance turns up in anything that user gets back, something leaked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import io
import itertools
import re
import secrets
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Model
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils.regex_helper import normalize

from ims.accounts.models import Role, User
from ims.accounts.services import user_create
from ims.assessment import services as assessment
from ims.assessment.models import PartnerCriteria, RingSuggestion, WeightingScenario
from ims.core.audit import AuditAction, AuditEntry
from ims.core.classification import Classification
from ims.core.models import Record
from ims.core.services import record_link, record_save
from ims.ingest.models import ExtractedFact, IngestItem, IngestJob, ItemStatus, JobStatus
from ims.monitoring import services as monitoring
from ims.register import models as reg_models
from ims.register import services as register
from ims.register.services import GoalInput
from ims.reporting import services as reporting
from ims.reporting.models import REPORT_FORMATS, PartnerDevelopment, ReportVersion

LEVELS = tuple(int(c) for c in Classification.values)
REPORT_YEAR = 2019
# Finalising renders the PDF (seconds each); two levels give a version hidden from every clearance below 3
# and one hidden from clearance 0 only, and the drafts cover the other levels.
VERSION_LEVELS = (1, 3)
PASSWORD = "kruip-wachtwoord-1"
# A pk and a code that belong to nothing: a hidden object must answer exactly as these do.
ABSENT_PK = 987654
ABSENT_CODE = "ZZABSENT"


def marker(level: int, token: str) -> str:
    # One word without hyphens, so that no renderer (PDF line breaking, Word runs) can split it.
    return f"MARKERL{level}X{token}"


@dataclass
class World:
    token: str
    markers: dict[int, str]
    # Identifiers (partner codes, scenario names) of hidden records: secret too, but a user may type them
    # into a URL, so they count as a leak only in a response to a URL that does not contain them.
    identifiers: dict[int, list[str]]
    objects: dict[type[Model], list[Model]] = field(default_factory=dict)
    users: dict[tuple[str, int], User] = field(default_factory=dict)
    creator: User | None = None

    def add(self, obj: Model) -> Model:
        self.objects.setdefault(type(obj), []).append(obj)
        return obj

    def first(self, model: type[Model], level: int) -> Model:
        return next(o for o in self.objects[model] if level_of(o) == level)

    def hidden_from(self, clearance: int | None) -> list[str]:
        """Markers of every level above the clearance (all of them for anonymous)."""
        floor = -1 if clearance is None else clearance
        return [m for level, m in self.markers.items() if level > floor]

    def hidden_identifiers(self, clearance: int | None) -> list[str]:
        floor = -1 if clearance is None else clearance
        return [i for level, ids in self.identifiers.items() if level > floor for i in ids]


def level_of(obj: Model) -> int | None:
    """The classification an object inherits: its own, its document's, or None for unclassified kinds."""
    if hasattr(obj, "classification"):
        return int(obj.classification)
    if isinstance(obj, reg_models.Citation):
        return int(obj.document.classification)
    return None


# --- the register -----------------------------------------------------------------------------------------

def _classify(obj: Model, level: int, actor: User) -> Model:
    obj.classification = level
    return record_save(obj, actor=actor)


def _cite(document: reg_models.SourceDocument, phrase: str) -> list[reg_models.Citation]:
    start = document.text.index(phrase)
    return [register.citation_get_or_create(document=document, start=start, end=start + len(phrase), page=1)]


def build_world() -> World:
    """A register where every kind of record exists at every level, marked, and linked across levels."""
    token = secrets.token_hex(4).upper()
    markers = {level: marker(level, token) for level in LEVELS}
    org_codes = {level: f"ORG{level}X{token}" for level in LEVELS}
    scenario_names = {level: f"kruip-l{level}-{token.lower()}" for level in LEVELS}
    world = World(token, markers, {level: [org_codes[level], scenario_names[level]] for level in LEVELS})

    creator = user_create(username="kruip-aanlegger", password=PASSWORD, role=Role.ADMINISTRATOR,
                          clearance=Classification.SECRET)
    world.creator = creator
    for role, level in itertools.product(Role.values, LEVELS):
        world.users[(role, level)] = user_create(username=f"kruip-{role}-{level}", password=PASSWORD, role=role,
                                                 clearance=level)

    # Germany first: the crawl samples the first open partner, and Germany has rings, criteria and spending.
    for code in ("DE", "NL", "BE", "LT"):
        world.add(register.partner_upsert(code=code, kind="country", actor=creator))
    nato = world.add(register.partner_upsert(code="NATO", kind="organisation", name_nl="NAVO", name_en="NATO",
                                             members=["NL", "BE", "DE"], actor=creator))
    register.ring_assign(partner=register.partner_for("DE"), ring="strategic", valid_from=dt.date(2012, 5, 11),
                         reason="Open reden.", actor=creator)

    by_level: dict[int, dict[str, Model]] = {}
    for level in LEVELS:
        m = markers[level]
        text = (f"Brief over de samenwerking. {m} afspraak over de Noordzee is getekend. "
                f"De {m} operatie loopt door. Het lid {m} vroeg om een overzicht. Slotzin.")
        doc = register.document_register(
            title=f"{m} brief", text=text, date=dt.date(REPORT_YEAR, 3, 1 + level), reference=f"{m}-kenmerk",
            filename=f"{m}.txt", actor=creator)
        doc = world.add(_classify(doc, level, creator))
        org = register.partner_upsert(code=org_codes[level], kind="organisation", name_nl=f"{m} partner",
                                      name_en=f"{m} partner en", actor=creator)
        org = world.add(_classify(org, level, creator))
        ring = world.add(register.ring_assign(partner=org, ring="strategic", valid_from=dt.date(2015, 1, 1),
                                              reason=f"{m} reden", citations=_cite(doc, "Brief over"),
                                              actor=creator))
        _classify(ring, level, creator)
        initiative = world.add(register.initiative_create(
            title=f"{m} initiatief", summary=f"{m} samenvatting", shortfall=f"{m} tekort", status="running",
            form="pooling", origin="bottom_up", actual_start=dt.date(2018, 1, 1), planned_end=dt.date(2022, 1, 1),
            participants=[(org.code, "lead"), ("NL", "participant"), ("DE", "participant")], frameworks=["NATO"],
            goals=[GoalInput("military", f"{m} doel", expected_result=f"{m} resultaat", indicator=f"{m} maat")],
            budgets={2019: Decimal("100000")}, staff_fte=Decimal("2"), classification=level,
            citations=_cite(doc, f"{m} afspraak over de Noordzee is getekend."), actor=creator))
        world.add(register.milestone_create(initiative=initiative, title=f"{m} mijlpaal", due_on=dt.date(2019, 6, 1),
                                            actor=creator))
        world.add(register.agreement_create(
            kind="MoU", title=f"{m} overeenkomst", subject=f"{m} onderwerp", parties=[org.code, "NL", "DE"],
            signed_on=dt.date(REPORT_YEAR, 4, 1 + level), initiative=initiative, classification=level,
            citations=_cite(doc, f"{m} afspraak over de Noordzee is getekend."), actor=creator))
        world.add(register.contribution_create(
            operation=f"{m} operatie", year=REPORT_YEAR, location="LT", personnel=10 + level,
            partners=[org.code, "DE"], role=f"{m} rol", classification=level,
            citations=_cite(doc, f"De {m} operatie loopt door."), actor=creator))
        world.add(register.spending_record(
            partner="DE", year=2015 + level, status="actual", pct_gdp=Decimal("1.2"), classification=level,
            citations=_cite(doc, "Slotzin."), actor=creator))
        world.add(register.procurement_create(partner="DE", system=f"{m} systeem", quantity=4, year=REPORT_YEAR,
                                              classification=level, actor=creator))
        world.add(register.commitment_create(
            member=f"{m} lid", subject=f"{m} toezegging", made_on=dt.date(REPORT_YEAR, 2, 1 + level),
            where_promised=f"{m} debat", answered_in=doc, classification=level,
            citations=_cite(doc, f"Het lid {m} vroeg om een overzicht."), actor=creator))
        world.add(reporting.development_create(
            partner="DE", kind="policy_paper", occurred_on=dt.date(REPORT_YEAR, 5, 1 + level),
            description=f"{m} ontwikkeling", classification=level, citations=_cite(doc, "Brief over"),
            actor=creator))
        start = doc.text.index(f"{m} afspraak")
        world.add(record_save(ExtractedFact(
            document=doc, fact_type="initiative", start=start, end=start + len(m) + 9, page=1, confidence=0.8,
            payload={"name": f"{m} feit", "partners": ["DE"], "status": "running"}, classification=level),
            actor=creator))
        for partner in (org, register.partner_for("DE")):
            criteria, suggestion = assessment.criteria_record(
                partner=partner, distance=0.2, culture=0.8, synergy=0.6, reason=f"{m} criteria",
                valid_from=dt.date(2019, 1, 1 + level), classification=level, actor=creator)
            world.add(criteria)
            world.add(suggestion)
        world.add(assessment.scenario_create(
            name=scenario_names[level], label_nl=f"{m} scenario", date=dt.date(2019, 1, 1),
            weights={"political_strategic": 1, "military": 2, "financial_economic": 1}, classification=level,
            actor=creator))
        plan = world.add(monitoring.plan_create(
            title=f"{m} plan", partner=org, starts_on=dt.date(2019, 1, 1), ends_on=dt.date(2021, 12, 31),
            summary=f"{m} plansamenvatting", goals=[("military", f"{m} plandoel")], initiatives=[initiative],
            classification=level, actor=creator))
        plan_milestone = world.add(monitoring.plan_milestone_add(
            plan=plan, initiative=initiative, title=f"{m} planmijlpaal", due_on=dt.date(2019, 3, 1),
            owner=world.users[("bia_member", level)], actor=creator))
        world.add(monitoring.progress_note_add(milestone=plan_milestone, noted_on=dt.date(2019, 2, 1),
                                               text=f"{m} voortgang", actor=creator))
        official = world.add(monitoring.official_create(
            name=f"{m} attaché", partner=org, starts_on=dt.date(2019, 1, 1), clearance=level, classification=level,
            actor=creator))
        world.add(monitoring.activity_record(
            official=official, kind="visit", occurred_on=dt.date(2019, 5, 1), partner=org, text=f"{m} bezoek",
            initiatives=[initiative], plans=[plan], classification=level, actor=creator))
        by_level[level] = {"doc": doc, "org": org, "initiative": initiative, "plan": plan}

    # Open records that touch classified ones: the places where a hidden title most easily slips through.
    open_initiative = by_level[0]["initiative"]
    for level in LEVELS[1:]:
        m = markers[level]
        doc, org, initiative = by_level[level]["doc"], by_level[level]["org"], by_level[level]["initiative"]
        record_link(open_initiative, add={"citations": _cite(doc, "Slotzin.")})
        record_link(open_initiative, add={"related": [initiative]})
        record_save(reg_models.Participation(initiative=open_initiative, partner=org, role="participant"),
                    actor=creator)
        record_link(nato, add={"members": [org]})
        record_link(org, add={"members": [register.partner_for("DE")]})
        world.add(record_save(reg_models.Milestone(initiative=open_initiative, title=f"{m} mijlpaal bij open",
                                                   due_on=dt.date(2019, 9, 1), classification=level),
                              actor=creator))
        world.add(register.agreement_create(
            kind="LOI", title=f"{markers[0]} open overeenkomst bij L{level}", parties=["NL", org.code],
            signed_on=dt.date(REPORT_YEAR, 7, level), initiative=initiative, actor=creator))
        world.add(register.commitment_create(subject=f"{markers[0]} open toezegging bij L{level}",
                                             made_on=dt.date(REPORT_YEAR, 8, level), answered_in=doc,
                                             actor=creator))
        world.add(register.contribution_create(operation=f"{markers[0]} open bijdrage bij L{level}",
                                               year=REPORT_YEAR, partners=[org.code, "DE"], actor=creator))
        # An open plan covering a classified initiative, with a classified milestone; an open attaché whose
        # open activity serves the classified initiative and plan.
        open_plan = by_level[0]["plan"]
        record_link(open_plan, add={"initiatives": [initiative]}, actor=creator)
        world.add(monitoring.plan_milestone_add(plan=open_plan, title=f"{m} mijlpaal in open plan",
                                                due_on=dt.date(2019, 4, 1), classification=level, actor=creator))
        attache = world.add(monitoring.official_create(name=f"{markers[0]} open attaché bij L{level}", partner=org,
                                                       starts_on=dt.date(2019, 1, 1), clearance=3, actor=creator))
        world.add(monitoring.activity_record(
            official=attache, kind="meeting", occurred_on=dt.date(2019, 6, 1), partner=register.partner_for("DE"),
            text=f"{markers[0]} open overleg bij L{level}", initiatives=[initiative], plans=[by_level[level]["plan"]],
            actor=creator))

    job = IngestJob.objects.create(created_by=creator, status=JobStatus.DONE, total=len(LEVELS),
                                   processed=len(LEVELS))
    world.add(job)
    for level in LEVELS:
        doc = by_level[level]["doc"]
        IngestItem.objects.create(job=job, filename=doc.filename, path=f"/tmp/{doc.filename}",
                                  status=ItemStatus.INGESTED, message="1 feit", document=doc)

    for level in VERSION_LEVELS:
        world.add(reporting.report_finalise(year=REPORT_YEAR, classification=level, actor=creator,
                                            reference=f"{markers[level]}-rapport"))

    for model in (reg_models.Partner, reg_models.Citation, RingSuggestion, PartnerCriteria, WeightingScenario,
                  PartnerDevelopment, ReportVersion, ExtractedFact, reg_models.RingAssignment):
        known = {o.pk for o in world.objects.get(model, [])}
        for obj in model.objects.unrestricted():
            if obj.pk not in known:
                world.add(obj)
    for user in [creator, *world.users.values()]:
        world.add(user)
    return world


# --- the URLs ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Endpoint:
    """One URL pattern, flattened: its full regex, the view, and the URL name with namespaces."""

    regex: str
    callback: Any
    name: str | None
    converters: dict[str, Any]

    @property
    def kwargs(self) -> list[str]:
        # normalize() gives the placeholders of the first alternative; that is enough to fill the pattern.
        return sorted(normalize(self.regex)[0][1])

    def url(self, values: dict[str, Any]) -> str:
        fmt, params = normalize(self.regex)[0]
        filled = {}
        for name in params:
            converter = self.converters.get(name)
            raw = converter.to_url(values[name]) if converter else values[name]
            filled[name] = quote(str(raw), safe="/")
        return "/" + fmt % filled

    @property
    def label(self) -> str:
        return self.name or self.regex


def _regex_of(pattern) -> str:
    source = pattern.regex.pattern
    return source[1:] if source.startswith("^") else source


def endpoints() -> list[Endpoint]:
    """Every URL pattern the project serves, walked recursively through every include."""
    found: list[Endpoint] = []

    def walk(patterns, prefix: str, namespace: str, converters: dict[str, Any]) -> None:
        for p in patterns:
            pattern = p.pattern
            own = dict(getattr(pattern, "converters", {}) or {})
            regex = prefix + _regex_of(pattern).removesuffix("\\Z").removesuffix("$")
            if isinstance(p, URLResolver):
                ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
                walk(p.url_patterns, regex, ns, {**converters, **own})
            elif isinstance(p, URLPattern):
                assert isinstance(pattern, RoutePattern | RegexPattern)
                name = f"{namespace}{p.name}" if p.name else None
                found.append(Endpoint(regex, p.callback, name, {**converters, **own}))

    walk(get_resolver().url_patterns, "", "", {})
    return found


def _owner(callback: Any) -> Any:
    """The object a view is a bound method of (a ModelAdmin, the AdminSite), looking through decorators."""
    seen = callback
    while seen is not None:
        owner = getattr(seen, "model_admin", None) or getattr(seen, "__self__", None)
        if owner is not None:
            return owner
        seen = getattr(seen, "__wrapped__", None)
    return None


def is_admin(endpoint: Endpoint) -> bool:
    return isinstance(_owner(endpoint.callback), admin.ModelAdmin | admin.AdminSite)


def is_drf(endpoint: Endpoint) -> bool:
    return getattr(endpoint.callback, "cls", None) is not None


def reads_query(endpoint: Endpoint) -> bool:
    """Whether the query-string variants are worth fetching: the admin's forms ignore the query string (only
    its changelists search and filter), and an API schema describes the API, not the register."""
    if is_admin(endpoint):
        return inspect.unwrap(endpoint.callback).__name__ == "changelist_view"
    cls = getattr(endpoint.callback, "view_class", None) or getattr(endpoint.callback, "cls", None)
    return not (cls is not None and cls.__module__.startswith("drf_spectacular"))


def view_model(endpoint: Endpoint, world: World, explicit: dict[str, type[Model]]) -> type[Model] | None:
    """The model whose objects a pattern's pk names: the admin's, a DRF view's, the table's, or the model
    the URL name starts with ('api:initiative-detail')."""
    owner = _owner(endpoint.callback)
    if isinstance(owner, admin.ModelAdmin):
        return owner.model
    if endpoint.name in explicit:
        return explicit[endpoint.name]
    cls = getattr(endpoint.callback, "cls", None)
    if cls is not None:
        queryset = getattr(cls, "queryset", None)
        if queryset is not None:
            return queryset.model
        meta = getattr(getattr(cls, "serializer_class", None), "Meta", None)
        if getattr(meta, "model", None) is not None:
            return meta.model
    if endpoint.name:
        stem = endpoint.name.rsplit(":", 1)[-1].split("-")[0]
        for model in world.objects:
            if model._meta.model_name == stem:
                return model
    return None


@dataclass(frozen=True)
class Target:
    """A concrete URL, with the level of the object it names (None: names no classified object)."""

    endpoint: Endpoint
    url: str
    level: int | None = None
    absent: bool = False  # names an object that does not exist: the yardstick for hidden ones
    shape: tuple = ()  # the endpoint and its other arguments: targets that differ only in the object
    obj: Model | None = None
    names_object: bool = False


def sample(world: World, model: type[Model]) -> list[Model]:
    """One object per level (the first made), or one object of a kind that has no level."""
    picked: dict[int | None, Model] = {}
    for obj in world.objects.get(model, []):
        picked.setdefault(level_of(obj), obj)
    return list(picked.values())


OBJECT_KWARGS = {"pk", "object_id", "id", "code", "_0"}
# Values for kwargs that name no object; a format the view does not know must be a plain 404.
PLAIN_VALUES: dict[str, tuple[str, ...]] = {
    "fmt": (*REPORT_FORMATS, "exe"),
    "format": ("json",),
    "url": ("onbekend/pad/",),
    # A calendar feed's secret address: one nobody was given must be a plain 404 (a given one is the owner's key,
    # so it is tested in tests/monitoring, not crawled).
    "secret": ("onbekend-geheim",),
    # An upload waiting for its uploader's confirmation: one never staged must be a plain 404 (a staged one is
    # its uploader's alone, so it is tested in tests/ingest and read by tests/core/test_visible_language).
    "token": ("onbekendeUploadToken0",),
}


def targets(world: World, explicit: dict[str, type[Model]]) -> tuple[list[Target], list[str]]:
    """Every endpoint filled with the pk or code of an object of every level, and of one that does not exist.

    Returns the targets and notes on kwargs nobody knew how to fill (those get every pk in the world).
    """
    out: list[Target] = []
    notes: list[str] = []
    labels = sorted({m._meta.app_label for m in admin.site._registry})
    for endpoint in endpoints():
        names = endpoint.kwargs
        if not names:
            out.append(Target(endpoint, endpoint.url({}), shape=(endpoint.label,)))
            continue
        if "content_type_id" in names:
            # The admin's "view on site" names any object of any kind; the kinds with a page of their own,
            # and initiatives as the example of those without.
            kinds = [k for k in world.objects if hasattr(k, "get_absolute_url") or k is reg_models.Initiative]
            for kind in kinds:
                for obj in sample(world, kind):
                    ct = ContentType.objects.get_for_model(obj)
                    out.append(Target(endpoint, endpoint.url({"content_type_id": ct.pk, "object_id": obj.pk}),
                                      level_of(obj), False, (endpoint.label,), obj, True))
            out.append(Target(endpoint, endpoint.url({"content_type_id": ABSENT_PK, "object_id": ABSENT_PK}),
                              None, True, (endpoint.label,), None, True))
            continue
        model = view_model(endpoint, world, explicit)
        objects: list[tuple[Any, Model | None]] = []
        object_kwarg = next((n for n in names if n in OBJECT_KWARGS), None)
        if object_kwarg is not None:
            if model is None:
                notes.append(f"{endpoint.label}: {object_kwarg} names an unknown model; every pk is tried")
                pks = sorted({o.pk for objs in world.objects.values() for o in objs if isinstance(o.pk, int)})
                objects = [(pk, None) for pk in pks]
            else:
                key = "code" if object_kwarg == "code" and hasattr(model, "code") else "pk"
                objects = [(getattr(o, key), o) for o in sample(world, model)]
            objects.append((ABSENT_CODE if object_kwarg == "code" else ABSENT_PK, None))
        plain: dict[str, tuple[str, ...]] = {}
        for name in names:
            if name in OBJECT_KWARGS or name in {"_1", "version_id", "content_type_id"}:
                continue
            if name == "app_label":
                plain[name] = tuple(labels)
            elif name in PLAIN_VALUES:
                plain[name] = PLAIN_VALUES[name]
            else:
                notes.append(f"{endpoint.label}: no values known for {name}; tried '1'")
                plain[name] = ("1",)
        for combo in itertools.product(*plain.values()):
            values = dict(zip(plain, combo, strict=True))
            shape = (endpoint.label, *combo)
            if object_kwarg is None:
                out.append(Target(endpoint, endpoint.url(values), shape=shape))
                continue
            for value, obj in objects:
                filled = {**values, object_kwarg: value}
                absent = obj is None and value in (ABSENT_PK, ABSENT_CODE)
                second = next((n for n in ("_1", "version_id") if n in names), None)
                if second:
                    # A history view names the object and one of its historical versions.
                    history = getattr(obj, "history", None)
                    first = history.order_by("history_id").first() if history is not None else None
                    filled[second] = first.history_id if first else ABSENT_PK
                level = level_of(obj) if obj is not None else None
                out.append(Target(endpoint, endpoint.url(filled), level, absent, shape, obj, True))
    return out, notes


# --- noticing a write -------------------------------------------------------------------------------------

_FINGERPRINT_SQL: list[str] = []


def fingerprint() -> tuple:
    """Row counts of every table of the project's models (history, audit and link tables included) and the
    sum of the records' versions, in one query: any write a request gets through changes it."""
    if not _FINGERPRINT_SQL:
        parts = []
        for model in apps.get_models(include_auto_created=True):
            if not model._meta.app_config.name.startswith("ims.") or not model._meta.managed:
                continue
            table = connection.ops.quote_name(model._meta.db_table)
            # Reads are audited too (downloads, exports, log-outs); only the entries of a change count here.
            changes = ", ".join(f"'{a}'" for a in (AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE))
            only = f" WHERE action IN ({changes})" if model is AuditEntry else ""
            parts.append(f"(SELECT COUNT(*) FROM {table}{only})")
            if issubclass(model, Record):
                parts.append(f"(SELECT COALESCE(SUM(version), 0) FROM {table})")
        _FINGERPRINT_SQL.append("SELECT " + ", ".join(parts))
    with connection.cursor() as cursor:
        cursor.execute(_FINGERPRINT_SQL[0])
        return tuple(cursor.fetchone())


def classified_above(level: int) -> int:
    """How many records of any kind are classified above a level."""
    return sum(model._base_manager.filter(classification__gt=level).count() for model in apps.get_models()
               if issubclass(model, Record) and model._meta.app_config.name.startswith("ims."))


# --- reading a response -----------------------------------------------------------------------------------

# What the crawl's stand-in for WeasyPrint puts before the HTML it was given (see the crawl test).
TYPESET = b"%PDF-as-html\n"
_PDF_TEXT: dict[str, str] = {}


def _pdf_text(content: bytes) -> str:
    digest = hashlib.sha256(content).hexdigest()
    if digest not in _PDF_TEXT:
        from pdfminer.high_level import extract_text

        _PDF_TEXT[digest] = extract_text(io.BytesIO(content))
    return _PDF_TEXT[digest]


def _docx_text(content: bytes) -> str:
    # Tags stripped without a separator, so that a word Word split over two runs comes back whole.
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        parts = [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".rels"))]
    return " ".join(re.sub(r"<[^>]+>", "", part) for part in parts)


def body_text(response: HttpResponse) -> str:
    """Everything a response carries, as text: headers, and the body decoded for its type."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if content.startswith(TYPESET):
        text = content[len(TYPESET):].decode("utf-8", "replace")
    elif kind.startswith("application/pdf"):
        text = _pdf_text(content)
    elif "wordprocessingml" in kind:
        text = _docx_text(content)
    else:
        text = content.decode("utf-8", "replace")
    headers = "\n".join(f"{k}: {v}" for k, v in response.items())
    return headers + "\n" + text
