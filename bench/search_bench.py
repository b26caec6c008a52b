"""Search and XLSX export on a synthetic register, per database and per user.

Run by bench/run.py in a fresh process per database: 10,000 initiatives (`ims synth`) and 1,000 synthetic
letters of letter length (about 600 words each), classified like the initiatives. Each query is timed through
the search's selector (hits, counts, facets, snippets: all the result page needs) as an analyst cleared for
everything and as a viewer cleared for unclassified only, against the floor of a plain ``icontains`` search
over the same records and letters. Then the initiative list's XLSX export of all 10,000 initiatives, through
the view, its time and the peak of Python memory while it is built and sent.

    python bench/search_bench.py --database-url sqlite:////tmp/x.sqlite3 --initiatives 10000 --documents 1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import statistics
import sys
import time
import tracemalloc

# Words of the synthetic letters: the register's own vocabulary, plus the phrases the queries look for.
_FILLER_TEXT = ("de minister van defensie meldt de kamer dat de samenwerking met partners in het kader van de navo en "
                "de europese unie verder is versterkt waarbij de krijgsmacht investeert in opleiding oefening en "
                "gezamenlijke inzet voor de veiligheid van het bondgenootschappelijk grondgebied")
FILLER = _FILLER_TEXT.split()
TOPICS = ["onderzeeboten", "Noorse mariniers", "geïntegreerde eenheden", "luchtverdediging", "helikopters",
          "fregatten", "bewaking van het Benelux-luchtruim", "Duitse brigade", "Franse marine", "cyberverdediging",
          "munitievoorraden", "maritiem onderhoud", "satellietcommunicatie", "logistieke steun"]
QUERIES = ["onderzeeboten", "Noorse mariniers", '"maritiem onderhoud"', "helikopter", "cyber -logistiek",
           "geïntegreerde eenheden", "Duitse OR Franse", "luchtruimbewaking", "synthetisch"]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def letters(count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for n in range(count):
        sentences = []
        for _ in range(45):
            words = rng.choices(FILLER, k=rng.randint(8, 16))
            if rng.random() < 0.15:
                words.insert(rng.randrange(len(words)), rng.choice(TOPICS))
            sentences.append(" ".join(words).capitalize() + ".")
        text = " ".join(sentences)
        out.append({"title": f"Synthetische brief {n:04d} over {rng.choice(TOPICS)}", "text": text,
                    "date": dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 12))})
    return out


def timed(fn, repeat: int) -> tuple[list[float], list[float]]:
    fn()  # warm
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def summary(wall: list[float], cpu: list[float]) -> dict:
    return {"median_ms": round(statistics.median(wall), 2), "p95_ms": round(percentile(wall, 95), 2),
            "cpu_p95_ms": round(percentile(cpu, 95), 2)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--documents", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    os.environ["IMS_DATABASE_URL"] = args.database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "ims.conf.ci"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Q
    from django.test import Client

    from ims.accounts.services import user_create
    from ims.core.services import record_bulk_create
    from ims.register.models import Initiative, Partner, SourceDocument
    from ims.register.synth import CLASSIFICATION_WEIGHTS
    from ims.search.analysis import words
    from ims.search.selectors import search
    from ims.search.services import rebuild

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("synth", initiatives=args.initiatives, partners=200, seed=1, stdout=quiet)
    rng = random.Random(2)
    levels, weights = zip(*CLASSIFICATION_WEIGHTS.items(), strict=True)
    record_bulk_create([
        SourceDocument(title=d["title"], text=d["text"], date=d["date"], classification=rng.choices(levels, weights)[0],
                       sha256=hashlib.sha256(d["text"].encode()).hexdigest() + "")
        for d in letters(args.documents, seed=3)
    ], reason="synthetische brieven (zoekbenchmark)", batch_size=200)
    started = time.perf_counter()
    entries = rebuild()
    index_seconds = time.perf_counter() - started
    users = {
        "analyst_secret": user_create(username="bench-analist", password="bench-wachtwoord-1", role="analyst",
                                      clearance="secret"),
        "viewer_unclassified": user_create(username="bench-viewer", password="bench-wachtwoord-1", role="viewer",
                                           clearance="unclassified"),
    }

    def floor(user, q: str) -> tuple[int, list]:
        """The plain way: every word somewhere in the title or text, per kind of record, clearance applied."""
        terms = [w for w in words(q.replace(" OR ", " ")) if not w.startswith("-")]
        found, first = 0, []
        for model, fields in ((Initiative, ("title", "summary")), (SourceDocument, ("title", "text")),
                              (Partner, ("name_nl", "name_en"))):
            condition = Q()
            for term in terms:
                condition &= Q(**{f"{fields[0]}__icontains": term}) | Q(**{f"{fields[1]}__icontains": term})
            qs = model.objects.for_user(user).filter(condition)
            found += qs.count()
            first += list(qs.order_by("pk").values_list("pk", flat=True)[:20])
        return found, first

    results: dict = {"vendor": connection.vendor, "initiatives": args.initiatives, "documents": args.documents,
                     "index_entries": entries, "index_rebuild_seconds": round(index_seconds, 2),
                     "repeat": args.repeat, "queries": QUERIES, "search": {}, "floor": {}, "hits": {}}
    for who, user in users.items():
        all_wall, all_cpu, floor_wall, floor_cpu = [], [], [], []
        for q in QUERIES:
            wall, cpu = timed(lambda q=q, user=user: search(user=user, q=q), args.repeat)
            all_wall += wall
            all_cpu += cpu
            wall, cpu = timed(lambda q=q, user=user: floor(user, q), args.repeat)
            floor_wall += wall
            floor_cpu += cpu
            results["hits"][f"{who}/{q}"] = search(user=user, q=q).count
        results["search"][who] = summary(all_wall, all_cpu)
        results["floor"][who] = summary(floor_wall, floor_cpu)

    client = Client(HTTP_HOST="localhost")
    client.force_login(users["analyst_secret"])
    url = "/initiatieven/?format=xlsx"

    def export() -> int:
        response = client.get(url)
        return sum(len(chunk) for chunk in response.streaming_content)

    t0, c0 = time.perf_counter(), time.process_time()
    size = export()
    seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - c0
    tracemalloc.start()
    export()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    results["xlsx_export"] = {"rows": Initiative.objects.unrestricted().count(), "seconds": round(seconds, 2),
                              "cpu_seconds": round(cpu_seconds, 2), "bytes": size,
                              "peak_python_memory_mb": round(peak / 2**20, 1)}
    worst = max(e["p95_ms"] for e in results["search"].values())
    results["targets"] = {
        "search_p95_under_50ms": worst < 50, "worst_search_p95_ms": worst,
        "beats_icontains_floor": all(results["search"][w]["p95_ms"] < results["floor"][w]["p95_ms"] for w in users),
        "xlsx_under_5s": seconds < 5,
    }
    json.dump(results, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
