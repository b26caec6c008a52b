"""The review screen's default bulk-accept threshold is what the development corpus says is safe: the lowest
confidence from which on at least 95 % of the extractor's facts are right, on all 40 development texts. It is
stored (``ims/ingest/bulk_threshold.json``, written by ``make bench``); this checks it against a fresh
computation, so a change of the rules or their confidences that moves it fails here until
``python bench/quality.py --write`` is run."""

from __future__ import annotations

import json
from itertools import pairwise

from bench import quality

from ims.ingest.forms import BULK_THRESHOLD_FILE, default_bulk_threshold


def test_the_stored_threshold_agrees_with_the_development_corpus():
    bands = quality.confidence_bands("all")
    stored = json.loads(BULK_THRESHOLD_FILE.read_text(encoding="utf-8"))
    assert default_bulk_threshold() == stored["threshold"] == quality.bulk_threshold(bands), (
        "run `python bench/quality.py --write`",
        bands,
    )


def _bands(*precisions):
    bands = list(pairwise(quality.BAND_BOUNDS))
    return [{"band": [lo, hi], "precision_at_or_above": p} for (lo, hi), p in zip(bands, precisions, strict=True)]


def test_the_threshold_is_the_lowest_bound_from_which_on_every_higher_one_is_safe_too():
    assert quality.bulk_threshold(_bands(0.5, 0.8, 0.9, 0.96, 0.97, 0.99)) == 0.7
    # A safe band under an unsafe one does not count: raising the threshold must never make it less safe.
    assert quality.bulk_threshold(_bands(0.5, 0.96, 0.9, 0.97, 0.97, 0.99)) == 0.7
    # Empty bands at the top neither count against nor for.
    assert quality.bulk_threshold(_bands(0.5, 0.6, 0.97, 0.98, None, None)) == 0.6


def test_without_a_safe_band_nothing_is_accepted_in_bulk():
    threshold = quality.bulk_threshold(_bands(0.2, 0.3, 0.4, 0.5, 0.6, 0.7))
    assert threshold == quality.NO_RELIABLE_BAND > 1
    # even a safe band under an unsafe top one is not enough
    assert quality.bulk_threshold(_bands(0.2, 0.3, 0.4, 0.96, 0.97, 0.9)) > 1
