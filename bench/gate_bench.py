"""The register's pages on the code before the gate and on today's, side by side in one run (issue 13).

The gate puts a clearance filter or a scoped manager in front of every read. To see what that costs, the
same pages are timed on the commit before the gate series (a git worktree of it, checked out for the run)
and on the current code, each in a process of its own with its own scratch database built by that code's
``ims synth``. The two processes take turns: a round of every page on one, then a round on the other, the
order swapped every round, so that a neighbour's load on the shared machine falls on both alike.

    python bench/gate_bench.py --vendor sqlite --initiatives 10000 --rounds 10 --requests 20

Run by bench/run.py (``make bench``); the figures go to bench/results.json under ``gate_side_by_side``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# The last commit before the gate series ("One gate to the register", 02623b2).
BEFORE_GATE = "d07de0f"
PAGES = ("partner_list", "initiative_list_3_filters", "initiative_page", "partner_page")


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


# --- one side: a process on one code tree ------------------------------------------------------------------

def worker(database_url: str, initiatives: int, partners: int, requests: int) -> int:
    """Build the register with this tree's code, then answer each line "round" on stdin with the timings
    of ``requests`` requests per page and user, as one JSON line."""
    os.environ["IMS_DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "ims.conf.ci"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    import ims
    from ims.accounts.services import user_create
    from ims.register.models import Initiative, Partner

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("synth", initiatives=initiatives, partners=partners, seed=1, stdout=quiet)
    users = {
        "analyst_secret": user_create(username="bench-analist", password="bench-wachtwoord-1", role="analyst",
                                      clearance="secret"),
        "viewer_unclassified": user_create(username="bench-viewer", password="bench-wachtwoord-1", role="viewer",
                                           clearance="unclassified"),
    }
    # The base manager reads the same on both trees (the gate's manager would refuse an unscoped read).
    open_initiatives = Initiative._base_manager.filter(classification=0).order_by("pk")
    initiative = open_initiatives[open_initiatives.count() // 2]
    partner = (Partner._base_manager.filter(kind="country", participations__isnull=False).order_by("code")
               .first())
    urls = {
        "partner_list": reverse("register:partner-list"),
        "initiative_list_3_filters": reverse("register:initiative-list") + "?status=running&form=pooling&kind=general",
        "initiative_page": reverse("register:initiative-detail", args=[initiative.pk]),
        "partner_page": reverse("register:partner-detail", args=[partner.code]),
    }
    clients = {}
    for who, user in users.items():
        clients[who] = Client(HTTP_HOST="localhost")
        clients[who].force_login(user)
        for url in urls.values():
            assert clients[who].get(url).status_code == 200, url  # warm caches and connections once
    print(json.dumps({"ready": True, "code": str(Path(ims.__file__).parent), "initiative": initiative.pk,
                      "partner": partner.code}), flush=True)
    for line in sys.stdin:
        if line.strip() != "round":
            break
        timings: dict[str, dict[str, list[float]]] = {}
        for who, client in clients.items():
            for name, url in urls.items():
                wall, cpu = [], []
                for _ in range(requests):
                    t0, c0 = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    wall.append((time.perf_counter() - t0) * 1000)
                    cpu.append((time.process_time() - c0) * 1000)
                    assert response.status_code == 200, (url, response.status_code)
                timings[f"{who}/{name}"] = {"wall": wall, "cpu": cpu}
        print(json.dumps(timings), flush=True)
    return 0


# --- the driver ----------------------------------------------------------------------------------------------

class Side:
    def __init__(self, label: str, src: Path, database_url: str, args: argparse.Namespace) -> None:
        self.label = label
        env = {**os.environ, "PYTHONPATH": str(src)}
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", "--database-url", database_url,
             "--initiatives", str(args.initiatives), "--partners", str(args.partners),
             "--requests", str(args.requests)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=str(src.parent))
        self.started = time.perf_counter()
        self.ready = self._read()
        self.ready["build_seconds"] = round(time.perf_counter() - self.started, 1)
        # The old tree must really be the one imported, or the comparison compares the new code with itself.
        assert Path(self.ready["code"]).resolve() == (src / "ims").resolve(), (self.ready, src)
        self.wall: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}

    def _read(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the {self.label} side stopped (see its error output above)")
        return json.loads(line)

    def round(self) -> None:
        self.process.stdin.write("round\n")
        self.process.stdin.flush()
        for page, times in self._read().items():
            self.wall.setdefault(page, []).extend(times["wall"])
            self.cpu.setdefault(page, []).extend(times["cpu"])

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


def compare(args: argparse.Namespace, urls: dict[str, str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        old_tree = Path(tmp) / "before-gate"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old_tree), BEFORE_GATE],
                       check=True, capture_output=True)
        try:
            print(f"building the register on {BEFORE_GATE} (before the gate) …", file=sys.stderr, flush=True)
            old = Side("before the gate", old_tree / "src", urls["old"], args)
            print("building the register on the current code …", file=sys.stderr, flush=True)
            new = Side("with the gate", ROOT / "src", urls["new"], args)
            try:
                for number in range(args.rounds):
                    for side in ((old, new) if number % 2 == 0 else (new, old)):
                        side.round()
                    print(f"round {number + 1}/{args.rounds}", file=sys.stderr, flush=True)
            finally:
                old.close()
                new.close()
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old_tree)], check=False)
    pages = {}
    for page in old.wall:
        entry = {}
        for label, side in (("before_gate", old), ("with_gate", new)):
            entry[label] = {"p95_ms": round(percentile(side.wall[page], 95), 2),
                            "median_ms": round(percentile(side.wall[page], 50), 2),
                            "cpu_p95_ms": round(percentile(side.cpu[page], 95), 2)}
        entry["p95_ratio"] = round(entry["with_gate"]["p95_ms"] / entry["before_gate"]["p95_ms"], 3)
        entry["cpu_p95_ratio"] = round(entry["with_gate"]["cpu_p95_ms"] / entry["before_gate"]["cpu_p95_ms"], 3)
        pages[page] = entry
    worst = max(e["p95_ratio"] for e in pages.values())
    return {"before_gate_commit": BEFORE_GATE, "initiatives": args.initiatives, "partners": args.partners,
            "rounds": args.rounds, "requests_per_round": args.requests,
            "requests_per_page": args.rounds * args.requests,
            "build_seconds": {"before_gate": old.ready["build_seconds"], "with_gate": new.ready["build_seconds"]},
            "pages": pages, "worst_p95_ratio": worst, "within_10_percent": worst <= 1.10}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", action="store_true")
    parser.add_argument("--database-url")
    parser.add_argument("--vendor", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--partners", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    if args.worker:
        return worker(args.database_url, args.initiatives, args.partners, args.requests)
    if args.vendor == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            result = compare(args, {side: f"sqlite:///{tmp}/{side}.sqlite3" for side in ("old", "new")})
    else:
        import psycopg

        admin_url = os.environ.get("IMS_BENCH_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")
        names = {side: f"ims_bench_{uuid.uuid4().hex[:8]}" for side in ("old", "new")}
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=3) as admin:
            try:
                for name in names.values():
                    admin.execute(f'CREATE DATABASE "{name}"')
                base = admin_url.rsplit("/", 1)[0]
                result = compare(args, {side: f"{base}/{name}" for side, name in names.items()})
            finally:
                for name in names.values():
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    result["vendor"] = args.vendor
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
