"""The report is written in its own words: no run of nine or more words of the seed letters appears in the
reporting code, its templates, its tests, the report texts stored for them or its stylesheet (a checker flags
such runs anywhere in the repo)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RUN = 9
OWN_FILES = [*sorted((REPO / "src" / "ims" / "reporting").rglob("*")), *sorted(Path(__file__).parent.rglob("*.py")),
             *sorted((Path(__file__).parent / "expected").glob("*")),
             REPO / "src" / "ims" / "static" / "ims" / "report.css", REPO / "bench" / "report_bench.py"]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def test_no_nine_word_run_of_a_seed_letter(shared_dir):
    runs = set()
    for seed in sorted((shared_dir / "seeds").glob("*.txt")):
        w = words(seed.read_text(encoding="utf-8"))
        runs.update(tuple(w[i:i + RUN]) for i in range(len(w) - RUN + 1))
    checked = 0
    for path in OWN_FILES:
        if not path.is_file() or path.suffix not in (".py", ".html", ".css", ".json", ".txt", ".md"):
            continue
        w = words(path.read_text(encoding="utf-8"))
        overlap = [" ".join(w[i:i + RUN]) for i in range(len(w) - RUN + 1) if tuple(w[i:i + RUN]) in runs]
        assert not overlap, f"{path.relative_to(REPO)} repeats a seed letter: {overlap[0]!r}"
        checked += 1
    if checked < 20:
        pytest.fail(f"only {checked} files checked")
