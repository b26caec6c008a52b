"""Time of the yearly report on a synthetic register of 1,000 initiatives and 200 partners.

Builds the register with `ims synth` in a temporary SQLite database (like register_bench.py), then times
building the report data and rendering it as DOCX and PDF, three times each, and merges the medians into
bench/results.json under "report". Targets: DOCX under 5 s, PDF under 15 s (build plus render).

    python bench/report_bench.py [--initiatives 1000] [--partners 200] [--year 2019] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.json"


def merge(key: str, value: dict) -> None:
    """Read results.json, replace one key, write it back: the other benchmarks' figures stay."""
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data[key] = value
    RESULTS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--initiatives", type=int, default=1000)
    parser.add_argument("--partners", type=int, default=200)
    parser.add_argument("--year", type=int, default=2019)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print the figures, leave results.json alone")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["IMS_DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ["IMS_DATA_DIR"] = tmp
        os.environ["DJANGO_SETTINGS_MODULE"] = "ims.conf.ci"
        import django

        django.setup()
        from django.core.management import call_command

        from ims.core.classification import Classification
        from ims.reporting import charts
        from ims.reporting.builder import build_report
        from ims.reporting.render import render

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        with open(os.devnull, "w") as quiet:
            call_command("synth", initiatives=args.initiatives, partners=args.partners, seed=1, stdout=quiet)
        synth_seconds = time.perf_counter() - started

        def timed(fmt: str) -> tuple[float, float, int, dict]:
            # The full path a download takes: read the register, build the data, draw the charts, render.
            charts._render.cache_clear()
            t0 = time.perf_counter()
            data = build_report(year=args.year, level=int(Classification.SECRET))
            t1 = time.perf_counter()
            content = render(data, fmt)
            t2 = time.perf_counter()
            return t2 - t0, t1 - t0, len(content), data

        results: dict = {"initiatives": args.initiatives, "partners": args.partners, "year": args.year,
                         "runs": args.runs, "synth_seconds": round(synth_seconds, 2), "formats": {}}
        for fmt in ("docx", "pdf"):
            timed(fmt)  # warm up imports and fonts once; every timed run draws its charts afresh
            runs = [timed(fmt) for _ in range(args.runs)]
            data = runs[-1][3]
            results["formats"][fmt] = {
                "median_s": round(statistics.median(r[0] for r in runs), 2),
                "build_median_s": round(statistics.median(r[1] for r in runs), 2),
                "all_s": [round(r[0], 2) for r in runs],
                "bytes": runs[-1][2],
            }
        results["report"] = {k: data["counts"][k] for k in ("initiatives", "projects", "strategic_partners",
                                                              "sources")}
        results["targets"] = {
            "docx_under_5s": results["formats"]["docx"]["median_s"] < 5,
            "pdf_under_15s": results["formats"]["pdf"]["median_s"] < 15,
        }
    print(json.dumps(results, indent=2))
    if not args.no_write:
        merge("report", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
