"""The demo's monitoring: two cooperation plans with milestones (some late, some due soon), two attachés with
their activities. Dates are set relative to the day of loading, so ``ims demo`` always shows a living dashboard;
loading twice adds nothing (plans and officials are looked up by title and name)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from ims.register.models import Initiative, Partner
from ims.register.services import milestone_create

from .models import CooperationPlan, Official
from .services import activity_record, official_create, plan_create, progress_note_add
from .status import today

DAY = dt.timedelta(days=1)


def _initiatives(*titles: str) -> list[Initiative]:
    return list(Initiative.objects.unrestricted().filter(title__in=titles, classification=0).order_by("title"))


@transaction.atomic
def monitoring_demo_load(*, owner_name: str = "bia", on: dt.date | None = None) -> dict[str, int]:
    on = on or today()
    owner = get_user_model().objects.filter(username=owner_name).first()
    created = {"samenwerkingsplannen": 0, "mijlpalen": 0, "functionarissen": 0, "activiteiten": 0}
    germany, britain = Partner.objects.unrestricted().get(code="DE"), Partner.objects.unrestricted().get(code="GB")
    plans = [
        ("Routekaart Duits-Nederlandse samenwerking", germany,
         _initiatives("1 Duits-Nederlands Legerkorps", "Duits-Nederlandse samenwerking grond-luchtverdediging en BMD"),
         [("military", "Geïntegreerde landstrijdkrachten die samen inzetbaar zijn."),
          ("financial_economic", "Gezamenlijk onderhoud en opleiding waar dat goedkoper is.")],
         [("Evaluatie gezamenlijke oefening legerkorps", -45, "at_risk"),
          ("Afspraken over gedeeld onderhoud getekend", -10, "planned"),
          ("Plan van aanpak luchtverdediging vastgesteld", 20, "on_track"),
          ("Gezamenlijke opleidingsdag", 75, "planned"),
          ("Tussenrapportage aan de BIA", 200, "planned"),
          ("Kick-off routekaart", -300, "done")]),
        ("Actieplan Verenigd Koninkrijk", britain, _initiatives("Operationele testfase F-35"),
         [("political_strategic", "Nauwere band met een strategische partner buiten de EU.")],
         [("Werkbezoek Joint Expeditionary Force", -20, "planned"),
          ("Gezamenlijke amfibische oefening voorbereid", 45, "on_track")]),
    ]
    for title, partner, initiatives, goals, milestones in plans:
        if CooperationPlan.objects.unrestricted().filter(title=title).exists():
            continue
        plan = plan_create(title=title, partner=partner, starts_on=on - 365 * DAY, ends_on=on + 365 * DAY,
                           goals=goals, initiatives=initiatives)
        created["samenwerkingsplannen"] += 1
        for n, (name, offset, status) in enumerate(milestones):
            due = on + offset * DAY
            belongs = initiatives[n % len(initiatives)] if initiatives else None
            milestone = milestone_create(plan=plan, initiative=belongs, owner=owner, title=name, due_on=due,
                                         status=status, done_on=due if status == "done" else None)
            created["mijlpalen"] += 1
            if offset < 0 and status != "done":
                progress_note_add(milestone=milestone, noted_on=on - 5 * DAY,
                                  text="Vertraagd door een gewijzigde oefenkalender; nieuwe datum volgt.")
    officials = [
        ("Kolonel J. Bakker", germany, [("meeting", "Overleg met het Duitse ministerie over de routekaart", 1),
                                        ("exercise", "Bezoek aan oefening van het legerkorps", 1),
                                        ("report", "Jaarverslag defensieattaché Berlijn", 0),
                                        ("visit", "Receptie op de ambassade", 0)]),
        ("Kapitein-ter-zee M. de Wit", britain, [("visit", "Werkbezoek Portsmouth", 1),
                                                 ("meeting", "Overleg Joint Expeditionary Force", 1),
                                                 ("report", "Kwartaalrapportage Londen", 0)]),
    ]
    for name, partner, activities in officials:
        if Official.objects.unrestricted().filter(name=name).exists():
            continue
        official = official_create(name=name, partner=partner, starts_on=on - 500 * DAY, clearance=2)
        created["functionarissen"] += 1
        plan = CooperationPlan.objects.unrestricted().filter(partner=partner).first()
        for n, (kind, text, serves) in enumerate(activities):
            activity_record(official=official, kind=kind, occurred_on=on - (30 + 20 * n) * DAY, partner=partner,
                            text=text, goal_category="military" if serves and n == 0 else "",
                            plans=[plan] if serves and plan else [])
            created["activiteiten"] += 1
    return created
