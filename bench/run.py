"""`make bench`: every benchmark, each in its own process, merged into bench/results.json.

Figures are medians and 95th percentiles over repeated runs, because the machines are shared and noisy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import psycopg

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.json"
PG_ADMIN_URL = os.environ.get("IMS_BENCH_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")


def merge(key: str, value) -> None:
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data[key] = value
    RESULTS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def run_json(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def both_databases(title: str, script: str, args: list[str], *, url_flags: tuple[str, ...] = ("--database-url",)
                   ) -> dict:
    """Run one bench script on SQLite and on PostgreSQL, each on fresh scratch databases (one per flag in
    ``url_flags``, e.g. a source and a target), dropped afterwards; a missing PostgreSQL is said, not fatal."""

    def command(urls: list[str]) -> list[str]:
        return [str(HERE / script), *[part for pair in zip(url_flags, urls, strict=True) for part in pair], *args]

    with tempfile.TemporaryDirectory() as tmp:
        print(f"{title} on SQLite …", flush=True)
        results = {"sqlite": run_json(command([f"sqlite:///{tmp}/{i}.sqlite3" for i in range(len(url_flags))]))}
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        print(f"!! PostgreSQL not reachable ({exc}); the PostgreSQL figures are missing", flush=True)
        results["postgresql"] = {"skipped": str(exc)}
        return results
    names = [f"ims_bench_{uuid.uuid4().hex[:8]}" for _ in url_flags]
    try:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        print(f"{title} on PostgreSQL …", flush=True)
        results["postgresql"] = run_json(command([PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}" for name in names]))
    finally:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    return results


def _initiatives() -> list[str]:
    return ["--initiatives", os.environ.get("IMS_BENCH_INITIATIVES", "10000")]


def register_bench() -> None:
    merge("register", both_databases("register pages", "register_bench.py", [*_initiatives(), "--partners", "200"]))


def transfer_bench() -> None:
    """`ims export` and `ims import` of the synthetic register, on SQLite and on PostgreSQL."""
    merge("transfer", both_databases("register export and import", "transfer_bench.py", _initiatives(),
                                     url_flags=("--source-url", "--target-url")))


def search_bench() -> None:
    """Search p95 on both databases, against the icontains floor, and the XLSX export of every initiative."""
    merge("search", both_databases("search and XLSX export", "search_bench.py",
                                   [*_initiatives(), "--documents", "1000"]))


def monitoring_bench() -> None:
    """The BIA's dashboard and a plan's timeline, on SQLite and PostgreSQL (issue 15)."""
    merge("monitoring", both_databases("monitoring pages", "monitoring_bench.py", _initiatives()))


def gate_bench() -> None:
    """The register pages on the code before the gate and on today's, alternating in one run (issue 13)."""
    results = {}
    for vendor in ("sqlite", "postgresql"):
        print(f"register pages before and with the gate on {vendor} …", flush=True)
        try:
            results[vendor] = run_json([str(HERE / "gate_bench.py"), "--vendor", vendor, *_initiatives()])
        except subprocess.CalledProcessError as exc:
            results[vendor] = {"skipped": (exc.stderr or "")[-500:]}
    merge("gate_side_by_side", results)


def main() -> int:
    register_bench()
    gate_bench()
    transfer_bench()
    search_bench()
    monitoring_bench()
    subprocess.run([sys.executable, str(HERE / "report_bench.py")], check=True)
    print("ingesting the seed letters …", flush=True)
    subprocess.run([sys.executable, str(HERE / "ingest_bench.py")], check=True)
    print("extraction throughput …", flush=True)
    subprocess.run([sys.executable, str(HERE / "extract_bench.py")], check=True)
    print("extraction quality: seed and development scores, confidence bands, bulk-accept threshold …", flush=True)
    subprocess.run([sys.executable, str(HERE / "quality.py"), "--write"], check=True, stdout=subprocess.DEVNULL)
    print("load: 50 users against gunicorn and PostgreSQL …", flush=True)
    load = subprocess.run([sys.executable, str(HERE / "load_bench.py")], capture_output=True, text=True)
    sys.stderr.write(load.stderr)
    if load.stdout.strip():
        merge("load", json.loads(load.stdout))
    if load.returncode:
        print("!! the load test saw failed requests or lost updates; see bench/results.json", flush=True)
    print(f"written: {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
