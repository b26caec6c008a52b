"""Every table is in the file or excluded with a reason, every column has a canonical form, and the order
puts a table after the tables it refers to."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import models

from ims.register.models import DefenceSpending, SourceDocument
from ims.reporting.models import ReportFile
from ims.transfer.codec import UnsupportedField, codecs
from ims.transfer.plan import EXCLUDED, exported_models, stale_exclusions, stored_fields


def tables() -> set[str]:
    return {m._meta.label_lower for m in apps.get_models(include_auto_created=True)
            if m._meta.managed and not m._meta.proxy}


def test_every_table_is_exported_or_excluded_with_a_reason():
    exported = {m._meta.label_lower for m in exported_models()}
    assert exported | set(EXCLUDED) == tables()
    assert not exported & set(EXCLUDED)
    assert stale_exclusions() == []
    assert all(reason.strip() for reason in EXCLUDED.values())


def test_every_exported_column_has_a_canonical_form():
    """Fails when a new model brings a field type the format does not describe yet (extend the codec)."""
    problems = []
    for model in exported_models():
        for field in stored_fields(model):
            try:
                codecs(field)
            except UnsupportedField as exc:
                problems.append(str(exc))
    assert problems == []


def test_an_unknown_field_type_is_named():
    field = models.FileField(name="scan")
    field.model = SourceDocument
    with pytest.raises(UnsupportedField, match=r"register\.sourcedocument\.scan: veldtype FileField onbekend"):
        codecs(field)


def test_a_table_comes_after_the_tables_it_refers_to():
    order = [m._meta.label_lower for m in exported_models()]
    for position, model in enumerate(exported_models()):
        for field in model._meta.concrete_fields:
            if field.is_relation:
                target = field.related_model._meta.label_lower
                if target in order and target != order[position]:
                    assert order.index(target) < position, f"{order[position]} before {target}"


def test_values_take_one_form_whichever_database_gave_them():
    at = DefenceSpending._meta.get_field("created_at")
    amsterdam = dt.datetime(2026, 7, 1, 14, 30, 5, 120, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
    assert codecs(at)[0](amsterdam) == "2026-07-01T12:30:05.000120+00:00"
    assert codecs(at)[1]("2026-07-01T12:30:05.000120+00:00") == amsterdam
    pct = DefenceSpending._meta.get_field("pct_gdp")  # three places
    assert codecs(pct)[0](Decimal("1.5")) == "1.500"
    assert codecs(pct)[0](Decimal("0.95000")) == "0.950"
    assert codecs(pct)[0](None) is None
    content = ReportFile._meta.get_field("content")
    assert codecs(content)[0](memoryview(b"\x00\xff")) == "AP8="
    assert codecs(content)[1]("AP8=") == b"\x00\xff"
    with pytest.raises(ValueError):
        codecs(content)[1]("geen base64!")
    duration = models.DurationField(name="duur")
    duration.model = SourceDocument
    assert codecs(duration)[0](dt.timedelta(days=1, microseconds=5)) == 86_400_000_005
    assert codecs(duration)[1](86_400_000_005) == dt.timedelta(days=1, microseconds=5)


@pytest.mark.django_db
def test_references_to_content_types_travel_by_name():
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    field = LogEntry._meta.get_field("content_type")
    partner = ContentType.objects.get(app_label="register", model="partner")
    assert codecs(field)[0](partner.pk) == ["register", "partner"]
    assert codecs(field)[1](["register", "partner"]) == partner.pk
    with pytest.raises(ValueError, match="bestaat hier niet"):
        codecs(field)[1](["register", "eenhoorn"])
