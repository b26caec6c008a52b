"""Server time of the register's pages on a synthetic register, per database and per user.

Run by bench/run.py in a fresh process per database: builds the register with `ims synth`, then times
each page in-process with Django's test client (server time: from request to rendered response),
and counts queries at 10 and at 100 rows per page. Beside wall-clock time it records the process's CPU
time per request: on a shared machine the wall clock also measures the neighbours, CPU time much less so.

    python bench/register_bench.py --database-url sqlite:////tmp/x.sqlite3 --initiatives 10000 --partners 200
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def real_queries(captured: list[dict]) -> int:
    return sum(1 for q in captured if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "BEGIN", "COMMIT")))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--partners", type=int, default=200)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    os.environ["IMS_DATABASE_URL"] = args.database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "ims.conf.ci"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from ims.accounts.services import user_create
    from ims.register.models import Initiative, Partner

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("synth", initiatives=args.initiatives, partners=args.partners, seed=1, stdout=quiet)
    synth_seconds = time.perf_counter() - started
    users = {
        "analyst_secret": user_create(username="bench-analist", password="bench-wachtwoord-1", role="analyst",
                                      clearance="secret"),
        "viewer_unclassified": user_create(username="bench-viewer", password="bench-wachtwoord-1", role="viewer",
                                           clearance="unclassified"),
    }
    open_initiatives = Initiative.objects.unrestricted().filter(classification=0).order_by("pk")
    initiative = open_initiatives[open_initiatives.count() // 2]
    partner = (Partner.objects.unrestricted().filter(kind="country", participations__isnull=False)
               .order_by("code").first())
    pages = {
        "partner_list": reverse("register:partner-list"),
        "initiative_list_3_filters": reverse("register:initiative-list") + "?status=running&form=pooling&kind=general",
        "initiative_page": reverse("register:initiative-detail", args=[initiative.pk]),
        "partner_page": reverse("register:partner-detail", args=[partner.code]),
    }
    results: dict = {"vendor": connection.vendor, "initiatives": args.initiatives, "partners": args.partners,
                     "synth_seconds": round(synth_seconds, 2), "requests_per_page": args.requests, "pages": {}}
    for who, user in users.items():
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        for name, url in pages.items():
            client.get(url)  # warm caches and connections once
            timings, cpu = [], []
            for _ in range(args.requests):
                t0, c0 = time.perf_counter(), time.process_time()
                response = client.get(url)
                timings.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            entry = {"median_ms": round(statistics.median(timings), 2), "p95_ms": round(percentile(timings, 95), 2),
                     "cpu_median_ms": round(statistics.median(cpu), 2), "cpu_p95_ms": round(percentile(cpu, 95), 2)}
            if "list" in name:
                for size in (10, 100):
                    sep = "&" if "?" in url else "?"
                    with CaptureQueriesContext(connection) as ctx:
                        client.get(f"{url}{sep}per_page={size}")
                    entry[f"queries_{size}_rows"] = real_queries(ctx.captured_queries)
            else:
                with CaptureQueriesContext(connection) as ctx:
                    client.get(url)
                entry["queries"] = real_queries(ctx.captured_queries)
            results["pages"][f"{who}/{name}"] = entry
    worst = max(e["p95_ms"] for e in results["pages"].values())
    most = max(max(v for k, v in e.items() if k.startswith("queries")) for e in results["pages"].values())
    results["targets"] = {"p95_under_50ms": worst < 50, "worst_p95_ms": worst, "max_queries": most,
                          "queries_at_most_15": most <= 15,
                          "constant_queries": all(e["queries_10_rows"] == e["queries_100_rows"]
                                                  for e in results["pages"].values() if "queries_10_rows" in e)}
    json.dump(results, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
