"""Benchmark of the ingestion pipeline (``ims.text`` + ``ims.extract``).

1. Builds, in a temporary directory, a corpus of at least 50 MB from the seed letters by deterministic
   perturbation: paragraphs shuffled, country names swapped, numbers and years changed.
2. Measures extraction throughput (read, clean, split, extract) in MB per CPU-second on one core: the
   median of three runs over the whole corpus. CPU time of this process, so that other work on a shared
   machine does not count (it still slows a run somewhat: the load average is recorded with the figures).
3. Times each stage of the pipeline in one more pass (CPU milliseconds per MB), to show where time goes.
4. Times ``grep -c -F -f PATTERNS`` over the same files with the gazetteer's patterns: the floor, what a
   single pass of plain string matching costs.
5. Scores the extractor on the five seed letters with the shared scorer, per fact type (the report's pages
   000, 003 and 002 read as the bundle a user declares; see ``bench/quality.py``).
6. Counts the facts per MB of corpus and the CPU time per fact, now and at the floor, and times a fixed
   workload that uses no IMS code, so that figures from different machines can be compared.

The floor: 1.5 MB per CPU-second where the calibration workload takes 200 ms or less, scaled down by the
calibration on a slower machine (at 300 ms, 1.0 MB/s). It is about regressions, so the median of three runs
is judged against it; the ratio to the ``grep -F`` floor is recorded beside it.

The figures are merged into ``bench/results.json`` under the key "extraction"; other keys are kept.

usage: python bench/extract_bench.py [--mb 50] [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from quality import seed_scores  # noqa: E402

from ims.extract.context import DocContext  # noqa: E402
from ims.extract.pipeline import EXTRACTORS, extract_path  # noqa: E402
from ims.extract.sentences import split_sentences  # noqa: E402
from ims.text.clean import clean_text  # noqa: E402
from ims.text.countries import country_name  # noqa: E402
from ims.text.gazetteer import patterns  # noqa: E402
from ims.text.meta import read_meta  # noqa: E402
from ims.text.read import read_document  # noqa: E402

SHARED = Path(os.environ.get("IMS_SHARED_DIR", REPO.parent / "shared"))
RESULTS = REPO / "bench" / "results.json"
FLOOR_MB_PER_S = 1.5
FLOOR_CALIBRATION_MS = 200.0
_SWAPPABLE = (
    "BE", "LU", "DE", "FR", "NO", "DK", "GB", "US", "PL", "IT", "ES", "SE", "FI", "CA", "LT", "EE", "LV",
    "CZ", "AT", "PT",
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_NUMBER = re.compile(r"(?<![\w-])\d{1,3}(?:,\d+)?(?![\w-])")
_YEAR = re.compile(r"\b20[0-2]\d\b")


def _perturb(text: str, rng: random.Random) -> str:
    """One synthetic letter: the seed's paragraphs shuffled, countries swapped, numbers and years changed."""
    paragraphs = _PARAGRAPH.split(text)
    head, body = paragraphs[:1], paragraphs[1:]
    rng.shuffle(body)
    out = "\n \n".join(head + body)
    codes = list(_SWAPPABLE)
    rng.shuffle(codes)
    swap = {country_name(a): country_name(b) for a, b in zip(_SWAPPABLE, codes, strict=True)}
    out = re.sub(
        "|".join(map(re.escape, sorted(swap, key=len, reverse=True))), lambda m: swap[m.group()], out
    )
    shift = rng.randint(-6, 6)
    out = _YEAR.sub(lambda m: str(int(m.group()) + shift), out)
    return _NUMBER.sub(
        lambda m: (
            str(rng.randint(2, 400)) if "," not in m.group() else f"{rng.randint(1, 9)},{rng.randint(0, 99)}"
        ),
        out,
    )


def build_corpus(directory: Path, megabytes: float, seed: int = 20191212) -> list[Path]:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    rng = random.Random(seed)
    paths, total, n = [], 0, 0
    while total < megabytes * 1_000_000:
        text = _perturb(texts[n % len(texts)], rng)
        path = directory / f"doc{n:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        total += len(text.encode("utf-8"))
        n += 1
    return paths


def _throughput(paths: list[Path], size: int) -> tuple[float, int]:
    """MB per CPU-second for one pass over ``paths`` (CPU time, so other load on the machine is excluded),
    and the number of facts found."""
    facts = 0
    start = time.process_time()
    for path in paths:
        facts += len(extract_path(path).facts)
    return size / 1_000_000 / (time.process_time() - start), facts


def _calibration_ms(texts: list[str], runs: int = 5) -> float:
    """CPU milliseconds of a fixed workload that uses no IMS code (tokenise the seed letters with a regex,
    count and sort the words, 20 times): machines differ, and this shows by how much, so that figures
    measured on different machines can be compared."""
    word = re.compile(r"\w+")
    times = []
    for _ in range(runs):
        start = time.process_time()
        for _ in range(20):
            counts: dict[str, int] = {}
            for text in texts:
                for w in word.findall(text.lower()):
                    counts[w] = counts.get(w, 0) + 1
            sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        times.append(time.process_time() - start)
    return round(statistics.median(times) * 1000, 1)


def _stage_costs(paths: list[Path], size: int) -> dict[str, float]:
    """CPU milliseconds per MB of each stage, in the order the pipeline runs them (``pipeline._extract``).

    "index" is the one pass per document for keywords, names and acronyms that the extractors share.
    """
    clock = time.process_time
    spent: dict[str, float] = {}

    def add(stage: str, since: float) -> float:
        now = clock()
        spent[stage] = spent.get(stage, 0.0) + now - since
        return now

    for path in paths:
        t = clock()
        raw = read_document(path)
        t = add("read", t)
        meta = read_meta(raw.text)
        t = add("meta", t)
        clean = clean_text(raw.text)
        t = add("clean", t)
        sentences = split_sentences(clean.text)
        t = add("sentences", t)
        doc = DocContext(raw.name, clean, meta.date, sentences=sentences)
        doc.build_indexes()
        t = add("index", t)
        for extractor in EXTRACTORS:
            extractor(doc)
            t = add(extractor.__module__.rsplit(".", 1)[-1], t)
    return {stage: round(seconds * 1000 / (size / 1_000_000), 1) for stage, seconds in spent.items()}


def _grep_floor(paths: list[Path], directory: Path, size: int) -> dict:
    grep = shutil.which("grep")
    if grep is None:
        return {"available": False}
    pattern_file = directory / "PATTERNS"
    pattern_file.write_text("\n".join(patterns()) + "\n", encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(
        [grep, "-c", "-F", "-f", str(pattern_file), "-r", str(directory / "corpus")],
        stdout=subprocess.DEVNULL,
        check=False,
    )
    seconds = time.perf_counter() - start
    return {
        "available": True,
        "patterns": len(patterns()),
        "seconds": round(seconds, 3),
        "mb_per_s": round(size / 1_000_000 / seconds, 1),
    }


def floor_mb_per_s(calibration_ms: float) -> float:
    """The throughput floor on a machine whose calibration workload takes ``calibration_ms``."""
    return round(FLOOR_MB_PER_S * min(1.0, FLOOR_CALIBRATION_MS / calibration_ms), 2)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    args = ap.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="ims-extract-bench-"))
    try:
        (work / "corpus").mkdir(parents=True, exist_ok=True)
        paths = build_corpus(work / "corpus", args.mb)
        size = sum(p.stat().st_size for p in paths)
        load_before = os.getloadavg()[0]
        passes = [_throughput(paths, size) for _ in range(args.runs)]
        runs = [mb_per_s for mb_per_s, _ in passes]
        facts_per_mb = passes[0][1] / (size / 1_000_000)
        stages = _stage_costs(paths, size)
        calibration = _calibration_ms(
            [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
        )
        median = statistics.median(runs)
        floor = floor_mb_per_s(calibration)
        grep = _grep_floor(paths, work, size)
        figures = {
            "corpus": {
                "documents": len(paths),
                "megabytes": round(size / 1_000_000, 1),
                "how": "seed letters with paragraphs shuffled, countries swapped, numbers and years changed",
            },
            "throughput_mb_per_cpu_s": {
                "median": round(median, 2),
                "runs": [round(r, 2) for r in runs],
                "floor": floor,
                "floor_rule": f"{FLOOR_MB_PER_S} MB/CPU-s at a calibration of {FLOOR_CALIBRATION_MS:.0f} ms or "
                "less, scaled by the calibration above it",
                "meets_floor": median >= floor,
                "grep_floor_ratio": round(grep["mb_per_s"] / median, 1) if grep.get("available") else None,
                "per": "one core (CPU time of this process)",
                "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
                "cpus": os.cpu_count(),
            },
            # The CPU time each fact costs, and what the floor leaves for each (every stage included), put the
            # throughput in terms of the work done.
            "facts": {
                "per_mb": round(facts_per_mb),
                "cpu_us_per_fact": round(1e6 / (median * facts_per_mb)),
                "cpu_us_per_fact_at_floor": round(1e6 / (floor * facts_per_mb)),
            },
            "calibration_ms": calibration,
            "stages_ms_per_mb": stages,
            "grep_floor": grep,
            "seed_scores": seed_scores(),
            "measured": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "python": sys.version.split()[0],
        }
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results["extraction"] = figures
    text = json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
