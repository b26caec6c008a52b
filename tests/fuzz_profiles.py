"""How long the fuzz tests run, as Hypothesis settings.

The fuzz tests share one time budget: ``IMS_FUZZ_SECONDS`` (30 by default, the normal test run). Each
test states its share of the default 30 s (the shares of all fuzz tests add up to 30) and the CPU time
one of its examples takes, measured on the development machine; the number of examples follows. So the
budget is met through example counts, not a clock (Hypothesis has no time limit of its own): the inputs
tried are the same on every machine, and a slower or busier one takes proportionally longer.

Two profiles:

* ``ims-fuzz`` (default): derandomized and without an example database, so that a CI run tries the
  same inputs every time and cannot flake on a new random draw;
* ``ims-fuzz-long`` (``IMS_FUZZ_PROFILE=long``, used by ``make fuzz``): random, with a deadline to catch
  inputs that make a parser crawl, and failing examples kept under ``var/fuzz/hypothesis``.

The profiles are registered but never loaded globally: the other property tests keep their settings.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

DEFAULT_SECONDS = 30.0
LONG = os.environ.get("IMS_FUZZ_PROFILE", "").strip().lower() == "long"
SECONDS = float(os.environ.get("IMS_FUZZ_SECONDS") or DEFAULT_SECONDS)
# Fuzz inputs are big and some are slow by design (whole letters, PDFs); those checks would only get in
# the way.
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much, HealthCheck.large_base_example]

settings.register_profile(
    "ims-fuzz",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=_QUIET,
)
settings.register_profile(
    "ims-fuzz-long",
    derandomize=False,
    database=DirectoryBasedExampleDatabase(str(Path(__file__).resolve().parents[1] / "var" / "fuzz" / "hypothesis")),
    # Generous: a shared two-core machine stalls now and then, and Hypothesis re-runs slow examples
    # before it reports them. What it catches is a regex or parser that takes seconds on one input.
    deadline=timedelta(seconds=10),
    print_blob=True,
    suppress_health_check=_QUIET,
)

F = TypeVar("F", bound=Callable)


def examples(share: float, ms_per_example: float) -> int:
    """Examples for a test given ``share`` seconds of the default 30 s budget and its cost per example."""
    seconds = share * SECONDS / DEFAULT_SECONDS
    return max(10, int(seconds * 1000 / ms_per_example))


def fuzz(share: float, ms_per_example: float) -> Callable[[F], F]:
    """Settings decorator for one fuzz test: its ``share`` of the budget at ``ms_per_example``."""
    profile = settings.get_profile("ims-fuzz-long" if LONG else "ims-fuzz")
    return settings(profile, max_examples=examples(share, ms_per_example))
