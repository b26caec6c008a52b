"""Reference data and the demo register load idempotently: the second run adds and changes nothing."""

from __future__ import annotations

import json

import pytest

from ims.register import models
from ims.register.demo import DEMO_FILE, demo_load
from ims.register.reference import BODIES, reference_load
from tests.db import in_db

pytestmark = pytest.mark.django_db

COUNTED = [models.Partner, models.RingAssignment, models.Initiative, models.Agreement, models.DefenceSpending,
           models.Contribution, models.Procurement, models.Commitment, models.SourceDocument, models.Citation,
           models.Milestone, models.Goal, models.Participation]


def snapshot() -> dict[str, int]:
    counts = {m.__name__: in_db(m).count() for m in COUNTED}
    counts.update({f"history:{m.__name__}": m.history.count() for m in COUNTED if hasattr(m, "history")})
    return counts


def test_reference_data_loads_every_country_and_body_once():
    first = reference_load()
    assert first["new"] == first["partners"] == 249 + len(BODIES)
    before = snapshot()
    assert reference_load()["new"] == 0
    assert snapshot() == before, "a second load writes nothing, not even history"
    nato = in_db(models.Partner).get(code="NATO")
    assert set(nato.members.values_list("code", flat=True)) >= {"NL", "DE", "US", "NO"}
    assert in_db(models.Partner).get(code="GB").name_nl == "Verenigd Koninkrijk"


def test_demo_register_loads_twice_without_duplicates(shared_dir):
    reference_load()
    created = demo_load(seeds_dir=shared_dir / "seeds")
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    assert created["initiatives"] == len(data["initiatives"]) >= 25
    assert created["documents"] == len(data["documents"])
    before = snapshot()
    assert demo_load(seeds_dir=shared_dir / "seeds") == {}
    assert snapshot() == before


def test_demo_citations_point_into_the_seed_text(shared_dir):
    reference_load()
    demo_load(seeds_dir=shared_dir / "seeds")
    citations = list(in_db(models.Citation).select_related("document"))
    assert len(citations) >= 50
    for citation in citations:
        cited = citation.document.text[citation.start:citation.end]
        assert cited.strip(), citation
        assert cited[-1] in ".?!:;)", f"{citation}: a citation ends at the end of a sentence"


def test_demo_register_states_the_2019_strategic_partners(shared_dir):
    reference_load()
    demo_load(seeds_dir=shared_dir / "seeds")
    strategic_2019 = set(
        in_db(models.RingAssignment).filter(ring="strategic", valid_from__year=2019, valid_to__isnull=True)
        .values_list("partner__code", flat=True)
    )
    assert strategic_2019 >= {"BE", "LU", "DE", "FR", "NO", "GB", "US"}
