"""A deterministic synthetic register, for benchmarks and load tests: same seed, same register."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction

from ims.core.classification import Classification
from ims.core.services import RegisterError, record_bulk_create
from ims.text.countries import COUNTRY_CODES

from .models import Goal, Initiative, Milestone, Participation, Partner, RingAssignment
from .reference import reference_load
from .vocab import Form, GoalCategory, Kind, MilestoneStatus, Origin, ParticipantRole, PartnerKind, Ring, Status

SYNTH_PREFIX = "[synth]"
REASON = "synthetisch register"
# Most records are open; a tail is classified, so that clearance filtering has work to do.
CLASSIFICATION_WEIGHTS = {
    Classification.UNCLASSIFIED: 70,
    Classification.DEPARTMENTAL_CONFIDENTIAL: 15,
    Classification.CONFIDENTIAL: 10,
    Classification.SECRET: 5,
}
WORDS = ("Noordzee", "Brigade", "Luchtverdediging", "Helikopter", "Onderhoud", "Opleiding", "Cyber", "Logistiek",
         "Maritiem", "Satellietcommunicatie", "Transport", "Munitie", "Inlichtingen", "Geneeskundig", "Genie")


@transaction.atomic
def synth_register(*, initiatives: int, partners: int, seed: int) -> dict[str, int]:
    if Initiative.objects.unrestricted().filter(title__startswith=SYNTH_PREFIX).exists():
        raise RegisterError("Er staat al een synthetisch register in deze database; begin met een lege database.")
    rng = random.Random(seed)
    reference_load()
    countries = list(Partner.objects.unrestricted().filter(kind=PartnerKind.COUNTRY, code__in=COUNTRY_CODES[:partners]))
    frameworks = list(Partner.objects.unrestricted().exclude(kind=PartnerKind.COUNTRY))
    levels, weights = zip(*CLASSIFICATION_WEIGHTS.items(), strict=True)

    rings = []
    for partner in countries:
        first = rng.choice(Ring.values)
        rings.append(RingAssignment(partner=partner, ring=first, valid_from=dt.date(2012, 5, 11),
                                    valid_to=dt.date(2019, 12, 12), reason="synthetisch"))
        rings.append(RingAssignment(partner=partner, ring=rng.choice(Ring.values), valid_from=dt.date(2019, 12, 12),
                                    reason="synthetisch"))
    record_bulk_create(rings, reason=REASON)

    rows = []
    for n in range(initiatives):
        start = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 12))
        rows.append(Initiative(
            title=f"{SYNTH_PREFIX} {rng.choice(WORDS)} {rng.choice(WORDS).lower()} {n:05d}",
            summary=f"Synthetisch initiatief nummer {n} voor metingen.",
            kind=rng.choice(Kind.values), form=rng.choice(Form.values), origin=rng.choice(Origin.values),
            status=rng.choice(Status.values), planned_start=start,
            planned_end=start + dt.timedelta(days=rng.randrange(180, 2000)),
            staff_fte=Decimal(rng.randrange(0, 40)) / 2, units_committed=rng.randrange(0, 5),
            classification=rng.choices(levels, weights)[0],
        ))
    record_bulk_create(rows, reason=REASON)
    # bulk_create on SQLite does not return primary keys on every version; read them back by title.
    created = list(Initiative.objects.unrestricted().filter(title__startswith=SYNTH_PREFIX).order_by("title"))

    participations, goals, milestones, framework_links = [], [], [], []
    through = Initiative.frameworks.through
    for initiative in created:
        chosen = rng.sample(countries, k=min(len(countries), rng.randint(1, 4)))
        for i, partner in enumerate(chosen):
            role = ParticipantRole.LEAD if i == 0 else ParticipantRole.PARTICIPANT
            participations.append(Participation(initiative=initiative, partner=partner, role=role))
        for category in rng.sample(GoalCategory.values, k=rng.randint(1, 3)):
            goals.append(Goal(initiative=initiative, category=category, statement=f"Doel ({category})"))
        for m in range(rng.randint(0, 3)):
            due = initiative.planned_start + dt.timedelta(days=120 * (m + 1))
            done = rng.random() < 0.5
            milestones.append(Milestone(initiative=initiative, title=f"Mijlpaal {m + 1}", due_on=due,
                                        done_on=due if done else None,
                                        status=MilestoneStatus.DONE if done else MilestoneStatus.PLANNED,
                                        classification=initiative.classification))
        if frameworks and rng.random() < 0.3:
            framework_links.append(through(initiative_id=initiative.pk, partner_id=rng.choice(frameworks).pk))
    for batch in (participations, goals, milestones, framework_links):
        record_bulk_create(batch, reason=REASON, batch_size=2000)
    # Bulk writes pass the register's write path by, and with it the search index: index the whole lot at once.
    from ims.search.services import rebuild

    rebuild()
    return {"partners": len(countries), "ringperiodes": len(rings), "initiatieven": len(created),
            "deelnames": len(participations), "doelen": len(goals), "mijlpalen": len(milestones)}
