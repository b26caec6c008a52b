"""Helpers for the extractor tests: run the pipeline on a text written for the test."""

from __future__ import annotations

import pytest

from ims.extract.pipeline import extract_text


@pytest.fixture
def facts():
    """``facts(text, type, date="2024-05-15")``: the facts of one type found in ``text``, as dicts."""

    def run(text: str, fact_type: str, date: str | None = "2024-05-15") -> list[dict]:
        return [f.to_json() for f in extract_text(text, "test.txt", doc_date=date) if f.type == fact_type]

    return run
