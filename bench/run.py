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


def register_bench() -> None:
    sizes = ["--initiatives", os.environ.get("IMS_BENCH_INITIATIVES", "10000"), "--partners", "200"]
    with tempfile.TemporaryDirectory() as tmp:
        print("register pages on SQLite …", flush=True)
        sqlite = run_json([str(HERE / "register_bench.py"), "--database-url", f"sqlite:///{tmp}/bench.sqlite3", *sizes])
    results = {"sqlite": sqlite}
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        print(f"!! PostgreSQL not reachable ({exc}); the PostgreSQL figures are missing", flush=True)
        results["postgresql"] = {"skipped": str(exc)}
    else:
        name = f"ims_bench_{uuid.uuid4().hex[:8]}"
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            print("register pages on PostgreSQL …", flush=True)
            url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
            results["postgresql"] = run_json([str(HERE / "register_bench.py"), "--database-url", url, *sizes])
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()
    merge("register", results)


def transfer_bench() -> None:
    """`ims export` and `ims import` of the synthetic register, on SQLite and on PostgreSQL."""
    sizes = ["--initiatives", os.environ.get("IMS_BENCH_INITIATIVES", "10000")]
    script = str(HERE / "transfer_bench.py")
    with tempfile.TemporaryDirectory() as tmp:
        print("register export and import on SQLite …", flush=True)
        results = {"sqlite": run_json([script, "--source-url", f"sqlite:///{tmp}/a.sqlite3",
                                       "--target-url", f"sqlite:///{tmp}/b.sqlite3", *sizes])}
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        print(f"!! PostgreSQL not reachable ({exc}); the PostgreSQL figures are missing", flush=True)
        results["postgresql"] = {"skipped": str(exc)}
    else:
        names = [f"ims_bench_{uuid.uuid4().hex[:8]}" for _ in range(2)]
        urls = [PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}" for name in names]
        try:
            for name in names:
                admin.execute(f'CREATE DATABASE "{name}"')
            print("register export and import on PostgreSQL …", flush=True)
            results["postgresql"] = run_json([script, "--source-url", urls[0], "--target-url", urls[1], *sizes])
        finally:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()
    merge("transfer", results)


def search_bench() -> None:
    """Search p95 on both databases, against the icontains floor, and the XLSX export of every initiative."""
    sizes = ["--initiatives", os.environ.get("IMS_BENCH_INITIATIVES", "10000"), "--documents", "1000"]
    with tempfile.TemporaryDirectory() as tmp:
        print("search and XLSX export on SQLite …", flush=True)
        results = {"sqlite": run_json([str(HERE / "search_bench.py"), "--database-url",
                                       f"sqlite:///{tmp}/bench.sqlite3", *sizes])}
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        print(f"!! PostgreSQL not reachable ({exc}); the PostgreSQL figures are missing", flush=True)
        results["postgresql"] = {"skipped": str(exc)}
    else:
        name = f"ims_bench_{uuid.uuid4().hex[:8]}"
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            print("search and XLSX export on PostgreSQL …", flush=True)
            url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
            results["postgresql"] = run_json([str(HERE / "search_bench.py"), "--database-url", url, *sizes])
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()
    merge("search", results)


def monitoring_bench() -> None:
    """The BIA's dashboard and a plan's timeline, on SQLite and PostgreSQL (issue 15)."""
    sizes = ["--initiatives", os.environ.get("IMS_BENCH_INITIATIVES", "10000")]
    with tempfile.TemporaryDirectory() as tmp:
        print("monitoring pages on SQLite …", flush=True)
        results = {"sqlite": run_json([str(HERE / "monitoring_bench.py"), "--database-url",
                                       f"sqlite:///{tmp}/bench.sqlite3", *sizes])}
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        results["postgresql"] = {"skipped": str(exc)}
    else:
        name = f"ims_bench_{uuid.uuid4().hex[:8]}"
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            print("monitoring pages on PostgreSQL …", flush=True)
            url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
            results["postgresql"] = run_json([str(HERE / "monitoring_bench.py"), "--database-url", url, *sizes])
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()
    merge("monitoring", results)


def main() -> int:
    register_bench()
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
