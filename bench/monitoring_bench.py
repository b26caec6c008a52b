"""Server time of the BIA's dashboard and a plan's timeline on a synthetic register, and their query counts at
1,000 and at 50,000 plan milestones (the same count is the target: no query per row).

Run by bench/run.py in a fresh process per database; like register_bench.py it times in-process with Django's
test client (request to rendered response), as a BIA member at Stg. Geheim and as a viewer at Ongerubriceerd.

    python bench/monitoring_bench.py --database-url sqlite:////tmp/x.sqlite3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

from register_bench import percentile, real_queries


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--plans", type=int, default=2_000)
    parser.add_argument("--few", type=int, default=1_000, help="plan milestones for the first query count")
    parser.add_argument("--milestones", type=int, default=50_000)
    parser.add_argument("--officials", type=int, default=500)
    parser.add_argument("--activities", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()

    os.environ["IMS_DATABASE_URL"] = args.database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "ims.conf.ci"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from ims.accounts.services import user_create
    from ims.monitoring.models import CooperationPlan
    from ims.register.models import Milestone

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("synth", initiatives=args.initiatives, partners=200, seed=1, plans=args.plans,
                     milestones=args.few, officials=args.officials, activities=args.activities, stdout=quiet)
    synth_seconds = time.perf_counter() - started
    users = {
        "bia_secret": user_create(username="bench-bia", password="bench-wachtwoord-1", role="bia_member",
                                  clearance="secret"),
        "viewer_unclassified": user_create(username="bench-viewer", password="bench-wachtwoord-1", role="viewer",
                                           clearance="unclassified"),
    }
    clients = {}
    for who, user in users.items():
        clients[who] = Client(HTTP_HOST="localhost")
        clients[who].force_login(user)

    def plan_url() -> str:
        # An open plan with a typical number of milestones (the median of those with any: a plan without one
        # skips the prefetch of progress notes, a query less that says nothing about rows), so both users can open it.
        plans = list(CooperationPlan.objects.unrestricted().filter(classification=0).annotate(n=Count("milestones"))
                     .filter(n__gt=0).order_by("n", "pk").values_list("pk", flat=True))
        return reverse("monitoring:plan-detail", args=[plans[len(plans) // 2]])

    def query_counts() -> dict[str, int]:
        counts = {}
        for who, client in clients.items():
            for name, url in (("dashboard", reverse("monitoring:dashboard")), ("plan_timeline", plan_url())):
                client.get(url)
                with CaptureQueriesContext(connection) as ctx:
                    assert client.get(url).status_code == 200
                counts[f"{who}/{name}"] = real_queries(ctx.captured_queries)
        return counts

    few = {"milestones": Milestone.objects.unrestricted().count(), "queries": query_counts()}
    _add_milestones(args.milestones - args.few)
    many = {"milestones": Milestone.objects.unrestricted().count(), "queries": query_counts()}
    if connection.vendor == "postgresql":
        # A register in use has its planner statistics and visibility map (autovacuum keeps them); one loaded a
        # minute ago has neither, and the planner then guesses one row per table and loops over 25,000.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    results: dict = {"vendor": connection.vendor, "initiatives": args.initiatives, "plans": args.plans,
                     "officials": args.officials, "activities": args.activities,
                     "synth_seconds": round(synth_seconds, 2), "requests_per_page": args.requests,
                     "query_counts": {"few": few, "many": many}, "pages": {}}
    for who, client in clients.items():
        for name, url in (("dashboard", reverse("monitoring:dashboard")), ("plan_timeline", plan_url())):
            client.get(url)
            timings, cpu = [], []
            for _ in range(args.requests):
                t0, c0 = time.perf_counter(), time.process_time()
                response = client.get(url)
                timings.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            results["pages"][f"{who}/{name}"] = {
                "median_ms": round(statistics.median(timings), 2), "p95_ms": round(percentile(timings, 95), 2),
                "cpu_median_ms": round(statistics.median(cpu), 2), "cpu_p95_ms": round(percentile(cpu, 95), 2)}
    worst = max(e["p95_ms"] for e in results["pages"].values())
    results["targets"] = {"p95_under_100ms": worst < 100, "worst_p95_ms": worst,
                          "same_queries_few_and_many": few["queries"] == many["queries"]}
    json.dump(results, sys.stdout)
    return 0


def _add_milestones(n: int) -> None:
    """More plan milestones on the plans there are, as ``ims synth`` makes them (another seed)."""
    import datetime as dt
    import random

    from ims.core.services import record_bulk_create
    from ims.monitoring.models import CooperationPlan
    from ims.register.models import Milestone

    rng = random.Random(2)
    plans = list(CooperationPlan.objects.unrestricted().values_list("pk", "starts_on", "ends_on", "classification"))
    rows = []
    for i in range(n):
        pk, start, end, level = rng.choice(plans)
        rows.append(Milestone(plan_id=pk, title=f"Extra planmijlpaal {i:05d}", classification=level,
                              due_on=start + dt.timedelta(days=rng.randrange(0, (end - start).days + 1)),
                              status=rng.choice(["planned", "on_track", "at_risk", "cancelled"])))
    record_bulk_create(rows, reason="extra planmijlpalen (monitoringbenchmark)", batch_size=2000)


if __name__ == "__main__":
    sys.exit(main())
