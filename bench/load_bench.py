"""Load test: 50 users browsing, searching and editing for 60 s against gunicorn (4 workers) and PostgreSQL.

Run by bench/run.py (``make bench``). Builds a synthetic register in a scratch PostgreSQL database, starts
gunicorn on a free port, runs bench/locustfile.py headless, and then checks the ledger of accepted saves against
the database: every accepted save must be in the history, no two accepted saves of one initiative may have
started from the same version, and the last accepted save of each initiative must be what is stored. Prints
one JSON object; exits non-zero when any request failed or any save was lost.

Users arrive over a ramp (two per second); the target is judged on the minute after the last login, when all
50 are at work. The whole run, logins included, is reported beside it. Three runs; figures are their medians.

    python bench/load_bench.py [--users 50] [--seconds 60] [--workers 4] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import defaultdict
from pathlib import Path

import psycopg

HERE = Path(__file__).resolve().parent
PG_ADMIN_URL = os.environ.get("IMS_BENCH_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")
PASSWORD = "belasting-wachtwoord-1"
SHARED_INITIATIVES = 5
SPAWN_RATE = 2


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer on {url} within {seconds} s")


def prepare(env: dict, users: int, initiatives: int) -> dict:
    """Migrate, build the synthetic register and the load users; return what the locustfile needs."""
    script = f"""
import django, json
django.setup()
from django.core.management import call_command
from ims.accounts.services import user_create
from ims.register.models import Initiative, Partner
call_command("migrate", verbosity=0)
call_command("synth", initiatives={initiatives}, partners=200, seed=7, verbosity=0)
for n in range({users}):
    user_create(username=f"load-{{n:02d}}", password={PASSWORD!r}, role="analyst", clearance="secret")
open_ones = list(Initiative.objects.unrestricted().order_by("pk")
                 .values_list("pk", flat=True)[:{users + SHARED_INITIATIVES}])
partners = list(Partner.objects.unrestricted().filter(kind="country", participations__isnull=False).distinct()
                .order_by("code").values_list("code", flat=True)[:40])
print(json.dumps({{"shared": open_ones[:{SHARED_INITIATIVES}], "own": open_ones[{SHARED_INITIATIVES}:],
                  "partners": partners}}))
"""
    out = subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def stored_state(env: dict, pks: list[int]) -> dict:
    script = f"""
import django, json
django.setup()
from ims.register.models import Initiative
rows = {{}}
for i in Initiative.objects.unrestricted().filter(pk__in={pks!r}):
    rows[i.pk] = {{"version": i.version, "summary": i.summary,
                  "history": list(i.history.order_by("history_id").values_list("summary", flat=True))}}
print(json.dumps(rows))
"""
    out = subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True, text=True)
    return {int(k): v for k, v in json.loads(out.stdout.strip().splitlines()[-1]).items()}


def lost_updates(ledger: list[dict], stored: dict) -> list[str]:
    """Every way an accepted save could have been lost, as readable lines; empty when none was."""
    problems = []
    by_initiative: dict[int, list[dict]] = defaultdict(list)
    for save in ledger:
        by_initiative[save["initiative"]].append(save)
    for pk, saves in by_initiative.items():
        row = stored[pk]
        bases = [s["base_version"] for s in saves]
        if len(set(bases)) != len(bases):
            problems.append(f"initiative {pk}: two accepted saves started from one version")
        if row["version"] != 1 + len(saves):
            problems.append(f"initiative {pk}: version {row['version']} after {len(saves)} accepted saves")
        missing = {s["summary"] for s in saves} - set(row["history"])
        if missing:
            problems.append(f"initiative {pk}: {len(missing)} accepted saves missing from the history")
        last = max(saves, key=lambda s: s["base_version"])
        if row["summary"] != last["summary"]:
            problems.append(f"initiative {pk}: stored summary is not the last accepted save")
    return problems


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile, in whole milliseconds as locust reports them."""
    ordered = sorted(values)
    return round(ordered[max(0, min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1))]) if ordered else 0.0


def summary(timings: list[list]) -> dict:
    """Requests, failures, median, p95 and p99 of (finished at, name, ms, ok) rows, in all and per request."""
    def figures(rows: list[list]) -> dict:
        times = [row[2] for row in rows]
        return {"requests": len(rows), "failures": sum(1 for row in rows if not row[3]),
                "median_ms": percentile(times, 0.5), "p95_ms": percentile(times, 0.95)}

    by_name: dict[str, list[list]] = defaultdict(list)
    for row in timings:
        by_name[row[1]].append(row)
    return {**figures(timings), "p99_ms": percentile([row[2] for row in timings], 0.99),
            "per_request": {name: figures(rows) for name, rows in sorted(by_name.items())}}


def split_run(record: dict) -> tuple[dict, dict]:
    """The steady window (every user logged in) and the whole run, each summarised.

    The steady window starts when the last user was started and the last login had been answered: from then
    on 50 users are browsing, searching and editing, which is what the target is about. The ramp before it
    (a login is an Argon2 hash, deliberately slow) is reported beside it.
    """
    timings = record["timings"]
    logins = [row[0] for row in timings if row[1] == "login"]
    start = max([*record["spawned"], *logins]) if logins else timings[0][0]
    steady = [row for row in timings if row[0] > start]
    end = max(row[0] for row in timings)
    return ({**summary(steady), "seconds": round(end - start, 1),
             "requests_per_second": round(len(steady) / max(end - start, 1e-9), 1)},
            summary(timings))


def locust_run(args: argparse.Namespace, port: int, env: dict) -> dict:
    """One headless locust run; returns what the locustfile recorded (saves, timings, when spawning ended).

    Users arrive two per second, as people log in over a morning rather than in one instant; the run lasts the
    ramp plus the measured minute.
    """
    ramp = math.ceil(args.users / SPAWN_RATE)
    subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless",
         "--host", f"http://127.0.0.1:{port}", "-u", str(args.users), "-r", str(SPAWN_RATE),
         "-t", f"{ramp + args.seconds}s", "--only-summary", "--exit-code-on-error", "0", "--loglevel", "WARNING"],
        env=env, check=True, stdout=subprocess.DEVNULL,
    )
    return json.loads(Path(env["IMS_LOAD_LEDGER"]).read_text())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="figures are medians over this many runs")
    args = parser.parse_args()

    name = f"ims_load_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    admin.execute(f'CREATE DATABASE "{name}"')
    port = free_port()
    env = {**os.environ, "IMS_DATABASE_URL": PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}",
           "DJANGO_SETTINGS_MODULE": "ims.conf.dev", "IMS_DEBUG": "false", "IMS_SECRET_KEY": uuid.uuid4().hex * 2}
    server = None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            print(f"load: building {args.initiatives} initiatives and {args.users} users …", file=sys.stderr,
                  flush=True)
            plan = prepare(env, args.users, args.initiatives)
            load_before = round(os.getloadavg()[0], 2)
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "ims.wsgi:application", "--bind", f"127.0.0.1:{port}",
                 "--workers", str(args.workers)],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            wait_until_up(f"http://127.0.0.1:{port}/login/")
            locust_env = {**env, "IMS_LOAD_OWN": ",".join(map(str, plan["own"])),
                          "IMS_LOAD_SHARED": ",".join(map(str, plan["shared"])),
                          "IMS_LOAD_PARTNERS": ",".join(plan["partners"]), "IMS_LOAD_PASSWORD": PASSWORD}
            runs, ledger = [], []
            for run in range(1, args.runs + 1):
                print(f"load: run {run}/{args.runs}: {args.users} users for {args.seconds} s against "
                      f"{args.workers} gunicorn workers …", file=sys.stderr, flush=True)
                record = locust_run(args, port, {**locust_env, "IMS_LOAD_LEDGER": str(Path(tmp) / f"run{run}.json")})
                steady, whole = split_run(record)
                runs.append({"steady": steady, "whole_run_including_logins": whole})
                ledger += record["saves"]
            # The versions run on from one run to the next, so the ledgers of all runs are checked together.
            stored = stored_state(env, sorted({s["initiative"] for s in ledger}))
            problems = lost_updates(ledger, stored)
            shared_saves = sum(1 for s in ledger if s["initiative"] in plan["shared"])
            failures = sum(run["whole_run_including_logins"]["failures"] for run in runs)
            steady_p95 = statistics.median(run["steady"]["p95_ms"] for run in runs)
            result = {
                "users": args.users, "seconds": args.seconds, "gunicorn_workers": args.workers,
                "database": "postgresql", "initiatives": args.initiatives, "spawn_rate_per_s": SPAWN_RATE,
                "cpus": os.cpu_count(), "load_average_before": load_before,
                "steady_p95_ms_median": steady_p95,
                "steady_median_ms_median": statistics.median(run["steady"]["median_ms"] for run in runs),
                "whole_run_p95_ms_median": statistics.median(
                    run["whole_run_including_logins"]["p95_ms"] for run in runs),
                "requests": sum(run["whole_run_including_logins"]["requests"] for run in runs),
                "failures": failures, "runs": runs,
                "accepted_saves": len(ledger), "accepted_saves_on_shared_initiatives": shared_saves,
                "lost_updates": len(problems), "lost_update_details": problems[:20],
                "target_p95_ms": 300,
                "meets_target": steady_p95 < 300 and failures == 0 and not problems,
                "measured": time.strftime("%Y-%m-%dT%H:%M:%S"),
            }
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    print(json.dumps(result, indent=2))
    return 0 if failures == 0 and not problems else 1


if __name__ == "__main__":
    sys.exit(main())
