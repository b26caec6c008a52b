"""Time to ingest the five seed letters into the review queue (read, extract, store), median of three runs.

Each run starts from an empty document table in a fresh SQLite database, so every letter is really read.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.json"


def main() -> int:
    shared = Path(os.environ.get("IMS_SHARED_DIR", HERE.parent.parent / "shared"))
    seeds = sorted((shared / "seeds").glob("*.txt"))
    if not seeds:
        print(f"no seed letters under {shared}; skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["IMS_DATABASE_URL"] = f"sqlite:///{tmp}/ingest.sqlite3"
        os.environ["DJANGO_SETTINGS_MODULE"] = "ims.conf.ci"
        import django

        django.setup()
        from django.core.management import call_command

        from ims.ingest.models import ExtractedFact
        from ims.ingest.services import documents_ingest
        from ims.register.models import SourceDocument
        from ims.register.reference import reference_load

        call_command("migrate", verbosity=0)
        reference_load()
        timings, facts = [], 0
        for _ in range(3):
            ExtractedFact.objects.unrestricted().all().delete()
            SourceDocument.objects.unrestricted().all().delete()
            started = time.perf_counter()
            outcomes = documents_ingest(paths=seeds)
            timings.append(time.perf_counter() - started)
            facts = sum(o.facts for o in outcomes)
    result = {"documents": len(seeds), "facts": facts, "median_seconds": round(statistics.median(timings), 3),
              "runs_seconds": [round(t, 3) for t in timings], "target_seconds": 2.0,
              "meets_target": statistics.median(timings) < 2.0}
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data["ingest"] = result
    RESULTS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
