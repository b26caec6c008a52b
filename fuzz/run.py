"""`make fuzz`: the Hypothesis fuzz tests at length, then atheris on every target, within one time budget.

The budget (``--seconds``, 600 by default) is split: the Hypothesis fuzz tests get a fixed share, the
atheris targets the rest by weight, each target in its own process with libFuzzer's
``-max_total_time``. Time a step does not use (or overruns) is given to (or taken from) the ones after it.
Each target's corpus lives under ``var/fuzz/corpus/`` and grows from run to run; it starts from the
seed letters and documents built from them. Crashes are saved under ``var/fuzz/crashes/``.

The summary (inputs tried and crashes per target) is merged into ``bench/results.json`` under "fuzz".
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fuzz_inputs import (  # noqa: E402
    TOKENS,
    docx_bytes,
    html_page,
    seed_lines,
    seed_texts,
    simple_pdf,
    weasy_pdf,
)

VAR = ROOT / "var" / "fuzz"
RESULTS = ROOT / "bench" / "results.json"
# Relative weights of the budget. PDF parsing is the slowest per input and has the most code behind it.
WEIGHTS = {
    "clean": 1.0,
    "extract": 1.5,
    "dates": 0.75,
    "numbers": 0.75,
    "meta": 0.75,
    "pdf": 2.0,
    "docx": 1.0,
    "html": 1.0,
}
HYPOTHESIS_SHARE = 0.25
MAX_LEN = {"clean": 8192, "extract": 8192, "meta": 8192, "dates": 512, "numbers": 512, "pdf": 20000}
# Seconds a harness takes to import and instrument its code before it fuzzes.
START_UP = {"pdf": 25.0, "docx": 20.0, "html": 15.0}
_START_UP = 8.0
# Seconds the Hypothesis run spends outside its examples: start-up, collection, the slowest tests' minimum.
HYPOTHESIS_OVERHEAD = 40.0
_TEXT_WORDS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
    "december", "jaar", "miljoen", "miljard", "euro", "procent", "Pagina", "van", "Datum", "Betreft",
    "Onze referentie", "minister", "Defensie", "intentieverklaring", "samenwerking",
)
_BYTE_WORDS = (
    b"obj", b"endobj", b"stream", b"endstream", b"/Length", b"xref", b"trailer", b"startxref", b"<<", b">>", b" 0 R",
    b"/Type", b"/Page", b"/Pages", b"/Kids", b"/Count", b"/Font", b"/Filter", b"/FlateDecode", b"/Encrypt", b"BT",
    b"ET", b"Tj", b"TJ", b"Tf", b"Td", b"%%EOF", b"PK\x03\x04", b"PK\x01\x02", b"<w:p>", b"<w:t>", b"</w:t>",
    b"<w:tbl>", b"<main>", b"<article>", b"<p>", b"<br>", b"<script>", b"<!--", b"-->",
)


# ---------------------------------------------------------------- corpora and dictionaries


def _write(folder: Path, items: list[bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for item in items:
        (folder / hashlib.sha1(item).hexdigest()).write_bytes(item)


def _chunks(text: str, size: int) -> list[str]:
    return [text[k : k + size] for k in range(0, len(text), size)]


def seed_corpora() -> None:
    """The starting inputs of every target: seed letters and documents made from them."""
    letters = [chunk for text in seed_texts() for chunk in _chunks(text, 8000)]
    lines = [line.strip() for line in seed_lines() if any(ch.isdigit() for ch in line)]
    paragraphs = [p for text in seed_texts() for p in text.split("\n \n") if p.strip()]
    corpora: dict[str, list[bytes]] = {
        "clean": [t.encode() for t in letters],
        "extract": [t.encode() for t in letters],
        "meta": [t[:3000].encode() for t in seed_texts()] + [t[-2000:].encode() for t in seed_texts()],
        "dates": [line.encode() for line in lines[:400]],
        "numbers": [line.encode() for line in lines[:400]],
        "pdf": [weasy_pdf(compressed=True)]
        + [simple_pdf([p.split("\n") for p in paragraphs[k : k + 3]]) for k in range(0, min(len(paragraphs), 30), 3)],
        "docx": [docx_bytes(paragraphs[k : k + 6], rows=[paragraphs[k : k + 2]]) for k in range(0, 30, 6)],
        "html": [
            html_page(p[:40], p.split("\n"), main=k % 2 == 0).replace(b"\n", b"\r\n")
            for k, p in enumerate(paragraphs[:20])
        ],
    }
    for name, items in corpora.items():
        _write(VAR / "corpus" / name, items)


def _dict_line(token: bytes) -> str:
    return '"' + "".join(chr(b) if 32 <= b < 127 and b not in b'"\\' else f"\\x{b:02X}" for b in token) + '"'


def write_dictionaries() -> dict[str, Path]:
    """libFuzzer dictionaries: words that open the parsers' branches, so mutations insert them whole."""
    text_tokens = {t.encode() for t in (*TOKENS, *_TEXT_WORDS) if t.strip()}
    folder = VAR / "dict"
    folder.mkdir(parents=True, exist_ok=True)
    text_dict, byte_dict = folder / "text.dict", folder / "bytes.dict"
    text_dict.write_text("\n".join(_dict_line(t) for t in sorted(text_tokens)) + "\n")
    byte_dict.write_text("\n".join(_dict_line(t) for t in _BYTE_WORDS) + "\n")
    return {name: byte_dict if name in ("pdf", "docx", "html") else text_dict for name in WEIGHTS}


# ---------------------------------------------------------------- running


MAX_RESTARTS = 4  # after a crash libFuzzer stops; the target goes on with what is left of its time


def run_target(name: str, seconds: float, dictionary: Path) -> dict:
    """One atheris target for ``seconds``: inputs tried, and the crashes it found.

    libFuzzer stops at the first crash; the target is then started again for the time left, a few
    times at most, so that one bug does not end the search for others.
    """
    crashes = VAR / "crashes"
    crashes.mkdir(parents=True, exist_ok=True)
    before = set(crashes.iterdir())
    started = time.monotonic()
    inputs, errors = 0, []
    for run in range(MAX_RESTARTS + 1):
        left = seconds - (time.monotonic() - started)
        if run and left < 10:
            break
        code, text, log = _run_once(name, max(1.0, left), dictionary, run)
        executed = re.findall(r"stat::number_of_executed_units: (\d+)", text) or re.findall(r"(?m)^#(\d+)\t", text)
        inputs += int(executed[-1]) if executed else 0
        if code == 0:
            break
        errors.append(_crash_summary(text) or f"exit status {code}")
    new = sorted(str(p.relative_to(ROOT)) for p in set(crashes.iterdir()) - before)
    # libFuzzer also saves inputs slower than 10 s ("slow-unit-"): worth a look, but not failures.
    found = [p for p in new if "/slow-unit-" not in p.replace(f"/{name}-", "/")]
    return {
        "engine": "atheris",
        "seconds": round(time.monotonic() - started, 1),
        "inputs": inputs,
        "crashes": len(found),
        "reproducers": found,
        "slow_units": [p for p in new if p not in found],
        "errors": errors,
        "log": str(log.relative_to(ROOT)),
    }


def _run_once(name: str, seconds: float, dictionary: Path, run: int) -> tuple[int | str, str, Path]:
    """One libFuzzer process: its exit status, its log and the log's path."""
    command = [
        sys.executable, str(ROOT / "fuzz" / "harness.py"), name,
        f"-max_total_time={max(1, int(seconds))}", "-timeout=30", "-rss_limit_mb=2048", "-print_final_stats=1",
        f"-artifact_prefix={VAR / 'crashes'}/{name}-", f"-dict={dictionary}",
        str(VAR / "corpus" / name),
    ]
    if name in MAX_LEN:
        command.insert(3, f"-max_len={MAX_LEN[name]}")
    log = VAR / "logs" / (f"{name}.log" if not run else f"{name}.{run}.log")
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        # A hard limit as well: libFuzzer honours max_total_time, but only between inputs.
        try:
            code: int | str = subprocess.run(
                command, stdout=out, stderr=subprocess.STDOUT, timeout=seconds + 120, check=False
            ).returncode
        except subprocess.TimeoutExpired:
            code = "killed after the time limit"
    return code, log.read_text(errors="replace"), log


def _crash_summary(log: str) -> str | None:
    """The exception line of a crash, or libFuzzer's reason (timeout, out of memory)."""
    lines = log.splitlines()
    for k, line in enumerate(lines):
        if line.startswith("=== Uncaught Python exception: ==="):
            trace = [t for t in lines[k + 1 : k + 60] if t and not t.startswith((" ", "Traceback"))]
            return trace[0] if trace else line
        if "ERROR: libFuzzer:" in line:
            return line.split("ERROR: libFuzzer:", 1)[1].strip()
    return None


def run_hypothesis(seconds: float) -> dict:
    """The Hypothesis fuzz tests in the long (random) profile, sized to ``seconds``."""
    tests = [
        "tests/text/test_fuzz_clean.py",
        "tests/text/test_fuzz_parsers.py",
        "tests/text/test_fuzz_read.py",
        "tests/extract/test_fuzz_extract.py",
    ]
    budget = max(5, int(seconds - HYPOTHESIS_OVERHEAD))
    env = {**os.environ, "IMS_FUZZ_PROFILE": "long", "IMS_FUZZ_SECONDS": str(budget)}
    env.pop("IMS_DATABASE_URL", None)
    started = time.monotonic()
    log = VAR / "logs" / "hypothesis.log"
    command = [sys.executable, "-m", "pytest", *tests, "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics"]
    with log.open("w") as out:
        process = subprocess.run(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    text = log.read_text(errors="replace")
    per_test: dict[str, int] = {}
    for block in re.split(r"\n(?=tests/\S+::\S+:\n)", text):
        head = re.match(r"tests/\S+::(\S+):\n", block)
        if head:
            counts = re.findall(r"(\d+) passing, (\d+) failing, and (\d+) invalid", block)
            per_test[head.group(1)] = sum(int(a) + int(b) + int(c) for a, b, c in counts)
    failed = re.findall(r"^FAILED (\S+)", text, re.MULTILINE)
    return {
        "engine": "hypothesis (profile ims-fuzz-long)",
        "seconds": round(time.monotonic() - started, 1),
        "inputs": sum(per_test.values()),
        "inputs_per_test": per_test,
        "crashes": len(failed),
        "failed": failed,
        "errors": [] if process.returncode == 0 else [f"pytest exit status {process.returncode}"],
        "log": str(log.relative_to(ROOT)),
    }


def merge(key: str, value: dict) -> None:
    """Put ``value`` under ``key`` in bench/results.json, leaving the other benchmarks' keys alone."""
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data[key] = value
    RESULTS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("IMS_FUZZ_TOTAL", 600)))
    parser.add_argument("--targets", default=",".join(WEIGHTS), help="comma-separated atheris targets")
    parser.add_argument("--no-hypothesis", action="store_true")
    args = parser.parse_args()
    targets = [t for t in args.targets.split(",") if t]
    unknown = set(targets) - set(WEIGHTS)
    if unknown:
        parser.error(f"unknown targets: {', '.join(sorted(unknown))}")

    started = time.monotonic()
    deadline = started + args.seconds
    print(f"== preparing corpora under {VAR.relative_to(ROOT)}", flush=True)
    seed_corpora()
    dictionaries = write_dictionaries()
    results: dict[str, dict] = {}
    if not args.no_hypothesis:
        # Hypothesis first: its example counts are sized for its share, not cut off by a clock, so it may
        # run over on a busy machine; libFuzzer keeps to its time, so the atheris targets then take less.
        seconds = args.seconds * HYPOTHESIS_SHARE
        print(f"== hypothesis fuzz tests (long profile): {seconds:.0f} s", flush=True)
        results["hypothesis"] = run_hypothesis(seconds)
        r = results["hypothesis"]
        print(f"   {r['inputs']} inputs in {r['seconds']} s, {r['crashes']} failing tests", flush=True)
    remaining_weight = sum(WEIGHTS[t] for t in targets)
    for name in targets:
        left = deadline - time.monotonic()
        seconds = max(5.0, left * WEIGHTS[name] / remaining_weight - START_UP.get(name, _START_UP))
        remaining_weight -= WEIGHTS[name]
        print(f"== atheris {name}: {seconds:.0f} s", flush=True)
        results[name] = run_target(name, seconds, dictionaries[name])
        r = results[name]
        errors = "; ".join(r["errors"])
        print(f"   {r['inputs']} inputs in {r['seconds']} s, {r['crashes']} crashes {errors}", flush=True)
    summary = {
        "measured": dt.datetime.now().isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "budget_seconds": args.seconds,
        "seconds": round(time.monotonic() - started, 1),
        "inputs": sum(r["inputs"] for r in results.values()),
        "crashes": sum(r["crashes"] for r in results.values()),
        "targets": results,
    }
    merge("fuzz", summary)
    print(
        f"== {summary['inputs']} inputs, {summary['crashes']} crashes in {summary['seconds']} s; "
        f"written to {RESULTS.relative_to(ROOT)} under 'fuzz'",
        flush=True,
    )
    return 1 if summary["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())
