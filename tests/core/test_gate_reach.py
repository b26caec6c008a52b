"""The stored reach: a milestone and a participation keep on their own row the highest level of what they show (the
row itself, its initiative, its plan or partner), so that the gate reads them with one condition on the row. It is
kept by the write services whichever record changes level; ``tests/conftest.py`` checks after every test that used
the database that no row's stored reach differs from the one its records give it."""

from __future__ import annotations

import datetime as dt

import pytest

from ims.core.gate import (
    REACH,
    gate_open,
    reach_mismatches,
    record_level,
    refresh_reach,
    stored_reach_models,
)
from ims.core.services import record_bulk_create, record_save
from ims.monitoring import services as monitoring
from ims.register import services as register
from ims.register.models import Milestone, Participation

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def scene():
    uk = register.partner_upsert(code="GB", kind="country")
    initiative = register.initiative_create(title="Gezamenlijke vaartraining", status="running",
                                            participants=[("GB", "lead")])
    plan = monitoring.plan_create(title="Actieplan", partner=uk, starts_on=D(2019, 1, 1), ends_on=D(2020, 12, 31),
                                  initiatives=[initiative])
    milestone = register.milestone_create(title="Eerste oefening", due_on=D(2019, 6, 1), initiative=initiative,
                                          plan=plan)
    return uk, initiative, plan, milestone


def visible(model, level: int) -> set[int]:
    return set(model.objects.for_level(level).values_list("pk", flat=True))


def stored(obj) -> int:
    return type(obj)._base_manager.values_list(REACH, flat=True).get(pk=obj.pk)


def test_a_row_stores_the_highest_level_of_itself_and_what_it_shows(scene):
    uk, initiative, _, _ = scene
    secret_plan = monitoring.plan_create(title="Geheim plan", partner=uk, starts_on=D(2019, 1, 1),
                                         ends_on=D(2020, 12, 31), classification=2)
    milestone = register.milestone_create(title="Tussenstap", due_on=D(2019, 9, 1), initiative=initiative,
                                          plan=secret_plan, classification=1)
    assert (milestone.classification, stored(milestone)) == (1, 2)
    assert milestone.pk in visible(Milestone, 2) and milestone.pk not in visible(Milestone, 1)
    assert all(stored(p) == 0 for p in Participation.objects.unrestricted().filter(initiative=initiative))


def test_raising_an_initiative_hides_its_milestones_and_participations_and_lowering_it_shows_them(scene):
    _, initiative, _, milestone = scene
    participations = set(Participation.objects.unrestricted().filter(initiative=initiative).values_list("pk",
                                                                                                         flat=True))
    assert milestone.pk in visible(Milestone, 0) and participations <= visible(Participation, 0)

    register.initiative_update(initiative=initiative, classification=3)
    assert milestone.pk not in visible(Milestone, 2) and not participations & visible(Participation, 2)
    assert milestone.pk in visible(Milestone, 3) and participations <= visible(Participation, 3)

    register.initiative_update(initiative=initiative, classification=0)
    assert milestone.pk in visible(Milestone, 0) and participations <= visible(Participation, 0)


def test_a_plan_changing_level_carries_its_milestones_with_it(scene):
    _, _, plan, milestone = scene
    monitoring.plan_update(plan=plan, classification=2)
    assert stored(milestone) == 2 and milestone.pk not in visible(Milestone, 1)
    monitoring.plan_update(plan=plan, classification=0)
    assert stored(milestone) == 0


def test_a_partner_changing_level_carries_its_participations_with_it(scene):
    uk, initiative, _, _ = scene
    uk.classification = 1
    record_save(uk)
    shown = visible(Participation, 0)
    assert not Participation.objects.unrestricted().filter(partner=uk, pk__in=shown).exists()
    assert Participation.objects.for_level(1).filter(partner=uk, initiative=initiative).exists()


def test_rows_made_in_bulk_store_their_reach(scene):
    uk, initiative, _, _ = scene
    secret_plan = monitoring.plan_create(title="Geheim plan", partner=uk, starts_on=D(2019, 1, 1),
                                         ends_on=D(2020, 12, 31), classification=3)
    made = record_bulk_create([Milestone(plan=secret_plan, title="Stap", due_on=D(2019, 3, 1)),
                               Milestone(initiative=initiative, title="Stap", due_on=D(2019, 4, 1))], reason="test")
    assert [stored(m) for m in made] == [3, 0]


def test_a_reach_written_past_the_services_is_found(scene):
    _, _, _, milestone = scene
    with gate_open("test"):
        Milestone.objects.filter(pk=milestone.pk).update(reach=3)  # a raw write: what the gate exists to prevent
    assert reach_mismatches(Milestone) == 1
    assert refresh_reach(Milestone, pk=milestone.pk) == 1
    assert reach_mismatches(Milestone) == 0 and stored(milestone) == record_level(milestone) == 0


def test_the_stored_reach_follows_one_step_to_records_that_carry_their_own_level():
    """What ``reach_expression`` can compute in one UPDATE: each path is one foreign key, to a record whose level is
    its own classification (not itself reached through others), so the SQL and ``record_level`` agree."""
    assert {m._meta.label for m in stored_reach_models()} == {"register.Milestone", "register.Participation"}
    for model in stored_reach_models():
        for path in model.clearance_through:
            field = model._meta.get_field(path)
            target = field.related_model
            assert "__" not in path and field.many_to_one, (model, path)
            assert target.clearance_through == () and any(f.name == "classification"
                                                          for f in target._meta.concrete_fields), (model, path)
