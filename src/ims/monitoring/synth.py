"""The monitoring's part of the synthetic register (``ims synth``): plans over the synthetic initiatives, their
milestones (spread around today, so that some are late and some due soon), officials and activities. Same seed,
same data."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from ims.core.services import record_bulk_create
from ims.register.models import Initiative, Milestone, Partner
from ims.register.synth import CLASSIFICATION_WEIGHTS, REASON, SYNTH_PREFIX
from ims.register.vocab import GoalCategory, MilestoneStatus, PartnerKind

from .models import Activity, CooperationPlan, Official
from .status import today
from .vocab import ActivityKind

MILESTONE_STATUSES = [MilestoneStatus.PLANNED, MilestoneStatus.ON_TRACK, MilestoneStatus.AT_RISK,
                      MilestoneStatus.DONE, MilestoneStatus.CANCELLED]


@transaction.atomic
def synth_monitoring(*, plans: int, milestones: int, officials: int, activities: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed + 15)
    on = today()
    partners = list(Partner.objects.unrestricted().filter(kind=PartnerKind.COUNTRY, participations__isnull=False)
                    .distinct().order_by("code"))
    initiatives = list(Initiative.objects.unrestricted().filter(title__startswith=SYNTH_PREFIX).order_by("pk")
                       .values_list("pk", "classification"))
    if not partners or not initiatives:
        return {}
    levels, weights = zip(*CLASSIFICATION_WEIGHTS.items(), strict=True)
    rows = [CooperationPlan(title=f"{SYNTH_PREFIX} plan {n:04d}", partner=rng.choice(partners),
                            starts_on=on - dt.timedelta(days=rng.randrange(200, 1500)),
                            ends_on=on + dt.timedelta(days=rng.randrange(200, 1500)),
                            classification=rng.choices(levels, weights)[0]) for n in range(plans)]
    record_bulk_create(rows, reason=REASON, batch_size=1000)
    created = list(CooperationPlan.objects.unrestricted().filter(title__startswith=SYNTH_PREFIX).order_by("pk"))
    links = CooperationPlan.initiatives.through
    record_bulk_create([links(cooperationplan_id=plan.pk, initiative_id=pk) for plan in created
                        for pk, _level in rng.sample(initiatives, k=min(5, len(initiatives)))],
                       reason=REASON, batch_size=5000)
    stones = []
    for n in range(milestones):
        plan = rng.choice(created)
        initiative, level = rng.choice(initiatives)
        due = plan.starts_on + dt.timedelta(days=rng.randrange(0, (plan.ends_on - plan.starts_on).days + 1))
        status = rng.choice(MILESTONE_STATUSES)
        done = status == MilestoneStatus.DONE and due <= on
        stones.append(Milestone(plan=plan, initiative_id=initiative, title=f"Planmijlpaal {n:05d}", due_on=due,
                                status=status if status != MilestoneStatus.DONE or done else MilestoneStatus.PLANNED,
                                done_on=due if done else None,
                                classification=max(level, plan.classification)))
    record_bulk_create(stones, reason=REASON, batch_size=2000)
    people = [Official(name=f"{SYNTH_PREFIX} functionaris {n:04d}", partner=rng.choice(partners),
                       starts_on=on - dt.timedelta(days=rng.randrange(100, 2000)), clearance=3,
                       classification=rng.choices(levels, weights)[0]) for n in range(officials)]
    record_bulk_create(people, reason=REASON, batch_size=1000)
    people = list(Official.objects.unrestricted().filter(name__startswith=SYNTH_PREFIX).order_by("pk"))
    done_activities = []
    for n in range(activities if people else 0):
        official = rng.choice(people)
        done_activities.append(Activity(
            official=official, kind=rng.choice(ActivityKind.values), partner_id=official.partner_id,
            occurred_on=on - dt.timedelta(days=rng.randrange(0, 700)), text=f"Activiteit {n:05d}",
            goal_category=rng.choice([*GoalCategory.values, "", ""]), classification=official.classification))
    record_bulk_create(done_activities, reason=REASON, batch_size=2000)
    return {"samenwerkingsplannen": len(created), "planmijlpalen": len(stones), "functionarissen": len(people),
            "activiteiten": len(done_activities)}
