"""The gate holds by structure: raw writes past ``ims.core.services`` raise, reading a classified model
without saying for whom raises (strict mode, on in the tests), and the few system jobs that read everything
say so with ``unrestricted()`` — each of them listed here, so that a new one is a conscious change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.db import transaction
from django.db.models import Q

from ims.core.gate import UngatedRead, UngatedWrite, gate_open, level_filter, sees_all
from ims.core.services import record_link
from ims.register.models import Agreement, Citation, Initiative, Participation, Partner
from ims.search.models import SearchEntry
from tests.factories import InitiativeFactory, PartnerFactory

pytestmark = pytest.mark.django_db

SRC = Path(__file__).resolve().parents[2] / "src" / "ims"


@pytest.fixture
def records():
    return InitiativeFactory(title="Noordzee"), PartnerFactory(code="DE")


def test_raw_relation_writes_are_refused(records, settings):
    # The write guard is under test. With strict reads on, a raw add() to a relation with a model of its own
    # (participations) is refused even earlier, at Django's read of that table before it writes.
    settings.IMS_GATE_STRICT_READS = False
    initiative, germany = records
    for write in (lambda: initiative.frameworks.add(germany), lambda: initiative.frameworks.set([germany]),
                  lambda: initiative.frameworks.remove(germany), lambda: initiative.frameworks.clear(),
                  lambda: germany.framework_initiatives.add(initiative),
                  lambda: initiative.participants.add(germany, through_defaults={"role": "participant"})):
        # Django writes relations in a transaction of its own; a savepoint keeps the test's usable after it.
        with pytest.raises(UngatedWrite), transaction.atomic():
            write()
    assert not initiative.frameworks.exists() and not initiative.participants.exists()


def test_raw_queryset_writes_are_refused(records):
    initiative, germany = records
    with pytest.raises(UngatedWrite):
        Initiative.objects.unrestricted().filter(pk=initiative.pk).update(title="Stiekem")
    with pytest.raises(UngatedWrite):
        Initiative.objects.unrestricted().filter(pk=initiative.pk).delete()
    with pytest.raises(UngatedWrite):
        Agreement.objects.bulk_create([Agreement(kind="MoU", title="Stiekem")])
    with pytest.raises(UngatedWrite):
        Participation.objects.bulk_create([Participation(initiative=initiative, partner=germany)])
    with pytest.raises(UngatedWrite):
        Initiative.objects.unrestricted().bulk_update([initiative], ["title"])
    initiative.refresh_from_db()
    assert initiative.title == "Noordzee"


def test_inside_the_gate_the_same_writes_go_through(records):
    initiative, germany = records
    record_link(initiative, add={"frameworks": [germany]})
    assert list(initiative.frameworks.all()) == [germany]
    with gate_open("test"):
        assert Initiative.objects.unrestricted().filter(pk=initiative.pk).update(title="Anders") == 1


@pytest.mark.parametrize("model", [Initiative, Partner, Citation, Participation])
def test_reading_without_a_user_or_level_raises(records, model, settings):
    settings.IMS_GATE_STRICT_READS = True
    with pytest.raises(UngatedRead):
        list(model.objects.all())
    with pytest.raises(UngatedRead):
        model.objects.filter(pk=1).exists()
    with pytest.raises(UngatedRead):
        model.objects.count()


def test_reading_for_a_user_or_level_filters_by_clearance(make_user):
    shown, hidden = InitiativeFactory(title="Open"), InitiativeFactory(title="Geheim", classification=3)
    viewer = make_user("viewer", 0)
    assert list(Initiative.objects.for_user(viewer)) == [shown]
    assert set(Initiative.objects.for_level(3)) == {shown, hidden}
    assert Initiative.objects.unrestricted().count() == 2


def test_a_count_over_a_list_keeps_the_list_s_scope(make_user):
    shown, _hidden = InitiativeFactory(title="Open"), InitiativeFactory(title="Geheim", classification=3)
    listed = Initiative.objects.for_user(make_user("viewer", 0)).filter(title__in=["Open", "Geheim"])
    assert list(Initiative.objects.among(listed)) == [shown]
    with pytest.raises(UngatedRead):
        list(Initiative.objects.among(Initiative.objects.filter(title="Open")))


def test_a_part_is_read_at_the_level_of_the_record_it_belongs_to(make_user):
    germany = PartnerFactory(code="DE")
    shown, hidden = InitiativeFactory(title="Open"), InitiativeFactory(title="Geheim", classification=3)
    for initiative in (shown, hidden):
        record_link(initiative, add={"participants": [germany]}, through_defaults={"role": "participant"})
    assert [p.initiative for p in Participation.objects.for_level(0)] == [shown]
    assert Participation.objects.for_level(3).count() == 2


def test_the_top_level_reads_every_row_without_testing_levels(make_user):
    """At Stg. Geheim the database's own check constraints already hold every level at or below the reader's, so
    the query tests none and joins no record to test it on; below that level, and for a model whose level no
    constraint bounds (the search index), the condition stays."""
    germany = PartnerFactory(code="DE")
    levels = [InitiativeFactory(title=f"Niveau {level}", classification=level) for level in range(4)]
    for initiative in levels:
        record_link(initiative, add={"participants": [germany]}, through_defaults={"role": "participant"})
    top = str(Participation.objects.for_level(3).query)
    assert "classification" not in top and "JOIN" not in top
    assert Participation.objects.for_level(3).count() == 4
    assert Participation.objects.for_user(make_user("bia_member", 3)).count() == 4
    below = str(Participation.objects.for_level(2).query)
    assert '"reach" <= 2' in below and "JOIN" not in below  # its stored reach (tests/core/test_gate_reach.py)
    assert Participation.objects.for_level(2).count() == 3
    assert level_filter(Initiative, 3) == Q() and level_filter(Initiative, 2) == Q(classification__lte=2)
    assert level_filter(SearchEntry, 3) == Q(classification__lte=3)
    assert not sees_all(None, Initiative)


# Every place that reads a classified model whatever its level, and why. A new one is a deliberate choice.
UNRESTRICTED = {
    # Loaders of the demo register: they look up what an earlier run stored, at every level, to stay idempotent.
    "register/demo.py": 9,
    "monitoring/demo.py": 6,
    "reporting/demo.py": 2,
    # The reference partners (countries, organisations): compared with every partner, whatever its level.
    "register/reference.py": 1,
    # Synthetic registers for the benchmarks (`ims synth`): they find their own rows back by prefix.
    "register/synth.py": 4,
    "monitoring/synth.py": 4,
    # The search index holds every record at its own level (searches filter by it), so keeping it up to date
    # and rebuilding it reads every record and every entry.
    "search/services.py": 11,
    # After a migrate or a flush: whether any index entry is left, to empty the raw index tables if none is.
    "search/apps.py": 1,
    # `ims export`: every row of every table.
    "transfer/exporting.py": 1,
    # Integrity checks that answer with a refusal only, whatever the writer may read: a final report version is
    # frozen; an undo never deletes a record another accepted fact was merged into.
    "reporting/models.py": 1,
    "ingest/undo.py": 1,
}


def test_unrestricted_reads_are_the_listed_system_jobs_only():
    found: dict[str, int] = {}
    for path in SRC.rglob("*.py"):
        count = len(re.findall(r"\.unrestricted\(\)", path.read_text(encoding="utf-8")))
        if count and path.name != "gate.py":
            found[str(path.relative_to(SRC))] = count
    assert found == UNRESTRICTED
