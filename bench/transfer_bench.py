"""Time of `ims export` and `ims import` of a synthetic register, per database.

Run by bench/run.py once per database. Builds the register with `ims synth` in a scratch database, exports it
(median of --runs), imports the file into a second, empty database, and exports that one again to check the
round trip gives the same bytes. Each step runs in a process of its own and times only the command itself
(wall clock and the process's CPU time), not Python's and Django's start.

    python bench/transfer_bench.py --source-url sqlite:////tmp/a.sqlite3 --target-url sqlite:////tmp/b.sqlite3
    python bench/transfer_bench.py step export URL FILE      (one step; prints its figures as JSON)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def step(action: str, url: str, arg: str) -> dict:
    """One timed command in this process: migrate, synth (arg = initiatives), export or import (arg = file)."""
    os.environ["IMS_DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "ims.conf.ci"
    import django

    django.setup()
    from django.core.management import call_command

    with open(os.devnull, "w") as quiet:
        wall, cpu = time.perf_counter(), time.process_time()
        if action == "migrate":
            call_command("migrate", verbosity=0)
        elif action == "synth":
            call_command("synth", initiatives=int(arg), partners=200, seed=1, stdout=quiet)
        else:
            call_command(action, arg, stdout=quiet)
        return {"seconds": round(time.perf_counter() - wall, 2), "cpu_seconds": round(time.process_time() - cpu, 2)}


def run_step(action: str, url: str, arg: str = "") -> dict:
    out = subprocess.run([sys.executable, __file__, "step", action, url, arg], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout)


def bench(source_url: str, target_url: str, initiatives: int, runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["IMS_DATA_DIR"] = tmp
        run_step("migrate", source_url)
        synth = run_step("synth", source_url, str(initiatives))
        first = Path(tmp) / "register.jsonl"
        exports = [run_step("export", source_url, str(first)) for _ in range(runs)]
        run_step("migrate", target_url)
        imported = run_step("import", target_url, str(first))
        again = Path(tmp) / "again.jsonl"
        run_step("export", target_url, str(again))
        header = json.loads(first.open("rb").readline())
        return {
            # The machine is shared: its load says how much of the wall clock was spent waiting for a core.
            "load_average_1min": round(os.getloadavg()[0], 1),
            "initiatives": initiatives,
            "synth_seconds": synth["seconds"],
            "rows": sum(header["counts"].values()),
            "file_mb": round(first.stat().st_size / 1e6, 1),
            "export_seconds_median": statistics.median(e["seconds"] for e in exports),
            "export_cpu_seconds_median": statistics.median(e["cpu_seconds"] for e in exports),
            "export_runs": runs,
            "import_seconds": imported["seconds"],
            "import_cpu_seconds": imported["cpu_seconds"],
            "round_trip_identical": first.read_bytes() == again.read_bytes(),
        }


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "step":
        print(json.dumps(step(*sys.argv[2:5])))
        return 0
    parser = argparse.ArgumentParser()
    parser.add_argument("--source-url", required=True)
    parser.add_argument("--target-url", required=True)
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(bench(args.source_url, args.target_url, args.initiatives, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
