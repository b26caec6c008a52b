"""The access crawl's write probes: which parameters of a request name a record, and what to put in them.

No list of forms is kept here. A view is asked which parameters it reads: it is sent one request while the
query dictionaries (query string, form body) and the API's parsed JSON note every key looked up, including
keys a form looks for but did not get. A key that names a record is one whose name is a relation field of a
gated model (``partner``, ``initiative``, ``answered_in``, the admin's ``initiative__id__exact``, a formset's
``participations-0-partner``), or one of the few names below that take a record by another word. So a new
form, filter or API field that takes a record is probed the day it is written.

Each such key is then sent twice: with the id (and natural key: a partner's code, a scenario's name) of a
record above the user's clearance, and with one of a record that does not exist. The two answers must be the
same but for the value itself, and change the database alike.

The URL patterns are probed in shards (see :func:`shard`), each a test of its own, so that the probes, thousands
of requests, spread over the test run's workers instead of keeping one of them busy to the end.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib import admin
from django.db import models, transaction
from django.http import HttpResponse, QueryDict
from django.test import Client
from rest_framework.parsers import JSONParser

from ims.assessment.models import WeightingScenario
from ims.core.gate import is_gated
from ims.register.models import Initiative
from tests.core import crawl
from tests.core.crawl import Target

ABSENT_PK = 987654
SENT: Counter[str] = Counter()  # requests sent, for the crawl's tally
ABSENT_KEY = "zzabsent"  # in the case of the hidden value, so that both pass a check of the key's shape

# Keys that take a record by a word other than the relation's name.
OTHER_NAMES: dict[str, tuple[type[models.Model], ...]] = {
    "compare": (Initiative,),  # the initiatives an assessment is compared with
    "scenario": (WeightingScenario,),  # a weighting scenario by its name
    "name": (WeightingScenario,),  # a new scenario's name: a clash with a hidden one must not show
}

# Relation names that, as a request's key, mean something else: on every record form "version" is the number
# the editor started from (optimistic locking), not a finalised report version.
NOT_REFERENCES = {"version"}

# --- which keys a view reads ---------------------------------------------------------------------------------

_READ: list[set[str]] = []


def _noting(method):
    def noted(self, key, *args, **kwargs):
        if _READ and isinstance(key, str):
            _READ[-1].add(key)
        return method(self, key, *args, **kwargs)
    return noted


class _NotingDict(dict):
    """The API's parsed JSON body, noting the keys a serializer looks up."""

    __getitem__ = _noting(dict.__getitem__)
    get = _noting(dict.get)
    __contains__ = _noting(dict.__contains__)


def _noting_parse(parse):
    def parsed(self, *args, **kwargs):
        data = parse(self, *args, **kwargs)
        return _NotingDict(data) if isinstance(data, dict) and _READ else data
    return parsed


@contextlib.contextmanager
def noting_reads(monkeypatch) -> Iterator[set[str]]:
    """Within the block, every key looked up in a request's GET, POST or JSON body is added to the set."""
    read: set[str] = set()
    with monkeypatch.context() as patch:
        for name in ("__getitem__", "get", "getlist", "__contains__"):
            patch.setattr(QueryDict, name, _noting(getattr(QueryDict, name)))
        patch.setattr(JSONParser, "parse", _noting_parse(JSONParser.parse))
        _READ.append(read)
        try:
            yield read
        finally:
            _READ.pop()


# --- which keys name records, and what to send ---------------------------------------------------------------

def _stem(key: str) -> str:
    """A key's field name: without a formset's prefix (``participations-0-``) or the admin's lookup
    (``__id__exact``)."""
    return key.rsplit("-", 1)[-1].split("__", 1)[0]


def relation_names() -> dict[str, set[type[models.Model]]]:
    """Every relation field name of the project's models that points at a gated model, with its targets."""
    names: dict[str, set[type[models.Model]]] = {}
    for model in apps.get_models():
        if not model.__module__.startswith("ims."):
            continue
        for field in model._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model and is_gated(field.related_model):
                names.setdefault(field.name, set()).add(field.related_model)
    for name, targets in OTHER_NAMES.items():
        names.setdefault(name, set()).update(targets)
    return {name: targets for name, targets in names.items() if name not in NOT_REFERENCES}


def references(keys: set[str]) -> dict[str, set[type[models.Model]]]:
    """The keys among those read that name records, with the kinds of record they may name."""
    names = relation_names()
    return {key: names[_stem(key)] for key in sorted(keys) if _stem(key) in names}


def natural_keys(model: type[models.Model]) -> list[str]:
    """The text fields a record is also named by (a partner's code, a scenario's name): unique on their own,
    or together with the classification only (names unique per level)."""
    per_level = {fields[0] for c in model._meta.constraints if isinstance(c, models.UniqueConstraint)
                 for fields in [[f for f in c.fields if f != "classification"]] if len(fields) == 1}
    return [f.name for f in model._meta.concrete_fields
            if (f.unique or f.name in per_level) and not f.primary_key and isinstance(f, models.CharField)]


@dataclass(frozen=True)
class Probe:
    key: str
    model: type[models.Model]
    field: str  # "pk" or a natural key
    hidden: str
    absent: str


def probes_for(key: str, targets: set[type[models.Model]], user) -> list[Probe]:
    """For one key: a hidden record's pk and natural keys beside values that name nothing."""
    out = []
    for model in sorted(targets, key=lambda m: m._meta.label):
        visible = model.objects.for_user(user).values("pk")
        hidden = model._base_manager.exclude(pk__in=visible).order_by("-pk").first()
        if hidden is None:
            continue
        out.append(Probe(key, model, "pk", str(hidden.pk), str(ABSENT_PK)))
        for name in natural_keys(model):
            value = str(getattr(hidden, name))
            out.append(Probe(key, model, name, value, ABSENT_KEY.upper() if value.isupper() else ABSENT_KEY))
    return out


# --- comparing two answers -----------------------------------------------------------------------------------

_VOLATILE = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'), 'name="csrfmiddlewaretoken"'),
    (re.compile(r'nonce="[^"]+"'), 'nonce=""'),
    (re.compile(r'"csrfToken": ?"[^"]+"'), '"csrfToken": ""'),
]


def _token(value: str) -> re.Pattern:
    return re.compile(rf"(?<![0-9A-Za-z_-]){re.escape(value)}(?![0-9A-Za-z_-])")


def answer(response: HttpResponse, probe: Probe, text: str) -> tuple:
    """What a user learns from a response, with the value sent (either one) written as VALUE."""
    for pattern, plain in _VOLATILE:
        text = pattern.sub(plain, text)
    location = response.get("Location", "")
    for value in (probe.hidden, probe.absent):
        text = _token(value).sub("VALUE", text)
        location = _token(value).sub("VALUE", location)
    # A record the request made has its own new id each time (sequences are not rolled back).
    location = re.sub(r"\d+", "N", location)
    return response.status_code, location, text


def first_difference(a: str, b: str, width: int = 120) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"…{a[max(0, at - width):at + width]!r}\n   vs …{b[max(0, at - width):at + width]!r}"


def with_key(body: dict[str, Any], key: str, value: str) -> dict[str, Any]:
    return {**body, key: value}


# --- which pages are probed, in which shard ------------------------------------------------------------------

def targets(site: list[Target]) -> list[Target]:
    """One URL per pattern, naming an open record or none: the probes go into its parameters, not its path."""
    chosen: dict[str, Target] = {}
    for target in site:
        if target.absent or (target.level or 0) > 0 or target.endpoint.name in {"logout", "admin:logout"}:
            continue
        chosen.setdefault(target.endpoint.regex, target)
    return list(chosen.values())


def shard(endpoint: crawl.Endpoint) -> str:
    """The shard a URL pattern is probed in: the admin of one model (its add, change and history forms are the
    costliest to probe: every inline is a formset), the admin's own pages, or one namespace of the site's pages
    and API ("site" for the pages outside any namespace). Read off the pattern alone, so that a pattern stays in
    its shard however many others are added, and a new namespace or admin gets a shard of its own."""
    owner = crawl._owner(endpoint.callback)
    if isinstance(owner, admin.ModelAdmin):
        return f"admin:{owner.model._meta.label_lower}"
    if crawl.is_admin(endpoint):
        return "admin"
    name = endpoint.name or ""
    return name.split(":", 1)[0] if ":" in name else "site"


def shards() -> list[str]:
    """Every shard, from the URL resolver: the whole site, shard by shard."""
    return sorted({shard(endpoint) for endpoint in crawl.endpoints()})


def admin_filter_keys(target: Target) -> set[str]:
    """The admin's changelist reads its filters by iterating the query string, so its related-field filters
    are read off the ModelAdmin: ``initiative__id__exact`` for ``list_filter = ["initiative"]``."""
    owner = crawl._owner(target.endpoint.callback)
    if not (crawl.is_admin(target.endpoint) and crawl.reads_query(target.endpoint)) or not hasattr(owner, "model"):
        return set()
    keys = set()
    for spec in owner.list_filter:
        name = spec[0] if isinstance(spec, tuple | list) else spec
        if not isinstance(name, str):
            continue
        field = owner.model._meta.get_field(name.split("__")[0])
        if field.is_relation:
            keys.add(f"{field.name}__{field.target_field.name}__exact")
    return keys


# --- sending ---------------------------------------------------------------------------------------------------

def send(client: Client, target: Target, method: str, body: dict[str, Any]) -> tuple[HttpResponse, str, tuple]:
    """One request, undone; the response, its text, and how it changed the row counts and versions."""
    # Messages an earlier (undone) request left for the next page would show on this one.
    client.cookies.pop("messages", None)
    with transaction.atomic():
        before = crawl.fingerprint()
        if method == "get":
            response = client.get(target.url, data=body)
        elif crawl.is_drf(target.endpoint):
            response = getattr(client, method)(target.url, data=json.dumps(body), content_type="application/json",
                                               HTTP_IF_MATCH=f'"{body.get("version", 1)}"')
        else:
            response = client.post(target.url, data=body)
        # The body only: headers such as Expires and Content-Length differ from one request to the next.
        text = crawl.body_text(response).split("\n", len(response.items()))[-1]
        text = f"{response.get('Content-Type')}\n{response.get('Content-Disposition')}\n{text}"
        delta = tuple(after - was for after, was in zip(crawl.fingerprint(), before, strict=True))
        transaction.set_rollback(True)
    SENT["requests"] += 1
    return response, text, delta


def keys_read(client: Client, target: Target, method: str, body: dict[str, Any], monkeypatch) -> tuple[set, dict]:
    """The keys the view looks up in the request, and the body with every formset it asks for given one
    empty form, so that the formset's own fields are read too (a second pass)."""
    for _pass in range(2):
        with noting_reads(monkeypatch) as read:
            # A key nobody reads, so that the query string is not empty: views bind their filter form only
            # to a non-empty one (``Form(request.GET or None)``).
            send(client, target, method, body if method != "get" else {"kruip": "1"})
        formsets = {k.removesuffix("-TOTAL_FORMS") for k in read if k.endswith("-TOTAL_FORMS")}
        missing = {p for p in formsets if f"{p}-TOTAL_FORMS" not in body}
        if not missing:
            break
        body = {**body, **{f"{p}-{part}": n for p in missing
                           for part, n in (("TOTAL_FORMS", 1), ("INITIAL_FORMS", 0), ("MIN_NUM_FORMS", 0),
                                           ("MAX_NUM_FORMS", 1000))}}
    if method == "get":
        read |= admin_filter_keys(target)
    return read, body


def pair(client: Client, target: Target, method: str, body: dict[str, Any], probe: Probe,
         relogin: Callable[[], None]) -> list[str]:
    """Send one key with the hidden record's value and with the missing one's; what differs is a problem."""
    answers = []
    for value in (probe.hidden, probe.absent):
        sent = with_key(body if method != "get" else {}, probe.key, value)
        response, text, delta = send(client, target, method, sent)
        answers.append((answer(response, probe, text), delta))
        relogin()
    (hidden, hidden_delta), (absent, absent_delta) = answers
    where = f"{method.upper()} {target.url} {probe.key}={probe.hidden} ({probe.model.__name__}.{probe.field})"
    problems = []
    if hidden[:2] != absent[:2]:
        problems.append(f"{where}: {hidden[:2]} for the hidden record, {absent[:2]} for a missing one")
    elif hidden[2] != absent[2]:
        problems.append(f"{where}: the answers differ\n   {first_difference(hidden[2], absent[2])}")
    if hidden_delta != absent_delta:
        problems.append(f"{where}: the database changed differently")
    return problems
